"""The H.264 encoders an export can use: libx264 everywhere, a hardware one where it works.

``choose("auto")`` takes the first of ``HARDWARE`` that this PyAV build carries and this
machine can run, else libx264. Whether one runs is found by opening it and encoding a tiny
frame (``works``, once per process): a name in the build says nothing about the driver or
the chip. h264_vaapi takes only frames in GPU memory, so it gets a VAAPI device that PyAV
uploads the frames to.

Speed is said in x264's preset names (``ExportSettings.preset``); ``SPEEDS`` are the three
the app and ``--speed`` offer. A hardware encoder gets its own fastest, middle or best
setting for a preset faster than, equal to or slower than medium (VA-API keeps the
driver's, VideoToolbox has only a "prioritize speed" switch, set for the fast ones), and
the CRF as its constant-quality level; VideoToolbox, whose constant-quality mode only
Apple silicon has, gets a bit rate near x264's instead.
"""

from __future__ import annotations

import functools
import io
import logging
import os
from fractions import Fraction
from typing import cast

import av
import numpy as np
from av.codec.hwaccel import HWAccel
from av.video.reformatter import ColorRange, Colorspace
from av.video.stream import VideoStream

from editor.errors import EditorError

log = logging.getLogger(__name__)

LIBX264 = "libx264"
AUTO = "auto"
#: In the order ``auto`` tries them; each fails its probe at once where it does not belong.
HARDWARE = ("h264_nvenc", "h264_videotoolbox", "h264_qsv", "h264_amf", "h264_vaapi")
ENCODERS = (LIBX264, *HARDWARE)
#: x264's presets, fastest first.
X264_PRESETS = (
    "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo",
)
#: The export speeds offered to people, as x264 presets; "balanced" is the default.
SPEEDS = {"fast": "veryfast", "balanced": "medium", "best": "slow"}
#: Each hardware encoder's fastest, middle and best setting (see ``_options``).
_TIERS = {
    "h264_nvenc": ("p1", "p4", "p7"),
    "h264_qsv": ("veryfast", "medium", "veryslow"),
    "h264_amf": ("speed", "balanced", "quality"),
}
_BT709 = 1  # AVCOL_SPC / AVCOL_PRI / AVCOL_TRC value for BT.709
_RANGE_MPEG = 1
#: Past this many threads x264 gets little faster at 1080p while every frame thread costs
#: a little quality (its motion search sees only the rows of a reference already encoded).
_MAX_X264_THREADS = 16
#: Tiny, yet above the smallest frame each hardware encoder accepts.
_PROBE_SIZE = (320, 240)


def preset_for_speed(speed: str) -> str:
    """The x264 preset of one of ``SPEEDS``, refused in one sentence otherwise."""
    try:
        return SPEEDS[speed.lower()]
    except KeyError:
        raise EditorError(f"Unknown speed {speed!r}; use fast, balanced or best.") from None


def cores() -> int:
    """The CPU cores this process may run on (its affinity, where the system says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def x264_threads() -> int:
    """x264's thread count: one per core, at most ``_MAX_X264_THREADS``.

    x264's own default is 1.5 per core, extra frame threads that cover its waits on a
    machine where nothing else runs; an export also decodes and renders on the same cores,
    so those extra threads would only hold more frames in memory.
    """
    return min(cores(), _MAX_X264_THREADS)


def sw_format(encoder: str) -> str:
    """The pixel format the encoder is given: yuv420p, or nv12 where it takes only that."""
    formats = av.codec.Codec(encoder, "w").video_formats or ()
    return "yuv420p" if any(f.name == "yuv420p" for f in formats) else "nv12"


def _tier(preset: str) -> int:
    medium = X264_PRESETS.index("medium")
    rank = X264_PRESETS.index(preset)
    return 0 if rank < medium else 1 if rank == medium else 2


def _options(encoder: str, crf: int, preset: str) -> dict[str, str]:
    if encoder == LIBX264:
        return {"crf": str(crf), "preset": preset}
    tier = _tier(preset)
    # Constant-quality levels run 1..51 like the CRF; 0 would mean "not set" there.
    quality = str(max(1, crf))
    if encoder == "h264_nvenc":
        return {"preset": _TIERS[encoder][tier], "rc": "vbr", "cq": quality, "b": "0"}
    if encoder == "h264_qsv":
        return {"preset": _TIERS[encoder][tier], "global_quality": quality}
    if encoder == "h264_amf":
        qps = {"qp_i": quality, "qp_p": quality, "qp_b": quality}
        return {"quality": _TIERS[encoder][tier], "rc": "cqp", **qps}
    if encoder == "h264_vaapi":
        return {"rc_mode": "CQP", "qp": quality}
    # h264_videotoolbox: its quality is the bit rate h264_stream sets.
    return {"prio_speed": "1"} if tier == 0 else {}


def _bit_rate(width: int, height: int, rate: Fraction, crf: int) -> int:
    """A bit rate near what x264 spends at ``crf`` on ordinary footage: about 0.16 bits per
    pixel at CRF 18 (10 Mb/s at 1080p30), halved every 6 steps as x264's is."""
    return int(width * height * float(rate) * 0.16 * 2 ** ((18 - crf) / 6))


