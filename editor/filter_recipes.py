"""How each preset of the filter library is made, and the command that regenerates them all.

Every preset is a composition of small color transforms evaluated on the identity grid:
per-channel tone curves, ASC CDL (slope/offset/power), saturation by luma, split toning,
channel mixing, hue-selective pulls and fades. The result is sampled on a 33^3 grid and
written to ``resources/filters/<name>.cube`` with ``TITLE "<name>"``, plus a 160x100
thumbnail of a real photo (``skimage.data.astronaut()``, NASA, public domain) for the
filter gallery and a contact sheet of all of them in ``docs/filters.png``.

All transforms take and return float64 arrays of shape (..., 3): display-referred
sRGB-encoded R'G'B' in [0, 1] (the values the pipeline feeds its filter LUT). Luma is
Rec. 709 weights applied to the encoded values, as video tools do. Intermediate values
may leave [0, 1]; each preset is clipped to [0, 1] once at the end.

Regenerate with ``python -m editor.filter_recipes``; the output is byte-identical on
every run (float64 math, fixed 6-decimal printing).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from editor.filters import filters_dir, preset_names
from editor.lut import Lut3D, apply_trilinear, format_cube, read_cube
from editor.fileio import atomic_path, write_text_atomic
from editor.paths import REPO_ROOT
from editor.progress import CancelToken, ProgressCallback, ProgressTracker

log = logging.getLogger(__name__)

GRID_SIZE = 33
THUMB_SIZE = (160, 100)
LUMA_709 = np.array([0.2126, 0.7152, 0.0722])

Recipe = Callable[[np.ndarray], np.ndarray]
RECIPES: dict[str, Recipe] = {}


def recipe(name: str) -> Callable[[Recipe], Recipe]:
    def register(fn: Recipe) -> Recipe:
        RECIPES[name] = fn
        return fn

    return register


# -- building blocks ---------------------------------------------------------------


def luma(rgb: np.ndarray) -> np.ndarray:
    """Rec. 709 luma of encoded R'G'B', shape (...,)."""
    return rgb @ LUMA_709


def monotone_curve(x: np.ndarray, points: Sequence[tuple[float, float]]) -> np.ndarray:
    """A smooth curve through ``points`` (sorted by input) that never reverses (Fritsch-Carlson).

    Outside the first and last point the curve continues with the end slopes.
    """
    xs = np.array([p[0] for p in points], np.float64)
    ys = np.array([p[1] for p in points], np.float64)
    h = np.diff(xs)
    delta = np.diff(ys) / h
    m = np.empty_like(xs)
    m[0], m[-1] = delta[0], delta[-1]
    m[1:-1] = np.where(delta[:-1] * delta[1:] > 0, (delta[:-1] + delta[1:]) / 2, 0.0)
    for k in range(len(delta)):
        if delta[k] == 0:
            m[k] = m[k + 1] = 0.0
            continue
        a, b = m[k] / delta[k], m[k + 1] / delta[k]
        norm = a * a + b * b
        if norm > 9:
            t = 3 / np.sqrt(norm)
            m[k], m[k + 1] = t * a * delta[k], t * b * delta[k]
    k = np.clip(np.searchsorted(xs, x, side="right") - 1, 0, len(xs) - 2)
    t = (x - xs[k]) / h[k]
    inside = (t >= 0) & (t <= 1)
    t_c = np.clip(t, 0, 1)
    h00 = 2 * t_c**3 - 3 * t_c**2 + 1
    h10 = t_c**3 - 2 * t_c**2 + t_c
    h01 = -2 * t_c**3 + 3 * t_c**2
    h11 = t_c**3 - t_c**2
    y = h00 * ys[k] + h10 * h[k] * m[k] + h01 * ys[k + 1] + h11 * h[k] * m[k + 1]
    below = ys[0] + (x - xs[0]) * m[0]
    above = ys[-1] + (x - xs[-1]) * m[-1]
    return np.where(inside, y, np.where(x < xs[0], below, above))


def curves(
    rgb: np.ndarray,
    master: Sequence[tuple[float, float]] | None = None,
    r: Sequence[tuple[float, float]] | None = None,
    g: Sequence[tuple[float, float]] | None = None,
    b: Sequence[tuple[float, float]] | None = None,
) -> np.ndarray:
    """A master tone curve on all channels, then optional per-channel curves."""
    out = rgb if master is None else monotone_curve(rgb, master)
    out = out.copy()
    for c, pts in enumerate((r, g, b)):
        if pts is not None:
            out[..., c] = monotone_curve(out[..., c], pts)
    return out


