"""Comparing with the original: the compare-mode box, its View menu items, and what is
laid over the picture: "Before" / "After" labels and the split view's divider.

The preview draws the mode; this part only chooses it, so that the box, ``\\``,
Shift+``\\`` and Ctrl+``\\`` stay one state, and places the labels and the divider where
the preview says the pictures are.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QWidget

from .actions import add_action
from .preview import AFTER, BEFORE, SIDE, SPLIT, PreviewWidget

MODES = (("After", AFTER), ("Before", BEFORE), ("Split", SPLIT), ("Side by side", SIDE))
_LABEL_MARGIN = 8
_DIVIDER_WIDTH = 9


class CompareBox(QComboBox):
    def __init__(self, preview: PreviewWidget, parent=None) -> None:
        super().__init__(parent)
        self.preview = preview
        for label, mode in MODES:
            self.addItem(label, mode)
        self.setToolTip(
            "Compare with the original: \\ shows the original, Shift+\\ a split you can drag, "
            "Ctrl+\\ both side by side"
        )
        self.currentIndexChanged.connect(lambda: preview.set_mode(self.currentData()))
        self.overlay = CompareOverlay(preview)

    def add_actions(self, menu: QMenu) -> None:
        add_action(menu, "Before / After", self.toggle_before_after, "\\")
        add_action(menu, "Split View", lambda: self._toggle(SPLIT), "Shift+\\")
        add_action(menu, "Side by Side", lambda: self._toggle(SIDE), "Ctrl+\\")

    def set_mode(self, mode: str) -> None:
        self.setCurrentIndex(self.findData(mode))

    def _toggle(self, mode: str) -> None:
        self.set_mode(mode if self.preview.mode != mode else AFTER)

    def toggle_before_after(self) -> None:
        self.set_mode(AFTER if self.preview.mode == BEFORE else BEFORE)


class _Divider(QWidget):
    """The split view's line; dragging it moves the split."""

    def __init__(self, preview: PreviewWidget) -> None:
        super().__init__(preview, objectName="compareDivider")
        self.preview = preview
        self.setCursor(Qt.SplitHCursor)
        self.setToolTip("Drag to compare more or less of the original")
        self.setAttribute(Qt.WA_StyledBackground, True)

    def mousePressEvent(self, event) -> None:
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.LeftButton:
            self.preview.drag_split(self.mapToParent(event.position().toPoint()).x())


class CompareOverlay(QObject):
    def __init__(self, preview: PreviewWidget) -> None:
        super().__init__(preview)
        self.preview = preview
        self.before = QLabel("Before", preview, objectName="compareLabel")
        self.after = QLabel("After", preview, objectName="compareLabel")
        self.divider = _Divider(preview)
        for widget in (self.before, self.after, self.divider):
            widget.hide()
        preview.layout_changed.connect(self.place)

    def place(self) -> None:
        preview, mode = self.preview, self.preview.mode
        rects = preview.image_rects()
        show_before = bool(rects) and mode in (BEFORE, SPLIT, SIDE)
        show_after = bool(rects) and mode in (SPLIT, SIDE)
        self.before.setVisible(show_before)
        self.after.setVisible(show_after)
        self.divider.setVisible(bool(rects) and mode == SPLIT)
        if not rects:
            return
        for label in (self.before, self.after):
            label.adjustSize()
        first = rects[0]
        self.before.move(first.left() + _LABEL_MARGIN, first.top() + _LABEL_MARGIN)
        if mode == SIDE:
            self.after.move(rects[1].left() + _LABEL_MARGIN, rects[1].top() + _LABEL_MARGIN)
        else:
            self.after.move(first.right() - self.after.width() - _LABEL_MARGIN, first.top() + _LABEL_MARGIN)
        x = first.left() + round(preview.split_pos * first.width())
        self.divider.setGeometry(x - _DIVIDER_WIDTH // 2, first.top(), _DIVIDER_WIDTH, first.height())
        self.divider.raise_()
