"""One look onto many files: each graded into one folder, a bad file reported and passed.

The command line (``moodgrade apply A.mp4 B.jpg -o OUTDIR/``) and the app's queue (File ›
Apply Look to Files…) both run ``run_batch``; each file goes through ``editor.export.export``
as a single export would, so it is atomic, refuses to replace a file without
``overwrite`` and can be cancelled. A video becomes an ``.mp4``; a photo keeps its format.
A folder given as an input stands for the videos and photos in it (by their names).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import Cancelled, EditorError, MediaError
from editor.export import ExportResult, ExportSettings, export
from editor.media import PHOTO_EXTENSIONS, probe
from editor.progress import CancelToken, ProgressCallback
from editor.schema import Look

log = logging.getLogger(__name__)

#: What a folder's files are taken by: photo formats and the common video containers.
MEDIA_SUFFIXES = PHOTO_EXTENSIONS | {".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mts", ".m2ts", ".ts"}


@dataclass
class BatchReport:
    """What a batch did: the files written, and each file that failed with its reason."""

    written: list[ExportResult] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.written) + len(self.failed)


def target_for(source: Path, kind: str, folder: Path, taken: set[Path]) -> Path:
    """The output of ``source`` in ``folder``: its name with the format's extension, made
    unique within the batch (``clip.mov`` and ``clip.mp4`` both graded: ``clip-mov.mp4``)."""
    ext = (
        ".mp4"
        if kind == "video"
        else (source.suffix.lower() if source.suffix.lower() in PHOTO_EXTENSIONS else ".png")
    )
    target = folder / f"{source.stem}{ext}"
    if target in taken:
        target = folder / f"{source.stem}-{source.suffix.lstrip('.').lower() or 'file'}{ext}"
    n = 2
    while target in taken:
        target = folder / f"{source.stem}-{n}{ext}"
        n += 1
    taken.add(target)
    return target


def expand(inputs: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The inputs with each folder replaced by its videos and photos, by name (not its subfolders)."""
    files: list[Path] = []
    for path in map(Path, inputs):
        if path.is_dir():
            found = [
                p for p in path.iterdir() if p.suffix.lower() in MEDIA_SUFFIXES and not p.name.startswith(".")
            ]
            files.extend(sorted(found, key=lambda p: p.name.casefold()))
        else:
            files.append(path)
    return files


def check_folder(folder: str | os.PathLike[str]) -> Path:
    """The output folder of a batch, refused in one sentence when it cannot take files."""
    path = Path(folder)
    if not path.is_dir():
        raise MediaError(f"The output folder {path} does not exist; create it first.")
    if not os.access(path, os.W_OK | os.X_OK):
        raise MediaError(f"The output folder {path} is not writable.")
    return path


def run_batch(
    sources: Sequence[str | os.PathLike[str]],
    folder: str | os.PathLike[str],
    look: Look,
    *,
    settings: ExportSettings | None = None,
    overwrite: bool = False,
    on_start: Callable[[int, Path], None] | None = None,
    on_done: Callable[[int, Path, ExportResult | str], None] | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    replace_hint: str = "add --overwrite (or -y) to replace it",
) -> BatchReport:
    """Grade each source into ``folder``; ``on_start(i, source)`` before file i and
    ``on_done(i, source, result or reason)`` after it. ``Cancelled`` stops the whole batch
    (the file being written is removed, the ones written stay). An existing output is a
    failure unless ``overwrite``; ``replace_hint`` tells how to allow it."""
    folder = check_folder(folder)
    report = BatchReport()
    taken: set[Path] = set()
    for index, source in enumerate(map(Path, sources)):
        if on_start is not None:
            on_start(index, source)
        outcome: ExportResult | str
        try:
            target = target_for(source, probe(source).kind, folder, taken)
            if not overwrite and (target.exists() or target.is_symlink()):
                raise MediaError(f"{target} already exists; {replace_hint}.")
            outcome = export(
                source,
                target,
                look,
                settings=settings or ExportSettings(),
                progress=progress,
                cancel=cancel,
                overwrite=overwrite,
            )
        except Cancelled:
            raise
        except EditorError as exc:
            log.warning("batch: %s failed: %s", source, exc, exc_info=True)
            outcome = str(exc)
        except Exception:
            # One broken file must not stop the others; the traceback goes to the log only.
            log.exception("batch: %s failed", source)
            outcome = f"{source.name} could not be graded; details are in the log file."
        if isinstance(outcome, str):
            report.failed.append((source, outcome))
        else:
            report.written.append(outcome)
        if on_done is not None:
            on_done(index, source, outcome)
    return report