def h264_stream(
    container: av.container.OutputContainer,
    width: int,
    height: int,
    rate: Fraction,
    *,
    crf: int,
    preset: str,
    threads: int | None = None,
    time_base: Fraction | None = None,
    encoder: str = LIBX264,
) -> VideoStream:
    """Add an H.264 stream tagged BT.709 limited range to ``container``, made by ``encoder``.

    ``threads`` is x264's thread count (``None``: ``x264_threads()``; 0: x264 decides).
    """
    hwaccel = HWAccel("vaapi", allow_software_fallback=False) if encoder == "h264_vaapi" else None
    # add_stream's stub gives any stream kind for a codec name outside its literal list;
    # every encoder here is an H.264 one, whose stream is a VideoStream.
    stream = cast(VideoStream, container.add_stream(encoder, rate=rate, hwaccel=hwaccel))
    stream.width, stream.height = width, height
    stream.pix_fmt = sw_format(encoder)
    ctx = stream.codec_context
    if time_base is not None:
        ctx.time_base = time_base
    ctx.colorspace = ctx.color_primaries = ctx.color_trc = _BT709
    ctx.color_range = _RANGE_MPEG
    if encoder == LIBX264:
        ctx.thread_count = x264_threads() if threads is None else threads
    elif encoder == "h264_videotoolbox":
        ctx.bit_rate = _bit_rate(width, height, rate, crf)
    # PyAV types the options as dict[str, object]; ours are all strings.
    options: dict[str, object] = dict(_options(encoder, crf, preset))
    stream.options = options
    return stream


def yuv420_frame(rgb: np.ndarray, pix_fmt: str = "yuv420p") -> av.VideoFrame:
    """An (H, W, 3) uint8 sRGB array as a BT.709 limited-range 4:2:0 frame (yuv420p or nv12)."""
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
    return frame.reformat(
        format=pix_fmt,
        dst_colorspace=Colorspace.ITU709,
        dst_color_range=ColorRange.MPEG,
        dst_color_trc=_BT709,
        dst_color_primaries=_BT709,
    )


def planes_frame(y: np.ndarray, uv: np.ndarray, pix_fmt: str = "yuv420p") -> av.VideoFrame:
    """A BT.709 limited-range 4:2:0 frame (yuv420p or nv12) from planes already in that form:
    Y' (H, W) and interleaved Cb, Cr (H/2, W/2, 2), uint8 (``GLRenderer.finish_yuv420``)."""
    height, width = y.shape
    frame = av.VideoFrame(width, height, pix_fmt)
    frame.colorspace, frame.color_range = _BT709, _RANGE_MPEG
    _fill(frame.planes[0], y)
    if pix_fmt == "nv12":
        _fill(frame.planes[1], uv.reshape(uv.shape[0], -1))
    else:
        _fill(frame.planes[1], uv[..., 0])
        _fill(frame.planes[2], uv[..., 1])
    return frame


def _fill(plane: av.video.plane.VideoPlane, data: np.ndarray) -> None:
    # FFmpeg pads each row to its alignment, so rows are copied into the plane's own layout.
    # memoryview: numpy's stubs take a buffer-protocol object as one only on Python >= 3.12.
    rows = np.frombuffer(memoryview(plane), np.uint8).reshape(plane.height, plane.line_size)
    rows[:, : data.shape[1]] = data


@functools.cache
def works(encoder: str) -> bool:
    """Whether ``encoder`` opens here and turns a tiny frame into a packet (asked once per process)."""
    width, height = _PROBE_SIZE
    try:
        with av.open(io.BytesIO(), mode="w", format="mp4") as container:
            stream = h264_stream(
                container, width, height, Fraction(30), crf=18, preset="medium", encoder=encoder
            )
            stream.codec_context.open()
            frame = yuv420_frame(np.zeros((height, width, 3), np.uint8), sw_format(encoder))
            frame.pts = 0
            packets = stream.encode(frame) + stream.encode(None)
    # Drivers fail in many ways (no device, no library, no licence, a chip too old); any is a no.
    except Exception as exc:
        log.info("the %s encoder does not work here: %s", encoder, exc)
        return False
    if not packets:
        log.info("the %s encoder opened but wrote nothing", encoder)
        return False
    return True


def choose(requested: str) -> str:
    """The encoder to use for ``requested`` ("auto", "libx264" or one of ``HARDWARE``): a
    hardware one that does not work here gives libx264, with a warning when it was asked for."""
    if requested == AUTO:
        encoder = next((name for name in HARDWARE if works(name)), LIBX264)
        log.info("encoder auto: %s", encoder)
        return encoder
    if requested == LIBX264 or works(requested):
        return requested
    log.warning("The %s encoder does not work on this machine; encoding with libx264 instead.", requested)
    return LIBX264


def check_encoder(name: str) -> None:
    """Refuse an encoder name that is none of ours, in one sentence."""
    if name not in (AUTO, *ENCODERS):
        raise EditorError(f"Unknown encoder {name!r}; use auto, {', '.join(ENCODERS)}.")
