"""The knowledge-base teacher: a request -> edits and styles -> one look.

Reading a request:

1. Nothing to do: text the model cannot read (``editor.intent.readable``), a request to
   change nothing (``lexicon.NO_CHANGE``) or one in which neither step below finds
   anything calls no tool (mode ``none``).
2. Words that are close misspellings of a known word are corrected (difflib, ratio 0.82).
3. The request reader (``editor.teacher.reader``) splits it into clauses and finds the
   edits each asks for: target, direction and degree ("darken it a tad", "too yellow",
   "the greens more vivid").
4. The words it does not use are matched against the knowledge base's concept names:
   scanning left to right, the longest concept name or modifier at each position wins,
   and a modifier scales the next concept. Runs of leftover words that are not filler
   are matched by meaning (``embedding.NameIndex``): the whole run if it matches at least
   as well as its best word, else word by word; matches below ``SIMILARITY_THRESHOLD``
   are ignored, and so are meaning-only matches in a question ("what time is it"). A
   clause that opens by taking something out ("tone down the vintage look") takes the style
   back; there only a word that plainly names a style counts ("remove the power lines"
   names none).
5. The styles are blended (below) and the edits applied on top (``compose``).

A request with no style, or only "more / less" of one, is a change to the current look
(mode ``relative``); any other style makes it a ``new`` look.

The styles are blended by ``editor.teacher.blend``.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from editor.intent import NEW, NONE, RELATIVE, readable
from editor.schema import Look
from editor.teacher import TeacherAnswer
from editor.teacher import lexicon as lx
from editor.teacher.blend import Match, blend, rationales
from editor.teacher.clause_kinds import (
    PICTURES,
    REQUEST_WORDS,
    bare_adjectives,
    chat,
    fix_only,
    in_the_picture,
    likened,
    likeness,
    off_picture,
    opens,
    scene,
    told,
)
from editor.teacher.compose import compose, edit_phrases
from editor.teacher.embedding import SIMILARITY_THRESHOLD, NameIndex
from editor.teacher.knowledge import Concept, KnowledgeBase, load_knowledge
from editor.teacher.reader import Clause, Edit, Reader, in_ranges, rangeable
from editor.teacher.sentence import COMPLAINT_VERBS, REMOVING
from editor.teacher.text import parts, tokens
from editor.teacher.verify import settle_filter

log = logging.getLogger(__name__)

#: Modifier phrase -> weight on the next concept (negative: the opposite, at that strength).
MODIFIERS: dict[str, float] = {
    "slightly": 0.5, "a bit": 0.5, "a little": 0.5, "a little bit": 0.5, "a tad": 0.5,
    "lightly": 0.5, "mildly": 0.6, "gently": 0.6, "subtly": 0.5, "faintly": 0.4,
    "somewhat": 0.7, "kind of": 0.7, "kinda": 0.7, "sort of": 0.7, "sorta": 0.7,
    "not too": 0.6, "not so": 0.6, "not overly": 0.6, "moderately": 0.8,
    "more": 1.3, "much": 1.4, "very": 1.4, "really": 1.3, "super": 1.5, "so": 1.2,
    "way": 1.5, "way more": 1.6, "much more": 1.6, "strongly": 1.5, "heavily": 1.6,
    "extremely": 1.8, "extra": 1.5, "ultra": 1.8, "insanely": 1.9, "hella": 1.6,
    "intensely": 1.6, "deeply": 1.4, "less": -0.5, "a bit less": -0.3, "slightly less": -0.3,
    "much less": -0.8, "too": -0.5, "far too": -0.8, "much too": -0.8, "slightly too": -0.3,
    "kinda too": -0.3, "not": 0.0, "no": 0.0, "without": 0.0, "without any": 0.0,
}
#: Similarity at which an unlisted word clearly names a concept (unrelated words stay under 0.66).
CLEAR_MEANING = 0.7
#: Similarity at which a word after "remove" / "tone down" names a style rather than a thing in
#: the picture ("gloominess" 0.93; "power" of "the power lines" is 0.72 from "dramatic").
TAKEN_OUT_MEANING = 0.85
#: Modifiers that make a style a change to the current look ("less moody", "more vintage").
RELATIVE_MODIFIERS: frozenset[float] = frozenset({-0.5, -0.3, -0.8, 1.3, 1.6})
#: In a change to the current look, "more X" nudges toward X by this much of X's grade.
NUDGE = 0.5
QUESTION_WORDS: frozenset[str] = frozenset({"who", "what", "when", "where", "why", "how", "whats", "whos",
                                            "which", "should"})
#: Question words that ask what something is, never for a change.
ASKING_ABOUT: frozenset[str] = frozenset({"what", "whats", "who", "whos", "which", "when", "where"})

#: Words that carry no look of their own (requests, media nouns, glue).
FILLER: frozenset[str] = frozenset(
    """a an the it its this that these those my our your me us i im we you he she they them
    make makes made making look looks looking like as give gives giving vibe vibes vibey
    feel feels feeling style styled stylish please pls plz plez can could would will do does
    some kind sort of with and but or to for in on at into onto from by be is are was were
    been want wanna need needs id love lets let go get got add apply turn put set
    grade graded grading color colour colors colours tone toned filter effect effects edit
    edited footage video videos clip clips shot shots photo photos picture pictures image
    images pic pics frame frames scene scenes mood aesthetic aesthetics type kinda just bit
    little touch ish vibez something thing stuff version hey hi thanks thank thx ty okay ok
    now here there then than also too all over whole entire overall maybe bro dude lol
    omg shift shifted move nudge toward towards match matching""".split()
)

#: Shorter words are never typo-corrected: too many real words sit one letter apart.
_MIN_TYPO_LEN = 4
_TYPO_CUTOFF = 0.82


class Found(NamedTuple):
    """One item of a clause's leftover words, in reading order."""

    #: "concept" (a knowledge-base name), "modifier" ("slightly", "very") or "run" (words
    #: no name covers, matched by meaning).
    kind: str
    #: The ``Concept``, None for a modifier, or the run's index in the leftover runs.
    value: Any
    #: A modifier's weight; 0 for the others.
    weight: float


