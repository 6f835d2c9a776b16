"""Saturation: Adjust ``saturation``.

Color space: sRGB-encoded. Chroma is scaled around the grey of equal BT.601 luma,
x' = Y' + (1 + t)(x - Y'), t = value/100: -100 gives grey (all channels = Y'),
+100 doubles chroma. This is ffmpeg's ``eq=saturation=1+t`` on full-range YCbCr.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import scale_chroma
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("saturation")
SPACE = "srgb"
PER_CHANNEL = False


def factor(value: int) -> float:
    return 1.0 + value / 100.0


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    return scale_chroma(rgb, np.float32(factor(value)))
