"""White balance: Adjust ``temperature`` (warmer/cooler) and ``tint`` (magenta/green).

Color space: linear light. Per-channel gains, normalized so that the Rec.709
luminance of a neutral grey is unchanged:

- temperature t = value/100: red gain 2^(0.3 t), blue gain 2^(-0.3 t)
  (+100 raises R/B of any color by 2^0.6 = 1.52x);
- tint u = value/100: green gain 2^(-0.2 u) (+100 = more magenta).
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import LUMINANCE_709
from editor.schema import ADJUST_SPECS, Look

PARAMS = (ADJUST_SPECS["temperature"], ADJUST_SPECS["tint"])
SPACE = "linear"
#: Each output channel depends on that input channel only (bake_pointwise uses this).
PER_CHANNEL = True


def params(look: Look) -> dict[str, int]:
    return {p.name: look.adjust_value(p.name) for p in PARAMS}


def is_neutral(look: Look) -> bool:
    return not any(params(look).values())


def gains(p: dict[str, int]) -> np.ndarray:
    """The linear RGB gains, float32 shape (3,)."""
    t = p["temperature"] / 100.0
    u = p["tint"] / 100.0
    g = np.array([2.0 ** (0.3 * t), 2.0 ** (-0.2 * u), 2.0 ** (-0.3 * t)])
    return (g / float(g @ LUMINANCE_709)).astype(np.float32)


def apply(rgb: np.ndarray, p: dict[str, int]) -> np.ndarray:
    """Linear-light float32 (..., 3) in [0, 1] -> same."""
    return rgb * gains(p)
