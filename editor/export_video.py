"""A video export: decode, grade and encode on three threads joined by small bounded queues.

PyAV releases the GIL while FFmpeg decodes, scales and encodes, so the three stages
overlap: a decode thread turns packets into ``Picture`` s (and passes audio packets along
as ``Sound``), the calling thread grades each picture (the GL context belongs to it), and
an encode thread writes pictures and sound into the MP4. A failure in any thread stops
the other two and is raised in the calling thread.

Pixels cross the CPU as little as they can: a decoded Y'CbCr picture goes to the GPU as
its planes (``RgbConverter.yuv``; RGB through swscale only where the frame is rescaled or
in a format the shaders do not read), and the graded frame comes back as the encoder's
BT.709 4:2:0 planes through pixel-buffer objects, frame N read back while frame N+1
renders (``GLRenderer.start_yuv420``).

A hardware encoder that fails, when it opens or partway, is not the user's problem: the
export starts again from the first frame with libx264 into the same temporary file.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import av
import numpy as np
from av.audio.stream import AudioStream

from editor.encoders import LIBX264, choose, h264_stream, planes_frame, sw_format
from editor.errors import MediaError
from editor.media import MediaInfo, RgbConverter, YuvImage, check_complete, open_container
from editor.progress import CancelToken, ProgressCallback, ProgressTracker

if TYPE_CHECKING:
    from editor.export import ExportSettings
    from editor.gl import GLRenderer

log = logging.getLogger(__name__)

_T = TypeVar("_T")

#: Audio codecs (decoder names) that an MP4 file can carry as they are.
MP4_AUDIO = frozenset({"aac", "mp3", "mp3float"})
#: Enough to ride out one stage's hiccup without holding many 4K frames in memory.
_QUEUE_SIZE = 6


@dataclass(frozen=True)
class Picture:
    """One video frame with the source's timestamps moved so that the output starts at 0
    (``pts`` may be unknown). ``image`` is the decoded picture (upright RGB, or Y'CbCr
    planes) until it has passed the renderer, then the graded Y' and CbCr planes
    (``GLRenderer.finish_yuv420``)."""

    image: np.ndarray | YuvImage | tuple[np.ndarray, np.ndarray]
    pts: int | None
    duration: int | None


@dataclass(frozen=True)
class Sound:
    """One audio packet: copied as it is (timestamps moved like the pictures') or transcoded."""

    packet: av.Packet


@dataclass(frozen=True)
class End:
    """Nothing more follows."""


Item = Picture | Sound | End


@dataclass(frozen=True)
class Written:
    """What an export wrote, before ``export`` adds the target, the time and the file size.
    ``audio`` is "copied", "transcoded" or ``None``; ``encoder`` is ``None`` for a photo."""

    width: int
    height: int
    frames: int
    duration_s: float
    audio: str | None
    notes: tuple[str, ...] = ()
    encoder: str | None = None


class _Stopped(Exception):
    """The export is stopping (failure elsewhere or cancellation); unwind this thread."""


class _EncoderFailed(Exception):
    """A hardware encoder failed; libx264 can do the export instead."""

    def __init__(self, encoder: str, cause: av.error.FFmpegError) -> None:
        super().__init__(f"{encoder}: {cause.strerror}")


class _Pipe:
    """A bounded hand-over between two threads that gives up once ``stop`` is set."""

    def __init__(self, stop: threading.Event) -> None:
        self._queue: queue.Queue[Item] = queue.Queue(_QUEUE_SIZE)
        self._stop = stop

    def put(self, item: Item) -> None:
        while True:
            if self._stop.is_set():
                raise _Stopped
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def get(self) -> Item:
        while True:
            try:
                return self._queue.get(timeout=0.05)
            except queue.Empty:
                if self._stop.is_set():
                    raise _Stopped from None


def export_video(
    source: Path,
    tmp: Path,
    info: MediaInfo,
    renderer: GLRenderer,
    settings: ExportSettings,
    size: tuple[int, int],
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> Written:
    """Grade ``source`` into the MP4 ``tmp`` at ``size`` (width, height) with the encoder
    ``settings.encoder`` asks for, or libx264 where that one fails."""

    def attempt(encoder: str) -> Written:
        in_c = open_container(source)
        out_c = None
        try:
            # Opening for writing truncates, so a second attempt starts from an empty file.
            out_c = av.open(str(tmp), mode="w", format="mp4", options={"movflags": "+faststart"})
            tracker = ProgressTracker(info.frame_count, progress, cancel)
            return VideoExport(in_c, out_c, info, renderer, settings, size, encoder, tracker).run()
        finally:
            if out_c is not None:
                out_c.close()
            in_c.close()

    encoder = choose(settings.encoder)
    try:
        return attempt(encoder)
    except _EncoderFailed as exc:
        log.warning("The %s encoder failed (%s); exporting again with libx264.", encoder, exc)
    return attempt(LIBX264)


class VideoExport:
    """One attempt at a video export between two open containers; ``run`` does it."""

    def __init__(
        self,
        in_c: av.container.InputContainer,
        out_c: av.container.OutputContainer,
        info: MediaInfo,
        renderer: GLRenderer,
        settings: ExportSettings,
        size: tuple[int, int],
        encoder: str,
        tracker: ProgressTracker,
    ) -> None:
        self.in_c, self.out_c, self.info, self.renderer = in_c, out_c, info, renderer
        self.size, self.encoder, self.tracker = size, encoder, tracker
        width, height = size
        self.coded_size = (height, width) if (info.rotation // 90) % 2 else (width, height)
        self.stop = threading.Event()
        self.failures: list[BaseException] = []
        self.decoded, self.rendered = _Pipe(self.stop), _Pipe(self.stop)
        # Written by the encode thread only, read once it has finished.
        self.frames, self.end_pts = 0, 0
        self.last_pts: int | None = None

        self.vin = in_c.streams.video[0]
        # A demuxed stream always has a time base; PyAV types it optional for new ones.
        assert self.vin.time_base is not None, "a demuxed stream has a time base"
        self.time_base: Fraction = self.vin.time_base
        # Frame threads (and slice threads for streams cut in slices), as many as FFmpeg picks:
        # one more than the cores, at most 16, so that decoding keeps ahead of the encoder.
        self.vin.thread_type = "AUTO"
        self.start_pts = self.vin.start_time or 0
        self.ain = in_c.streams.audio[0] if in_c.streams.audio else None
        # Broadcast streams (MPEG-TS) start at an arbitrary clock; the output starts at 0,
        # every stream moved by the same amount so that sound stays in sync.
        shift_s = max(0.0, (in_c.start_time or 0) / av.time_base)
        self.vshift = round(shift_s / self.time_base)
        self.ashift = 0
        if self.ain is not None:
            assert self.ain.time_base is not None, "a demuxed stream has a time base"
            self.ashift = round(shift_s / self.ain.time_base)
        self.notes = _dropped_tracks(in_c)

        rate = self.vin.average_rate or self.vin.guessed_rate or Fraction(30)
        self.vout = h264_stream(
            out_c, width, height, rate, crf=settings.crf, preset=settings.preset, threads=settings.threads,
            time_base=self.time_base, encoder=encoder,
        )
        self.pix_fmt = sw_format(encoder)
        self.audio_mode: str | None = None
        self.aout: AudioStream | None = None
        if self.ain is not None:
            if self.ain.codec_context.name in MP4_AUDIO:
                self.audio_mode, self.aout = "copied", out_c.add_stream_from_template(self.ain)
            else:
                self.audio_mode = "transcoded"
                self.aout = out_c.add_stream("aac", rate=self.ain.codec_context.sample_rate)
                self.aout.layout = self.ain.codec_context.layout
                self.aout.bit_rate = 192_000

    def run(self) -> Written:
        """Export every frame; raises what failed (``MediaError``, ``Cancelled``, ...)."""
        # Opened here rather than at the first write, so that a hardware encoder that
        # refuses this size is told apart from a muxing failure.
        self._call_encoder(self.vout.codec_context.open)
        threads = [
            threading.Thread(target=self._guarded(self.decode), name="export-decode", daemon=True),
            threading.Thread(target=self._guarded(self.encode), name="export-encode", daemon=True),
        ]
        try:
            for thread in threads:
                thread.start()
            try:
                self.grade()
                threads[1].join()
            except _Stopped:
                pass
            if self.failures:
                raise self.failures[0]
        except BaseException:
            self.stop.set()
            raise
        finally:
            for thread in threads:
                if thread.is_alive():
                    thread.join()
        duration = (self.end_pts - (self.start_pts - self.vshift)) * self.time_base
        width, height = self.size
        return Written(width, height, self.frames, float(duration), self.audio_mode, self.notes, self.encoder)

    def decode(self) -> None:
        """Demux and decode the source into ``decoded`` (runs on its own thread)."""
        vin, ain = self.vin, self.ain
        convert: RgbConverter | None = None
        end_s = 0.0
        try:
            for packet in self.in_c.demux(*([vin] if ain is None else [vin, ain])):
                if packet.stream is vin:
                    for frame in vin.decode(packet):
                        if convert is None:
                            convert = RgbConverter(frame, self.coded_size)
                        pts = frame.pts - self.vshift if frame.pts is not None else None
                        planes = convert.yuv(frame)
                        image = convert(frame) if planes is None else planes
                        self.decoded.put(Picture(image, pts, frame.duration))
                        if frame.pts is not None:
                            end = frame.pts - self.start_pts + (frame.duration or 0)
                            end_s = float(end * self.time_base)
                elif packet.size or self.audio_mode == "transcoded":
                    if self.audio_mode == "copied":
                        packet.pts = packet.pts - self.ashift if packet.pts is not None else None
                        packet.dts = packet.dts - self.ashift if packet.dts is not None else None
                    self.decoded.put(Sound(packet))
        except av.error.FFmpegError as exc:
            log.info("decoding %s failed", self.info.path, exc_info=True)
            raise MediaError(f"{self.info.path} is damaged: decoding stopped ({exc.strerror}).") from exc
        if convert is None:
            raise MediaError(f"{self.info.path} is damaged: its video track holds no pictures.")
        check_complete(self.info, end_s)
        self.decoded.put(End())

    def grade(self) -> None:
        """Render each decoded picture with the look, from ``decoded`` into ``rendered``.

        A picture is read back while the next one renders; the sound that came after it
        waits with it (``waiting``), so ``rendered`` keeps the order of ``decoded``.
        """
        waiting: list[Item] = []
        slot = 0
        while not isinstance(item := self.decoded.get(), End):
            if isinstance(item, Picture):
                assert not isinstance(item.image, tuple), "a decoded picture, not yet graded"
                self.renderer.upload(item.image)
                next_slot = self.renderer.start_yuv420()
                self.tracker.advance()
                self._hand_on(waiting, slot)
                waiting, slot = [item], next_slot
            elif waiting:
                waiting.append(item)
            else:
                self.rendered.put(item)
        self._hand_on(waiting, slot)
        self.rendered.put(End())

    def _hand_on(self, waiting: list[Item], slot: int) -> None:
        """Put a picture read back into ``slot`` (its planes, once there), then what followed it."""
        if waiting:
            picture, *following = waiting
            assert isinstance(picture, Picture), "grade starts each wait with a picture"
            self.rendered.put(replace(picture, image=self.renderer.finish_yuv420(slot)))
            for item in following:
                self.rendered.put(item)

    def encode(self) -> None:
        """Write ``rendered`` into the output, then finish the file (runs on its own thread)."""
        while not isinstance(item := self.rendered.get(), End):
            if isinstance(item, Sound):
                self._write_audio(item.packet)
            else:
                self._write_picture(item)
        self._mux_video(None)
        if self.audio_mode == "transcoded":
            assert self.aout is not None, "set up with the audio mode"
            self.out_c.mux(self.aout.encode(None))
        self.out_c.close()

    def _write_picture(self, picture: Picture) -> None:
        # Timestamps must rise: a frame without one follows the last, a repeated one moves up by one tick.
        last, pts = self.last_pts, picture.pts
        if pts is None:
            pts = 0 if last is None else last + (picture.duration or 1)
        elif last is not None and pts <= last:
            pts = last + 1
        assert isinstance(picture.image, tuple), "a graded picture: its Y' and CbCr planes"
        y, uv = picture.image
        frame = planes_frame(y, uv, self.pix_fmt)
        frame.pts, frame.time_base = pts, self.time_base
        if picture.duration:
            frame.duration = picture.duration
        self._mux_video(frame)
        self.frames += 1
        self.last_pts = pts
        self.end_pts = pts + (picture.duration or 0)

    def _mux_video(self, frame: av.VideoFrame | None) -> None:
        self.out_c.mux(self._call_encoder(lambda: self.vout.encode(frame)))

    def _call_encoder(self, call: Callable[[], _T]) -> _T:
        """``call()``; a hardware encoder's failure becomes ``_EncoderFailed``, libx264's stays as it is."""
        try:
            return call()
        except av.error.FFmpegError as exc:
            if self.encoder == LIBX264:
                raise
            raise _EncoderFailed(self.encoder, exc) from exc

    def _write_audio(self, packet: av.Packet) -> None:
        ain, aout = self.ain, self.aout
        assert ain is not None and aout is not None, "sound comes only from an audio track"
        if self.audio_mode == "copied":
            packet.stream = aout
            self.out_c.mux(packet)
            return
        for frame in ain.decode(packet):
            frame.pts = None
            self.out_c.mux(aout.encode(frame))

    def _guarded(self, work: Callable[[], None]) -> Callable[[], None]:
        """``work`` for a thread: a failure is kept for the calling thread and stops the others."""

        def run() -> None:
            try:
                work()
            except _Stopped:
                pass
            except BaseException as exc:  # handed to the calling thread, which re-raises it
                self.failures.append(exc)
                self.stop.set()

        return run


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
