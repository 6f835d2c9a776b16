"""The intent corpus: what creators type, generated from the knowledge base and the
request reader's lexicon.

Styles: single concepts, combinations of two or three concepts from different
categories, modifiers ("slightly", "very", "less" ...). Requests: one to four correction
clauses (``editor.distill.phrasing``) in request frames with politeness and filler,
alone or on top of a style ("golden hour but less saturated"). No-ops: mashes, off-topic
sentences, other languages, "no changes". All of it with the noise of real typing:
case, typos, punctuation and emoji. Intents are deduplicated by ``intent_key`` (case,
spacing and punctuation do not count). The same seed always gives the same corpus in
the same order.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from editor.distill import grammar, noops, phrasing
from editor.teacher.knowledge import Concept, KnowledgeBase

LOOK_TEMPLATES: tuple[str, ...] = (
    "{x}", "{x}", "{x}", "{x} look", "{x} vibe", "{x} vibes", "{x} style", "{x} feel",
    "{x} aesthetic", "{x} mood", "{x} grade", "{x} color grading", "make it look like {x}",
    "make it look {x}", "make this {x}", "give me a {x} vibe", "give me a {x} look",
    "give it a {x} feel", "can you make this {x} pls", "can you make it look {x}?",
    "i want a {x} look", "i want it to feel {x}", "turn this into {x}", "something {x}",
    "{x} please", "{x} pls", "like a {x} scene", "going for a {x} vibe", "{x} kind of look",
    "make the video feel {x}", "edit this to look {x}", "{x} energy", "very much {x}",
    "i'm going for {x}", "apply a {x} look", "{x} type of vibe", "a {x} shot",
    "could you give this a {x} look", "make my clip {x}", "{x} footage", "{x} photo",
    # An intensifier before the look ("deep underwater", "pure noir") asks for the look.
    "deep {x}", "pure {x}", "full on {x}",
)
# Corrective names mix verbs ("brighten"), comparatives ("brighter") and complaints
# ("too dark"), so only frames that read well around all three are used.
CORRECTIVE_TEMPLATES: tuple[str, ...] = (
    "{x}", "{x}", "{x}", "{x} please", "{x} pls", "{x} plz", "{x}!!", "pls {x}",
    "{x} thanks", "hmm {x}", "{x} i think", "{x} maybe", "this photo: {x}", "{x}, thx",
    "ok {x}", "{x} for this clip",
)
#: Corrective names that take a degree word ("slightly brighter", "a bit more contrast").
GRADABLE = re.compile(r"^(more|less|too) |^\w+er$")
COMBO_TEMPLATES: tuple[str, ...] = (
    "{a} {b}", "{a} {b}", "{a} {b}", "{a} and {b}", "{a} with {b}", "{a} with a {b} feel",
    "{a} but {b}", "{b} {a}", "make it {a} and {b}", "give me a {a} {b} vibe",
    "{a} {b} look", "{a}, {b}", "{a} meets {b}", "{a} + {b}", "a {a} {b} scene",
)
TRIPLE_TEMPLATES: tuple[str, ...] = (
    "{a} {b} {c}", "{a} {b} {c}", "{a} {b} {c} look", "{a}, {b} and {c}",
    "make it {a} {b} {c}", "{a} {b} with {c}", "give me a {a} {b} {c} vibe",
)
#: A look named as the problem: "way too moody" takes some of it back; "it looks like
#: midnight, brighten it" asks only for the correction.
TOO_TEMPLATES: tuple[str, ...] = (
    "too {x}", "way too {x}", "a bit too {x}", "it's too {x}", "it looks too {x}", "it feels way too {x}",
    "this is a little too {x}", "the photo looks too {x}", "it came out too {x}", "too {x}, {f}",
    "it looks too {x}, {f}", "it's way too {x} now, {f}", "{f}, it's too {x}",
)
LIKENESS_TEMPLATES: tuple[str, ...] = (
    "it looks like {x}, {f}", "my phone made it look like {x}, {f}", "it looks like a {x} photo, {f}",
    "this looks like {x} lol, {f}", "it feels like {x} but it shouldn't, {f}", "{f}, it looks like {x}",
    "the camera made it look like {x}. {f}",
)
#: Taking a look out of the picture ("tone down the vintage look"): less of it, not more.
TAKE_OUT_TEMPLATES: tuple[str, ...] = (
    "tone down the {x} look", "reduce the {x} effect", "get rid of the {x}", "remove the {x} look",
    "too much {x}", "can you tone down the {x} vibe", "dial back the {x}", "take out the {x} feel, {f}",
    "{f} and tone down the {x}", "remove the {x} filter please", "can we reduce the {x} a bit",
)
FIX_TEMPLATES: tuple[str, ...] = (
    "{a} but {fix}", "{a}, {fix}", "{a} and {fix}", "{fix} and {a}", "{a} look but {fix}",
    "make it {a} but {fix}", "{a} please, {fix}",
)
MODIFIERS: tuple[str, ...] = (
    "slightly", "a bit", "a little", "very", "extremely", "more", "less", "not too",
    "really", "super", "somewhat", "kind of", "a tad", "much", "way",
)
EMOJI: tuple[str, ...] = (
    "\u2728", "\U0001F305", "\u2744\ufe0f", "\U0001F525", "\U0001F3AC", "\U0001F60D", "\U0001F319",
    "\U0001F308", "\U0001F33F", "\U0001F499", "\U0001F64F", "\U0001F60E", "\U0001F3A8", "\U0001F4F8",
)
PUNCTUATION: tuple[str, ...] = ("", "", "", "", "!", "!!", ".", "?", "...")

#: Share of each kind of intent in the corpus.
KINDS: tuple[tuple[str, float], ...] = (
    ("single", 0.11),
    ("modified", 0.07),
    ("pair", 0.10),
    ("triple", 0.04),
    ("fix", 0.05),
    ("modified_pair", 0.03),
    ("request", 0.34),
    ("style_request", 0.14),
    ("style_complaint", 0.04),
    ("noop", 0.1),
)
#: How many correction clauses a request has, and how often.
CLAUSES: tuple[tuple[int, float], ...] = ((1, 0.5), (2, 0.32), (3, 0.13), (4, 0.05))
#: Share of requests that end by keeping something as it is ("..., but don't touch the colors"),
#: and again of those that start with what stays or what not to do ("don't make it warmer, just ...").
KEEP_RATE = 0.07


def intent_key(text: str) -> str:
    """The identity of an intent: NFKC, lower case, letters and digits only.

    Looser than the form the student reads (``editor.prompts.normalize_intent``), on
    purpose: intents that differ only in case, spacing, punctuation or emoji are one
    intent when the corpus is deduplicated and split, so none is in two splits.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if ch.isalnum())


