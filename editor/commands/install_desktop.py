"""``moodgrade install-desktop [--overwrite]``: put moodgrade in the desktop's menu and make
it the file manager's choice for videos, photos and projects, for this user
(editor/commands/desktop.py says what goes where)."""

from __future__ import annotations

import argparse

from editor.commands.desktop import data_home, install, refresh_caches


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Install the menu entry, the icon and the project file type under $XDG_DATA_HOME "
        "(~/.local/share), the entry starting this moodgrade; 'moodgrade uninstall-desktop' removes them."
    )
    parser.add_argument(
        "-y", "--overwrite", action="store_true", help="replace files already there with other content"
    )


def run(args: argparse.Namespace) -> int:
    written, kept = install(args.overwrite)
    for path in written:
        print(f"Wrote {path}")
    if kept:
        print(f"{len(kept)} file(s) were already there, unchanged.")
    if written:
        for note in refresh_caches():
            print(note)
    print(f"moodgrade is in the desktop's menu (from {data_home()}).")
    return 0
