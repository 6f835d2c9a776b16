"""View › Scopes on the graded preview frame, and the clipping warnings on the picture."""

from __future__ import annotations

from collections import Counter

import numpy as np
from PySide6.QtCore import Qt

from editor import scopes
from editor.app.help import menu_actions
from editor.samples import sample_photo, sample_video


def _open_scopes(window, qtbot):
    window.scopes.action.trigger()
    qtbot.waitUntil(lambda: window.scopes.panel.result is not None, timeout=10_000)
    return window.scopes.panel


def test_scopes_measure_the_graded_frame_reduced_on_the_gpu(window, qtbot):
    assert window.open_media(sample_photo())
    window._on_value_edited("adjust.temperature", 40, None)
    panel = _open_scopes(window, qtbot)
    assert window.scopes.dock.isVisible() and window.scopes.action.isChecked()
    full = window.preview.read_graded()
    small = window.preview.read_graded_reduced(scopes.SCOPE_WIDTH)
    np.testing.assert_array_equal(small, scopes.reduced(full))
    result = window.scopes.update_now()
    expected = scopes.compute(full)
    np.testing.assert_array_equal(result.histogram, expected.histogram)
    np.testing.assert_array_equal(result.parade, expected.parade)
    np.testing.assert_array_equal(result.vectorscope, expected.vectorscope)
    assert panel.histogram.pixmap() is not None and not panel.vectorscope.pixmap().isNull()
    panel.wave_mode.setCurrentText("RGB parade")
    assert panel.waveform.image.width() == 3 * result.parade.shape[2]


def test_scopes_follow_a_slider(window, qtbot):
    assert window.open_media(sample_photo())
    panel = _open_scopes(window, qtbot)
    before = panel.result
    window._on_value_edited("adjust.exposure", 80, None)
    qtbot.waitUntil(lambda: panel.result is not before, timeout=5_000)
    levels = np.arange(256)

    def mean(result):
        return (result.histogram[3] * levels).sum() / result.histogram[3].sum()

    assert mean(panel.result) > mean(before) + 10
    assert panel.result.clipping.highlight_fraction > before.clipping.highlight_fraction
    assert panel.clip_label.text().startswith("Clipped: highlights ")


def test_scopes_follow_playback(window, qtbot):
    assert window.open_media(sample_video())
    panel = _open_scopes(window, qtbot)
    seen = []
    window.scopes.panel.show_scopes = lambda r, show=panel.show_scopes: (seen.append(r), show(r))
    window.player.play()
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=10_000)
    window.player.pause()
    assert len({r.histogram.tobytes() for r in seen}) >= 2


def test_clipping_warnings_mark_the_picture_and_have_a_key_of_their_own(window, qtbot):
    assert window.open_media(sample_photo())
    window._on_value_edited("adjust.exposure", 100, None)
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.preview.clip_warnings and window.scopes.clip_action.isChecked()
    shot = window.preview.grabFramebuffer()
    pixels = Counter(shot.pixel(x, y) for x in range(0, shot.width(), 7) for y in range(0, shot.height(), 7))
    red = sum(n for p, n in pixels.items() if (p >> 16) & 255 == 255 and (p >> 8) & 255 in (25, 26))
    assert red > 50
    qtbot.keyClick(window.preview, Qt.Key_H, Qt.ControlModifier | Qt.ShiftModifier)
    assert not window.preview.clip_warnings
    keys = [a.shortcut().toString() for _, a in menu_actions(window.menuBar()) if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), keys
    assert {"Ctrl+Shift+H", "Ctrl+Shift+W"} <= set(keys)
    assert not {"J", "K", "L", "Space", "Left", "Right", "\\"} & {"Ctrl+Shift+H", "Ctrl+Shift+W"}
