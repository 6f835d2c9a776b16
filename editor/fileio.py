"""Atomic file writes: a temporary file beside the target, renamed only when complete."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    On any exception (including cancellation) the temporary file is removed and the
    target is left as it was. The temporary name keeps the target's extension (or
    ``suffix``) so that format-sniffing writers such as FFmpeg pick the right muxer.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    ext = suffix if suffix is not None else target.suffix
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".part{ext}", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates the file private (0600); a finished export or project should get
    # the permissions any new file of the user's gets.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_text_atomic(target: str | os.PathLike[str], text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
