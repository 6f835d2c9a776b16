"""Brightness: Adjust ``brightness`` (midtones; black and white stay put).

Color space: sRGB-encoded (perceptual), per channel. A rational midtone curve
x' = a x / (1 + (a - 1) x) with a = 2^(1.2 t), t = value/100: its slope is a at
black and 1/a at white (finite, so the baked LUT stays accurate); +100 maps 0.5 to
0.70 and -100 maps 0.5 to 0.30.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import clip01
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("brightness")
SPACE = "srgb"
#: Each output channel depends on that input channel only (bake_pointwise uses this).
PER_CHANNEL = True
LOG2_SLOPE_AT_100 = 1.2


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    a = np.float32(2.0 ** (LOG2_SLOPE_AT_100 * value / 100.0))
    x = clip01(rgb)
    return (a * x / (1 + (a - 1) * x)).astype(np.float32)
