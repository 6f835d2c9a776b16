"""Sharpen: Adjust ``sharpen``, an unsharp mask on luma (spatial operation).

Color space: sRGB-encoded. The BT.601 luma Y' is blurred with a small Gaussian
(sigma = 0.1 % of the short side: 1.08 px at 1080p) and x' = x + a (Y' - blur(Y'))
with a = 1.5 t for t = value/100 > 0 and 0.8 t below (negative values soften).
Color edges are not sharpened, so no colored halos. GLSL: ``sharpen.glsl``.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline import luma_detail
from editor.schema import ADJUST_SPECS, Look

PARAMS = (ADJUST_SPECS["sharpen"],)
SPACE = "srgb"
SHADER = "sharpen.glsl"
#: The blur is a few px wide, cheap at full resolution, and detail needs it there.
REDUCED = False
SIGMA_FRACTION = 0.001
SHARPEN_AT_100 = 1.5
SOFTEN_AT_100 = 0.8


def params(look: Look) -> int:
    return look.adjust_value("sharpen")


def is_neutral(look: Look) -> bool:
    return params(look) == 0


def amount(value: int) -> float:
    return luma_detail.gain(value, SHARPEN_AT_100, SOFTEN_AT_100)


prep = luma_detail.prep


def combine(rgb: np.ndarray, blurred: np.ndarray, value: int) -> np.ndarray:
    return luma_detail.combine(rgb, blurred, amount(value))


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
    return luma_detail.apply(rgb, amount(value), SIGMA_FRACTION, REDUCED)
