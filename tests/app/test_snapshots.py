"""Snapshots of the grade and their A/B comparison."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.samples import sample_photo
from editor.schema import Look


def test_take_compare_flip_and_restore(window, qtbot):
    assert window.open_media(sample_photo())
    snaps = window.snapshots
    window._on_value_edited("adjust.temperature", 40, None)
    warm = window.state
    assert snaps.take().name == "Snapshot 1"
    window._on_value_edited("adjust.temperature", -40, None)
    window._on_value_edited("adjust.contrast", 25, None)
    cool = window.state
    snaps.take()
    window._on_value_edited("adjust.exposure", 30, None)
    current = window.state
    panel = snaps.panel
    assert [panel.a_box.currentText(), panel.b_box.currentText()] == ["Snapshot 1", "Snapshot 2"]
    assert panel.flip_button.isEnabled()

    panel.compare_button.click()
    assert snaps.showing == "A" and window.preview.renderer.look == warm.look()
    assert window.state == current and panel.showing.text() == "Showing A: Snapshot 1"
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key_B, Qt.ControlModifier | Qt.ShiftModifier)
    assert snaps.showing == "B" and window.preview.renderer.look == cool.look()
    panel.flip_button.click()
    assert snaps.showing == "A"
    panel.compare_button.click()
    assert snaps.showing is None and window.preview.renderer.look == current.look()

    # An edit while comparing shows the current grade again.
    panel.compare_button.click()
    window._on_value_edited("adjust.exposure", 35, None)
    assert snaps.showing is None and not panel.compare_button.isChecked()
    assert window.preview.renderer.look == window.state.look()

    panel.list.setCurrentRow(1)
    panel.restore_button.click()
    assert window.state == cool and window.preview.renderer.look == cool.look()
    window.undo_stack.undo()
    assert window.state.look().adjust_value("exposure") == 35


def test_delete_and_a_new_clip_starts_without_snapshots(window):
    assert window.open_media(sample_photo())
    window.snapshots.take()
    window.snapshots.take()
    assert window.snapshots.delete(0)
    assert [s.name for s in window.snapshots.snapshots] == ["Snapshot 2"]
    assert not window.snapshots.panel.flip_button.isEnabled()
    assert window.snapshots.take().name == "Snapshot 3"
    assert window.snapshots.panel.flip_button.isEnabled()
    window.snapshots.clear()
    assert window.snapshots.snapshots == [] and not window.snapshots.panel.compare_button.isEnabled()
    assert window.open_media(sample_photo()) and window.snapshots.snapshots == []
    assert window.preview.renderer.look == Look()
