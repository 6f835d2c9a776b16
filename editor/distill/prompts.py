"""The student's prompts and targets: one source for training and the runtime.

One concise prompt per tool (``adjust: <intent>``), no rationale, and the target is the
tool's compact text (``Look.tool_text``), ``none`` when the tool is not called. The
three prompts of one intent are decoded as one batch at run time.

Intents are normalized the same way everywhere: surrounding space stripped, inner
whitespace collapsed to one space and lowercased (the teacher's labels do not depend
on case, and lowercasing keeps the tokenizer's vocabulary small).
"""

from __future__ import annotations

from editor.schema import TOOLS, Look


def normalize_intent(intent: str) -> str:
    """Strip, collapse whitespace and lowercase an intent."""
    return " ".join(intent.split()).lower()


def prompt(tool: str, intent: str) -> str:
    """The student's input text for one tool."""
    return f"{tool}: {normalize_intent(intent)}"


def prompts(intent: str) -> list[str]:
    """The three tool prompts of one intent, in ``TOOLS`` order."""
    return [prompt(tool, intent) for tool in TOOLS]


def target(look: Look, tool: str) -> str:
    """The student's output text for one tool (``none`` when not called)."""
    return look.tool_text(tool)


def examples(intent: str, look: Look) -> list[tuple[str, str]]:
    """The (prompt, target) pairs of one labelled intent, one per tool."""
    return [(prompt(tool, intent), target(look, tool)) for tool in TOOLS]
