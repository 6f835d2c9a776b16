"""Reading videos and photos into RGB arrays, and writing photos.

Decoded pixels are display-referred sRGB-encoded R'G'B' in the full range: ``uint8``
(0..255) for 8-bit sources and ``uint16`` (0..65535, from FFmpeg's ``rgb48le``) for
sources deeper than 8 bits, shape (height, width, 3), C-contiguous, upright (rotation
metadata is applied to the pixels). Y'CbCr is converted with the matrix and range the
stream is tagged with; an untagged stream gets BT.709 when it is HD-sized (height >= 720
or width >= 1280) and BT.601 otherwise, limited range unless its pixel format is a
full-range ("yuvj") one.

Times are seconds from the start of the video stream, taken from each frame's
presentation timestamp, so variable-frame-rate clips keep their timing.
"""

from __future__ import annotations

import logging
import math
import os
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace, Interpolation, VideoReformatter

from editor.errors import MediaError
from editor.fileio import atomic_path

log = logging.getLogger(__name__)

PHOTO_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff"})
#: Larger than any camera's still (150 MP medium format); a bigger header is a damaged
#: file or a decompression bomb.
MAX_PHOTO_PIXELS = 180_000_000
#: The smallest real JPEG (one flat grey, optimized) takes about 0.004 bytes per pixel.
_JPEG_MIN_BYTES_PER_PIXEL = 0.001

# AVColorSpace values (libavutil/pixfmt.h) -> the swscale matrix that decodes them.
_MATRIX_BY_TAG = {
    1: Colorspace.ITU709,
    4: Colorspace.FCC,
    5: Colorspace.ITU601,  # BT.470 BG
    6: Colorspace.ITU601,  # SMPTE 170M
    7: Colorspace.SMPTE240M,
    9: Colorspace.BT2020,  # BT.2020 non-constant luminance
    10: Colorspace.BT2020,  # BT.2020 constant luminance (decoded as NCL)
}
_AVCOL_RANGE_MPEG, _AVCOL_RANGE_JPEG = 1, 2
#: AVColorTransferCharacteristic values of HDR video.
_HDR_TRANSFERS = {16: "PQ, SMPTE ST 2084", 18: "HLG, ARIB STD-B67"}


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


@dataclass(frozen=True)
class Frame:
    """One decoded picture: ``rgb`` as described in the module docstring."""

    rgb: np.ndarray
    time_s: float
    index: int


