"""``moodgrade stats``: the online metric from the local event log.

Prints project completion rate = projects exported / projects started, per model
variant (the paper's A/B metric). The log never leaves the machine.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.events import completion_rates, read_events


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--log", type=Path, default=None, help="event log (default: the app's log in the user data dir)"
    )


def run(args: argparse.Namespace) -> int:
    if args.log is None:
        from editor.settings import events_path

        args.log = events_path()
        if not args.log.exists():
            # The default log appears with the app's first project: nothing to count yet.
            print(f"No projects yet: the app has not written {args.log}.")
            return 0
    stats = completion_rates(read_events(args.log))
    if not stats:
        print(f"No projects in {args.log}.")
        return 0
    width = max(len("model variant"), *(len(s.variant) for s in stats))
    print(f"{'model variant':<{width}}  started  exported  completion rate")
    for s in stats:
        print(f"{s.variant:<{width}}  {s.started:>7}  {s.exported:>8}  {s.completion_rate:>14.1%}")
    return 0
