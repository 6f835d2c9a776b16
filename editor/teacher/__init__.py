"""The teacher: labels a creator's intent with calls of the three tools.

``get_teacher("kb")`` (default) answers from the look knowledge base in
``resources/knowledge/`` (offline, deterministic); ``get_teacher("openai")`` asks an
OpenAI-compatible chat endpoint with the paper's one-shot prompt. Both return a
``TeacherAnswer``: the look (only the tools the teacher called) and a one-sentence
rationale per called tool.

The teacher is a build-time tool for the distillation data; the app never imports it.
Heavy dependencies (torch, sentence-transformers) load lazily, only when the
knowledge-base teacher meets a word it has no exact entry for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from editor.errors import EditorError
from editor.intent import NEW
from editor.schema import Look

BACKENDS: tuple[str, ...] = ("kb", "openai")


@dataclass(frozen=True)
class TeacherAnswer:
    """A teacher's label for one intent.

    ``rationales`` has one sentence per called tool (keys from ``editor.schema.TOOLS``);
    ``concepts`` names the knowledge-base concepts the answer was built from (empty for
    other backends); ``mode`` is ``new``, ``relative`` (a change to the current look) or
    ``none`` (nothing the tools can do), as in ``editor.intent``.
    """

    look: Look
    rationales: dict[str, str]
    concepts: tuple[str, ...] = field(default=())
    mode: str = NEW

    def called(self, tool: str) -> bool:
        return self.look.called(tool)


class Teacher(Protocol):
    name: str

    def label(self, intent: str) -> TeacherAnswer: ...


def get_teacher(backend: str = "kb", **options: Any) -> Teacher:
    """The teacher for ``backend`` (``kb`` or ``openai``); ``options`` go to its constructor."""
    if backend == "kb":
        from editor.teacher.kb import KnowledgeTeacher

        return KnowledgeTeacher(**options)
    if backend == "openai":
        from editor.teacher.openai import OpenAITeacher

        return OpenAITeacher(**options)
    raise EditorError(f"Unknown teacher backend {backend!r}; expected one of {', '.join(BACKENDS)}.")
