"""Selective Adjust: saturation, luminance and hue of six color ranges.

Color space: sRGB-encoded. Each range has a center on the HSV hue circle (red 0,
orange 30, yellow 60, green 120, cyan 180, blue 240 degrees). A pixel's weight for a
range falls off as cos^2 over the distance to the neighboring center on that side, so
adjacent weights sum to 1 and a range never touches hues beyond its neighbors'
centers. All weights are multiplied by smoothstep(0.04, 0.3, C) of the chroma
C = max - min, so greys and near-greys (C <= 0.04) are exactly untouched.

With the weighted per-pixel amounts h, s, l (each value/100):

1. hue: (Cb, Cr) rotated by 30 h degrees (positive = toward the next range);
2. saturation: chroma around BT.601 luma scaled by 1 + s (-100 = grey);
3. luminance: l > 0 moves channels toward white by 0.4 l, l < 0 scales by 1 + 0.5 l.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from editor.pipeline.color import clip01, hue_chroma, rotate_chroma, scale_chroma, smoothstep
from editor.schema import COLOR_RANGES, SELECTIVE_PARAMS, Look

PARAMS = SELECTIVE_PARAMS
SPACE = "srgb"
#: HSV hue of each range's center, degrees, in ``COLOR_RANGES`` order.
CENTERS = dict(zip(COLOR_RANGES, (0.0, 30.0, 60.0, 120.0, 180.0, 240.0), strict=True))
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

    Over all ranges the weights sum to 1.
    """
    centers = [CENTERS[c] for c in COLOR_RANGES]
    i = COLOR_RANGES.index(color)
    prev_gap = np.float32((centers[i] - centers[i - 1]) % 360.0)
    next_gap = np.float32((centers[(i + 1) % len(centers)] - centers[i]) % 360.0)
    d = (hue_degrees - np.float32(centers[i] - 180.0)) % np.float32(360.0) - np.float32(180.0)
    u = np.minimum(np.abs(d) / np.where(d >= 0, next_gap, prev_gap), np.float32(1.0))
    return (np.float32(0.5) + np.float32(0.5) * np.cos(u * np.float32(np.pi))).astype(np.float32)


def apply(rgb: np.ndarray, p: Mapping[str, Mapping[str, int]]) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    x = original = clip01(rgb)
    hue, chroma = hue_chroma(x)
    mask = smoothstep(CHROMA_NONE, CHROMA_FULL, chroma)
    amount: dict[str, np.ndarray] = {}
    touched = np.zeros(chroma.shape, bool)
    for color, props in p.items():
        if not any(props.values()):
            continue
        weight = range_weight(hue, color) * mask
        touched |= weight > 0
        for prop, value in props.items():
            if value:
                term = weight * np.float32(value / 100.0)
                amount[prop] = amount[prop] + term if prop in amount else term
    h, s, lum = (amount.get(name) for name in ("hue", "saturation", "luminance"))
    if h is not None:
        x = rotate_chroma(x, h * np.float32(HUE_DEGREES_AT_100))
    if s is not None:
        x = scale_chroma(x, 1 + s)
    if lum is not None:
        lighten = 1 - (1 - x) * (1 - np.float32(LIGHTEN_AT_100) * np.maximum(lum, 0))
        x = np.where(lum > 0, lighten, x * (1 + np.float32(DARKEN_AT_100) * np.minimum(lum, 0)))
    # Outside the adjusted ranges (and for greys) the input passes through bit-exactly.
    return np.where(touched, x, original).astype(np.float32)
