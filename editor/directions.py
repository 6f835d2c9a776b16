"""The direction check: does a grade move the picture the way a request asks?

A hand-made request names properties and the way each should move::

    {"request": "Darken the image a tad, and add contrast.", "expect": {"brightness": "-", "contrast": "+"}}

A predicted look is rendered with ``render_cpu`` on a few real pictures and every named
property is measured before and after.

Measures (colour-science conventions). Input: sRGB-encoded RGB, float, domain [0, 1],
shape (H, W, 3). It is decoded with the IEC 61966-2-1 curve, converted to CIE XYZ
(D65, Y of the white = 1) and to CIE 1976 L*a*b* relative to the D65 white: L* in
[0, 100], a* and b* about [-128, 127], chroma C*ab = hypot(a*, b*).

==================  ==========================================  ==========================
property            measure                                     moved when the delta is
==================  ==========================================  ==========================
brightness          mean L*                                     beyond 0.5
contrast            standard deviation of L*                    beyond 0.25
saturation          mean C*ab                                   beyond 0.4
warmth              mean b* of the neutrals (+ = warmer)        beyond 0.3
tint                mean a* of the neutrals (+ = magenta)       beyond 0.2
sharpness           mean abs 4-neighbour Laplacian of L*,       beyond 1.5 % of the
                    divided by the standard deviation of L*     value before
bw                  mean C*ab                                   ``+`` only: below 4 after,
                                                                and lower than before
<range>.saturation  mean C*ab of the range's pixels             beyond 0.4
<range>.luminance   mean L* of the range's pixels               beyond 0.4
==================  ==========================================  ==========================

"Beyond" is in the asked direction: a delta above +t for ``+``, below -t for ``-``.
The thresholds sit under what a +-10 slider move does on the sample pictures (at least:
exposure and brightness 1.2 L*, contrast 0.44, saturation 1.8 and vibrance 0.43 C*ab,
temperature 0.51 b*, tint 0.32 a*, sharpen 2.2 % and structure 4.7 %, Selective Adjust
saturation 0.74 and luminance 0.69) and well over what rounding a render to 8 bits
does. Sharpness is divided by the spread of L* because contrast or exposure +-10 scale
the raw Laplacian by 3-6 %, as much as sharpen +10; divided, they move it by under 2 %.
Warmth and tint are read as a colorist reads a cast: on the picture's neutrals, the
pixels of the original whose HSV chroma is under 0.12 (at least 2 % of the picture, else
all pixels). On colored pixels a plain mean of b* follows saturation and exposure far
more than white balance (on the coffee frame saturation +10 moves mean b* by 3.2,
exposure +25 by 3.7, temperature +10 by 0.5), so "brighter and cooler" would read as
warmer; on the neutrals those moves leave the hue alone and the white balance shows.

Pictures are graded at about 256 px on the long side (area average) for speed, except
sharpness, which is measured on a render at the source resolution: the sharpen blur is
0.1 % of the short side, under a pixel at 256 px, where sharpen changes nothing.

A color range's pixels come from the original picture: those whose HSV hue is nearest
to the range's center (``editor.pipeline.selective.CENTERS``) and whose HSV chroma
(max - min) is at least 0.15, where Selective Adjust works at 38 % or more of its
strength. The same positions are measured after the render. A range is measurable on a
picture with at least 0.5 % of its pixels, else checks of it skip that picture.

A check (request, property) passes when the property moved the asked way on more than
half of the pictures where it is measurable; measurable on none, it has no verdict.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from editor.errors import EditorError
from editor.fileio import read_jsonl
from editor.intent import NONE
from editor.paths import resources_dir
from editor.pipeline import render_cpu
from editor.pipeline.color import hue_chroma, srgb_to_linear
from editor.pipeline.selective import range_weight
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import COLOR_RANGES, Look

log = logging.getLogger(__name__)

GLOBAL_PROPERTIES: tuple[str, ...] = (
    "brightness",
    "contrast",
    "saturation",
    "warmth",
    "tint",
    "sharpness",
    "bw",
)
RANGE_PROPERTIES: tuple[str, ...] = ("saturation", "luminance")


def range_property(color: str, prop: str) -> str:
    """The key of a color range's property, ``<range>.<property>`` (``blue.saturation``)."""
    return f"{color}.{prop}"


#: Each property key -> the measure whose threshold it uses (a range's property, its own).
_MEASURE: dict[str, str] = {
    **{prop: prop for prop in GLOBAL_PROPERTIES},
    **{range_property(color, prop): prop for color in COLOR_RANGES for prop in RANGE_PROPERTIES},
}
PROPERTIES: tuple[str, ...] = tuple(_MEASURE)
DIRECTIONS: tuple[str, ...] = ("+", "-")

