"""``moodgrade distill label-requests FILE... -o OUT``: development requests as training rows.

Labels each request of the given development files with the teacher and writes it, with
``--copies`` noisy copies, to ``OUT`` (JSONL rows for ``moodgrade distill train --extra``).
Requests naming a concept held out for the unseen split of ``--data`` are left out;
the held-out ``requests.jsonl`` and ``noop.jsonl`` are refused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", type=Path, nargs="+", help="development request files (JSONL)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the rows (JSONL)")
    parser.add_argument("--copies", type=int, default=5, help="noisy copies of each request (default: 5)")
    parser.add_argument("--data", type=Path, help="data directory whose held-out concepts to respect")
    parser.add_argument("--seed", type=int, default=0)


def run(args: argparse.Namespace) -> int:
    from editor.distill.data import default_data_dir, write_rows
    from editor.distill.seeds import read_seed_requests, seed_rows
    from editor.errors import EditorError
    from editor.teacher.kb import KnowledgeTeacher

    if args.copies < 0:
        raise EditorError("--copies must be 0 or more.")
    manifest = (args.data or default_data_dir()) / "manifest.json"
    if not manifest.exists():
        raise EditorError(
            f"{str(manifest)!r} is missing; build the data first (moodgrade distill build-data)."
        )
    held_out = json.loads(manifest.read_text(encoding="utf-8"))["held_out_concepts"]
    requests = read_seed_requests(args.files)
    rows, skipped = seed_rows(requests, KnowledgeTeacher(), held_out, args.copies, args.seed)
    write_rows(args.output, rows)
    print(
        f"wrote {len(rows)} rows for {len(requests) - skipped} requests to {args.output}"
        f" ({skipped} left out for naming a held-out concept)"
    )
    return 0
