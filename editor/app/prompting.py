"""What happens to a request typed in the prompt box: a typed command, or the model's look.

``PromptFlow`` runs the request (``ModelService`` off the UI thread), turns the answer
into one undo step on the window's project, and tells the panel and the status line
how it went. Its signals let tests and the bench wait on the real work.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from editor.intent import NOT_UNDERSTOOD

from .prompt import PromptPanel, typed_command
from .workers import ModelService, PromptAnswer

log = logging.getLogger(__name__)


class PromptFlow(QObject):
    look_applied = Signal(object)
    failed = Signal(str)
    #: A request the model read as nothing the tools can do (its intent).
    not_understood = Signal(str)

    def __init__(self, window, panel: PromptPanel) -> None:
        super().__init__(window)
        self.window, self.panel = window, panel
        self.model = ModelService(self)
        self.model.suggested.connect(self._on_suggested)
        self.model.failed.connect(self._on_failed)
        self.model.loading.connect(lambda: window.show_status("Loading the look model\u2026"))
        panel.submitted.connect(self.submit)

    def submit(self) -> None:
        window = self.window
        intent = self.panel.text()
        if not intent:
            return
        if window.project is None:
            window.show_error("Open a video or photo first, then describe the look.")
            return
        command = typed_command(intent)
        if command is not None:
            self.panel.finish()
            command(window)
            return
        window.show_status(f"Finding a look for \u201c{intent}\u201d\u2026")
        settings = window.settings
        self.model.suggest(intent, settings.model_dir, settings.device, self.panel.refine.isChecked())

    def _on_suggested(self, answer: PromptAnswer) -> None:
        window, project = self.window, self.window.project
        if project is None:
            return
        intent, suggestion, variant = answer.intent, answer.suggestion, answer.variant
        window.events.prompt_submitted(project.project_id, variant, intent, suggestion.look, suggestion.mode)
        if suggestion.warnings:
            log.info("prompt %r: %s", intent, "; ".join(suggestion.warnings))
        if not suggestion.understood:
            self.panel.show_not_understood()
            window.show_status(NOT_UNDERSTOOD)
            self.not_understood.emit(intent)
            return
        as_change = answer.refine or suggestion.relative
        project.add_prompt(intent, suggestion.look, variant, as_change)
        self.panel.edit.set_history([p.intent for p in project.prompts])
        after = window.state.with_suggestion(suggestion.look, refine=as_change)
        window.push_state(after, f"Prompt \u201c{intent}\u201d")
        self.panel.explanation.show_answer(suggestion, as_change, window.state.look())
        self.panel.finish()
        how = " as a change" if as_change else ""
        window.show_status(f"Applied \u201c{intent}\u201d{how} ({suggestion.latency_ms:.0f} ms).")
        window.thumbnails.schedule()
        self.look_applied.emit(window.state.look())

    def _on_failed(self, intent: str, message: str) -> None:
        self.window.show_error(message)
        self.failed.emit(message)
