"""Reading videos and photos into RGB arrays, and writing photos.

Decoded pixels are display-referred sRGB-encoded R'G'B' in the full range: ``uint8``
(0..255) for 8-bit sources and ``uint16`` (0..65535, from FFmpeg's ``rgb48le``) for
sources deeper than 8 bits, shape (height, width, 3), C-contiguous, upright (rotation
metadata is applied to the pixels). Y'CbCr is converted with the matrix and range the
stream is tagged with (``editor.media_color``, which says what an untagged one gets).

Times are seconds from the start of the video stream, taken from each frame's
presentation timestamp, so variable-frame-rate clips keep their timing.

This module decodes a video's frames (``VideoReader``). The rest lives beside it, one
area each, and the names the editor uses are imported from here: opening a file
(``editor.media_files``), what it holds (``editor.media_probe``), the color conversion
(``editor.media_color``) and photos (``editor.media_photo``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass

import av
import numpy as np

from editor.errors import MediaError
from editor.media_color import RgbConverter, YuvImage
from editor.media_files import PHOTO_EXTENSIONS, open_container
from editor.media_photo import read_photo, read_photo_alpha, write_photo
from editor.media_probe import MediaInfo, check_complete, probe

#: What the rest of the editor imports from ``editor.media``, wherever it is defined.
__all__ = [
    "PHOTO_EXTENSIONS",
    "Frame",
    "MediaInfo",
    "RgbConverter",
    "VideoReader",
    "YuvImage",
    "check_complete",
    "open_container",
    "probe",
    "read_photo",
    "read_photo_alpha",
    "write_photo",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Frame:
    """One decoded picture: ``rgb`` as described in the module docstring."""

    rgb: np.ndarray
    time_s: float
    index: int


class VideoReader:
    """Decodes one video file for playback, scrubbing and thumbnails.

    ``size`` (width, height of the coded picture, before rotation) makes every frame
    come out rescaled, e.g. for a preview proxy.
    """

    def __init__(self, path: str | os.PathLike[str], size: tuple[int, int] | None = None) -> None:
        self.info = probe(path)
        if self.info.kind != "video":
            raise MediaError(f"{path} is a photo, not a video.")
        self._container = open_container(path)
        self._stream = self._container.streams.video[0]
        self._stream.thread_type = "AUTO"
        tb = self._stream.time_base
        assert tb is not None, "a demuxed stream has a time base"
        self._time_base = float(tb)
        self._start_pts = self._stream.start_time or 0
        self._size = size
        self._convert: RgbConverter | None = None

    def close(self) -> None:
        self._container.close()

    def __enter__(self) -> VideoReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _time(self, frame: av.VideoFrame) -> float:
        pts = frame.pts if frame.pts is not None else self._start_pts
        return (pts - self._start_pts) * self._time_base

    def _decoded(self, start_s: float) -> Iterator[tuple[float, av.VideoFrame]]:
        """Frames from the keyframe at or before ``start_s`` on, with their times.

        Some files mark frames as keyframes that do not decode on their own (their
        references come earlier: the decoder conceals them as flat green); while the
        frames before ``start_s`` come out corrupt, decoding starts again from the keyframe
        before, so the first frame asked for is a clean one. Frames before ``start_s`` may
        then be yielded again, in order, which every caller skips or replaces.
        """
        seek_s = start_s
        while True:
            if seek_s > 0:
                target = self._start_pts + int(seek_s / self._time_base)
                self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
            else:
                self._container.seek(self._start_pts, stream=self._stream, backward=True)
            restart_s: float | None = None
            try:
                for frame in self._container.decode(self._stream):
                    time_s = self._time(frame)
                    if frame.is_corrupt and seek_s > 0 and time_s <= start_s:
                        restart_s = time_s
                        break
                    yield time_s, frame
            except av.error.FFmpegError as exc:
                log.info("decoding %s failed", self.info.path, exc_info=True)
                raise MediaError(f"{self.info.path} is damaged: decoding stopped ({exc.strerror}).") from exc
            if restart_s is None:
                return
            log.info("%s: corrupt frame at %.3f s after a seek; decoding from the keyframe before",
                     self.info.path, restart_s)
            # Just before the corrupt keyframe, so the seek lands on the one before it.
            seek_s = max(0.0, min(seek_s, restart_s) - 1.0 / max(self.info.fps, 1.0))

    def _rgb(self, frame: av.VideoFrame) -> np.ndarray:
        if self._convert is None:
            self._convert = RgbConverter(frame, self._size)
        return self._convert(frame)

    def frames(self, start_s: float = 0.0) -> Iterator[Frame]:
        """Frames from the one shown at ``start_s`` to the end, in presentation order."""
        half = 0.5 / self.info.fps if self.info.fps > 0 else 0.0
        index = round(start_s * self.info.fps)
        end_s = start_s
        for time_s, frame in self._decoded(start_s):
            if time_s + half < start_s:
                continue
            yield Frame(self._rgb(frame), time_s, index)
            index += 1
            end_s = time_s + 2 * half
        check_complete(self.info, end_s)

    def frame_at(self, time_s: float) -> Frame:
        """The frame on screen at ``time_s``: the last one that starts at or before it.

        Seeks to the keyframe before ``time_s`` and decodes forward, so the answer is
        exact whatever the keyframe interval.
        """
        time_s = max(0.0, time_s)
        eps = 1e-6
        previous: tuple[float, av.VideoFrame] | None = None
        for t, frame in self._decoded(time_s):
            if t > time_s + eps and previous is not None:
                break
            previous = (t, frame)
            if t > time_s + eps:
                break
        if previous is None:
            raise MediaError(f"{self.info.path} has no picture at {time_s:.2f} s.")
        t, frame = previous
        return Frame(self._rgb(frame), t, round(t * self.info.fps))
