"""Exposure: Adjust ``exposure``.

Color space: linear light. Gain 2^(2 t) with t = value/100: +-100 is +-2 stops,
+50 doubles linear light (middle grey 0.18 -> 0.36). Values above 1 clip.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("exposure")
SPACE = "linear"
#: Each output channel depends on that input channel only (bake_pointwise uses this).
PER_CHANNEL = True
STOPS_AT_100 = 2.0


def gain(value: int) -> float:
    return float(2.0 ** (STOPS_AT_100 * value / 100.0))


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """Linear-light float32 (..., 3) in [0, 1] -> same."""
    return (rgb * np.float32(gain(value))).astype(np.float32)
