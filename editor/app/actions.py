"""Menu actions, made one way everywhere, so the shortcut sheet can list them all."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


def add_action(menu: QMenu, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
    """An action in ``menu``, owned by the menu's window so that its shortcut works there."""
    action = QAction(text, menu.parentWidget() or menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
