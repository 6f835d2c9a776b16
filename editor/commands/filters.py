"""``moodgrade filters``: list the filter presets, as aligned text or as JSON."""

from __future__ import annotations

import argparse
import json

from editor.filters import preset_description, preset_names


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list of {name, description}")


def run(args: argparse.Namespace) -> int:
    rows = [(name, preset_description(name)) for name in preset_names()]
    if args.json:
        print(json.dumps([{"name": n, "description": d} for n, d in rows], indent=2))
        return 0
    width = max(len(n) for n, _ in rows)
    for name, description in rows:
        print(f"{name:<{width}}  {description}")
    return 0
