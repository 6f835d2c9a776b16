"""Atomic file writes (a temporary file beside the target, renamed only when complete)
and line-by-line JSON reads that say which line is wrong."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def read_jsonl(path: str | os.PathLike[str], kind: str) -> Iterator[tuple[str, Any]]:
    """``(where, value)`` for every non-blank line of a JSONL file; ``where`` is "name line N".

    ``kind`` names the file in the one-sentence ``EditorError`` for a missing or unreadable
    file ("Data file", "Request file") or a line that is not JSON.
    """
    from editor.errors import EditorError

    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise EditorError(f"{kind} {str(path)!r} does not exist.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EditorError(f"{kind} {str(path)!r} cannot be read: {exc}.") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise EditorError(f"{where} is not valid JSON ({exc.msg}).") from exc
