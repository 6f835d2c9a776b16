"""Looks the user keeps: a shelf of named looks in ``<data dir>/looks``, one file each.

Each saved look is a plain look JSON file named after the look (``Warm evening.json``),
so a file from the shelf also works as ``moodgrade apply --look``. Names are what a
creator types; the few characters a file name cannot hold are refused in one sentence.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from editor.errors import EditorError
from editor.lut import write_cube
from editor.pipeline import LUT_SIZE, active_spatial, bake_pointwise
from editor.schema import Look
from editor.settings import data_dir
from editor.user_luts import anchored, resolve

log = logging.getLogger(__name__)

SUFFIX = ".json"
MAX_NAME = 80
_FORBIDDEN = set('/\\:*?"<>|\0')


@dataclass(frozen=True)
class SavedLook:
    name: str
    look: Look
    path: Path


def looks_dir() -> Path:
    return data_dir() / "looks"


def check_name(name: str) -> str:
    """A look's name, stripped, or ``EditorError`` saying why it cannot be one."""
    name = name.strip()
    if not name:
        raise EditorError("Give the look a name.")
    if len(name) > MAX_NAME:
        raise EditorError(f"A look's name can be at most {MAX_NAME} characters long.")
    bad = sorted(set(name) & _FORBIDDEN) or ([name[0]] if name.startswith(".") else [])
    if bad or any(ord(c) < 32 for c in name):
        shown = repr(bad[0]) if bad else "a control character"
        raise EditorError(f"A look's name cannot hold {shown}; use letters, digits, spaces and dashes.")
    return name


def saved_looks() -> list[SavedLook]:
    """The shelf, by name; a file that is not a look any more is left out (and logged)."""
    folder = looks_dir()
    if not folder.is_dir():
        return []
    shelf = []
    for path in sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stem.casefold()):
        try:
            shelf.append(SavedLook(path.stem, Look.load(path, strict=False), path))
        except EditorError:
            log.warning("saved look %s is unreadable", path, exc_info=True)
    return shelf


def _path(name: str) -> Path:
    return looks_dir() / f"{check_name(name)}{SUFFIX}"


def exists(name: str) -> bool:
    return _path(name).is_file()


def save_look(name: str, look: Look, *, replace: bool = False) -> SavedLook:
    """Keep ``look`` under ``name``; an existing name is replaced only with ``replace``."""
    path = _path(name)
    if path.exists() and not replace:
        raise EditorError(f"There is already a look named {path.stem!r}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    look.save(path)
    return SavedLook(path.stem, look, path)


def rename_look(saved: SavedLook, new_name: str) -> SavedLook:
    target = _path(new_name)
    if target.exists() and not target.samefile(saved.path):
        raise EditorError(f"There is already a look named {target.stem!r}.")
    os.replace(saved.path, target)
    return SavedLook(target.stem, saved.look, target)


def delete_look(saved: SavedLook) -> None:
    saved.path.unlink(missing_ok=True)


def import_look(path: str | os.PathLike[str], *, replace: bool = False) -> SavedLook:
    """Put a look JSON file on the shelf under its file name (refused if it is no look); a
    LUT it names that lies beside it is kept by its path."""
    path = Path(path)
    notes: list[str] = []
    look = anchored(Look.load(path, strict=False, notes=notes), path.parent)
    if notes:
        log.info("imported look %s: %s", path, " ".join(notes))
    return save_look(path.stem, look, replace=replace)


def export_cube(look: Look, path: str | os.PathLike[str], size: int = LUT_SIZE) -> list[str]:
    """Bake the look's pointwise part into a ``.cube`` (as ``moodgrade look-to-cube`` does);
    returns the spatial operations a LUT cannot hold, which were left out."""
    if look.user_lut is not None:
        resolve(look.user_lut)
    title = "moodgrade look " + "; ".join(look.to_text().splitlines())
    write_cube(path, bake_pointwise(look, size), title=title.replace('"', "'"))
    return [op.NAME for op in active_spatial(look)]
