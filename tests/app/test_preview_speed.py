"""The preview grades at the picture's size on screen while it changes (a look being
dragged, playback) and at full resolution once it is still; View › Show FPS."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel

from editor.samples import sample_video
from editor.schema import FilterChoice, Look

LOOK = Look(adjust={"contrast": 20, "sharpen": 40}, filter=FilterChoice("film_Portra", 60))


def _renderer_size(window) -> tuple[int, int]:
    return window.preview.renderer._size


def test_a_look_change_grades_at_screen_size_then_in_full(window, qtbot, graded_error):
    big = np.ascontiguousarray(np.random.default_rng(0).integers(0, 256, (1080, 1920, 3), dtype=np.uint8))
    window.preview.set_frame(big)
    shown = window.preview.display_size()
    assert shown[0] < 1920 and shown[1] < 1080
    window.preview.set_look(LOOK)
    assert _renderer_size(window) == shown
    qtbot.waitUntil(lambda: _renderer_size(window) == (1920, 1080), timeout=5_000)
    # A read before the full grade has come still gets the full frame.
    window.preview.set_look(Look(adjust={"contrast": 30}))
    assert _renderer_size(window) == shown
    assert window.preview.read_graded().shape == big.shape
    assert graded_error(window, Look(adjust={"contrast": 30})).max() <= 2


def test_playback_grades_at_screen_size_and_a_pause_in_full(window, qtbot):
    window.resize(700, 450)
    assert window.open_media(sample_video())
    shown = window.preview.display_size()
    assert shown[0] < 960
    sizes = []
    window.preview.frameSwapped.connect(lambda: sizes.append(_renderer_size(window)))
    window.player.play()
    qtbot.waitUntil(lambda: len(sizes) >= 5, timeout=10_000)
    assert sizes[-1] == shown
    window.player.pause()
    qtbot.waitUntil(lambda: _renderer_size(window) == (960, 540), timeout=5_000)
    assert window.preview.frame.shape[:2] == (540, 960)


def test_show_fps_puts_the_measured_rate_over_the_preview(window, qtbot):
    window.fps_action.trigger()
    label = window.preview.findChild(QLabel, "previewFps")
    assert label.isVisible()
    assert window.open_media(sample_video())
    window.player.play()
    qtbot.waitUntil(lambda: window.preview.measured_fps() > 1, timeout=10_000)
    qtbot.waitUntil(lambda: label.text() != "0.0 fps", timeout=2_000)
    assert label.text().endswith(" fps")
    window.player.pause()
    window.fps_action.trigger()
    assert not label.isVisible()
