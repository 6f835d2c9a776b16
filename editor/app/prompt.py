"""The prompt area: the prompt box, the Refine override, Apply, and the line under them
that explains the look on screen (``editor.app.explanation``).

A few words typed in the prompt box are commands the window runs itself, before the
model sees them (``COMMANDS``); everything else is a request for the model. Whether a
request replaces the look or changes it is the model's reading of the request
(``Suggestion.mode``); Refine forces every request to be a change.

The box only keeps the keys that type or edit text: once a request is carried out, or on
Esc, focus goes back to the picture, and the window's shortcuts that edit no text (Ctrl+E,
Ctrl+S, ...) work from the box too, as does Ctrl+Z while the box has no typing to undo.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.intent import NOT_UNDERSTOOD

from .explanation import EXPLANATION_LINES, Explanation
from .preview import AFTER, BEFORE

#: Shortcuts with Ctrl, Alt or Meta that still edit text in the box; any other such
#: combination (Ctrl+E, which a line edit on X11 takes for "end of line") is the window's.
_EDITING_KEYS = (
    QKeySequence.Copy,
    QKeySequence.Cut,
    QKeySequence.Paste,
    QKeySequence.SelectAll,
    QKeySequence.MoveToNextWord,
    QKeySequence.MoveToPreviousWord,
    QKeySequence.SelectNextWord,
    QKeySequence.SelectPreviousWord,
    QKeySequence.DeleteStartOfWord,
    QKeySequence.DeleteEndOfWord,
)
_COMMAND_MODIFIERS = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier


def _step(window, redo: bool) -> None:
    """Undo (or redo) one step of the window's undo stack and say which."""
    stack = window.undo_stack
    if redo:
        able, text, step = stack.canRedo, stack.redoText, stack.redo
    else:
        able, text, step = stack.canUndo, stack.undoText, stack.undo
    if not able():
        window.show_status(f"Nothing to {'redo' if redo else 'undo'}.")
        return
    done = text()
    step()
    window.show_status(f"{'Redone' if redo else 'Undone'}: {done}.")


def _undo(window) -> None:
    _step(window, redo=False)


def _redo(window) -> None:
    _step(window, redo=True)


def _reset(window) -> None:
    window.reset_all()
    window.show_status("Reset all edits (type \u201cundo\u201d or press Ctrl+Z to bring them back).")


def _compare(window, mode: str) -> None:
    window.set_compare(mode)
    if mode == BEFORE:
        window.show_status("Showing the original; type \u201cafter\u201d or press \\ for the graded picture.")
    else:
        window.show_status("Showing the graded picture.")


def _toggle_original(window) -> None:
    _compare(window, AFTER if window.preview.mode == BEFORE else BEFORE)


#: What the prompt box does itself, by the words typed (lower case, no surrounding
#: punctuation); each runs on the main window, as its menu item or shortcut does.
COMMANDS: dict[str, Callable[[object], None]] = {
    "reset": _reset,
    "undo": _undo,
    "redo": _redo,
    "original": _toggle_original,
    "show original": _toggle_original,
    "before": _toggle_original,
    "after": lambda window: _compare(window, AFTER),
}


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def typed_command(text: str) -> Callable[[object], None] | None:
    """The command the text names, whatever its case and surrounding punctuation."""
    words = " ".join(text.split()).lower()
    start, end = 0, len(words)
    while start < end and _is_edge(words[start]):
        start += 1
    while end > start and _is_edge(words[end - 1]):
        end -= 1
    return COMMANDS.get(words[start:end])


class PromptEdit(QLineEdit):
    """The prompt box; Up/Down walk through this project's earlier prompts, Esc leaves it."""

    escaped = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent, objectName="prompt")
        self.history: list[str] = []
        self._index = 0

    def set_history(self, history: list[str]) -> None:
        self.history = history
        self._index = len(history)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Up, Qt.Key_Down) and self.history:
            step = -1 if event.key() == Qt.Key_Up else 1
            self._index = max(0, min(len(self.history), self._index + step))
            self.setText(self.history[self._index] if self._index < len(self.history) else "")
            return
        if event.key() == Qt.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.ShortcutOverride and event.isAccepted() and self._belongs_to_window(event):
            event.ignore()
        return handled

    def _belongs_to_window(self, event) -> bool:
        """Whether a key the line edit would take belongs to the window's shortcuts instead."""
        if event.matches(QKeySequence.Undo):
            return not self.isUndoAvailable()
        if event.matches(QKeySequence.Redo):
            return not self.isRedoAvailable()
        if not event.modifiers() & _COMMAND_MODIFIERS:
            return False
        return not any(event.matches(key) for key in _EDITING_KEYS)


class PromptPanel(QWidget):
    """Prompt box, Refine, Apply and the explanation; ``submitted`` on Enter or Apply.

    ``released`` says that focus should go back to the picture: on Esc in the box, and
    when a request was carried out while focus was in this panel.
    """

    submitted = Signal()
    released = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = PromptEdit()
        self.edit.setPlaceholderText(
            "Describe a look \u2014 e.g. \u201cmoody winter morning\u201d or \u201ca bit warmer\u201d "
            "\u2014 and press Enter"
        )
        self.edit.setToolTip(
            "Describe the look you want in your own words and press Enter. Up and Down bring back "
            "earlier requests; Esc goes back to the picture."
        )
        self.edit.returnPressed.connect(self.submitted)
        self.edit.escaped.connect(self.released)
        self.refine = QCheckBox("Refine")
        self.refine.setToolTip(
            "Always refine: apply every request as a change to the current look, even one that reads "
            "as a new look. Without it, requests like \u201ca bit warmer\u201d already change the "
            "current look and new looks replace it."
        )
        apply_button = QPushButton("Apply", objectName="primary")
        apply_button.setToolTip("Apply the look you described (Enter)")
        apply_button.clicked.connect(self.submitted)
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.refine)
        row.addWidget(apply_button)
        self.explanation = Explanation()
        # A fixed height, scrolling when a long explanation needs it, so that the picture
        # above keeps its size whatever the explanation says.
        self.explanation_area = QScrollArea()
        self.explanation_area.setWidget(self.explanation)
        self.explanation_area.setWidgetResizable(True)
        self.explanation_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.explanation_area.setFixedHeight(self.explanation.height_for_lines(EXPLANATION_LINES))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.explanation_area)

    def text(self) -> str:
        return " ".join(self.edit.text().split())

    def finish(self) -> None:
        """The request was carried out: empty the box and hand focus back to the picture.

        ``setText`` rather than ``clear``: it also drops the box's undo history, so that
        Ctrl+Z in the emptied box undoes the look rather than bringing the words back.
        """
        self.edit.setText("")
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self or self.isAncestorOf(focus)):
            self.released.emit()

    def show_not_understood(self) -> None:
        """Say so, and keep the request in the box, selected, to be edited or typed over."""
        self.explanation.show_notice(NOT_UNDERSTOOD)
        self.edit.selectAll()
