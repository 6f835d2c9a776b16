"""The direction check: does a grade move the picture the way a request asks?

A hand-made request names properties and the way each should move::

    {"request": "Darken the image a tad, and add contrast.", "expect": {"brightness": "-", "contrast": "+"}}

A predicted look is rendered with ``render_cpu`` on a few real pictures and every named
property is measured before and after.

The measures, their thresholds and the pictures are in ``editor.picture_measures``.

A check (request, property) passes when the property moved the asked way on more than
half of the pictures where it is measurable; measurable on none, it has no verdict.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import EditorError
from editor.fileio import read_jsonl
from editor.intent import NONE
from editor.paths import resources_dir
from editor.picture_measures import DIRECTIONS, PROPERTIES, Scene, moved

# Re-exported (the "as" form) for the modules that import them from here: the teacher's
# verifier and the reality check. New code imports them from editor.picture_measures.
from editor.picture_measures import downscale as downscale
from editor.picture_measures import measures as measures
from editor.picture_measures import sample_scenes as sample_scenes
from editor.picture_measures import srgb_to_lab as srgb_to_lab
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import Look


def default_requests_dir() -> Path:
    return resources_dir() / "data" / "requests"


# -- request files ---------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    text: str
    #: Property key (``PROPERTIES``) -> ``+`` or ``-``.
    expect: dict[str, str]


def _objects(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for where, data in read_jsonl(path, "Request file"):
        if not isinstance(data, dict) or not isinstance(data.get("request"), str):
            raise EditorError(f"{where} is not an object with a 'request' string.")
        yield where, data


def read_requests(path: str | Path) -> list[Request]:
    """The requests of a ``requests.jsonl`` file, checked against ``PROPERTIES``."""
    out = []
    for where, data in _objects(Path(path)):
        expect = data.get("expect")
        if not isinstance(expect, dict) or not expect:
            raise EditorError(f"{where} has no 'expect' object of property directions.")
        for key, direction in expect.items():
            if key not in PROPERTIES:
                raise EditorError(f"{where} expects unknown property {key!r}.")
            if direction not in DIRECTIONS or (key == "bw" and direction != "+"):
                allowed = "'+'" if key == "bw" else "'+' or '-'"
                raise EditorError(f"{where} expects {key!r} to move {direction!r}; it can only be {allowed}.")
        out.append(Request(data["request"], dict(expect)))
    return out


def read_noops(path: str | Path) -> list[str]:
    """The requests of a ``noop.jsonl`` file (each must call no tool)."""
    return [data["request"] for _, data in _objects(Path(path))]


# -- evaluation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One property of one request, as graded on the pictures where it is measurable."""

    request: str
    key: str
    direction: str
    #: (picture, before, after) per picture where the property is measurable.
    readings: tuple[tuple[str, float, float], ...]

    @property
    def label(self) -> str:
        return f"{self.key} {self.direction}"

    @property
    def votes(self) -> list[bool]:
        return [moved(self.key, self.direction, before, after) for _, before, after in self.readings]

    @property
    def measurable(self) -> bool:
        return bool(self.readings)

    @property
    def passed(self) -> bool:
        votes = self.votes
        return 2 * sum(votes) > len(votes)


@dataclass(frozen=True)
class Graded:
    """One predictor's answers: a look and its checks per request, and a look per no-op
    request (a declined request, mode ``none``, has the neutral look)."""

    looks: list[Look]
    checks: list[list[Check]]
    noop_looks: list[Look]

    @property
    def noop_called(self) -> list[bool]:
        return [not look.is_neutral for look in self.noop_looks]


def student_looks(student: Any, texts: Sequence[str], batch_size: int = 64) -> list[Look]:
    looks = []
    for start in range(0, len(texts), batch_size):
        for s in student.suggest_many(list(texts[start : start + batch_size])):
            looks.append(s.look if s.understood else Look())
    return looks


def teacher_looks(teacher: Any, texts: Sequence[str]) -> list[Look]:
    prepare = getattr(teacher, "prepare", None)
    if prepare is not None:
        # The knowledge-base teacher embeds the words it has no entry for in one batch.
        prepare(list(texts))
    looks = []
    for text in texts:
        answer = teacher.label(text)
        looks.append(Look() if answer.mode == NONE else answer.look)
    return looks


def grade(
    requests: Sequence[Request],
    looks: Sequence[Look],
    noop_looks: Sequence[Look],
    scenes: Sequence[Scene],
    tracker: ProgressTracker,
    seen: dict[tuple[str, bool], list[dict[str, float]]],
) -> Graded:
    """The checks of each request's look on every scene; ``seen`` keeps the measures of
    the looks already rendered (the student and the teacher often agree)."""
    checks = []
    for request, look in zip(requests, looks, strict=True):
        sharp = "sharpness" in request.expect
        key = (look.to_json(indent=None), sharp)
        if key not in seen:
            seen[key] = [scene.measure(look, sharp) for scene in scenes]
        after = seen[key]
        checks.append(
            [
                Check(
                    request.text,
                    prop,
                    direction,
                    tuple(
                        (s.name, s.before[prop], a[prop])
                        for s, a in zip(scenes, after, strict=True)
                        if prop in s.before
                    ),
                )
                for prop, direction in request.expect.items()
            ]
        )
        tracker.advance()
    return Graded(list(looks), checks, list(noop_looks))


