"""The GL renderer's Y'CbCr paths: decoded planes in (converted in the first pass) and the
encoder's BT.709 limited-range 4:2:0 planes out (through pixel-buffer objects), each held
to FFmpeg's own conversion (swscale, as media.RgbConverter and encoders.yuv420_frame run
it) and, graded, to the CPU reference."""

from __future__ import annotations

import dataclasses

import av
import numpy as np
import pytest
from av.video.reformatter import ColorRange, Colorspace
from PIL import Image
from test_gl import GOLDEN, POINTWISE_BOUND, SPATIAL, SPATIAL_BOUND, max_error

from editor.encoders import planes_frame, yuv420_frame
from editor.media import RgbConverter, YuvImage, open_container
from editor.pipeline import render_cpu
from editor.schema import Look

#: FFmpeg's 8-bit 4:2:0 and 4:2:2 to RGB converter works from lookup tables and is up to 3
#: levels (mean 1.1) off the exact matrix, which the shader computes; its 4:4:4 path is exact.
SWSCALE_TABLE_ERROR = 3
#: Deeper than 8 bits, in 16-bit levels: a quarter of an 8-bit level on average.
DEEP_MEAN, DEEP_MAX = 80, 256


@pytest.fixture(scope="module")
def photo(testdata) -> np.ndarray:
    # 638 x 426: no dimension a multiple of 4 or 64, so rows are padded in the planes.
    im = Image.open(testdata / "media" / "photo_rocket_640x427_pd.jpg").convert("RGB")
    return np.ascontiguousarray(np.asarray(im)[:426, :638])


def yuv_frame(rgb: np.ndarray, fmt: str, matrix: int, full: bool) -> av.VideoFrame:
    """``rgb`` as FFmpeg converts it to ``fmt``, tagged with the matrix and range."""
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
    color_range = ColorRange.JPEG if full else ColorRange.MPEG
    return frame.reformat(format=fmt, dst_colorspace=matrix, dst_color_range=color_range)


def exact_rgb(image: YuvImage) -> np.ndarray:
    """The planes to float R'G'B' with the exact matrix, chroma repeated (8-bit formats)."""
    assert image.bits == 8
    sx, sy = image.chroma_shift
    y = image.planes[0][: image.height, : image.width].astype(np.float64)
    cb, cr = (p.repeat(1 << sy, 0).repeat(1 << sx, 1)[: image.height, : image.width].astype(np.float64)
              for p in image.planes[1:])
    if image.full_range:
        y, cb, cr = y / 255, (cb - 128) / 255, (cr - 128) / 255
    else:
        y, cb, cr = (y - 16) / 219, (cb - 128) / 224, (cr - 128) / 224
    kr, kb = image.kr_kb
    r, b = y + 2 * (1 - kr) * cr, y + 2 * (1 - kb) * cb
    return np.clip(np.stack([r, (y - kr * r - kb * b) / (1 - kr - kb), b], -1), 0, 1)


FORMATS = [
    ("yuv420p", Colorspace.ITU709, False),
    ("yuv420p", Colorspace.ITU601, False),
    ("yuvj420p", Colorspace.ITU601, True),
    ("yuv420p", Colorspace.ITU709, True),
    ("yuv422p", Colorspace.ITU709, False),
    ("yuv444p", Colorspace.BT2020, False),
    ("yuv420p10le", Colorspace.ITU709, False),
    ("yuv422p10le", Colorspace.ITU601, True),
    ("yuv444p12le", Colorspace.ITU709, False),
]


@pytest.mark.parametrize(
    "fmt, matrix, full", FORMATS, ids=[f"{f}-{m}-{'full' if r else 'limited'}" for f, m, r in FORMATS]
)
def test_planes_convert_as_ffmpeg_does(renderer, photo, fmt, matrix, full):
    frame = yuv_frame(photo, fmt, matrix, full)
    convert = RgbConverter(frame)
    image = convert.yuv(frame)
    assert image is not None and image.full_range == full
    ffmpeg = convert(frame)
    renderer.set_look(Look())
    deep = ffmpeg.dtype == np.uint16
    ours = renderer.render(image, deep=deep)
    assert ours.shape == ffmpeg.shape and ours.dtype == ffmpeg.dtype
    err = np.abs(ours.astype(np.int64) - ffmpeg)
    if deep:
        assert err.mean() < DEEP_MEAN and err.max() <= DEEP_MAX
    elif fmt.startswith("yuv444"):
        assert err.max() <= 1
    else:
        assert err.max() <= SWSCALE_TABLE_ERROR and err.mean() < 1.5
        # ... and the shader is the exact conversion, rounded.
        assert max_error(ours, np.round(exact_rgb(image) * 255).astype(np.uint8)) <= 1


def test_real_clips_convert_as_ffmpeg_does(renderer, testdata):
    # BT.601 4:2:0 at 960 wide (rows padded), 4:4:4, VP8, and a phone clip upside down.
    renderer.set_look(Look())
    for name in ("flower_960x540_h264_aac_cc0.mp4", "cockatoo_1280x720_yuv444p_h264_mp3_pd.mp4",
                 "tears_of_steel_800x332_vp8_vorbis_ccby.webm", "fire2_1280x720_rot180_h264_aac_mit.mp4"):
        with open_container(testdata / "media" / name) as container:
            frame = next(container.decode(video=0))
        convert = RgbConverter(frame)
        image = convert.yuv(frame)
        ffmpeg = convert(frame)
        err = np.abs(renderer.render(image).astype(int) - ffmpeg)
        assert err.max() <= SWSCALE_TABLE_ERROR and err.mean() < 1.5, name


