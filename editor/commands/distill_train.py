"""``moodgrade distill train``: train the student, convert it to int8 and score it.

Trains in a work directory (default ``build/student``; rerunning the same command
resumes from its checkpoint, Ctrl+C saves one), converts the result to a CTranslate2
int8 model in ``--out`` (default ``models/student``) and prints its scores on the test
split.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.paths import REPO_ROOT, default_model_dir


def configure(parser: argparse.ArgumentParser) -> None:
    from editor.distill.train import EMBEDDING_INITS, SIZES, TrainOptions

    defaults = TrainOptions()
    parser.add_argument("--data", type=Path, help="data directory (default: resources/data/v2)")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="more training rows (JSONL)")
    parser.add_argument(
        "--work", type=Path, default=REPO_ROOT / "build" / "student", help="checkpoint directory"
    )
    parser.add_argument("--out", type=Path, help="converted model directory (default: models/student)")
    parser.add_argument("--size", choices=tuple(SIZES), default=defaults.size)
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--max-steps", type=int, help="stop after this many steps")
    parser.add_argument("--batch-size", type=int, default=defaults.batch_size)
    parser.add_argument("--learning-rate", type=float, default=defaults.learning_rate)
    parser.add_argument("--dropout", type=float, default=defaults.dropout)
    parser.add_argument(
        "--embedding-init",
        choices=EMBEDDING_INITS,
        default=defaults.embedding_init,
        help="token embeddings from the sentence-embedding model (default) or T5's random init",
    )
    parser.add_argument(
        "--init-from",
        type=Path,
        help="continue from this trained student's Hugging Face directory (e.g. models/student-hf)",
    )
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--threads", type=int, default=defaults.threads)
    parser.add_argument("--train-fraction", type=float, default=1.0, help="train on a seeded subset")
    parser.add_argument(
        "--none-share",
        type=float,
        help="train on every no-op row and a seeded sample of the others, no-ops this share of the rows",
    )
    parser.add_argument("--restart", action="store_true", help="discard the checkpoint in --work")
    parser.add_argument("--no-eval", action="store_true", help="skip scoring on the test split")


def run(args: argparse.Namespace) -> int:
    import shutil

    from editor.commands.eval import terminal_progress
    from editor.distill.convert import convert
    from editor.distill.data import load_split, read_rows
    from editor.distill.train import CHECKPOINT_FILE, TrainOptions, none_refresher, subsample, train
    from editor.evaluate import evaluate
    from editor.model import Student

    rows = subsample(load_split("train", args.data), args.train_fraction, args.seed)
    if args.none_share is not None:
        rows = none_refresher(rows, args.none_share, args.seed)
    for extra in args.extra:
        rows += read_rows(extra)
    options = TrainOptions(
        size=args.size,
        epochs=args.epochs,
        batch_size=args.batch_size,
        learning_rate=args.learning_rate,
        dropout=args.dropout,
        embedding_init=args.embedding_init,
        init_from=str(args.init_from) if args.init_from else None,
        seed=args.seed,
        max_steps=args.max_steps,
        threads=args.threads,
    )
    if args.restart:
        (args.work / CHECKPOINT_FILE).unlink(missing_ok=True)
        shutil.rmtree(args.work / "hf", ignore_errors=True)
    result = train(
        [(r.intent, r.look, r.mode) for r in rows], args.work, options, progress=terminal_progress("train")
    )
    out = args.out or default_model_dir()
    convert(result.hf_dir, out)
    size_mb = (out / "model.bin").stat().st_size / 1e6
    print(
        f"trained {len(rows)} rows, {result.steps} steps in {result.seconds / 60:.1f} min, "
        f"loss {result.loss:.4f}, {result.parameters / 1e6:.2f}M parameters, {size_mb:.1f} MB int8 in {out}"
    )
    if not args.no_eval:
        test = load_split("test", args.data)
        report = evaluate(test, Student(out), progress=terminal_progress("eval test"))
        print(report.table())
    return 0
