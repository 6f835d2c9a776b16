"""The timeline slider and the timecode it speaks.

A click anywhere on the timeline jumps there and keeps scrubbing while the button is
held, as in every video editor (a plain ``QSlider`` only pages one step toward the
click). Hovering shows the timecode and frame number under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QToolTip


def timecode(seconds: float, fps: float) -> str:
    """HH:MM:SS:FF at the clip's nominal frame rate (non-drop-frame, as editors show it)."""
    rate = max(1, round(fps))
    frames = round(max(0.0, seconds) * fps)
    total_s, ff = divmod(frames, rate)
    hours, rest = divmod(total_s, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}:{ff:02d}"


def frame_number(seconds: float, fps: float) -> int:
    return round(max(0.0, seconds) * fps)


class Timeline(QSlider):
    """Milliseconds of the clip; ``fps`` is the clip's frame rate for the hover text."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Horizontal, parent)
        self.fps = 30.0
        self.setRange(0, 0)
        self.setMouseTracking(True)
        self.setToolTip("Click or drag to move through the clip (Home / End: start / end)")

    def value_at(self, x: float) -> int:
        """The timeline value under widget x coordinate ``x``."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(QStyle.CC_Slider, option, QStyle.SC_SliderGroove, self)
        handle = self.style().subControlRect(QStyle.CC_Slider, option, QStyle.SC_SliderHandle, self)
        span = max(1, groove.width() - handle.width())
        offset = round(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), offset, span)

    def hover_text(self, x: float) -> str:
        seconds = self.value_at(x) / 1000
        return f"{timecode(seconds, self.fps)} \u00b7 frame {frame_number(seconds, self.fps)}"

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.isEnabled():
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(QStyle.CC_Slider, option, QStyle.SC_SliderHandle, self)
            if not handle.contains(event.position().toPoint()):
                # Move the handle under the pointer first, so that the press below grabs
                # it and a drag scrubs on from the clicked time.
                self.setValue(self.value_at(event.position().x()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.maximum() > 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.hover_text(event.position().x()), self)
        super().mouseMoveEvent(event)
