"""Highlights: Adjust ``highlights`` (brighter highlights / recovered highlights).

Color space: sRGB-encoded, driven by BT.601 luma Y'. The weight Y'^3 confines the
change to bright tones. With t = value/100:

- t > 0: every channel moves toward white by the fraction 0.6 t Y'^3
  (x' = 1 - (1 - x)(1 - 0.6 t Y'^3));
- t < 0: the color is scaled by 1 - 0.25 |t| Y'^3 (white drops to 0.75 at -100,
  hue and chroma ratios kept).
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import luma
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("highlights")
SPACE = "srgb"
PER_CHANNEL = False
BRIGHTEN_AT_100 = 0.6
RECOVER_AT_100 = 0.25


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    t = value / 100.0
    x = rgb
    w = luma(x) ** 3
    if t > 0:
        return (1 - (1 - x) * (1 - np.float32(BRIGHTEN_AT_100 * t) * w)).astype(np.float32)
    return (x * (1 - np.float32(RECOVER_AT_100 * -t) * w)).astype(np.float32)
