"""Video scopes of a graded frame: histogram, waveform, RGB parade, vectorscope, clipping.

Everything works on the 8-bit sRGB-encoded frame the preview shows, reduced first
(every n-th pixel, no averaging, so that the values counted are values on screen and a
clipped pixel stays clipped) to at most ``SCOPE_WIDTH`` columns: the scopes then cost a
few milliseconds and never slow the preview. Luma and chroma are BT.709 on the encoded
values, as video scopes measure them: Y' = 0.2126 R' + 0.7152 G' + 0.0722 B',
Cb = (B' - Y') / 1.8556, Cr = (R' - Y') / 1.5748.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

LUMA_709 = np.array([0.2126, 0.7152, 0.0722])
CB_SCALE, CR_SCALE = 1.8556, 1.5748
SCOPE_WIDTH = 320
LEVELS = 256
VECTOR_SIZE = 256
#: The skin-tone (flesh) line of a vectorscope, counterclockwise from the +Cb axis:
#: human skin of every complexion lies near it, differing in luma more than in hue.
SKIN_TONE_DEGREES = 123.0


def reduced(rgb: np.ndarray, max_width: int = SCOPE_WIDTH) -> np.ndarray:
    """Every n-th pixel of an (H, W, 3) frame in both directions, n the least that fits ``max_width``."""
    step = max(1, math.ceil(rgb.shape[1] / max_width))
    return np.ascontiguousarray(rgb[::step, ::step])


def luma(rgb: np.ndarray) -> np.ndarray:
    """BT.709 luma of uint8 (..., 3) as uint8 levels (rounded)."""
    return np.clip(np.rint(rgb.astype(np.float64) @ LUMA_709), 0, 255).astype(np.uint8)


def chroma(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """BT.709 (Cb, Cr) of uint8 (..., 3), each in [-0.5, 0.5]."""
    x = rgb.astype(np.float64) / 255.0
    y = x @ LUMA_709
    return (x[..., 2] - y) / CB_SCALE, (x[..., 0] - y) / CR_SCALE


def histograms(rgb: np.ndarray) -> np.ndarray:
    """(4, 256) counts of each level: red, green, blue, luma."""
    channels = [rgb[..., c].ravel() for c in range(3)] + [luma(rgb).ravel()]
    return np.stack([np.bincount(ch, minlength=LEVELS) for ch in channels])


def waveform(values: np.ndarray) -> np.ndarray:
    """(256, W) counts: entry [v, x] is how many pixels of column x have level v (row 0 = level 0)."""
    width = values.shape[1]
    index = values.astype(np.int64) * width + np.arange(width)[None, :]
    return np.bincount(index.ravel(), minlength=LEVELS * width).reshape(LEVELS, width)


def parade(rgb: np.ndarray) -> np.ndarray:
    """(3, 256, W): the waveform of red, green and blue."""
    return np.stack([waveform(rgb[..., c]) for c in range(3)])


def vector_position(cb: np.ndarray, cr: np.ndarray, size: int = VECTOR_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """(row, column) in a size x size vectorscope: Cb to the right, Cr up, 0 in the centre."""
    col = np.clip(np.floor((np.asarray(cb) + 0.5) * size), 0, size - 1).astype(np.int64)
    row = np.clip(np.floor((0.5 - np.asarray(cr)) * size), 0, size - 1).astype(np.int64)
    return row, col


def vectorscope(rgb: np.ndarray, size: int = VECTOR_SIZE) -> np.ndarray:
    """(size, size) counts of (Cb, Cr) positions (see ``vector_position``)."""
    row, col = vector_position(*chroma(rgb), size)
    return np.bincount((row * size + col).ravel(), minlength=size * size).reshape(size, size)


def hue_degrees(cb: np.ndarray, cr: np.ndarray) -> np.ndarray:
    """The vectorscope angle of a color, counterclockwise from +Cb, in [0, 360)."""
    return np.degrees(np.arctan2(cr, cb)) % 360.0


@dataclass(frozen=True)
class Clipping:
    """Clipped pixels as masks and fractions: highlights where any channel is at 255 (that
    channel's detail is gone), shadows where all three are at 0 (crushed to black; one
    channel at 0 is just a saturated color)."""

    highlights: np.ndarray
    shadows: np.ndarray

    @property
    def highlight_fraction(self) -> float:
        return float(self.highlights.mean()) if self.highlights.size else 0.0

    @property
    def shadow_fraction(self) -> float:
        return float(self.shadows.mean()) if self.shadows.size else 0.0


def clipping(rgb: np.ndarray) -> Clipping:
    return Clipping((rgb == 255).any(axis=-1), (rgb == 0).all(axis=-1))


@dataclass(frozen=True)
class Scopes:
    histogram: np.ndarray
    waveform: np.ndarray
    parade: np.ndarray
    vectorscope: np.ndarray
    clipping: Clipping


def compute(rgb: np.ndarray) -> Scopes:
    """All scopes of an 8-bit (H, W, 3) frame, measured on its reduced copy."""
    small = reduced(np.asarray(rgb, np.uint8))
    return Scopes(
        histograms(small), waveform(luma(small)), parade(small), vectorscope(small), clipping(small)
    )
