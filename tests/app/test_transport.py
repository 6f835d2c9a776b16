"""The transport as in other video editors: click-to-seek and drag-scrub on the timeline,
loop playback, HH:MM:SS:FF timecode with the frame number on hover, and a note when
playback drops frames."""

import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolTip

from editor.app.timeline import timecode
from editor.samples import sample_video


def _x_of(timeline, seconds: float) -> int:
    """The widget x whose timeline value is ``seconds`` (the handle's centre)."""
    return next(x for x in range(timeline.width()) if timeline.value_at(x) >= seconds * 1000)


def test_timecode_is_hours_minutes_seconds_frames():
    assert timecode(0.0, 30) == "00:00:00:00"
    assert timecode(3723.5, 30) == "01:02:03:15"
    assert timecode(0.96, 23.976) == "00:00:00:23"


def test_a_click_lands_within_a_frame_of_the_clicked_time(window, qtbot):
    assert window.open_media(sample_video())
    timeline, player = window.timeline, window.player
    qtbot.waitUntil(lambda: timeline.width() > 200)
    x = _x_of(timeline, 3.2)
    clicked = timeline.value_at(x) / 1000
    qtbot.mouseClick(timeline, Qt.LeftButton, pos=QPoint(x, timeline.height() // 2))
    assert abs(player.position - clicked) <= player.frame_step
    qtbot.waitUntil(lambda: window.time_label.text().startswith(timecode(clicked, 30)[:8]), timeout=10_000)


def test_dragging_scrubs_through_the_clip(window, qtbot):
    assert window.open_media(sample_video())
    timeline, player = window.timeline, window.player
    y = timeline.height() // 2
    qtbot.mousePress(timeline, Qt.LeftButton, pos=QPoint(_x_of(timeline, 1.0), y))
    assert timeline.isSliderDown()
    seen = []
    for seconds in (1.5, 2.5, 4.0):
        qtbot.mouseMove(timeline, QPoint(_x_of(timeline, seconds), y))
        qtbot.wait(30)
        seen.append(player.position)
    qtbot.mouseRelease(timeline, Qt.LeftButton, pos=QPoint(_x_of(timeline, 4.0), y))
    assert seen == sorted(seen) and abs(seen[-1] - 4.0) <= 2 * player.frame_step


def test_hover_shows_timecode_and_frame_number(window, qtbot):
    assert window.open_media(sample_video())
    timeline = window.timeline
    x = _x_of(timeline, 2.0)
    assert timeline.hover_text(x) == "00:00:02:00 \u00b7 frame 60"
    qtbot.mouseMove(timeline, QPoint(x, timeline.height() // 2))
    qtbot.waitUntil(lambda: QToolTip.text() == "00:00:02:00 \u00b7 frame 60", timeout=5_000)
    assert "Frame 0 of 149" in window.time_label.toolTip()


def test_loop_plays_on_from_the_start(window, qtbot):
    assert window.open_media(sample_video())
    window.transport.loop_button.click()
    assert window.player.loop and window.transport.loop_action.isChecked()
    window.player.seek(4.6)
    window.player.play()
    qtbot.waitUntil(lambda: window.player.position < 1.0, timeout=10_000)
    assert window.player.playing
    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
    assert not window.player.loop
    window.player.seek(4.6)
    qtbot.waitUntil(lambda: not window.player.playing, timeout=10_000)


def test_dropping_frames_is_shown_while_playback_cannot_keep_up(window, qtbot):
    assert window.open_media(sample_video())
    dropping = window.transport.dropping
    window.player.frame_ready.connect(lambda _frame: time.sleep(0.12))
    window.player.play()
    qtbot.waitUntil(dropping.isVisible, timeout=5_000)
    assert window.player.frames_dropped > 0
    window.player.pause()
    assert not dropping.isVisible()
