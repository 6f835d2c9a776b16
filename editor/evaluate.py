"""Offline evaluation of the student against the teacher's labels.

Per tool, *tool selection* is scored as precision, recall and F1 where a positive is
"the teacher called the tool". *Quality* is measured on the samples where both the
teacher and the student called the tool: Filter = accuracy of the filter name;
Adjust and Selective Adjust = mean cosine similarity of the parameter vectors
(``Look.adjust_vector``, ``Look.selective_vector``; integer slider values in
-100..100). A called tool is never all-zero (``Look`` turns an all-neutral tool into
"not called"), so a zero vector only reaches ``cosine`` from hand-made input; it is
still defined: two zero vectors are identical (1), one zero vector shares no
direction (0). A tool's *final* score is the harmonic mean of selection F1 and
quality, and *overall* is the mean of the three final scores.

*Mode* (``editor.intent``: ``new``, ``relative`` or ``none``) is scored beside the
tools: precision, recall and F1 of choosing "relative" over the other two (positive =
the teacher's mode is ``relative``), and the accuracy of the three-way choice. It is
not part of *overall*, which stays the paper's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Protocol

import numpy as np

from editor.intent import NEW, NONE, RELATIVE
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import TOOL_LABELS, TOOLS, Look


class Labelled(Protocol):
    """A labelled intent (a corpus row): read-only, so that frozen rows satisfy it."""

    @property
    def intent(self) -> str: ...
    @property
    def look(self) -> Look: ...
    @property
    def mode(self) -> str: ...


class Suggester(Protocol):
    def suggest_many(self, intents: Sequence[str]) -> list: ...


def selection_scores(teacher: Sequence[bool], student: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of tool selection (positive = the teacher called the tool).

    With no predicted positives precision is 1 when there were also no true positives
    to find (nothing claimed, nothing missed) and 0 otherwise; recall likewise with no
    teacher positives.
    """
    t = np.asarray(teacher, dtype=bool)
    s = np.asarray(student, dtype=bool)
    tp = int(np.sum(t & s))
    fp = int(np.sum(~t & s))
    fn = int(np.sum(t & ~s))
    precision = tp / (tp + fp) if tp + fp else float(fn == 0)
    recall = tp / (tp + fn) if tp + fn else float(fp == 0)
    return precision, recall, harmonic_mean(precision, recall)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two parameter vectors; 1 for two zero vectors, 0 for one."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    if na == 0.0 and nb == 0.0:
        return 1.0
    if na == 0.0 or nb == 0.0:
        return 0.0
    return float(np.dot(a, b) / (na * nb))


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def tool_similarity(tool: str, teacher: Look, student: Look) -> float:
    """Per-sample quality of one tool both looks call: cosine, or 1/0 for the filter name."""
    if tool == "adjust":
        return cosine(teacher.adjust_vector(), student.adjust_vector())
    if tool == "selective_adjust":
        return cosine(teacher.selective_vector(), student.selective_vector())
    assert teacher.filter is not None and student.filter is not None, "both looks call the filter"
    return float(teacher.filter.name == student.filter.name)


@dataclass(frozen=True)
class ToolScores:
    precision: float
    recall: float
    f1: float
    quality: float
    final: float
    #: Samples where both called the tool (the quality's denominator).
    both_called: int


