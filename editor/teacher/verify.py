"""The teacher looks at its answer before giving it: a style's filter must not undo an edit.

A preset filter carries color and tone the request reader cannot see: "vintage look but
not so yellow" lowers the temperature, yet vintage_70s at 45 warms the picture more than
the slider cools it; "black and white, but not so contrasty" lowers contrast under a
filter that adds it. So the composed look is rendered (``render_cpu``) on a synthetic
chart, a grey ramp and patches of the six color ranges at three saturations and values,
and each property an edit names is measured as the direction check measures it
(``editor.directions``). While one moves the wrong way or not at all, the filter's
intensity is halved, twice at most, then the filter is dropped. The chart is no real
picture, so nothing here is tuned to the pictures the evaluation uses.
"""

from __future__ import annotations

import colorsys
import functools
from dataclasses import replace

import numpy as np

from editor.directions import measures, moved
from editor.pipeline import render_cpu
from editor.schema import FilterChoice, Look
from editor.teacher.reader import Edit

#: The property each target moves, and its sign per + edit ("more fade" is less contrast).
PROPERTY: dict[str, tuple[str, int]] = {
    **dict.fromkeys(["light", "exposure", "highlights", "shadows", "blacks"], ("brightness", 1)),
    "contrast": ("contrast", 1), "fade": ("contrast", -1),
    **dict.fromkeys(["saturation", "vibrance", "pop"], ("saturation", 1)),
    "warmth": ("warmth", 1), "tint": ("tint", 1),
    **dict.fromkeys(["cast_yellow", "cast_orange"], ("warmth", 1)),
    **dict.fromkeys(["cast_blue", "cast_cyan"], ("warmth", -1)),
    "cast_green": ("tint", -1), "cast_magenta": ("tint", 1),
}
#: Halvings of the filter's intensity before it is dropped.
MAX_HALVINGS = 2


@functools.cache
def chart() -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    """sRGB chart (3, N, 3) float32, its neutral mask and its measures."""
    greys = [(v, v, v) for v in np.linspace(0.05, 0.95, 19)]
    hues = [
        colorsys.hsv_to_rgb(h / 360, s, v)
        for h in (0, 30, 60, 120, 180, 240) for s in (0.3, 0.6, 0.9) for v in (0.4, 0.7, 0.9)
    ]
    # Three rows, so that every measure (the sharpness Laplacian too) has pixels to read.
    rgb = np.repeat(np.asarray([greys + hues], dtype=np.float32), 3, axis=0)
    neutral = np.zeros(rgb.shape[:2], dtype=bool)
    neutral[:, : len(greys)] = True
    return rgb, neutral, measures(rgb, neutral=neutral)


def _asked(edits: list[Edit]) -> dict[str, str]:
    """Property -> "+" / "-" for the whole-picture edits (color ranges are not the filter's)."""
    out: dict[str, str] = {}
    for edit in edits:
        if edit.ranges or edit.target not in PROPERTY:
            continue
        prop, sign = PROPERTY[edit.target]
        out[prop] = "+" if edit.sign * sign > 0 else "-"
    return out


def _wrong(look: Look, asked: dict[str, str]) -> bool:
    rgb, neutral, before = chart()
    after = measures(render_cpu(rgb, look), neutral=neutral)
    return any(not moved(prop, way, before[prop], after[prop]) for prop, way in asked.items())


def settle_filter(look: Look, edits: list[Edit]) -> Look:
    """``look`` with its filter weakened until every edit's property moves the asked way."""
    asked = _asked(edits)
    if look.filter is None or not asked:
        return look
    for _ in range(MAX_HALVINGS):
        if not _wrong(look, asked):
            return look
        intensity = look.filter.intensity // 2
        look = replace(look, filter=FilterChoice(look.filter.name, intensity) if intensity else None)
        if look.filter is None:
            return look
    return look if not _wrong(look, asked) else replace(look, filter=None)
