"""``moodgrade distill stats [--data DIR]``: per split and tool, rows using the tool / all rows."""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, help="data directory (default: resources/data/v2)")


def run(args: argparse.Namespace) -> int:
    from editor.distill.build import stats_table
    from editor.distill.data import SPLITS, load_split

    print(stats_table({name: load_split(name, args.data) for name in SPLITS}))
    return 0
