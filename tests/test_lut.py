"""The .cube reader/writer and LUT application: known values, real files, ffmpeg agreement, bad input."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from lut_checks import ffmpeg_graded, lut_test_picture, reader_graded

from editor.lut import (
    Lut1D,
    Lut3D,
    LutError,
    apply_1d,
    apply_cube,
    apply_trilinear,
    format_cube,
    identity_table,
    read_cube,
    write_cube,
)

TESTDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata"
LUTS = TESTDATA / "luts"


@pytest.fixture(scope="module")
def luts() -> Path:
    if not LUTS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"test LUTs missing at {LUTS}")
        pytest.skip(f"test LUTs missing at {LUTS}")
    return LUTS


def _write(tmp_path: Path, text: str, name: str = "bad.cube") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# -- application: known values -----------------------------------------------------


def test_identity_lut_is_identity():
    rng = np.random.default_rng(1)
    rgb = rng.random((200, 3), dtype=np.float32)
    for size in (2, 5, 33):
        np.testing.assert_allclose(apply_trilinear(rgb, Lut3D.identity(size)), rgb, atol=1e-6)


def test_channel_swapping_lut():
    table = identity_table(9)[..., ::-1].copy()  # out = (b, g, r)
    rgb = np.array([[0.1, 0.5, 0.9], [1.0, 0.0, 0.25], [0.33, 0.66, 0.77]], np.float32)
    np.testing.assert_allclose(apply_trilinear(rgb, Lut3D(table)), rgb[:, ::-1], atol=1e-6)


def test_trilinear_interpolates_between_nodes_and_clamps_outside_domain():
    table = np.zeros((2, 2, 2, 3), np.float32)
    table[1, 1, 1] = 1.0  # only the white corner is lit
    lut = Lut3D(table)
    rgb = np.array([[0.5, 0.5, 0.5], [1.0, 1.0, 0.5], [2.0, 2.0, 2.0], [-1.0, 1.0, 1.0]], np.float32)
    np.testing.assert_allclose(apply_trilinear(rgb, lut)[:, 0], [0.125, 0.5, 1.0, 0.0], atol=1e-6)


def test_1d_linear_interpolation_over_domain():
    lut = Lut1D(np.array([[0, 0, 1], [1, 4, 0]], np.float32), np.array([0, -1, 0], np.float32),
                np.array([1, 1, 2], np.float32))
    out = apply_1d(np.array([[0.25, 0.0, 0.5], [5.0, -3.0, 2.0]], np.float32), lut)
    np.testing.assert_allclose(out, [[0.25, 2.0, 0.75], [1.0, 0.0, 0.0]], atol=1e-6)


# -- round trip ----------------------------------------------------------------------


def test_write_then_read_3d_round_trip(tmp_path):
    rng = np.random.default_rng(7)
    table = (rng.random((5, 5, 5, 3)) * 3 - 1).astype(np.float32)
    lut = Lut3D(table, np.array([-0.5, 0, 0], np.float32), np.array([1, 2, 3], np.float32))
    path = tmp_path / "rt.cube"
    write_cube(path, lut, title="Round trip")
    cube = read_cube(path)
    assert cube.title == "Round trip" and cube.shaper is None
    np.testing.assert_allclose(cube.lut3d.table, table, atol=6e-7)
    np.testing.assert_array_equal(cube.lut3d.domain_min, lut.domain_min)
    np.testing.assert_array_equal(cube.lut3d.domain_max, lut.domain_max)
    assert [p.name for p in tmp_path.iterdir()] == ["rt.cube"]  # no temporary left behind


def test_write_then_read_1d_round_trip(tmp_path):
    table = np.linspace(0, 1, 1024, dtype=np.float32)[:, None] ** np.array([1.0, 2.2, 0.5], np.float32)
    path = tmp_path / "curve.cube"
    write_cube(path, Lut1D(table))
    cube = read_cube(path)
    assert cube.lut3d is None and cube.title == ""
    np.testing.assert_allclose(cube.shaper.table, table, atol=6e-7)
    assert "DOMAIN_MIN" not in path.read_text()


def test_failed_write_leaves_no_file(tmp_path):
    with pytest.raises(LutError, match="title"):
        write_cube(tmp_path / "x.cube", Lut3D.identity(2), title='say "hi"')
    assert list(tmp_path.iterdir()) == []


def test_format_is_deterministic_and_has_no_negative_zero():
    table = identity_table(3) - np.float32(1e-9)
    text = format_cube(Lut3D(table), title="t")
    assert text == format_cube(Lut3D(table.copy()), title="t")
    assert "-0.000000" not in text
    assert text.startswith('TITLE "t"\nLUT_3D_SIZE 3\n0.000000 0.000000 0.000000\n')


# -- the real files ------------------------------------------------------------------


def test_resolve_shaper_plus_3d_is_split_correctly(luts):
    cube = read_cube(luts / "colour_resolve_LogC_Video_1d3d.cube")
    assert cube.title == "AlexaV3 K1S1 LogC to Video Rec709"
    assert cube.shaper.size == 16 and cube.lut3d.size == 4
    assert cube.shaper.table[1, 0] == pytest.approx(0.027085)
    # The first 3D row follows the blank line after the 16 shaper rows; ffmpeg reads it as row 17.
    np.testing.assert_allclose(cube.lut3d.table[0, 0, 1], [0.4005361, 0.0, 0.0101314], atol=1e-7)
    # Shaper then cube: mid grey through the tone curve, then the (near-neutral at grey) matrix.
    out = apply_cube(np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]], np.float32), cube)
    np.testing.assert_allclose(out, [[0, 0, 0], cube.lut3d.table[3, 3, 3]], atol=1e-6)


def test_resolve_input_ranges(luts):
    cube = read_cube(luts / "ocio_resolve_1d3d.cube")
    assert cube.title == ""
    assert (cube.shaper.domain_min[0], cube.shaper.domain_max[0]) == (-1.0, 3.0)
    assert (cube.lut3d.domain_min[0], cube.lut3d.domain_max[0]) == (0.0, 4.0)
    # Input -1 hits the first shaper row (3.3, 3.4, 3.5); the 3D grid has nodes at 0, 2, 4.
    shaped = apply_1d(np.array([[-1.0, -1.0, -1.0]], np.float32), cube.shaper)
    np.testing.assert_allclose(shaped, [[3.3, 3.4, 3.5]], atol=1e-6)
    node = apply_trilinear(np.array([[2.0, 0.0, 4.0]], np.float32), cube.lut3d)
    np.testing.assert_allclose(node, [cube.lut3d.table[2, 0, 1]], atol=1e-6)

    shaper_file = read_cube(luts / "colour_resolve_Three_Dimensional_Table_With_Shaper.cube")
    assert shaper_file.shaper.size == 10 and shaper_file.lut3d.size == 3
    assert shaper_file.lut3d.domain_min[2] == pytest.approx(-0.1)
    assert shaper_file.shaper.table[0, 0] == pytest.approx(-0.3511192)


def test_1d_files_with_per_channel_domains(luts):
    demo = read_cube(luts / "colour_iridas_Demo_1d_domain.cube")  # a comment between rows
    assert demo.title == "Demo" and demo.lut3d is None and demo.shaper.size == 3
    np.testing.assert_array_equal(demo.shaper.domain_max, [1, 2, 3])
    # Domain max (1, 2, 3): input (0.5, 1, 1.5) is the middle sample of every channel.
    out = apply_cube(np.array([[0.5, 1.0, 1.5]], np.float32), demo)
    np.testing.assert_allclose(out, [[0.5, 1.0, 1.5]], atol=1e-6)

    ocio = read_cube(luts / "ocio_iridas_1d.cube")  # blank line and indented rows
    np.testing.assert_array_equal(ocio.shaper.domain_min, [-2, 1, 0])
    # Green domain 1..2 over 5 samples: 1.25 is the second sample, 0.1.
    out = apply_cube(np.array([[-2.0, 1.25, 1.0]], np.float32), ocio)
    np.testing.assert_allclose(out, [[-1.0, 0.1, 3.2]], atol=1e-6)


def test_3d_domain_and_values_outside_unit_range(luts):
    cube = read_cube(luts / "colour_iridas_eotf_sRGB_3D_domain.cube")
    lut = cube.lut3d
    assert cube.title == "sRGB EOTF" and lut.size == 8
    np.testing.assert_allclose(lut.domain_min, [-0.1, -0.15, -0.2])
    assert lut.table.min() < 0 < 1 < lut.table.max()

    def eotf_srgb(v):  # IEC 61966-2-1, as the file's generator wrote it (linear part below 0.04045)
        return np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)

    # Grid node k of a channel sits at domain_min + k (max - min) / 7 and holds the EOTF of that input.
    rgb = np.array([[0.7, 1.2, 2.9], [-0.1, 0.0, 0.5], [1.5, 2.0, 3.0]], np.float32)
    np.testing.assert_allclose(apply_trilinear(rgb[2:], lut)[0], eotf_srgb(rgb[2]), rtol=1e-5)
    node = lut.domain_min + np.array([3, 5, 6]) * (lut.domain_max - lut.domain_min) / 7
    np.testing.assert_allclose(
        apply_trilinear(node[None].astype(np.float32), lut)[0], eotf_srgb(node), rtol=1e-5
    )
    # Between nodes, trilinear; per channel here because each output depends on one input.
    np.testing.assert_allclose(
        apply_trilinear(rgb, lut)[:, 0],
        apply_1d(rgb, Lut1D(lut.table[0, 0, :], lut.domain_min, lut.domain_max))[:, 0],
        atol=1e-5,
    )


def test_titleless_file_and_numbers_without_leading_zero(luts):
    cube = read_cube(luts / "colour_iridas_Three_Dimensional_Table_notitle.cube")
    assert cube.title == "" and cube.lut3d.size == 2
    np.testing.assert_allclose(cube.lut3d.table[0, 1, 0], [0, 0.75, 0])


def test_crlf_bom_and_trailing_comments(luts, tmp_path):
    src = (luts / "colour_iridas_Colour_Correct_3d.cube").read_text()
    lines = src.splitlines()
    text = (
        "\ufeff"
        + "\r\n".join(['TITLE "Grade #2"', "# a comment", "", lines[1] + "  # size"] + lines[2:])
        + "\r\n"
    )
    cube = read_cube(_write(tmp_path, text, "crlf.cube"))
    np.testing.assert_array_equal(
        cube.lut3d.table, read_cube(luts / "colour_iridas_Colour_Correct_3d.cube").lut3d.table
    )
    assert cube.title == "Grade #2"


# -- ffmpeg agreement ----------------------------------------------------------------


@pytest.fixture(scope="module")
def test_png(tmp_path_factory, luts) -> tuple[Path, np.ndarray]:
    """Primary and grey ramps, random colors and a real photo scaled small, sRGB 8-bit."""
    path = tmp_path_factory.mktemp("ffmpeg") / "in.png"
    photo = TESTDATA / "media" / "photo_rocket_640x427_pd.jpg"
    return path, lut_test_picture(path, photo, (64, 43), noise_rows=16, seed=0)


@pytest.mark.parametrize(
    "name",
    [
        "colour_iridas_Colour_Correct_3d.cube",
        "colour_iridas_Three_Dimensional_Table_notitle.cube",
        "colour_iridas_Demo_1d_domain.cube",
    ],
)
def test_agrees_with_ffmpeg(name, luts, test_png, tmp_path):
    src, img = test_png
    ffmpeg = ffmpeg_graded(src, luts / name, tmp_path / "out.png")
    diff = np.abs(reader_graded(img, read_cube(luts / name)) - ffmpeg)
    assert diff.max() <= 2, f"{name}: max difference {diff.max()}/255"


@pytest.mark.parametrize("name", ["colour_iridas_eotf_sRGB_3D_domain.cube", "ocio_iridas_1d.cube"])
def test_ffmpeg_differs_only_by_ignoring_domain_min(name, luts, test_png, tmp_path):
    """FFmpeg 5.1 scales by DOMAIN_MAX - DOMAIN_MIN but never subtracts DOMAIN_MIN.

    We follow the spec (checked with known values above); this shows that the whole
    difference from ffmpeg is that one term, so the rest of our reading agrees.
    """
    src, img = test_png
    reference = ffmpeg_graded(src, luts / name, tmp_path / "out.png")
    cube = read_cube(luts / name)
    assert np.abs(reader_graded(img, cube) - reference).max() > 2
    lut = cube.lut3d or cube.shaper
    lut.domain_max, lut.domain_min = lut.domain_max - lut.domain_min, np.zeros(3, np.float32)
    assert np.abs(reader_graded(img, cube) - reference).max() <= 2


# -- bad input -----------------------------------------------------------------------

ROWS_2 = "\n".join(["0 0 0"] * 8)


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ('TITLE "x"\n0 0 0\n', 2, "before LUT_3D_SIZE or LUT_1D_SIZE"),
        ('TITLE "x"\n# only a comment\n', 2, "ends without LUT_3D_SIZE"),
        ("LUT_3D_SIZE 1\n0 0 0\n", 1, "LUT_3D_SIZE 1 is out of range"),
        ("LUT_3D_SIZE 66\n", 1, "LUT_3D_SIZE 66 is out of range"),
        ("LUT_1D_SIZE 70000\n", 1, "LUT_1D_SIZE 70000 is out of range"),
        ("LUT_3D_SIZE two\n", 1, "needs one whole number"),
        ("LUT_3D_SIZE 2\n" + "\n".join(["0 0 0"] * 7) + "\n", 8, "ends after 7 of the 8 rows"),
        ("LUT_3D_SIZE 2\n" + ROWS_2 + "\n1 1 1\n", 10, "more than the 8 rows"),
        ("LUT_3D_SIZE 2\n0 0 0\n0 zero 0\n", 3, "'zero', which is not a number"),
        ("LUT_3D_SIZE 2\n0 0 0\nnan 0 0\n", 3, "not a finite number"),
        ("LUT_3D_SIZE 2\n0 0 0\n0 0\n", 3, "needs 3 numbers, found 2"),
        ("LUT_3D_SIZE 2\n0 0 0 0\n", 2, "needs 3 numbers, found 4"),
        (
            "LUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 0 1\n" + ROWS_2,
            3,
            "DOMAIN_MIN must be below DOMAIN_MAX",
        ),
        ("LUT_3D_SIZE 2\nDOMAIN_MIN 0 0\n" + ROWS_2, 2, "DOMAIN_MIN needs 3 numbers, found 2"),
        ("LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE 1 1\n0 0 0\n1 1 1\n", 2, "minimum 1 must be below its maximum 1"),
        ("LUT_3D_SIZE 2\n0 0 0\nLUT_1D_SIZE 4\n", 3, "comes after the table rows began"),
    ],
)
def test_bad_files_name_the_file_line_and_reason(tmp_path, text, line, reason):
    with pytest.raises(LutError) as info:
        read_cube(_write(tmp_path, text))
    message = str(info.value)
    assert message.startswith(f"bad.cube line {line}: ") and reason in message, message


def test_huge_declared_size_fails_fast_without_allocating(tmp_path):
    path = _write(tmp_path, "LUT_3D_SIZE 1000000\n0 0 0\n")
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(LutError, match="LUT_3D_SIZE 1000000 is out of range"):
        read_cube(path)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1_000_000 and elapsed < 1.0


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(LutError, match="LUT file .*nope.cube' does not exist"):
        read_cube(tmp_path / "nope.cube")
    path = tmp_path / "bin.cube"
    path.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(LutError, match="bin.cube' is saved as UTF-16; save it as UTF-8"):
        read_cube(path)
    path.write_bytes(b"LUT_3D_SIZE 2\n\x81garbage")
    with pytest.raises(LutError, match="bin.cube' is not UTF-8 text"):
        read_cube(path)


def test_our_written_cube_agrees_with_ffmpeg(test_png, tmp_path):
    """The writer's output is read the same by ffmpeg: a 17^3 grade with values near 0 and 1."""
    src, img = test_png
    grid = identity_table(17)
    table = np.clip(grid**0.8 * np.array([1.1, 0.95, 0.8], np.float32) + 0.02, 0, 1)[..., [1, 2, 0]]
    path = tmp_path / "ours.cube"
    write_cube(path, Lut3D(table), title="ours")
    diff = np.abs(reader_graded(img, read_cube(path)) - ffmpeg_graded(src, path, tmp_path / "out.png"))
    assert diff.max() <= 2
