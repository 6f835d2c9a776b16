"""``moodgrade eval``: score the student against the teacher's labels of one split.

Prints ``(P, R, F1) | quality | final`` per tool, the overall score and the mode line,
and with ``--json OUT`` writes them as JSON. Ctrl+C stops it.

``--split requests`` is the direction check (``editor.directions``): the hand-made
requests in ``requests.jsonl`` and ``noop.jsonl`` of ``--data`` (default
``resources/data/requests``) are answered by the student and the kb teacher, graded on
the sample pictures, and the accuracy per property and direction is printed side by
side. With ``-v`` every failed check is logged.

``--reality`` is the reality check (``editor.reality``, ``docs/reality.md``): every look
of the style set, as the kb teacher and the student give it, is rendered on the sample
pictures and the photos and clips of ``--media`` (default ``../shared/testdata/media``
beside the checkout, when it is there) and its signature measured. ``--looks small``
grades three looks only, ``--sheet OUT.jpg`` writes the teacher's contact sheet and
``--json OUT`` the scores.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from editor.fileio import write_text_atomic
from editor.progress import Progress

log = logging.getLogger(__name__)


def terminal_progress(label: str) -> Callable[[Progress], None]:
    """A progress callback drawing a one-line bar on stderr (only on a terminal)."""
    interactive = sys.stderr.isatty()
    shown = [-1]

    def show(p: Progress) -> None:
        # Off a terminal (logs, CI) a line every 10% instead of a redrawn bar.
        tenth = int(10 * p.fraction)
        if not interactive and tenth == shown[0] and p.done < p.total:
            return
        shown[0] = tenth
        width = 30
        filled = int(width * p.fraction)
        eta = f" eta {p.eta_s:4.0f}s" if p.eta_s is not None else ""
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total}{eta}")
        if p.done >= p.total or not interactive:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", choices=("test", "unseen", "train", "requests"), default="test")
    parser.add_argument("--model", type=Path, help="student model directory (default: the shipped one)")
    parser.add_argument(
        "--data", type=Path, help="data directory (default: resources/data/v2, or resources/data/requests)"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the scores as JSON")
    parser.add_argument("--reality", action="store_true", help="the reality check of the style looks")
    parser.add_argument("--media", type=Path, help="--reality: a folder of photos and clips to add")
    parser.add_argument("--looks", choices=("all", "small"), default="all", help="--reality: the style set")
    parser.add_argument(
        "--sheet", type=Path, metavar="OUT.png", help="--reality: the teacher's contact sheet"
    )


def run(args: argparse.Namespace) -> int:
    if args.reality:
        return run_reality(args)
    if args.split == "requests":
        return run_requests(args)
    from editor.distill.data import load_split
    from editor.evaluate import evaluate
    from editor.model import Student

    rows = load_split(args.split, args.data)
    student = Student(args.model)
    report = evaluate(rows, student, progress=terminal_progress(f"eval {args.split}"))
    print(f"{args.split}: {len(rows)} intents, model {student.variant}")
    print(report.table())
    if args.json is not None:
        write_text_atomic(args.json, report.to_json() + "\n")
    return 0


def run_requests(args: argparse.Namespace) -> int:
    from editor.directions import default_requests_dir, evaluate_requests, read_noops, read_requests
    from editor.model import Student
    from editor.picture_measures import sample_scenes
    from editor.teacher import get_teacher

    folder = args.data or default_requests_dir()
    requests = read_requests(folder / "requests.jsonl")
    noops = read_noops(folder / "noop.jsonl")
    student = Student(args.model)
    scenes = sample_scenes()
    report = evaluate_requests(
        requests, noops, student, get_teacher("kb"), scenes, progress=terminal_progress("eval requests")
    )
    for line in report.failures():
        log.info("%s", line)
    print(
        f"requests: {len(requests)} requests, {len(noops)} no-op requests on "
        f"{', '.join(report.scenes)}; model {student.variant}, teacher kb"
    )
    print(report.table())
    if args.json is not None:
        write_text_atomic(args.json, report.to_json() + "\n")
    return 0


def run_reality(args: argparse.Namespace) -> int:
    from editor.directions import student_looks, teacher_looks
    from editor.model import Student
    from editor.paths import REPO_ROOT
    from editor.reality import SMALL_LOOKS, STYLE_LOOKS, evaluate_reality, real_scenes
    from editor.teacher import get_teacher

    shared = REPO_ROOT.parent / "shared" / "testdata" / "media"
    media = args.media or (shared if shared.is_dir() else None)
    scenes = real_scenes(media)
    student, teacher = Student(args.model), get_teacher("kb")
    prompts = SMALL_LOOKS if args.looks == "small" else tuple(STYLE_LOOKS)
    report = evaluate_reality(
        {"teacher": lambda p: teacher_looks(teacher, p), "student": lambda p: student_looks(student, p)},
        scenes,
        prompts,
        args.sheet,
    )
    for line in report.failures():
        log.info("%s", line)
    print(f"reality: {len(prompts)} looks on {len(scenes)} images; model {student.variant}, teacher kb")
    print(report.table())
    if args.json is not None:
        write_text_atomic(args.json, json.dumps(report.to_dict(), indent=2) + "\n")
    return 0
