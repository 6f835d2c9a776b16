"""Luma detail, the math sharpen and structure share: x' = x + a (Y' - blur(Y')).

Color space: sRGB-encoded float32 (..., 3) in [0, 1]; Y' is BT.601 luma. Adding the
detail of Y' to every channel changes contrast without colored halos. Sharpen and
structure differ only in the blur width (and so whether the blur runs at reduced
resolution, ``editor.pipeline.blur.reduced_blur``) and in their gains at +-100.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.blur import reduced_blur, sigma_for
from editor.pipeline.color import clip01, luma


def gain(value: int, at_plus_100: float, at_minus_100: float) -> float:
    """The detail gain a for a slider value: a = g t, with g chosen by the sign of t = value/100."""
    t = value / 100.0
    return (at_plus_100 if t > 0 else at_minus_100) * t


def prep(rgb: np.ndarray) -> np.ndarray:
    """What gets blurred: Y', shape (H, W, 1)."""
    return luma(rgb)


def combine(rgb: np.ndarray, blurred: np.ndarray, amount: float) -> np.ndarray:
    return clip01(rgb + np.float32(amount) * (luma(rgb) - blurred))


def apply(rgb: np.ndarray, amount: float, sigma_fraction: float, reduced: bool) -> np.ndarray:
    """sRGB-encoded float32 (H, W, 3) in [0, 1] -> same."""
    return combine(rgb, reduced_blur(prep(rgb), sigma_for(rgb.shape, sigma_fraction), reduced), amount)
