"""The reality check: is each style look recognizable on real, varied footage?

A style look is a prompt and its **signature**, the attributes its concept stands for
("cold blue night": darker and cooler). The look a predictor gives the prompt is rendered
with ``render_cpu`` on every scene and each attribute is measured on the pixels before
and after, with ``editor.directions``' CIE L*a*b* (D65; L* in [0, 100], a*, b* about
[-128, 127]) of sRGB-encoded RGB in [0, 1], on the ~256 px preview.

=========  ==========================================  ===============================
attribute  measure                                     passes when
=========  ==========================================  ===============================
darker     mean L*                                     delta below -4
brighter   mean L*                                     delta above +2
cooler     mean b* of all pixels                       delta below -4, or any drop ending under -15
warmer     mean b* of all pixels                       delta above +3, or any rise ending over +30
muted      mean C*ab, or colorfulness (below)          delta below -2.5, or any drop ending under 4
vivid      mean C*ab                                   delta above +2.5
flatter    standard deviation of L*                    delta below -1
punchier   standard deviation of L*                    delta above +1
lifted     2nd percentile of L* (the blacks)           delta above +2
mono       mean C*ab                                   under 4 after
=========  ==========================================  ===============================

A picture reads muted when its colors move toward gray (mean C*ab falls) or toward one
another: **colorfulness**, the mean distance in a*b* of each pixel from the picture's
mean a*b*, falls. "moody winter" desaturates and cools, and the blue it lays over a gray
bird or a night sky raises every pixel's C*ab while the picture's colors grow closer
(Hasler and Süsstrunk's colorfulness separates a cast from color the same way); a
sun-bleached look desaturates and split-tones, which spreads the colors a little while
every one of them comes closer to gray. Vivid and mono are read on C*ab alone.

Cooling is read on every pixel, not on the neutrals as the direction check reads a cast:
a night or an underwater look must turn a warm scene blue, not only neutralize its
whites. Every look must also clear the visibility floor, a mean CIEDE2000 (Sharma, Wu and
Dalal 2005) between before and after of at least ``VISIBLE_DE``, so that it never
disappears on some footage. The mean is over the pixels that show something (L* of at
least ``SEEN_L`` before or after), when they are at least ``SEEN_SHARE`` of the picture:
a deep field is a black sky around galaxies, and a grade that restyles the galaxies is
plainly seen, though the black around them stays black. A look whose whole signature
the picture already has (black and white on a gray bird) has nothing to show and is
counted apart, as "already", not as hidden.

The thresholds are about what a viewer notices side by side; a picture that already
reads blue (a night sky) or amber after the grade passes cooler or warmer by any move
the asked way, since its cast has little room left, and one whose colors are already
close to one another (a deep field, a white bird; colorfulness under the mono bound)
passes muted by any drop: it has less than 2.5 to lose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from editor.directions import downscale, srgb_to_lab
from editor.pipeline import render_cpu
from editor.schema import Look

VISIBLE_DE = 5.0
#: Darker than this L*, a pixel shows nothing on a screen (it reads as black).
SEEN_L = 10.0
#: Under this share of pixels that show something, the floor is read on every pixel.
SEEN_SHARE = 0.05
BLACK_PERCENTILE = 2.0

#: attribute -> (measure, sign of the move, smallest move or None, bound after or None).
ATTRIBUTES: dict[str, tuple[str, int, float | None, float | None]] = {
    "darker": ("lightness", -1, 4.0, None),
    "brighter": ("lightness", +1, 2.0, None),
    "cooler": ("b", -1, 4.0, -15.0),
    "warmer": ("b", +1, 3.0, 30.0),
    "muted": ("chroma", -1, 2.5, 4.0),
    "vivid": ("chroma", +1, 2.5, None),
    "flatter": ("contrast", -1, 1.0, None),
    "punchier": ("contrast", +1, 1.0, None),
    "lifted": ("blacks", +1, 2.0, None),
    "mono": ("chroma", -1, None, 4.0),
}
#: Attributes that a second measure, read with the same thresholds, also satisfies.
ALSO_READ_ON: dict[str, str] = {"muted": "colorfulness"}

#: The style set: looks a creator might type, one per concept family of the knowledge base.
STYLE_LOOKS: dict[str, tuple[str, ...]] = {
    "cold blue night": ("darker", "cooler"),
    "deep underwater": ("cooler",),
    "icy arctic morning": ("cooler",),
    "sun-bleached summer afternoon": ("muted", "lifted"),
    "golden hour": ("warmer",),
    "warm candlelit dinner": ("warmer",),
    "desert heat": ("warmer",),
    "moody winter": ("cooler", "muted"),
    "faded vintage film": ("muted", "lifted"),
    "matte pastel": ("muted", "lifted"),
    "washed out": ("muted", "flatter"),
    "vivid tropical paradise": ("vivid",),
    "80s neon": ("vivid",),
    "film noir": ("mono", "punchier"),
    "black and white": ("mono",),
    "bleach bypass": ("muted", "punchier"),
    "dark horror": ("darker", "muted"),
    "bright airy wedding": ("brighter",),
}

#: Two looks and their attributes for a quick run (CI).
SMALL_LOOKS = ("cold blue night", "sun-bleached summer afternoon", "golden hour")


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 colour difference (kL = kC = kH = 1) of CIE L*a*b* arrays (..., 3) -> (...)."""
    l1, a1, b1 = np.moveaxis(np.asarray(lab1, np.float64), -1, 0)
    l2, a2, b2 = np.moveaxis(np.asarray(lab2, np.float64), -1, 0)
    c_bar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_bar**7 / (c_bar**7 + 25.0**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    chromatic = c1p * c2p != 0
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(chromatic, dh, 0.0)
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    h_sum = h1p + h2p
    h_bar = np.where(np.abs(h1p - h2p) > 180, np.where(h_sum < 360, h_sum + 360, h_sum - 360), h_sum) / 2
    h_bar = np.where(chromatic, h_bar, h_sum)
    t = (
        1
        - 0.17 * np.cos(np.radians(h_bar - 30))
        + 0.24 * np.cos(np.radians(2 * h_bar))
        + 0.32 * np.cos(np.radians(3 * h_bar + 6))
        - 0.20 * np.cos(np.radians(4 * h_bar - 63))
    )
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / np.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = (
        -2
        * np.sqrt(cp_bar**7 / (cp_bar**7 + 25.0**7))
        * np.sin(np.radians(60 * np.exp(-(((h_bar - 275) / 25) ** 2))))
    )
    return np.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h))


