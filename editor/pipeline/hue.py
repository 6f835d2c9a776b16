"""Hue: Adjust ``hue`` (all hues shifted forward / back).

Color space: sRGB-encoded. BT.601 (Cb, Cr) are rotated by 30 t degrees,
t = value/100, keeping luma Y'; positive moves red toward yellow. This is
ffmpeg's ``hue=h=`` rotation.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import rotate_chroma
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("hue")
SPACE = "srgb"
PER_CHANNEL = False
DEGREES_AT_100 = 30.0


def degrees(value: int) -> float:
    return DEGREES_AT_100 * value / 100.0


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    return rotate_chroma(rgb, degrees(value))
