"""The request reader: a sentence -> clauses -> edits (target, direction, degree).

A request is split into clauses at punctuation and at "and", "but", "then", "also",
"plus", "while" (never inside a knowledge-base name such as "black and white"). In each
clause, scanning left to right with the longest phrase of ``editor.teacher.lexicon``
winning at each position:

- a **direction** word ("increase", "less", "tone down") binds to the next target; a
  noun with none before it takes one after it ("contrast is too high", "saturation
  down"), else the previous target's, else the previous clause's ("increase brightness
  and contrast"), else "more";
- **"too"** and a complaint verb ("it looks flat", "it's blurry") ask for the opposite of
  the adjective that follows; "not ... enough" asks for more of it;
- a **negation** ("don't", "never", "without making it") cancels its clause, except
  "without" / "no" before a noun, which asks for less of it ("without the yellow");
  "not too" / "not so" asks for a little less, on top of a style;
- a **degree** applies to every edit of its clause, on the scale of ``DEGREES``; a
  number sets the target's main parameter to about that value;
- **color ranges**: a plural color ("the greens") or an object ("sky", "skin", "grass")
  turns the clause's light edits into that range's luminance and its color edits into
  the range's saturation.

Words the reader does not use are left, in order, for the knowledge base's style
matcher; a bare adjective that is also a style name ("vivid", "blue") is left to it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from editor.teacher import lexicon as lx
from editor.teacher.sentence import (
    COMPLAINT_VERBS,
    CONJUNCTIONS,
    NEUTRALS,
    all_of,
    described,
    said_of,
    split_clauses,
    unwanted,
    wants,
)


@dataclass(frozen=True)
class Edit:
    """One asked change: a lexicon target, a direction (+1 / -1), a degree (1 = plain).

    ``ranges`` and ``prop`` make it a color-range edit (Selective Adjust ``prop`` of the
    ranges, first = main); ``number`` is an explicit amount."""

    target: str
    sign: int
    degree: float = 1.0
    ranges: tuple[str, ...] = ()
    prop: str | None = None
    number: float | None = None
    phrase: str = ""


@dataclass
class Clause:
    words: list[str]
    edits: list[Edit] = field(default_factory=list)
    #: Words the reader did not use, in order; ``None`` marks a gap between runs.
    leftover: list[str | None] = field(default_factory=list)
    negated: bool = False
    #: It describes a problem ("it looks flat"): its adjectives ask for their opposite.
    complaint: bool = False
    #: A direction with nothing to act on ("tone it down"): it redirects the previous clause.
    orphan: int | None = None
    orphan_degree: float = 1.0


@dataclass(frozen=True)
class _Item:
    kind: str
    #: What the lexicon gives for the phrase: its shape depends on ``kind`` (a target id, a
    #: (target, polarity) pair, a direction, a degree, a number, a style's words).
    value: Any
    start: int
    end: int


def _table() -> dict[tuple[str, ...], list[tuple[str, object]]]:
    table: dict[tuple[str, ...], list[tuple[str, object]]] = {}

    def add(kind: str, entries) -> None:
        for phrase, value in entries:
            table.setdefault(tuple(phrase.split()), []).append((kind, value))

    add("damper", ((p, None) for p in lx.DAMPERS))
    add("negation", ((p, None) for p in lx.NEGATIONS))
    add("degree", lx.DEGREES.items())
    add("carrier", lx.CARRIERS.items())
    add("direction", lx.DIRECTIONS.items())
    add("postfix", lx.POSTFIX.items())
    add("adjective", lx.ADJECTIVES.items())
    add("color", lx.COLORS.items())
    add("object", lx.OBJECTS.items())
    add("noun", lx.NOUNS.items())
    return table


_TARGET_KINDS = ("carrier", "adjective", "noun", "color")
#: Targets a color range can take instead of the whole picture ("the greens brighter").
_RANGEABLE = frozenset({"light", "exposure", "saturation", "vibrance", "contrast", "highlights", "shadows"})
#: Verbs whose own target gives way to a noun after them ("soften the contrast").
_VERB_TARGETS = frozenset({"light", "sharpness", "saturation", "contrast"})
#: Tones a light comparative after them moves on their own ("the darks darker").
_TONES = frozenset({"highlights", "shadows", "blacks"})
#: What a comparative is measured against when it names the problem ("darker than expected").
_WANTED_BEFORE = frozenset(
    "expected i it in irl real normal usual before my what the this that others other rest".split()
)
_PRIORITY = ("damper", "negation", "carrier", "degree", "direction", "adjective", "color", "object", "noun",
             "postfix")


class Reader:
    """Reads requests into clauses of edits; ``protected`` are multi-word names (the
    knowledge base's) never split at a conjunction nor read word by word."""

    def __init__(self, protected: set[tuple[str, ...]], styles: set[tuple[str, ...]]) -> None:
        self.table = _table()
        self.protected = protected
        self.styles = styles
        self.longest = max(len(k) for k in [*self.table, *protected])

    # -- clauses ----------------------------------------------------------------

    def clauses(self, words_by_part: list[list[str]]) -> list[list[str]]:
        return split_clauses(words_by_part, self._protected_at)

    def _protected_at(self, words: list[str], i: int) -> int:
        for n in range(min(self.longest, len(words) - i), 1, -1):
            if tuple(words[i : i + n]) in self.protected:
                return n
        return 0

    # -- one clause ---------------------------------------------------------------

    def _items(self, words: list[str]) -> list[_Item]:
        items: list[_Item] = []
        i = 0
        while i < len(words):
            if re.fullmatch(r"[+-]?\d+(\.\d+)?%?", words[i]):
                items.append(_Item("number", float(words[i].rstrip("%")), i, i + 1))
                i += 1
                continue
            protected = self._protected_at(words, i)
            span = words[i : i + protected]
            readable = all((w,) in self.table for w in span) or bool(span) and span[-1] in lx.COLORS
            if protected and readable and unwanted(words, i, i + protected):
                # "there's a green tint", "the blue sky looks too dark", "get rid of the soft
                # focus", "the wall looks mint green" name a problem in the lexicon's words or
                # a shade of a color, though each is also a style ("film look with a green tint").
                protected = 0
            if protected and span[-1] in lx.OBJECTS and i and words[i - 1] in lx.CARRIERS:
                # "darker blue sky please": a comparative before a thing names its range.
                protected = 0
            found = None
            for n in range(min(self.longest, len(words) - i), 0, -1):
                entries = self.table.get(tuple(words[i : i + n]))
                if entries:
                    kind, value = min(entries, key=lambda e: _PRIORITY.index(e[0]))
                    found = _Item(kind, value, i, i + n)
                    break
            if found is not None and found.kind == "adjective" and words[i] in NEUTRALS \
                    and i + 1 < len(words) and self._object_word(words[i + 1]):
                # "the white dress looks yellow": the dress is white; the yellow is the problem.
                i += 1
                continue
            if found is not None and found.end < len(words) and words[found.end] in lx.COLORS and (
                    words[i] == "bright" or found.kind == "color"):
                # "bright orange", "pinkish magenta haze": one color, named by its last word.
                i = found.end
                continue
            if protected and (found is None or found.end - found.start < protected):
                items.append(_Item("style", tuple(words[i : i + protected]), i, i + protected))
                i += protected
                continue
            if found is None:
                if words[i] == "too":
                    items.append(_Item("too", None, i, i + 1))
                elif words[i] == "enough":
                    items.append(_Item("enough", None, i, i + 1))
                i += 1
                continue
            items.append(found)
            i = found.end
        return items

    def read_clause(self, words: list[str], carry: int | None, complained: bool = False) -> Clause:
        """One clause's edits; ``carry`` is the previous clause's last direction and
        ``complained`` whether it described a problem ("it's dark and kinda blue")."""
        items = self._items(words)
        cause = next((i for i, w in enumerate(words) if w in ("made", "gave", "makes", "gives")
                      or w == "make" and i and _causer(words[i - 1])), None)
        if cause is not None:
            # "the office lighting made us all look green": the lighting is the cause, the
            # green is what to correct.
            items = [it for it in items if not (it.kind in _TARGET_KINDS and it.end <= cause)]
        source = next((i for i, w in enumerate(words) if w in ("from", "because", "due")), None)
        colored = source is not None and any(it.kind == "color" and it.end <= source for it in items)
        caster = source if colored else None
        if caster is not None:
            # "skin looks green from the light bouncing off the hedge": the light is the
            # cause of the cast, not a target, and "from the neon sign" names no look.
            items = [
                it for it in items
                if not (it.kind in ("noun", "adjective") and it.start > caster
                        and self._target(it, words)[0] == "light")
            ]
        # "more separation between the sky and the buildings", "the snow is blue instead of
        # white": what follows names things compared or what it should be, not where the edit
        # is, an edit of its own or a look.
        aside = next((i for i, w in enumerate(words)
                      if w == "between" or words[i : i + 2] == ["instead", "of"]), len(words))
        items = [it for it in items if not (it.kind in _TARGET_KINDS and it.start > aside)]
        clause = Clause(words)
        used: set[int] = set(range(aside, len(words)))
        if caster is not None:
            used.update(range(caster, len(words)))
        kinds = [it.kind for it in items]
        enough = "enough" in kinds
        degree: float = 1.0
        number: float | None = None
        amount_spans: set[int] = set()
        for it in items:
            if it.kind == "degree":
                degree = it.value if degree == 1.0 else max(degree, it.value, key=lambda d: abs(d - 1))
                amount_spans.update(range(it.start, it.end))
            elif it.kind == "number" and 0 < abs(it.value) <= 100:
                number = abs(it.value)
                # "contrast -5", "brightness +10": a written sign is the direction.
                if words[it.start][:1] in "+-":
                    carry = -1 if it.value < 0 else 1
                amount_spans.update(range(it.start, it.end))
        targets = [it for it in items if it.kind in _TARGET_KINDS]
        partners = any(self._target(it, words)[0] in _RANGEABLE for it in targets if it.kind != "color")
        objects = [r for it in items if it.kind == "object" and it.start < aside for r in it.value]
        subjects = {
            it.start for it in targets
            if it.kind == "color" and it.value[1] is not None
            and (self._is_range(words, it) or it.value[1] in objects or partners)
        }
        ranges = objects + [it.value[1] for it in targets if it.start in subjects]
        for it in targets:
            if it.kind == "color" and it.start and self._is_range(words, it) \
                    and (words[it.start - 1],) in self.styles:
                # "the sunset oranges": the look's name says which oranges; it asks for no look.
                used.add(it.start - 1)
        first = targets[0].start if targets else len(words)
        # "it's dark and kinda blue": the second clause goes on describing; "it's too light.
        # please dim it" does not.
        opening = (words[0] if words else "", " ".join(words[:2]))
        goes_on = any(w in lx.DEGREES or w in lx.ADJECTIVES or w in lx.COLORS or w == "too" for w in opening)
        # "cool it": an adjective used as a verb asks; "it looks cold and sad": a lone style
        # word after a description goes on describing.
        lone_style = len(words) <= 2 and tuple(words[:1]) in self.styles
        goes_on = (goes_on and opening[1] not in lx.CARRIERS) or lone_style
        # "so washed out": "so" before an adjective says how bad, not what for.
        so_bad = bool(words) and words[0] == "so" and (
            " ".join(words[1:3]) in lx.ADJECTIVES or (len(words) > 1 and words[1] in lx.ADJECTIVES)
        )
        purpose = bool(words) and words[0] == "so" and not so_bad
        if purpose:
            # "down so there's some detail": the purpose's noun is wanted, not turned down too.
            carry = None
        # "the tubes made it go all green": what follows a cause is the problem, wanted or not.
        caused = cause is not None and not wants(words[:cause], True)
        # "it's bright white irl", "the flowers were so colorful in real life": how the
        # scene really was is what the picture should show, not its problem.
        text = " ".join(words)
        truth = "irl" in words or any(p in text for p in ("in real life", "in person", "in reality"))
        # "strawberries look kinda sad": "look" between a plural and what it says of it
        # describes, like "looks"; "a 60s look" names one.
        telling = any(
            w in COMPLAINT_VERBS or w in ("look", "feel") and i < len(words) - 1 and said_of(words, i)
            for i, w in enumerate(words[:first])
        )
        complaint_clause = not purpose and not truth and (
            (complained and goes_on) or caused or so_bad or any(w in lx.UNWANTED for w in words) or (
                telling and not wants(words[:first], first < len(words))
            )
        )
        clause.complaint = complaint_clause
        pending: int | None = None
        pending_items: list[_Item] = []
        too = damp = without = negated = False
        # A "too" no edit takes stays for the styles: "way too moody" is less of the look.
        too_at: list[int] = []
        last_sign: int | None = None
        raw: list[list] = []
        color_nouns = {
            it.end for it in targets
            if it.kind == "color" and it.end < len(words) and words[it.end] in lx.CAST_NOUNS | lx.RANGE_NOUNS
        }
        for k, it in enumerate(items):
            if it.start in color_nouns:
                continue
            later_target = any(t.start > it.start for t in targets)
            if it.kind == "negation":
                used.update(range(it.start, it.end))
                if enough:
                    continue
                nxt = items[k + 1] if k + 1 < len(items) else None
                if it.end - it.start == 1 and words[it.start] in ("without", "no") and nxt is not None \
                        and nxt.kind in ("noun", "color"):
                    without = True
                else:
                    negated = True
                continue
            if it.kind == "damper":
                damp = True
                used.update(range(it.start, it.end))
                continue
            if it.kind == "too":
                too = True
                too_at.append(it.start)
                continue
            if it.kind == "enough":
                used.add(it.start)
                continue
            after_noun = raw and raw[-1][3] and self._adjacent(words, raw[-1][2].end, it.start)
            # "the glow seems too intense": after a noun an adjective that is also a state
            # says how much of the noun there is, not which target.
            state = it.kind == "adjective" and after_noun and raw[-1][2].kind == "noun" \
                and " ".join(words[it.start : it.end]) in lx.POSTFIX
            if (it.kind in ("direction", "postfix") or state) and raw and raw[-1][3] \
                    and (not later_target or after_noun):
                # "the blue sky is too heavy and dark": a state with "too" describes the picture.
                clause.complaint = clause.complaint or too
                too = False
                used.update(too_at)
                # After its noun: "contrast is too high", "saturation down".
                value = lx.POSTFIX.get(" ".join(words[it.start : it.end]), it.value)
                raw[-1][1], raw[-1][3] = value, False
                last_sign = value
                used.update(range(it.start, it.end))
                continue
            if it.kind == "direction":
                pending = it.value
                pending_items.append(it)
                continue
            if it.kind not in _TARGET_KINDS:
                if it.kind == "object":
                    used.update(range(it.start, it.end))
                continue
            target, polarity, open_sign = self._target(it, words)
            if it.kind == "carrier" and target == "light" and raw and raw[-1][3] \
                    and raw[-1][0] in _TONES and self._adjacent(words, raw[-1][2].end, it.start):
                # "the darks darker", "the shadows brighter": the tone the comparative is about.
                raw[-1][1], raw[-1][3] = polarity, False
                last_sign = polarity
                used.update(range(it.start, it.end))
                continue
            unit = bool(raw) and target == "exposure" and raw[-1][0] == "light"
            if raw and it.kind == "noun" and (raw[-1][0] == target or unit or (
                    words[it.start] in lx.CAST_NOUNS and raw[-1][2].end == it.start
                    and raw[-1][2].kind == "carrier")):
                # "more contrast contrast", "a greener tint", "darker by a stop": the noun is the
                # carrier's own.
                used.update(range(it.start, it.end))
                continue
            if it.kind == "carrier" and target in _VERB_TARGETS:
                nxt = next((t for t in targets if t.start > it.start), None)
                if nxt is not None and nxt.kind == "noun" and self._adjacent(words, it.end, nxt.start):
                    nxt_target = self._target(nxt, words)[0]
                    if nxt_target != target and nxt_target not in ("warmth", "tint"):
                        # "soften the contrast", "brighten the shadows": the verb gives the direction.
                        pending = polarity
                        used.update(range(it.start, it.end))
                        continue
            phrase = " ".join(words[it.start : it.end])
            bare = pending is None and not too and not enough and not damp and not without
            after = words[it.end : it.end + 2]
            # "it came out much darker than expected": a comparison with what was wanted is the problem.
            # "this one is way more saturated": one shot said to differ from the others.
            one = it.kind == "carrier" and "this one" in " ".join(words[: it.start]) \
                and described(words, it.start)
            compared = one or after[:1] == ["than"] and len(after) == 2 and after[1] in _WANTED_BEFORE \
                and not wants(words[: it.start], True)
            complaint = complaint_clause or phrase in lx.COMPLAINTS or compared or (
                it.kind in ("adjective", "color") and described(words, it.start) and not truth
            ) or (
                # "bluish everywhere": a color said with "-ish" is what it looks like.
                it.kind == "color" and phrase.endswith("ish") and not wants(words, True)
            )
            clause.complaint = clause.complaint or complaint
            if it.kind == "adjective" and bare and not complaint \
                    and tuple(words[it.start : it.end]) in self.styles:
                continue
            if it.kind == "color" and bare and not complaint and open_sign and not self._is_range(words, it) \
                    and it.start not in subjects and it.end not in color_nouns \
                    and tuple(words[it.start : it.end]) in self.styles and not self._judged(words, it.end):
                continue
            cast = it.kind == "color" and it.end < len(words) and words[it.end] in lx.UNWANTED_CASTS
            if it.kind == "color" and it.end < len(words) and words[it.end] in lx.CAST_NOUNS | lx.RANGE_NOUNS:
                used.add(it.end)
            if without:
                sign, open_sign, without = -1, False, False
            elif enough and not too and pending is None:
                # "its not bright enough for insta": the adjective is what is wanted, even
                # in a sentence that describes the picture.
                sign, open_sign = polarity, False
            elif (it.kind in ("adjective", "color") and (too or complaint) or compared) and pending is None:
                sign, open_sign = -polarity, False
                # "too bright and washed out": what follows goes on describing.
                clause.complaint = True
            elif pending is not None:
                sign, open_sign = pending * polarity, False
                for p in pending_items:
                    used.update(range(p.start, p.end))
                pending, pending_items = None, []
            elif cast:
                sign, open_sign = -1, False
            elif open_sign and last_sign is not None:
                sign = last_sign * polarity
            elif open_sign and carry is not None:
                sign = carry * polarity
            else:
                sign = polarity
            if target == "saturation" and sign < 0 and all_of(words, it.start):
                # "remove all the color": every bit of it, black and white.
                degree = max(degree, lx.DEGREES["completely"])
            too = False
            used.update(too_at)
            used.update(range(it.start, it.end))
            if negated:
                continue
            raw.append([target, sign, it, open_sign])
            last_sign = sign * polarity
        # A noun that found no direction before another target is that target's subject
        # ("the tint is too pink").
        raw = [r for i, r in enumerate(raw) if not (r[3] and r[2].kind == "noun" and i + 1 < len(raw))]
        if raw:
            # Degree words with no edit to scale stay for the styles ("slightly moody").
            used |= amount_spans
        paired = partners and bool(subjects)
        for target, sign, it, _ in raw:
            if paired and it.start in subjects:
                continue
            clause.edits.extend(self._edits(target, sign, degree, number, ranges, damp, words, it))
        pending_words = {i for p in pending_items for i in range(p.start, p.end)}
        idle = all(i in pending_words or i in amount_spans or w in lx.GLUE for i, w in enumerate(words))
        fixes = any(words[p.start] in lx.FIXES for p in pending_items)
        if not targets and pending is not None and idle and not fixes:
            clause.orphan = pending
            clause.orphan_degree = degree
            used.update(i for p in pending_items for i in range(p.start, p.end))
            used |= amount_spans
        clause.negated = negated
        # Glue inside a knowledge-base name stays with it ("black and white", "out of focus").
        named: set[int] = set()
        for i in range(len(words)):
            named.update(range(i, i + self._protected_at(words, i)))
        gap = False
        for i, w in enumerate(words):
            if i in used or (w in lx.GLUE and i not in named and i not in too_at) or (negated and not raw):
                gap = True
                continue
            if gap and clause.leftover and clause.leftover[-1] is not None:
                clause.leftover.append(None)
            clause.leftover.append(w)
            gap = False
        return clause

    def _object_word(self, word: str) -> bool:
        """Whether ``word`` is a thing in the picture ("dress", "wall"): a word the lexicon
        does not read."""
        known = word in lx.GLUE or (word,) in self.table or word in CONJUNCTIONS
        return word.isalpha() and not known

    @staticmethod
    def _judged(words: list[str], end: int) -> bool:
        """Whether a state follows the word ending at ``end`` ("the blue is too heavy"): the
        color is the noun it is said of, not a look's name."""
        rest = words[end:]
        i = 0
        linking = ("is", "are", "looks", "seems", "too")
        while i < len(rest) and rest[i] not in lx.POSTFIX and (
                rest[i] in linking or rest[i] in lx.DEGREES or rest[i] in lx.GLUE):
            i += 1
        return 0 < i < len(rest) and rest[i] in lx.POSTFIX

    @staticmethod
    def _adjacent(words: list[str], end: int, start: int) -> bool:
        return all(w in lx.GLUE or w in lx.DEGREES for w in words[end:start])

    def _is_range(self, words: list[str], it: _Item) -> bool:
        word = words[it.start]
        if it.value[1] is None:
            return False
        if word in lx.PLURAL_COLORS:
            return True
        nxt = words[it.end] if it.end < len(words) else ""
        return nxt in lx.RANGE_NOUNS

    def _target(self, it: _Item, words: list[str]) -> tuple[str | None, int, bool]:
        """(target id, polarity, whether the direction is still open) of a target item."""
        if it.kind in ("carrier", "adjective"):
            target, polarity = it.value
            return target, polarity, False
        if it.kind == "noun":
            return it.value, 1, True
        if it.kind == "color":
            return it.value[0], 1, True
        return None, 0, False

    def _edits(self, target: str, sign: int, degree: float, number: float | None, ranges: list[str],
               damp: bool, words: list[str], it: _Item) -> list[Edit]:
        phrase = " ".join(words[it.start : it.end])
        if damp:
            # "black and white, but not so contrasty": less of it than the style gives,
            # a touch under the original, the way a colorist reads the note.
            return [Edit(target, -sign, 0.35, phrase=phrase)]
        stops = number != int(number) or any(w in ("stop", "stops", "ev") for w in words) if number else False
        # "exposure +1" is a stop, the way Lightroom writes it: one unit of our scale is invisible.
        stops = stops or target == "exposure"
        if number is not None and lx.TARGETS[target].main == "exposure" and number <= 5 and stops:
            # "exposure -0.5", "+1 stop" are in stops, the way Lightroom writes them; one stop is 40 here.
            number *= 40
        own_range = it.kind == "color" and it.value[1] is not None and it.value[1] in ranges
        if ranges and target in _RANGEABLE or own_range:
            rng = (it.value[1],) if own_range else tuple(dict.fromkeys(ranges))
            return [in_ranges(Edit(target, sign, degree, number=number, phrase=phrase), rng)]
        own = lx.COLORS.get(target[5:], (None, None))[1]
        if ranges and target.startswith("cast_") and own and own in ranges:
            return [Edit(target, sign, degree, (target[5:],), "saturation", number=number, phrase=phrase)]
        return [Edit(target, sign, degree, number=number, phrase=phrase)]


def in_ranges(edit: Edit, ranges: tuple[str, ...]) -> Edit:
    """``edit`` made on color ranges: light as their luminance, color as their saturation."""
    prop = "luminance" if edit.target in ("light", "exposure", "highlights", "shadows") else "saturation"
    return replace(edit, ranges=ranges, prop=prop)


def rangeable(edit: Edit) -> bool:
    """Whether a whole-picture edit could go on about a color range ("... and darker")."""
    return not edit.ranges and edit.target in ("light", "exposure", "saturation", "vibrance")


#: Words before "make" that ask rather than name a cause ("pls make it warmer").
_ASKERS = frozenset({"pls", "plz", "lets", "its", "us", "this", "thanks", "yes", "guys", "please", "u", "you",
                     "and", "to", "just", "also", "can", "could", "would", "i", "we", "then", "so", "ok"})


def _causer(word: str) -> bool:
    """Whether ``word`` before "make" is what caused a problem ("the lights make everyone green")."""
    return word not in _ASKERS and (word.endswith("s") or word in lx.LIGHT_SOURCES)

