"""A file the user asked for that cannot be opened keeps its sentence on the status line,
even after the menus are browsed, and no sample is opened in its place; project files
are recognised whatever the case of their extension."""

import subprocess
import sys

import pytest

from editor.app import files, open_first
from editor.project import Project
from editor.samples import sample_photo, sample_video


def _audio_only(path):
    subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=duration=0.5", "-c:a", "aac", str(path)],
        check=True,
    )


BAD_FILES = {
    "malformed project": ("bad.moodgrade", lambda p: p.write_text("{not json"), "cannot be read"),
    "empty project": ("empty.moodgrade", lambda p: p.write_bytes(b""), "empty"),
    "future project": ("new.moodgrade", lambda p: p.write_text('{"project_version": 2}'), "version 2"),
    "upper-case malformed project": ("BAD.MOODGRADE", lambda p: p.write_text("[1, 2"), "cannot be read"),
    "malformed project from before the rename": (
        "Old.EditorProj",
        lambda p: p.write_text("{"),
        "cannot be read",
    ),
    "text renamed .mp4": ("notes.mp4", lambda p: p.write_text("shopping list"), "notes.mp4"),
    "audio only": ("song.mp4", _audio_only, "song.mp4"),
}


def _browse_the_menus(window, qtbot):
    """Hover every File menu item, as a user looking for what to do next would."""
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    for action in menu.actions():
        if not action.isSeparator():
            menu.setActiveAction(action)
    menu.hide()


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_file_that_cannot_be_opened_keeps_its_sentence(window, qtbot, tmp_path, case):
    name, make, words = BAD_FILES[case]
    path = tmp_path / name
    make(path)
    open_first(window, path)
    message = window.statusBar().currentMessage()
    assert window.project is None and not window.preview.has_frame
    assert words in message and message.endswith(".") and "\n" not in message
    assert sample_video().name not in message and window.statusBar().property("error")
    _browse_the_menus(window, qtbot)
    assert window.statusBar().currentMessage() == message


def test_an_upper_case_project_extension_opens_the_project(window, tmp_path):
    path = tmp_path / "Trip.MOODGRADE"
    project = Project(source=sample_photo().resolve())
    project.state = project.state.with_value("adjust.contrast", 30)
    project.save(path)
    open_first(window, path)
    assert window.project_path == path and window.state.value("adjust.contrast") == 30
    assert window.info.kind == "photo"


def test_without_a_file_the_sample_opens(window):
    open_first(window, None)
    assert window.project.source == sample_video().resolve()


# The real command: the app starts on a file it cannot open, then a slot fails
# unexpectedly; the status line is printed before the app quits.
_START = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from editor import cli

app = QApplication(sys.argv[:1])

def fail():
    raise RuntimeError("a slot went wrong")

def report():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    print("STATUS", window.statusBar().currentMessage())
    app.quit()

QTimer.singleShot(500, fail)
QTimer.singleShot(1500, report)
sys.exit(cli.main(sys.argv[1:]))
"""


def test_the_terminal_gets_one_line_per_problem_and_the_log_file_the_details(tmp_path, data_dir):
    bad = tmp_path / "notes.mp4"
    bad.write_text("shopping list")
    run = subprocess.run(
        [sys.executable, "-c", _START, str(bad)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    status = next(line for line in run.stdout.splitlines() if line.startswith("STATUS "))
    assert "a slot went wrong" in status and "moodgrade.log" in status
    ours = [line for line in run.stderr.splitlines() if line.startswith(("WARNING editor", "ERROR editor"))]
    assert len(ours) == 2 and "notes.mp4" in ours[0] and "a slot went wrong" in ours[1], run.stderr
    assert "Traceback" not in run.stderr
    logged = (data_dir / "moodgrade.log").read_text(encoding="utf-8")
    assert logged.count("Traceback") >= 2 and "RuntimeError: a slot went wrong" in logged


def test_a_project_whose_source_cannot_be_read_leaves_the_open_one_as_it_was(window, tmp_path):
    notes = tmp_path / "notes.mp4"
    notes.write_text("shopping list")
    path = tmp_path / "p.moodgrade"
    Project(source=notes.resolve()).save(path)
    open_first(window, path)
    assert window.project is None and "notes.mp4" in window.statusBar().currentMessage()

    assert window.open_media(sample_photo())
    opened = window.project
    assert not window.open_project(path)
    assert window.project is opened and window.project_path is None and window.info.kind == "photo"


@pytest.mark.parametrize(
    "typed, saved",
    [
        ("Trip.MOODGRADE", "Trip.MOODGRADE"),
        ("Trip.EDITORPROJ", "Trip.EDITORPROJ"),
        ("trip.v2", "trip.v2.moodgrade"),
    ],
)
def test_save_as_keeps_the_extension_in_any_case(window, tmp_path, monkeypatch, typed, saved):
    folder = tmp_path / "projects"
    folder.mkdir()
    monkeypatch.setattr(files.QFileDialog, "getSaveFileName", lambda *args: (str(folder / typed), ""))
    assert window.open_media(sample_photo())
    assert window.files.save_as()
    assert [p.name for p in folder.iterdir()] == [saved] and window.project_path == folder / saved
