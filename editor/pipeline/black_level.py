"""Black level: Adjust ``linearOffset`` (lifted, faded blacks / crushed blacks).

Color space: linear light, per channel, white stays white. With t = value/100:

- t > 0 lifts black to o = 0.04 t (linear; sRGB-encoded 0.22 at +100):
  x' = o + (1 - o) x;
- t < 0 crushes smoothly with c = 0.05 |t|: x' = x^2 (1 + c) / (x + c), slope 0 at
  black, monotonic, 1 -> 1.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import clip01
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("linearOffset")
SPACE = "linear"
#: Each output channel depends on that input channel only (bake_pointwise uses this).
PER_CHANNEL = True
LIFT_AT_100 = 0.04
CRUSH_AT_100 = 0.05


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """Linear-light float32 (..., 3) in [0, 1] -> same."""
    t = value / 100.0
    x = clip01(rgb)
    if t > 0:
        o = np.float32(LIFT_AT_100 * t)
        y = o + (1 - o) * x
    else:
        c = np.float32(CRUSH_AT_100 * -t)
        y = x * x * (1 + c) / (x + c)
    return y.astype(np.float32)
