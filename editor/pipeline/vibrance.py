"""Vibrance: Adjust ``vibrance`` (saturation that favors muted colors, spares skin).

Color space: sRGB-encoded. Chroma C = max - min and HSV hue h of each pixel set a
per-pixel saturation factor around BT.601 luma. With t = value/100:

- t > 0: factor 1 + t (1 - C)^2 (1 - 0.7 skin(h)), where skin(h) = exp(-((h - 25)/20)^2)
  is the skin-tone hue band (orange-red): muted colors gain up to 2x, vivid colors
  and skin little;
- t < 0: factor 1 + 0.8 t (1 - C): muted colors lose up to 80 % of their chroma,
  vivid colors keep theirs.
"""

from __future__ import annotations

import numpy as np

from editor.pipeline.color import clip01, hue_chroma, scale_chroma
from editor.pipeline.protocol import one_slider

PARAMS, params, is_neutral = one_slider("vibrance")
SPACE = "srgb"
PER_CHANNEL = False
SKIN_HUE = 25.0
SKIN_WIDTH = 20.0
SKIN_PROTECTION = 0.7
SOFTEN_AT_100 = 0.8


def skin_weight(hue_degrees: np.ndarray) -> np.ndarray:
    d = (hue_degrees - np.float32(SKIN_HUE) + 180.0) % 360.0 - 180.0
    return np.exp(-((d / np.float32(SKIN_WIDTH)) ** 2)).astype(np.float32)


def apply(rgb: np.ndarray, value: int) -> np.ndarray:
    """sRGB-encoded float32 (..., 3) in [0, 1] -> same."""
    t = np.float32(value / 100.0)
    x = clip01(rgb)
    hue, chroma = hue_chroma(x)
    if t > 0:
        k = 1 + t * (1 - chroma) ** 2 * (1 - np.float32(SKIN_PROTECTION) * skin_weight(hue))
    else:
        k = 1 + np.float32(SOFTEN_AT_100) * t * (1 - chroma)
    return scale_chroma(x, k)
