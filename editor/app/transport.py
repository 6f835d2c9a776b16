"""The transport bar under the picture: frame steps, play/pause, loop, the timeline, the
timecode, and a note when playback cannot keep up.

It binds to the ``Player``: the player's frames move the timeline and the time, the
timeline and buttons drive the player. Its Playback menu items live here too, so that
the keys and the buttons are one set of actions.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QVBoxLayout, QWidget

from editor.media import MediaInfo

from .actions import add_action
from .player import Player
from .timeline import Timeline, frame_number, timecode

#: Playback that skips more frames than this per second says so.
DROPS_PER_S = 2
_DROP_CHECK_MS = 1000


class Transport(QWidget):
    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.play_button = QPushButton("\u25b6")
        self.play_button.setFixedWidth(40)
        self.play_button.setToolTip("Play or pause (Space); J plays backward, K pauses, L plays forward")
        self.play_button.clicked.connect(player.toggle)
        self.timeline = Timeline()
        self.timeline.valueChanged.connect(self._on_timeline)
        self.time_label = QLabel(objectName="paramValue")
        back = QPushButton("\u25c0|")
        back.setToolTip("Back one frame (Left)")
        back.clicked.connect(lambda: player.step(-1))
        forward = QPushButton("|\u25b6")
        forward.setToolTip("Forward one frame (Right)")
        forward.clicked.connect(lambda: player.step(1))
        self.loop_button = QToolButton()
        self.dropping = QLabel("Dropping frames", objectName="dropping")
        self.dropping.setToolTip(
            "This computer cannot show every frame at this size, so playback skips some. "
            "The exported video keeps every frame."
        )
        self.dropping.hide()
        # The timeline has a row of its own, so that it keeps the whole width however
        # narrow the window gets; the buttons and the time go under it.
        self.controls = QHBoxLayout()
        for widget in (back, self.play_button, forward, self.loop_button):
            self.controls.addWidget(widget)
        self.controls.addSpacing(8)
        self.controls.addWidget(self.time_label)
        self.controls.addWidget(self.dropping)
        self.controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.timeline)
        layout.addLayout(self.controls)
        self._controls = (back, self.play_button, forward, self.loop_button, self.timeline)
        self._drops_seen = 0
        self._drop_timer = QTimer(self, interval=_DROP_CHECK_MS)
        self._drop_timer.timeout.connect(self._check_drops)
        player.frame_ready.connect(lambda frame: self.show_time(frame.time_s))
        player.playing_changed.connect(self._on_playing)
        player.speed_changed.connect(lambda _speed: self._on_playing(player.playing))
        self.show_time(0.0)

    def add_actions(self, menu: QMenu) -> None:
        player = self.player
        add_action(menu, "Play / Pause", player.toggle, "Space")
        add_action(menu, "Play Backward (again: faster)", lambda: player.shuttle(-1), "J")
        add_action(menu, "Pause", player.pause, "K")
        add_action(menu, "Play Forward (again: faster)", lambda: player.shuttle(1), "L")
        add_action(menu, "Previous Frame", lambda: player.step(-1), "Left")
        add_action(menu, "Next Frame", lambda: player.step(1), "Right")
        add_action(menu, "Go to Start", lambda: self.go(0.0), "Home")
        add_action(menu, "Go to End", lambda: self.go(player.duration), "End")
        menu.addSeparator()
        self.loop_action = add_action(menu, "Loop Playback", player.set_loop, "Ctrl+L", checkable=True)
        self.loop_action.setIconText("\u27f2")
        self.loop_action.setToolTip("Loop: start again from the beginning at the end (Ctrl+L)")
        self.loop_button.setDefaultAction(self.loop_action)
        self.mute_action = add_action(menu, "Mute", player.set_muted, "M", checkable=True)

    def set_enabled(self, enabled: bool) -> None:
        for widget in self._controls:
            widget.setEnabled(enabled)

    def load(self, info: MediaInfo) -> None:
        """A new source: the timeline spans it, from the start."""
        self.timeline.fps = info.fps if info.fps > 0 else 30.0
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, max(0, round(info.duration_s * 1000)))
        self.timeline.setValue(0)
        self.timeline.blockSignals(False)
        self.show_time(0.0)

    def _show_label(self, time_s: float) -> None:
        fps = self.timeline.fps
        self.time_label.setText(f"{timecode(time_s, fps)} / {timecode(self.player.duration, fps)}")
        last = max(0, frame_number(self.player.duration, fps) - 1)
        frame = frame_number(time_s, fps)
        self.time_label.setToolTip(f"Frame {frame} of {last} (hours:minutes:seconds:frames)")

    def show_time(self, time_s: float) -> None:
        self._show_label(time_s)
        if not self.timeline.isSliderDown():
            self.timeline.blockSignals(True)
            self.timeline.setValue(round(time_s * 1000))
            self.timeline.blockSignals(False)

    def _on_timeline(self, value: int) -> None:
        self.player.seek(value / 1000)
        self._show_label(value / 1000)

    def _on_playing(self, playing: bool) -> None:
        if playing:
            speed = self.player.speed
            self.play_button.setText("\u275a\u275a" if speed == 1.0 else f"{speed:+g}\u00d7")
            self._drops_seen = self.player.frames_dropped
            self._drop_timer.start()
        else:
            self.play_button.setText("\u25b6")
            self._drop_timer.stop()
            self.dropping.hide()

    def _check_drops(self) -> None:
        dropped = self.player.frames_dropped - self._drops_seen
        self._drops_seen = self.player.frames_dropped
        self.dropping.setVisible(dropped * 1000 / _DROP_CHECK_MS > DROPS_PER_S)

    def go(self, time_s: float) -> None:
        self.player.pause()
        self.player.seek(time_s)
