"""Student sizes side by side: the columns of the model card's size table.

For each trained student (a Hugging Face directory such as ``build/size-mini/hf``, written
by ``moodgrade distill train --work build/size-mini``), in one run:

- parameters;
- test and unseen overall (the offline metric of ``moodgrade eval``) on the committed data;
- direction accuracy on development requests (checks passed / measurable checks, on the
  sample pictures) and the share of development no-op requests that call no tool. The
  defaults are the sets kept out of training and out of the teacher's tuning
  (``requests_dev5``, ``requests_dev6``, ``noop_dev4``, ``noop_dev5``); the held-out
  ``requests.jsonl`` is not used to choose a model;
- p50 and p99 of ``Student.suggest`` (the four prompts as one batch) on one intra-op
  thread over the first 200 test intents, each model converted to int8 in a temporary
  directory.

    python bench/sizes.py build/size-tiny/hf build/size-mini/hf build/size-small/hf
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from latency import percentiles, time_student  # bench/latency.py: the same timing as its p50 and p99
from transformers import T5ForConditionalGeneration

from editor.directions import default_requests_dir, grade, read_noops, read_requests, student_looks
from editor.distill.convert import convert
from editor.distill.data import load_split
from editor.evaluate import evaluate
from editor.model import Student
from editor.picture_measures import sample_scenes
from editor.progress import ProgressTracker

DEV_REQUESTS = ("requests_dev5.jsonl", "requests_dev6.jsonl")
DEV_NOOPS = ("noop_dev4.jsonl", "noop_dev5.jsonl")


def directions(student: Student, requests_dir: Path) -> tuple[int, int, int, int]:
    """(checks passed, measurable checks, no-ops with no tool, no-ops) on the dev sets."""
    requests = [r for name in DEV_REQUESTS for r in read_requests(requests_dir / name)]
    noops = [t for name in DEV_NOOPS for t in read_noops(requests_dir / name)]
    looks = student_looks(student, [r.text for r in requests] + noops)
    graded = grade(
        requests, looks[: len(requests)], looks[len(requests) :], sample_scenes(),
        ProgressTracker(len(requests)), {},
    )
    checks = [c for cs in graded.checks for c in cs if c.measurable]
    quiet = sum(not called for called in graded.noop_called)
    return sum(c.passed for c in checks), len(checks), quiet, len(noops)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hf_dirs", nargs="+", type=Path)
    parser.add_argument("--requests-dir", type=Path, default=None)
    args = parser.parse_args()
    requests_dir = args.requests_dir or default_requests_dir()
    test, unseen = load_split("test"), load_split("unseen")
    texts = [r.intent for r in test[:200]]
    print("| model | params | test overall | unseen overall | dev direction checks | dev no-op | p50 ms "
          "| p99 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for hf_dir in args.hf_dirs:
        params = sum(p.numel() for p in T5ForConditionalGeneration.from_pretrained(hf_dir).parameters())
        with tempfile.TemporaryDirectory() as tmp:
            student = Student(convert(hf_dir, Path(tmp) / "ct2"))
            test_overall = evaluate(test, student).overall
            unseen_overall = evaluate(unseen, student).overall
            passed, checks, quiet, noops = directions(student, requests_dir)
            p50, p99 = percentiles(time_student(student, texts))
        print(
            f"| {hf_dir} | {params / 1e6:.2f} M | {test_overall:.2f} | {unseen_overall:.2f} | "
            f"{passed}/{checks} ({passed / checks:.3f}) | {quiet}/{noops} ({quiet / noops:.3f}) | "
            f"{p50:.1f} | {p99:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