def s_curve(rgb: np.ndarray, amount: float, pivot: float = 0.5) -> np.ndarray:
    """Contrast around ``pivot``: ``amount`` > 0 steepens the mids and rolls off both ends."""
    lo, hi = pivot / 2, (1 + pivot) / 2
    return curves(rgb, [(0, 0), (lo, lo - amount * lo), (pivot, pivot), (hi, hi + amount * (1 - hi)), (1, 1)])


def cdl(rgb: np.ndarray, slope=(1, 1, 1), offset=(0, 0, 0), power=(1, 1, 1)) -> np.ndarray:
    """ASC CDL without saturation: ``(in * slope + offset) ** power``, negatives held at 0."""
    out = rgb * np.asarray(slope) + np.asarray(offset)
    return np.maximum(out, 0.0) ** np.asarray(power)


def saturation(rgb: np.ndarray, amount: float | np.ndarray) -> np.ndarray:
    """Scale chroma around luma: 0 gives grey, 1 leaves the color, >1 intensifies."""
    y = luma(rgb)[..., None]
    factor = np.asarray(amount, np.float64)
    return y + (factor[..., None] if factor.ndim else factor) * (rgb - y)


def saturation_by_luma(rgb: np.ndarray, shadows: float, mids: float, highlights: float) -> np.ndarray:
    """Saturation factor that moves smoothly from ``shadows`` (black) over ``mids`` to ``highlights``."""
    y = np.clip(luma(rgb), 0, 1)
    factor = np.interp(y, [0.0, 0.5, 1.0], [shadows, mids, highlights])
    return saturation(rgb, factor)


def vibrance(rgb: np.ndarray, amount: float) -> np.ndarray:
    """Saturate muted colors more than already saturated ones."""
    chroma = rgb.max(axis=-1) - rgb.min(axis=-1)
    return saturation(rgb, 1 + amount * (1 - np.clip(chroma, 0, 1)) ** 2)


def tint_of(color: Sequence[float]) -> np.ndarray:
    """A color with its luma removed: adding it shifts hue without changing luma."""
    c = np.asarray(color, np.float64)
    return c - luma(c)


def split_tone(
    rgb: np.ndarray, shadows: Sequence[float], highlights: Sequence[float], amount: float = 1.0,
    balance: float = 0.5,
) -> np.ndarray:
    """Add the hue of ``shadows`` to dark tones and of ``highlights`` to bright ones, luma kept.

    Weights fall off smoothly toward ``balance`` so midtones take a little of each.
    """
    y = np.clip(luma(rgb), 0, 1)[..., None]
    w_shadow = np.clip(1 - y / balance, 0, 1) ** 1.5 * 0.8 + (1 - y) * 0.2
    w_high = np.clip((y - balance) / (1 - balance), 0, 1) ** 1.5 * 0.8 + y * 0.2
    return rgb + amount * (w_shadow * tint_of(shadows) + w_high * tint_of(highlights))


def fade(rgb: np.ndarray, black: Sequence[float] = (0, 0, 0), white: Sequence[float] = (1, 1, 1)) -> np.ndarray:
    """Map 0 to ``black`` and 1 to ``white`` per channel: lifted, tinted blacks and dimmed whites.

    Values are clipped to [0, 1] first, as on a print: nothing is darker than its fog.
    """
    black_a, white_a = np.asarray(black, np.float64), np.asarray(white, np.float64)
    return black_a + np.clip(rgb, 0, 1) * (white_a - black_a)


def mix(rgb: np.ndarray, matrix: Sequence[Sequence[float]]) -> np.ndarray:
    """Channel mixer: output channel i = sum_j matrix[i][j] * input channel j."""
    return rgb @ np.asarray(matrix, np.float64).T


