"""Bloom: Adjust ``bloom``, blurred highlights added back (spatial operation).

Color space: linear light. The highlights lin * smoothstep(0.45, 0.9, luminance)
(Rec.709 luminance of linear RGB) are blurred with a wide Gaussian (sigma = 1.25 %
of the short side, run at reduced resolution: ``blur.reduced_blur``) and added:
lin' = lin + a blur(highlights), a = t for t = value/100 > 0 and 0.5 t below (less
glow: light spill around highlights is taken away). Input and output are sRGB-encoded. GLSL: ``bloom.glsl``.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.blur import reduced_blur, sigma_for
from editor.pipeline.color import LUMINANCE_709, clip01, linear_to_srgb, smoothstep, srgb_to_linear
from editor.schema import ADJUST_SPECS, Look

PARAMS = (ADJUST_SPECS["bloom"],)
SPACE = "linear"
SHADER = "bloom.glsl"
#: Blur at reduced resolution (``editor.pipeline.blur.reduced_blur``): a wide blur.
REDUCED = True
SIGMA_FRACTION = 0.0125
THRESHOLD = (0.45, 0.9)
GLOW_AT_100 = 1.0
REDUCE_AT_100 = 0.5


def params(look: Look) -> int:
    return look.adjust_value("bloom")


def is_neutral(look: Look) -> bool:
    return params(look) == 0


def amount(value: int) -> float:
    t = value / 100.0
    return (GLOW_AT_100 if t > 0 else REDUCE_AT_100) * t


def prep(rgb: np.ndarray) -> np.ndarray:
    """What gets blurred: the linear-light highlights, shape (H, W, 3)."""
    lin = srgb_to_linear(rgb)
    return (lin * smoothstep(*THRESHOLD, (lin @ LUMINANCE_709)[..., None])).astype(np.float32)


def combine(rgb: np.ndarray, blurred: np.ndarray, value: int) -> np.ndarray:
    lin = srgb_to_linear(rgb) + np.float32(amount(value)) * blurred
    return linear_to_srgb(clip01(lin))


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
    return combine(rgb, reduced_blur(prep(rgb), sigma_for(rgb.shape, SIGMA_FRACTION), REDUCED), value)
