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
from editor.pipeline.luma_detail import gain
from editor.pipeline.protocol import one_slider

NAME = "bloom"
PARAMS, params, is_neutral = one_slider(NAME)
SPACE = "linear"
SHADER = "bloom.glsl"
BLUR_CHANNELS = 3
#: Blur at reduced resolution (``editor.pipeline.blur.reduced_blur``): a wide blur.
REDUCED = True
SIGMA_FRACTION = 0.0125
THRESHOLD = (0.45, 0.9)
DEFINES = {"THRESHOLD_LOW": THRESHOLD[0], "THRESHOLD_HIGH": THRESHOLD[1]}
GLOW_AT_100 = 1.0
REDUCE_AT_100 = 0.5


def amount(value: int) -> float:
    return gain(value, GLOW_AT_100, REDUCE_AT_100)


def prep(rgb: np.ndarray) -> np.ndarray:
    """What gets blurred: the linear-light highlights, shape (H, W, 3)."""
    lin = srgb_to_linear(rgb)
    return (lin * smoothstep(*THRESHOLD, (lin @ LUMINANCE_709)[..., None])).astype(np.float32)


def combine(rgb: np.ndarray, blurred: np.ndarray, amount: float) -> np.ndarray:
    lin = srgb_to_linear(rgb) + np.float32(amount) * blurred
    return linear_to_srgb(clip01(lin))


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
    blurred = reduced_blur(prep(rgb), sigma_for(rgb.shape, SIGMA_FRACTION), REDUCED)
    return combine(rgb, blurred, amount(value))
