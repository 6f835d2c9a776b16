"""Safe file reads and writes, shared by every command and the app.

Writes are atomic (a temporary file beside the target, renamed only when complete), never
replace a file the caller did not agree to replace, and fail with one sentence. Reads of
text files (looks, projects, intent and data files) accept a UTF-8 byte-order mark and
say in plain words when a file is not UTF-8 text or not a file at all.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from editor.errors import EditorError, MediaError

log = logging.getLogger(__name__)

#: Temporary names made by ``atomic_path``: ``.STEM.XXXXXXXX.partEXT``.
_TEMP_NAME = re.compile(r"^\..*\.[a-z0-9_]{8}\.part(\.[^.]+)?$")
#: A temporary file of ours this old was left by a process that was killed outright
#: (SIGKILL, power loss), when nothing could clean up; the next write there removes it.
STALE_AFTER_S = 24 * 3600
_RANDOM_CHARS = 8
#: Larger text files are not looks, projects or intent lists; reading stops there.
MAX_TEXT_BYTES = 256 * 1024 * 1024


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _fit_stem(stem: str, room: int) -> str:
    """``stem`` cut (by whole characters) to at most ``room`` bytes on disk."""
    while stem and len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return stem


def _remove_stale_temp_files(directory: Path) -> None:
    cutoff = time.time() - STALE_AFTER_S
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                log.info("removed stale temporary file %s", entry.path)
        except OSError:
            log.info("cannot remove stale temporary file %s", entry.path, exc_info=True)


def _write_error(target: Path, exc: OSError) -> MediaError:
    log.info("cannot write %s", target, exc_info=True)
    reason = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
    return MediaError(f"Cannot write {target}: {reason[0].lower() + reason[1:]}.")


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    On any exception (including cancellation) the temporary file is removed and the
    target is left as it was; an ``OSError`` (full disk, no permission) becomes a
    one-sentence ``MediaError``. The temporary name keeps the target's extension (or
    ``suffix``) so that format-sniffing writers such as FFmpeg pick the right muxer, and
    its stem is shortened so that any name the file system takes for the target works.
    """
    target = Path(target)
    directory = target.parent if str(target.parent) else Path(".")
    ext = suffix if suffix is not None else target.suffix
    _remove_stale_temp_files(directory)
    fixed = len(os.fsencode(f"...part{ext}")) + _RANDOM_CHARS
    prefix = f".{_fit_stem(target.stem, _name_max(directory) - fixed)}."
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=f".part{ext}", dir=directory)
    except OSError as exc:
        raise _write_error(target, exc) from exc
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
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from exc
        raise


@contextlib.contextmanager
def atomic_dir(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A fresh sibling folder to fill; it replaces ``target`` only when the block completes,
    and is removed on any failure or interruption, so ``target`` is never half written."""
    target = Path(target)
    tmp = target.parent / f".{target.name}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        yield tmp
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_text_atomic(target: str | os.PathLike[str], text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def size_text(n_bytes: int) -> str:
    """A file size as file managers show it, in powers of 1000: "640 bytes", "12.3 MB"."""
    if n_bytes < 1000:
        return f"{n_bytes} bytes"
    size, unit = n_bytes / 1000, "KB"
    for bigger in ("MB", "GB"):
        if size < 999.95:  # what would print as "1000.0 KB" is "1.0 MB"
            break
        size, unit = size / 1000, bigger
    return f"{size:.1f} {unit}"


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    a, b = Path(a), Path(b)
    if a.resolve() == b.resolve():
        return True
    try:
        return b.exists() and os.path.samefile(a, b)
    except OSError:
        log.info("cannot compare %s and %s", a, b, exc_info=True)
        return False


def check_output(
    target: str | os.PathLike[str], *, overwrite: bool, sources: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Refuse an output path before any work is done, in one sentence.

    A folder, one of the ``sources``, a missing or unwritable folder, a device or pipe,
    and (unless ``overwrite``) an existing file are refused.
    """
    text = os.fspath(target)
    path = Path(text)
    if text.endswith(os.sep) or path.is_dir():
        raise MediaError(f"The output {text} is a folder; give a file name in it.")
    for source in sources:
        if _same_file(source, path):
            raise MediaError(
                f"The output {path} is the input file; choose another name so the original is kept."
            )
    directory = path.parent
    if not directory.is_dir():
        raise MediaError(f"The output folder {directory} does not exist.")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise MediaError(f"The output folder {directory} is not writable.")
    if path.exists() or path.is_symlink():
        if not path.is_file():
            raise MediaError(f"The output {path} exists and is not a regular file; choose another name.")
        if not overwrite:
            raise MediaError(f"{path} already exists; add --overwrite (or -y) to replace it.")
    return path


def read_text(path: str | os.PathLike[str], kind: str, error: type[EditorError] = EditorError) -> str:
    """The text of a small UTF-8 file (a BOM is accepted), or one sentence as ``error``.

    ``kind`` names the file in the message ("Look file", "Project file").
    """
    path = Path(path)
    name = str(path)
    try:
        if not path.exists():
            raise error(f"{kind} {name!r} does not exist.")
        if path.is_dir():
            raise error(f"{kind} {name!r} is a folder, not a file.")
        if not path.is_file():
            raise error(f"{kind} {name!r} is not a regular file (a device or a pipe).")
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise error(f"{kind} {name!r} is too large ({path.stat().st_size // 2**20} MB) to be one.")
        data = path.read_bytes()
    except OSError as exc:
        log.info("cannot read %s", path, exc_info=True)
        raise error(f"{kind} {name!r} cannot be read ({exc.strerror or exc}).") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:2]):
        raise error(f"{kind} {name!r} is saved as UTF-16; save it as UTF-8 text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            f"{kind} {name!r} is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8."
        ) from exc


#: What ``json.loads`` raises on untrusted text: bad syntax, an integer of more digits
#: than Python converts, or nesting deeper than the recursion limit.
JSON_ERRORS = (ValueError, RecursionError)


def json_reason(exc: BaseException) -> str:
    """Why ``json.loads`` refused a text, in plain words (for one of ``JSON_ERRORS``)."""
    if isinstance(exc, json.JSONDecodeError):
        return "it is empty" if not exc.doc.strip() else f"{exc.msg} at line {exc.lineno}"
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    return "a number in it has too many digits"


def read_jsonl(path: str | os.PathLike[str], kind: str) -> Iterator[tuple[str, Any]]:
    """``(where, value)`` for every non-blank line of a JSONL file; ``where`` is "name line N".

    ``kind`` names the file in the one-sentence ``EditorError`` for a missing or unreadable
    file ("Data file", "Request file") or a line that is not JSON.
    """
    path = Path(path)
    lines = read_text(path, kind).splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            yield where, json.loads(line)
        except JSON_ERRORS as exc:
            raise EditorError(f"{where} is not valid JSON ({json_reason(exc)}).") from exc
