"""Render a look onto a video or photo and write the result.

Video goes to MP4 (H.264, yuv420p, tagged BT.709 limited range, ``+faststart``) with the
source's timestamps, so variable frame rate and duration are kept; rotation metadata is
baked into the pixels. Audio is copied when MP4 can hold it (AAC, MP3) and transcoded to
AAC otherwise; the first audio track is kept and a note names what was left out. A
stream that starts late (MPEG-TS) is moved to start at 0. Photos go to JPEG, PNG or TIFF
by the target's extension; PNG and TIFF keep a 16-bit source's depth and its alpha.

Pixels pass through the same ``GLRenderer`` as the preview. Decoding, rendering and
encoding run on three threads joined by small bounded queues: PyAV releases the GIL
while FFmpeg decodes, scales and encodes, so the three stages overlap.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace

from editor.errors import EditorError, MediaError
from editor.fileio import atomic_path, check_output
from editor.media import (
    PHOTO_EXTENSIONS,
    MediaInfo,
    RgbConverter,
    check_complete,
    open_container,
    probe,
    read_photo_alpha,
    write_photo,
)
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import Look

if TYPE_CHECKING:
    from editor.gl import GLRenderer

log = logging.getLogger(__name__)

VIDEO_EXTENSIONS = frozenset({".mp4", ".m4v", ".mov"})
#: Audio codecs (decoder names) that an MP4 file can carry as they are.
MP4_AUDIO = frozenset({"aac", "mp3", "mp3float"})
_QUEUE_SIZE = 6
_BT709 = 1  # AVCOL_SPC / AVCOL_PRI / AVCOL_TRC value for BT.709
_RANGE_MPEG = 1


@dataclass(frozen=True)
class ExportSettings:
    """How to write the result.

    ``crf`` is x264's constant rate factor (0 = lossless, 18 = visually transparent for
    most footage, 23 = x264's default, larger = smaller files). ``max_height`` scales a
    taller video down, keeping its aspect with even dimensions; ``None`` keeps the size.
    ``photo_quality`` is the JPEG quality 1..100. ``threads`` is x264's thread count
    (0 = x264 decides from the core count).
    """

    crf: int = 18
    preset: str = "medium"
    max_height: int | None = None
    photo_quality: int = 95
    threads: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.crf <= 51:
            raise EditorError(f"Video quality (CRF) must be 0..51, not {self.crf}.")
        if self.max_height is not None and self.max_height < 2:
            raise EditorError(f"The maximum height must be at least 2 pixels, not {self.max_height}.")
        if not 1 <= self.photo_quality <= 100:
            raise EditorError(f"Photo quality must be 1..100, not {self.photo_quality}.")


@dataclass(frozen=True)
class ExportResult:
    """What was written. ``audio`` is "copied", "transcoded" or ``None`` (no audio)."""

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

    @property
    def fps(self) -> float:
        """Frames written per second of wall time."""
        return self.frames / self.elapsed_s if self.elapsed_s > 0 else 0.0


def output_size(width: int, height: int, max_height: int | None) -> tuple[int, int]:
    """The (width, height) to encode: at most ``max_height`` tall, aspect kept, both even
    (H.264's 4:2:0 needs even sides; an odd height rounds down when up would pass the limit)."""
    if max_height is not None and height > max_height:
        width, height = width * max_height / height, max_height
    even_height = max(2, int(height / 2 + 0.5) * 2)
    if max_height is not None and even_height > max_height:
        even_height = max(2, max_height // 2 * 2)
    return max(2, int(width / 2 + 0.5) * 2), even_height


def h264_stream(
    container: av.container.OutputContainer,
    width: int,
    height: int,
    rate: Fraction,
    settings: ExportSettings,
    time_base: Fraction | None = None,
) -> av.video.stream.VideoStream:
    """Add a libx264 yuv420p stream tagged BT.709 limited range to ``container``."""
    stream = container.add_stream("libx264", rate=rate)
    stream.width, stream.height = width, height
    stream.pix_fmt = "yuv420p"
    ctx = stream.codec_context
    if time_base is not None:
        ctx.time_base = time_base
    ctx.colorspace = ctx.color_primaries = ctx.color_trc = _BT709
    ctx.color_range = _RANGE_MPEG
    ctx.thread_count = settings.threads
    stream.options = {"crf": str(settings.crf), "preset": settings.preset}
    return stream


def yuv420_frame(rgb: np.ndarray) -> av.VideoFrame:
    """An (H, W, 3) uint8 sRGB array as a BT.709 limited-range yuv420p frame."""
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
    return frame.reformat(
        format="yuv420p",
        dst_colorspace=Colorspace.ITU709,
        dst_color_range=ColorRange.MPEG,
        dst_color_trc=_BT709,
        dst_color_primaries=_BT709,
    )


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

    Raises ``MediaError`` (unreadable input, bad target) or ``Cancelled``; in both cases
    no output file is left and the source is never touched. ``renderer`` is reused when
    given (the app passes its preview renderer); otherwise a headless one is made.
    An existing ``target`` is replaced only with ``overwrite``, which the app passes once
    the user agreed and the command line for ``--overwrite``.
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
        renderer.set_look(look)
        if info.kind == "photo":
            # write_photo writes atomically itself, so a message names the target, not a temp file.
            result = _export_photo(source, target, info, renderer, settings, progress, cancel)
        else:
            with atomic_path(target) as tmp:
                result = _export_video(source, tmp, info, renderer, settings, progress, cancel)
    finally:
        if owned:
            renderer.release()
    elapsed = time.monotonic() - start
    log.info("exported %s -> %s: %d frames in %.1f s", source, target, result["frames"], elapsed)
    return ExportResult(target=target, kind=info.kind, elapsed_s=elapsed, **result)


def _export_photo(
    source: Path,
    target: Path,
    info: MediaInfo,
    renderer: GLRenderer,
    settings: ExportSettings,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> dict[str, Any]:
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
    return dict(width=out.shape[1], height=out.shape[0], frames=1, duration_s=0.0, audio=None)


def _as_depth(channel: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if channel.dtype == dtype:
        return channel
    if dtype == np.uint16:
        return channel.astype(np.uint16) * 257
    return (channel >> 8).astype(np.uint8)


class _Stopped(Exception):
    """The export is stopping (failure elsewhere or cancellation); unwind this thread."""


_END = object()


class _Pipe:
    """A bounded hand-over between two threads that gives up once ``stop`` is set."""

    def __init__(self, stop: threading.Event) -> None:
        self._queue: queue.Queue[Any] = queue.Queue(_QUEUE_SIZE)
        self._stop = stop

    def put(self, item: Any) -> None:
        while True:
            if self._stop.is_set():
                raise _Stopped
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def get(self) -> Any:
        while True:
            try:
                return self._queue.get(timeout=0.05)
            except queue.Empty:
                if self._stop.is_set():
                    raise _Stopped from None


def _export_video(
    source: Path,
    tmp: Path,
    info: MediaInfo,
    renderer: GLRenderer,
    settings: ExportSettings,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> dict[str, Any]:
    width, height = output_size(info.width, info.height, settings.max_height)
    coded_size = (height, width) if (info.rotation // 90) % 2 else (width, height)
    tracker = ProgressTracker(info.frame_count, progress, cancel)
    stop = threading.Event()
    failures: list[BaseException] = []
    decoded, rendered = _Pipe(stop), _Pipe(stop)

    in_c = open_container(source)
    out_c = None
    threads: list[threading.Thread] = []
    try:
        vin = in_c.streams.video[0]
        vin.thread_type = "AUTO"
        start_pts = vin.start_time or 0
        ain = in_c.streams.audio[0] if in_c.streams.audio else None
        # Broadcast streams (MPEG-TS) start at an arbitrary clock; the output starts at 0,
        # every stream moved by the same amount so that sound stays in sync.
        shift_s = max(0.0, (in_c.start_time or 0) / av.time_base)
        vshift = round(shift_s / vin.time_base)
        ashift = round(shift_s / ain.time_base) if ain is not None else 0
        notes = _dropped_tracks(in_c)
        out_c = av.open(str(tmp), mode="w", format="mp4", options={"movflags": "+faststart"})
        rate = vin.average_rate or vin.guessed_rate or Fraction(30)
        vout = h264_stream(out_c, width, height, rate, settings, time_base=vin.time_base)
        audio_mode, aout = None, None
        if ain is not None:
            if ain.codec_context.name in MP4_AUDIO:
                audio_mode, aout = "copied", out_c.add_stream_from_template(ain)
            else:
                audio_mode = "transcoded"
                aout = out_c.add_stream("aac", rate=ain.codec_context.sample_rate)
                aout.layout = ain.codec_context.layout
                aout.bit_rate = 192_000

        def decode() -> None:
            convert: RgbConverter | None = None
            end_s = 0.0
            streams = [vin] if ain is None else [vin, ain]
            try:
                for packet in in_c.demux(*streams):
                    if packet.stream is vin:
                        for frame in packet.decode():
                            if convert is None:
                                convert = RgbConverter(frame, coded_size)
                            pts = frame.pts - vshift if frame.pts is not None else None
                            decoded.put(("v", convert(frame), pts, frame.duration))
                            if frame.pts is not None:
                                end_s = float((frame.pts - start_pts + (frame.duration or 0)) * vin.time_base)
                    elif packet.size or audio_mode == "transcoded":
                        if audio_mode == "copied":
                            packet.pts = packet.pts - ashift if packet.pts is not None else None
                            packet.dts = packet.dts - ashift if packet.dts is not None else None
                        decoded.put(("a", packet))
            except av.error.FFmpegError as exc:
                log.info("decoding %s failed", source, exc_info=True)
                raise MediaError(f"{source} is damaged: decoding stopped ({exc.strerror}).") from exc
            if convert is None:
                raise MediaError(f"{source} is damaged: its video track holds no pictures.")
            check_complete(info, end_s)
            decoded.put(_END)

        counts = {"frames": 0, "last_pts": None, "end_pts": 0}

        def encode() -> None:
            while (item := rendered.get()) is not _END:
                if item[0] == "a":
                    _write_audio(out_c, item[1], aout, audio_mode)
                    continue
                _, rgb, pts, duration = item
                last = counts["last_pts"]
                if pts is None:
                    pts = 0 if last is None else last + (duration or 1)
                elif last is not None and pts <= last:
                    pts = last + 1
                frame = yuv420_frame(rgb)
                frame.pts, frame.time_base = pts, vin.time_base
                if duration:
                    frame.duration = duration
                out_c.mux(vout.encode(frame))
                counts["frames"] += 1
                counts["last_pts"] = pts
                counts["end_pts"] = pts + (duration or 0)
            out_c.mux(vout.encode(None))
            if audio_mode == "transcoded":
                out_c.mux(aout.encode(None))
            out_c.close()

        def guarded(fn: Callable[[], None]) -> Callable[[], None]:
            def run() -> None:
                try:
                    fn()
                except _Stopped:
                    pass
                except BaseException as exc:  # handed to the main thread, which re-raises it
                    failures.append(exc)
                    stop.set()

            return run

        threads = [
            threading.Thread(target=guarded(decode), name="export-decode", daemon=True),
            threading.Thread(target=guarded(encode), name="export-encode", daemon=True),
        ]
        for thread in threads:
            thread.start()
        try:
            while (item := decoded.get()) is not _END:
                if item[0] == "v":
                    item = ("v", renderer.render(item[1]), item[2], item[3])
                    tracker.advance()
                rendered.put(item)
            rendered.put(_END)
            threads[1].join()
        except _Stopped:
            pass
        if failures:
            raise failures[0]
    except BaseException:
        stop.set()
        raise
    finally:
        for thread in threads:
            thread.join()
        if out_c is not None:
            out_c.close()
        in_c.close()
    return dict(
        width=width,
        height=height,
        frames=counts["frames"],
        duration_s=float((counts["end_pts"] - (start_pts - vshift)) * vin.time_base),
        audio=audio_mode,
        notes=notes,
    )


def _dropped_tracks(container: av.container.InputContainer) -> tuple[str, ...]:
    """What the export leaves out, in one sentence each: it keeps one video and one audio track."""
    notes = []
    kinds = {"video": len(container.streams.video) - 1, "audio": len(container.streams.audio) - 1,
             "subtitle": len(container.streams.subtitles)}
    for kind, extra in kinds.items():
        if extra > 0:
            kept = "none is" if kind == "subtitle" else "only the first is"
            notes.append(f"{extra} more {kind} track{'s' if extra > 1 else ''} left out ({kept} kept).")
    return tuple(notes)


def _write_audio(
    out_c: av.container.OutputContainer,
    packet: av.Packet,
    aout: av.stream.Stream,
    mode: str | None,
) -> None:
    if mode == "copied":
        packet.stream = aout
        out_c.mux(packet)
        return
    for frame in packet.decode():
        frame.pts = None
        out_c.mux(aout.encode(frame))