def test_quarter_turns_are_np_rot90s(renderer, photo):
    image = RgbConverter(frame := yuv_frame(photo, "yuv420p", Colorspace.ITU709, False)).yuv(frame)
    renderer.set_look(GOLDEN)
    upright = renderer.render(image)
    for turns in (1, 2, 3):
        turned = renderer.render(dataclasses.replace(image, turns=turns))
        assert np.array_equal(turned, np.rot90(upright, turns))


@pytest.mark.parametrize(
    "look, bound", [(GOLDEN, POINTWISE_BOUND), (SPATIAL, SPATIAL_BOUND)], ids=["golden", "spatial"]
)
@pytest.mark.parametrize("fused", [False, True], ids=["two-tables", "fused"])
def test_graded_planes_match_cpu_reference(renderer, photo, look, bound, fused):
    for fmt in ("yuv420p", "yuv444p"):
        image = RgbConverter(frame := yuv_frame(photo, fmt, Colorspace.ITU709, False)).yuv(frame)
        renderer.set_look(look, fused=fused)
        reference = render_cpu(exact_rgb(image).astype(np.float32), look)
        expected = np.round(np.clip(reference, 0, 1) * 255).astype(np.uint8)
        assert max_error(renderer.render(image), expected) <= bound


def test_formats_the_shaders_do_not_read_are_left_to_swscale(photo):
    frame = av.VideoFrame.from_ndarray(photo, format="rgb24")
    assert RgbConverter(frame).yuv(frame) is None
    nv12 = frame.reformat(format="nv12")
    assert RgbConverter(nv12).yuv(nv12) is None
    yuv = frame.reformat(format="yuv420p")
    assert RgbConverter(yuv, (320, 214)).yuv(yuv) is None
    assert RgbConverter(yuv, (yuv.width, yuv.height)).yuv(yuv) is not None


def test_draw_shows_the_converted_original(renderer, gl_ctx, photo):
    # Before/after needs the ungraded picture in RGB, which a Y'CbCr upload converts on demand.
    image = RgbConverter(frame := yuv_frame(photo, "yuv444p", Colorspace.ITU709, False)).yuv(frame)
    renderer.set_look(GOLDEN)
    h, w = photo.shape[:2]
    tex = gl_ctx.texture((w, h), 4)
    fbo = gl_ctx.framebuffer(color_attachments=[tex])
    shown = {}
    for source in (image, RgbConverter(frame)(frame)):
        renderer.upload(source)
        renderer.draw(fbo, (0, 0, w, h), split=1.0)
        shown[type(source)] = np.frombuffer(fbo.read(components=3), np.uint8).reshape(h, w, 3)[::-1]
    fbo.release()
    tex.release()
    assert max_error(shown[YuvImage], shown[np.ndarray]) <= 1


@pytest.mark.parametrize("shape", [(426, 638), (8, 8), (1080, 1920)])
def test_yuv420_readback_matches_ffmpeg(renderer, photo, shape):
    h, w = shape
    rng = np.random.default_rng(w)
    rgb = rng.integers(0, 256, (h, w, 3), dtype=np.uint8) if h < 20 else np.ascontiguousarray(
        np.asarray(Image.fromarray(photo).resize((w, h)))
    )
    renderer.set_look(GOLDEN)
    graded = renderer.render(rgb)
    y, uv = renderer.finish_yuv420(renderer.start_yuv420())
    ours = planes_frame(y, uv)
    ffmpeg = yuv420_frame(graded)
    assert (ours.colorspace, ours.color_range) == (ffmpeg.colorspace, ffmpeg.color_range)
    err = np.abs(ours.to_ndarray().astype(int) - ffmpeg.to_ndarray())
    # Y' and the 2:1 chroma filter are swscale's; its integer rounding differs by a level at most.
    assert err.max() <= 1 and err.mean() < 0.1


def test_readback_slots_keep_frames_apart(renderer, photo):
    # Frame N's planes are read while frame N+1 renders into the same targets.
    renderer.set_look(Look())
    frames = [photo, photo[::-1].copy(), 255 - photo]
    slots = []
    for rgb in frames:
        renderer.upload(rgb)
        slots.append(renderer.start_yuv420())
    for rgb, slot in zip(frames, slots, strict=True):
        y, _uv = renderer.finish_yuv420(slot)
        assert np.abs(y.astype(int) - yuv420_frame(rgb).to_ndarray()[: rgb.shape[0]]).max() <= 1


def test_nv12_frames_for_hardware_encoders(renderer, photo):
    renderer.set_look(Look())
    renderer.upload(photo)
    planes = renderer.finish_yuv420(renderer.start_yuv420())
    nv12 = planes_frame(*planes, "nv12")
    assert nv12.format.name == "nv12"
    assert np.array_equal(nv12.reformat(format="yuv420p").to_ndarray(), planes_frame(*planes).to_ndarray())
