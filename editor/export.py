"""Render a look onto a video or photo and write the result.

Video goes to MP4 (H.264, 4:2:0, tagged BT.709 limited range, ``+faststart``) with the
source's timestamps, so variable frame rate and duration are kept; rotation metadata is
baked into the pixels. Audio is copied when MP4 can hold it (AAC, MP3) and transcoded to
AAC otherwise; the first audio track is kept and a note names what was left out. A
stream that starts late (MPEG-TS) is moved to start at 0. Photos go to JPEG, PNG or TIFF
by the target's extension; PNG and TIFF keep a 16-bit source's depth and its alpha.

Pixels pass through the same ``GLRenderer`` as the preview; ``editor.export_video`` runs
decoding, grading and encoding on three threads, and ``editor.encoders`` picks libx264 or
a hardware encoder.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from editor.encoders import LIBX264, X264_PRESETS, check_encoder
from editor.errors import EditorError, MediaError
from editor.export_video import Written, export_video
from editor.fileio import atomic_path, check_output
from editor.media import PHOTO_EXTENSIONS, probe, read_photo_alpha, write_photo
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import Look

if TYPE_CHECKING:
    from editor.gl import GLRenderer

log = logging.getLogger(__name__)

VIDEO_EXTENSIONS = frozenset({".mp4", ".m4v", ".mov"})


@dataclass(frozen=True)
class ExportSettings:
    """How to write the result.

    ``crf`` is x264's constant rate factor (0 = lossless, 18 = visually transparent for
    most footage, 23 = x264's default, larger = smaller files); a hardware encoder takes it
    as its constant-quality level. ``preset`` is x264's speed preset (``encoders.SPEEDS``
    are the three offered: veryfast, medium, slow), which a hardware encoder turns into
    its own. ``encoder`` is "libx264", "auto" (a hardware encoder where one works here,
    else libx264) or one of ``encoders.HARDWARE`` (libx264 where that one does not work).
    ``max_height`` scales a taller video down, keeping its aspect with even dimensions;
    ``None`` keeps the size. ``photo_quality`` is the JPEG quality 1..100. ``threads`` is
    x264's thread count (``None``: one per core, see ``encoders.x264_threads``; 0: x264
    decides).
    """

    crf: int = 18
    preset: str = "medium"
    max_height: int | None = None
    photo_quality: int = 95
    threads: int | None = None
    encoder: str = LIBX264

    def __post_init__(self) -> None:
        if not 0 <= self.crf <= 51:
            raise EditorError(f"Video quality (CRF) must be 0..51, not {self.crf}.")
        if self.preset not in X264_PRESETS:
            raise EditorError(f"Unknown x264 preset {self.preset!r}; use one of {', '.join(X264_PRESETS)}.")
        if self.max_height is not None and self.max_height < 2:
            raise EditorError(f"The maximum height must be at least 2 pixels, not {self.max_height}.")
        if not 1 <= self.photo_quality <= 100:
            raise EditorError(f"Photo quality must be 1..100, not {self.photo_quality}.")
        check_encoder(self.encoder)


@dataclass(frozen=True)
class ExportResult:
    """What was written. ``audio`` is "copied", "transcoded" or ``None`` (no audio);
    ``encoder`` is the video encoder that wrote it (``None`` for a photo); ``size_bytes``
    the size of the file written."""

    target: Path
    kind: str
    width: int
    height: int
    frames: int
    duration_s: float
    audio: str | None
    elapsed_s: float
    #: What was left out of the source, one sentence each (extra audio tracks, subtitles).
    notes: tuple[str, ...] = ()
    encoder: str | None = None
    size_bytes: int = 0

    @property
    def fps(self) -> float:
        """Frames written per second of wall time."""
        return self.frames / self.elapsed_s if self.elapsed_s > 0 else 0.0


def output_size(width: int, height: int, max_height: int | None) -> tuple[int, int]:
    """The (width, height) to encode: at most ``max_height`` tall, aspect kept, both even
    (H.264's 4:2:0 needs even sides; an odd height rounds down when up would pass the limit)."""
    scaled_width: float = width
    if max_height is not None and height > max_height:
        scaled_width, height = width * max_height / height, max_height
    even_height = max(2, int(height / 2 + 0.5) * 2)
    if max_height is not None and even_height > max_height:
        even_height = max(2, max_height // 2 * 2)
    return max(2, int(scaled_width / 2 + 0.5) * 2), even_height


def _check_target(source: Path, target: str | os.PathLike[str], kind: str, overwrite: bool) -> Path:
    target = check_output(target, overwrite=overwrite, sources=[source])
    ext = target.suffix.lower()
    allowed = VIDEO_EXTENSIONS if kind == "video" else PHOTO_EXTENSIONS
    if ext not in allowed:
        wanted = "an .mp4" if kind == "video" else "a .jpg, .png or .tif"
        raise MediaError(f"Cannot export a {kind} as '{ext or target.name}'; give the output {wanted} name.")
    return target


def export(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    look: Look,
    *,
    settings: ExportSettings = ExportSettings(),
    renderer: GLRenderer | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Render ``look`` onto ``source`` and write ``target`` atomically.

    Args:
        source: The video or photo to grade; it is never modified.
        target: The file to write, through a temporary file renamed once complete:
            ``.mp4``, ``.m4v`` or ``.mov`` for a video, JPEG, PNG or TIFF (by its
            extension) for a photo.
        look: The grade, baked for export with steps 1-12 in one table
            (``GLRenderer.set_look(..., fused=True)``).
        settings: Encoder, quality, speed, size and photo quality (``ExportSettings``).
        renderer: A renderer to reuse (the app passes its preview's); ``None`` makes a
            headless one for this export and releases it afterwards.
        progress: Called with a ``Progress`` as the work advances (frames for a video).
        cancel: Stops the export at the next check; ``Cancelled`` is raised.
        overwrite: Replace an existing ``target``; the app passes it once the user
            agreed, the command line for ``--overwrite``.

    Returns:
        What was written (``ExportResult``).

    Raises:
        MediaError: An unreadable input or a bad target.
        Cancelled: ``cancel`` was cancelled.
        EditorError: No OpenGL 3.3 for a headless renderer.

    After ``MediaError`` or ``Cancelled`` no output file is left and the source is
    untouched.
    """
    start = time.monotonic()
    source = Path(source)
    info = probe(source)
    target = _check_target(source, target, info.kind, overwrite)
    owned = renderer is None
    if renderer is None:
        from editor.gl import GLRenderer

        renderer = GLRenderer()
    try:
        renderer.set_look(look, fused=True)
        if info.kind == "photo":
            # write_photo writes atomically itself, so a message names the target, not a temp file.
            written = _export_photo(source, target, renderer, settings, progress, cancel)
        else:
            size = output_size(info.width, info.height, settings.max_height)
            with atomic_path(target) as tmp:
                written = export_video(source, tmp, info, renderer, settings, size, progress, cancel)
    finally:
        if owned:
            renderer.release()
    elapsed = time.monotonic() - start
    log.info("exported %s -> %s: %d frames in %.1f s (%s)", source, target, written.frames, elapsed,
             written.encoder or "photo")
    return ExportResult(
        target, info.kind, written.width, written.height, written.frames, written.duration_s, written.audio,
        elapsed, notes=written.notes, encoder=written.encoder, size_bytes=target.stat().st_size,
    )


def _export_photo(
    source: Path,
    target: Path,
    renderer: GLRenderer,
    settings: ExportSettings,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> Written:
    tracker = ProgressTracker(1, progress, cancel)
    rgb, alpha = read_photo_alpha(source)
    # PNG and TIFF hold 16 bits and alpha, so a photo that has them keeps them; JPEG cannot.
    holds_more = target.suffix.lower() in (".png", ".tif", ".tiff")
    out = renderer.render(rgb, deep=holds_more and rgb.dtype == np.uint16)
    if alpha is not None and holds_more:
        out = np.dstack([out, _as_depth(alpha, out.dtype)])
    if cancel is not None:
        cancel.raise_if_cancelled()
    write_photo(target, out, quality=settings.photo_quality)
    tracker.advance()
    return Written(out.shape[1], out.shape[0], frames=1, duration_s=0.0, audio=None)


def _as_depth(channel: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if channel.dtype == dtype:
        return channel
    if dtype == np.uint16:
        return channel.astype(np.uint16) * 257
    return (channel >> 8).astype(np.uint8)
