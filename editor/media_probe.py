"""What a media file holds (``probe``), and whether decoding got all of it (``check_complete``).

HDR video is refused here, once, for everything that reads a file through ``probe``.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import ColorRange

from editor.errors import MediaError
from editor.media_color import RgbConverter, bit_depth
from editor.media_files import check_input, is_photo_path, open_container
from editor.media_photo import read_photo

log = logging.getLogger(__name__)

#: AVColorTransferCharacteristic values of HDR video.
_HDR_TRANSFERS = {16: "PQ, SMPTE ST 2084", 18: "HLG, ARIB STD-B67"}
#: Decoding is complete once its pictures reach this fraction of the stated duration,
#: less ``_COMPLETE_SLACK_S``: the duration may be the container's, which a longer audio
#: track sets, or rounded up, so a whole file can stop short of it; a cut one stops well
#: short.
_COMPLETE_FRACTION = 0.9
_COMPLETE_SLACK_S = 0.5


@dataclass(frozen=True)
class MediaInfo:
    """What a file holds. ``width``/``height`` are the displayed size (after rotation).

    ``rotation`` is the display-matrix angle in degrees counter-clockwise as FFmpeg
    reports it (-180 for an upside-down phone clip, 90/-90 for portrait), 0 for none.
    ``bit_depth`` is bits per component of the coded pixels.
    """

    path: Path
    kind: str
    width: int
    height: int
    fps: float
    duration_s: float
    frame_count: int
    rotation: int
    has_audio: bool
    video_codec: str
    audio_codec: str | None
    bit_depth: int
    color_matrix: str = "bt709"
    full_range: bool = True


def _first_frame(container: av.container.InputContainer, path: Path) -> av.VideoFrame:
    stream = container.streams.video[0]
    try:
        for frame in container.decode(stream):
            return frame
    except av.error.FFmpegError as exc:
        log.info("cannot decode %s", path, exc_info=True)
        raise MediaError(f"{path} is damaged: its video cannot be decoded ({exc.strerror}).") from exc
    raise MediaError(f"{path} is damaged: its video track holds no pictures.")


def _refuse_hdr(path: Path, first: av.VideoFrame) -> None:
    """HDR video (PQ or HLG transfer) graded as BT.709 would look washed out and be tagged
    wrong; it is refused in one sentence rather than converted silently."""
    transfer = _HDR_TRANSFERS.get(first.color_trc)
    if transfer is not None:
        raise MediaError(
            f"{path} is HDR video ({transfer}); this editor grades SDR (BT.709) only, "
            "so convert it to SDR first."
        )


def probe(path: str | os.PathLike[str]) -> MediaInfo:
    """Describe a video or photo; raises ``MediaError`` for anything unreadable."""
    path = check_input(path)
    if is_photo_path(path):
        rgb = read_photo(path)
        h, w = rgb.shape[:2]
        return MediaInfo(
            path, "photo", w, h, 0.0, 0.0, 1, 0, False, path.suffix.lower().lstrip("."), None,
            16 if rgb.dtype == np.uint16 else 8,
        )
    with open_container(path) as container:
        stream = container.streams.video[0]
        first = _first_frame(container, path)
        _refuse_hdr(path, first)
        conv = RgbConverter(first)
        rate = stream.average_rate or stream.guessed_rate or Fraction(30)
        fps = float(rate)
        if stream.duration is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / av.time_base
        else:
            duration = 0.0
        count = stream.frames if stream.frames > 0 else max(1, round(duration * fps))
        w, h = first.width, first.height
        if conv.turns % 2:
            w, h = h, w
        audio = container.streams.audio[0] if container.streams.audio else None
        return MediaInfo(
            path=path,
            kind="video",
            width=w,
            height=h,
            fps=fps,
            duration_s=duration,
            frame_count=count,
            rotation=int(round(first.rotation)),
            has_audio=audio is not None,
            video_codec=stream.codec_context.name,
            audio_codec=audio.codec_context.name if audio is not None else None,
            bit_depth=bit_depth(first.format),
            color_matrix=conv.matrix_name,
            full_range=conv.range == ColorRange.JPEG,
        )


def check_complete(info: MediaInfo, end_s: float) -> None:
    """Raise ``MediaError`` when decoding stopped well before the stream's stated end.

    A truncated file often decodes without any error up to where it was cut (frame
    threads hide the decoder's complaint), so the shortfall is what gives it away.
    ``end_s`` is where the last decoded frame ends, in seconds from the start.
    """
    if info.duration_s > 0 and end_s < _COMPLETE_FRACTION * info.duration_s - _COMPLETE_SLACK_S:
        raise MediaError(
            f"{info.path} is damaged or truncated: its pictures stop at {end_s:.1f} s "
            f"of {info.duration_s:.1f} s."
        )
