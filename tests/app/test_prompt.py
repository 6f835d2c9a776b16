"""The prompt box as a user drives it: new looks, changes, requests the tools cannot do,
and the few words the box runs itself.

The shipped model does not yet write a request's mode, so here the model service
answers with scripted suggestions (the real window handlers run on them); the same
flow with the real model is in test_export_and_prompt.py.
"""

import pytest
from PySide6.QtCore import Qt

from editor.app.explanation import APPLIED_AS_CHANGE
from editor.app.preview import AFTER, BEFORE
from editor.app.prompt import typed_command
from editor.app.workers import PromptAnswer
from editor.events import read_events
from editor.intent import NEW, NONE, NOT_UNDERSTOOD, RELATIVE
from editor.model import Suggestion
from editor.project import EditState
from editor.samples import sample_photo
from editor.schema import FilterChoice, Look, describe
from editor.settings import events_path

GOLDEN = Look(
    adjust={"temperature": 30, "brightness": 10, "contrast": 10, "saturation": 15},
    selective_adjust={"orange": {"saturation": 30, "luminance": 20}},
    filter=FilterChoice("warm_Golden", 40),
)
BRIGHTER = Look(adjust={"brightness": 15, "exposure": 25})
WINTER = Look(adjust={"temperature": -35, "saturation": -20})


def _suggestion(look: Look, mode: str) -> Suggestion:
    if mode == NONE:
        return Suggestion(Look(), [], {"mode": "none"}, [], 3.0, NONE)
    return Suggestion(look, describe(look), {"mode": mode}, [], 3.0, mode)


SCRIPT = {
    "golden hour": _suggestion(GOLDEN, NEW),
    "make it brighter": _suggestion(BRIGHTER, RELATIVE),
    "moody winter": _suggestion(WINTER, NEW),
    "asdfgh": _suggestion(Look(), NONE),
}


@pytest.fixture
def scripted(window, monkeypatch):
    """The window on the sample photo, its model answering from ``SCRIPT``; the intents
    the model was asked about are collected in ``window.asked``."""
    window.asked = []

    def suggest(intent, model_dir, device, refine=False):
        window.asked.append(intent)
        window.model.suggested.emit(PromptAnswer(intent, SCRIPT[intent], refine, "scripted-model"))

    monkeypatch.setattr(window.model, "suggest", suggest)
    assert window.open_media(sample_photo())
    return window


def _type(window, qtbot, text: str) -> None:
    window.prompt.setText(text)
    qtbot.keyClick(window.prompt, Qt.Key_Return)


def _modes() -> list[str]:
    return [e.payload["mode"] for e in read_events(events_path()) if e.kind == "prompt_submitted"]


def test_a_change_is_added_to_the_current_look_without_refine(scripted, qtbot, graded_error):
    window = scripted
    _type(window, qtbot, "golden hour")
    assert window.state.look() == GOLDEN
    with qtbot.waitSignal(window.look_applied):
        _type(window, qtbot, "make it brighter")
    look = window.state.look()
    assert not window.refine.isChecked()
    assert look.adjust_value("brightness") == 25 and look.adjust_value("exposure") == 25
    assert look.adjust_value("temperature") == 30 and look.adjust_value("saturation") == 15
    assert look.selective_adjust == GOLDEN.selective_adjust and look.filter == GOLDEN.filter
    assert graded_error(window, look).mean() < 0.5
    text = window.explanation.text()
    assert text.splitlines() == [APPLIED_AS_CHANGE] + [f"\u2022 {line}" for line in describe(look)]
    assert "brighter overall exposure (exposure +25)" in text and "Traceback" not in text
    assert "as a change" in window.statusBar().currentMessage()
    assert [p.refine for p in window.project.prompts] == [False, True]
    assert window.prompt.text() == "" and window.prompt.history == ["golden hour", "make it brighter"]
    assert _modes() == [NEW, RELATIVE]

    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert window.state.look() == GOLDEN


