"""View › Scopes: histogram, waveform or RGB parade, and vectorscope of the graded frame.

The numbers come from ``editor.scopes`` on the frame the preview shows, reduced on the
GPU to a few hundred columns before it is read back; they are redrawn at most every
``_INTERVAL_MS`` while the panel is open, so they follow playback and slider drags
without slowing the preview. View › Clipping Warnings (Ctrl+Shift+H, clear of the
transport keys) marks clipped highlights red and crushed blacks blue on the picture.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from editor import scopes

from .actions import add_action

_INTERVAL_MS = 100
_HIST_HEIGHT = 110
_WAVE_HEIGHT = 128
_MARGIN = 16
LUMA, PARADE = "Luma waveform", "RGB parade"
#: Vectorscope targets: the 100 % primaries and secondaries, labelled as on a scope.
_TARGETS = {"R": (255, 0, 0), "Mg": (255, 0, 255), "B": (0, 0, 255), "Cy": (0, 255, 255),
            "G": (0, 255, 0), "Yl": (255, 255, 0)}


def _image(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb, np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


def _density(counts: np.ndarray, per_cell: float) -> np.ndarray:
    """Counts as 0..1 brightness: a log scale, so that a few pixels still show."""
    return np.clip(np.log1p(counts) / math.log1p(max(per_cell, 1.0)), 0.0, 1.0)


def histogram_image(hist: np.ndarray) -> QImage:
    """Red, green and blue added over each other, luma as a white outline; 256 x _HIST_HEIGHT."""
    peak = max(1, int(np.sort(hist[:3].ravel())[-3]))  # the odd spike at 0 or 255 must not flatten the rest
    heights = np.minimum(np.round(hist / peak * (_HIST_HEIGHT - 1)), _HIST_HEIGHT - 1)
    rows = np.arange(_HIST_HEIGHT)[::-1, None]
    out = np.zeros((_HIST_HEIGHT, 256, 3), np.float32) + 0.08
    for c in range(3):
        out[..., c] += 0.75 * (rows < heights[c][None, :])
    line = np.abs(rows - heights[3][None, :]) < 1
    out[line] = 0.95
    return _image(np.clip(out, 0, 1) * 255)


def waveform_image(counts: np.ndarray, tints: tuple[tuple[float, float, float], ...]) -> QImage:
    """One waveform per tint, side by side, level 255 at the top."""
    parts = []
    for wave, tint in zip(counts, tints, strict=True):
        rows = max(1, wave.sum() // max(1, wave.shape[1]))
        level = _density(wave[::-1], rows / 8)
        parts.append(level[..., None] * np.array(tint, np.float32) + 0.06)
    image = np.concatenate(parts, axis=1)
    step = max(1, image.shape[0] // _WAVE_HEIGHT)
    return _image(np.clip(image[::step], 0, 1) * 255)


def vectorscope_image(counts: np.ndarray) -> QImage:
    """The vectorscope with its graticule, in a margin that leaves room for the labels."""
    size = counts.shape[0]
    level = _density(counts, counts.sum() / 2000)
    canvas = np.full((size + 2 * _MARGIN, size + 2 * _MARGIN, 3), 0.06, np.float32)
    canvas[_MARGIN:-_MARGIN, _MARGIN:-_MARGIN] += level[..., None] * np.array([0.7, 1.0, 0.75])
    image = _image(np.clip(canvas, 0, 1) * 255)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.translate(_MARGIN, _MARGIN)
    centre = QPointF(size / 2, size / 2)
    painter.setPen(QPen(QColor(90, 90, 90), 1))
    painter.drawEllipse(centre, size / 2 - 1, size / 2 - 1)
    painter.drawLine(QPointF(size / 2, 0), QPointF(size / 2, size))
    painter.drawLine(QPointF(0, size / 2), QPointF(size, size / 2))
    angle = math.radians(scopes.SKIN_TONE_DEGREES)
    painter.setPen(QPen(QColor(230, 170, 120), 1.5))
    painter.drawLine(centre, centre + QPointF(math.cos(angle), -math.sin(angle)) * (size / 2 - 2))
    painter.setPen(QPen(QColor(200, 200, 200), 1))
    for label, rgb in _TARGETS.items():
        cb, cr = scopes.chroma(np.array(rgb, np.uint8))
        row, col = scopes.vector_position(cb, cr, size)
        painter.drawRect(int(col) - 4, int(row) - 4, 8, 8)
        painter.drawText(int(col) + 6, int(row) + 4, label)
    painter.end()
    return image


class _Plot(QLabel):
    """A scope image scaled to the label's width, keeping its aspect."""

    def __init__(self, tip: str, keep_aspect: bool = False) -> None:
        super().__init__()
        self.setToolTip(tip)
        self.aspect = Qt.KeepAspectRatio if keep_aspect else Qt.IgnoreAspectRatio
        self.setAlignment(Qt.AlignCenter)
        self.setMinimumHeight(80)
        self.image: QImage | None = None

    def show_image(self, image: QImage) -> None:
        self.image = image
        self._fit()

    def _fit(self) -> None:
        if self.image is not None and self.width() > 0:
            scaled = self.image.scaled(self.width(), self.height(), self.aspect, Qt.SmoothTransformation)
            self.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


class ScopesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.histogram = _Plot(
            "Histogram: how many pixels at each level, red, green and blue, luma as the white line"
        )
        self.wave_mode = QComboBox()
        self.wave_mode.addItems([LUMA, PARADE])
        self.wave_mode.setToolTip("Luma waveform, or red, green and blue side by side (parade)")
        self.waveform = _Plot("Waveform: brightness (up) across the picture (left to right)")
        self.vectorscope = _Plot(
            "Vectorscope: hue around the circle, saturation outward; the orange line is skin tone",
            keep_aspect=True,
        )
        self.clip_label = QLabel("")
        self.clip_label.setToolTip(
            "Share of pixels with a channel at 255 (highlights), and of black ones (shadows)"
        )
        row = QHBoxLayout()
        row.addWidget(QLabel("Waveform"))
        row.addWidget(self.wave_mode, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.histogram, 2)
        layout.addLayout(row)
        layout.addWidget(self.waveform, 2)
        layout.addWidget(self.vectorscope, 3)
        layout.addWidget(self.clip_label)
        self.result: scopes.Scopes | None = None
        self.wave_mode.currentIndexChanged.connect(lambda _i: self.result and self.show_scopes(self.result))

    def show_scopes(self, result: scopes.Scopes) -> None:
        self.result = result
        self.histogram.show_image(histogram_image(result.histogram))
        if self.wave_mode.currentText() == PARADE:
            self.waveform.show_image(
                waveform_image(result.parade, ((1, 0.3, 0.3), (0.3, 1, 0.3), (0.4, 0.5, 1)))
            )
        else:
            self.waveform.show_image(waveform_image(result.waveform[None], ((0.75, 1.0, 0.8),)))
        self.vectorscope.show_image(vectorscope_image(result.vectorscope))
        clip = result.clipping
        self.clip_label.setText(
            f"Clipped: highlights {clip.highlight_fraction:.1%}, shadows {clip.shadow_fraction:.1%}"
        )


class ScopesDock:
    """The View menu's Scopes and Clipping Warnings, and the dock that holds the panel."""

    def __init__(self, window, menu: QMenu) -> None:
        self.window = window
        self.panel = ScopesPanel()
        self.dock = QDockWidget("Scopes", window)
        self.dock.setObjectName("scopes")
        self.dock.setWidget(self.panel)
        self.dock.setMinimumWidth(300)
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.hide()
        menu.addSeparator()
        self.action = add_action(
            menu,
            "&Scopes",
            lambda: self.dock.setVisible(self.action.isChecked()),
            "Ctrl+Shift+W",
            checkable=True,
        )
        self.dock.visibilityChanged.connect(self._visibility)
        self.clip_action = add_action(
            menu,
            "&Clipping Warnings",
            lambda: window.preview.set_clip_warnings(self.clip_action.isChecked()),
            "Ctrl+Shift+H",
            checkable=True,
        )
        self._timer = QTimer(window, singleShot=True, interval=_INTERVAL_MS)
        self._timer.timeout.connect(self.update_now)
        window.preview.frameSwapped.connect(self.schedule)

    def _visibility(self, visible: bool) -> None:
        self.action.setChecked(visible)
        if visible:
            self.schedule()

    def schedule(self) -> None:
        """A redraw after the next interval; frames shown in between share it."""
        if self.dock.isVisible() and not self._timer.isActive():
            self._timer.start()

    def update_now(self) -> scopes.Scopes | None:
        preview = self.window.preview
        if not self.dock.isVisible() or preview.renderer is None or not preview.has_frame:
            return None
        result = scopes.compute(preview.read_graded_reduced(scopes.SCOPE_WIDTH))
        self.panel.show_scopes(result)
        return result
