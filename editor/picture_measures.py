"""What the direction check (``editor.directions``) measures on a picture, and when a
measure counts as moved.

Measures (colour-science conventions). Input: sRGB-encoded RGB, float, domain [0, 1],
shape (H, W, 3). It is decoded with the IEC 61966-2-1 curve, converted to CIE XYZ
(D65, Y of the white = 1) and to CIE 1976 L*a*b* relative to the D65 white: L* in
[0, 100], a* and b* about [-128, 127], chroma C*ab = hypot(a*, b*).

==================  ==========================================  ==========================
property            measure                                     moved when the delta is
==================  ==========================================  ==========================
brightness          mean L*                                     beyond 0.5
contrast            standard deviation of L*                    beyond 0.25
saturation          mean C*ab                                   beyond 0.4
warmth              mean b* of the neutrals (+ = warmer)        beyond 0.3
tint                mean a* of the neutrals (+ = magenta)       beyond 0.2
sharpness           mean abs 4-neighbour Laplacian of L*,       beyond 1.5 % of the
                    divided by the standard deviation of L*     value before
bw                  mean C*ab                                   ``+`` only: below 4 after,
                                                                and lower than before
<range>.saturation  mean C*ab of the range's pixels             beyond 0.4
<range>.luminance   mean L* of the range's pixels               beyond 0.4
==================  ==========================================  ==========================

"Beyond" is in the asked direction: a delta above +t for ``+``, below -t for ``-``.
The thresholds sit under what a +-10 slider move does on the sample pictures (at least:
exposure and brightness 1.2 L*, contrast 0.44, saturation 1.8 and vibrance 0.43 C*ab,
temperature 0.51 b*, tint 0.32 a*, sharpen 2.2 % and structure 4.7 %, Selective Adjust
saturation 0.74 and luminance 0.69) and well over what rounding a render to 8 bits
does. Sharpness is divided by the spread of L* because contrast or exposure +-10 scale
the raw Laplacian by 3-6 %, as much as sharpen +10; divided, they move it by under 2 %.
Warmth and tint are read as a colorist reads a cast: on the picture's neutrals, the
pixels of the original whose HSV chroma is under 0.12 (at least 2 % of the picture, else
all pixels). On colored pixels a plain mean of b* follows saturation and exposure far
more than white balance (on the coffee frame saturation +10 moves mean b* by 3.2,
exposure +25 by 3.7, temperature +10 by 0.5), so "brighter and cooler" would read as
warmer; on the neutrals those moves leave the hue alone and the white balance shows.

Pictures are graded at about 256 px on the long side (area average) for speed, except
sharpness, which is measured on a render at the source resolution: the sharpen blur is
0.1 % of the short side, under a pixel at 256 px, where sharpen changes nothing.

A color range's pixels come from the original picture: those whose HSV hue is nearest
to the range's center (``editor.pipeline.selective.CENTERS``) and whose HSV chroma
(max - min) is at least 0.15, where Selective Adjust works at 38 % or more of its
strength. The same positions are measured after the render. A range is measurable on a
picture with at least 0.5 % of its pixels, else checks of it skip that picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from editor.pipeline import render_cpu
from editor.pipeline.color import hue_chroma, srgb_to_linear
from editor.pipeline.selective import range_weight
from editor.schema import COLOR_RANGES, Look

GLOBAL_PROPERTIES: tuple[str, ...] = (
    "brightness",
    "contrast",
    "saturation",
    "warmth",
    "tint",
    "sharpness",
    "bw",
)
RANGE_PROPERTIES: tuple[str, ...] = ("saturation", "luminance")


def range_property(color: str, prop: str) -> str:
    """The key of a color range's property, ``<range>.<property>`` (``blue.saturation``)."""
    return f"{color}.{prop}"


#: Each property key -> the measure whose threshold it uses (a range's property, its own).
_MEASURE: dict[str, str] = {
    **{prop: prop for prop in GLOBAL_PROPERTIES},
    **{range_property(color, prop): prop for color in COLOR_RANGES for prop in RANGE_PROPERTIES},
}
PROPERTIES: tuple[str, ...] = tuple(_MEASURE)
DIRECTIONS: tuple[str, ...] = ("+", "-")

