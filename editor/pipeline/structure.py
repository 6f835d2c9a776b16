"""Structure: Adjust ``structure`` (local contrast), a spatial operation.

Color space: sRGB-encoded. The BT.601 luma Y' is blurred with a large Gaussian
(sigma = 1 % of the short side, run at reduced resolution: ``blur.reduced_blur``) and
the detail Y' - blur(Y') is added to every channel: x' = x + a (Y' - blur(Y')), a = t
for t = value/100 > 0 and 0.6 t below (-100 removes 60 % of the local contrast). GLSL: ``structure.glsl``.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.blur import reduced_blur, sigma_for
from editor.pipeline.color import clip01, luma
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
    t = value / 100.0
    return (BOOST_AT_100 if t > 0 else SMOOTH_AT_100) * t


def prep(rgb: np.ndarray) -> np.ndarray:
    """What gets blurred: Y', shape (H, W, 1)."""
    return luma(rgb)


def combine(rgb: np.ndarray, blurred: np.ndarray, value: int) -> np.ndarray:
    return clip01(rgb + np.float32(amount(value)) * (luma(rgb) - blurred))


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
    return combine(rgb, reduced_blur(prep(rgb), sigma_for(rgb.shape, SIGMA_FRACTION), REDUCED), value)
