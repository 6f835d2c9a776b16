"""Undo steps: each change swaps the whole (small, immutable) edit state.

A slider drag pushes many changes with the same merge key; they merge into one step.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from editor.project import EditState

_MERGE_ID = 1


class StateChange(QUndoCommand):
    def __init__(
        self,
        apply: Callable[[EditState], None],
        before: EditState,
        after: EditState,
        text: str,
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self.merge_key = merge_key

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, StateChange) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