#: Smallest delta that counts as a move, by measure (a range's saturation shares the
#: global chroma threshold); see the module docstring.
THRESHOLDS: dict[str, float] = {
    "brightness": 0.5,
    "contrast": 0.25,
    "saturation": 0.4,
    "warmth": 0.3,
    "tint": 0.2,
    "luminance": 0.4,
}
SHARPNESS_CHANGE = 0.015
BW_CHROMA = 4.0
RANGE_MIN_CHROMA = 0.15
RANGE_MIN_SHARE = 0.005
NEUTRAL_MAX_CHROMA = 0.12
NEUTRAL_MIN_SHARE = 0.02
PREVIEW_LONG_SIDE = 256

#: Linear sRGB -> CIE XYZ (IEC 61966-2-1), rows X, Y, Z.
_SRGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
#: CIE XYZ of the D65 white (CIE 1931 2 degree observer).
_D65 = np.array([0.95047, 1.0, 1.08883])
_DELTA = 6.0 / 29.0


def default_requests_dir() -> Path:
    return resources_dir() / "data" / "requests"


# -- measures --------------------------------------------------------------------------


def _f(t: np.ndarray) -> np.ndarray:
    """The CIE 1976 companding of X/Xn, Y/Yn or Z/Zn."""
    return np.where(t > _DELTA**3, np.cbrt(t), t / np.float32(3 * _DELTA**2) + np.float32(4.0 / 29.0))


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of sRGB-encoded RGB in [0, 1], shape (..., 3) -> (..., 3) float32."""
    linear = srgb_to_linear(np.clip(rgb, 0.0, 1.0))
    f = _f(linear @ (_SRGB_TO_XYZ / _D65[:, None]).T.astype(np.float32))
    return np.stack(
        [116.0 * f[..., 1] - 16.0, 500.0 * (f[..., 0] - f[..., 1]), 200.0 * (f[..., 1] - f[..., 2])], -1
    )


def srgb_to_lightness(rgb: np.ndarray) -> np.ndarray:
    """CIE L* of sRGB-encoded RGB in [0, 1], shape (..., 3) -> (...) float32."""
    y = srgb_to_linear(np.clip(rgb, 0.0, 1.0)) @ _SRGB_TO_XYZ[1].astype(np.float32)
    return np.float32(116.0) * _f(y) - np.float32(16.0)


def sharpness(lightness: np.ndarray) -> float:
    """Mean absolute 4-neighbour Laplacian of L* (H, W) over its spread; 0 for a flat image."""
    lap = (
        4 * lightness[1:-1, 1:-1]
        - lightness[:-2, 1:-1]
        - lightness[2:, 1:-1]
        - lightness[1:-1, :-2]
        - lightness[1:-1, 2:]
    )
    spread = float(lightness.std(dtype=np.float64))
    return float(np.abs(lap).mean(dtype=np.float64)) / spread if spread > 0 else 0.0


def range_masks(rgb: np.ndarray) -> dict[str, np.ndarray]:
    """Boolean (H, W) masks of the color ranges measurable on ``rgb`` (module docstring)."""
    hue, chroma = hue_chroma(np.clip(rgb, 0.0, 1.0).astype(np.float32))
    nearest = np.stack([range_weight(hue[..., 0], color) for color in COLOR_RANGES]).argmax(axis=0)
    colored = chroma[..., 0] >= RANGE_MIN_CHROMA
    masks = {}
    for i, color in enumerate(COLOR_RANGES):
        mask = colored & (nearest == i)
        if mask.sum() >= RANGE_MIN_SHARE * mask.size:
            masks[color] = mask
    return masks


def neutral_mask(rgb: np.ndarray) -> np.ndarray | None:
    """Boolean (H, W) mask of the near-neutral pixels of ``rgb``, or None when too few."""
    _, chroma = hue_chroma(np.clip(rgb, 0.0, 1.0).astype(np.float32))
    mask = chroma[..., 0] < NEUTRAL_MAX_CHROMA
    return mask if mask.sum() >= NEUTRAL_MIN_SHARE * mask.size else None


def measures(
    rgb: np.ndarray, masks: dict[str, np.ndarray] | None = None, neutral: np.ndarray | None = None
) -> dict[str, float]:
    """Every global property of ``rgb``, the range ones on the pixels of ``masks``, and
    warmth and tint on the ``neutral`` pixels (all pixels when None)."""
    lab = srgb_to_lab(rgb)
    lightness = lab[..., 0]
    chroma = np.hypot(lab[..., 1], lab[..., 2])
    cast = lab[neutral] if neutral is not None else lab.reshape(-1, 3)
    out = {
        "brightness": float(lightness.mean(dtype=np.float64)),
        "contrast": float(lightness.std(dtype=np.float64)),
        "saturation": float(chroma.mean(dtype=np.float64)),
        "warmth": float(cast[:, 2].mean(dtype=np.float64)),
        "tint": float(cast[:, 1].mean(dtype=np.float64)),
        "sharpness": sharpness(lightness),
        "bw": float(chroma.mean(dtype=np.float64)),
    }
    for color, mask in (masks or {}).items():
        out[range_property(color, "saturation")] = float(chroma[mask].mean(dtype=np.float64))
        out[range_property(color, "luminance")] = float(lightness[mask].mean(dtype=np.float64))
    return out


def moved(key: str, direction: str, before: float, after: float) -> bool:
    """Whether property ``key`` moved the ``direction`` way from ``before`` to ``after``."""
    if key == "bw":
        return after < BW_CHROMA and after < before
    threshold = SHARPNESS_CHANGE * before if key == "sharpness" else THRESHOLDS[_MEASURE[key]]
    delta = after - before
    return delta > threshold if direction == "+" else delta < -threshold


# -- pictures --------------------------------------------------------------------------


def downscale(rgb: np.ndarray, long_side: int = PREVIEW_LONG_SIDE) -> np.ndarray:
    """Float32 RGB area-averaged to ``long_side`` px on its long side (never enlarged)."""
    from PIL import Image

    height, width = rgb.shape[:2]
    scale = long_side / max(height, width)
    if scale >= 1:
        return rgb
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    channels = [np.asarray(Image.fromarray(rgb[..., c]).resize(size, Image.Resampling.BOX)) for c in range(3)]
    return np.stack(channels, axis=-1).astype(np.float32)


@dataclass
class Scene:
    """One picture to grade, from its source-resolution float32 RGB in [0, 1]: its
    preview, the color ranges measurable on it and its measures before any grade."""

    name: str
    full: np.ndarray
    preview: np.ndarray = field(init=False, repr=False)
    masks: dict[str, np.ndarray] = field(init=False, repr=False)
    neutral: np.ndarray | None = field(init=False, repr=False)
    before: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        self.preview = downscale(self.full)
        self.masks = range_masks(self.preview)
        self.neutral = neutral_mask(self.preview)
        self.before = self.measure(Look(), sharp=True)

    def measure(self, look: Look, sharp: bool) -> dict[str, float]:
        """The measures of ``look`` rendered on this picture; ``sharp`` also renders the
        source resolution for sharpness (otherwise it is left out)."""
        out = measures(render_cpu(self.preview, look), self.masks, self.neutral)
        # The preview's sharpness is blind to the sharpen slider (module docstring).
        del out["sharpness"]
        if sharp:
            out["sharpness"] = sharpness(srgb_to_lightness(render_cpu(self.full, look)))
        return out


def sample_scenes() -> list[Scene]:
    """The bundled astronaut photo and a frame from each photo of the bundled clip."""
    from editor.media import VideoReader, read_photo
    from editor.samples import DURATION_S, FADE_S, SHOTS, sample_photo, sample_video

    def unit(pixels: np.ndarray) -> np.ndarray:
        return (pixels / np.float32(np.iinfo(pixels.dtype).max)).astype(np.float32)

    scenes = [Scene("astronaut", unit(read_photo(sample_photo())))]
    with VideoReader(sample_video()) as reader:
        for shot in SHOTS:
            # Halfway between the crossfades only this photo is on screen.
            start = shot.start_s + (FADE_S if shot.start_s > 0 else 0.0)
            end = shot.end_s - (FADE_S if shot.end_s < DURATION_S else 0.0)
            scenes.append(Scene(shot.image, unit(reader.frame_at((start + end) / 2).rgb)))
    return scenes


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
                        (s.name, s.before[prop], a[prop]) for s, a in zip(scenes, after) if prop in s.before
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
            for look, checks in zip(graded.looks, graded.checks):
                for c in checks:
                    if c.measurable and not c.passed:
                        values = ", ".join(f"{pic} {b:.2f}->{a:.2f}" for pic, b, a in c.readings)
                        lines.append(
                            f"{name} failed {c.request!r}: {c.label} ({values}); look: {_look_line(look)}"
                        )
            for text, look in zip(self.noops, graded.noop_looks):
                if not look.is_neutral:
                    lines.append(f"{name} called a tool for the no-op {text!r}: {_look_line(look)}")
        return lines


def _look_line(look: Look) -> str:
    return "; ".join(look.to_text().splitlines())
