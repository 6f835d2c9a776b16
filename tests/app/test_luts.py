"""Filter › Import LUT…: every real test LUT imported through the app grades the preview as
the reader (and, where it reads the file right, ffmpeg) does; a project with one saved,
reopened and exported; a missing LUT reported with a relink offer, never rendered black."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from editor import user_luts
from editor.lut import apply_cube, read_cube
from editor.schema import FilterChoice, Look

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
LUTS = TESTDATA / "luts"
#: What ffmpeg 5.1 reads as the format says (tests/test_user_luts.py has the others).
FFMPEG_READS = {
    "colour_iridas_Colour_Correct_3d.cube": "lut3d=interp=trilinear",
    "colour_iridas_Three_Dimensional_Table_notitle.cube": "lut3d=interp=trilinear",
    "colour_iridas_Demo_1d_domain.cube": "lut1d=interp=linear",
}


@pytest.fixture
def luts() -> Path:
    if not LUTS.is_dir():
        pytest.fail(f"The shared test LUTs are missing at {LUTS}; these tests need ../shared/testdata.")
    return LUTS


@pytest.fixture
def photo(tmp_path, luts) -> Path:
    path = tmp_path / "photo.png"
    rocket = Image.open(TESTDATA / "media" / "photo_rocket_640x427_pd.jpg").convert("RGB")
    rocket.save(path)
    return path


def _reference(frame: np.ndarray, lut: Path) -> np.ndarray:
    out = apply_cube(frame.astype(np.float32) / 255.0, read_cube(lut))
    return np.clip(np.round(out * 255.0), 0, 255).astype(int)


def _ffmpeg(src: Path, lut: Path, spec: str, out: Path) -> np.ndarray:
    kind, _, option = spec.partition("=")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(src), "-vf", f"{kind}=file={lut}:{option}",
                    "-pix_fmt", "rgb24", str(out)], check=True, timeout=60)
    return np.asarray(Image.open(out).convert("RGB")).astype(int)


def test_every_real_lut_imported_in_the_app_grades_the_preview_like_the_reader(
    window, qtbot, luts, photo, tmp_path
):
    assert window.open_media(photo)
    window.tools.tabs.setCurrentIndex(2)
    gallery = window.tools.filter_gallery
    errors = {}
    for path in sorted(luts.glob("*.cube")):
        name = window.luts.import_file(path)
        assert name == path.name and window.state.look().filter.name == name
        assert (user_luts.library_dir() / name).is_file()
        graded = window.preview.read_graded().astype(int)
        errors[name] = int(np.abs(graded - _reference(window.preview.frame, path)).max())
        if name in FFMPEG_READS:
            ffmpeg = _ffmpeg(photo, path, FFMPEG_READS[name], tmp_path / "ff.png")
            errors[f"{name} vs ffmpeg"] = int(np.abs(graded - ffmpeg).max())
    assert max(errors.values()) <= 2, errors
    assert set(gallery.user_luts) == {p.name for p in luts.glob("*.cube")}
    header = gallery.list.headers["My LUTs"]
    assert not header.isHidden()
    # Its thumbnail is the current frame through the LUT, like the presets'.
    qtbot.waitUntil(lambda: not window.thumbnails.queue, timeout=20_000)
    icon = gallery.items["colour_iridas_Colour_Correct_3d.cube"].icon().pixmap(88, 55).toImage()
    assert len({icon.pixel(x, y) for x in range(0, 88, 8) for y in range(0, 55, 8)}) > 4


def test_a_file_that_is_not_a_lut_is_one_sentence(window, photo, tmp_path):
    assert window.open_media(photo)
    bad = tmp_path / "holiday.cube"
    bad.write_text("these are not numbers\n")
    assert window.luts.import_file(bad) is None
    assert "holiday.cube line 1" in window.statusBar().currentMessage()
    assert window.state.look().filter is None and user_luts.library_names() == []


def test_a_project_with_a_user_lut_is_saved_reopened_and_exported(window, qtbot, luts, photo, tmp_path):
    from editor.app.workers import ExportJob
    from editor.export import ExportSettings

    assert window.open_media(photo)
    original = tmp_path / "mine.cube"
    shutil.copyfile(luts / "colour_resolve_LogC_Video_1d3d.cube", original)
    window.luts.import_file(original)
    window._on_value_edited("filter.intensity", 70, None)
    project = tmp_path / "p.moodgrade"
    assert window.save_project(project)
    original.unlink()
    assert window.open_project(project)
    look = window.state.look()
    assert look.filter == FilterChoice("mine.cube", 70) and window.luts.missing is None
    out = tmp_path / "out.png"
    job = ExportJob(photo, out, look, ExportSettings())
    results = []
    job.finished.connect(results.append)
    job.start()
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    frame = np.asarray(Image.open(photo).convert("RGB"))
    x = frame.astype(np.float32) / 255
    graded = x + 0.7 * (apply_cube(x, read_cube(luts / "colour_resolve_LogC_Video_1d3d.cube")) - x)
    expected = np.round(np.clip(graded, 0, 1) * 255)
    assert np.abs(np.asarray(Image.open(out).convert("RGB")).astype(int) - expected).max() <= 2


def test_a_missing_lut_is_offered_for_relinking_and_never_shown_black(window, answer, luts, photo, tmp_path):
    assert window.open_media(photo)
    window.luts.import_file(luts / "colour_iridas_Colour_Correct_3d.cube")
    project = tmp_path / "p.moodgrade"
    window._on_value_edited("adjust.exposure", 30, None)
    assert window.save_project(project)
    # Neither in the library nor beside the project: the project came without its LUTs folder.
    (user_luts.library_dir() / "colour_iridas_Colour_Correct_3d.cube").unlink()
    shutil.rmtree(user_luts.beside(project))
    question = answer("Not Now")
    assert window.open_project(project)
    assert "colour_iridas_Colour_Correct_3d.cube" in question.text and question.buttons == [
        "Relink\u2026",
        "Not Now",
    ]
    assert "is missing" in window.statusBar().currentMessage()
    assert window.luts.relink_action.isEnabled()
    # Shown with the rest of the look, without the LUT: not black, not the bare source.
    without = Look({"exposure": 30})
    assert window.preview.renderer.look == without
    assert window.preview.read_graded().mean() > 20
    moved = tmp_path / "moved" / "cc.cube"
    moved.parent.mkdir()
    shutil.copyfile(luts / "colour_iridas_Colour_Correct_3d.cube", moved)
    assert window.luts.relink_file(moved)
    assert window.luts.missing is None and not window.luts.relink_action.isEnabled()
    assert window.preview.renderer.look == window.state.look()
    assert window.state.look().filter.name == "colour_iridas_Colour_Correct_3d.cube"


def test_a_project_carries_its_lut_beside_it_to_another_machine(window, luts, photo, tmp_path):
    assert window.open_media(photo)
    window.luts.import_file(luts / "ocio_resolve_1d3d.cube")
    project = tmp_path / "trip" / "p.moodgrade"
    project.parent.mkdir()
    assert window.save_project(project)
    copy = tmp_path / "trip" / "p LUTs" / "ocio_resolve_1d3d.cube"
    assert copy.read_bytes() == (luts / "ocio_resolve_1d3d.cube").read_bytes()
    # Another machine: the folder moved, the library empty.
    moved = tmp_path / "elsewhere"
    shutil.move(project.parent, moved)
    shutil.rmtree(user_luts.library_dir())
    assert window.open_project(moved / "p.moodgrade")
    assert window.luts.missing is None and "ocio_resolve_1d3d.cube" in window.tools.filter_gallery.user_luts
    assert window.preview.renderer.look == window.state.look()
    graded = window.preview.read_graded().astype(int)
    assert np.abs(graded - _reference(window.preview.frame, luts / "ocio_resolve_1d3d.cube")).max() <= 2


def test_export_is_refused_while_the_lut_is_missing(window, photo):
    assert window.open_media(photo)
    window._on_value_edited("filter.name", "gone.cube", None)
    assert window.luts.missing == "gone.cube"
    assert window.open_export_dialog() is None
    assert "gone.cube is missing; relink it" in window.statusBar().currentMessage()
