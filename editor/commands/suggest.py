"""``editor suggest``: turn intents into looks with the student model.

``editor suggest "moody winter"`` prints the look as JSON (``--explain`` adds the
plain-words explanation); ``editor suggest --jsonl FILE`` (``-`` = stdin) reads one
intent per line and writes one compact JSON look per line, loading the model once and
decoding in batches.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

from editor.errors import EditorError

log = logging.getLogger(__name__)

_BATCH = 32


def configure(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("intent", nargs="?", help="the look in plain words, e.g. 'moody winter'")
    source.add_argument("--jsonl", metavar="FILE", help="read one intent per line ('-' = stdin)")
    parser.add_argument("--explain", action="store_true", help="also print what each tool does")
    parser.add_argument("--model", type=Path, help="student model directory (default: the shipped one)")


def _lines(name: str) -> Iterator[str]:
    if name == "-":
        yield from sys.stdin
        return
    try:
        with open(name, encoding="utf-8") as fh:
            yield from fh
    except FileNotFoundError:
        raise EditorError(f"Intent file {name!r} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EditorError(f"Intent file {name!r} cannot be read: {exc}.") from exc


def run(args: argparse.Namespace) -> int:
    from editor.model import Student

    student = Student(args.model)
    if args.jsonl is None:
        if not args.intent.strip():
            raise EditorError("The intent is empty; describe the look in a few words.")
        suggestion = student.suggest(args.intent)
        print(suggestion.look.to_json())
        if args.explain:
            for line in suggestion.explanation or ["No change: the model suggests no tool for this intent."]:
                print(line)
        for warning in suggestion.warnings:
            log.info("%s", warning)
        return 0
    batch: list[str] = []

    def flush() -> None:
        for suggestion in student.suggest_many(batch):
            sys.stdout.write(json.dumps(suggestion.look.to_dict(), separators=(",", ":")) + "\n")
        sys.stdout.flush()
        batch.clear()

    for line in _lines(args.jsonl):
        if not line.strip():
            continue
        batch.append(line.strip())
        if len(batch) == _BATCH:
            flush()
    if batch:
        flush()
    return 0
