"""``moodgrade distill filter-log LOG -o OUT.jsonl``: behavioral filtering of a usage log into rows.

LOG is the app's SQLite event log or a JSONL file of rows with ``exported`` flags.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("log", type=Path, help="SQLite event log or JSONL rows with 'exported' flags")
    parser.add_argument("-o", "--output", type=Path, required=True, help="filtered rows (JSONL)")


def run(args: argparse.Namespace) -> int:
    from editor.distill.data import write_rows
    from editor.distill.filtering import behavioral_filter, read_log

    samples = read_log(args.log)
    rows = behavioral_filter(samples)
    write_rows(args.output, rows)
    print(f"{len(samples)} samples, {len(rows)} intents kept -> {args.output}")
    return 0
