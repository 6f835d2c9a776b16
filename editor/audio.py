"""Audio for playback: decoding a clip's sound to stereo float samples and playing it.

Samples are float32 in [-1, 1], interleaved stereo, shape (n, 2), at the output rate
(mono sources are duplicated to both channels). Times are seconds from the start of
the VIDEO stream, as in ``editor.media``, so sample ``i`` of ``decode_audio(path, rate,
start_s)`` sounds at ``start_s + i / rate`` on the video's clock.

``AudioPlayback`` is the master clock of the player while it sounds: a worker thread
decodes into a bounded buffer and the output device pulls from it in its own thread
(PortAudio's callback), so neither blocks the UI. Its ``position`` is the media time of
the sample leaving the speaker now. Any object with ``rate``, ``latency_s``,
``start(pull)`` and ``stop()`` can be the output; ``open_output`` gives the system's
default device through PortAudio (``sounddevice``), or ``None`` where there is none.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import av
import numpy as np

from editor.errors import MediaError
from editor.media import open_container

log = logging.getLogger(__name__)

CHANNELS = 2
BUFFER_S = 0.5
_BLOCK_FRAMES = 512
#: Timestamp jitter below this is not a gap (Vorbis in WebM jitters by +-10 ms).
_TIMESTAMP_TOLERANCE_S = 0.04


class AudioOutput(Protocol):
    """Where samples go. ``start`` calls ``pull(out)`` from the output's own thread to
    fill ``out`` (float32, shape (frames, 2)) until ``stop``."""

    rate: int
    latency_s: float

    def start(self, pull: Callable[[np.ndarray], int]) -> None: ...

    def stop(self) -> None: ...


def decode_audio(path: str | os.PathLike[str], rate: int, start_s: float = 0.0) -> Iterator[np.ndarray]:
    """The first audio track from ``start_s`` to its end, as (n, 2) float32 chunks at ``rate`` Hz.

    A track that starts after ``start_s`` is preceded by silence, so the first sample
    yielded always sounds at ``start_s``. Raises ``MediaError`` for a file without an
    audio track or one whose audio cannot be decoded.
    """
    with open_container(path) as container:
        if not container.streams.audio:
            raise MediaError(f"{path} has no audio track.")
        video, audio = container.streams.video[0], container.streams.audio[0]
        origin = float((video.start_time or 0) * video.time_base)
        if start_s > 0:
            target = int((start_s + origin) / float(audio.time_base))
            container.seek(target, stream=audio, backward=True, any_frame=False)
        resampler = av.AudioResampler(format="flt", layout="stereo", rate=rate)

        def chunks() -> Iterator[av.AudioFrame]:
            try:
                for frame in container.decode(audio):
                    yield from resampler.resample(frame)
                yield from resampler.resample(None)
            except av.error.FFmpegError as exc:
                log.info("decoding the audio of %s failed", path, exc_info=True)
                raise MediaError(f"{path} is damaged: its audio cannot be decoded ({exc.strerror}).") from exc

        sent = 0
        tolerance = 0
        for out in chunks():
            samples = out.to_ndarray().reshape(-1, CHANNELS)
            if out.time is not None:
                # Timestamps win over sample counts: gaps become silence and overlaps are
                # dropped, which keeps the sound on the video's clock (as ffmpeg's
                # aresample=async does); the first chunk is aligned exactly to ``start_s``.
                drift = round((out.time - origin - start_s) * rate) - sent
                if drift > tolerance:
                    yield np.zeros((drift, CHANNELS), np.float32)
                    sent += drift
                elif drift < -tolerance:
                    samples = samples[-drift:]
                tolerance = round(_TIMESTAMP_TOLERANCE_S * rate)
            if len(samples):
                yield np.ascontiguousarray(samples)
                sent += len(samples)


def read_audio(path: str | os.PathLike[str], rate: int, start_s: float = 0.0) -> np.ndarray:
    """The whole audio track from ``start_s`` as one (n, 2) float32 array (see ``decode_audio``)."""
    parts = list(decode_audio(path, rate, start_s))
    return np.concatenate(parts) if parts else np.zeros((0, CHANNELS), np.float32)


class _SampleBuffer:
    """A bounded FIFO of sample chunks: the decoder waits when it is full, the reader never waits."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._chunks: deque[np.ndarray] = deque()
        self._size = 0
        self._cond = threading.Condition()
        self.closed = False

    def put(self, chunk: np.ndarray) -> bool:
        with self._cond:
            while self._size and self._size + len(chunk) > self.capacity and not self.closed:
                self._cond.wait(0.1)
            if self.closed:
                return False
            self._chunks.append(chunk)
            self._size += len(chunk)
            return True

    def read_into(self, out: np.ndarray) -> int:
        """Copy up to ``len(out)`` frames into ``out``; returns how many were available."""
        filled = 0
        with self._cond:
            while filled < len(out) and self._chunks:
                chunk = self._chunks[0]
                n = min(len(chunk), len(out) - filled)
                out[filled : filled + n] = chunk[:n]
                filled += n
                if n == len(chunk):
                    self._chunks.popleft()
                else:
                    self._chunks[0] = chunk[n:]
            self._size -= filled
            self._cond.notify_all()
        return filled

    @property
    def size(self) -> int:
        return self._size

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


