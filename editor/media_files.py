"""Which files are media, and opening one: the checks every reader makes first.

A path that is missing, a folder, a device or empty is refused in one sentence before
any decoder sees it, and a file FFmpeg cannot demux or that has no video track is a
``MediaError`` rather than FFmpeg's own exception.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import av

from editor.errors import MediaError

log = logging.getLogger(__name__)

PHOTO_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})


def check_input(path: str | os.PathLike[str]) -> Path:
    """``path`` as a ``Path`` once it is a non-empty regular file; else a ``MediaError``."""
    path = Path(path)
    if not path.exists():
        raise MediaError(f"{path} does not exist.")
    if path.is_dir():
        raise MediaError(f"{path} is a folder, not a video or photo.")
    if not path.is_file():
        raise MediaError(f"{path} is not a regular file (a device or a pipe), not a video or photo.")
    if path.stat().st_size == 0:
        raise MediaError(f"{path} is empty (0 bytes).")
    return path


def is_photo_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in PHOTO_EXTENSIONS


def open_container(path: str | os.PathLike[str]) -> av.container.InputContainer:
    """Open ``path`` for demuxing; a file FFmpeg cannot read becomes a ``MediaError``."""
    path = check_input(path)
    try:
        container = av.open(str(path), mode="r")
    except (av.error.FFmpegError, OSError) as exc:
        log.info("cannot open %s", path, exc_info=True)
        raise MediaError(f"{path} is not a video or photo this editor can read ({exc.strerror}).") from exc
    if not container.streams.video:
        container.close()
        raise MediaError(f"{path} has no video track.")
    return container
