"""Separable Gaussian blur: the kernel and reduced-resolution rules shared by numpy and GLSL.

Radii scale with the picture: sigma = fraction * min(height, width) pixels, so a look
looks the same on a 720p preview and a 4K export. The kernel has taps -r..r with
r = ceil(3 sigma) (capped at ``MAX_RADIUS``), weights exp(-k^2 / (2 sigma^2))
normalized to sum 1, in float32. A picture too small for one off-center tap gets the
1-tap kernel [1]. Edges are clamped (clamp-to-edge), horizontal pass first.

Wide blurs run at reduced resolution (``reduced_blur``): with the integer factor
k = max(1, floor(sigma / 2)) the image is box-averaged over k x k blocks (a partial
block at the right or bottom edge averages the pixels it has) to ceil(H/k) x ceil(W/k),
blurred there with sigma / k (so 2 <= sigma / k < 4 px when k > 1), and upsampled
bilinearly with OpenGL's texel-center convention: output pixel x samples the reduced
image at s = (x + 0.5) / k - 0.5 (reduced texel j sits at the center of block j),
clamped to [0, w - 1]. k = 1 is the plain
full-resolution blur. The GL renderer runs the same three steps, so the two agree to
float rounding.
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


#: Target blur sigma (px) at the reduced size: k = floor(sigma / REDUCED_SIGMA).
REDUCED_SIGMA = 2.0


def reduction_factor(sigma: float) -> int:
    """The integer downsampling factor k for a blur of ``sigma`` pixels (1 = none)."""
    return max(1, math.floor(sigma / REDUCED_SIGMA))


def reduced_shape(shape: tuple[int, ...], k: int) -> tuple[int, int]:
    """(ceil(H/k), ceil(W/k)) for an image of ``shape`` (H, W, ...)."""
    return -(-shape[0] // k), -(-shape[1] // k)


def box_downsample(image: np.ndarray, k: int) -> np.ndarray:
    """Mean of each k x k block of float32 (H, W, C); partial edge blocks average what they hold."""
    h, w, c = image.shape
    rh, rw = reduced_shape(image.shape, k)
    padded = np.zeros((rh * k, rw * k, c), np.float32)
    padded[:h, :w] = image
    sums = padded.reshape(rh, k, rw, k, c).sum(axis=(1, 3), dtype=np.float32)
    rows = np.minimum(k, h - k * np.arange(rh))
    cols = np.minimum(k, w - k * np.arange(rw))
    return (sums / (rows[:, None] * cols[None, :])[..., None].astype(np.float32)).astype(np.float32)


def _bilinear_taps(n_out: int, n_in: int, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    s = (np.arange(n_out, dtype=np.float32) + np.float32(0.5)) / np.float32(k) - np.float32(0.5)
    s = np.clip(s, 0.0, np.float32(n_in - 1))
    i0 = np.floor(s).astype(np.intp)
    return i0, np.minimum(i0 + 1, n_in - 1), (s - i0).astype(np.float32)


def bilinear_upsample(image: np.ndarray, k: int, height: int, width: int) -> np.ndarray:
    """Float32 (h, w, C) reduced by ``k`` back to (height, width, C): bilinear, clamp-to-edge."""
    y0, y1, fy = _bilinear_taps(height, image.shape[0], k)
    x0, x1, fx = _bilinear_taps(width, image.shape[1], k)
    rows = image[y0] + fy[:, None, None] * (image[y1] - image[y0])
    return (rows[:, x0] + fx[None, :, None] * (rows[:, x1] - rows[:, x0])).astype(np.float32)


def reduced_blur(image: np.ndarray, sigma: float, reduce: bool = True) -> np.ndarray:
    """Blur float32 (H, W, C) by ``sigma`` px, at reduced resolution when ``reduce`` (module docstring)."""
    k = reduction_factor(sigma) if reduce else 1
    if k == 1:
        return blur(image, gaussian_kernel(sigma))
    small = blur(box_downsample(image, k), gaussian_kernel(sigma / k))
    return bilinear_upsample(small, k, image.shape[0], image.shape[1])