def lab_measures(lab: np.ndarray) -> dict[str, float]:
    """The measures the attributes read, of a CIE L*a*b* picture (H, W, 3)."""
    lightness = lab[..., 0].astype(np.float64)
    return {
        "lightness": float(lightness.mean()),
        "contrast": float(lightness.std()),
        "blacks": float(np.percentile(lightness, BLACK_PERCENTILE)),
        "b": float(lab[..., 2].mean(dtype=np.float64)),
        "chroma": float(np.hypot(lab[..., 1], lab[..., 2]).mean(dtype=np.float64)),
        "colorfulness": colorfulness(lab),
    }


def colorfulness(lab: np.ndarray) -> float:
    """Mean distance in a*b* of each pixel of a CIE L*a*b* picture (..., 3) from its mean a*b*."""
    ab = lab[..., 1:].reshape(-1, 2).astype(np.float64)
    return float(np.hypot(*(ab - ab.mean(axis=0)).T).mean())


def visible_delta_e(before: np.ndarray, after: np.ndarray) -> float:
    """Mean CIEDE2000 of two CIE L*a*b* pictures over the pixels that show something (see
    the module docstring), or over every pixel when too few do."""
    delta = ciede2000(before, after)
    seen = (before[..., 0] >= SEEN_L) | (after[..., 0] >= SEEN_L)
    return float(delta[seen].mean() if seen.mean() >= SEEN_SHARE else delta.mean())


def signature_held(attributes: Sequence[str], before: dict[str, float]) -> bool:
    """Whether the picture already has every attribute of a signature: only a state
    ("mono") can be had; a move ("darker") never is."""
    return all(ATTRIBUTES[a][2] is None and attribute_passes(a, before, before) for a in attributes)


def attribute_passes(attribute: str, before: dict[str, float], after: dict[str, float]) -> bool:
    measure, sign, move, bound = ATTRIBUTES[attribute]
    also = ALSO_READ_ON.get(attribute)
    return _moved(measure, sign, move, bound, before, after) or (
        also is not None and _moved(also, sign, move, bound, before, after)
    )