@dataclass(frozen=True)
class ModeScores:
    """Relative-or-new selection (positive = the teacher's mode is ``relative``) and the
    accuracy of the three-way mode."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    #: Samples the teacher labelled ``relative`` (the recall's denominator).
    relative: int


def mode_of(look: Look) -> str:
    """The mode of a look with no recorded mode: ``none`` when neutral, else ``new``."""
    return NONE if look.is_neutral else NEW


@dataclass(frozen=True)
class SampleResult:
    """One intent: the teacher's and the student's look and mode, and per-tool similarity."""

    intent: str
    teacher: Look
    student: Look
    #: Quality per tool both called (absent otherwise).
    similarity: dict[str, float]
    teacher_mode: str = NEW
    student_mode: str = NEW

    def selection_correct(self, tool: str) -> bool:
        return self.teacher.called(tool) == self.student.called(tool)


@dataclass(frozen=True)
class EvalReport:
    tools: dict[str, ToolScores]
    overall: float
    samples: list[SampleResult]
    mode: ModeScores

    def to_dict(self) -> dict:
        return {
            "overall": self.overall,
            "count": len(self.samples),
            "tools": {tool: asdict(scores) for tool, scores in self.tools.items()},
            "mode": asdict(self.mode),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def table(self) -> str:
        """The scores in the paper's layout: ``(P, R, F1) | quality | final`` per tool."""
        lines = [f"{'tool':<18}{'(P, R, F1)':<24}| {'quality':<8}| final"]
        for tool, s in self.tools.items():
            prf = f"({s.precision:.2f}, {s.recall:.2f}, {s.f1:.2f})"
            lines.append(f"{TOOL_LABELS[tool]:<18}{prf:<24}| {s.quality:<8.2f}| {s.final:.2f}")
        lines.append(f"{'Overall':<18}{'':<24}| {'':<8}| {self.overall:.2f}")
        m = self.mode
        prf = f"({m.precision:.2f}, {m.recall:.2f}, {m.f1:.2f})"
        lines.append(
            f"{'Relative or new':<18}{prf:<24}| mode accuracy {m.accuracy:.2f} ({m.relative} relative)"
        )
        return "\n".join(lines)


def mode_scores(teacher: Sequence[str], student: Sequence[str]) -> ModeScores:
    """Relative-or-new selection and three-way accuracy of the student's modes."""
    p, r, f1 = selection_scores([m == RELATIVE for m in teacher], [m == RELATIVE for m in student])
    agree = [t == s for t, s in zip(teacher, student, strict=True)]
    accuracy = float(np.mean(agree)) if agree else 1.0
    return ModeScores(p, r, f1, accuracy, sum(m == RELATIVE for m in teacher))


def score(
    pairs: Sequence[tuple[str, Look, Look]], modes: Sequence[tuple[str, str]] | None = None
) -> EvalReport:
    """Scores of ``(intent, teacher look, student look)`` triples and their
    ``(teacher mode, student mode)``; without ``modes`` each look's ``mode_of``."""
    if modes is None:
        modes = [(mode_of(teacher), mode_of(student)) for _, teacher, student in pairs]
    samples = [
        SampleResult(
            intent,
            teacher,
            student,
            {
                t: tool_similarity(t, teacher, student)
                for t in TOOLS
                if teacher.called(t) and student.called(t)
            },
            teacher_mode,
            student_mode,
        )
        for (intent, teacher, student), (teacher_mode, student_mode) in zip(pairs, modes, strict=True)
    ]
    tools: dict[str, ToolScores] = {}
    for tool in TOOLS:
        p, r, f1 = selection_scores(
            [s.teacher.called(tool) for s in samples], [s.student.called(tool) for s in samples]
        )
        sims = [s.similarity[tool] for s in samples if tool in s.similarity]
        quality = float(np.mean(sims)) if sims else 0.0
        tools[tool] = ToolScores(p, r, f1, quality, harmonic_mean(f1, quality), len(sims))
    overall = float(np.mean([s.final for s in tools.values()]))
    mode = mode_scores([s.teacher_mode for s in samples], [s.student_mode for s in samples])
    return EvalReport(tools, overall, samples, mode)


def evaluate(
    rows: Sequence[Labelled],
    student: Suggester,
    batch_size: int = 32,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> EvalReport:
    """Run the student on every row's intent and score it against the row's look and mode."""
    tracker = ProgressTracker(len(rows), progress, cancel)
    predicted = []
    for start in range(0, len(rows), batch_size):
        chunk = rows[start : start + batch_size]
        predicted.extend(student.suggest_many([r.intent for r in chunk]))
        tracker.advance(len(chunk))
    return score(
        [(r.intent, r.look, p.look) for r, p in zip(rows, predicted, strict=True)],
        [(r.mode, p.mode) for r, p in zip(rows, predicted, strict=True)],
    )