def test_a_new_look_replaces_and_refine_makes_every_request_a_change(scripted, qtbot):
    window = scripted
    assert "Always refine" in window.refine.toolTip()
    _type(window, qtbot, "golden hour")
    _type(window, qtbot, "moody winter")
    assert window.state.look() == WINTER
    assert not window.explanation.text().startswith(APPLIED_AS_CHANGE)

    window.refine.setChecked(True)
    _type(window, qtbot, "golden hour")
    look = window.state.look()
    assert look.adjust_value("temperature") == -5 and look.adjust_value("saturation") == -5
    assert look.filter == GOLDEN.filter
    assert window.explanation.text().startswith(APPLIED_AS_CHANGE)
    assert [p.refine for p in window.project.prompts] == [False, False, True]
    assert _modes() == [NEW, NEW, NEW]


def test_a_request_the_tools_cannot_do_changes_nothing_and_says_so(scripted, qtbot):
    window = scripted
    _type(window, qtbot, "golden hour")
    state, steps, before = window.state, window.undo_stack.count(), window.preview.read_graded()
    with qtbot.waitSignal(window.not_understood) as declined:
        _type(window, qtbot, "asdfgh")
    assert declined.args == ["asdfgh"]
    assert window.state == state and window.undo_stack.count() == steps
    assert (window.preview.read_graded() == before).all()
    assert window.explanation.text() == NOT_UNDERSTOOD
    assert window.statusBar().currentMessage() == NOT_UNDERSTOOD
    assert [p.intent for p in window.project.prompts] == ["golden hour"]
    assert window.prompt.text() == "asdfgh" and window.prompt.selectedText() == "asdfgh"
    events = [e for e in read_events(events_path()) if e.kind == "prompt_submitted"]
    assert events[-1].payload == {"intent": "asdfgh", "look": {"schema_version": 1}, "mode": NONE}

    _type(window, qtbot, "make it brighter")
    assert window.explanation.text().startswith(APPLIED_AS_CHANGE)
    assert window.state.look().adjust_value("brightness") == 25


def test_typed_commands_run_without_the_model(scripted, qtbot):
    window = scripted
    _type(window, qtbot, "golden hour")
    _type(window, qtbot, "Undo.")
    assert window.state == EditState() and "Undone" in window.statusBar().currentMessage()
    _type(window, qtbot, " redo ")
    assert window.state.look() == GOLDEN
    _type(window, qtbot, "RESET!")
    assert window.state == EditState() and window.undo_stack.count() == 2
    _type(window, qtbot, "undo")
    assert window.state.look() == GOLDEN

    _type(window, qtbot, "original")
    assert window.preview.mode == BEFORE and window.compare_box.currentText() == "Before"
    _type(window, qtbot, "Show original?")
    assert window.preview.mode == AFTER
    _type(window, qtbot, "\u201cbefore\u201d")
    assert window.preview.mode == BEFORE
    _type(window, qtbot, "after")
    assert window.preview.mode == AFTER and window.compare_box.currentText() == "After"

    assert window.asked == ["golden hour"]
    assert window.prompt.text() == "" and window.prompt.history == ["golden hour"]
    assert _modes() == [NEW]


def test_nothing_to_undo_is_said_not_done(scripted, qtbot):
    _type(scripted, qtbot, "undo")
    assert scripted.statusBar().currentMessage() == "Nothing to undo."
    assert scripted.asked == []


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("reset", "reset"),
        ("  Reset. ", "reset"),
        ("UNDO", "undo"),
        ("redo!", "redo"),
        ("show   Original", "original"),
        ("(before)", "original"),
        ("After...", "after"),
        ("reset the highlights", None),
        ("undo the warmth", None),
        ("make it brighter", None),
        ("!!!", None),
    ],
)
def test_which_words_are_commands(text, command):
    from editor.app.prompt import COMMANDS

    assert typed_command(text) is (COMMANDS[command] if command else None)
