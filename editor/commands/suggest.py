"""``moodgrade suggest``: turn intents into looks with the student model.

``moodgrade suggest "moody winter"`` prints the look as JSON (``--explain`` adds whether
the request reads as a new look or as a change to the current one, and the plain-words
explanation); ``moodgrade suggest --jsonl FILE`` (``-`` = stdin) reads one intent per line
and writes one compact JSON object per line, ``{"intent", "mode", "look"}``, loading the
model once and decoding in batches. An intent the model does not understand
(``editor.intent.NOT_UNDERSTOOD``) is refused, except in ``--jsonl``, where its line has
mode ``none`` and the neutral look, so that output line N always answers input line N
(a blank line included). Bytes that are not UTF-8 are read as U+FFFD.

``understood_suggestion`` is the refusal the other commands that take a prompt share.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

from editor.errors import EditorError
from editor.fileio import read_text
from editor.intent import NEW, NOT_UNDERSTOOD, RELATIVE, clean

log = logging.getLogger(__name__)

_BATCH = 32
EMPTY = "The request is empty; describe the look in a few words."
_READS_AS = {NEW: "Reads as a new look.", RELATIVE: "Reads as a change to the current look."}


def configure(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("intent", nargs="?", help="the look in plain words, e.g. 'moody winter'")
    source.add_argument("--jsonl", metavar="FILE", help="read one intent per line ('-' = stdin)")
    parser.add_argument("--explain", action="store_true", help="also print what each tool does")
    parser.add_argument("--model", type=Path, help="student model directory (default: the shipped one)")


def _lines(name: str) -> Iterator[str]:
    if name == "-":
        # Read as it arrives (a pipe may stay open), decoding what is not UTF-8 as U+FFFD.
        yield from io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace")
        return
    yield from read_text(name, "Intent file").splitlines()


def understood_suggestion(intent: str, model_dir: Path | None = None):
    """The student's suggestion for one request; an empty request is refused before the
    model loads, and one the model does not understand after it answers."""
    intent = clean(intent)
    if not intent.strip():
        raise EditorError(EMPTY)
    from editor.model import Student

    suggestion = Student(model_dir).suggest(intent)
    for warning in suggestion.warnings:
        log.info("%s", warning)
    if not suggestion.understood:
        raise EditorError(NOT_UNDERSTOOD)
    return suggestion


def run(args: argparse.Namespace) -> int:
    if args.jsonl is None:
        suggestion = understood_suggestion(args.intent, args.model)
        print(suggestion.look.to_json())
        if args.explain:
            print(_READS_AS[suggestion.mode])
            for line in suggestion.explanation:
                print(line)
        return 0
    from editor.model import Student

    student = Student(args.model)
    batch: list[str] = []

    def flush() -> None:
        for intent, suggestion in zip(batch, student.suggest_many(batch), strict=True):
            if not suggestion.understood:
                log.info("not understood, neutral look written: %r", intent)
            line = {"intent": intent, "mode": suggestion.mode, "look": suggestion.look.to_dict()}
            sys.stdout.write(json.dumps(line, separators=(",", ":")) + "\n")
        sys.stdout.flush()
        batch.clear()

    for line in _lines(args.jsonl):
        batch.append(clean(line.strip()))
        if len(batch) == _BATCH:
            flush()
    if batch:
        flush()
    return 0
