"""Known values, neutrality, monotonicity and ranges of each pipeline operation (CPU reference)."""

from __future__ import annotations

import pkgutil
from types import ModuleType

import numpy as np
import pytest

from editor import pipeline
from editor.lut import Lut3D, identity_table
from editor.paths import resources_dir
from editor.pipeline import (
    POINTWISE,
    SPATIAL,
    bloom,
    brightness,
    contrast,
    exposure,
    filter_preset,
    hue,
    render_cpu,
    saturation,
    selective,
    sharpen,
    structure,
    vibrance,
    white_balance,
)
from editor.pipeline import blur as blur_mod
from editor.pipeline.color import (
    hue_chroma,
    linear_to_srgb,
    luma,
    rotate_chroma,
    scale_chroma,
    srgb_to_linear,
)
from editor.pipeline.protocol import PointwiseOp, SpatialOp
from editor.schema import ADJUST_NAMES, COLOR_RANGES, SELECTIVE_NAMES, FilterChoice, Look

RNG = np.random.default_rng(7)
COLORS = RNG.random((64, 64, 3), dtype=np.float32)
GREY_RAMP = np.repeat(np.linspace(0, 1, 256, dtype=np.float32)[:, None], 3, axis=1)[None]
#: The modules of editor.pipeline that are not operations: what the operations share.
SHARED = {"blur", "color", "luma_detail", "protocol"}


def one(name: str, value: int) -> Look:
    return Look(adjust={name: value})


def test_every_operation_meets_its_protocol():
    in_modules = {op.__name__.rsplit(".", 1)[-1] for op in POINTWISE + SPATIAL if isinstance(op, ModuleType)}
    assert in_modules == {m.name for m in pkgutil.iter_modules(pipeline.__path__)} - SHARED
    for op in POINTWISE:
        assert isinstance(op, PointwiseOp) and isinstance(op.PER_CHANNEL, bool), op
    picture = COLORS[:16, :16]
    for op in SPATIAL:
        assert isinstance(op, SpatialOp), op
        for method in ("params", "is_neutral", "apply", "amount", "prep", "combine"):
            assert callable(getattr(op, method)), (op.NAME, method)
        assert op.prep(picture).shape == (16, 16, op.BLUR_CHANNELS)
        shader = (resources_dir() / "shaders" / op.SHADER).read_text(encoding="utf-8")
        assert "vec4 prep(vec3 c)" in shader and "vec3 combine(vec3 c, vec4 blurred, float amount)" in shader
        assert all(name in shader for name in op.DEFINES), op.NAME
        assert op.SIGMA_FRACTION > 0 and isinstance(op.REDUCED, bool)
    assert len({op.NAME for op in SPATIAL}) == len(SPATIAL)


def test_every_parameter_has_exactly_one_operation():
    adjust_ops = [op for op in POINTWISE + SPATIAL if op not in (selective, filter_preset)]
    assert sorted(spec.name for op in adjust_ops for spec in op.PARAMS) == sorted(ADJUST_NAMES)
    assert selective.PARAMS and {p.name for p in selective.PARAMS} == set(SELECTIVE_NAMES)
    for op in POINTWISE + SPATIAL:
        assert op.SPACE in ("srgb", "linear")
        assert op.is_neutral(Look())


@pytest.mark.parametrize("name", ADJUST_NAMES)
def test_each_adjust_parameter_changes_the_picture_and_zero_is_identity(name):
    # Sharpen's radius is 0.1 % of the short side: it needs a big picture to act.
    data = RNG.random((1000, 1000, 3), dtype=np.float32) if name == "sharpen" else COLORS
    assert np.array_equal(render_cpu(data, one(name, 0)), data)
    for value in (-60, 60):
        out = render_cpu(data, one(name, value))
        assert out.dtype == np.float32 and out.shape == data.shape
        assert out.min() >= 0.0 and out.max() <= 1.0
        assert np.abs(out - data).max() > 1 / 255, (name, value)


def test_neutral_look_is_byte_identical():
    data = (RNG.random((9, 11, 3)) * 255).round().astype(np.float32) / 255
    assert render_cpu(data, Look()).tobytes() == data.tobytes()


