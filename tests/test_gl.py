"""GL renderer vs the CPU reference (render_cpu) on real photos, ramps and charts."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

# The poster's "golden hour" example: all three tools, moderate values.
from test_schema import GOLDEN_HOUR as GOLDEN

from editor.errors import MediaError
from editor.gl import GLRenderer
from editor.pipeline import bloom, render_cpu, structure
from editor.pipeline import blur as blur_mod
from editor.schema import FilterChoice, Look

MOODY = Look(
    adjust={
        "exposure": -20,
        "contrast": 30,
        "saturation": -40,
        "temperature": -40,
        "linearOffset": 20,
        "hue": -10,
        "shadows": 30,
        "highlights": -40,
    }
)
SPATIAL = Look(adjust={"contrast": 20, "sharpen": 60, "structure": 40, "bloom": 50})
FILTERED = Look(adjust={"contrast": 40, "saturation": 30}, filter=FilterChoice("film_Portra", 80))
POINTWISE_BOUND = 2
#: Filter looks: two lookups of smooth tables (measured 1; 2-3 when the filter was baked in).
FILTER_BOUND = 1
#: Spatial looks, full-resolution and reduced-resolution blurs alike (measured 1).
SPATIAL_BOUND = 2


@pytest.fixture(scope="module")
def images(testdata):
    out = []
    for path in sorted((testdata / "media").glob("photo_*.jpg")):
        im = Image.open(path).convert("RGB")
        im.thumbnail((240, 240))
        out.append(np.asarray(im))
    assert len(out) == 3
    x = np.arange(256, dtype=np.uint8)
    rg = np.stack(np.meshgrid(x, x, indexing="ij"), -1)[::2, ::2]
    out.append(np.concatenate([rg, np.full((*rg.shape[:2], 1), 96, np.uint8)], -1))
    out.append(np.repeat(np.stack([x, x, x], -1)[None], 4, 0))
    return out


def reference(rgb: np.ndarray, look: Look) -> np.ndarray:
    return np.round(np.clip(render_cpu(rgb.astype(np.float32) / 255, look), 0, 1) * 255).astype(np.uint8)


def max_error(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.abs(a.astype(int) - b.astype(int)).max())


def test_neutral_look_is_byte_identical(renderer, images):
    renderer.set_look(Look())
    for im in images:
        assert np.array_equal(renderer.render(im), im)


@pytest.mark.parametrize("look", [GOLDEN, MOODY], ids=["golden", "moody"])
def test_pointwise_looks_match_cpu_within_2(renderer, images, look):
    renderer.set_look(look)
    for im in images:
        out = renderer.render(im)
        assert out.dtype == np.uint8 and out.shape == im.shape
        assert max_error(out, reference(im, look)) <= POINTWISE_BOUND
        assert max_error(out, im) > 5


@pytest.mark.parametrize(
    "look",
    [MOODY, FILTERED, Look(filter=FilterChoice("bw_Classic", 100))],
    ids=["lut-only", "lut+filter", "filter-only"],
)
def test_a_fresh_renderer_applies_each_kind_of_pointwise_look(gl_ctx, images, look):
    fresh = GLRenderer(gl_ctx)
    try:
        fresh.set_look(Look())
        assert np.array_equal(fresh.render(images[0]), images[0])
        fresh.set_look(look)
        out = fresh.render(images[0])
        assert max_error(out, reference(images[0], look)) <= POINTWISE_BOUND
        assert max_error(out, images[0]) > 5
    finally:
        fresh.release()


@pytest.mark.parametrize(
    "look, bound",
    [
        (GOLDEN, POINTWISE_BOUND),
        (MOODY, POINTWISE_BOUND),
        (FILTERED, POINTWISE_BOUND),
        (SPATIAL, SPATIAL_BOUND),
    ],
    ids=["golden", "moody", "filtered", "spatial"],
)
def test_a_fused_look_matches_cpu_within_the_pointwise_bound(renderer, images, look, bound):
    # Export bakes steps 1-12 into one finer table: one lookup per pixel. A strong filter
    # then errs by 2 at the ramp chart's gamut corners (1 with its own lookup), 1 on photos.
    renderer.set_look(look, fused=True)
    for im in images:
        assert max_error(renderer.render(im), reference(im, look)) <= bound
    renderer.set_look(look)
    assert max_error(renderer.render(images[0]), reference(images[0], look)) <= bound


def test_filter_is_its_own_lookup_and_matches_cpu_within_1(renderer, images):
    renderer.set_look(FILTERED)
    for im in images:
        out = renderer.render(im)
        assert max_error(out, reference(im, FILTERED)) <= FILTER_BOUND
        assert max_error(out, im) > 5
    filter_only = Look(filter=FilterChoice("bw_Classic", 100))
    renderer.set_look(filter_only)
    out = renderer.render(images[0])
    assert max_error(out, reference(images[0], filter_only)) <= FILTER_BOUND
    assert int(np.abs(out[..., 0].astype(int) - out[..., 2]).max()) <= 6


def test_spatial_look_matches_cpu_within_stated_bound(renderer, images):
    renderer.set_look(SPATIAL)
    for im in images[:3]:
        assert max_error(renderer.render(im), reference(im, SPATIAL)) <= SPATIAL_BOUND


def test_reduced_resolution_blurs_match_cpu(renderer, testdata):
    # 601 x 899: sigma 6.0 / 7.5 px, so structure and bloom blur at 1/3 size, with
    # partial 3 x 3 blocks at the right and bottom edges.
    im = np.asarray(
        Image.open(testdata / "media" / "photo_rocket_640x427_pd.jpg").convert("RGB").resize((899, 601))
    )
    look = Look(adjust={"structure": 100, "bloom": 100, "sharpen": 50, "exposure": 20})
    assert blur_mod.reduction_factor(blur_mod.sigma_for(im.shape, structure.SIGMA_FRACTION)) == 3
    assert blur_mod.reduction_factor(blur_mod.sigma_for(im.shape, bloom.SIGMA_FRACTION)) == 3
    renderer.set_look(look)
    out = renderer.render(im)
    assert max_error(out, reference(im, look)) <= SPATIAL_BOUND
    assert max_error(out, reference(im, Look(adjust={"sharpen": 50, "exposure": 20}))) > 5


@pytest.mark.parametrize("width", [3, 5, 241, 242, 243, 244])
def test_packed_luma_blurs_match_cpu_at_every_width(renderer, width):
    # Full-resolution luma blurs run four pixels to a texel; every width mod 4 puts the
    # right edge in another component. At 240 px high structure blurs at full size with
    # radius 8 (two texels each side); the narrow ones have a texel or two in all. Noise,
    # so that a tap taken from the wrong pixel shows.
    im = np.random.default_rng(width).integers(64, 192, (240, width, 3), dtype=np.uint8)
    look = Look(adjust={"structure": 60, "sharpen": 60})
    assert blur_mod.reduction_factor(blur_mod.sigma_for(im.shape, structure.SIGMA_FRACTION)) == 1
    renderer.set_look(look)
    out = renderer.render(im)
    assert max_error(out, reference(im, look)) <= SPATIAL_BOUND
    if width > 200:  # a 3 or 5 px wide picture has blurs narrower than a pixel
        assert max_error(out, im) > 20


def test_output_size_grades_the_frame_smaller_until_unset(renderer, images):
    # The preview while the picture moves: half the size, each pixel sampled bilinearly at
    # its centre, which at exactly half is the mean of a 2 x 2 block.
    im = images[0][: images[0].shape[0] // 2 * 2, : images[0].shape[1] // 2 * 2]
    h, w = im.shape[:2]
    renderer.set_look(GOLDEN)
    full = renderer.render(im)
    renderer.output_size = (w // 2, h // 2)
    try:
        small = renderer.render(im)
    finally:
        renderer.output_size = None
    block_mean = im.astype(np.float32).reshape(h // 2, 2, w // 2, 2, 3).mean(axis=(1, 3)) / 255
    expected = np.round(np.clip(render_cpu(block_mean, GOLDEN), 0, 1) * 255).astype(np.uint8)
    assert small.shape == (h // 2, w // 2, 3)
    # One more: a filtered fetch of an 8-bit texture may come back rounded to 8 bits.
    assert max_error(small, expected) <= POINTWISE_BOUND + 1
    assert np.array_equal(renderer.read_graded(), full)


def test_spatial_only_look_skips_the_lut(renderer, images):
    look = Look(adjust={"structure": 50})
    renderer.set_look(look)
    im = images[0]
    assert max_error(renderer.render(im), reference(im, look)) <= 1


@pytest.mark.parametrize("shape", [(332, 800), (1, 1), (3, 5), (7, 1)])
def test_odd_sizes_and_input_dtypes(renderer, shape):
    rng = np.random.default_rng(1)
    im8 = rng.integers(0, 256, (*shape, 3), dtype=np.uint8)
    renderer.set_look(MOODY)
    ref = reference(im8, MOODY)
    assert max_error(renderer.render(im8), ref) <= POINTWISE_BOUND
    assert max_error(renderer.render(im8.astype(np.uint16) * 257), ref) <= POINTWISE_BOUND
    assert max_error(renderer.render(im8.astype(np.float32) / 255), ref) <= POINTWISE_BOUND


def test_quantization_rounds_to_nearest(renderer):
    renderer.set_look(Look())
    values = (np.arange(1024, dtype=np.float32) / 1023).reshape(32, 32, 1).repeat(3, axis=2)
    assert np.array_equal(renderer.render(values), np.round(values * 255).astype(np.uint8))


def test_bad_frames_are_rejected(renderer):
    with pytest.raises(MediaError):
        renderer.render(np.zeros((4, 4), np.uint8))
    with pytest.raises(MediaError):
        renderer.render(np.zeros((4, 4, 3), np.int64))


def test_draw_shows_graded_frame_and_split(renderer, gl_ctx, images):
    im = np.ascontiguousarray(images[0][:100, :160])
    renderer.set_look(MOODY)
    renderer.upload(im)
    graded = renderer.read_graded()
    assert max_error(graded, reference(im, MOODY)) <= POINTWISE_BOUND
    tex = gl_ctx.texture((160, 100), 4)
    fbo = gl_ctx.framebuffer(color_attachments=[tex])
    try:
        renderer.draw(fbo, (0, 0, 160, 100))
        shown = np.frombuffer(fbo.read(components=3, alignment=1), np.uint8).reshape(100, 160, 3)[::-1]
        assert max_error(shown, graded) <= 1
        renderer.draw(fbo, (0, 0, 160, 100), split=0.5)
        shown = np.frombuffer(fbo.read(components=3, alignment=1), np.uint8).reshape(100, 160, 3)[::-1]
        assert max_error(shown[:, :78], im[:, :78]) <= 1
        assert max_error(shown[:, 82:], graded[:, 82:]) <= 1
    finally:
        fbo.release()
        tex.release()


def test_textures_are_reused_for_frames_of_one_size(renderer, images):
    renderer.set_look(SPATIAL)
    renderer.render(images[0])
    first = renderer.graded_texture
    renderer.render(images[0][::-1].copy())
    assert renderer.graded_texture is first


def test_render_reads_into_a_given_buffer(renderer, images):
    renderer.set_look(MOODY)
    im = images[0]
    out = np.zeros_like(im)
    assert renderer.render(im, out) is out
    assert max_error(out, reference(im, MOODY)) <= POINTWISE_BOUND
    with pytest.raises(MediaError):
        renderer.render(im, np.zeros((2, 2, 3), np.uint8))


def test_deep_render_keeps_16_bits_and_matches_the_8_bit_one(gl_ctx, images):
    renderer = GLRenderer(gl_ctx)
    try:
        renderer.set_look(Look(adjust={"contrast": 30, "temperature": 20}))
        rgb = images[0]
        eight = renderer.render(rgb)
        deep = renderer.render(rgb.astype(np.uint16) * 257, deep=True)
        assert deep.dtype == np.uint16 and max_error((deep >> 8).astype(np.uint8), eight) <= 1
        assert renderer.render(rgb).dtype == np.uint8
    finally:
        renderer.release()


def test_a_frame_over_the_texture_limit_is_graded_in_tiles_when_the_look_is_pointwise(gl_ctx, images):
    renderer = GLRenderer(gl_ctx)
    try:
        renderer.set_look(
            Look(adjust={"contrast": 20, "temperature": 30}, filter=FilterChoice("bw_Classic", 60))
        )
        rgb = images[0]
        whole = renderer.render(rgb)
        renderer.max_size = max(rgb.shape[:2]) // 3
        assert np.array_equal(renderer.render(rgb), whole)
        with pytest.raises(MediaError, match="over this GPU's texture limit"):
            renderer.upload(rgb)
    finally:
        renderer.release()


def test_a_frame_over_the_texture_limit_is_graded_by_the_reference(gl_ctx, images):
    renderer = GLRenderer(gl_ctx)
    try:
        look = Look(adjust={"contrast": 20, "sharpen": 40}, filter=FilterChoice("faded_HighNoon", 40))
        renderer.set_look(look)
        rgb = images[0]
        on_gpu = renderer.render(rgb)
        renderer.max_size = max(rgb.shape[:2]) - 1
        assert max_error(renderer.render(rgb), on_gpu) <= SPATIAL_BOUND
    finally:
        renderer.release()
