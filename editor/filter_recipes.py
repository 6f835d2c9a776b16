"""How each preset of the filter library is made, and the command that regenerates them all.

Every preset is a composition of small color transforms evaluated on the identity grid:
per-channel tone curves, ASC CDL (slope/offset/power), saturation by luma, split toning,
channel mixing, hue-selective pulls and fades. The result is sampled on a 33^3 grid and
written to ``resources/filters/<name>.npz`` titled ``<name>`` (the format is
``editor.filters``'), plus a 160x100 thumbnail of a real photo (``skimage.data.astronaut()``,
NASA, public domain) for the filter gallery and a contact sheet of all of them in
``docs/filters.png``.

The transforms are in ``editor.filter_math``, whose docstring says why they are not the
pipeline's operations. Each preset is clipped to [0, 1] once at the end.

Regenerate with ``python -m editor.filter_recipes``; the output is the same on every run
(float64 math, rounded to the file's 16-bit codes).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from editor.fileio import atomic_path
from editor.filter_math import (
    cdl,
    curves,
    fade,
    gradient_map,
    hue_select,
    luma,
    mix,
    mono,
    s_curve,
    saturation,
    saturation_by_luma,
    soft_clip,
    split_tone,
    vibrance,
    white_balance,
)
from editor.filters import filters_dir, preset_names, read_preset, write_preset
from editor.lut import Lut3D, apply_trilinear
from editor.paths import REPO_ROOT
from editor.progress import CancelToken, Progress, ProgressCallback, ProgressTracker

log = logging.getLogger(__name__)

GRID_SIZE = 33
THUMB_SIZE = (160, 100)

Recipe = Callable[[np.ndarray], np.ndarray]
RECIPES: dict[str, Recipe] = {}


def recipe(name: str) -> Callable[[Recipe], Recipe]:
    def register(fn: Recipe) -> Recipe:
        RECIPES[name] = fn
        return fn

    return register


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


def contact_sheet(
    photo: np.ndarray, tiles: Iterable[tuple[str, Image.Image]], columns: int = 6
) -> Image.Image:
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
    """Write ``<name>.npz`` and ``thumbs/<name>.png`` for each preset (all by default).

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
        lut_path = out_dir / f"{name}.npz"
        write_preset(lut_path, build_lut(name))
        # The thumbnail shows the file as written (16-bit codes), not the float64 recipe.
        tile = render(photo, read_preset(lut_path))
        _save_png(tile, out_dir / "thumbs" / f"{name}.png")
        written += [lut_path, out_dir / "thumbs" / f"{name}.png"]
        tiles.append((name, tile))
        tracker.advance()
    if sheet_path is not None and set(names) == set(preset_names()):
        sheet_path.parent.mkdir(parents=True, exist_ok=True)
        _save_png(contact_sheet(photo, tiles), sheet_path)
        written.append(sheet_path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m editor.filter_recipes", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("names", nargs="*", help="presets to regenerate (default: all)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    def report(p: Progress) -> None:
        end = "\n" if p.done == p.total else ""
        print(f"\r{p.done}/{p.total} presets", end=end, file=sys.stderr, flush=True)

    written = generate(args.names or None, progress=report)
    log.info("wrote %d files", len(written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
