"""``moodgrade distill SUBCOMMAND ...``: build and inspect the distillation data, train the student.

Each subcommand lives in ``editor/commands/distill_<name>.py`` with ``configure(parser)``
and ``run(args) -> int`` and is registered in ``SUBCOMMANDS``. Only the chosen one is
imported and configured, so ``distill teach`` does not pay for training's imports.
"""

from __future__ import annotations

import argparse
import importlib

#: subcommand -> (module, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "teach": (
        "editor.commands.distill_teach",
        "print the teacher's answer for an intent (per tool, with rationale)",
    ),
    "build-data": (
        "editor.commands.distill_build_data",
        "regenerate the intent corpus, teacher labels and splits",
    ),
    "stats": ("editor.commands.distill_stats", "print per split and tool: rows using the tool / all rows"),
    "filter-log": (
        "editor.commands.distill_filter_log",
        "behavioral filtering of an event log (SQLite or JSONL) into rows",
    ),
    "train": (
        "editor.commands.distill_train",
        "train the student on the data, convert it to int8 and score it",
    ),
    "label-requests": (
        "editor.commands.distill_label_requests",
        "development requests labelled by the teacher, with noisy copies, as training rows",
    ),
    "average": (
        "editor.commands.distill_average",
        "average students continued from the same one (a model soup) and convert the mean",
    ),
    "augment": (
        "editor.commands.distill_augment",
        "add teacher-labelled intents near the student's training mistakes; --rq2 runs the experiment",
    ),
}


def configure(parser: argparse.ArgumentParser) -> None:
    lines = "\n".join(f"  {name:<15} {help_text}" for name, (_, help_text) in SUBCOMMANDS.items())
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = f"subcommands:\n{lines}"
    parser.add_argument("subcommand", choices=tuple(SUBCOMMANDS), metavar="SUBCOMMAND")
    parser.add_argument(
        "arguments", nargs=argparse.REMAINDER, help="the subcommand's arguments (see SUBCOMMAND -h)"
    )


def run(args: argparse.Namespace) -> int:
    module_name, help_text = SUBCOMMANDS[args.subcommand]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"moodgrade distill {args.subcommand}", description=help_text)
    module.configure(parser)
    sub_args = parser.parse_args(args.arguments)
    sub_args.verbose = args.verbose
    return int(module.run(sub_args) or 0)
