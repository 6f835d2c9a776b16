"""``moodgrade distill build-data [--seed N] [--out DIR]``: corpus, teacher labels and splits.

Reproducible: the same seed and knowledge base write the same bytes. Prints the
per-split tool usage table when done; Ctrl+C stops it and leaves the old files.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    from editor.distill.build import BuildOptions

    defaults = BuildOptions()
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--out", type=Path, help="output directory (default: resources/data/v2)")
    parser.add_argument("--size", type=int, default=defaults.corpus_size, help="number of unique intents")
    parser.add_argument("--test-size", type=int, default=defaults.test_size)
    parser.add_argument(
        "--continue-from",
        type=Path,
        help="data a student was trained on: keep its held-out concepts "
        "and keep its training intents out of test and unseen",
    )


def run(args: argparse.Namespace) -> int:
    from editor.commands.eval import terminal_progress
    from editor.distill.build import BuildOptions, build_dataset, stats_table
    from editor.distill.data import default_data_dir

    options = BuildOptions(
        seed=args.seed, corpus_size=args.size, test_size=args.test_size, continue_from=args.continue_from
    )
    out = args.out or default_data_dir()
    splits = build_dataset(out, options, progress=terminal_progress("label"))
    print(f"wrote {out}")
    print(stats_table({"train": splits.train, "test": splits.test, "unseen": splits.unseen}))
    return 0