def _moved(
    measure: str, sign: int, move: float | None, bound: float | None, before: dict[str, float],
    after: dict[str, float],
) -> bool:
    delta = sign * (after[measure] - before[measure])
    if move is not None and delta > move:
        return True
    # A cast already past its bound still has to move the asked way, if only a little.
    return bound is not None and sign * (after[measure] - bound) > 0 and (move is None or delta > 0)


@dataclass(frozen=True)
class RealScene:
    """One real picture: its ~256 px float32 sRGB preview in [0, 1] and its Lab."""

    name: str
    preview: np.ndarray

    @classmethod
    def of(cls, name: str, rgb: np.ndarray) -> RealScene:
        return cls(name, downscale(rgb))


@dataclass(frozen=True)
class Reading:
    """One look on one scene: its attribute verdicts and its mean CIEDE2000."""

    scene: str
    passed: dict[str, bool]
    delta_e: float
    #: The picture had the whole signature before the look ("already" in the tables).
    already: bool = False

    @property
    def visible(self) -> bool:
        return self.already or self.delta_e >= VISIBLE_DE


def read_look(look: Look, prompt: str, scene: RealScene) -> tuple[Reading, np.ndarray]:
    """The reading of ``look`` (graded for ``prompt``'s signature) on ``scene``, and its render."""
    graded = render_cpu(scene.preview, look)
    before, after = srgb_to_lab(scene.preview), srgb_to_lab(graded)
    mb, ma = lab_measures(before), lab_measures(after)
    signature = STYLE_LOOKS[prompt]
    passed = {a: attribute_passes(a, mb, ma) for a in signature}
    reading = Reading(scene.name, passed, visible_delta_e(before, after), signature_held(signature, mb))
    return reading, graded


def _unit(pixels: np.ndarray) -> np.ndarray:
    return (pixels / np.float32(np.iinfo(pixels.dtype).max)).astype(np.float32)


def real_scenes(media_dir: Path | None) -> list[RealScene]:
    """The bundled samples (``directions.sample_scenes``), and with ``media_dir`` every
    photo and the middle frame of every clip in it."""
    from editor.directions import sample_scenes
    from editor.media import VideoReader, read_photo

    scenes = [RealScene(s.name, s.preview) for s in sample_scenes()]
    for path in sorted(media_dir.iterdir()) if media_dir is not None else ():
        if path.suffix.lower() in (".jpg", ".jpeg", ".png"):
            scenes.append(RealScene.of(path.stem, _unit(read_photo(path))))
        elif path.suffix.lower() in (".mp4", ".webm", ".mov", ".mkv"):
            with VideoReader(path) as reader:
                frame = reader.frame_at(reader.info.duration_s / 2)
            scenes.append(RealScene.of(path.stem, _unit(frame.rgb)))
    return scenes


