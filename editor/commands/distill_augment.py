"""``moodgrade distill augment``: one round of the augmentation loop, or the RQ2 experiment.

Default: score a student (``--model``) on its training rows (the train split, or a
seeded ``--train-fraction`` of it), generate intents similar to the mistaken
ones with the sentence-embedding model, have the kb teacher label them and write
them to ``-o FILE``; retrain with ``moodgrade distill train --extra FILE``.

``--rq2``: trains and scores, with the same recipe, the student on 100% of the train
split, on ``--train-fraction`` of it, and on that fraction plus one round of
augmentation, then prints the table (train %, augmentations, train size, overall on
the test split). Work directories go under ``--work``; a run whose checkpoint is
already complete there is reused, and ``--full-model`` scores an existing model
trained with the same recipe instead of training the 100% run again.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.paths import REPO_ROOT


def configure(parser: argparse.ArgumentParser) -> None:
    from editor.distill.train import SIZES, TrainOptions

    defaults = TrainOptions()
    parser.add_argument("--data", type=Path, help="data directory (default: resources/data/v2)")
    parser.add_argument(
        "--train-fraction",
        type=float,
        help="seeded share of the train split (default: 1, or 0.125 with --rq2)",
    )
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--per-intent", type=int, default=2, help="new intents per mistaken intent")
    parser.add_argument("--model", type=Path, help="student to examine (default: the shipped one)")
    parser.add_argument("-o", "--output", type=Path, help="where to write the new rows (JSONL)")
    parser.add_argument("--rq2", action="store_true", help="run the low-data augmentation experiment")
    parser.add_argument("--work", type=Path, default=REPO_ROOT / "build" / "rq2")
    parser.add_argument(
        "--full-model", type=Path, help="score this model, trained with the same recipe, for the 100%% row"
    )
    parser.add_argument("--size", choices=tuple(SIZES), default=defaults.size)
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--threads", type=int, default=defaults.threads)


def _stage(name: str):
    from editor.commands.eval import terminal_progress

    return terminal_progress(name)


def run(args: argparse.Namespace) -> int:
    from editor.distill.augment import IntentVariator, augment_round, kb_vocabulary, load_embedder
    from editor.distill.data import load_split, write_rows
    from editor.distill.train import subsample
    from editor.errors import EditorError
    from editor.model import Student
    from editor.teacher import get_teacher

    train_rows = load_split("train", args.data)
    exclude = [r.intent for split in ("test", "unseen") for r in load_split(split, args.data)]
    if args.train_fraction is None:
        args.train_fraction = 0.125 if args.rq2 else 1.0
    subset = subsample(train_rows, args.train_fraction, args.seed)

    def new_rows(student):
        variator = IntentVariator(kb_vocabulary(), load_embedder())
        result = augment_round(subset, student, variator, get_teacher("kb"), exclude, args.per_intent, _stage)
        print(
            f"{result.mistakes} of {result.evaluated} training intents mistaken "
            f"({100 * result.mistakes / result.evaluated:.1f}%); {len(result.rows)} new rows"
        )
        return result

    if not args.rq2:
        if args.output is None:
            raise EditorError(
                "Say where to write the new rows with -o FILE (or run the experiment with --rq2)."
            )
        write_rows(args.output, new_rows(Student(args.model)).rows)
        return 0

    test = load_split("test", args.data)

    def trained(name: str, rows, work: Path) -> float:
        from editor.distill.convert import convert
        from editor.distill.train import TrainOptions, train
        from editor.evaluate import evaluate

        options = TrainOptions(size=args.size, epochs=args.epochs, seed=args.seed, threads=args.threads)
        result = train(
            [(r.intent, r.look, r.mode) for r in rows], work, options, progress=_stage(f"train {name}")
        )
        out = convert(result.hf_dir, work / "ct2")
        report = evaluate(test, Student(out), progress=_stage(f"eval {name}"))
        print(f"{name}: {len(rows)} rows, test overall {report.overall:.3f}")
        return report.overall

    low_work = args.work / "low"
    pct = f"{100 * args.train_fraction:g}%"
    low = trained(pct, subset, low_work)
    extra = new_rows(Student(low_work / "ct2")).rows
    write_rows(args.work / "augmented.jsonl", extra)
    share = f"{len(extra)} ({100 * len(extra) / len(subset):.1f}%)"
    augmented = trained(f"{pct}+aug", [*subset, *extra], args.work / "aug")
    if args.full_model is not None:
        from editor.evaluate import evaluate

        full = evaluate(test, Student(args.full_model), progress=_stage("eval 100%")).overall
        print(f"100%: {args.full_model}, test overall {full:.3f}")
    else:
        full = trained("100%", train_rows, args.work / "full")
    table = [
        ("100%", 0, len(train_rows), full),
        (pct, 0, len(subset), low),
        (pct, share, len(subset) + len(extra), augmented),
    ]
    print(f"{'Train %':<9}{'Augmentations':<16}{'Train size':<12}Overall")
    for pct_text, augs, size, overall in table:
        print(f"{pct_text:<9}{augs!s:<16}{size:<12,}{overall:.2f}")
    return 0
