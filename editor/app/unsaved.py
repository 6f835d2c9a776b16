"""Unsaved changes: the ``*`` in the window title, and the question before they are lost.

The project counts as changed while its undo stack (``stack``, owned here) is away from
the point where the project was opened or last saved (``QUndoStack``'s clean state), so
undoing back to that point is unchanged again. A change that is no undo step (a project
restored after a crash, a relinked source) is marked with ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

DONT_SAVE = "Don't Save"


class UnsavedChanges(QObject):
    """Shows the window's modified state; ``save()`` saves the project and says whether it did."""

    def __init__(self, window: QWidget, save: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window, self._save = window, save
        # Owned here and connected to a method, so that when the window is destroyed the
        # connection goes before the stack, whose destructor reports it is clean again.
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._show)

    def _show(self, clean: bool) -> None:
        self._window.setWindowModified(not clean)

    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    def saved(self) -> None:
        self.stack.setClean()

    def changed(self) -> None:
        self.stack.resetClean()

    def may_discard(self, name: str) -> bool:
        """Whether the changes may go: there are none, the user saved them, or chose Don't Save."""
        if not self.modified:
            return True
        box = QMessageBox(
            QMessageBox.Warning,
            "Unsaved changes",
            f"Save changes to {name}?",
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            self._window,
        )
        box.setInformativeText("If you don't save, your changes will be lost.")
        box.button(QMessageBox.Discard).setText(DONT_SAVE)
        box.setDefaultButton(QMessageBox.Save)
        box.setEscapeButton(QMessageBox.Cancel)
        answer = box.exec()
        if answer == QMessageBox.Save:
            return self._save()
        return answer == QMessageBox.Discard