#: Smallest delta that counts as a move, by measure (a range's saturation shares the
#: global chroma threshold); see the module docstring.
THRESHOLDS: dict[str, float] = {
    "brightness": 0.5,
    "contrast": 0.25,
    "saturation": 0.4,
    "warmth": 0.3,
    "tint": 0.2,
    "luminance": 0.4,
}
SHARPNESS_CHANGE = 0.015
BW_CHROMA = 4.0
RANGE_MIN_CHROMA = 0.15
RANGE_MIN_SHARE = 0.005
NEUTRAL_MAX_CHROMA = 0.12
NEUTRAL_MIN_SHARE = 0.02
PREVIEW_LONG_SIDE = 256

#: Linear sRGB -> CIE XYZ (IEC 61966-2-1), rows X, Y, Z.
_SRGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
#: CIE XYZ of the D65 white (CIE 1931 2 degree observer).
_D65 = np.array([0.95047, 1.0, 1.08883])
_DELTA = 6.0 / 29.0


# -- measures --------------------------------------------------------------------------


def _f(t: np.ndarray) -> np.ndarray:
    """The CIE 1976 companding of X/Xn, Y/Yn or Z/Zn."""
    return np.where(t > _DELTA**3, np.cbrt(t), t / np.float32(3 * _DELTA**2) + np.float32(4.0 / 29.0))


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """CIE L*a*b* (D65) of sRGB-encoded RGB in [0, 1], shape (..., 3) -> (..., 3) float32."""
    linear = srgb_to_linear(np.clip(rgb, 0.0, 1.0))
    f = _f(linear @ (_SRGB_TO_XYZ / _D65[:, None]).T.astype(np.float32))
    return np.stack(
        [116.0 * f[..., 1] - 16.0, 500.0 * (f[..., 0] - f[..., 1]), 200.0 * (f[..., 1] - f[..., 2])], -1
    )


def srgb_to_lightness(rgb: np.ndarray) -> np.ndarray:
    """CIE L* of sRGB-encoded RGB in [0, 1], shape (..., 3) -> (...) float32."""
    y = srgb_to_linear(np.clip(rgb, 0.0, 1.0)) @ _SRGB_TO_XYZ[1].astype(np.float32)
    return np.float32(116.0) * _f(y) - np.float32(16.0)


def sharpness(lightness: np.ndarray) -> float:
    """Mean absolute 4-neighbour Laplacian of L* (H, W) over its spread; 0 for a flat image."""
    lap = (
        4 * lightness[1:-1, 1:-1]
        - lightness[:-2, 1:-1]
        - lightness[2:, 1:-1]
        - lightness[1:-1, :-2]
        - lightness[1:-1, 2:]
    )
    spread = float(lightness.std(dtype=np.float64))
    return float(np.abs(lap).mean(dtype=np.float64)) / spread if spread > 0 else 0.0


def range_masks(rgb: np.ndarray) -> dict[str, np.ndarray]:
    """Boolean (H, W) masks of the color ranges measurable on ``rgb`` (module docstring)."""
    hue, chroma = hue_chroma(np.clip(rgb, 0.0, 1.0).astype(np.float32))
    nearest = np.stack([range_weight(hue[..., 0], color) for color in COLOR_RANGES]).argmax(axis=0)
    colored = chroma[..., 0] >= RANGE_MIN_CHROMA
    masks = {}
    for i, color in enumerate(COLOR_RANGES):
        mask = colored & (nearest == i)
        if mask.sum() >= RANGE_MIN_SHARE * mask.size:
            masks[color] = mask
    return masks


def neutral_mask(rgb: np.ndarray) -> np.ndarray | None:
    """Boolean (H, W) mask of the near-neutral pixels of ``rgb``, or None when too few."""
    _, chroma = hue_chroma(np.clip(rgb, 0.0, 1.0).astype(np.float32))
    mask = chroma[..., 0] < NEUTRAL_MAX_CHROMA
    return mask if mask.sum() >= NEUTRAL_MIN_SHARE * mask.size else None


