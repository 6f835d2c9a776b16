"""Contrast: Adjust ``contrast``.

Color space: sRGB-encoded (perceptual), per channel, pivot at middle grey
p = 0.4614 (18 % linear). With t = value/100:

- t > 0: an S-curve with slope g = 1 + t at the pivot and 0 at black and white,
  x' = p (x/p)^g below p and 1 - (1-p) ((1-x)/(1-p))^g above (black and white kept);
- t < 0: a linear squeeze toward the pivot, x' = p + (x - p)(1 + 0.4 t)
  (at -100 black becomes 0.28 and white 0.78: a flat, faded picture).
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import MIDDLE_GREY, clip01
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("contrast")
SPACE = "srgb"
#: Each output channel depends on that input channel only (bake_pointwise uses this).
PER_CHANNEL = True
PIVOT = np.float32(MIDDLE_GREY)
SQUEEZE_AT_100 = 0.4


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    t = value / 100.0
    x = clip01(rgb)
    p = PIVOT
    if t > 0:
        g = np.float32(1.0 + t)
        low = p * (x / p) ** g
        high = 1 - (1 - p) * ((1 - x) / (1 - p)) ** g
        return np.where(x < p, low, high).astype(np.float32)
    return (p + (x - p) * np.float32(1.0 + SQUEEZE_AT_100 * t)).astype(np.float32)
