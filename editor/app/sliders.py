"""One labelled slider per parameter, with a number beside it that can be typed into.

The slider behaves as in photo editors: the mouse wheel changes it only once it has
focus (otherwise the wheel scrolls the panel under the pointer), the arrow keys nudge a
focused slider by one (Shift: by ten) instead of stepping the video, and a double-click
resets it. All changes of one drag, or of the nudges and wheel turns made while it keeps
focus, share a merge key so that they form one undo step.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QSlider, QWidget

from editor.schema import ParamSpec

_NUDGE_KEYS = {Qt.Key_Left: -1, Qt.Key_Down: -1, Qt.Key_Right: 1, Qt.Key_Up: 1}
_SHIFT_STEP = 10
_merge_ids = itertools.count(1)


class _Slider(QSlider):
    double_clicked = Signal()
    nudged = Signal(int)
    wheel_turned = Signal()
    focus_lost = Signal()

    def __init__(self) -> None:
        super().__init__(Qt.Horizontal)
        self.setFocusPolicy(Qt.StrongFocus)

    def mouseDoubleClickEvent(self, event) -> None:
        self.double_clicked.emit()
        event.accept()

    def focusOutEvent(self, event) -> None:
        self.focus_lost.emit()
        super().focusOutEvent(event)

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            self.wheel_turned.emit()
            super().wheelEvent(event)
        else:
            event.ignore()

    def event(self, event) -> bool:
        # The window's Left/Right shortcuts step the video; a focused slider keeps its arrows.
        if event.type() == QEvent.ShortcutOverride and event.key() in _NUDGE_KEYS:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        step = _NUDGE_KEYS.get(event.key())
        if step is None:
            super().keyPressEvent(event)
            return
        self.nudged.emit(step * (_SHIFT_STEP if event.modifiers() & Qt.ShiftModifier else 1))


def _text(spec: ParamSpec, value: int) -> str:
    return f"{value:+d}" if spec.minimum < 0 else str(value)


class ParamSlider(QWidget):
    """Emits ``edited(key, value, merge_key)``; ``set_value`` shows a value without emitting."""

    edited = Signal(str, int, object)

    def __init__(self, key: str, spec: ParamSpec, label: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.spec = spec
        self._merge: int | None = None
        self.name = QLabel(label or spec.label, objectName="paramName")
        self.value_box = QLineEdit(objectName="paramValue")
        self.value_box.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.value_box.setFixedWidth(52)
        # Any whole number is accepted and then clamped, so that typing 500 gives the maximum.
        whole_number = QRegularExpression(r"[+-]?\d{0,4}")
        self.value_box.setValidator(QRegularExpressionValidator(whole_number, self.value_box))
        self.value_box.setToolTip(f"Type a value from {spec.minimum} to {spec.maximum} and press Enter")
        self.slider = _Slider()
        self.slider.setRange(spec.minimum, spec.maximum)
        self.slider.setValue(spec.default)
        self.slider.setPageStep(10)
        self.slider.setToolTip(
            f"{spec.label}: drag left for {spec.lower_words}, right for {spec.raise_words}. "
            "Arrow keys nudge it (Shift: by 10); double-click resets it."
        )
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setVerticalSpacing(1)
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.value_box, 0, 1)
        layout.addWidget(self.slider, 1, 0, 1, 2)
        self._show(spec.default, False)
        self.slider.sliderPressed.connect(self._start_run)
        self.slider.sliderReleased.connect(self._end_run)
        self.slider.valueChanged.connect(self._changed)
        self.slider.nudged.connect(self._nudge)
        self.slider.wheel_turned.connect(self._continue_run)
        self.slider.focus_lost.connect(self._end_run)
        self.slider.double_clicked.connect(lambda: self.edited.emit(self.key, self.spec.default, None))
        self.value_box.editingFinished.connect(self._typed)

    def _start_run(self) -> None:
        self._merge = next(_merge_ids)

    def _end_run(self) -> None:
        self._merge = None

    def _changed(self, value: int) -> None:
        self.value_box.setText(_text(self.spec, value))
        merge = (self.key, self._merge) if self._merge is not None else None
        self.edited.emit(self.key, value, merge)

    def _continue_run(self) -> None:
        # Nudges and wheel turns in a row, until the slider loses focus, are one undo step.
        if self._merge is None:
            self._start_run()

    def _nudge(self, step: int) -> None:
        self._continue_run()
        self.slider.setValue(self.slider.value() + step)

    def _typed(self) -> None:
        text = self.value_box.text().strip()
        if not text.lstrip("+-").isdigit():
            self.value_box.setText(_text(self.spec, self.slider.value()))
            return
        value = self.spec.clamp(int(text))
        if value != self.slider.value():
            self.edited.emit(self.key, value, None)
        self.value_box.setText(_text(self.spec, self.slider.value()))

    def _show(self, value: int, touched: bool) -> None:
        self.value_box.setText(_text(self.spec, value))
        for widget in (self.name, self.value_box):
            if widget.property("touched") != touched:
                widget.setProperty("touched", touched)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def set_value(self, value: int, touched: bool) -> None:
        """Show a value without emitting ``edited``."""
        blocked = self.slider.blockSignals(True)
        self.slider.setValue(int(value))
        self.slider.blockSignals(blocked)
        self._show(int(value), touched)