class KnowledgeTeacher:
    """Labels intents from the request reader and the look knowledge base; deterministic."""

    name = "kb"

    def __init__(self, knowledge_dir: Path | None = None, threshold: float = SIMILARITY_THRESHOLD) -> None:
        self.kb: KnowledgeBase = load_knowledge(knowledge_dir)
        self.threshold = threshold
        # Names are split as intents are, so "80s" is ("80", "s") on both sides.
        self._names = {tuple(tokens(name)): concept for name, concept in self.kb.by_name.items()}
        self._modifiers = {tuple(m.split()): w for m, w in MODIFIERS.items()}
        self._longest = max(len(k) for k in [*self._names, *self._modifiers])
        styles = {k for k, c in self._names.items() if not c.corrective}
        self.reader = Reader({k for k in styles if len(k) > 1}, styles)
        lexicon_words = {w for key in self.reader.table for w in key} | lx.GLUE
        plain = lx.OTHER_TASKS | lx.OFF_PICTURE | lx.FORMATS | lx.PEOPLE | lx.UNWANTED | lx.CONTRACTIONS
        plain |= COMPLAINT_VERBS | {
            w for p in (*lx.NO_CHANGE, *lx.BACKSTORY, *lx.CHAT_OPENERS) for w in p.split()
        }
        words = {w for key in [*self._names, *self._modifiers] for w in key} | FILLER | lexicon_words | plain
        self._vocabulary = sorted(words)
        self._known = frozenset(words)
        self._no_change = {tuple(p.split()) for p in lx.NO_CHANGE}
        self._corrections: dict[str, str] = {}
        self.index = NameIndex(list(self.kb.by_name), [c.id for c in self.kb.by_name.values()])

    # -- reading intents -----------------------------------------------------------

    def _correct(self, word: str) -> str:
        if word in self._known or len(word) < _MIN_TYPO_LEN or not word.isalpha():
            return word
        if word.endswith("ier") and word[:-3] + "y" in self._known:
            # "moodier", "grittier": the comparative of a look is the look.
            return word[:-3] + "y"
        # Per teacher, not an lru_cache on the method, which would keep every teacher alive.
        if word not in self._corrections:
            close = [] if self.index.is_word(word) else difflib.get_close_matches(
                word, self._vocabulary, n=1, cutoff=_TYPO_CUTOFF
            )
            self._corrections[word] = close[0] if close else word
        return self._corrections[word]

    def read(self, intent: str) -> list[Clause]:
        """The request's clauses with their edits and leftover words (empty: nothing to do)."""
        if not readable(intent):
            return []
        raw_words = tokens(intent)
        if self._foreign(raw_words):
            return []
        words = [self._correct(t) for t in raw_words]
        content = tuple(w for w in words if w not in ("please", "pls", "plz", "just", "thanks", "thx", "i",
                                                      "think"))
        if not content:
            return []
        words_by_part = [[self._correct(t) for t in tokens(part)] for part in parts(intent)]
        clauses: list[Clause] = []
        split = [(n, words) for n, part in enumerate(words_by_part) for words in self.reader.clauses([part])]
        part_of = [n for n, _ in split]
        carry, complained, held = None, False, False
        for _, words in split:
            clause = self.reader.read_clause(words, carry, complained)
            if opens(tuple(words), ("i thought", "we thought", "thought it")):
                # "we thought it'd look cool. it did not": what was hoped is no request.
                clause.edits, clause.leftover = [], []
            if tuple(words) in self._no_change:
                # "ok cool, brb": a clause that says all is well has no edit in it.
                clause.edits, clause.leftover = [], []
            if off_picture(words) and not any(e.target == "sharpness" for e in clause.edits):
                # "mute the audio" is no grade; "sharpen the text on the sign" is the picture's.
                clause.edits, clause.orphan = [], None
            if any(w in lx.UNWANTED or w in lx.FIXES for w in words) or _off(words):
                # "the white balance is off", "fix the tint": a problem named, its direction
                # said elsewhere ("everyone looks orange", "it made it all green").
                clause.edits = [e for e in clause.edits if e.phrase not in lx.NOUNS]
            toward = _toward(words, clause.edits)
            if toward is not None:
                clause.edits = [toward]
            if held and all(w in lx.NOUNS or w in lx.GLUE or w in lx.KEPT for w in words):
                # "keep the colors and exposure": the bare noun is kept too, not raised.
                clause.edits, clause.leftover = [], []
            held = not clause.edits and (held or any(w in lx.HOLD for w in words))
            before = next((c for c in reversed(clauses) if c.edits), None)
            if clause.orphan is not None and before is not None:
                # "the contrast is harsh, tone it down": the direction is for the last edits named.
                before.edits = [
                    replace(e, sign=clause.orphan,
                            degree=clause.orphan_degree if clause.orphan_degree != 1.0 else e.degree)
                    for e in before.edits
                ]
            if fix_only(words) and before is not None and not before.complaint \
                    and all(e.phrase in lx.ADJECTIVES for e in before.edits):
                # "dark dark dark. fix??": the adjectives said what is wrong, not what is wanted.
                before.edits = [replace(e, sign=-e.sign) for e in before.edits]
                before.complaint = True
            signs = [e.sign for e in clause.edits]
            carry = signs[-1] if signs else carry
            complained = clause.complaint
            clauses.append(clause)
        # "the sky should be a deeper blue and darker": a bare comparative goes on about the
        # color range named just before it.
        for i in range(1, len(clauses)):
            before, clause = clauses[i - 1], clauses[i]
            ranged = [e.ranges for e in before.edits if e.ranges]
            goes_on = part_of[i - 1] == part_of[i] and not before.complaint
            if ranged and goes_on and clause.edits and all(rangeable(e) for e in clause.edits) \
                    and all(w in lx.CARRIERS or w in lx.ADJECTIVES or w in lx.DEGREES or w in _GOING_ON
                            for w in clause.words):
                clause.edits = [in_ranges(e, ranged[-1]) for e in clause.edits]
        # "vintage look please, warm and kinda faded", "bleak and blue, warm + brighten": bare
        # adjectives joined to a request in their part are asked for, not described.
        for i, clause in enumerate(clauses):
            mates = [clauses[j] for j in (i - 1, i + 1) if 0 <= j < len(clauses) and part_of[j] == part_of[i]]
            if clause.complaint and clause.edits and bare_adjectives(clause.words) \
                    and any(m.edits and not m.complaint and not told(m.words) for m in mates):
                # Only what the description turned around turns back ("smoother" never was).
                clause.edits = [replace(e, sign=-e.sign) if e.phrase in lx.ADJECTIVES or e.phrase in lx.COLORS
                                else e for e in clause.edits]
                clause.complaint = False
        # "super dim, can you lighten it up", "pale and washed out. more color": an intensified
        # bare adjective, or one that names a problem, that a later request contradicts said
        # what is wrong ("warm and cozy, but less warm" asks).
        for i, clause in enumerate(clauses):
            later = {(e.target, e.sign) for c in clauses[i + 1 :] for e in c.edits}
            if clause.edits and not clause.complaint and all(
                e.phrase in lx.ADJECTIVES and (e.degree > 1 or e.phrase in lx.PROBLEMS)
                and (e.target, -e.sign) in later
                for e in clause.edits
            ):
                clause.edits = [replace(e, sign=-e.sign) for e in clause.edits]
                clause.complaint = True
                # "pale and washed out": the look named beside it is the same problem.
                for j in range(i + 1, len(clauses)):
                    if clauses[j].edits or part_of[j] != part_of[i]:
                        break
                    clauses[j].complaint = True
        # "the shadows and highlights feel harsh": the bare nouns before a complaint are its subject.
        for before, after in pairwise(clauses):
            if after.complaint and before.edits and all(w in lx.NOUNS or w in lx.GLUE for w in before.words):
                before.edits = []
        # "what does vibrance mean" asks about an edit, not for it; "why is it so dark" complains.
        complaint = any(c.complaint for c in clauses)
        if _question(clauses) and clauses[0].words[0] in ASKING_ABOUT and not complaint:
            return []
        # "it's fine" asks for nothing; "it's fine but a bit dark" asks for a change.
        if self._asks_nothing(content, clauses):
            return []
        return clauses

    def _asks_nothing(self, content: tuple[str, ...], clauses: list[Clause]) -> bool:
        """A request to change nothing: a no-change phrase is the whole request, or is in
        it with no edit; a two-word one ("keep it") also with no style ("keep it cinematic")."""
        if content in self._no_change:
            return True
        if any(c.edits for c in clauses):
            return False
        if any(len(p) > 2 and _contains(content, p) for p in self._no_change):
            return True
        return any(_contains(content, p) for p in self._no_change) and not self._matches(clauses)

    def _foreign(self, words: list[str]) -> bool:
        """Text in another language: most of its words are not ours (the model reads English)."""
        alpha = [w for w in words if w.isalpha()]
        if len(alpha) < 2:
            return False
        # A slip of the keys ("warmr") is still our word, if less surely so.
        known = sum(1.0 if w in self._known else 0.5 if self._correct(w) != w else 0.0
                    for w in alpha) / len(alpha)
        accented = any(not w.isascii() for w in alpha)
        return known < 0.5 or (accented and known < 0.75)

    def off_topic(self, clauses: list[Clause]) -> bool:
        """No edit, and the request is chat ("tell me about paris", "my cat is asleep") or
        more of its words are unknown than known, two at least ("my phone battery is
        dying"): a style word in it is a coincidence, not a request; one unknown word alone
        ("seashore") is matched by meaning."""
        if any(c.edits for c in clauses):
            return False
        if chat(clauses):
            return True
        words = [w for c in clauses for w in c.words]
        if any(w in REQUEST_WORDS for w in words) and any(
            tuple(words[i : i + n]) in self._names for n in (1, 2, 3) for i in range(len(words))
        ):
            # "make the courtroom reenactment clip b&w": asked for by its name, among words we don't know.
            return False
        content = [w for c in clauses for w in c.words if w.isalpha() and w not in lx.GLUE
                   and w not in FILLER]
        # A word that clearly means a concept ("terrifying", "seashore") counts as known.
        unknown = sum(
            w not in self._known and (not self.index.wordlike(w) or self.index.nearest(w)[1] < CLEAR_MEANING)
            for w in content
        )
        return unknown >= 2 and unknown > len(content) - unknown

    def _scan(self, words: list[str | None]) -> tuple[list[Found], list[list[str]]]:
        """Leftover words in reading order as ``Found`` items, and the leftover runs;
        ``None`` in ``words`` ends a run."""
        found: list[Found] = []
        leftovers: list[list[str]] = []
        run: list[str] = []

        def close_run() -> None:
            if run:
                leftovers.append(list(run))
                found.append(Found("run", len(leftovers) - 1, 0.0))
                run.clear()

        i = 0
        while i < len(words):
            word = words[i]
            if word is None:
                close_run()
                i += 1
                continue
            best_concept, best_mod = 0, 0
            for n in range(min(self._longest, len(words) - i), 0, -1):
                span = words[i : i + n]
                if None in span:
                    continue
                key = tuple(w for w in span if w is not None)
                if not best_concept and key in self._names:
                    best_concept = n
                if not best_mod and key in self._modifiers:
                    best_mod = n
            if best_concept or best_mod:
                close_run()
                n = max(best_concept, best_mod)
                key = tuple(w for w in words[i : i + n] if w is not None)
                if best_concept >= best_mod:
                    found.append(Found("concept", self._names[key], 0.0))
                else:
                    found.append(Found("modifier", None, self._modifiers[key]))
                i += n
                continue
            if word not in FILLER and word not in lx.GLUE:
                run.append(word)
            else:
                close_run()
            i += 1
        close_run()
        return found, leftovers

    def _semantic(self, run: list[str]) -> list[tuple[Concept, float, str]]:
        """Concepts a leftover run means: the whole phrase when it matches at least as well
        as any of its words (e.g. "nighttime city"), else word by word."""
        run = [w for w in run if w in self._known or self.index.wordlike(w)]
        if not run:
            return []
        words = [(word, *self.index.nearest(word)) for word in run]
        if len(run) > 1:
            phrase = " ".join(run)
            cid, sim = self.index.nearest(phrase)
            if sim >= self.threshold and sim >= max(s for _, _, s in words):
                return [(self.kb.by_id[cid], sim, phrase)]
        out = []
        for word, cid, sim in words:
            if sim >= self.threshold:
                out.append((self.kb.by_id[cid], sim, word))
            else:
                log.debug("ignored %r (closest %s at %.2f)", word, cid, sim)
        return out

    def _clause_matches(self, clause: Clause, question: bool, fixed: bool = False) -> list[Match]:
        """The styles one clause names; ``fixed``: a later clause asks to fix what this one
        describes ("dark dark dark. fix??"), so they are taken back."""
        content = [w for w in clause.words if w not in lx.GLUE and w not in FILLER and w not in _OPENERS]
        # "crop it", "how do i trim the end"; not "black and white for my slideshow".
        question = question or bool(content) and content[0] in lx.OTHER_TASKS
        # "how do i get the original back after i hit save" asks about the app.
        question = question or clause.words[:1] in (["how"], ["where"]) \
            and any(w in lx.OTHER_TASKS for w in clause.words)
        question = question or off_picture(clause.words)
        question = question or opens(tuple(clause.words), lx.BACKSTORY)
        # "the office lights made it green", "my phone made it look like midnight": what a
        # description names is the scene or the problem, not a look to apply; "it looks
        # too gloomy" names one to take back (a negative modifier before it).
        complaint = clause.complaint
        # "fix it" after a complaint asks for the complaint's edits, not for a look.
        question = question or fix_only(clause.words)
        found, leftovers = self._scan(clause.leftover)
        matches: list[Match] = []
        # "tone down the vintage look", "get rid of the sepia": the style is taken back.
        back = None if clause.edits else _taking_out(clause.words)
        taken_out = back is not None
        if fixed:
            back, question = -0.8, False
        pending: float | None = None
        for kind, value, weight in found:
            if kind == "modifier":
                pending = weight if pending is None else pending * weight
                continue
            if question or (complaint and (pending is None or pending >= 0)):
                hits = []
            elif kind == "concept":
                hits = [(value, 1.0, value.names[0])]
            else:
                hits = self._semantic(leftovers[value])
                if taken_out:
                    # "remove the dust spots", "erase the power lines": a thing in the
                    # picture, not a style, unless its word plainly names one ("gloominess").
                    hits = [h for h in hits if h[1] >= TAKEN_OUT_MEANING]
            if clause.edits:
                # "tone down the orange in the autumn leaves": where the edit is, not a look.
                hits = [h for h in hits if not in_the_picture(clause.words, h[0])]
            for concept, confidence, phrase in hits:
                if pending is None:
                    weight = 1.0 if back is None else back
                else:
                    # "too much vintage": the "much" of a take-out says how much, not more.
                    weight = back if back is not None and pending > 0 else pending
                matches.append(Match(concept, weight, confidence, phrase, weight in RELATIVE_MODIFIERS))
                pending = None
        return matches

    def matches(self, intent: str) -> list[Match]:
        """The knowledge-base concepts a request names, with modifier weights, in reading order."""
        return self._matches(self.read(intent))

    def _matches(self, clauses: list[Clause]) -> list[Match]:
        # In a question or an off-topic sentence a style word is no request.
        ignore = _question(clauses) or self.off_topic(clauses)
        edits = any(c.edits for c in clauses)
        matches: list[Match] = []
        for i, clause in enumerate(clauses):
            where = scene(clause.words)
            # "it looks like midnight, brighten it", "looks like a horror movie, make it
            # cheerful": beside an edit or another clause, what the picture looks like is the problem.
            described = (likeness(clause.words) or where or self._subject(clause.words)) and (
                edits or len(clauses) > 1
            )
            # "stick my logo top left, small": a word or two after another kind of edit goes on with it.
            aside = i > 0 and off_picture(clauses[i - 1].words) and not clause.edits \
                and len(clause.words) <= 2
            question = ignore or described or aside or edits and likened(clauses, i)
            fixed = not ignore and not clause.edits and not where and i + 1 < len(clauses) \
                and _fixes(clause, clauses[i + 1])
            matches.extend(self._clause_matches(clause, question, fixed))
        return matches

    def _subject(self, words: list[str]) -> bool:
        """Whether a clause names what the picture shows: a place, a time or a season before a
        picture word ("sunset pic", "beach photo"), not a style ("vintage photo") and not one
        asked for ("i want a beach photo")."""
        if any(w in ("want", "wanna", "give", "make", "apply") for w in words[:3]):
            return False
        for i, word in enumerate(words):
            if word not in PICTURES:
                continue
            for n in range(1, min(3, i) + 1):
                concept = self._names.get(tuple(words[i - n : i]))
                if concept is not None and concept.category in _SUBJECT_CATEGORIES:
                    return True
        return False

    def prepare(self, intents: list[str]) -> None:
        """Embed the leftover phrases of many intents at once, so labelling them is fast."""
        phrases: list[str] = []
        for intent in intents:
            for clause in self.read(intent):
                for run in self._scan(clause.leftover)[1]:
                    phrases.extend(run)
                    if len(run) > 1:
                        phrases.append(" ".join(run))
        self.index.prepare(phrases)

    # -- labelling -----------------------------------------------------------------

    def label(self, intent: str) -> TeacherAnswer:
        clauses = self.read(intent)
        edits = [e for clause in clauses for e in clause.edits]
        matches = [m for m in self._matches(clauses) if m.weight != 0.0]
        styles = [m for m in matches if not m.concept.corrective and not m.comparative]
        relative = not styles
        if relative:
            matches = [
                Match(m.concept, NUDGE if m.weight > 1 else m.weight, m.confidence, m.phrase, m.comparative)
                if m.comparative else m
                for m in matches
            ]
        look = settle_filter(compose(blend(matches), edits), edits)
        if look.is_neutral:
            return TeacherAnswer(Look(), {}, (), NONE)
        concepts = tuple(dict.fromkeys(m.concept.id for m in matches))
        return TeacherAnswer(look, rationales(look, matches, edit_phrases(edits)), concepts,
                             RELATIVE if relative else NEW)


