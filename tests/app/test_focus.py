"""Keyboard focus as a creator expects it: the prompt box keeps only the keys that type,
the window's shortcuts work everywhere else, and focus goes back to the picture once a
look is applied.

Keys are sent to the widget that has focus, the way a keyboard delivers them, so that
the prompt box gets its say over each shortcut first. The model answers from a script
(the real window handlers run on it), as in test_prompt.py.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from editor.app.export_dialog import ExportDialog
from editor.app.workers import PromptAnswer
from editor.model import Suggestion
from editor.project import EditState
from editor.samples import sample_video
from editor.schema import Look, describe

GOLDEN = Look(adjust={"temperature": 30, "brightness": 10})


@pytest.fixture
def on_video(window, monkeypatch):
    """The window on the sample video; every prompt answers ``GOLDEN`` as a new look."""

    answer = Suggestion(GOLDEN, describe(GOLDEN), {"mode": "new"}, [], 3.0, "new")

    def suggest(intent, model_dir, device, refine=False):
        window.model.suggested.emit(PromptAnswer(intent, answer, refine, "scripted-model"))

    monkeypatch.setattr(window.model, "suggest", suggest)
    assert window.open_media(sample_video())
    return window


def _key(qtbot, key, modifier=Qt.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _into_prompt(window, qtbot, text: str = "") -> None:
    qtbot.mouseClick(window.prompt, Qt.LeftButton)
    qtbot.waitUntil(window.prompt.hasFocus)
    if text:
        qtbot.keyClicks(window.prompt, text)


def _enter_in_prompt(window, qtbot, text: str) -> None:
    """Type ``text`` in the prompt box, press Enter, and wait for the look and the focus."""
    _into_prompt(window, qtbot, text)
    with qtbot.waitSignal(window.look_applied):
        _key(qtbot, Qt.Key_Return)
    qtbot.waitUntil(window.preview.hasFocus)


def test_after_enter_focus_is_on_the_picture_and_space_plays(on_video, qtbot):
    window = on_video
    _enter_in_prompt(window, qtbot, "golden hour")
    assert window.state.look() == GOLDEN and window.prompt.text() == ""

    with qtbot.waitSignal(window.player.playing_changed) as playing:
        _key(qtbot, Qt.Key_Space)
    assert playing.args == [True] and window.prompt.text() == ""
    _key(qtbot, Qt.Key_K)
    assert not window.player.playing


def test_apply_button_also_hands_focus_back(on_video, qtbot):
    window = on_video
    _into_prompt(window, qtbot, "golden hour")
    apply_button = next(b for b in window.prompt_panel.findChildren(QPushButton) if b.text() == "Apply")
    with qtbot.waitSignal(window.look_applied):
        qtbot.mouseClick(apply_button, Qt.LeftButton)
    qtbot.waitUntil(window.preview.hasFocus)


def test_esc_or_a_click_on_the_picture_leaves_the_box(on_video, qtbot):
    window = on_video
    _into_prompt(window, qtbot, "warm")
    _key(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(window.preview.hasFocus)
    assert window.prompt.text() == "warm"
    start = window.player.position
    _key(qtbot, Qt.Key_Right)
    qtbot.waitUntil(lambda: window.player.position > start, timeout=10_000)
    assert window.prompt.text() == "warm"

    _into_prompt(window, qtbot)
    qtbot.mouseClick(window.preview, Qt.LeftButton, pos=window.preview.rect().center())
    qtbot.waitUntil(window.preview.hasFocus)


def test_keys_type_while_typing_and_other_shortcuts_still_work(on_video, qtbot):
    window = on_video
    _into_prompt(window, qtbot, "a bit")
    for key in (Qt.Key_Space, Qt.Key_J, Qt.Key_L, Qt.Key_Backslash):
        _key(qtbot, key)
    _key(qtbot, Qt.Key_Left)
    assert window.prompt.text() == "a bit jl\\"
    assert not window.player.playing and window.player.position == 0.0 and window.preview.mode == "after"

    _key(qtbot, Qt.Key_E, Qt.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    dialog.reject()
    assert window.prompt.text() == "a bit jl\\"


def test_shortcuts_work_from_the_tools_panel(on_video, qtbot):
    window = on_video
    window.tools.reset_button.setFocus()
    qtbot.waitUntil(window.tools.reset_button.hasFocus)
    with qtbot.waitSignal(window.player.playing_changed) as playing:
        _key(qtbot, Qt.Key_Space)
    assert playing.args == [True]
    _key(qtbot, Qt.Key_K)
    assert not window.player.playing


def test_ctrl_z_undoes_typing_first_and_the_look_in_an_unchanged_box(on_video, qtbot):
    window = on_video
    _enter_in_prompt(window, qtbot, "golden hour")

    _into_prompt(window, qtbot)
    _key(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert window.state == EditState() and window.prompt.text() == ""
    _key(qtbot, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.state.look() == GOLDEN

    qtbot.keyClicks(window.prompt, "x")
    _key(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert window.prompt.text() == "" and window.state.look() == GOLDEN
    _key(qtbot, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.prompt.text() == "x" and window.state.look() == GOLDEN
