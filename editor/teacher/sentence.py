"""The sentence around a request's targets: where its clauses end, and whether its words
describe a problem ("it looks flat"), ask for something ("make it"), or take something
out ("get rid of the green tint"). The request reader (``editor.teacher.reader``) reads
each clause with these."""

from __future__ import annotations

import re
from collections.abc import Callable

from editor.teacher import lexicon as lx

#: Words that split clauses (outside knowledge-base names).
CONJUNCTIONS: frozenset[str] = frozenset(
    {"and", "but", "then", "also", "plus", "while", "yet", "though", "&", "because", "since", "cuz", "cause",
     "lol", "lmao", "haha", "hahaha", "rofl"}
)
#: After "so", these start a clause of purpose or result ("so there's some detail again").
_SO_CLAUSE: frozenset[str] = frozenset({"that", "there", "theres", "you", "i", "we", "people", "everyone",
                                        "it"})
#: "so dark you can't see": a person who cannot see starts a clause of result, not a
#: request ("can you", "could we" are requests and keep their clause).
_RESULT_SUBJECTS: frozenset[str] = frozenset({"you", "i", "we", "people", "everyone", "nobody", "u"})
_RESULT_VERBS: frozenset[str] = frozenset({"cant", "cannot", "can", "couldnt", "barely", "hardly", "dont",
                                           "literally"})
_ASKING: frozenset[str] = frozenset({"can", "could", "would", "will", "do", "did", "should", "if", "may",
                                     "might"})
#: Verbs after which an adjective describes the photo's problem ("it looks flat").
COMPLAINT_VERBS: frozenset[str] = frozenset(
    {"looks", "is", "are", "seems", "seem", "feels", "its", "appears", "was", "were", "came", "turned",
     "got", "getting", "made", "appear", "has", "have", "gave", "giving", "theres", "thats", "everythings",
     "r"}
)
DESIRE_WORDS: frozenset[str] = frozenset(
    {"make", "want", "should", "to", "wanna", "id", "like", "go", "turn", "needs", "need", "give", "add"}
)
_SIGNED = re.compile(r"[+-]\d+(\.\d+)?%?")
#: Words before a name that say it is being taken out ("get rid of the green tint").
REMOVING = tuple(p for p, sign in lx.DIRECTIONS.items() if sign < 0)
#: Colors that name a neutral object rather than a target ("the white dress looks yellow").
NEUTRALS = frozenset({"white", "grey", "gray"})


def split_clauses(
    words_by_part: list[list[str]], protected_at: Callable[[list[str], int], int]
) -> list[list[str]]:
    """The request's clauses: each part cut at conjunctions, purpose and result clauses
    and written signs, never inside a name ``protected_at`` finds (its length, or 0)."""
    out: list[list[str]] = []
    for words in words_by_part:
        current: list[str] = []
        i = 0
        while i < len(words):
            n = protected_at(words, i)
            if n:
                current.extend(words[i : i + n])
                i += n
                continue
            purpose = (
                words[i] == "so" and i + 1 < len(words) and words[i + 1] in _SO_CLAUSE and bool(current)
            )
            # "contrast -10 saturation -10": a written sign ends its own edit; in "-30
            # saturation" it starts it.
            signed = bool(i) and bool(_SIGNED.fullmatch(words[i - 1])) and words[i] in lx.NOUNS \
                and any(w in lx.NOUNS for w in current)
            if signed and current:
                out.append(current)
                current = []
            # "between the sky and the buildings" is one thing compared with another.
            pair = words[i] == "and" and "between" in current[-4:]
            if (words[i] in CONJUNCTIONS and not pair) or purpose or _result_at(words, i, current):
                if current:
                    out.append(current)
                # "so" stays: what a purpose clause names is wanted, not a complaint.
                current = ["so"] if purpose else []
            else:
                current.append(words[i])
            i += 1
        if current:
            out.append(current)
    return out


def _result_at(words: list[str], i: int, current: list[str]) -> bool:
    # "so overexposed the clouds just disappeared": what happened to a thing is the result.
    thing = len(current) > 1 and current[-2] == "so" and current[-1] in lx.ADJECTIVES \
        and words[i] in ("the", "my", "his", "her", "our", "their", "all")
    return thing or bool(current) and words[i] in _RESULT_SUBJECTS and i + 1 < len(words) \
        and words[i + 1] in _RESULT_VERBS and words[i - 1] not in _ASKING


def described(words: list[str], start: int) -> bool:
    """Whether the words before ``start`` describe the picture ("the highlights feel
    harsh", "the raincoat is so bright", "kinda dim") rather than ask for it ("make it bright")."""
    before = words[:start]
    hedged = bool(before) and (before[-1] in lx.HEDGES or " ".join(before[-2:]) in lx.HEDGES)
    told = hedged or any(w in COMPLAINT_VERBS or w in ("look", "feel") for w in before)
    return told and not wants(before, True)


def said_of(words: list[str], i: int) -> bool:
    """Whether the verb at ``i`` ("look", "feel") follows what it is said of: a subject or a
    plural ("we look orange", "the tomatoes look brown"), not a look's name ("a retro look")."""
    return i > 0 and (words[i - 1] in lx.SUBJECTS or words[i - 1].endswith("s"))


def unwanted(words: list[str], start: int, end: int) -> bool:
    """Whether the words around ``words[start:end]`` describe it as a problem: a complaint
    verb before it, one after it with "too" or an unwanted word, or a verb taking it out."""
    before, after = words[:start], words[end:]
    complained = any(w in COMPLAINT_VERBS for w in before) and not wants(before, True)
    judged = any(w in COMPLAINT_VERBS for w in after) and any(
        w == "too" or w in lx.UNWANTED or w in lx.COMPLAINTS for w in after
    )
    text = " " + " ".join(before) + " "
    removed = any(f" {p} " in text for p in REMOVING)
    return complained or judged or removed or any(w in lx.UNWANTED for w in words)


#: Words between "all" / "every" and what they quantify ("every drop of colour", "every last bit of color").
_QUANTIFIED = frozenset({"the", "of", "this", "its", "drop", "ounce", "trace", "speck", "last", "bit",
                         "single"})


def all_of(words: list[str], start: int) -> bool:
    """Whether "all" or "every" quantifies the word at ``start`` ("all the color", "all of the color")."""
    i = start - 1
    while i >= 0 and words[i] in _QUANTIFIED:
        i -= 1
    return i >= 0 and words[i] in ("all", "every")


def wants(words: list[str], likeness: bool) -> bool:
    """Whether ``words`` ask for something ("make it", "i want"); with ``likeness``, the
    "like" of "looks like" compares the picture to something and asks for nothing."""
    return any(
        w in DESIRE_WORDS and not (likeness and w == "like" and i and words[i - 1] in lx.LIKENESS_VERBS)
        for i, w in enumerate(words)
    )
