"""Photos: read upright (16-bit PNG and TIFF kept 16-bit), written atomically.

Pixels are as ``editor.media`` describes: R'G'B' (and alpha), ``uint8`` or ``uint16``,
shape (height, width, 3), C-contiguous.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path

import av
import numpy as np

from editor.errors import MediaError
from editor.fileio import atomic_path
from editor.media_color import bit_depth
from editor.media_files import PHOTO_EXTENSIONS, check_input

log = logging.getLogger(__name__)

#: Larger than any camera's still (150 MP medium format); a bigger header is a damaged
#: file or a decompression bomb.
MAX_PHOTO_PIXELS = 180_000_000
#: The smallest real JPEG (one flat grey, optimized) takes about 0.004 bytes per pixel.
_JPEG_MIN_BYTES_PER_PIXEL = 0.001


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
    path = check_input(path)
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
    deep = bit_depth(frame.format) > 8
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