def test_srgb_transfer_round_trip_and_known_value():
    assert srgb_to_linear(np.float32([0.46135613]))[0] == pytest.approx(0.18, abs=1e-6)
    x = np.linspace(0, 1, 1001, dtype=np.float32)
    assert np.abs(linear_to_srgb(srgb_to_linear(x)) - x).max() < 1e-6


def test_exposure_plus_50_doubles_linear_mid_grey():
    assert exposure.gain(50) == pytest.approx(2.0)
    assert exposure.gain(-100) == pytest.approx(0.25)
    out = exposure.apply(np.full((1, 3), 0.18, np.float32), 50)
    assert out == pytest.approx(0.36, abs=1e-6)


def test_exposure_and_brightness_are_monotonic_in_value_and_input():
    ramp = GREY_RAMP
    for op_name in ("exposure", "brightness", "shadows", "highlights", "linearOffset", "contrast"):
        outs = [render_cpu(ramp, one(op_name, v))[0, :, 1] for v in (-100, -50, 50, 100)]
        for o in outs:
            assert np.all(np.diff(o) >= -1e-6), op_name
    lum = [render_cpu(ramp, one("exposure", v))[0, 128, 1] for v in (-100, -50, 0, 50, 100)]
    assert np.all(np.diff(lum) > 0)


def test_contrast_pivots_on_middle_grey_and_keeps_black_and_white():
    p = np.float32(contrast.PIVOT)
    x = np.array([[0.0, 0.0, 0.0], [p, p, p], [1.0, 1.0, 1.0], [0.3, 0.3, 0.3], [0.7, 0.7, 0.7]], np.float32)
    up = contrast.apply(x, 100)
    assert up[:3, 0] == pytest.approx([0.0, p, 1.0], abs=1e-6)
    assert up[3, 0] < 0.3 and up[4, 0] > 0.7
    down = contrast.apply(x, -100)
    assert down[1, 0] == pytest.approx(p, abs=1e-6)
    assert down[0, 0] == pytest.approx(p * 0.4, abs=1e-6)
    assert down[2, 0] == pytest.approx(p + (1 - p) * 0.6, abs=1e-6)


def test_brightness_known_values():
    half = np.full((1, 3), 0.5, np.float32)
    assert brightness.apply(half, 100)[0, 0] == pytest.approx(2**1.2 / (1 + 2**1.2), abs=1e-6)
    assert brightness.apply(half, -100)[0, 0] == pytest.approx(1 / (1 + 2**1.2), abs=1e-6)


def test_saturation_minus_100_gives_luma_on_every_channel():
    out = saturation.apply(COLORS, -100)
    assert np.abs(out - luma(COLORS)).max() < 1e-6
    assert np.abs(out[..., 0] - out[..., 2]).max() < 1e-6


def test_saturation_and_hue_leave_greys_alone():
    greys = GREY_RAMP[0]
    for op, value in ((saturation, 100), (hue, 100), (vibrance, 100), (vibrance, -100)):
        assert np.abs(op.apply(greys, value) - greys).max() < 1e-6


def test_temperature_raises_red_over_blue_and_keeps_grey_luminance():
    g = white_balance.gains({"temperature": 60, "tint": 0})
    assert g[0] / g[2] == pytest.approx(2 ** (0.3 * 0.6 * 2))
    assert float(g @ np.array([0.2126, 0.7152, 0.0722], np.float32)) == pytest.approx(1.0, abs=1e-6)
    warm = render_cpu(COLORS, one("temperature", 50))
    cool = render_cpu(COLORS, one("temperature", -50))
    ratio = lambda a: np.median(a[..., 0] / np.maximum(a[..., 2], 1e-3))  # noqa: E731
    assert ratio(warm) > ratio(COLORS) > ratio(cool)
    magenta = white_balance.gains({"temperature": 0, "tint": 50})
    assert magenta[1] < magenta[0] == pytest.approx(magenta[2])


def test_hue_rotation_moves_red_toward_yellow():
    red = np.array([[0.8, 0.2, 0.2]], np.float32)
    h0 = hue_chroma(red)[0][0, 0]
    h1 = hue_chroma(hue.apply(red, 50))[0][0, 0]
    assert h0 == pytest.approx(0.0) and 5.0 < h1 < 25.0


