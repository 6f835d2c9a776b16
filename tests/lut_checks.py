"""What tests/test_lut.py and tests/test_user_luts.py share to hold .cube handling to
ffmpeg: the test picture, ffmpeg's LUT filters and the reader, each giving 8-bit RGB."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image

from editor.lut import CubeFile, apply_cube, read_cube

WIDTH = 256


def lut_test_picture(
    path: Path, photo: Path, photo_size: tuple[int, int], noise_rows: int, seed: int
) -> np.ndarray:
    """Primary and grey ramps, random colors and ``photo`` at ``photo_size`` (padded with black
    to the ramps' width), saved at ``path`` as an sRGB 8-bit PNG; returns its pixels."""
    ramps = np.zeros((4, WIDTH, 3), np.uint8)
    ramp = np.arange(WIDTH, dtype=np.uint8)
    for c in range(3):
        ramps[c, :, c] = ramp
    ramps[3] = ramp[:, None]
    noise = np.random.default_rng(seed).integers(0, 256, (noise_rows, WIDTH, 3), dtype=np.uint8)
    small = np.asarray(Image.open(photo).convert("RGB").resize(photo_size))
    img = np.concatenate([ramps, noise, np.pad(small, ((0, 0), (0, WIDTH - photo_size[0]), (0, 0)))])
    Image.fromarray(img).save(path)
    return img


def read_rgb(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def ffmpeg_graded(src: Path, lut: Path, out: Path, kind: str | None = None) -> np.ndarray:
    """``src`` through ffmpeg's ``lut3d`` (trilinear) or ``lut1d`` (linear) filter, written to
    ``out`` and read back; ``kind`` defaults to the file's own (3D when it has a 3D table)."""
    assert shutil.which("ffmpeg"), "ffmpeg is required"
    kind = kind or ("lut3d" if read_cube(lut).lut3d else "lut1d")
    interp = "trilinear" if kind == "lut3d" else "linear"
    command = ["ffmpeg", "-v", "error", "-y", "-i", str(src), "-vf", f"{kind}=file={lut}:interp={interp}"]
    subprocess.run([*command, "-pix_fmt", "rgb24", str(out)], check=True, timeout=60)
    return read_rgb(out)


def reader_graded(img: np.ndarray, cube: CubeFile) -> np.ndarray:
    """8-bit ``img`` through ``editor.lut.apply_cube``, rounded back to 8 bits."""
    out = apply_cube(img.astype(np.float32) / 255.0, cube)
    return np.clip(np.round(out * 255.0), 0, 255).astype(int)
