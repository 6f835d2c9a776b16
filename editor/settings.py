"""Where the app keeps its own files (Qt-free).

Everything lives in the user's data directory (``platformdirs``), or in
``EDITOR_DATA_DIR`` when set (tests point it at a temporary directory): the event log,
the log file and the autosaved project. Nothing here is ever sent anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from editor.errors import EditorError

APP_NAME = "editor"


def data_dir() -> Path:
    """The user data directory, created on first use; one sentence when it cannot be."""
    path = Path(os.environ.get("EDITOR_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        where = "EDITOR_DATA_DIR" if os.environ.get("EDITOR_DATA_DIR") else "the user data folder"
        raise EditorError(f"The data folder {path} ({where}) cannot be used: {exc.strerror or exc}.") from exc
    return path


def events_path() -> Path:
    return data_dir() / "events.sqlite3"


def log_path() -> Path:
    return data_dir() / "editor.log"


def autosave_path() -> Path:
    return data_dir() / "autosave.editorproj"
