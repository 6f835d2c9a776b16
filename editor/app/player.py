"""Playback in real time: decoding runs in worker threads, the UI thread only presents.

A decode thread fills a small queue from ``VideoReader.frames``; a UI timer presents
the newest frame whose time has come and drops the ones it is late for, so playback
never drifts. While the clip's sound plays (``editor.audio``, forward at 1x) the AUDIO
position is the clock; otherwise (no output device, no audio track, sound finished,
shuttling faster or backward) it is the wall clock times the speed. Every seek, pause
or step restarts sound and pictures from the same media time. With ``loop`` set,
playback that reaches the end (backward: the start) goes on from the other end.

J/K/L shuttle: ``shuttle(+1)`` plays forward and speeds up on each repeat (1x, 2x,
4x), ``shuttle(-1)`` the same backward; backward playback is silent and decodes by
seeking back in short chunks whose frames are then shown newest first. Scrubbing
decodes ``frame_at`` in a separate thread that only works on the most recent request.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.audio import AudioOutput, AudioPlayback, open_output
from editor.errors import EditorError
from editor.media import Frame, MediaInfo, VideoReader

log = logging.getLogger(__name__)

_END = object()
_QUEUE_FRAMES = 6
SHUTTLE_SPEEDS = (1.0, 2.0, 4.0)
#: Backward playback decodes this much video per seek (a bounded cache of frames).
_REVERSE_CHUNK_S = 0.5


class _Decoder(threading.Thread):
    """Decodes frames from ``start_s`` into a bounded queue until stopped or at the end."""

    def __init__(self, path: Path, start_s: float, out: queue.Queue, errors: list[str]) -> None:
        super().__init__(name="decode", daemon=True)
        self.path, self.start_s, self.out, self.errors = path, start_s, out, errors
        self.stop = threading.Event()

    def _put(self, item: object) -> bool:
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def run(self) -> None:
        try:
            with VideoReader(self.path) as reader:
                for frame in reader.frames(self.start_s):
                    if not self._put(frame):
                        return
        except EditorError as exc:
            log.info("playback decoding of %s failed", self.path, exc_info=True)
            self.errors.append(str(exc))
        self._put(_END)


class _ReverseDecoder(_Decoder):
    """Frames from just before ``start_s`` back to the first, newest first.

    Each step seeks to ``_REVERSE_CHUNK_S`` before the last frame sent, decodes forward
    up to it, and sends that chunk reversed; only one chunk of frames is held at a time.
    """

    def run(self) -> None:
        try:
            with VideoReader(self.path) as reader:
                half = 0.5 / reader.info.fps if reader.info.fps > 0 else 0.0
                end = self.start_s
                while end > 0 and not self.stop.is_set():
                    begin = max(0.0, end - _REVERSE_CHUNK_S)
                    chunk: list[Frame] = []
                    frames = reader.frames(begin)
                    for frame in frames:
                        if frame.time_s >= end - half or self.stop.is_set():
                            break
                        chunk.append(frame)
                    frames.close()
                    for frame in reversed(chunk):
                        if not self._put(frame):
                            return
                    end = chunk[0].time_s if chunk else begin
        except EditorError as exc:
            log.info("backward playback of %s failed", self.path, exc_info=True)
            self.errors.append(str(exc))
        self._put(_END)


class _Scrubber(threading.Thread):
    """Decodes the frame at the latest requested time; older requests are skipped."""

    def __init__(self, path: Path, deliver) -> None:
        super().__init__(name="scrub", daemon=True)
        self.path, self.deliver = path, deliver
        self._cond = threading.Condition()
        self._request: float | None = None
        self._closed = False

    def request(self, time_s: float) -> None:
        with self._cond:
            self._request = time_s
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def run(self) -> None:
        try:
            reader = VideoReader(self.path)
        except EditorError as exc:
            log.info("scrubbing %s failed", self.path, exc_info=True)
            self.deliver(None, str(exc))
            return
        with reader:
            while True:
                with self._cond:
                    while self._request is None and not self._closed:
                        self._cond.wait()
                    if self._closed:
                        return
                    time_s, self._request = self._request, None
                try:
                    frame = reader.frame_at(time_s)
                    with self._cond:
                        if self._closed:
                            # The clip was closed while decoding: the frame belongs to
                            # no one, and its receiver may already be gone.
                            return
                    self.deliver(frame, "")
                except EditorError as exc:
                    log.info("decoding %s at %.3f s failed", self.path, time_s, exc_info=True)
                    self.deliver(None, str(exc))


class Player(QObject):
    """Plays (forward or backward, at shuttle speeds), pauses, seeks and steps one video.

    ``output_factory`` gives the audio output (``None``: silent); it is asked once, on
    the first play of a clip with sound.
    """

    frame_ready = Signal(object)
    playing_changed = Signal(bool)
    speed_changed = Signal(float)
    failed = Signal(str)
    _scrubbed = Signal(object, str)

    def __init__(
        self,
        parent: QObject | None = None,
        output_factory: Callable[[], AudioOutput | None] = open_output,
    ) -> None:
        super().__init__(parent)
        self.info: MediaInfo | None = None
        self.position = 0.0
        self.speed = 1.0
        self.frames_dropped = 0
        self.muted = False
        self.loop = False
        self._output_factory = output_factory
        self._output: AudioOutput | None = None
        self._output_asked = False
        self._silent_logged = False
        self._audio: AudioPlayback | None = None
        self._decoder: _Decoder | None = None
        self._queue: queue.Queue = queue.Queue(_QUEUE_FRAMES)
        self._errors: list[str] = []
        self._scrubber: _Scrubber | None = None
        self._pending: Frame | None = None
        self._clock = (0.0, 0.0)
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._scrubbed.connect(self._on_scrubbed)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def audible(self) -> bool:
        """True while the clip's sound is playing and is the clock."""
        return self._audio is not None and not self._audio.finished

    @property
    def duration(self) -> float:
        return self.info.duration_s if self.info is not None else 0.0

    @property
    def frame_step(self) -> float:
        return 1.0 / self.info.fps if self.info is not None and self.info.fps > 0 else 1 / 30

    def open(self, info: MediaInfo) -> None:
        self.close()
        self.info = info
        self.position = 0.0
        self._silent_logged = False
        self._scrubber = _Scrubber(info.path, self._scrubbed.emit)
        self._scrubber.start()

    def close(self) -> None:
        self.pause()
        if self._scrubber is not None:
            self._scrubber.close()
            self._scrubber.join(timeout=5)
            self._scrubber = None
        self.info = None

    def play(self, speed: float = 1.0) -> None:
        """Play at ``speed`` (negative: backward); while playing, changes the speed in place."""
        if self.info is None or (self.playing and speed == self.speed):
            return
        if not self.playing:
            if speed > 0 and self.position >= self.duration - self.frame_step:
                self.position = 0.0
            if speed < 0 and self.position <= 0.0:
                return
        changed = speed != self.speed
        self.speed = speed
        self._stop_streams()
        self._start_streams()
        if changed:
            self.speed_changed.emit(speed)
        if not self._timer.isActive():
            self._timer.start()
            self.playing_changed.emit(True)

    def shuttle(self, direction: int) -> None:
        """L (``+1``) / J (``-1``): play that way, or faster when already playing that way."""
        level = 0
        if self.playing and (self.speed > 0) == (direction > 0):
            level = min(SHUTTLE_SPEEDS.index(abs(self.speed)) + 1, len(SHUTTLE_SPEEDS) - 1)
        self.play(SHUTTLE_SPEEDS[level] * (1 if direction > 0 else -1))

    def pause(self) -> None:
        self._stop_streams()
        if self._timer.isActive():
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if self._audio is not None:
            self._audio.muted = muted

    def set_loop(self, loop: bool) -> None:
        self.loop = loop

    def seek(self, time_s: float) -> None:
        if self.info is None:
            return
        self.position = max(0.0, min(time_s, max(0.0, self.duration - self.frame_step / 2)))
        if self.playing:
            self._stop_streams()
            self._start_streams()
        elif self._scrubber is not None:
            self._scrubber.request(self.position)

    def step(self, frames: int) -> None:
        self.pause()
        self.seek(self.position + frames * self.frame_step)

    def _start_streams(self) -> None:
        self._queue = queue.Queue(_QUEUE_FRAMES)
        self._errors = []
        self._pending = None
        decoder = _Decoder if self.speed > 0 else _ReverseDecoder
        self._decoder = decoder(self.info.path, self.position, self._queue, self._errors)
        self._decoder.start()
        if self.speed == 1.0:
            self._start_audio()
        self._clock = (time.monotonic(), self.position)

    def _stop_streams(self) -> None:
        if self._decoder is not None:
            self._decoder.stop.set()
            self._decoder = None
        if self._audio is not None:
            self._audio.stop()
            self._audio = None

    def _log_silent(self, reason: str) -> None:
        if not self._silent_logged:
            self._silent_logged = True
            log.info("Playing %s silently: %s.", self.info.path.name, reason)

    def _start_audio(self) -> None:
        if not self.info.has_audio:
            self._log_silent("it has no audio track")
            return
        if not self._output_asked:
            self._output_asked = True
            self._output = self._output_factory()
        if self._output is None:
            self._log_silent("there is no audio output")
            return
        audio = AudioPlayback(self.info.path, self.position, self._output)
        audio.muted = self.muted
        try:
            audio.start()
        except EditorError as exc:
            self._log_silent(str(exc))
            return
        self._audio = audio

    def _now(self) -> float:
        """The media time to show: the sound's position while it plays, else the wall clock."""
        wall = time.monotonic()
        if self.audible:
            self._clock = (wall, self._audio.position)
            return self._clock[1]
        wall0, media0 = self._clock
        return media0 + (wall - wall0) * self.speed

    def _tick(self) -> None:
        now = self._now()
        forward = self.speed > 0
        latest: Frame | None = None
        while True:
            item = self._pending
            self._pending = None
            if item is None:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
            if item is _END:
                if latest is not None:
                    self._present(latest)
                if self.loop and not self._errors:
                    self._stop_streams()
                    self.position = 0.0 if forward else self.duration
                    self._start_streams()
                    return
                self.pause()
                if self._errors:
                    self.failed.emit(self._errors[0])
                return
            if (item.time_s > now) if forward else (item.time_s < now):
                self._pending = item
                break
            if latest is not None:
                self.frames_dropped += 1
            latest = item
        if latest is not None:
            self._present(latest)

    def _present(self, frame: Frame) -> None:
        self.position = frame.time_s
        self.frame_ready.emit(frame)

    def _on_scrubbed(self, frame: Frame | None, error: str) -> None:
        if self.playing:
            return
        if frame is None:
            self.failed.emit(error)
            return
        self.frame_ready.emit(frame)