def mono(rgb: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """Black and white through a channel mix (``weights`` sum to 1, like a lens filter on b&w film)."""
    w = np.asarray(weights, np.float64)
    return np.repeat((rgb @ (w / w.sum()))[..., None], 3, axis=-1)


def gradient_map(rgb: np.ndarray, stops: Sequence[tuple[float, Sequence[float]]]) -> np.ndarray:
    """Replace each tone by the color of a gradient indexed by luma (toning a b&w print)."""
    y = np.clip(luma(rgb), 0, 1)
    positions = [s[0] for s in stops]
    return np.stack([np.interp(y, positions, [s[1][c] for s in stops]) for c in range(3)], axis=-1)


def rgb_to_hsv(rgb: np.ndarray) -> np.ndarray:
    """HSV of encoded R'G'B'; hue in degrees [0, 360)."""
    mx, mn = rgb.max(axis=-1), rgb.min(axis=-1)
    chroma = mx - mn
    safe = np.where(chroma > 0, chroma, 1.0)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    h = np.where(mx == r, ((g - b) / safe) % 6, np.where(mx == g, (b - r) / safe + 2, (r - g) / safe + 4))
    h = np.where(chroma > 0, h * 60.0, 0.0)
    s = np.where(mx > 0, chroma / np.where(mx > 0, mx, 1.0), 0.0)
    return np.stack([h, s, mx], axis=-1)


def hsv_to_rgb(hsv: np.ndarray) -> np.ndarray:
    h, s, v = hsv[..., 0] % 360.0, hsv[..., 1], hsv[..., 2]
    k = np.stack([(5 + h / 60) % 6, (3 + h / 60) % 6, (1 + h / 60) % 6], axis=-1)
    return v[..., None] - (v * s)[..., None] * np.clip(np.minimum(k, 4 - k), 0, 1)


def _hue_distance(h: np.ndarray, center: float) -> np.ndarray:
    """Signed shortest angle from ``center`` to ``h`` in degrees, in (-180, 180]."""
    return (h - center + 180.0) % 360.0 - 180.0


def hue_select(
    rgb: np.ndarray, center: float, width: float, shift: float = 0.0, sat: float = 1.0, lum: float = 0.0,
    pull_to: float | None = None, pull: float = 0.0,
) -> np.ndarray:
    """Adjust the colors whose hue lies within ``width`` degrees of ``center``.

    ``shift`` rotates their hue (degrees), ``pull_to``/``pull`` draws it toward a target
    hue (0..1 of the way), ``sat`` scales their saturation and ``lum`` adds to their
    luma. The selection fades out smoothly (raised cosine) and is scaled by saturation,
    so greys never move.
    """
    hsv = rgb_to_hsv(rgb)
    d = _hue_distance(hsv[..., 0], center)
    weight = np.where(np.abs(d) < width, 0.5 + 0.5 * np.cos(np.pi * d / width), 0.0)
    weight = weight * np.clip(hsv[..., 1] * 2.5, 0, 1)
    hue = hsv[..., 0] + weight * shift
    if pull_to is not None:
        hue = hue + weight * pull * _hue_distance(np.full_like(hue, pull_to), hue % 360.0)
    y_before = luma(rgb)
    new_sat = np.clip(hsv[..., 1] * (1 + weight * (sat - 1)), 0, 1)
    out = hsv_to_rgb(np.stack([hue, new_sat, hsv[..., 2]], axis=-1))
    # Hue rotation in HSV changes luma; put it back, then apply the requested change.
    return out + (y_before - luma(out) + weight * lum)[..., None]


def white_balance(rgb: np.ndarray, warmth: float, tint: float = 0.0) -> np.ndarray:
    """Warm (>0) or cool (<0) and magenta (>0) or green (<0), luma of white kept."""
    gains = np.array([1 + warmth, 1 - tint, 1 - warmth])
    gains = gains / (gains @ LUMA_709)
    return rgb * gains


def soft_clip(rgb: np.ndarray, knee: float = 0.8) -> np.ndarray:
    """Roll values above ``knee`` smoothly toward 1 instead of clipping them hard."""
    over = np.maximum(rgb - knee, 0)
    room = 1 - knee
    return np.where(rgb > knee, knee + room * (1 - np.exp(-over / room)), rgb)


# -- the presets -------------------------------------------------------------------


@recipe("faded_HighNoon")
def _faded_high_noon(x: np.ndarray) -> np.ndarray:
    x = curves(x, [(0, 0), (0.5, 0.56), (1, 1)])
    x = saturation(x, 0.8)
    x = split_tone(x, shadows=(0.45, 0.5, 0.55), highlights=(1.0, 0.85, 0.55), amount=0.18)
    return fade(x, black=(0.16, 0.15, 0.14), white=(0.98, 0.96, 0.9))


@recipe("faded_Matte")
def _faded_matte(x: np.ndarray) -> np.ndarray:
    x = s_curve(x, 0.15)
    x = saturation(x, 0.88)
    return curves(x, [(0, 0.11), (0.2, 0.22), (0.8, 0.8), (1, 0.93)])


@recipe("film_Portra")
def _film_portra(x: np.ndarray) -> np.ndarray:
    x = white_balance(x, 0.035, 0.01)
    x = hue_select(x, 25, 45, sat=0.92, lum=0.03, pull_to=28, pull=0.3)  # creamy, even skin
    x = hue_select(x, 120, 60, sat=0.8, pull_to=100, pull=0.2)  # soft, slightly warm greens
    x = saturation(x, 0.9)
    x = curves(x, [(0, 0.04), (0.25, 0.26), (0.5, 0.53), (0.8, 0.83), (1, 0.97)])
    return split_tone(x, shadows=(0.45, 0.5, 0.55), highlights=(1.0, 0.9, 0.75), amount=0.12)


@recipe("film_Velvia")
def _film_velvia(x: np.ndarray) -> np.ndarray:
    x = s_curve(x, 0.3, pivot=0.45)
    x = hue_select(x, 220, 50, sat=1.35, lum=-0.06)  # deep blue skies
    x = hue_select(x, 120, 55, sat=1.4, lum=-0.03, pull_to=135, pull=0.2)  # lush greens
    x = hue_select(x, 0, 35, sat=1.15)
    x = vibrance(x, 0.5)
    x = saturation(x, 1.3)
    return split_tone(x, shadows=(0.45, 0.35, 0.6), highlights=(0.5, 0.5, 0.5), amount=0.1)


@recipe("film_Kodachrome")
def _film_kodachrome(x: np.ndarray) -> np.ndarray:
    x = curves(x, [(0, 0), (0.2, 0.14), (0.5, 0.5), (0.8, 0.86), (1, 0.98)])
    x = hue_select(x, 0, 35, sat=1.35, lum=-0.02, pull_to=355, pull=0.3)  # rich reds
    x = hue_select(x, 50, 35, sat=1.3, pull_to=45, pull=0.4)  # warm yellows
    x = hue_select(x, 210, 50, sat=1.1, lum=-0.04, pull_to=200, pull=0.3)  # cyan-leaning blues
    x = white_balance(x, 0.03)
    x = saturation(x, 1.15)
    return split_tone(x, shadows=(0.5, 0.45, 0.4), highlights=(1.0, 0.92, 0.75), amount=0.1)


@recipe("film_Ektar")
def _film_ektar(x: np.ndarray) -> np.ndarray:
    x = s_curve(x, 0.22, pivot=0.47)
    x = hue_select(x, 5, 35, sat=1.2)
    x = hue_select(x, 210, 45, sat=1.2, lum=-0.02)
    x = vibrance(x, 0.4)
    x = saturation(x, 1.22)
    return white_balance(x, 0.015)


@recipe("film_Expired")
def _film_expired(x: np.ndarray) -> np.ndarray:
    x = curves(x, r=[(0, 0.06), (0.5, 0.55), (1, 0.96)], g=[(0, 0.12), (0.5, 0.52), (1, 0.93)],
               b=[(0, 0.14), (0.5, 0.44), (1, 0.8)])
    x = saturation_by_luma(x, 0.6, 0.78, 0.7)
    x = split_tone(x, shadows=(0.3, 0.55, 0.55), highlights=(1.0, 0.7, 0.75), amount=0.2)
    return s_curve(x, -0.08)


@recipe("bw_Classic")
def _bw_classic(x: np.ndarray) -> np.ndarray:
    x = mono(x, (0.3, 0.59, 0.11))
    return s_curve(x, 0.12)


@recipe("bw_TriX")
def _bw_trix(x: np.ndarray) -> np.ndarray:
    x = mono(x, (0.42, 0.46, 0.12))  # a yellow-orange filter look: darker skies, brighter skin
    return curves(x, [(0, 0), (0.08, 0.0), (0.3, 0.2), (0.5, 0.5), (0.72, 0.84), (0.92, 1.0), (1, 1)])


@recipe("bw_Soft")
def _bw_soft(x: np.ndarray) -> np.ndarray:
    x = mono(x, (0.33, 0.5, 0.17))
    x = s_curve(x, -0.12)
    return fade(x, black=(0.09, 0.09, 0.09), white=(0.94, 0.94, 0.94))


@recipe("noir_Shadow")
def _noir_shadow(x: np.ndarray) -> np.ndarray:
    x = mono(x, (0.35, 0.55, 0.1))
    x = split_tone(x, shadows=(0.3, 0.45, 0.75), highlights=(0.45, 0.5, 0.58), amount=0.35, balance=0.6)
    # The crush comes after the toning so that the blacks stay black.
    return curves(x, [(0, 0), (0.15, 0.0), (0.4, 0.2), (0.65, 0.6), (0.9, 0.96), (1, 1)])


@recipe("sepia_Antique")
def _sepia_antique(x: np.ndarray) -> np.ndarray:
    x = mono(x, (0.3, 0.59, 0.11))
    x = s_curve(x, 0.08)
    x = gradient_map(x, [(0.0, (0.14, 0.08, 0.05)), (0.45, (0.55, 0.4, 0.26)), (1.0, (0.97, 0.91, 0.78))])
    return fade(x, black=(0.04, 0.03, 0.02), white=(0.98, 0.97, 0.95))


@recipe("cinematic_TealOrange")
def _cinematic_teal_orange(x: np.ndarray) -> np.ndarray:
    x = hue_select(x, 30, 60, sat=1.15, pull_to=28, pull=0.5)  # reds and yellows toward skin orange
    x = hue_select(x, 140, 70, sat=0.9, pull_to=175, pull=0.5)  # greens toward teal
    x = hue_select(x, 225, 70, sat=1.1, pull_to=192, pull=0.7)  # blues toward teal
    x = split_tone(x, shadows=(0.0, 0.5, 0.55), highlights=(1.0, 0.72, 0.45), amount=0.4, balance=0.6)
    x = s_curve(x, 0.2, pivot=0.45)
    return saturation_by_luma(x, 1.05, 1.05, 0.85)


@recipe("cinematic_Blockbuster")
def _cinematic_blockbuster(x: np.ndarray) -> np.ndarray:
    x = saturation(x, 0.5)
    x = split_tone(x, shadows=(0.2, 0.4, 0.5), highlights=(0.9, 0.75, 0.6), amount=0.15)
    x = curves(x, [(0, 0), (0.1, 0.03), (0.3, 0.22), (0.5, 0.48), (0.75, 0.82), (1, 1)])
    return soft_clip(x, 0.85)


@recipe("cinematic_Matrix")
def _cinematic_matrix(x: np.ndarray) -> np.ndarray:
    x = mix(x, [(0.78, 0.18, 0.04), (0.06, 0.94, 0.0), (0.08, 0.22, 0.7)])
    x = saturation(x, 0.65)
    x = split_tone(x, shadows=(0.1, 0.5, 0.3), highlights=(0.7, 1.0, 0.6), amount=0.35, balance=0.55)
    return s_curve(x, 0.22, pivot=0.45)


@recipe("crossprocess_Acid")
def _crossprocess_acid(x: np.ndarray) -> np.ndarray:
    # C-41 film in E-6 chemistry (and the reverse): each layer's curve bends differently.
    x = curves(
        x,
        r=[(0, 0.0), (0.25, 0.15), (0.5, 0.55), (0.75, 0.9), (1, 1.0)],
        g=[(0, 0.02), (0.25, 0.2), (0.5, 0.55), (0.75, 0.85), (1, 1.0)],
        b=[(0, 0.2), (0.5, 0.45), (1, 0.62)],
    )
    x = hue_select(x, 120, 70, shift=-18, sat=1.2)
    return saturation(x, 1.2)


@recipe("bleach_Bypass")
def _bleach_bypass(x: np.ndarray) -> np.ndarray:
    # Silver left in the print: the b&w image laid over the color one (overlay blend).
    y = np.clip(luma(x), 0, 1)[..., None]
    overlay = np.where(y < 0.5, 2 * x * y, 1 - 2 * (1 - x) * (1 - y))
    x = 0.45 * x + 0.55 * overlay
    x = saturation(x, 0.5)
    x = curves(x, [(0, 0), (0.1, 0.06), (0.5, 0.5), (0.85, 0.92), (1, 1)])
    return split_tone(x, shadows=(0.4, 0.45, 0.5), highlights=(0.5, 0.5, 0.52), amount=0.2)


@recipe("pastel_Dream")
def _pastel_dream(x: np.ndarray) -> np.ndarray:
    x = saturation(x, 0.72)
    x = curves(x, [(0, 0), (0.5, 0.58), (1, 1)])
    x = split_tone(x, shadows=(0.55, 0.45, 0.75), highlights=(1.0, 0.8, 0.85), amount=0.25)
    return fade(x, black=(0.24, 0.22, 0.27), white=(1.0, 0.98, 0.98))


@recipe("pastel_Candy")
def _pastel_candy(x: np.ndarray) -> np.ndarray:
    x = hue_select(x, 15, 50, sat=0.85, lum=0.05, pull_to=345, pull=0.4)  # reds to pink
    x = hue_select(x, 130, 70, sat=0.7, lum=0.06, pull_to=155, pull=0.5)  # greens to mint
    x = saturation(x, 0.8)
    x = curves(x, [(0, 0), (0.5, 0.6), (1, 1)])
    x = split_tone(x, shadows=(0.3, 0.7, 0.6), highlights=(1.0, 0.6, 0.8), amount=0.28)
    return fade(x, black=(0.2, 0.23, 0.22), white=(1.0, 0.97, 0.98))


@recipe("warm_Sunset")
def _warm_sunset(x: np.ndarray) -> np.ndarray:
    x = white_balance(x, 0.12, 0.04)
    x = split_tone(x, shadows=(0.6, 0.25, 0.65), highlights=(1.0, 0.6, 0.2), amount=0.35)
    x = hue_select(x, 30, 50, sat=1.25)
    x = s_curve(x, 0.1)
    return saturation(x, 1.1)


@recipe("warm_Golden")
def _warm_golden(x: np.ndarray) -> np.ndarray:
    # Warm slope, a slight warm lift and gentler mids: late sun in the highlights and bounce in the shadows.
    x = cdl(x, slope=(1.07, 1.0, 0.85), offset=(0.03, 0.02, 0.0), power=(0.92, 0.95, 1.0))
    x = split_tone(x, shadows=(0.55, 0.45, 0.35), highlights=(1.0, 0.8, 0.4), amount=0.28)
    x = soft_clip(x, 0.85)
    return saturation(x, 1.05)


@recipe("cool_Arctic")
def _cool_arctic(x: np.ndarray) -> np.ndarray:
    x = white_balance(x, -0.09)
    x = hue_select(x, 30, 50, sat=0.75)  # keep warm tones from turning muddy under the cool cast
    x = split_tone(x, shadows=(0.2, 0.4, 0.7), highlights=(0.75, 0.9, 1.0), amount=0.2)
    x = curves(x, [(0, 0), (0.25, 0.23), (0.6, 0.66), (0.9, 0.98), (1, 1)])
    return saturation(x, 0.88)


@recipe("cool_Moonlight")
def _cool_moonlight(x: np.ndarray) -> np.ndarray:
    x = saturation(x, 0.4)
    x = curves(x, [(0, 0), (0.5, 0.36), (0.9, 0.78), (1, 0.88)])
    x = split_tone(x, shadows=(0.1, 0.2, 0.6), highlights=(0.6, 0.72, 0.95), amount=0.5)
    return white_balance(x, -0.12)


@recipe("vintage_70s")
def _vintage_70s(x: np.ndarray) -> np.ndarray:
    x = curves(x, b=[(0, 0.12), (0.5, 0.4), (1, 0.78)], r=[(0, 0.06), (0.5, 0.55), (1, 1)],
               g=[(0, 0.06), (0.5, 0.52), (1, 0.96)])
    x = hue_select(x, 120, 60, sat=0.7, pull_to=70, pull=0.5)  # olive greens
    x = saturation(x, 0.8)
    return s_curve(x, -0.1)


@recipe("vintage_Polaroid")
def _vintage_polaroid(x: np.ndarray) -> np.ndarray:
    x = split_tone(x, shadows=(0.1, 0.55, 0.6), highlights=(1.0, 0.9, 0.7), amount=0.3)
    x = saturation(x, 0.85)
    x = curves(x, [(0, 0), (0.3, 0.32), (0.7, 0.74), (1, 0.97)])
    return fade(x, black=(0.1, 0.13, 0.14), white=(1.0, 0.98, 0.92))


@recipe("neon_Cyberpunk")
def _neon_cyberpunk(x: np.ndarray) -> np.ndarray:
    x = hue_select(x, 10, 70, sat=1.1, pull_to=335, pull=0.3)  # warm hues toward magenta, skin kept pink
    x = hue_select(x, 160, 90, sat=1.3, pull_to=188, pull=0.6)  # greens and blues to cyan
    x = split_tone(x, shadows=(0.45, 0.1, 0.85), highlights=(0.3, 0.9, 1.0), amount=0.4, balance=0.6)
    x = s_curve(x, 0.2, pivot=0.45)
    return saturation(x, 1.1)


@recipe("retro_80s")
def _retro_80s(x: np.ndarray) -> np.ndarray:
    x = hue_select(x, 30, 70, sat=1.0, pull_to=340, pull=0.25)
    x = hue_select(x, 180, 90, sat=1.1, pull_to=265, pull=0.4)
    x = split_tone(x, shadows=(0.45, 0.1, 0.75), highlights=(1.0, 0.55, 0.8), amount=0.4)
    x = fade(x, black=(0.1, 0.04, 0.14))
    return saturation(x, 1.15)


@recipe("moody_Forest")
def _moody_forest(x: np.ndarray) -> np.ndarray:
    x = hue_select(x, 110, 70, sat=0.7, lum=-0.05, pull_to=95, pull=0.3)  # muted, olive greens
    x = hue_select(x, 210, 60, sat=0.55)
    x = saturation(x, 0.75)
    x = split_tone(x, shadows=(0.4, 0.45, 0.35), highlights=(0.8, 0.7, 0.55), amount=0.25)
    return curves(x, [(0, 0.02), (0.3, 0.2), (0.6, 0.48), (1, 0.9)])


@recipe("dramatic_Storm")
def _dramatic_storm(x: np.ndarray) -> np.ndarray:
    x = saturation(x, 0.38)
    x = white_balance(x, -0.06)
    x = split_tone(x, shadows=(0.2, 0.3, 0.45), highlights=(0.6, 0.65, 0.7), amount=0.3)
    return curves(x, [(0, 0), (0.12, 0.03), (0.45, 0.34), (0.75, 0.76), (1, 0.97)])


@recipe("vivid_Pop")
def _vivid_pop(x: np.ndarray) -> np.ndarray:
    x = vibrance(x, 0.6)
    x = saturation(x, 1.35)
    x = s_curve(x, 0.15)
    return curves(x, [(0, 0), (0.5, 0.54), (1, 1)])


@recipe("horror_Bleak")
def _horror_bleak(x: np.ndarray) -> np.ndarray:
    x = saturation(x, 0.3)
    x = mix(x, [(0.85, 0.1, 0.05), (0.06, 0.94, 0.0), (0.05, 0.25, 0.7)])
    x = split_tone(x, shadows=(0.25, 0.45, 0.3), highlights=(0.7, 0.9, 0.4), amount=0.55)
    return curves(x, [(0, 0), (0.15, 0.03), (0.5, 0.36), (0.85, 0.78), (1, 0.9)])


@recipe("dreamy_Haze")
def _dreamy_haze(x: np.ndarray) -> np.ndarray:
    x = soft_clip(x, 0.7)
    x = saturation(x, 0.82)
    x = split_tone(x, shadows=(0.6, 0.5, 0.55), highlights=(1.0, 0.85, 0.65), amount=0.2)
    x = curves(x, [(0, 0), (0.5, 0.6), (1, 1)])
    return fade(x, black=(0.2, 0.17, 0.15), white=(1.0, 0.98, 0.94))


# -- rendering and files -----------------------------------------------------------


def _grid(size: int) -> np.ndarray:
    axis = np.linspace(0.0, 1.0, size)
    b, g, r = np.meshgrid(axis, axis, axis, indexing="ij")
    return np.stack([r, g, b], axis=-1)


def build_lut(name: str, size: int = GRID_SIZE) -> Lut3D:
    """The preset ``name`` sampled on a size^3 grid, clipped to [0, 1], float32, titled ``name``."""
    try:
        fn = RECIPES[name]
    except KeyError:
        raise KeyError(f"no recipe for filter {name!r}") from None
    table = np.clip(fn(_grid(size)), 0.0, 1.0).astype(np.float32)
    return Lut3D(table, title=name)


def cube_text(name: str) -> str:
    """The exact bytes (as text) of ``resources/filters/<name>.cube``."""
    return format_cube(build_lut(name))


def thumbnail_photo() -> np.ndarray:
    """The gallery photo: astronaut portrait cropped to 16:10, 160x100, sRGB float32 in [0, 1]."""
    from skimage import data  # build-time only (the ``train`` extra)

    crop = Image.fromarray(data.astronaut()[0:320, 0:512])
    return np.asarray(crop.resize(THUMB_SIZE, Image.Resampling.LANCZOS), np.float32) / 255.0


def render(photo: np.ndarray, lut: Lut3D) -> Image.Image:
    """``photo`` (sRGB float32 in [0, 1]) through ``lut`` as an 8-bit RGB image."""
    out = apply_trilinear(photo, lut)
    return Image.fromarray(np.clip(np.round(out * 255.0), 0, 255).astype(np.uint8))


def _save_png(image: Image.Image, path: Path) -> None:
    with atomic_path(path) as tmp:
        image.save(tmp, format="PNG")


def contact_sheet(photo: np.ndarray, tiles: Iterable[tuple[str, Image.Image]], columns: int = 6) -> Image.Image:
    """All thumbnails in a labelled grid, the untouched photo first."""
    items = [("original", render(photo, Lut3D.identity(2))), *tiles]
    w, h = THUMB_SIZE
    label_h, pad = 16, 6
    rows = -(-len(items) // columns)
    sheet = Image.new("RGB", (columns * (w + pad) + pad, rows * (h + label_h + pad) + pad), (24, 24, 24))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(12)
    for i, (name, tile) in enumerate(items):
        x = pad + (i % columns) * (w + pad)
        y = pad + (i // columns) * (h + label_h + pad)
        sheet.paste(tile, (x, y))
        draw.text((x + 2, y + h + 1), name, fill=(230, 230, 230), font=font)
    return sheet


def generate(
    names: Sequence[str] | None = None,
    out_dir: Path | None = None,
    sheet_path: Path | None = REPO_ROOT / "docs" / "filters.png",
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> list[Path]:
    """Write ``<name>.cube`` and ``thumbs/<name>.png`` for each preset (all by default).

    The contact sheet is written only when all presets are generated and ``sheet_path``
    is set. Returns the files written.
    """
    names = list(preset_names() if names is None else names)
    missing = [n for n in names if n not in RECIPES]
    if missing:
        raise KeyError(f"no recipe for filter {missing[0]!r}")
    out_dir = filters_dir() if out_dir is None else out_dir
    (out_dir / "thumbs").mkdir(parents=True, exist_ok=True)
    photo = thumbnail_photo()
    tracker = ProgressTracker(len(names), progress, cancel)
    written: list[Path] = []
    tiles = []
    for name in names:
        cube_path = out_dir / f"{name}.cube"
        write_text_atomic(cube_path, cube_text(name))
        # The thumbnail shows the file as written (6-decimal values), not the float64 recipe.
        tile = render(photo, read_cube(cube_path).lut3d)
        _save_png(tile, out_dir / "thumbs" / f"{name}.png")
        written += [cube_path, out_dir / "thumbs" / f"{name}.png"]
        tiles.append((name, tile))
        tracker.advance()
    if sheet_path is not None and set(names) == set(preset_names()):
        sheet_path.parent.mkdir(parents=True, exist_ok=True)
        _save_png(contact_sheet(photo, tiles), sheet_path)
        written.append(sheet_path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m editor.filter_recipes", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="presets to regenerate (default: all)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    def report(p) -> None:
        print(f"\r{p.done}/{p.total} presets", end="\n" if p.done == p.total else "", file=sys.stderr, flush=True)

    written = generate(args.names or None, progress=report)
    log.info("wrote %d files", len(written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