def test_vibrance_favors_muted_colors_and_spares_skin():
    muted = np.array([[0.45, 0.5, 0.6]], np.float32)
    vivid = np.array([[0.1, 0.2, 0.9]], np.float32)
    skin = np.array([[0.85, 0.62, 0.5]], np.float32)
    gain = lambda c: float(np.ptp(vibrance.apply(c, 100)) / np.ptp(c))  # noqa: E731
    assert gain(muted) > gain(vivid) > 1.0
    bluish_skin_chroma = np.array([[0.5, 0.62, 0.85]], np.float32)
    assert gain(skin) < gain(bluish_skin_chroma)


def test_linear_offset_lifts_and_crushes_black_keeping_white():
    ends = np.array([[0.0] * 3, [1.0] * 3, [0.1] * 3], np.float32)
    lifted = render_cpu(ends[None], one("linearOffset", 100))[0]
    crushed = render_cpu(ends[None], one("linearOffset", -100))[0]
    assert lifted[0, 0] == pytest.approx(float(linear_to_srgb(np.float32([0.04]))[0]), abs=1e-6)
    assert lifted[1, 0] == pytest.approx(1.0, abs=1e-6) and crushed[1, 0] == pytest.approx(1.0, abs=1e-6)
    assert crushed[0, 0] == 0.0 and crushed[2, 0] < 0.1


def test_highlights_and_shadows_act_on_their_tones():
    dark = np.full((1, 3), 0.15, np.float32)
    bright = np.full((1, 3), 0.9, np.float32)
    sh = lambda c, v: float(render_cpu(c[None], one("shadows", v))[0, 0, 0])  # noqa: E731
    hl = lambda c, v: float(render_cpu(c[None], one("highlights", v))[0, 0, 0])  # noqa: E731
    assert sh(dark, 100) - 0.15 > 5 * (sh(bright, 100) - 0.9) > 0
    assert 0.9 - hl(bright, -100) > 5 * (0.15 - hl(dark, -100)) > 0
    assert render_cpu(np.zeros((1, 1, 3), np.float32), one("shadows", 100)).max() == 0.0


def test_selective_weights_partition_hue_and_vanish_beyond_neighbors():
    hues = np.linspace(0, 359.5, 720, dtype=np.float32)
    total = sum(selective.range_weight(hues, c) for c in COLOR_RANGES)
    assert np.abs(total - 1).max() < 1e-5
    red = selective.range_weight(hues, "red")
    assert red[0] == 1.0 and np.all(red[(hues >= 30) & (hues <= 240)] == 0)


def test_selective_adjust_leaves_greys_and_other_hues_untouched():
    look = Look(selective_adjust={"red": {"saturation": 100, "luminance": -100, "hue": 100}})
    greys = np.concatenate([GREY_RAMP, GREY_RAMP * np.float32(0.96)], axis=0)
    greys[1, :, 0] += np.float32(0.03)  # chroma 0.03: below the mask threshold
    assert np.array_equal(render_cpu(greys, look), greys)
    green_blue = np.array([[[0.2, 0.8, 0.3], [0.1, 0.6, 0.7], [0.2, 0.3, 0.9]]], np.float32)
    assert np.array_equal(render_cpu(green_blue, look), green_blue)
    red = np.array([[[0.8, 0.2, 0.2]]], np.float32)
    out = render_cpu(red, look)[0, 0]
    assert out.sum() < red.sum() and hue_chroma(out[None])[0][0, 0] > 5.0


def test_selective_saturation_minus_100_greys_out_the_range_center():
    blue = np.array([[0.2, 0.2, 0.9]], np.float32)
    hue_deg, _ = hue_chroma(blue)
    assert hue_deg[0, 0] == pytest.approx(240.0)
    out = selective.apply(blue, {"blue": {"saturation": -100, "luminance": 0, "hue": 0}})
    assert np.abs(out - luma(blue)).max() < 1e-6


