"""Color helpers shared by the operations: transfer functions, luma, hue, chroma rotation.

Arrays are float32 with RGB in the last axis. "Encoded" means sRGB-encoded (gamma)
values in [0, 1]; "linear" means linear-light sRGB/Rec.709 primaries in [0, 1].
"""

from __future__ import annotations

import numpy as np

#: BT.601 luma weights for sRGB-encoded R'G'B' (the Y' of JPEG and of ffmpeg's eq/hue).
LUMA_601 = np.array([0.299, 0.587, 0.114], np.float32)
#: Rec.709 / sRGB relative-luminance weights for linear-light RGB.
LUMINANCE_709 = np.array([0.2126, 0.7152, 0.0722], np.float32)

#: Middle grey: 18 % linear reflectance, and its sRGB encoding.
MIDDLE_GREY_LINEAR = 0.18
MIDDLE_GREY = 0.46135613


def srgb_to_linear(rgb: np.ndarray) -> np.ndarray:
    """sRGB-encoded [0, 1] -> linear light [0, 1] (IEC 61966-2-1 piecewise curve)."""
    rgb = np.asarray(rgb, np.float32)
    low = rgb / np.float32(12.92)
    high = ((np.maximum(rgb, 0.04045) + np.float32(0.055)) / np.float32(1.055)) ** np.float32(2.4)
    return np.where(rgb <= 0.04045, low, high).astype(np.float32)


def linear_to_srgb(rgb: np.ndarray) -> np.ndarray:
    """Linear light [0, 1] -> sRGB-encoded [0, 1] (IEC 61966-2-1 piecewise curve)."""
    rgb = np.asarray(rgb, np.float32)
    low = rgb * np.float32(12.92)
    high = np.float32(1.055) * np.maximum(rgb, 0.0031308) ** np.float32(1.0 / 2.4) - np.float32(0.055)
    return np.where(rgb <= 0.0031308, low, high).astype(np.float32)


def luma(rgb: np.ndarray) -> np.ndarray:
    """BT.601 luma Y' of sRGB-encoded RGB, shape (..., 1)."""
    return (rgb @ LUMA_601)[..., None].astype(np.float32)


def clip01(rgb: np.ndarray) -> np.ndarray:
    return np.clip(rgb, 0.0, 1.0).astype(np.float32)


def smoothstep(edge0: float, edge1: float, x: np.ndarray) -> np.ndarray:
    """GLSL smoothstep: 0 below edge0, 1 above edge1, cubic Hermite between."""
    t = np.clip((x - np.float32(edge0)) / np.float32(edge1 - edge0), 0.0, 1.0)
    return (t * t * (np.float32(3.0) - np.float32(2.0) * t)).astype(np.float32)


def scale_chroma(rgb: np.ndarray, factor: np.ndarray | float) -> np.ndarray:
    """Scale the distance from the grey of equal BT.601 luma: Y' + factor * (RGB - Y').

    This is exactly what ffmpeg's ``eq=saturation=`` does to (Cb, Cr).
    """
    y = luma(rgb)
    return (y + (rgb - y) * np.asarray(factor, np.float32)).astype(np.float32)


def rotate_chroma(rgb: np.ndarray, degrees: np.ndarray | float) -> np.ndarray:
    """Rotate BT.601 full-range (Cb, Cr) of sRGB-encoded RGB by ``degrees`` (Y' kept).

    Positive angles move red toward yellow (the HSV hue direction); ``degrees`` may be
    a per-pixel array of shape (..., 1).
    """
    y = luma(rgb)[..., 0]
    cb = (rgb[..., 2] - y) / np.float32(1.772)
    cr = (rgb[..., 0] - y) / np.float32(1.402)
    theta = np.radians(np.asarray(degrees, np.float32))
    if theta.ndim:
        theta = theta[..., 0]
    c, s = np.cos(theta).astype(np.float32), np.sin(theta).astype(np.float32)
    cb2 = cb * c - cr * s
    cr2 = cb * s + cr * c
    r = y + np.float32(1.402) * cr2
    b = y + np.float32(1.772) * cb2
    g = (y - np.float32(0.299) * r - np.float32(0.114) * b) / np.float32(0.587)
    return np.stack([r, g, b], axis=-1).astype(np.float32)


def hue_chroma(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """HSV hue in degrees [0, 360) and chroma max-min, each shape (..., 1), of encoded RGB.

    The hue of a grey is 0; callers weight by chroma so that it never matters.
    """
    r, g, b = (np.ascontiguousarray(rgb[..., i], np.float32) for i in range(3))
    mx = np.maximum(np.maximum(r, g), b)
    chroma = mx - np.minimum(np.minimum(r, g), b)
    scale = np.float32(60.0) / np.where(chroma > 0, chroma, np.float32(1.0))
    h = np.where(
        mx == r,
        (g - b) * scale,
        np.where(mx == g, (b - r) * scale + np.float32(120.0), (r - g) * scale + np.float32(240.0)),
    )
    h += np.where(h < 0, np.float32(360.0), np.float32(0.0))
    h = np.where(chroma > 0, h, np.float32(0.0))
    return h[..., None], chroma[..., None]
