"""Filter: a preset look from the filter library or a user's LUT, blended in at ``intensity``.

Color space: sRGB-encoded (the presets are display-referred LUTs over sRGB-encoded
RGB in [0, 1]). The preset's 3D LUT is applied with trilinear interpolation and the
result is blended linearly with the input: x' = x + (intensity/100) (lut(x) - x).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from editor.filters import load_filter
from editor.lut import Lut3D, apply_trilinear
from editor.pipeline.color import clip01
from editor.schema import FILTER_INTENSITY, Look

PARAMS = (FILTER_INTENSITY,)
SPACE = "srgb"
PER_CHANNEL = False


@dataclass(frozen=True)
class FilterParams:
    lut: Lut3D
    intensity: int


def params(look: Look) -> FilterParams | None:
    if look.filter is None:
        return None
    return FilterParams(load_filter(look.filter.name), look.filter.intensity)


def is_neutral(look: Look) -> bool:
    return look.filter is None


def apply(rgb: np.ndarray, p: FilterParams) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    x = clip01(rgb)
    graded = apply_trilinear(x, p.lut)
    k = np.float32(p.intensity / FILTER_INTENSITY.maximum)
    return x + k * (graded - x)
