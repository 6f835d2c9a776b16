"""The line under the prompt box: what the look on screen does, tool by tool, in plain words.

It follows the look on screen, whatever changed it (a prompt, a slider, a filter, Reset
All, undo, another file): its text is ``describe`` of that look. Right after a prompt
whose answer is on screen unchanged it shows the model's own explanation of the answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from editor.schema import Look, describe

HINT = "Type a look above; what each tool does will be explained here."
NO_LOOK = "No grade: the picture is as it was shot. " + HINT
APPLIED_AS_CHANGE = "Applied as a change to the current look, which is now:"
#: Lines the explanation shows without scrolling: a header and one line per tool, plus a note.
EXPLANATION_LINES = 5


class Explanation(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(HINT, parent, objectName="explanation")
        self.setWordWrap(True)
        self.setContentsMargins(10, 2, 10, 6)
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)

    def height_for_lines(self, lines: int) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * lines + margins.top() + margins.bottom()

    def show_look(self, look: Look) -> None:
        """Describe ``look``, the one on screen."""
        self._show(describe(look), [])

    def show_answer(self, suggestion, as_change: bool, on_screen: Look) -> None:
        """After a prompt: the look on screen, said to be a change where it was applied as one.

        The model's explanation only stands where its look is what is on screen; a change
        on top of the current look, or sliders the user kept, make a different look.
        """
        lines = suggestion.explanation if suggestion.look == on_screen else describe(on_screen)
        warnings = len(suggestion.warnings)
        notes = [f"({warnings} model output note(s) in the log.)"] if warnings else []
        self._show(lines, notes, APPLIED_AS_CHANGE if as_change else None)

    def show_notice(self, text: str) -> None:
        self._set(text, notice=True)

    def _show(self, lines: list[str], notes: list[str], header: str | None = None) -> None:
        body = [f"\u2022 {line}" for line in lines] if lines else [NO_LOOK]
        self._set("\n".join(([header] if header else []) + body + notes), notice=False)

    def _set(self, text: str, notice: bool) -> None:
        self.setText(text)
        self.setProperty("notice", notice)
        self.style().polish(self)
