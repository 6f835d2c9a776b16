"""The scopes' numbers against plain numpy on known frames: a ramp, a color chart and a real photo."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editor import scopes

PHOTO = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "media" / "photo_chelsea_cat_cc0.jpg"

#: sRGB 8-bit patches and their BT.709 (Cb, Cr), worked out by hand from the definitions.
CHART = {
    "red": ((255, 0, 0), (-0.2126 / 1.8556, (1 - 0.2126) / 1.5748)),
    "green": ((0, 255, 0), (-0.7152 / 1.8556, -0.7152 / 1.5748)),
    "blue": ((0, 0, 255), ((1 - 0.0722) / 1.8556, -0.0722 / 1.5748)),
    "white": ((255, 255, 255), (0.0, 0.0)),
    "grey": ((128, 128, 128), (0.0, 0.0)),
    "black": ((0, 0, 0), (0.0, 0.0)),
}
SKIN = [(224, 172, 140), (198, 134, 103), (141, 85, 60), (255, 219, 190), (92, 56, 40)]


@pytest.fixture(scope="module")
def photo() -> np.ndarray:
    if not PHOTO.is_file():
        pytest.fail(f"The shared test photo is missing at {PHOTO}; these tests need ../shared/testdata.")
    return np.asarray(Image.open(PHOTO).convert("RGB"))


def _ramp() -> np.ndarray:
    """256 columns, column x at level x in every channel, 10 rows."""
    return np.repeat(np.repeat(np.arange(256, dtype=np.uint8)[None, :, None], 10, axis=0), 3, axis=2)


def _chart() -> np.ndarray:
    patches = [np.full((8, 8, 3), rgb, np.uint8) for rgb, _ in CHART.values()]
    return np.concatenate(patches, axis=1)


def test_histogram_of_a_ramp_is_flat_and_of_a_photo_is_bincount(photo):
    hist = scopes.histograms(_ramp())
    assert hist.shape == (4, 256) and np.all(hist == 10)
    hist = scopes.histograms(photo)
    for c in range(3):
        np.testing.assert_array_equal(hist[c], np.bincount(photo[..., c].ravel(), minlength=256))
    y = np.rint(photo[..., 0] * 0.2126 + photo[..., 1] * 0.7152 + photo[..., 2] * 0.0722).astype(int)
    np.testing.assert_array_equal(hist[3], np.bincount(y.ravel(), minlength=256))
    assert hist.sum(axis=1).tolist() == [photo.shape[0] * photo.shape[1]] * 4


def test_waveform_of_a_ramp_is_a_diagonal_and_of_a_photo_counts_each_column(photo):
    wave = scopes.waveform(scopes.luma(_ramp()))
    np.testing.assert_array_equal(wave, np.eye(256, dtype=np.int64) * 10)
    small = scopes.reduced(photo)
    assert small.shape[1] <= scopes.SCOPE_WIDTH
    parade = scopes.parade(small)
    for c in range(3):
        for x in (0, small.shape[1] // 2, small.shape[1] - 1):
            np.testing.assert_array_equal(parade[c, :, x], np.bincount(small[:, x, c], minlength=256))


def test_reduced_keeps_pixel_values_and_fits_the_width(photo):
    small = scopes.reduced(photo)
    step = -(-photo.shape[1] // scopes.SCOPE_WIDTH)
    np.testing.assert_array_equal(small, photo[::step, ::step])


def test_chart_patches_land_where_the_definitions_put_them():
    chart = _chart()
    cb, cr = scopes.chroma(chart[0, ::8])
    expected = np.array([v for _, v in CHART.values()])
    np.testing.assert_allclose(np.stack([cb, cr], axis=1), expected, atol=1e-12)
    vec = scopes.vectorscope(chart)
    for _, (cbx, crx) in CHART.values():
        row, col = scopes.vector_position(cbx, crx)
        assert vec[row, col] >= 64
    # white, grey and black share the centre.
    centre = scopes.vector_position(0.0, 0.0)
    assert vec[centre] == 3 * 64
    assert vec.sum() == chart.shape[0] * chart.shape[1]
    # Red sits up and to the left of the centre, blue to the right.
    red, blue = scopes.vector_position(*CHART["red"][1]), scopes.vector_position(*CHART["blue"][1])
    assert red[0] < centre[0] and red[1] < centre[1] and blue[1] > centre[1]


def test_skin_tones_lie_near_the_skin_tone_line():
    cb, cr = scopes.chroma(np.array(SKIN, np.uint8))
    angles = scopes.hue_degrees(cb, cr)
    assert np.all(np.abs(angles - scopes.SKIN_TONE_DEGREES) < 12), angles


def test_clipping_counts_blown_channels_and_black_pixels(photo):
    chart = _chart()
    clip = scopes.clipping(chart)
    # red, green, blue and white have a channel at 255; only black is black.
    assert clip.highlight_fraction == pytest.approx(4 / 6)
    assert clip.shadow_fraction == pytest.approx(1 / 6)
    clip = scopes.clipping(photo)
    assert clip.highlight_fraction == pytest.approx(float((photo == 255).any(axis=-1).mean()))
    assert clip.shadow_fraction == pytest.approx(float((photo == 0).all(axis=-1).mean()))


def test_compute_measures_the_reduced_frame(photo):
    result = scopes.compute(photo)
    small = scopes.reduced(photo)
    np.testing.assert_array_equal(result.histogram, scopes.histograms(small))
    assert result.waveform.shape == (256, small.shape[1]) and result.parade.shape == (3, 256, small.shape[1])
    assert result.vectorscope.sum() == small.shape[0] * small.shape[1]


def test_the_gpu_picks_the_same_pixels_as_reduced(gl_ctx, photo):
    from editor.gl import GLRenderer
    from editor.schema import Look

    renderer = GLRenderer(gl_ctx)
    renderer.set_look(Look({"contrast": 30, "temperature": 20}))
    for width in (scopes.SCOPE_WIDTH, 97, 10_000):
        graded = renderer.render(photo)
        np.testing.assert_array_equal(renderer.read_graded_reduced(width), scopes.reduced(graded, width))
    renderer.release()