def evaluate_requests(
    requests: Sequence[Request],
    noops: Sequence[str],
    student: Any,
    teacher: Any,
    scenes: Sequence[Scene],
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> DirectionReport:
    """Predict every request and no-op request with the student (``suggest_many``) and
    the teacher (``label``), and grade each predicted look on ``scenes``."""
    texts = [r.text for r in requests] + list(noops)
    # One unit per predictor for answering everything (the teacher may load its
    # sentence model first), then one per request graded.
    tracker = ProgressTracker(2 * (1 + len(requests)), progress, cancel)
    graded: dict[str, Graded] = {}
    seen: dict[tuple[str, bool], list[dict[str, float]]] = {}
    predictors = {
        "student": lambda: student_looks(student, texts),
        "teacher": lambda: teacher_looks(teacher, texts),
    }
    for name, predict in predictors.items():
        looks = predict()
        tracker.advance()
        graded[name] = grade(requests, looks[: len(requests)], looks[len(requests) :], scenes, tracker, seen)
    return DirectionReport(list(requests), list(noops), tuple(s.name for s in scenes), graded)


def _ratio(passed: int, total: int) -> dict[str, Any]:
    return {"passed": passed, "total": total, "accuracy": passed / total if total else None}


@dataclass(frozen=True)
class DirectionReport:
    """The direction check of each predictor (``student``, ``teacher``)."""

    requests: list[Request]
    noops: list[str]
    scenes: tuple[str, ...]
    graded: dict[str, Graded]

    def summary(self, name: str) -> dict[str, Any]:
        """One predictor's figures: per property and direction (in ``PROPERTIES`` order),
        all checks, requests whose every check passed, and no-op requests with no tool."""
        graded = self.graded[name]
        checks = [c for cs in graded.checks for c in cs if c.measurable]
        labels = [f"{key} {d}" for key in PROPERTIES for d in DIRECTIONS]
        per = {label: [c.passed for c in checks if c.label == label] for label in labels}
        judged = [[c.passed for c in cs if c.measurable] for cs in graded.checks]
        judged = [votes for votes in judged if votes]
        called = graded.noop_called
        return {
            "properties": {label: _ratio(sum(v), len(v)) for label, v in per.items() if v},
            "checks": _ratio(sum(c.passed for c in checks), len(checks)),
            "requests": _ratio(sum(all(v) for v in judged), len(judged)),
            "noop": _ratio(len(called) - sum(called), len(called)),
        }

    @property
    def unmeasurable(self) -> int:
        """Checks measurable on no picture (a color range the pictures lack)."""
        return sum(not c.measurable for cs in next(iter(self.graded.values())).checks for c in cs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "images": list(self.scenes),
            "requests": len(self.requests),
            "noops": len(self.noops),
            "unmeasurable_checks": self.unmeasurable,
            **{name: self.summary(name) for name in self.graded},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def table(self) -> str:
        """Accuracy per property and direction, overall and on the no-op set, side by side."""
        names = list(self.graded)
        summaries = [self.summary(name) for name in names]

        def cell(r: dict[str, Any] | None) -> str:
            if r is None or not r["total"]:
                return f"{'-':<16}"
            return f"{r['passed']:>4}/{r['total']:<4} {r['accuracy']:.2f}  "

        lines = [f"{'property':<22}" + "".join(f"{n:<16}" for n in names)]
        # Both predictors grade the same checks on the same pictures, so the same labels.
        for label in summaries[0]["properties"]:
            lines.append(f"{label:<22}" + "".join(cell(s["properties"].get(label)) for s in summaries))
        for title, key in (
            ("Overall (checks)", "checks"),
            ("Requests all passed", "requests"),
            ("No-op: no tool", "noop"),
        ):
            lines.append(f"{title:<22}" + "".join(cell(s[key]) for s in summaries))
        if self.unmeasurable:
            lines.append(
                f"{self.unmeasurable} checks not measurable on {', '.join(self.scenes)} (color range absent)"
            )
        return "\n".join(lines)

    def failures(self) -> list[str]:
        """One line per failed check and per no-op request that called a tool."""
        lines = []
        for name, graded in self.graded.items():
            for look, checks in zip(graded.looks, graded.checks, strict=True):
                for c in checks:
                    if c.measurable and not c.passed:
                        values = ", ".join(f"{pic} {b:.2f}->{a:.2f}" for pic, b, a in c.readings)
                        lines.append(
                            f"{name} failed {c.request!r}: {c.label} ({values}); look: {_look_line(look)}"
                        )
            for text, look in zip(self.noops, graded.noop_looks, strict=True):
                if not look.is_neutral:
                    lines.append(f"{name} called a tool for the no-op {text!r}: {_look_line(look)}")
        return lines


def _look_line(look: Look) -> str:
    return "; ".join(look.to_text().splitlines())