def _check_input(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    if not path.exists():
        raise MediaError(f"{path} does not exist.")
    if path.is_dir():
        raise MediaError(f"{path} is a folder, not a video or photo.")
    if not path.is_file():
        raise MediaError(f"{path} is not a regular file (a device or a pipe), not a video or photo.")
    if path.stat().st_size == 0:
        raise MediaError(f"{path} is empty (0 bytes).")
    return path


def is_photo_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in PHOTO_EXTENSIONS


def open_container(path: str | os.PathLike[str]) -> av.container.InputContainer:
    """Open ``path`` for demuxing; a file FFmpeg cannot read becomes a ``MediaError``."""
    path = _check_input(path)
    try:
        container = av.open(str(path), mode="r")
    except (av.error.FFmpegError, OSError) as exc:
        log.info("cannot open %s", path, exc_info=True)
        raise MediaError(f"{path} is not a video or photo this editor can read ({exc.strerror}).") from exc
    if not container.streams.video:
        container.close()
        raise MediaError(f"{path} has no video track.")
    return container


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


def _bit_depth(fmt: av.VideoFormat) -> int:
    return max(c.bits for c in fmt.components)


def _quarter_turns(rotation: float) -> int:
    """Counter-clockwise quarter turns (0..3) that make a frame with ``rotation`` upright."""
    return int(round(rotation / 90.0)) % 4


#: (Kr, Kb) of each swscale matrix: R'G'B' from Y'CbCr as swscale computes it.
_KR_KB = {
    Colorspace.ITU709: (0.2126, 0.0722),
    Colorspace.FCC: (0.30, 0.11),
    Colorspace.ITU601: (0.299, 0.114),
    Colorspace.SMPTE240M: (0.212, 0.087),
    Colorspace.BT2020: (0.2627, 0.0593),
}


@dataclass(frozen=True)
class YuvImage:
    """A decoded Y'CbCr picture as its planes, for the GL renderer to convert to R'G'B'
    (``GLRenderer.upload``) exactly as ``RgbConverter`` would, without the CPU pass.

    ``planes`` are Y', Cb, Cr as (rows, row length) uint8, or uint16 holding ``bits``-bit
    samples; rows may run past the picture (FFmpeg's padding) and are not copied out of
    the frame. ``width``/``height`` are the coded size (before rotation), ``turns`` the
    counter-clockwise quarter turns that make it upright, ``chroma_shift`` the log2 of the
    horizontal and vertical chroma subsampling.
    """

    planes: tuple[np.ndarray, np.ndarray, np.ndarray]
    width: int
    height: int
    bits: int
    chroma_shift: tuple[int, int]
    kr_kb: tuple[float, float]
    full_range: bool
    turns: int

    @property
    def upright_size(self) -> tuple[int, int]:
        """(width, height) once rotated."""
        return (self.height, self.width) if self.turns % 2 else (self.width, self.height)


class RgbConverter:
    """Turns decoded ``av.VideoFrame`` s of one stream into upright RGB arrays.

    The matrix and range come from the first frame's tags (see the module docstring);
    ``size`` (width, height, before rotation) rescales in the same swscale pass.
    """

    def __init__(self, first: av.VideoFrame, size: tuple[int, int] | None = None) -> None:
        fmt = first.format
        self.deep = _bit_depth(fmt) > 8
        self.out_format = "rgb48le" if self.deep else "rgb24"
        self.is_rgb = fmt.is_rgb
        height = first.height
        default = Colorspace.ITU709 if height >= 720 or first.width >= 1280 else Colorspace.ITU601
        self.matrix = _MATRIX_BY_TAG.get(first.colorspace, default)
        full = first.color_range == _AVCOL_RANGE_JPEG or (
            first.color_range != _AVCOL_RANGE_MPEG and fmt.name.startswith("yuvj")
        )
        self.range = ColorRange.JPEG if full else ColorRange.MPEG
        self.turns = _quarter_turns(first.rotation)
        self.size = size
        # One for the stream: it keeps swscale's context, whose set-up (the scaling filters)
        # costs as much as converting a rescaled frame.
        self._reformatter = VideoReformatter()

    def yuv(self, frame: av.VideoFrame) -> YuvImage | None:
        """``frame`` as a ``YuvImage`` where the GL renderer can convert it as ``self``
        would: planar Y'CbCr of 8 to 16 bits, little-endian, not rescaled; else ``None``."""
        fmt = frame.format
        if (
            fmt.is_rgb
            or not fmt.is_planar
            or fmt.is_big_endian
            or fmt.has_palette
            or len(fmt.components) != 3
            or len(frame.planes) != 3
            or self.size not in (None, (frame.width, frame.height))
            or self.matrix not in _KR_KB
        ):
            return None
        bits = _bit_depth(fmt)
        dtype = np.uint16 if self.deep else np.uint8

        def rows(plane: av.video.plane.VideoPlane) -> np.ndarray:
            # memoryview: numpy's stubs take a buffer-protocol object as one only on Python >= 3.12.
            data = np.frombuffer(memoryview(plane), dtype)
            return data.reshape(plane.height, plane.line_size // dtype().itemsize)

        y, cb, cr = frame.planes  # three, checked above
        planes = (rows(y), rows(cb), rows(cr))
        # Chroma planes are the picture's size over 2^shift, rounded up.
        shift = (
            round(math.log2(frame.width / frame.planes[1].width)),
            round(math.log2(frame.height / frame.planes[1].height)),
        )
        return YuvImage(
            planes, frame.width, frame.height, bits, shift, _KR_KB[self.matrix],
            self.range == ColorRange.JPEG, self.turns,
        )

    @property
    def matrix_name(self) -> str:
        return {Colorspace.ITU709: "bt709", Colorspace.BT2020: "bt2020"}.get(self.matrix, "bt601")

    def __call__(self, frame: av.VideoFrame) -> np.ndarray:
        width, height = self.size if self.size is not None else (None, None)
        if self.is_rgb:
            out = self._reformatter.reformat(frame, width=width, height=height, format=self.out_format)
        else:
            out = self._reformatter.reformat(
                frame,
                width=width,
                height=height,
                format=self.out_format,
                src_colorspace=self.matrix,
                src_color_range=self.range,
                interpolation=Interpolation.BILINEAR,
            )
        rgb = out.to_ndarray()
        if self.turns:
            rgb = np.rot90(rgb, self.turns)
        return np.ascontiguousarray(rgb)


def probe(path: str | os.PathLike[str]) -> MediaInfo:
    """Describe a video or photo; raises ``MediaError`` for anything unreadable."""
    path = _check_input(path)
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
            bit_depth=_bit_depth(first.format),
            color_matrix=conv.matrix_name,
            full_range=conv.range == ColorRange.JPEG,
        )


def check_complete(info: MediaInfo, end_s: float) -> None:
    """Raise ``MediaError`` when decoding stopped well before the stream's stated end.

    A truncated file often decodes without any error up to where it was cut (frame
    threads hide the decoder's complaint), so the shortfall is what gives it away.
    ``end_s`` is where the last decoded frame ends, in seconds from the start.
    """
    if info.duration_s > 0 and end_s < 0.9 * info.duration_s - 0.5:
        raise MediaError(
            f"{info.path} is damaged or truncated: its pictures stop at {end_s:.1f} s "
            f"of {info.duration_s:.1f} s."
        )


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


def _check_photo_size(path: Path, width: int, height: int, min_bytes_per_pixel: float = 0.0) -> None:
    """Refuse a photo too large to grade, or one whose header claims more pixels than its
    data can hold (decoders then paint the missing part flat and say nothing)."""
    pixels = width * height
    if pixels > MAX_PHOTO_PIXELS:
        raise MediaError(
            f"{path} is too large or damaged: {width}x{height} is more than the "
            f"{MAX_PHOTO_PIXELS // 1_000_000} megapixels this editor grades."
        )
    size = path.stat().st_size
    if size < pixels * min_bytes_per_pixel:
        raise MediaError(
            f"{path} is too large or damaged: {width}x{height} pixels cannot fit in {size} bytes."
        )


def read_photo(path: str | os.PathLike[str]) -> np.ndarray:
    """An upright photo as RGB: uint8, or uint16 for 16-bit PNG/TIFF; alpha is dropped."""
    return read_photo_alpha(path)[0]


def read_photo_alpha(path: str | os.PathLike[str]) -> tuple[np.ndarray, np.ndarray | None]:
    """An upright photo as RGB (uint8, or uint16 for 16-bit PNG/TIFF) and its alpha
    channel (H, W) of the same type, ``None`` for an opaque format.

    JPEG goes through Pillow so that its EXIF orientation is honoured; PNG and TIFF go
    through FFmpeg, which keeps 16-bit samples that Pillow would truncate.
    """
    path = _check_input(path)
    ext = path.suffix.lower()
    if ext not in PHOTO_EXTENSIONS:
        raise MediaError(f"{path} is not a JPEG, PNG or TIFF photo.")
    if ext in (".jpg", ".jpeg"):
        from PIL import Image, ImageOps, UnidentifiedImageError

        try:
            with warnings.catch_warnings():
                # Pillow's own size warning is replaced by the check below, in plain words.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(path) as im:
                    _check_photo_size(path, im.width, im.height, _JPEG_MIN_BYTES_PER_PIXEL)
                    upright = ImageOps.exif_transpose(im)
                    return np.asarray(upright.convert("RGB")), None
        except Image.DecompressionBombError as exc:
            log.info("cannot read %s", path, exc_info=True)
            raise MediaError(
                f"{path} is too large or damaged: its header claims an enormous picture."
            ) from exc
        except (UnidentifiedImageError, OSError) as exc:
            log.info("cannot read %s", path, exc_info=True)
            raise MediaError(f"{path} is not a JPEG photo this editor can read.") from exc
    try:
        with av.open(str(path), mode="r") as container:
            codec = container.streams.video[0].codec_context
            _check_photo_size(path, codec.width, codec.height)
            frame = next(container.decode(video=0))
    except (av.error.FFmpegError, StopIteration, IndexError, OSError) as exc:
        log.info("cannot read %s", path, exc_info=True)
        raise MediaError(f"{path} is not a {ext.lstrip('.').upper()} photo this editor can read.") from exc
    deep = _bit_depth(frame.format) > 8
    if not any(c.is_alpha for c in frame.format.components):
        return np.ascontiguousarray(frame.to_ndarray(format="rgb48le" if deep else "rgb24")), None
    rgba = frame.to_ndarray(format="rgba64le" if deep else "rgba")
    return np.ascontiguousarray(rgba[..., :3]), np.ascontiguousarray(rgba[..., 3])


def _write_deep_photo(path: Path, rgb: np.ndarray, codec: str) -> None:
    """16-bit RGB(A) through FFmpeg's image encoders (Pillow cannot write 48- or 64-bit RGB)."""
    name = "rgba64" if rgb.shape[2] == 4 else "rgb48"
    frame = av.VideoFrame.from_ndarray(rgb, format=f"{name}le")
    with av.open(str(path), mode="w", format="image2") as container:
        stream = container.add_stream(codec, rate=1)
        stream.width, stream.height = rgb.shape[1], rgb.shape[0]
        stream.pix_fmt = f"{name}be" if codec == "png" else f"{name}le"
        container.mux(stream.encode(frame.reformat(format=stream.pix_fmt)))
        container.mux(stream.encode(None))


def write_photo(path: str | os.PathLike[str], rgb: np.ndarray, quality: int = 95) -> None:
    """Write an (H, W, 3) RGB or (H, W, 4) RGBA photo atomically as JPEG, PNG or TIFF (by
    extension); JPEG, which has no alpha, drops the fourth channel.

    ``rgb`` is uint8 0..255, uint16 0..65535 (stored as 16-bit PNG/TIFF, reduced to 8
    bits for JPEG) or float in [0, 1] (stored as 8 bits). ``quality`` (1..100) applies to
    JPEG, which keeps full chroma resolution from quality 90 up.
    """
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in PHOTO_EXTENSIONS:
        raise MediaError(
            f"Cannot save a photo as {ext or 'a file without extension'}; use .jpg, .png or .tif."
        )
    if rgb.ndim != 3 or rgb.shape[2] not in (3, 4):
        raise MediaError(f"A photo must be an RGB or RGBA image, not an array of shape {rgb.shape}.")
    if rgb.dtype.kind == "f":
        rgb = (np.clip(rgb, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    if ext in (".jpg", ".jpeg"):
        rgb = rgb[..., :3]
        if rgb.dtype == np.uint16:
            rgb = (rgb >> 8).astype(np.uint8)
    with atomic_path(path) as tmp:
        if rgb.dtype == np.uint16:
            _write_deep_photo(tmp, np.ascontiguousarray(rgb), "png" if ext == ".png" else "tiff")
        else:
            from PIL import Image

            mode = "RGBA" if rgb.shape[2] == 4 else "RGB"
            image = Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8), mode)
            if ext in (".jpg", ".jpeg"):
                image.save(tmp, "JPEG", quality=int(quality), subsampling=0 if quality >= 90 else 2)
            elif ext == ".png":
                image.save(tmp, "PNG")
            else:
                image.save(tmp, "TIFF", compression="tiff_deflate")
