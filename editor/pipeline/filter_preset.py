"""Filter: a preset look from the filter library, blended in at ``intensity``.

Color space: sRGB-encoded (the presets are display-referred LUTs over sRGB-encoded
RGB in [0, 1]). The preset's 3D LUT is applied with trilinear interpolation and the
result is blended linearly with the input: x' = x + (intensity/100) (lut(x) - x).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import numpy as np

from editor.errors import LookError
from editor.filters import filters_dir
from editor.lut import Lut3D, apply_trilinear, read_cube
from editor.pipeline.color import clip01
from editor.schema import FILTER_INTENSITY, Look

log = logging.getLogger(__name__)

PARAMS = (FILTER_INTENSITY,)
SPACE = "srgb"


@dataclass(frozen=True)
class FilterParams:
    lut: Lut3D
    intensity: int


@functools.lru_cache(maxsize=8)
def preset_lut(name: str) -> Lut3D:
    """The 3D LUT of a filter preset (``resources/filters/<name>.cube``), cached."""
    path = filters_dir() / f"{name}.cube"
    if not path.is_file():
        raise LookError(f"The filter preset {name!r} has no LUT file at {path}.")
    cube = read_cube(path)
    if cube.lut3d is None or cube.shaper is not None:
        raise LookError(f"The filter preset {name!r} is not a plain 3D LUT.")
    log.debug("loaded filter preset %s (%d^3)", name, cube.lut3d.size)
    return cube.lut3d


def params(look: Look) -> FilterParams | None:
    if look.filter is None:
        return None
    return FilterParams(preset_lut(look.filter.name), look.filter.intensity)


def is_neutral(look: Look) -> bool:
    return look.filter is None


def apply(rgb: np.ndarray, p: FilterParams) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    x = clip01(rgb)
    graded = apply_trilinear(x, p.lut)
    k = np.float32(p.intensity / FILTER_INTENSITY.maximum)
    return clip01(x + k * (graded - x))
