"""``moodgrade [PATH]``: open the desktop editor, optionally on a video, photo or project.

The Qt application lives in ``editor.app``; it is imported inside ``run`` so that the
command registry itself stays Qt-free. pyproject.toml's import-linter contract names this
import (and demo's) as the exceptions.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from editor.errors import EditorError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help="a video, photo or .moodgrade project to open")


def has_screen() -> bool:
    """Whether Qt can open a window here; without this check Qt aborts the process."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(args: argparse.Namespace) -> int:
    if args.path is not None and not args.path.exists():
        raise EditorError(f"{str(args.path)!r} does not exist.")
    if not has_screen():
        raise EditorError(
            "No screen is available to open moodgrade's window; "
            "use 'moodgrade apply' or 'moodgrade demo' to grade files without it."
        )
    from editor.app import run_app

    return run_app(args.path)
