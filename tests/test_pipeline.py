"""The whole pipeline: LUT baking, the look-to-cube command and cross-checks against ffmpeg."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image

from editor.cli import main
from editor.errors import EditorError
from editor.lut import apply_trilinear, identity_table, read_cube
from editor.pipeline import LUT_SIZE, apply_pointwise, bake_pointwise, filter_preset, render_cpu
from editor.pipeline import hue as hue_op
from editor.pipeline import saturation as saturation_op
from editor.schema import FilterChoice, Look

LOOK = Look(
    adjust={"contrast": 25, "temperature": 20, "saturation": -15, "sharpen": 40},
    selective_adjust={"blue": {"saturation": 30, "hue": -20}},
    filter=FilterChoice("film_Portra", 50),
)


def test_bake_layout_is_b_g_r_and_matches_the_reference_at_grid_nodes():
    lut = bake_pointwise(LOOK, 9)
    assert lut.table.shape == (9, 9, 9, 3) and lut.table.dtype == np.float32
    grid = identity_table(9)
    assert np.array_equal(grid[0, 0, 8], [1, 0, 0])  # [b, g, r]: red varies fastest
    # The per-channel prefix (temperature, contrast) runs on the axes only: bit-identical.
    assert np.array_equal(lut.table, apply_pointwise(grid.reshape(-1, 3), LOOK).reshape(9, 9, 9, 3))


def test_bake_for_gl_stops_before_the_filter():
    no_filter = Look(LOOK.adjust, LOOK.selective_adjust)
    grid = identity_table(9).reshape(-1, 3)
    gl_table = bake_pointwise(LOOK, 9, include_filter=False).table
    assert np.array_equal(gl_table, apply_pointwise(grid, no_filter).reshape(9, 9, 9, 3))
    assert np.abs(gl_table - bake_pointwise(LOOK, 9).table).max() > 0.02
    assert np.array_equal(
        bake_pointwise(Look(filter=LOOK.filter), 9, include_filter=False).table, identity_table(9)
    )


def test_neutral_bake_is_the_identity():
    assert np.array_equal(bake_pointwise(Look(), LUT_SIZE).table, identity_table(LUT_SIZE))


def test_baked_lut_approximates_the_direct_pointwise_math():
    pointwise = Look(LOOK.adjust | {"sharpen": 0}, LOOK.selective_adjust, LOOK.filter)
    rgb = np.random.default_rng(3).random((64, 64, 3), dtype=np.float32)
    direct = render_cpu(rgb, pointwise)
    via_lut = np.clip(apply_trilinear(rgb, bake_pointwise(pointwise)), 0, 1)
    assert np.abs(direct - via_lut).max() < 2 / 255
    # What the GL renderer does: steps 1-11 through the bake, then the filter's own
    # table; two interpolations of smooth functions (measured 0.6/255 vs 1.5/255).
    steps = np.clip(apply_trilinear(rgb, bake_pointwise(pointwise, include_filter=False)), 0, 1)
    two_lookups = np.clip(filter_preset.apply(steps, filter_preset.params(pointwise)), 0, 1)
    assert np.abs(direct - two_lookups).max() < 1 / 255


def test_render_cpu_rejects_non_float_images():
    with pytest.raises(EditorError):
        render_cpu(np.zeros((2, 2, 3), np.uint8), LOOK)


def test_look_to_cube_writes_the_pointwise_part(tmp_path, capsys):
    look_path = tmp_path / "look.json"
    LOOK.save(look_path)
    out = tmp_path / "look.cube"
    assert main(["look-to-cube", str(look_path), "-o", str(out), "--size", "17"]) == 0
    assert "cannot be part of a LUT" in capsys.readouterr().out
    cube = read_cube(out)
    assert cube.lut3d.size == 17
    assert np.abs(cube.lut3d.table - bake_pointwise(LOOK, 17).table).max() < 1e-5
    assert main(["look-to-cube", str(tmp_path / "missing.json"), "-o", str(tmp_path / "x.cube")]) == 2
    assert not (tmp_path / "x.cube").exists()


# -- ffmpeg cross-checks --------------------------------------------------------------
# ffmpeg's eq and hue filters scale and rotate (Cb, Cr) the way saturation.py and
# hue.py define them; its RGB <-> limited-range YUV conversions at 8 bits add a few
# levels of rounding, hence the tolerances (in 1/255, measured: eq max 4, hue max 3).


def _ffmpeg(tmp_path, rgb: np.ndarray, vf: str, working_format: str = "yuv444p") -> np.ndarray:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is not installed")
    src, dst = tmp_path / "in.png", tmp_path / "out.png"
    Image.fromarray(rgb).save(src)
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-i",
            str(src),
            "-vf",
            f"format={working_format},{vf},format=rgb24",
            str(dst),
        ],
        check=True,
    )
    return np.asarray(Image.open(dst).convert("RGB")).astype(int)


def _chart() -> np.ndarray:
    x = np.linspace(0, 255, 64).astype(np.uint8)
    r, g = np.meshgrid(x, x)
    return np.stack([r, g, np.full_like(r, 100)], -1)


@pytest.mark.parametrize(("value", "vf"), [(-50, "eq=saturation=0.5"), (50, "eq=saturation=1.5")])
def test_saturation_matches_ffmpeg_eq(tmp_path, value, vf):
    chart = _chart()
    ours = saturation_op.apply(chart.astype(np.float32) / 255, value)
    in_gamut = np.all((ours > 0.02) & (ours < 0.98), axis=-1)
    diff = np.abs(_ffmpeg(tmp_path, chart, vf) - np.round(np.clip(ours, 0, 1) * 255))
    assert diff[in_gamut].max() <= 5 and diff.mean() < 2.0


@pytest.mark.parametrize("value", [-100, -40, 60])
def test_saturation_is_the_matrix_ffmpeg_colorchannelmixer_applies(tmp_path, value):
    # Saturation is a 3x3 matrix on R'G'B': out = (1 - f) Y' + f x with BT.601 luma
    # weights. colorchannelmixer applies that matrix in RGB with no YUV round trip, so
    # only 8-bit rounding separates the two.
    f = saturation_op.factor(value)
    luma = (0.299, 0.587, 0.114)
    coefficients = []
    for out_channel, name in enumerate("rgb"):
        for in_channel, source in enumerate("rgb"):
            weight = (1 - f) * luma[in_channel] + (f if in_channel == out_channel else 0.0)
            coefficients.append(f"{name}{source}={weight:.6f}")
    chart = _chart()
    ours = np.round(np.clip(saturation_op.apply(chart.astype(np.float32) / 255, value), 0, 1) * 255)
    theirs = _ffmpeg(tmp_path, chart, "colorchannelmixer=" + ":".join(coefficients), working_format="rgb24")
    assert np.abs(theirs - ours).max() <= 1


@pytest.mark.parametrize(("value", "vf"), [(50, "hue=h=15"), (-100, "hue=h=-30")])
def test_hue_matches_ffmpeg_hue(tmp_path, value, vf):
    chart = _chart()
    ours = hue_op.apply(chart.astype(np.float32) / 255, value)
    in_gamut = np.all((ours > 0.02) & (ours < 0.98), axis=-1)
    diff = np.abs(_ffmpeg(tmp_path, chart, vf) - np.round(np.clip(ours, 0, 1) * 255))
    assert diff[in_gamut].max() <= 4 and diff.mean() < 1.5
