"""The transport bar under the picture: frame steps, play/pause, the timeline and the time.

It binds to the ``Player``: the player's frames move the timeline and the time, the
timeline and buttons drive the player. Its Playback menu items live here too, so that
the keys and the buttons are one set of actions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSlider, QWidget

from editor.media import MediaInfo

from .actions import add_action
from .player import Player


def fmt_time(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes):02d}:{rest:05.2f}"


class Transport(QWidget):
    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = player
        self.play_button = QPushButton("\u25b6")
        self.play_button.setFixedWidth(40)
        self.play_button.setToolTip("Play / pause (Space); shuttle with J (backward), K (pause), L (forward)")
        self.play_button.clicked.connect(player.toggle)
        self.timeline = QSlider(Qt.Horizontal)
        self.timeline.setRange(0, 0)
        self.timeline.setToolTip("Scrub (Home / End: start / end)")
        self.timeline.valueChanged.connect(self._on_timeline)
        self.time_label = QLabel(f"{fmt_time(0)} / {fmt_time(0)}", objectName="paramValue")
        back = QPushButton("\u25c0|")
        back.setToolTip("Previous frame (Left)")
        back.clicked.connect(lambda: player.step(-1))
        forward = QPushButton("|\u25b6")
        forward.setToolTip("Next frame (Right)")
        forward.clicked.connect(lambda: player.step(1))
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(8, 4, 8, 4)
        for widget in (back, self.play_button, forward):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.timeline, 1)
        self.layout_.addWidget(self.time_label)
        self._controls = (back, self.play_button, forward, self.timeline)
        player.frame_ready.connect(lambda frame: self.show_time(frame.time_s))
        player.playing_changed.connect(self._on_playing)
        player.speed_changed.connect(lambda _speed: self._on_playing(player.playing))

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
        self.mute_action = add_action(menu, "Mute", player.set_muted, "M", checkable=True)

    def set_enabled(self, enabled: bool) -> None:
        for widget in self._controls:
            widget.setEnabled(enabled)

    def load(self, info: MediaInfo) -> None:
        """A new source: the timeline spans it, from the start."""
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, max(0, round(info.duration_s * 1000)))
        self.timeline.setValue(0)
        self.timeline.blockSignals(False)
        self.show_time(0.0)

    def show_time(self, time_s: float) -> None:
        self.time_label.setText(f"{fmt_time(time_s)} / {fmt_time(self.player.duration)}")
        if not self.timeline.isSliderDown():
            self.timeline.blockSignals(True)
            self.timeline.setValue(round(time_s * 1000))
            self.timeline.blockSignals(False)

    def _on_timeline(self, value: int) -> None:
        self.player.seek(value / 1000)
        self.time_label.setText(f"{fmt_time(value / 1000)} / {fmt_time(self.player.duration)}")

    def _on_playing(self, playing: bool) -> None:
        if playing:
            speed = self.player.speed
            self.play_button.setText("\u275a\u275a" if speed == 1.0 else f"{speed:+g}\u00d7")
        else:
            self.play_button.setText("\u25b6")

    def go(self, time_s: float) -> None:
        self.player.pause()
        self.player.seek(time_s)
