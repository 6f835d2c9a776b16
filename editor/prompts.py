"""The student's prompts and targets: one source for the runtime and for training.

It lives outside the build-time ``editor.distill`` so that the runtime (``editor.model``)
reads the same format without importing that package (an import-linter contract).

One concise prompt per task, no rationale: the three tools (``adjust: <intent>``, the
target is the tool's compact text ``Look.tool_text``, ``none`` when the tool is not
called) and the request's mode (``mode: <intent>``, the target is one of
``editor.intent.MODES``: a new look, a change relative to the current one, or nothing
the tools can do). The four prompts of one intent are decoded as one batch at run time.

An intent reaches the student in one form, ``normalize_intent``, in training and at run
time alike. It is not the form that decides whether two intents are the same one:
``editor.distill.corpus.intent_key`` (letters and digits only) does that for the
corpus, the splits and the filtering, so that "Golden hour!!" and "golden-hour" are
one intent and never land in two splits, while the student still reads the
punctuation, signs and emoji that people type.
"""

from __future__ import annotations

from editor.schema import TOOLS, Look

MODE_TASK = "mode"
#: The student's tasks in prompt order: the three tools, then the mode.
TASKS: tuple[str, ...] = (*TOOLS, MODE_TASK)


def normalize_intent(intent: str) -> str:
    """The intent as the student reads it: surrounding space stripped, inner whitespace
    collapsed to one space, lowercased; punctuation, digits and signs kept ("80s",
    "+20%", "b&w" mean something).

    Lowercasing because the teacher's labels do not depend on case, and it keeps the
    tokenizer's vocabulary small.
    """
    return " ".join(intent.split()).lower()


def prompt(task: str, intent: str) -> str:
    """The student's input text for one task."""
    return f"{task}: {normalize_intent(intent)}"


def prompts(intent: str) -> list[str]:
    """The four prompts of one intent, in ``TASKS`` order."""
    return [prompt(task, intent) for task in TASKS]


def target(look: Look, task: str, mode: str) -> str:
    """The student's output text for one task (``none`` for a tool not called)."""
    return mode if task == MODE_TASK else look.tool_text(task)


def examples(intent: str, look: Look, mode: str) -> list[tuple[str, str]]:
    """The (prompt, target) pairs of one labelled intent, one per task."""
    return [(prompt(task, intent), target(look, task, mode)) for task in TASKS]
