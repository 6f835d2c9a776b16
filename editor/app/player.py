"""Video playback in real time: decoding runs in worker threads, the UI thread only presents.

A decode thread fills a small queue from ``VideoReader.frames``; a UI timer presents
the newest frame whose time has come on the wall clock and drops the ones it is late
for, so playback never drifts. Scrubbing decodes ``frame_at`` in a separate thread that
only works on the most recent request.

Audio: PySide6-Essentials has no QtMultimedia, so playback is silent here (logged once).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.errors import EditorError
from editor.media import Frame, MediaInfo, VideoReader

log = logging.getLogger(__name__)

_END = object()
_QUEUE_FRAMES = 6
_audio_note_logged = False


def _log_silent_audio_once() -> None:
    global _audio_note_logged
    if not _audio_note_logged:
        _audio_note_logged = True
        log.info("Audio output is not available in this Qt build (no QtMultimedia); playing silently.")


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
                    self.deliver(reader.frame_at(time_s), "")
                except EditorError as exc:
                    log.info("decoding %s at %.3f s failed", self.path, time_s, exc_info=True)
                    self.deliver(None, str(exc))


class Player(QObject):
    """Plays, pauses, seeks and steps one video; emits the frames to present."""

    frame_ready = Signal(object)
    playing_changed = Signal(bool)
    failed = Signal(str)
    _scrubbed = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.info: MediaInfo | None = None
        self.position = 0.0
        self.frames_dropped = 0
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
    def duration(self) -> float:
        return self.info.duration_s if self.info is not None else 0.0

    @property
    def frame_step(self) -> float:
        return 1.0 / self.info.fps if self.info is not None and self.info.fps > 0 else 1 / 30

    def open(self, info: MediaInfo) -> None:
        self.close()
        self.info = info
        self.position = 0.0
        self._scrubber = _Scrubber(info.path, self._scrubbed.emit)
        self._scrubber.start()

    def close(self) -> None:
        self.pause()
        if self._scrubber is not None:
            self._scrubber.close()
            self._scrubber = None
        self.info = None

    def play(self) -> None:
        if self.info is None or self.playing:
            return
        if self.position >= self.duration - self.frame_step:
            self.position = 0.0
        if self.info.has_audio:
            _log_silent_audio_once()
        self._queue = queue.Queue(_QUEUE_FRAMES)
        self._errors = []
        self._pending = None
        self._decoder = _Decoder(self.info.path, self.position, self._queue, self._errors)
        self._decoder.start()
        self._clock = (time.monotonic(), self.position)
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self._decoder is not None:
            self._decoder.stop.set()
            self._decoder = None
        if self._timer.isActive():
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def seek(self, time_s: float) -> None:
        if self.info is None:
            return
        self.position = max(0.0, min(time_s, max(0.0, self.duration - self.frame_step / 2)))
        if self.playing:
            self.pause()
            self.play()
        elif self._scrubber is not None:
            self._scrubber.request(self.position)

    def step(self, frames: int) -> None:
        self.pause()
        self.seek(self.position + frames * self.frame_step)

    def _tick(self) -> None:
        wall0, media0 = self._clock
        now = media0 + (time.monotonic() - wall0)
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
                self.pause()
                if self._errors:
                    self.failed.emit(self._errors[0])
                return
            if item.time_s > now:
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
