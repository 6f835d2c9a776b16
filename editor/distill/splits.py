"""Train / test / unseen splits.

- **unseen**: whole concepts are held out. Their *key words* (the words of their names
  that no other concept's name uses, e.g. "noir" for film noir) never appear in train or
  test: every intent containing one, or labelled from a held-out concept (a typo or a
  synonym the teacher resolved to it), goes to unseen.
- **test**: ``test_size`` unique intents drawn from the rest; **train**: the remainder.

Intents are unique by ``intent_key`` (case, spacing and punctuation do not count), so no
intent or near-duplicate is in two splits. Deterministic in the seed.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass

from editor.distill.corpus import intent_key
from editor.distill.data import Row
from editor.errors import EditorError
from editor.teacher import lexicon as lx
from editor.teacher.kb import FILLER, MODIFIERS
from editor.teacher.knowledge import Concept, KnowledgeBase, normalize

log = logging.getLogger(__name__)

#: Concepts never held out: the looks creators ask for most (the product's calibration
#: examples) must be in training. Corrective requests share their words, so none qualify.
PROTECTED: frozenset[str] = frozenset(
    """golden_hour winter moody film_noir cozy autumn evening cyberpunk night faded_vintage
    tropical_beach foggy_forest brighter more_contrast warmer black_white sunset_glow horror
    dreamy_pastel sunset summer spring early_morning vintage cinematic pastel""".split()
)


@dataclass(frozen=True)
class Holdout:
    concepts: tuple[str, ...]
    words: frozenset[str]


@dataclass(frozen=True)
class Splits:
    train: list[Row]
    test: list[Row]
    unseen: list[Row]
    holdout: Holdout


def _words(concept: Concept) -> set[str]:
    return {w for name in concept.names for w in normalize(name).split()}


def key_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Concept id -> the words of its names that no other concept's name contains and
    the request reader does not read: holding out "deep" with jewel tones would take
    "deep blacks" and "deep shadows" out of training with it."""
    glue = set(FILLER) | {w for m in MODIFIERS for w in m.split()} | lx.phrase_words()
    owners: dict[str, set[str]] = {}
    for concept in kb.concepts:
        for word in _words(concept):
            owners.setdefault(word, set()).add(concept.id)
    return {
        c.id: frozenset(w for w in _words(c) if owners[w] == {c.id} and w not in glue and not w.isdigit())
        for c in kb.concepts
    }


def choose_holdout(kb: KnowledgeBase, per_category: int = 1, seed: int = 0) -> Holdout:
    """Held-out concepts: ``per_category`` from each category, only concepts every one of
    whose names has a key word (so no synonym can slip into training unmarked)."""
    rng = random.Random(seed)
    keys = key_words(kb)
    chosen: list[str] = []
    for category in kb.categories:
        eligible = [
            c for c in kb.concepts
            if c.category == category and c.id not in PROTECTED
            and all(set(normalize(n).split()) & keys[c.id] for n in c.names)
        ]
        chosen.extend(c.id for c in rng.sample(eligible, min(per_category, len(eligible))))
    return Holdout(tuple(chosen), frozenset(w for cid in chosen for w in keys[cid]))


def is_unseen(row: Row, concepts: Sequence[str], holdout: Holdout) -> bool:
    if set(normalize(row.intent).split()) & holdout.words:
        return True
    return bool(set(concepts) & set(holdout.concepts))


def split_rows(
    rows: Sequence[Row],
    concepts: Sequence[Sequence[str]],
    holdout: Holdout,
    test_size: int = 1000,
    seed: int = 0,
    trained: frozenset[str] = frozenset(),
) -> Splits:
    """Split labelled rows (``concepts[i]``: the concepts behind ``rows[i]``).

    ``trained`` holds the intent keys a student already learned from (the train split of
    the data it continues from): such an intent goes to train, never to test, and is
    dropped if it now reads as unseen, so both splits stay new to that student.
    """
    seen: set[str] = set()
    unseen: list[Row] = []
    rest: list[Row] = []
    known: list[Row] = []
    for row, used in zip(rows, concepts, strict=True):
        key = intent_key(row.intent)
        if key in seen:
            log.info("dropped near-duplicate intent %r", row.intent)
            continue
        seen.add(key)
        if is_unseen(row, used, holdout):
            if key not in trained:
                unseen.append(row)
        else:
            (known if key in trained else rest).append(row)
    if len(rest) <= test_size:
        raise EditorError(
            f"Only {len(rest)} intents remain after holding out concepts; need more than {test_size}."
        )
    order = list(range(len(rest)))
    random.Random(seed).shuffle(order)
    test_ids = set(order[:test_size])
    test = [r for i, r in enumerate(rest) if i in test_ids]
    # Train is shuffled so that any prefix of it is a fair sample (e.g. low-data runs).
    train = [rest[i] for i in order[test_size:]]
    if known:
        train += known
        random.Random(seed + 1).shuffle(train)
    return Splits(train, test, unseen, holdout)
