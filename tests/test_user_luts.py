"""The user's own LUTs: the schema, the library, the command line and the render path,
checked on the real .cube files in ``../shared/testdata/luts`` against ffmpeg and the reader.

These tests need the shared test data and fail (not skip) without it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from lut_checks import ffmpeg_graded, lut_test_picture, read_rgb, reader_graded

from editor import user_luts
from editor.cli import main
from editor.errors import LookError
from editor.lut import apply_cube, read_cube, write_cube
from editor.pipeline import render_cpu
from editor.schema import FilterChoice, Look

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"
LUT_NAMES = [
    "colour_iridas_Colour_Correct_3d.cube",
    "colour_iridas_Demo_1d_domain.cube",
    "colour_iridas_Three_Dimensional_Table_notitle.cube",
    "colour_iridas_eotf_sRGB_3D_domain.cube",
    "colour_resolve_LogC_Video_1d3d.cube",
    "colour_resolve_Three_Dimensional_Table_With_Shaper.cube",
    "ocio_iridas_1d.cube",
    "ocio_resolve_1d3d.cube",
]
#: Files ffmpeg 5.1 reads as the format says (lut3d, or lut1d for a 1D file).
FFMPEG_READS = {
    "colour_iridas_Colour_Correct_3d.cube": "lut3d",
    "colour_iridas_Three_Dimensional_Table_notitle.cube": "lut3d",
    "colour_iridas_Demo_1d_domain.cube": "lut1d",
}
#: Files ffmpeg reads apart from DOMAIN_MIN, which it never subtracts (see tests/test_lut.py).
FFMPEG_IGNORES_DOMAIN_MIN = {
    "colour_iridas_eotf_sRGB_3D_domain.cube": "lut3d",
    "ocio_iridas_1d.cube": "lut1d",
}


@pytest.fixture(scope="module")
def luts() -> Path:
    folder = TESTDATA / "luts"
    if not folder.is_dir():
        pytest.fail(f"The shared test LUTs are missing at {folder}; these tests need ../shared/testdata.")
    return folder


@pytest.fixture(scope="module")
def picture(tmp_path_factory, luts) -> tuple[Path, np.ndarray]:
    """Primary and grey ramps, random colors and a real photo, sRGB 8-bit PNG."""
    path = tmp_path_factory.mktemp("picture") / "in.png"
    photo = TESTDATA / "media" / "photo_rocket_640x427_pd.jpg"
    return path, lut_test_picture(path, photo, (256, 171), noise_rows=32, seed=1)


def _apply(*args: str) -> int:
    return main(["apply", *map(str, args)])


# -- the command line against ffmpeg and the reader -------------------------------------


@pytest.mark.parametrize("name", LUT_NAMES)
def test_apply_lut_matches_the_reader_on_every_real_file(name, luts, picture, tmp_path):
    src, img = picture
    out = tmp_path / "out.png"
    assert _apply(src, "-o", out, "--lut", luts / name) == 0
    diff = np.abs(read_rgb(out) - reader_graded(img, read_cube(luts / name)))
    assert diff.max() <= 2, f"{name}: max difference {diff.max()}/255 from the reader"


@pytest.mark.parametrize("name", sorted(FFMPEG_READS))
def test_apply_lut_matches_ffmpeg(name, luts, picture, tmp_path):
    src, _ = picture
    out = tmp_path / "out.png"
    assert _apply(src, "-o", out, "--lut", luts / name) == 0
    diff = np.abs(read_rgb(out) - ffmpeg_graded(src, luts / name, tmp_path / "ff.png", FFMPEG_READS[name]))
    assert diff.max() <= 2, f"{name}: max difference {diff.max()}/255 from ffmpeg"


@pytest.mark.parametrize("name", sorted(FFMPEG_IGNORES_DOMAIN_MIN))
def test_apply_lut_matches_ffmpeg_once_its_domain_reading_is_matched(name, luts, picture, tmp_path):
    """ffmpeg reads DOMAIN_MIN..MAX as 0..MAX-MIN: the same file rewritten so is graded as ffmpeg
    grades the original."""
    src, _ = picture
    cube = read_cube(luts / name)
    lut = cube.lut3d or cube.shaper
    lut.domain_max, lut.domain_min = lut.domain_max - lut.domain_min, np.zeros(3, np.float32)
    as_ffmpeg_reads = tmp_path / "as_ffmpeg_reads.cube"
    write_cube(as_ffmpeg_reads, lut, decimals=7)
    out = tmp_path / "out.png"
    assert _apply(src, "-o", out, "--lut", as_ffmpeg_reads) == 0
    reference = ffmpeg_graded(src, luts / name, tmp_path / "ff.png", FFMPEG_IGNORES_DOMAIN_MIN[name])
    assert np.abs(read_rgb(out) - reference).max() <= 2


def test_lut_intensity_blends_and_combines_with_a_look(luts, picture, tmp_path):
    src, img = picture
    lut = luts / "colour_iridas_Colour_Correct_3d.cube"
    half, full = tmp_path / "half.png", tmp_path / "full.png"
    assert _apply(src, "-o", half, "--lut", lut, "--lut-intensity", "50") == 0
    assert _apply(src, "-o", full, "--lut", lut) == 0
    # This LUT's values leave [0, 1]: the blend mixes them unclipped, the result is clipped once.
    x = img.astype(np.float32) / 255
    expected = np.round(np.clip(x + 0.5 * (apply_cube(x, read_cube(lut)) - x), 0, 1) * 255)
    assert np.abs(read_rgb(half) - expected).max() <= 2
    assert np.abs(read_rgb(full) - reader_graded(img, read_cube(lut))).max() <= 2
    look = tmp_path / "look.json"
    look.write_text(
        json.dumps({"adjust": {"exposure": 40}, "filter": {"name": "faded_HighNoon", "intensity": 40}})
    )
    both = tmp_path / "both.png"
    assert _apply(src, "-o", both, "--look", look, "--lut", lut) == 0
    graded = render_cpu(
        img.astype(np.float32) / 255, Look({"exposure": 40}, None, FilterChoice(str(lut), 100))
    )
    assert np.abs(read_rgb(both) - np.round(np.clip(graded, 0, 1) * 255)).max() <= 2


@pytest.mark.parametrize(
    ("content", "says"),
    [("not a lut at all\n", "line 1"), ("LUT_3D_SIZE 2\n0 0 0\n", "ends after 1 of the 8 rows")],
    ids=["text", "short"],
)
def test_a_file_that_is_not_a_lut_gets_the_readers_sentence(content, says, picture, tmp_path, capsys):
    bad = tmp_path / "bad.cube"
    bad.write_text(content)
    assert _apply(picture[0], "-o", tmp_path / "out.png", "--lut", bad) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err and "Traceback" not in err
    assert not (tmp_path / "out.png").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--lut", "look.json"], "--lut needs a .cube file"),
        (["--lut", "gone.cube"], "missing"),
        (["--lut", "x.cube", "--lut-intensity", "101"], "0..100"),
    ],
)
def test_bad_lut_arguments_are_refused(args, says, picture, tmp_path, capsys):
    (tmp_path / "x.cube").write_text("LUT_3D_SIZE 2\n" + "0 0 0\n" * 8)
    args = [str(tmp_path / a) if a.endswith((".cube", ".json")) else a for a in args]
    assert _apply(picture[0], "-o", tmp_path / "out.png", *args) == 2
    assert says in capsys.readouterr().err


# -- the schema and the library ------------------------------------------------------------


def test_a_user_lut_look_is_version_2_and_older_looks_still_load():
    look = Look(filter=FilterChoice("my.cube", 60))
    assert look.to_dict() == {"schema_version": 2, "filter": {"lut": "my.cube", "intensity": 60}}
    assert Look.from_dict(look.to_dict()) == look
    plain = Look({"contrast": 10}, None, FilterChoice("faded_HighNoon", 40))
    assert plain.to_dict()["schema_version"] == 1
    assert Look.from_dict(
        {"schema_version": 1, "filter": {"name": "faded_HighNoon", "intensity": 40}}
    ) == Look(filter=FilterChoice("faded_HighNoon", 40))
    with pytest.raises(LookError, match="version 3 is not supported"):
        Look.from_dict({"schema_version": 3})
    with pytest.raises(LookError, match="must name a .cube file"):
        Look.from_dict({"filter": {"lut": "my.png"}})
    with pytest.raises(LookError, match="'name' \\(or a 'lut' file\\)"):
        Look.from_dict({"filter": {"lut": "my.cube", "name": "faded_HighNoon"}})


def test_the_model_never_reads_a_user_lut_from_its_text():
    from editor.schema import parse_tool_text

    with pytest.raises(LookError):
        parse_tool_text("filter", "my.cube 60")


def test_import_copies_into_the_library_so_a_moved_original_still_grades(luts, picture, tmp_path):
    src, img = picture
    original = tmp_path / "mine.cube"
    shutil.copyfile(luts / "colour_iridas_Colour_Correct_3d.cube", original)
    name = user_luts.import_lut(original)
    assert name == "mine.cube" and user_luts.import_lut(original) == "mine.cube"
    assert (user_luts.library_dir() / name).read_bytes() == original.read_bytes()
    other = tmp_path / "other" / "mine.cube"
    other.parent.mkdir()
    shutil.copyfile(luts / "colour_iridas_Three_Dimensional_Table_notitle.cube", other)
    assert user_luts.import_lut(other) == "mine-2.cube"
    original.unlink()
    look_file = tmp_path / "look.json"
    Look(filter=FilterChoice(name, 100)).save(look_file)
    assert json.loads(look_file.read_text())["filter"] == {"lut": "mine.cube", "intensity": 100}
    out = tmp_path / "out.png"
    assert _apply(src, "-o", out, "--look", look_file) == 0
    reference = reader_graded(img, read_cube(luts / "colour_iridas_Colour_Correct_3d.cube"))
    diff = np.abs(read_rgb(out) - reference)
    assert diff.max() <= 2


def test_import_refuses_a_file_that_is_not_a_lut(tmp_path):
    bad = tmp_path / "bad.cube"
    bad.write_text("hello\n")
    with pytest.raises(Exception, match="bad.cube line 1"):
        user_luts.import_lut(bad)
    assert user_luts.library_names() == []


def test_a_missing_lut_is_reported_never_rendered_black(picture, tmp_path, capsys):
    look_file = tmp_path / "look.json"
    Look(filter=FilterChoice("deleted.cube", 80)).save(look_file)
    look = Look.load(look_file)
    assert user_luts.missing(look) == "deleted.cube"
    out = tmp_path / "out.png"
    assert _apply(picture[0], "-o", out, "--look", look_file) == 2
    err = capsys.readouterr().err
    assert "The LUT 'deleted.cube' is missing (not in the LUT library" in err and "Relink Missing LUT" in err
    assert err.strip().count("\n") == 0
    assert not out.exists()


def test_a_lut_beside_its_look_file_is_found(luts, picture, tmp_path):
    shutil.copyfile(luts / "ocio_resolve_1d3d.cube", tmp_path / "beside.cube")
    look_file = tmp_path / "look.json"
    look_file.write_text(json.dumps({"schema_version": 2, "filter": {"lut": "beside.cube"}}))
    out = tmp_path / "out.png"
    assert _apply(picture[0], "-o", out, "--look", look_file) == 0
    reference = reader_graded(picture[1], read_cube(luts / "ocio_resolve_1d3d.cube"))
    assert np.abs(read_rgb(out) - reference).max() <= 2


def test_the_gpu_grades_a_user_lut_as_the_reference_does(luts, gl_ctx, picture):
    from editor.gl import GLRenderer

    renderer = GLRenderer(gl_ctx)
    img = picture[1]
    for name in LUT_NAMES:
        look = Look({"contrast": 20}, None, FilterChoice(str(luts / name), 70))
        renderer.set_look(look)
        gpu = renderer.render(img).astype(int)
        cpu = np.round(np.clip(render_cpu(img.astype(np.float32) / 255, look), 0, 1) * 255)
        assert np.abs(gpu - cpu).max() <= 2, name
    renderer.release()


def test_look_to_cube_finds_a_lut_beside_the_look(luts, tmp_path):
    shutil.copyfile(luts / "colour_iridas_Colour_Correct_3d.cube", tmp_path / "cc.cube")
    look_file = tmp_path / "look.json"
    look_file.write_text(json.dumps({"schema_version": 2, "filter": {"lut": "cc.cube"}}))
    assert main(["look-to-cube", str(look_file), "-o", str(tmp_path / "baked.cube")]) == 0
    baked = read_cube(tmp_path / "baked.cube")
    rgb = np.random.default_rng(2).random((300, 3), dtype=np.float32)
    expected = np.clip(apply_cube(rgb, read_cube(luts / "colour_iridas_Colour_Correct_3d.cube")), 0, 1)
    # The baked table holds the unclipped values; a player clips them on display.
    assert np.abs(np.clip(apply_cube(rgb, baked), 0, 1) - expected).max() < 0.01
