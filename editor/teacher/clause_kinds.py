"""What a clause of a request is about, from its words: other work than grading ("mute the
audio", "turn it into a gif"), what the picture looks like or shows ("it looks like midnight",
"shot at the beach", "the orange in the autumn leaves"), a request to fix what came before
("fix pls"), or chat ("tell me about paris"). The knowledge-base teacher
(``editor.teacher.kb``) asks these before it reads a clause's words as styles."""

from __future__ import annotations

from editor.teacher import lexicon as lx
from editor.teacher.knowledge import Concept
from editor.teacher.reader import Clause
from editor.teacher.sentence import COMPLAINT_VERBS, DESIRE_WORDS, said_of, wants

#: Words that make a question a request ("how do i make it look like night").
REQUEST_WORDS: frozenset[str] = frozenset({"make", "turn", "give", "get", "add", "look", "feel", "grade",
                                           "edit", "apply"})


def off_picture(words: list[str]) -> bool:
    """Whether a clause is about sound, text or a logo ("mute the audio") or makes the
    picture into another kind of file ("turn it into a gif"); a "music video" is a look,
    and so is one "for my reel"."""
    for i, w in enumerate(words):
        if "for" in words[max(0, i - 4) : i]:
            continue
        if w in lx.OFF_PICTURE and words[i + 1 : i + 2] not in (["video"], ["videos"]):
            return True
        if w in lx.FORMATS and any(b in lx.MAKING for b in words[max(0, i - 6) : i]):
            return True
    return False


def likeness(words: list[str]) -> bool:
    """Whether a clause says what the picture looks like ("it looks like midnight", "my
    phone made it look like midnight") rather than asks for it ("make it look like ...")."""
    for i, w in enumerate(words[:-1]):
        if w not in lx.LIKENESS_VERBS:
            continue
        # "vintage look please", "a cozy feel", "a retro looking photo": after a name, no verb.
        verb = w not in ("look", "feel", "looking") or said_of(words, i)
        # "i look sunburnt", "the tomatoes look almost brown": what a thing in it looks like
        # is described; "can it look more cinematic" asks.
        described = i > 0 and verb and words[i + 1] not in ("more", "less")
        if words[i + 1] == "like" or described:
            # "why does my phone make everything look like 2am" asks why, not for it.
            return words[0] == "why" or not any(v in DESIRE_WORDS for v in words[:i])
    return False


#: "phone pic from the aquarium tunnel", "shot on an overcast day": where it was taken.
_SCENE_OPENERS = ("shot on", "shot at", "shot in", "taken at", "taken in", "taken on", "i shot", "we shot",
                  "i took", "we took", "i filmed", "we filmed", "shot this", "took this", "filmed this",
                  "there were", "there was", "shot my", "shot our")
#: Words a story opens with before its scene ("ok so i shot my friend's band at a bar").
_STORY_FILLER = frozenset({"ok", "okay", "so", "um", "well", "hey", "hi", "basically", "yeah", "soo"})
PICTURES = frozenset({"pic", "pics", "photo", "photos", "picture", "pictures", "video", "clip", "shot",
                      "footage", "vid", "image", "images"})
#: Nouns that make "in the ..." after them a look's name ("in the style of the 80s").
_LOOK_NOUNS = (" style", " look", " vibe", " feel", " mood", " like", " era")


def scene(words: list[str]) -> bool:
    """Whether a clause says where or when the picture was taken; beside a request, the
    place is not a look to add."""
    start = 0
    while start < len(words) and words[start] in _STORY_FILLER:
        start += 1
    if opens(tuple(words[start:]), _SCENE_OPENERS):
        return True
    # "the restaurant had those orange edison bulbs": what the place had is its light.
    if words[start : start + 1] in (["the"], ["our"], ["my"]) and "had" in words[start + 2 : start + 4]:
        return True
    at = next((i for i, w in enumerate(words[:3]) if w in PICTURES), None)
    return at is not None and words[at + 1 : at + 2] in (["from"], ["of"], ["at"]) and not wants(words, False)


def in_the_picture(words: list[str], concept: Concept) -> bool:
    """Whether a concept's name follows "in the", "on her" and the like: a thing in the picture."""
    text = f" {' '.join(words)} "
    for name in concept.names:
        # "... a bit darker for the youtube thumbnail": where it goes, not a look.
        for place in ("in", "on", "of", "for"):
            for owner in ("the", "her", "his", "my", "their", "those", "these", "our"):
                at = text.find(f" {place} {owner} {name} ")
                # "in the style of the 80s" names a look.
                if at >= 0 and not text[:at].endswith(_LOOK_NOUNS):
                    return True
    return False


def bare_adjectives(words: list[str]) -> bool:
    """Whether a clause is only adjectives and how much of them ("warm", "kinda faded"), with
    no verb or "too" that would make it a description of the picture."""
    telling = COMPLAINT_VERBS | lx.UNWANTED | lx.COMPLAINTS | {"too", "look", "feel", "so"}
    return not any(w in telling for w in words) and all(
        w in lx.ADJECTIVES or w in lx.CARRIERS or w in lx.COLORS or w in lx.DEGREES or w in lx.HEDGES
        or w in lx.GLUE for w in words
    )


def told(words: list[str]) -> bool:
    """Whether a clause has a verb that describes the picture ("the colors look dull")."""
    return any(w in COMPLAINT_VERBS or w in ("look", "feel") for w in words)


def fix_only(words: list[str]) -> bool:
    """Whether a clause only asks to fix what was said before it ("fix pls", "can you fix it")."""
    return any(w in lx.FIXES for w in words) and all(
        w in lx.FIXES or w in lx.GLUE or w in ("both", "everything", "issues", "problems") for w in words
    )


def likened(clauses: list[Clause], i: int) -> bool:
    """Whether a clause goes on with a comparison to the complaint before it ("the sky looks
    too dark, like a storm is coming")."""
    return i > 0 and clauses[i].words[:1] == ["like"] and clauses[i - 1].complaint


def opens(words: tuple[str, ...], openers: tuple[str, ...]) -> bool:
    return any(words[: len(p.split())] == tuple(p.split()) for p in openers)


def chat(clauses: list[Clause]) -> bool:
    """Small talk: a chat opening ("tell me", "do you") or a sentence about a person or a
    pet ("my dog loves this photo"), with no request word in it."""
    words = tuple(clauses[0].words) if clauses else ()
    if any(w in REQUEST_WORDS for c in clauses for w in c.words):
        return False
    if opens(words, lx.CHAT_OPENERS):
        return True
    if words[:1] == ("everyone",):
        return True
    return len(words) > 1 and words[0] in ("my", "our", "the") and words[1] in lx.PEOPLE