def test_filter_intensity_blends_linearly(testdata):
    from editor.lut import read_cube

    lut = read_cube(testdata / "luts" / "colour_iridas_Colour_Correct_3d.cube").lut3d
    full = filter_preset.apply(COLORS, filter_preset.FilterParams(lut, 100))
    half = filter_preset.apply(COLORS, filter_preset.FilterParams(lut, 50))
    assert np.abs(half - (COLORS + full) / 2).max() < 1e-6
    ident = filter_preset.apply(COLORS, filter_preset.FilterParams(Lut3D(identity_table(5)), 100))
    assert np.abs(ident - COLORS).max() < 1e-6


def test_filter_preset_in_a_look_changes_the_picture():
    look = Look(filter=FilterChoice("bw_Classic", 100))
    out = render_cpu(COLORS, look)
    assert np.abs(out[..., 0] - out[..., 2]).max() < 0.02 < np.abs(COLORS[..., 0] - COLORS[..., 2]).max()


def test_gaussian_kernel_rule():
    assert blur_mod.gaussian_kernel(0.3).size == 3
    assert blur_mod.gaussian_kernel(0.0).tolist() == [1.0]
    k = blur_mod.gaussian_kernel(10.8)
    assert k.size == 2 * 33 + 1 and k.sum() == pytest.approx(1.0, abs=1e-6) and k.argmax() == 33
    assert blur_mod.sigma_for((1080, 1920, 3), structure.SIGMA_FRACTION) == pytest.approx(10.8)
    assert blur_mod.sigma_for((2160, 3840, 3), structure.SIGMA_FRACTION) == pytest.approx(21.6)


def test_blur_keeps_flat_images_and_mean():
    flat = np.full((20, 30, 1), 0.4, np.float32)
    assert np.abs(blur_mod.blur(flat, blur_mod.gaussian_kernel(3.0)) - 0.4).max() < 1e-6


@pytest.mark.parametrize("op", [sharpen, structure])
def test_luma_detail_ops_raise_and_lower_local_contrast(op):
    # sigma scales with the short side: 1000 px gives sharpen 1 px and structure 10 px.
    edge = np.zeros((1000, 1000, 3), np.float32) + np.float32(0.3)
    edge[:, 20:] = 0.7
    value = 100
    sharp = op.apply(edge, value)
    soft = op.apply(edge, -value)
    assert sharp[:, 19].mean() < 0.3 - 1e-3 and sharp[:, 20].mean() > 0.7 + 1e-3
    assert soft[:, 19].mean() > 0.3 and soft[:, 20].mean() < 0.7
    assert np.abs(op.apply(np.full((8, 8, 3), 0.5, np.float32), value) - 0.5).max() < 1e-6


def test_bloom_glows_around_highlights_only():
    img = np.full((200, 200, 3), 0.2, np.float32)
    img[98:102, 98:102] = 1.0
    out = bloom.apply(img, 100)
    assert out[100, 104, 0] > 0.21 and abs(out[2, 2, 0] - 0.2) < 1e-4
    assert np.abs(bloom.apply(np.full((9, 9, 3), 0.3, np.float32), 100) - 0.3).max() < 1e-6


def _trilinear_by_corners(rgb: np.ndarray, lut: Lut3D) -> np.ndarray:
    """Textbook trilinear: the eight corner weights of each point, in float64."""
    n = lut.size
    pos = np.clip((rgb - lut.domain_min) / (lut.domain_max - lut.domain_min), 0, 1) * (n - 1)
    base = np.minimum(np.floor(pos).astype(int), n - 2)
    f = pos - base
    out = np.zeros(rgb.shape)
    for db in (0, 1):
        for dg in (0, 1):
            for dr in (0, 1):
                w = (
                    (f[:, 2] if db else 1 - f[:, 2])
                    * (f[:, 1] if dg else 1 - f[:, 1])
                    * (f[:, 0] if dr else 1 - f[:, 0])
                )
                out += w[:, None] * lut.table[base[:, 2] + db, base[:, 1] + dg, base[:, 0] + dr]
    return out