@dataclass(frozen=True)
class RealityReport:
    """Every prompt's readings per predictor (``teacher``, ``student``)."""

    prompts: tuple[str, ...]
    scenes: tuple[str, ...]
    readings: dict[str, list[list[Reading]]]

    def per_look(self, name: str) -> list[tuple[str, int, int, int, float]]:
        """(prompt, checks passed, checks, scenes under the floor, lowest mean CIEDE2000 on
        the scenes that did not already have the look)."""
        rows = []
        for prompt, readings in zip(self.prompts, self.readings[name], strict=True):
            votes = [v for r in readings for v in r.passed.values()]
            hidden = sum(not r.visible for r in readings)
            shown = [r.delta_e for r in readings if not r.already] or [0.0]
            rows.append((prompt, sum(votes), len(votes), hidden, min(shown)))
        return rows

    def already(self, name: str) -> list[tuple[str, str]]:
        """(prompt, scene) of the pairs whose scene already had the look's signature."""
        return [
            (prompt, r.scene)
            for prompt, readings in zip(self.prompts, self.readings[name], strict=True)
            for r in readings if r.already
        ]

    def per_scene(self, name: str) -> dict[str, tuple[int, int]]:
        """Scene -> (checks passed, checks) over every prompt."""
        out = {s: [0, 0] for s in self.scenes}
        for readings in self.readings[name]:
            for r in readings:
                out[r.scene][0] += sum(r.passed.values())
                out[r.scene][1] += len(r.passed)
        return {s: (p, t) for s, (p, t) in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "images": list(self.scenes),
            **{
                name: {
                    "looks": {
                        prompt: {"passed": p, "total": t, "hidden": h, "min_delta_e": round(low, 2)}
                        for prompt, p, t, h, low in self.per_look(name)
                    },
                    "images": {s: {"passed": p, "total": t} for s, (p, t) in self.per_scene(name).items()},
                    "already": [list(pair) for pair in self.already(name)],
                }
                for name in self.readings
            },
        }

    def table(self) -> str:
        lines = []
        for name in self.readings:
            lines.append(f"{name}: {'look':<32}{'signature':<18}{'checks':>8}{'hidden':>8}{'min dE':>8}")
            for prompt, passed, total, hidden, low in self.per_look(name):
                signature = "+".join(STYLE_LOOKS[prompt])
                lines.append(f"  {prompt:<38}{signature:<18}{passed:>4}/{total:<3}{hidden:>8}{low:>8.1f}")
            scenes = self.per_scene(name)
            passed = sum(p for p, _ in scenes.values())
            total = sum(t for _, t in scenes.values())
            hidden = sum(row[3] for row in self.per_look(name))
            lines.append("  per image: " + ", ".join(f"{s} {p}/{t}" for s, (p, t) in scenes.items()))
            lines.append(
                f"  {name} overall: {passed}/{total} = {passed / total:.2f} signature checks, "
                f"{hidden} look-image pairs under the visibility floor (dE < {VISIBLE_DE:g})"
            )
            already = self.already(name)
            if already:
                lines.append("  already had the look: " + ", ".join(f"{p} on {s}" for p, s in already))
        return "\n".join(lines)

    def failures(self) -> list[str]:
        """One line per failed attribute or hidden look, per predictor and scene."""
        lines = []
        for name, per_prompt in self.readings.items():
            for prompt, readings in zip(self.prompts, per_prompt, strict=True):
                for r in readings:
                    failed = [a for a, ok in r.passed.items() if not ok]
                    if failed or not r.visible:
                        lines.append(f"{name} {prompt!r} on {r.scene}: failed {failed}, dE {r.delta_e:.1f}")
        return lines


def contact_sheet(
    scenes: Sequence[RealScene], prompts: Sequence[str], renders: list[list[np.ndarray]]
) -> np.ndarray:
    """A uint8 sRGB grid: a row per scene, the original then each prompt's render."""
    from PIL import Image

    cell_w, cell_h = 160, 100

    def cell(rgb: np.ndarray) -> np.ndarray:
        image = Image.fromarray((np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8))
        image.thumbnail((cell_w, cell_h))
        out = np.zeros((cell_h, cell_w, 3), np.uint8)
        pixels = np.asarray(image)
        out[: pixels.shape[0], : pixels.shape[1]] = pixels
        return out

    rows = [
        np.concatenate([cell(scene.preview)] + [cell(renders[p][i]) for p in range(len(prompts))], axis=1)
        for i, scene in enumerate(scenes)
    ]
    return np.concatenate(rows, axis=0)


def evaluate_reality(
    predictors: dict[str, Callable[[list[str]], list[Look]]],
    scenes: Sequence[RealScene],
    prompts: Sequence[str] = tuple(STYLE_LOOKS),
    sheet: Path | None = None,
) -> RealityReport:
    """Each predictor's look for every prompt, read on every scene; with ``sheet`` the
    first predictor's renders are written there as a contact sheet PNG."""
    from editor.media import write_photo

    readings: dict[str, list[list[Reading]]] = {}
    for index, (name, predict) in enumerate(predictors.items()):
        looks = predict(list(prompts))
        per_prompt, renders = [], []
        for prompt, look in zip(prompts, looks, strict=True):
            pairs = [read_look(look, prompt, scene) for scene in scenes]
            per_prompt.append([r for r, _ in pairs])
            renders.append([g for _, g in pairs])
        readings[name] = per_prompt
        if sheet is not None and index == 0:
            write_photo(sheet, contact_sheet(scenes, prompts, renders))
    return RealityReport(tuple(prompts), tuple(s.name for s in scenes), readings)
