"""Comparing with the original: the compare-mode box and its View menu items.

The preview draws the mode; this part only chooses it, so that the box, ``\\`` and
Shift+``\\`` stay one state.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QMenu

from .actions import add_action
from .preview import AFTER, BEFORE, SPLIT, PreviewWidget

MODES = (("After", AFTER), ("Before", BEFORE), ("Split", SPLIT))


class CompareBox(QComboBox):
    def __init__(self, preview: PreviewWidget, parent=None) -> None:
        super().__init__(parent)
        self.preview = preview
        for label, mode in MODES:
            self.addItem(label, mode)
        self.setToolTip("Compare with the original (\\ toggles before/after)")
        self.currentIndexChanged.connect(lambda: preview.set_mode(self.currentData()))

    def add_actions(self, menu: QMenu) -> None:
        add_action(menu, "Before / After", self.toggle_before_after, "\\")
        add_action(menu, "Split View", self.toggle_split, "Shift+\\")

    def set_mode(self, mode: str) -> None:
        self.setCurrentIndex(self.findData(mode))

    def toggle_split(self) -> None:
        self.set_mode(SPLIT if self.preview.mode != SPLIT else AFTER)

    def toggle_before_after(self) -> None:
        self.set_mode(AFTER if self.preview.mode == BEFORE else BEFORE)