def test_apply_trilinear_matches_the_corner_formula_and_clamps():
    from editor.lut import apply_trilinear

    table = RNG.random((5, 5, 5, 3), dtype=np.float32)
    lut = Lut3D(table, domain_min=np.array([0.0, 0.1, -0.2]), domain_max=np.array([1.0, 0.9, 1.2]))
    rgb = (RNG.random((500, 3), dtype=np.float32) * 1.6 - 0.3).astype(np.float32)
    out = apply_trilinear(rgb.reshape(20, 25, 3), lut)
    assert out.dtype == np.float32 and out.shape == (20, 25, 3)
    assert np.abs(out.reshape(-1, 3) - _trilinear_by_corners(rgb.astype(np.float64), lut)).max() < 1e-6
    assert np.array_equal(apply_trilinear(np.float32([[1.5, 2.0, 9.0]]), lut)[0], table[4, 4, 4])
    inside = RNG.random((300, 3), dtype=np.float32)
    assert np.abs(apply_trilinear(inside, Lut3D(identity_table(5))) - inside).max() < 1e-6


def test_selective_matches_the_per_range_weight_sum():
    p = {
        "red": {"saturation": 60, "luminance": -30, "hue": 0},
        "yellow": {"saturation": 0, "luminance": 50, "hue": 40},
        "blue": {"saturation": -70, "luminance": 0, "hue": -100},
    }
    hue_deg, chroma = hue_chroma(COLORS)
    mask = np.clip((chroma - 0.04) / 0.26, 0, 1)
    mask = mask * mask * (3 - 2 * mask)
    amount = {
        prop: sum(selective.range_weight(hue_deg, c) * mask * p[c][prop] / 100 for c in p)
        for prop in p["red"]
    }
    expected = scale_chroma(rotate_chroma(COLORS, amount["hue"] * 30), 1 + amount["saturation"])
    lum = amount["luminance"]
    expected = np.where(lum > 0, 1 - (1 - expected) * (1 - 0.4 * lum), expected * (1 + 0.5 * lum))
    assert np.abs(selective.apply(COLORS, p) - expected).max() < 1e-5


def test_reduction_factor_rule():
    assert [blur_mod.reduction_factor(s) for s in (1.08, 3.99, 4.0, 7.2, 10.8, 13.5, 21.6)] == [
        1,
        1,
        2,
        3,
        5,
        6,
        10,
    ]
    for sigma in (4.0, 10.8, 13.5, 21.6, 40.0):
        assert 2.0 <= sigma / blur_mod.reduction_factor(sigma) < 4.0
    assert blur_mod.reduced_shape((1080, 1920, 3), 5) == (216, 384)
    assert blur_mod.reduced_shape((601, 899), 3) == (201, 300)


def test_box_downsample_averages_blocks_and_partial_edge_blocks():
    x = np.arange(15, dtype=np.float32).reshape(3, 5, 1)
    small = blur_mod.box_downsample(x, 2)[..., 0]
    # Blocks: rows {0,1} / {2}, columns {0,1} / {2,3} / {4}.
    assert small.tolist() == [[3.0, 5.0, 6.5], [10.5, 12.5, 14.0]]


def test_bilinear_upsample_uses_texel_centers_and_clamps():
    small = np.array([[[0.0], [1.0]]], np.float32)  # 1 x 2, from a 1 x 4 image at k = 2
    up = blur_mod.bilinear_upsample(small, 2, 1, 4)[0, :, 0]
    # Pixel x samples s = (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 -> clamped.
    assert up.tolist() == [0.0, 0.25, 0.75, 1.0]
    flat = np.full((7, 9, 3), 0.3, np.float32)
    assert np.abs(blur_mod.reduced_blur(flat, 8.0) - 0.3).max() < 1e-6


def test_reduced_blur_approximates_the_full_resolution_blur():
    edge = np.zeros((300, 400, 1), np.float32)
    edge[:, 200:] = 1.0
    edge[100:140, 50:90] = 0.7
    sigma = 9.0
    reduced = blur_mod.reduced_blur(edge, sigma)
    full = blur_mod.blur(edge, blur_mod.gaussian_kernel(sigma))
    assert reduced.shape == edge.shape and blur_mod.reduction_factor(sigma) == 4
    assert np.abs(reduced - full).max() < 0.02 and np.abs(reduced - full).mean() < 0.002
    assert np.array_equal(blur_mod.reduced_blur(edge, sigma, reduce=False), full)
