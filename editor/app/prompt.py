"""The prompt area: the prompt box, the Refine override, Apply, and the line under them
that says what the last request did.

A few words typed in the prompt box are commands the window runs itself, before the
model sees them (``COMMANDS``); everything else is a request for the model. Whether a
request replaces the look or changes it is the model's reading of the request
(``Suggestion.mode``); Refine forces every request to be a change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from editor.intent import NOT_UNDERSTOOD

from .preview import AFTER, BEFORE

APPLIED_AS_CHANGE = "Applied as a change to the current look:"
HINT = "Type a look above; what each tool does will be explained here."


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
    """The prompt box; Up/Down walk through this project's earlier prompts."""

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
        super().keyPressEvent(event)


class PromptPanel(QWidget):
    """Prompt box, Refine, Apply and the explanation; ``submitted`` on Enter or Apply."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = PromptEdit()
        self.edit.setPlaceholderText(
            "Describe a look \u2014 e.g. \u201cmoody winter morning\u201d or \u201ca bit warmer\u201d "
            "\u2014 and press Enter"
        )
        self.edit.returnPressed.connect(self.submitted)
        self.refine = QCheckBox("Refine")
        self.refine.setToolTip(
            "Always refine: apply every request as a change to the current look, even one that reads "
            "as a new look. Without it, requests like \u201ca bit warmer\u201d already change the "
            "current look and new looks replace it."
        )
        apply_button = QPushButton("Apply", objectName="primary")
        apply_button.clicked.connect(self.submitted)
        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.refine)
        row.addWidget(apply_button)
        self.explanation = QLabel(HINT, objectName="explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setContentsMargins(10, 2, 10, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.explanation)

    def text(self) -> str:
        return " ".join(self.edit.text().split())

    def show_suggestion(self, suggestion, as_change: bool) -> None:
        """What each tool of an applied suggestion does; a change says so first."""
        lines = [APPLIED_AS_CHANGE] if as_change else []
        lines += [f"\u2022 {line}" for line in suggestion.explanation]
        if suggestion.warnings:
            lines.append(f"({len(suggestion.warnings)} model output note(s) in the log.)")
        self._explain("\n".join(lines), notice=False)
        self.edit.clear()

    def show_not_understood(self) -> None:
        """Say so, and keep the request in the box, selected, to be edited or typed over."""
        self._explain(NOT_UNDERSTOOD, notice=True)
        self.edit.selectAll()

    def _explain(self, text: str, notice: bool) -> None:
        self.explanation.setText(text)
        self.explanation.setProperty("notice", notice)
        self.explanation.style().polish(self.explanation)
