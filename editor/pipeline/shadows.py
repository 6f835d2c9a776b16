"""Shadows: Adjust ``shadows`` (lifted shadows / deeper shadows; black stays black).

Color space: sRGB-encoded, driven by BT.601 luma Y'. The color is scaled by
1 + s (1 - Y')^3, which acts on dark tones and fades out toward white, keeps hue
and chroma ratios, and keeps luma monotonic: s = 1.5 t for t = value/100 > 0
(Y' 0.2 -> 0.35 at +100) and s = 0.6 t for t < 0.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import luma
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("shadows")
SPACE = "srgb"
PER_CHANNEL = False
LIFT_AT_100 = 1.5
DEEPEN_AT_100 = 0.6


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    t = value / 100.0
    s = np.float32((LIFT_AT_100 if t > 0 else DEEPEN_AT_100) * t)
    return (rgb * (1 + s * (1 - luma(rgb)) ** 3)).astype(np.float32)
