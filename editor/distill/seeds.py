"""Hand-written development requests as training rows, the way a user's typed intents would be.

The paper's student learns from what users typed; this project's nearest thing is the
hand-written development sets (``resources/data/requests/requests_dev*.jsonl``,
``noop_dev.jsonl``). Each request is labelled once by the teacher, and that label is
given to the request itself and to ``copies`` noisy copies of it (keyboard slips,
punctuation, emoji: what ``editor.distill.corpus`` adds to generated intents), so a
typo the teacher might not read still carries the meaning of the clean sentence. A
request that names a concept held out for the unseen split is left out, so that split
stays unseen. The held-out ``requests.jsonl`` and ``noop.jsonl`` must never be given
here: they measure the student.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from editor.distill.corpus import CorpusOptions, intent_key, noisy
from editor.distill.data import Row
from editor.errors import EditorError
from editor.fileio import read_jsonl

#: The held-out files by name; giving one of them is refused.
HELD_OUT = ("requests.jsonl", "noop.jsonl")

#: Noisier than the corpus: every copy is meant to differ from the sentence it repeats.
_COPY_NOISE = CorpusOptions(typo_rate=0.6, emoji_rate=0.15, upper_rate=0.05, capitalize_rate=0.3)


def read_seed_requests(paths: Iterable[Path]) -> list[str]:
    """The requests of the given development files, in order, without repeats."""
    out: dict[str, str] = {}
    for path in paths:
        if Path(path).name in HELD_OUT:
            raise EditorError(
                f"{Path(path).name} is held out for measuring the student; it cannot be training data."
            )
        for _, row in read_jsonl(Path(path), "Request file"):
            out.setdefault(intent_key(row["request"]), row["request"])
    return list(out.values())


def seed_rows(
    requests: Sequence[str], teacher, held_out_concepts: Iterable[str], copies: int = 5, seed: int = 0
) -> tuple[list[Row], int]:
    """Teacher rows (source ``request``) for each request and its noisy copies, and how
    many requests were left out for naming a held-out concept."""
    held = set(held_out_concepts)
    rng = random.Random(seed)
    teacher.prepare(list(requests))
    rows, skipped = [], 0
    for request in requests:
        answer = teacher.label(request)
        if held & set(answer.concepts):
            skipped += 1
            continue
        texts = [request, *(noisy(request, _COPY_NOISE, rng) for _ in range(copies))]
        rows += [Row(text, answer.look, dict(answer.rationales), None, "request",
                     answer.mode) for text in texts]
    return rows, skipped
