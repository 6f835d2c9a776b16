"""``editor [PATH]``: open the desktop editor, optionally on a video, photo or project.

The Qt application lives in ``editor.app``; it is imported by name at run time so
that the command registry itself stays Qt-free (the import-linter contract).
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help="a video, photo or .editorproj project to open")


def run(args: argparse.Namespace) -> int:
    return importlib.import_module("editor.app").run_app(args.path)
