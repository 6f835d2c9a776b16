"""Structure: Adjust ``structure`` (local contrast), a spatial operation.

Color space: sRGB-encoded. The BT.601 luma Y' is blurred with a large Gaussian
(sigma = 1 % of the short side, run at reduced resolution: ``blur.reduced_blur``) and
the detail Y' - blur(Y') is added to every channel: x' = x + a (Y' - blur(Y')), a = t
for t = value/100 > 0 and 0.6 t below (-100 removes 60 % of the local contrast). GLSL: ``structure.glsl``.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline import luma_detail
from editor.schema import ADJUST_SPECS, Look

PARAMS = (ADJUST_SPECS["structure"],)
SPACE = "srgb"
SHADER = "structure.glsl"
#: Blur at reduced resolution (``editor.pipeline.blur.reduced_blur``): a wide blur.
REDUCED = True
SIGMA_FRACTION = 0.01
BOOST_AT_100 = 1.0
SMOOTH_AT_100 = 0.6


def params(look: Look) -> int:
    return look.adjust_value("structure")


def is_neutral(look: Look) -> bool:
    return params(look) == 0


def amount(value: int) -> float:
    return luma_detail.gain(value, BOOST_AT_100, SMOOTH_AT_100)


prep = luma_detail.prep


def combine(rgb: np.ndarray, blurred: np.ndarray, value: int) -> np.ndarray:
    return luma_detail.combine(rgb, blurred, amount(value))


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
    return luma_detail.apply(rgb, amount(value), SIGMA_FRACTION, REDUCED)
