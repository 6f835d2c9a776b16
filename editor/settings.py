"""Where the app keeps its own files (Qt-free).

Everything lives in the user's data directory (``platformdirs``), or in
``MOODGRADE_DATA_DIR`` (or the older ``EDITOR_DATA_DIR``) when set (tests point it at a
temporary directory): the event log, the log file and the autosaved project. Nothing here
is ever sent anywhere.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

from editor.errors import EditorError
from editor.paths import environ

APP_NAME = "moodgrade"
#: The product's name before the rename; its data folder is carried over on first use.
OLD_APP_NAME = "editor"
#: What only our old data folder holds: ``editor`` is a generic name, and another program's
#: folder of that name must not be taken over.
_OLD_MARKERS = ("events.sqlite3", "autosaves", "luts", "looks", "editor.log")

log = logging.getLogger(__name__)


def _carry_over_old_folder(path: Path) -> None:
    """Move the data folder of a version from before the rename to ``path``, so an update
    keeps the user's LUTs, looks, event log and autosaves. Left where it is when it cannot
    be moved (e.g. another filesystem): the new folder then starts empty."""
    old = Path(platformdirs.user_data_dir(OLD_APP_NAME, appauthor=False))
    if path.exists() or not old.is_dir() or not any((old / m).exists() for m in _OLD_MARKERS):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        old.rename(path)
    except OSError as exc:
        log.warning("could not move the old data folder %s to %s: %s", old, path, exc)


def data_dir() -> Path:
    """The user data directory, created on first use; one sentence when it cannot be."""
    variable, value = environ("DATA_DIR")
    if value:
        path = Path(value)
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        _carry_over_old_folder(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        where = variable if value else "the user data folder"
        raise EditorError(f"The data folder {path} ({where}) cannot be used: {exc.strerror or exc}.") from exc
    return path


def events_path() -> Path:
    return data_dir() / "events.sqlite3"


def log_path() -> Path:
    return data_dir() / "moodgrade.log"


def autosave_path() -> Path:
    return data_dir() / "autosave.moodgrade"