def _off(words: list[str]) -> bool:
    """Whether "off" says something is wrong ("the white balance is off"), not how much to
    take away ("knock off a third of a stop")."""
    return any(w == "off" and (i == 0 or words[i - 1] not in _TAKING_OFF) for i, w in enumerate(words))


#: Words a bare comparative may come with and still go on about what was named before it.
_GOING_ON = frozenset({"a", "more", "even", "also", "please", "pls", "too", "bit", "little"})
_TAKING_OFF = frozenset({"knock", "take", "shave", "cut", "back", "ease", "turn", "tone", "dial", "pull"})


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether ``phrase`` is the whole of ``words`` or, for a phrase of two or more words, part of it."""
    if len(phrase) < 2:
        return words == phrase
    return any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))


def _question(clauses: list[Clause]) -> bool:
    """A question that asks for no edit ("who won the game last night"): its words name no style."""
    if not clauses or not clauses[0].words or clauses[0].words[0] not in QUESTION_WORDS:
        return False
    return not any(w in REQUEST_WORDS for c in clauses for w in c.words)


#: "toward blue": the color a white-balance or tint shift goes to, as (target, sign).
_TOWARD: dict[str, tuple[str, int]] = {
    **dict.fromkeys(["blue", "cyan", "teal", "cool", "cooler", "cold"], ("warmth", -1)),
    **dict.fromkeys(["yellow", "orange", "amber", "warm", "warmer", "red", "gold", "golden"], ("warmth", 1)),
    "green": ("tint", -1),
    **dict.fromkeys(["magenta", "pink", "purple", "violet"], ("tint", 1)),
}


def _toward(words: list[str], edits: list[Edit]) -> Edit | None:
    """"shift the white balance toward blue", "tint it to green": the named color decides
    the direction, whatever the verb or the color word alone would say."""
    for i, w in enumerate(words[:-1]):
        if w in ("toward", "towards", "to", "into") and words[i + 1] in _TOWARD:
            target, sign = _TOWARD[words[i + 1]]
            if any(e.target in (target, "warmth", "tint") or e.target.startswith("cast_") for e in edits):
                degree = next((e.degree for e in edits), 1.0)
                return Edit(target, sign, degree, phrase=f"{w} {words[i + 1]}")
    return None


#: Verbs that take all of a named thing out; other take-out verbs take half of it back.
_REMOVE_ALL = ("remove", "eliminate", "strip", "kill", "get rid of", "take out", "take away", "drain",
               "erase", "delete", "edit out", "photoshop out", "cut out", "clone out")
#: Take-out phrases that are no verb opening a clause ("fewer", "reduced") or need an object
#: ("pull", "dial" alone).
_NO_TAKE_OUT = frozenset("""fewer minus reduced lowered decreased eliminated weaker correct fix neutralize
    counteract pull dial knock scale roll""".split())


def _takes_out(phrase: str) -> bool:
    if phrase in ("too much", "too many"):
        return True
    # "less" and "too" are modifiers already; "tone it down" has no object after it.
    return (phrase not in MODIFIERS and phrase not in _NO_TAKE_OUT and not phrase.startswith(("too ", "not "))
            and not {"it", "them"} & set(phrase.split()))


#: Verbs that take a named thing out ("reduce", "tone down", "get rid of"), with the weight
#: they give a style named after them.
_TAKE_OUT: dict[tuple[str, ...], float] = {
    tuple(p.split()): -0.8 if p in _REMOVE_ALL else -0.5 for p in (*REMOVING, *_REMOVE_ALL) if _takes_out(p)
}
_TAKE_OUT_LONGEST = max(len(k) for k in _TAKE_OUT)
#: Words a request opens with before its verb, besides glue ("is it possible to ...").
_OPENERS = frozenset("""kindly quickly hey yo possible way""".split())
#: Kinds of concept that are also what a picture shows ("sunset pic", "beach photo").
_SUBJECT_CATEGORIES = frozenset({"places", "times of day", "seasons", "weather"})


def _fixes(clause: Clause, after: Clause) -> bool:
    """Whether the clause after one asks to undo what it describes: "fix pls", "bring it down"
    ("looks like the surface of the sun, bring it down"), or what the scene really was ("looks
    like 2am, it was noon")."""
    if fix_only(after.words):
        return True
    # "technicolor and tone it down" asks for less of the look, not for its opposite.
    down = after.orphan == -1 and not after.edits
    truth = after.words[:2] == ["it", "was"] or after.words[:3] == ["but", "it", "was"]
    return (down or truth) and likeness(clause.words)


def _taking_out(words: list[str]) -> float | None:
    """The weight of a clause that opens by taking something out ("can you tone down the
    vintage look"), or None."""
    for i, word in enumerate(words):
        for n in range(min(_TAKE_OUT_LONGEST, len(words) - i), 0, -1):
            weight = _TAKE_OUT.get(tuple(words[i : i + n]))
            if weight is not None:
                return weight
        if word not in _OPENERS and word not in lx.GLUE and word not in QUESTION_WORDS:
            return None
    return None
