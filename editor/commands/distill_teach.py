"""``moodgrade distill teach "moody winter"``: the teacher's answer, per tool, with its rationale."""

from __future__ import annotations

import argparse
import json

from editor.schema import TOOL_LABELS, TOOLS


def configure(parser: argparse.ArgumentParser) -> None:
    from editor.teacher import BACKENDS

    parser.add_argument("intent", help="what the creator typed, e.g. 'moody winter'")
    parser.add_argument("--backend", choices=BACKENDS, default="kb", help="teacher backend (default: kb)")
    parser.add_argument("--url", help="openai backend: chat-completions base URL (or MOODGRADE_TEACHER_URL)")
    parser.add_argument("--model", help="openai backend: model name (or MOODGRADE_TEACHER_MODEL)")
    parser.add_argument("--json", action="store_true", help="print the look as JSON instead")


def run(args: argparse.Namespace) -> int:
    from editor.teacher import get_teacher

    options = {}
    if args.backend == "openai":
        options = {k: v for k, v in (("url", args.url), ("model", args.model)) if v}
    answer = get_teacher(args.backend, **options).label(args.intent)
    if args.json:
        print(json.dumps({"look": answer.look.to_dict(), "rationales": answer.rationales}, indent=2))
        return 0
    if answer.concepts:
        print(f"concepts: {', '.join(answer.concepts)}")
    for tool in TOOLS:
        label = TOOL_LABELS[tool]
        if not answer.called(tool):
            print(f"{label}: not called")
            continue
        print(f"{label}: {answer.look.tool_text(tool)}")
        print(f"  why: {answer.rationales.get(tool, '')}")
    return 0
