"""Export through the dialog (real PyAV files), cancel, the prompt with the real model, and stats."""

import os
import subprocess
import sys

import av
import pytest

from editor.events import read_events
from editor.intent import NOT_UNDERSTOOD
from editor.paths import default_model_dir
from editor.samples import sample_video
from editor.schema import FilterChoice, Look
from editor.settings import events_path

LOOK = Look(adjust={"contrast": 20, "temperature": 30}, filter=FilterChoice("cinematic_TealOrange", 60))


def _dialog(window, target):
    dialog = window.open_export_dialog()
    dialog.target.setText(str(target))
    dialog.open_folder.setChecked(False)
    dialog.size_box.setCurrentIndex(dialog.size_box.findData(None))
    return dialog


def test_export_through_the_dialog(window, qtbot, tmp_path, answer):
    assert window.open_media(sample_video())
    window.push_state(window.state.with_suggestion(LOOK), "look")
    target = tmp_path / "out.mp4"
    dialog = _dialog(window, target)
    assert dialog.target.text() != str(sample_video())
    with qtbot.waitSignal(dialog.exported, timeout=90_000):
        dialog.export_button.click()
    with av.open(str(target)) as container:
        assert container.streams.video and container.streams.audio
        assert container.streams.video[0].codec_context.name == "h264"
    exported = [e for e in read_events(events_path()) if e.kind == "exported"]
    assert len(exported) == 1
    assert Look.from_dict(exported[0].payload["look"]) == LOOK
    assert exported[0].payload["kept"] == {"adjust": True, "selective_adjust": False, "filter": True}

    answer("Don't Save")
    assert window.open_media(sample_video())
    rows = _stats()
    assert rows["no"][2:] == ["2", "1", "50.0%"]  # "no prompt": two projects started, one exported


def _stats() -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-m", "editor", "stats", "--log", str(events_path())],
        capture_output=True, text=True, check=True,
    ).stdout
    return {line.split()[0]: line.split() for line in out.splitlines()[1:]}


def test_export_refuses_the_source_and_cancel_leaves_nothing(window, qtbot, tmp_path):
    assert window.open_media(sample_video())
    dialog = _dialog(window, sample_video())
    before = sample_video().stat().st_mtime_ns
    dialog.export_button.click()
    assert dialog.job is None and "source file" in dialog.status.text()
    assert sample_video().stat().st_mtime_ns == before

    dialog.target.setText(str(tmp_path / "cancelled.mp4"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=60_000)
    with qtbot.waitSignal(dialog.job.cancelled, timeout=60_000):
        dialog.cancel_button.click()
    assert "cancelled" in dialog.status.text()
    assert sorted(os.listdir(tmp_path)) == ["data", "settings.ini"]


def _require_model():
    if not (default_model_dir() / "model.bin").is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"The shipped student model is missing from {default_model_dir()}.")
        pytest.skip("the student model has not been trained into models/student yet")


def test_prompt_applies_the_models_look_and_stats(window, qtbot, tmp_path, graded_error, answer):
    _require_model()
    from editor.model import Student

    assert window.open_media(sample_video())
    window.prompt.setText("moody winter morning")
    with qtbot.waitSignal(window.look_applied, timeout=60_000) as applied:
        qtbot.keyClick(window.prompt, "\r")
    expected = Student().suggest("moody winter morning").look
    assert applied.args[0] == expected and not expected.is_neutral
    assert window.explanation.text().startswith("\u2022 ")
    errors = graded_error(window, expected)
    spatial = any(expected.adjust_value(n) for n in ("bloom", "sharpen", "structure"))
    assert errors.max() <= (8 if spatial else 2) and errors.mean() < 0.5
    prompts = [e for e in read_events(events_path()) if e.kind == "prompt_submitted"]
    assert prompts[0].payload == {"intent": "moody winter morning", "look": expected.to_dict(), "mode": "new"}
    variant = prompts[0].model_variant
    assert variant == window.project.model_variant

    answer("Don't Save")
    assert window.open_media(sample_video())
    rows = _stats()
    assert rows[variant][1:] == ["1", "0", "0.0%"]
    assert rows["no"][2:] == ["1", "0", "0.0%"]


def test_real_model_reads_a_change_and_a_request_it_cannot_do(window, qtbot):
    """Needs a student that writes the request's mode (the fourth prompt)."""
    _require_model()
    assert window.open_media(sample_video())
    for intent in ("golden hour", "make it brighter"):
        window.prompt.setText(intent)
        with qtbot.waitSignal(window.look_applied, timeout=60_000):
            qtbot.keyClick(window.prompt, "\r")
        if intent == "golden hour":
            golden = window.state.look()
    look = window.state.look()
    assert window.explanation.text().startswith("Applied as a change to the current look")
    assert look.adjust_value("brightness") + look.adjust_value("exposure") > (
        golden.adjust_value("brightness") + golden.adjust_value("exposure")
    )
    assert look.adjust_value("temperature") >= golden.adjust_value("temperature") > 0
    assert look.filter == golden.filter
    state, steps = window.state, window.undo_stack.count()
    window.prompt.setText("asdfgh")
    with qtbot.waitSignal(window.not_understood, timeout=60_000):
        qtbot.keyClick(window.prompt, "\r")
    assert window.state == state and window.undo_stack.count() == steps
    assert window.explanation.text() == NOT_UNDERSTOOD


def test_missing_model_is_a_sentence_and_the_app_keeps_running(window, qtbot, tmp_path):
    window.settings.model_dir = tmp_path / "no-model"
    assert window.open_media(sample_video())
    window.prompt.setText("moody winter")
    with qtbot.waitSignal(window.prompt_failed, timeout=30_000) as failed:
        qtbot.keyClick(window.prompt, "\r")
    message = failed.args[0]
    assert "no-model" in message and "Traceback" not in message and message.endswith(".")
    assert window.statusBar().currentMessage() == message
    window.tools.sliders["adjust.contrast"].slider.setValue(30)
    assert window.state.look().adjust["contrast"] == 30
