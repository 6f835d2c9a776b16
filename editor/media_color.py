"""Decoded Y'CbCr pictures to R'G'B', with the matrix and range each stream is tagged with.

An untagged stream gets BT.709 when it is HD-sized (height >= 720 or width >= 1280) and
BT.601 otherwise, limited range unless its pixel format is a full-range ("yuvj") one.
``RgbConverter`` converts on the CPU (swscale); ``YuvImage`` hands the planes to the GL
renderer, which converts them the same way in its first pass (``editor.gl_yuv``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace, Interpolation, VideoReformatter

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


def bit_depth(fmt: av.VideoFormat) -> int:
    """Bits per component of the coded pixels (the deepest component's)."""
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
        self.deep = bit_depth(fmt) > 8
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
        bits = bit_depth(fmt)
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
