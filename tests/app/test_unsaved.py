"""Unsaved changes: the title's ``*``, and the save question on Ctrl+Q or closing the window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.app.autosave import autosave_dir
from editor.project import Project
from editor.samples import sample_photo

QUESTION_BUTTONS = {"Save", "Don't Save", "Cancel"}


def _edit(window, value: int = 40) -> None:
    window.tools.sliders["adjust.contrast"].slider.setValue(value)


def _quit(qtbot, window) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key_Q, Qt.ControlModifier)


def test_the_title_marks_unsaved_changes(window, tmp_path):
    assert window.open_media(sample_photo())
    assert window.windowTitle() == "astronaut.jpg[*] \u2014 moodgrade" and not window.isWindowModified()
    _edit(window)
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()
    window.undo_stack.redo()
    assert window.isWindowModified()
    assert window.save_project(tmp_path / "p.moodgrade")
    assert not window.isWindowModified()
    window.undo_stack.undo()
    assert window.isWindowModified()


def test_ctrl_q_with_changes_asks_and_cancel_keeps_working(window, qtbot, answer):
    assert window.open_media(sample_photo())
    _edit(window)
    question = answer("Cancel")
    _quit(qtbot, window)
    assert question.text == "Save changes to the project for astronaut.jpg?"
    assert set(question.buttons) == QUESTION_BUTTONS
    assert window.isVisible() and window.state.value("adjust.contrast") == 40


def test_save_saves_then_quits(window, qtbot, answer, tmp_path):
    assert window.open_media(sample_photo())
    path = tmp_path / "p.moodgrade"
    assert window.save_project(path)
    _edit(window, 25)
    question = answer("Save")
    _quit(qtbot, window)
    assert question.text == "Save changes to p.moodgrade?"
    assert not window.isVisible()
    assert Project.load(path).state.value("adjust.contrast") == 25


def test_closing_the_window_with_dont_save_loses_only_the_changes(window, answer, tmp_path):
    assert window.open_media(sample_photo())
    path = tmp_path / "p.moodgrade"
    assert window.save_project(path)
    _edit(window)
    window.autosave()
    question = answer("Don't Save")
    window.close()
    assert question.text and not window.isVisible()
    assert Project.load(path).state.value("adjust.contrast") == 0
    assert not window.autosaver.path.exists()


def test_no_question_without_changes(window, qtbot, answer):
    assert window.open_media(sample_photo())
    _edit(window)
    window.undo_stack.undo()
    question = answer("Cancel")
    _quit(qtbot, window)
    assert not window.isVisible() and question.text == ""


def test_a_restored_project_counts_as_unsaved(window, answer):
    assert window.open_media(sample_photo())
    _edit(window)
    window.project.save(autosave_dir() / "crashed.moodgrade")
    assert window.restore_autosave()
    assert window.isWindowModified() and window.state.value("adjust.contrast") == 40
    question = answer("Cancel")
    window.close()
    assert question.text and window.isVisible()
