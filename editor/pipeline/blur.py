"""Separable Gaussian blur: the kernel rule shared by the numpy references and GLSL.

Radii scale with the picture: sigma = fraction * min(height, width) pixels, so a look
looks the same on a 720p preview and a 4K export. The kernel has taps -r..r with
r = ceil(3 sigma) (capped at ``MAX_RADIUS``), weights exp(-k^2 / (2 sigma^2))
normalized to sum 1, in float32. A picture too small for one off-center tap gets the
1-tap kernel [1]. Edges are clamped (clamp-to-edge), horizontal pass first.
"""

from __future__ import annotations

import math

import numpy as np

MAX_RADIUS = 127


def sigma_for(shape: tuple[int, ...], fraction: float) -> float:
    """Blur sigma in pixels for an image of ``shape`` (H, W, ...)."""
    return fraction * min(shape[0], shape[1])


def gaussian_kernel(sigma: float) -> np.ndarray:
    """Normalized float32 weights for taps -r..r (see the module docstring)."""
    radius = min(MAX_RADIUS, math.ceil(3.0 * sigma)) if sigma > 0 else 0
    if radius == 0:
        return np.ones(1, np.float32)
    k = np.arange(-radius, radius + 1, dtype=np.float64)
    w = np.exp(-(k * k) / (2.0 * sigma * sigma))
    return (w / w.sum()).astype(np.float32)


def blur(image: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Blur float32 (H, W, C) with the separable kernel, clamp-to-edge, rows then columns."""
    r = len(weights) // 2
    if r == 0:
        return image.astype(np.float32, copy=True)
    h, w = image.shape[:2]
    padded = np.pad(image, ((0, 0), (r, r), (0, 0)), mode="edge")
    horiz = np.zeros(image.shape, np.float32)
    for i, wk in enumerate(weights):
        horiz += wk * padded[:, i : i + w]
    padded = np.pad(horiz, ((r, r), (0, 0), (0, 0)), mode="edge")
    out = np.zeros(image.shape, np.float32)
    for i, wk in enumerate(weights):
        out += wk * padded[i : i + h]
    return out