@dataclass(frozen=True)
class CorpusOptions:
    size: int = 56_000
    seed: int = 0
    typo_rate: float = 0.12
    emoji_rate: float = 0.08
    upper_rate: float = 0.04
    capitalize_rate: float = 0.2


def _typo(word: str, rng: random.Random) -> str:
    """One keyboard slip in a word: a dropped, doubled or swapped letter."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]


def noisy(text: str, options: CorpusOptions, rng: random.Random) -> str:
    """The text with the corpus's surface noise: keyboard slips, end punctuation, casing, emoji."""
    if rng.random() < options.typo_rate:
        words = text.split(" ")
        long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        # One slip in most noisy requests, two in a quarter of them.
        for i in rng.sample(long_words, min(len(long_words), 1 if rng.random() < 0.75 else 2)):
            words[i] = _typo(words[i], rng)
        text = " ".join(words)
    text += rng.choice(PUNCTUATION)
    roll = rng.random()
    if roll < options.upper_rate:
        text = text.upper()
    elif roll < options.upper_rate + options.capitalize_rate:
        text = text[:1].upper() + text[1:]
    if rng.random() < options.emoji_rate:
        text = f"{text} {rng.choice(EMOJI)}"
    return text


class _Picker:
    """Draws concepts and one of their names; categories drawn evenly, then concepts."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_category: dict[str, list[Concept]] = {}
        for concept in kb.concepts:
            self.by_category.setdefault(concept.category, []).append(concept)
        self.looks = [c for c in self.by_category if c != "corrective requests"]
        self.gradable = [
            n for c in self.by_category["corrective requests"] for n in c.names if GRADABLE.match(n)
        ]

    def name(self, concept: Concept, rng: random.Random) -> str:
        # The canonical name is what most people type; synonyms share the rest.
        return concept.names[0] if rng.random() < 0.4 else rng.choice(concept.names)

    def look(self, rng: random.Random, exclude: tuple[str, ...] = ()) -> Concept:
        category = rng.choice([c for c in self.looks if c not in exclude])
        return rng.choice(self.by_category[category])

    def fix(self, rng: random.Random) -> Concept:
        return rng.choice(self.by_category["corrective requests"])

    def gradable_fix(self, rng: random.Random) -> str:
        return rng.choice(self.gradable)


def _request(rng: random.Random, clauses: int) -> str:
    parts = []
    state = False
    for i in range(clauses):
        clause, is_state = phrasing.correction(rng)
        state = state or (i == 0 and is_state)
        parts.append(clause)
    text = parts[0]
    for part in parts[1:]:
        text += rng.choice(phrasing.JOINERS) + part
    roll = rng.random()
    if roll < KEEP_RATE:
        text += rng.choice((", ", " but ", ", but ", " and ", ". ")) + grammar.keep(rng)
    elif roll < 2 * KEEP_RATE:
        # "don't change the colors, just make it sharper": what stays is said first.
        first = grammar.keep(rng) if rng.random() < 0.5 else grammar.negated(rng)
        text = first + rng.choice((", just ", ". just ", ", only ", " - just ", ", ")) + text
    return phrasing.frame_request(text, state, rng)


def _draw(kind: str, picker: _Picker, rng: random.Random) -> str:
    if kind == "noop":
        return noops.noop(rng)
    if kind == "request":
        counts, weights = zip(*CLAUSES, strict=True)
        return _request(rng, rng.choices(counts, weights)[0])
    if kind == "style_request":
        look = picker.name(picker.look(rng), rng)
        if rng.random() < 0.3:
            look = f"{rng.choice(MODIFIERS[:4])} {look}"
        fix = _request(rng, rng.choice((1, 1, 1, 2)))
        frame = rng.choice(("{a} but {f}", "{a}, {f}", "{a} and {f}", "{f}, {a}", "{a} look but {f}",
                            "make it {a} but {f}", "{a} vibe, {f}", "{a}. {f}", "i want {a}, {f}",
                            "{a} please, {f}", "{f} and make it {a}", "{a} style but {f}"))
        return frame.format(a=look, f=fix)
    if kind == "style_complaint":
        draw = rng.random()
        frame = rng.choice(TOO_TEMPLATES if draw < 0.5 else LIKENESS_TEMPLATES if draw < 0.75
                           else TAKE_OUT_TEMPLATES)
        return frame.format(x=picker.name(picker.look(rng), rng), f=_request(rng, 1))
    if kind == "single":
        if rng.random() < 0.2:
            return rng.choice(CORRECTIVE_TEMPLATES).format(x=picker.name(picker.fix(rng), rng))
        return rng.choice(LOOK_TEMPLATES).format(x=picker.name(picker.look(rng), rng))
    if kind == "modified":
        mod = rng.choice(MODIFIERS)
        if rng.random() < 0.35:
            return rng.choice(CORRECTIVE_TEMPLATES).format(x=f"{mod} {picker.gradable_fix(rng)}")
        return rng.choice(LOOK_TEMPLATES).format(x=f"{mod} {picker.name(picker.look(rng), rng)}")
    if kind in ("pair", "modified_pair"):
        a = picker.look(rng)
        b = picker.look(rng, exclude=(a.category,))
        na, nb = picker.name(a, rng), picker.name(b, rng)
        if kind == "modified_pair":
            nb = f"{rng.choice(MODIFIERS)} {nb}"
        return rng.choice(COMBO_TEMPLATES).format(a=na, b=nb)
    if kind == "triple":
        a = picker.look(rng)
        b = picker.look(rng, exclude=(a.category,))
        c = picker.look(rng, exclude=(a.category, b.category))
        return rng.choice(TRIPLE_TEMPLATES).format(a=picker.name(a, rng), b=picker.name(b, rng),
                                                   c=picker.name(c, rng))
    if rng.random() < 0.3:
        fix = f"{rng.choice(MODIFIERS[:4])} {picker.gradable_fix(rng)}"
    else:
        fix = picker.name(picker.fix(rng), rng)
    return rng.choice(FIX_TEMPLATES).format(a=picker.name(picker.look(rng), rng), fix=fix)


def generate_intents(
    kb: KnowledgeBase, options: CorpusOptions = CorpusOptions(), exclude: Iterable[str] = ()
) -> Iterator[str]:
    """Yield ``options.size`` unique intents (by ``intent_key``), deterministic in the seed.

    None is an ``exclude`` intent: the hand-written requests measure the student and
    never reach its training data, even where the generator composes the same words.

    Every concept name is used at least once, as a plain intent, before sampling starts,
    so no concept is missing from the corpus.
    """
    rng = random.Random(options.seed)
    picker = _Picker(kb)
    seen = {intent_key(text) for text in exclude}
    kinds, weights = zip(*KINDS, strict=True)
    plain = [n for c in kb.concepts for n in c.names]
    produced = 0
    attempts = 0
    while produced < options.size:
        attempts += 1
        if attempts > options.size * 50:
            raise RuntimeError(f"The knowledge base yields only {produced} unique intents.")
        if plain:
            text = plain.pop(0)
        else:
            text = noisy(_draw(rng.choices(kinds, weights)[0], picker, rng), options, rng)
        key = intent_key(text)
        if not key or key in seen:
            continue
        seen.add(key)
        produced += 1
        yield text
