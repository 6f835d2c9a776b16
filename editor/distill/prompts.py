"""The student's prompt format for the distillation code; it lives in ``editor.prompts``,
which the runtime shares."""

from editor.prompts import examples, normalize_intent

__all__ = ["examples", "normalize_intent"]