def measures(
    rgb: np.ndarray, masks: dict[str, np.ndarray] | None = None, neutral: np.ndarray | None = None
) -> dict[str, float]:
    """Every global property of ``rgb``, the range ones on the pixels of ``masks``, and
    warmth and tint on the ``neutral`` pixels (all pixels when None)."""
    lab = srgb_to_lab(rgb)
    lightness = lab[..., 0]
    chroma = np.hypot(lab[..., 1], lab[..., 2])
    cast = lab[neutral] if neutral is not None else lab.reshape(-1, 3)
    out = {
        "brightness": float(lightness.mean(dtype=np.float64)),
        "contrast": float(lightness.std(dtype=np.float64)),
        "saturation": float(chroma.mean(dtype=np.float64)),
        "warmth": float(cast[:, 2].mean(dtype=np.float64)),
        "tint": float(cast[:, 1].mean(dtype=np.float64)),
        "sharpness": sharpness(lightness),
        "bw": float(chroma.mean(dtype=np.float64)),
    }
    for color, mask in (masks or {}).items():
        out[range_property(color, "saturation")] = float(chroma[mask].mean(dtype=np.float64))
        out[range_property(color, "luminance")] = float(lightness[mask].mean(dtype=np.float64))
    return out


def moved(key: str, direction: str, before: float, after: float) -> bool:
    """Whether property ``key`` moved the ``direction`` way from ``before`` to ``after``."""
    if key == "bw":
        return after < BW_CHROMA and after < before
    threshold = SHARPNESS_CHANGE * before if key == "sharpness" else THRESHOLDS[_MEASURE[key]]
    delta = after - before
    return delta > threshold if direction == "+" else delta < -threshold


# -- pictures --------------------------------------------------------------------------


def downscale(rgb: np.ndarray, long_side: int = PREVIEW_LONG_SIDE) -> np.ndarray:
    """Float32 RGB area-averaged to ``long_side`` px on its long side (never enlarged)."""
    from PIL import Image

    height, width = rgb.shape[:2]
    scale = long_side / max(height, width)
    if scale >= 1:
        return rgb
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    channels = [np.asarray(Image.fromarray(rgb[..., c]).resize(size, Image.Resampling.BOX)) for c in range(3)]
    return np.stack(channels, axis=-1).astype(np.float32)


@dataclass
class Scene:
    """One picture to grade, from its source-resolution float32 RGB in [0, 1]: its
    preview, the color ranges measurable on it and its measures before any grade."""

    name: str
    full: np.ndarray
    preview: np.ndarray = field(init=False, repr=False)
    masks: dict[str, np.ndarray] = field(init=False, repr=False)
    neutral: np.ndarray | None = field(init=False, repr=False)
    before: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        self.preview = downscale(self.full)
        self.masks = range_masks(self.preview)
        self.neutral = neutral_mask(self.preview)
        self.before = self.measure(Look(), sharp=True)

    def measure(self, look: Look, sharp: bool) -> dict[str, float]:
        """The measures of ``look`` rendered on this picture; ``sharp`` also renders the
        source resolution for sharpness (otherwise it is left out)."""
        out = measures(render_cpu(self.preview, look), self.masks, self.neutral)
        # The preview's sharpness is blind to the sharpen slider (module docstring).
        del out["sharpness"]
        if sharp:
            out["sharpness"] = sharpness(srgb_to_lightness(render_cpu(self.full, look)))
        return out


def sample_scenes() -> list[Scene]:
    """The bundled astronaut photo and a frame from each photo of the bundled clip."""
    from editor.media import VideoReader, read_photo
    from editor.samples import DURATION_S, FADE_S, SHOTS, sample_photo, sample_video

    def unit(pixels: np.ndarray) -> np.ndarray:
        return (pixels / np.float32(np.iinfo(pixels.dtype).max)).astype(np.float32)

    scenes = [Scene("astronaut", unit(read_photo(sample_photo())))]
    with VideoReader(sample_video()) as reader:
        for shot in SHOTS:
            # Halfway between the crossfades only this photo is on screen.
            start = shot.start_s + (FADE_S if shot.start_s > 0 else 0.0)
            end = shot.end_s - (FADE_S if shot.end_s < DURATION_S else 0.0)
            scenes.append(Scene(shot.image, unit(reader.frame_at((start + end) / 2).rgb)))
    return scenes
