"""Selective Adjust: saturation, luminance and hue of each color range.

Color space: sRGB-encoded. Each range has a center on the HSV hue circle, its ``hue``
in ``editor.schema.COLOR_RANGE_TABLE`` (red 0, orange 30, yellow 60, green 120, cyan
180, blue 240 degrees). A pixel's weight for a range falls off as cos^2 over the
distance to the neighboring center on that side, so adjacent weights sum to 1 and a
range never touches hues beyond its neighbors' centers. All weights are multiplied by
smoothstep(0.04, 0.3, C) of the chroma C = max - min, so greys and near-greys
(C <= 0.04) are exactly untouched.

With the weighted per-pixel amounts h, s, l (each value/100):

1. hue: (Cb, Cr) rotated by 30 h degrees (positive = toward the next range);
2. saturation: chroma around BT.601 luma scaled by 1 + s (-100 = grey);
3. luminance: l > 0 moves channels toward white by 0.4 l, l < 0 scales by 1 + 0.5 l.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from editor.pipeline.color import clip01, hue_chroma, rotate_chroma, scale_chroma, smoothstep
from editor.schema import COLOR_RANGE_TABLE, COLOR_RANGES, SELECTIVE_PARAMS, Look

PARAMS = SELECTIVE_PARAMS
SPACE = "srgb"
PER_CHANNEL = False
#: HSV hue of each range's center, degrees, in ``COLOR_RANGES`` order.
CENTERS = {r.name: r.hue for r in COLOR_RANGE_TABLE}
CHROMA_NONE = 0.04
CHROMA_FULL = 0.3
HUE_DEGREES_AT_100 = 30.0
LIGHTEN_AT_100 = 0.4
DARKEN_AT_100 = 0.5


def params(look: Look) -> Mapping[str, Mapping[str, int]]:
    return look.selective_adjust or {}


def is_neutral(look: Look) -> bool:
    return look.selective_adjust is None


def range_weight(hue_degrees: np.ndarray, color: str) -> np.ndarray:
    """The weight in [0, 1] of range ``color`` for HSV hues in degrees.

    Over all ranges the weights sum to 1. ``apply`` does not call this: it evaluates only
    the two ranges that bracket each hue (``_segments``). This one-range form is kept as
    the readable reference that the tests hold ``apply`` to (tests/test_ops.py), and for
    the direction check's color-range masks (``editor.picture_measures``).
    """
    centers = [CENTERS[c] for c in COLOR_RANGES]
    i = COLOR_RANGES.index(color)
    prev_gap = np.float32((centers[i] - centers[i - 1]) % 360.0)
    next_gap = np.float32((centers[(i + 1) % len(centers)] - centers[i]) % 360.0)
    d = (hue_degrees - np.float32(centers[i] - 180.0)) % np.float32(360.0) - np.float32(180.0)
    u = np.minimum(np.abs(d) / np.where(d >= 0, next_gap, prev_gap), np.float32(1.0))
    return (np.float32(0.5) + np.float32(0.5) * np.cos(u * np.float32(np.pi))).astype(np.float32)


def _segments(hue_degrees: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each hue: the ranges whose centers bracket it (indices into COLOR_RANGES) and
    the weight of the lower one (the upper one has 1 minus that, as in ``range_weight``)."""
    starts = np.array([CENTERS[c] for c in COLOR_RANGES], np.float32)
    gaps = (np.roll(starts, -1) - starts) % np.float32(360.0)
    lower = np.searchsorted(starts, hue_degrees, side="right") - 1
    u = (hue_degrees - starts[lower]) / gaps[lower]
    w = np.float32(0.5) + np.float32(0.5) * np.cos(u * np.float32(np.pi))
    return lower, (lower + 1) % len(starts), w.astype(np.float32)


def apply(rgb: np.ndarray, p: Mapping[str, Mapping[str, int]]) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same.

    The per-range weights are evaluated once per pixel for its two bracketing ranges
    (the others are 0 by construction), not once per adjusted range.
    """
    x = original = clip01(rgb)
    active = [c for c in COLOR_RANGES if any(p.get(c, {}).values())]
    if not active:
        return original
    hue, chroma = hue_chroma(x)
    mask = smoothstep(CHROMA_NONE, CHROMA_FULL, chroma)
    lower, upper, w_lower = _segments(hue)
    w_lower *= mask
    w_upper = mask - w_lower
    is_active = np.array([c in active for c in COLOR_RANGES])
    touched = (is_active[lower] & (w_lower > 0)) | (is_active[upper] & (w_upper > 0))
    amount: dict[str, np.ndarray] = {}
    for prop in ("hue", "saturation", "luminance"):
        values = np.array([p.get(c, {}).get(prop, 0) / 100.0 for c in COLOR_RANGES], np.float32)
        if values.any():
            amount[prop] = w_lower * values[lower] + w_upper * values[upper]
    h, s, lum = (amount.get(name) for name in ("hue", "saturation", "luminance"))
    if h is not None:
        x = rotate_chroma(x, h * np.float32(HUE_DEGREES_AT_100))
    if s is not None:
        x = scale_chroma(x, 1 + s)
    if lum is not None:
        # One expression for both signs: x + a (1 - x) with a = 0.4 max(l, 0) lightens,
        # x (1 + d) with d = 0.5 min(l, 0) darkens; one of a, d is always 0.
        a = np.float32(LIGHTEN_AT_100) * np.maximum(lum, np.float32(0.0))
        d = np.float32(DARKEN_AT_100) * np.minimum(lum, np.float32(0.0))
        x = x * (1 + d - a) + a
    # Outside the adjusted ranges (and for greys) the input passes through bit-exactly.
    return np.where(touched, x, original)
