"""``moodgrade uninstall-desktop``: take out what ``moodgrade install-desktop`` put in."""

from __future__ import annotations

import argparse

from editor.commands.desktop import data_home, refresh_caches, uninstall


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Remove the menu entry, the icon and the project file type that install-desktop installed."
    )


def run(args: argparse.Namespace) -> int:
    removed = uninstall()
    for path in removed:
        print(f"Removed {path}")
    if not removed:
        print(f"moodgrade's menu entry is not installed in {data_home()}; nothing to remove.")
        return 0
    for note in refresh_caches():
        print(note)
    return 0
