"""The color transforms the filter presets (``editor.filter_recipes``) are made of.

All take and return float64 arrays of shape (..., 3): display-referred sRGB-encoded
R'G'B' in [0, 1], the values the pipeline feeds its filter LUT. Luma is Rec. 709 weights
applied to the encoded values, as video tools do; hue is in degrees. Intermediate values
may leave [0, 1].

Why a second set of color math beside ``editor.pipeline``: the two answer different
questions. The pipeline's operations are the user's sliders, run on every frame and held
to their GLSL twins within 2/255, so they are float32 and follow the conventions their
shaders and ffmpeg's filters use (BT.601 luma of shape (..., 1), ``scale_chroma`` as
ffmpeg's ``eq=saturation``). These are a colorist's building blocks (curves, CDL, split
toning, channel mixes, hue pulls) evaluated once, at build time, on the 33^3 identity
grid; their output is committed as ``resources/filters/*.npz``, whose tables must come
out the same from every run (tests/test_filters.py). Sharing functions would make
either a slider change rewrite every preset's table or a preset tweak move the sliders,
so ``luma`` and ``saturation`` here deliberately mean the Rec. 709, float64 versions and
nothing outside the recipes uses them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LUMA_709 = np.array([0.2126, 0.7152, 0.0722])


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
    seg = np.clip(np.searchsorted(xs, x, side="right") - 1, 0, len(xs) - 2)
    t = (x - xs[seg]) / h[seg]
    inside = (t >= 0) & (t <= 1)
    t_c = np.clip(t, 0, 1)
    h00 = 2 * t_c**3 - 3 * t_c**2 + 1
    h10 = t_c**3 - 2 * t_c**2 + t_c
    h01 = -2 * t_c**3 + 3 * t_c**2
    h11 = t_c**3 - t_c**2
    y = h00 * ys[seg] + h10 * h[seg] * m[seg] + h01 * ys[seg + 1] + h11 * h[seg] * m[seg + 1]
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


def fade(
    rgb: np.ndarray, black: Sequence[float] = (0, 0, 0), white: Sequence[float] = (1, 1, 1)
) -> np.ndarray:
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


def _hue_distance(h: np.ndarray, center: float | np.ndarray) -> np.ndarray:
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