class AudioPlayback:
    """Plays one clip's audio from ``start_s`` through ``output`` and tells where it is.

    ``position`` (seconds, video clock) counts only samples of the clip that were handed
    to the output, less the output's latency; silence sent while the decoder is behind
    does not advance it, so the clock never runs ahead of the sound.
    """

    def __init__(self, path: str | os.PathLike[str], start_s: float, output: AudioOutput) -> None:
        self.path, self.start_s, self.output = path, start_s, output
        self.muted = False
        self._buffer = _SampleBuffer(round(BUFFER_S * output.rate))
        self._played = 0
        self._decoded_all = False
        self._thread = threading.Thread(target=self._decode, name="audio-decode", daemon=True)

    def start(self) -> None:
        """Start decoding and the output; raises ``MediaError`` when the output cannot start."""
        self._thread.start()
        try:
            self.output.start(self._pull)
        except MediaError:
            self._buffer.close()
            raise

    def stop(self) -> None:
        self._buffer.close()
        self.output.stop()

    @property
    def position(self) -> float:
        played_s = self._played / self.output.rate - self.output.latency_s
        return self.start_s + max(0.0, played_s)

    @property
    def buffered_s(self) -> float:
        """Decoded sound waiting for the output, in seconds (at most ``BUFFER_S``)."""
        return self._buffer.size / self.output.rate

    @property
    def finished(self) -> bool:
        """True once every decoded sample has been played (or decoding failed)."""
        return self._decoded_all and self._buffer.size == 0

    def _decode(self) -> None:
        try:
            for chunk in decode_audio(self.path, self.output.rate, self.start_s):
                if not self._buffer.put(chunk):
                    return
        except MediaError as exc:
            log.info("the sound of %s stops early: %s", self.path, exc)
        self._decoded_all = True

    def _pull(self, out: np.ndarray) -> int:
        """Fill ``out`` (float32, (frames, 2)) for the device; runs in the output's thread."""
        filled = self._buffer.read_into(out)
        out[0 if self.muted else filled :] = 0.0
        self._played += filled
        return filled


class SoundDeviceOutput:
    """The default output device through PortAudio (``sounddevice``), stereo float32."""

    def __init__(self, sd, device: dict) -> None:
        self._sd = sd
        self.rate = int(device["default_samplerate"])
        self.latency_s = float(device["default_low_output_latency"])
        # A sounddevice.OutputStream while playing (sounddevice ships no types).
        self._stream: Any = None

    def start(self, pull: Callable[[np.ndarray], int]) -> None:
        def callback(outdata, frames, time_info, status) -> None:
            pull(outdata)

        try:
            self._stream = self._sd.OutputStream(
                samplerate=self.rate, channels=CHANNELS, dtype="float32", blocksize=_BLOCK_FRAMES,
                latency="low", callback=callback,
            )
            self._stream.start()
        except self._sd.PortAudioError as exc:
            log.info("the audio output could not start", exc_info=True)
            raise MediaError(f"The audio output could not start ({exc}).") from exc
        self.latency_s = float(self._stream.latency)

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.close(ignore_errors=True)
            self._stream = None


def open_output() -> SoundDeviceOutput | None:
    """The default audio output, or ``None`` (logged at INFO with the reason) where there is none."""
    try:
        import sounddevice as sd
    except (ImportError, OSError) as exc:
        log.info("No audio output: PortAudio is not available (%s); playing silently.", exc)
        return None
    try:
        device = sd.query_devices(kind="output")
    except (sd.PortAudioError, ValueError) as exc:
        log.info("No audio output: %s; playing silently.", exc)
        return None
    return SoundDeviceOutput(sd, device)
