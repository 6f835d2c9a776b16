"""Structure and sharpen, one definition: luma detail added back, x' = x + a (Y' - blur(Y')).

Color space: sRGB-encoded float32 (H, W, 3) in [0, 1]; Y' is BT.601 luma. Adding the
detail of Y' to every channel changes contrast without colored halos. The two differ
only in the blur width (and so whether the blur runs at reduced resolution,
``editor.pipeline.blur.reduced_blur``) and in their gains: a = g t for t = value/100,
g chosen by the sign of t.

- structure (local contrast): sigma = 1 % of the short side, at reduced resolution;
  a = t above 0 and 0.6 t below (-100 removes 60 % of the local contrast);
- sharpen (an unsharp mask): sigma = 0.1 % of the short side (1.08 px at 1080p), at
  full resolution; a = 1.5 t above 0 and 0.8 t below (negative values soften).

GLSL: ``luma_detail.glsl``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from editor.pipeline.blur import reduced_blur, sigma_for
from editor.pipeline.color import clip01, luma
from editor.pipeline.protocol import one_slider


def gain(value: int, at_plus_100: float, at_minus_100: float) -> float:
    """The gain a = g t of a slider value, with g chosen by the sign of t = value/100."""
    t = value / 100.0
    return (at_plus_100 if t > 0 else at_minus_100) * t


class LumaDetail:
    """One luma-detail operation (a ``SpatialOp``): the Adjust value ``name`` with its
    blur width and its gains at +100 and -100."""

    SPACE = "srgb"
    SHADER = "luma_detail.glsl"
    DEFINES: Mapping[str, float] = {}
    BLUR_CHANNELS = 1

    def __init__(
        self, name: str, sigma_fraction: float, reduced: bool, at_plus_100: float, at_minus_100: float
    ) -> None:
        self.NAME = name
        self.PARAMS, self.params, self.is_neutral = one_slider(name)
        self.SIGMA_FRACTION = sigma_fraction
        self.REDUCED = reduced
        self.AT_PLUS_100 = at_plus_100
        self.AT_MINUS_100 = at_minus_100

    def amount(self, value: int) -> float:
        return gain(value, self.AT_PLUS_100, self.AT_MINUS_100)

    def prep(self, rgb: np.ndarray) -> np.ndarray:
        """What gets blurred: Y', shape (H, W, 1)."""
        return luma(rgb)

    def combine(self, rgb: np.ndarray, blurred: np.ndarray, amount: float) -> np.ndarray:
        return clip01(rgb + np.float32(amount) * (luma(rgb) - blurred))

    def apply(self, rgb: np.ndarray, value: int) -> np.ndarray:
        """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
        blurred = reduced_blur(self.prep(rgb), sigma_for(rgb.shape, self.SIGMA_FRACTION), self.REDUCED)
        return self.combine(rgb, blurred, self.amount(value))


#: A wide blur, so at reduced resolution.
structure = LumaDetail("structure", sigma_fraction=0.01, reduced=True, at_plus_100=1.0, at_minus_100=0.6)
#: A blur a few px wide: cheap at full resolution, and detail needs it there.
sharpen = LumaDetail("sharpen", sigma_fraction=0.001, reduced=False, at_plus_100=1.5, at_minus_100=0.8)
