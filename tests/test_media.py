"""Decoding real clips and photos: sizes, rotation, timing, bit depth and color matrices.

Pixels are checked against FFmpeg's own command-line conversion of the same frame.
"""

from __future__ import annotations

import os
import subprocess
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from editor.errors import MediaError
from editor.media import VideoReader, probe, read_photo, write_photo

MEDIA = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "media"
FLOWER = MEDIA / "flower_960x540_h264_aac_cc0.mp4"
FIRE = MEDIA / "fire2_1280x720_rot180_h264_aac_mit.mp4"
COCKATOO = MEDIA / "cockatoo_1280x720_yuv444p_h264_mp3_pd.mp4"
TEARS = MEDIA / "tears_of_steel_800x332_vp8_vorbis_ccby.webm"
CHELSEA = MEDIA / "photo_chelsea_cat_cc0.jpg"
ROCKET = MEDIA / "photo_rocket_640x427_pd.jpg"


@pytest.fixture(autouse=True)
def _testdata() -> None:
    if not MEDIA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"test media missing: {MEDIA}")
        pytest.skip(f"test media not found at {MEDIA}")


def ffmpeg_frame(path: Path, width: int, height: int, vf: str | None = None, ss: float | None = None):
    """One frame as FFmpeg's CLI decodes and converts it to rgb24 (autorotate on)."""
    cmd = ["ffmpeg", "-v", "error"] + (["-ss", str(ss)] if ss is not None else []) + ["-i", str(path)]
    cmd += (["-vf", vf] if vf else []) + ["-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
    raw = subprocess.run(cmd, capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(height, width, 3)


def mean_abs(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.int32) - b.astype(np.int32)).mean())


@pytest.mark.parametrize(
    "path, kind, size, fps, frames, rotation, audio, vcodec, matrix",
    [
        (FLOWER, "video", (960, 540), 30000 / 1001, 150, 0, "aac", "h264", "bt601"),
        (FIRE, "video", (1280, 720), 750000 / 71393, 25, -180, "aac", "h264", "bt709"),
        (COCKATOO, "video", (1280, 720), 20.0, 280, 0, "mp3float", "h264", "bt709"),
        (TEARS, "video", (800, 332), 24.0, 1693, 0, "vorbis", "vp8", "bt601"),
        (CHELSEA, "photo", (451, 300), 0.0, 1, 0, None, "jpg", "bt709"),
    ],
)
def test_probe(path, kind, size, fps, frames, rotation, audio, vcodec, matrix):
    info = probe(path)
    assert info.kind == kind
    assert (info.width, info.height) == size
    assert info.fps == pytest.approx(fps, rel=1e-3)
    assert abs(info.frame_count - frames) <= 1
    assert info.rotation == rotation
    assert info.has_audio == (audio is not None)
    assert info.audio_codec == audio
    assert info.video_codec == vcodec
    assert info.bit_depth == 8
    assert info.color_matrix == matrix


def test_bt601_tagged_hd_clip_matches_ffmpeg():
    ours = VideoReader(FLOWER).frame_at(0.0).rgb
    assert ours.shape == (540, 960, 3) and ours.dtype == np.uint8
    assert mean_abs(ours, ffmpeg_frame(FLOWER, 960, 540)) < 0.05
    # The BT.601 tag is what makes it right: BT.709 would shift the colors.
    assert mean_abs(ours, ffmpeg_frame(FLOWER, 960, 540, "scale=in_color_matrix=bt709")) > 1.0


def test_untagged_hd_444_clip_decodes_as_bt709():
    ours = VideoReader(COCKATOO).frame_at(0.0).rgb
    assert mean_abs(ours, ffmpeg_frame(COCKATOO, 1280, 720, "scale=in_color_matrix=bt709")) < 0.05
    assert mean_abs(ours, ffmpeg_frame(COCKATOO, 1280, 720, "scale=in_color_matrix=bt601")) > 0.3


def test_rotated_phone_clip_is_upright():
    with VideoReader(FIRE) as reader:
        ours = reader.frame_at(0.0).rgb
    upright = ffmpeg_frame(FIRE, 1280, 720, "scale=in_color_matrix=bt709")
    assert ours.shape == (720, 1280, 3)
    assert mean_abs(ours, upright) < 0.05
    assert mean_abs(ours[::-1, ::-1], upright) > 20


def test_variable_frame_rate_times_follow_timestamps():
    with av.open(str(FIRE)) as container:
        stream = container.streams.video[0]
        expected = sorted(
            float(p.pts * stream.time_base) for p in container.demux(stream) if p.pts is not None
        )
    with VideoReader(FIRE) as reader:
        times = [f.time_s for f in reader.frames()]
        assert [f.index for f in reader.frames()][:3] == [0, 1, 2]
    assert times == pytest.approx(expected, abs=1e-6)
    steps = np.diff(times)
    assert steps.max() - steps.min() > 1e-3  # really variable
    assert len(times) == 25


def test_seek_is_frame_accurate():
    with VideoReader(TEARS) as reader:
        frame = reader.frame_at(10.0)
        later = reader.frame_at(10.05)  # the frame shown at 10.05 s started at 10.0417 s
        first = next(reader.frames(start_s=10.0))
    assert frame.time_s == pytest.approx(10.0)
    assert later.time_s == pytest.approx(10.0 + 1 / 24, abs=1e-3)
    assert first.time_s == pytest.approx(10.0)
    assert frame.rgb.shape == (332, 800, 3)
    reference = ffmpeg_frame(TEARS, 800, 332, ss=10.0)
    assert mean_abs(frame.rgb, reference) < 0.05
    assert mean_abs(first.rgb, reference) < 0.05


def test_frame_at_on_variable_frame_rate_clip():
    with VideoReader(FIRE) as reader:
        times = [f.time_s for f in reader.frames()]
        t = times[12]
        assert reader.frame_at(t + 0.001).time_s == pytest.approx(t)
        assert reader.frame_at(t - 0.001).time_s == pytest.approx(times[11])
        assert reader.frame_at(99.0).time_s == pytest.approx(times[-1])


def test_ten_bit_hevc_decodes_to_uint16(tmp_path):
    path = tmp_path / "ramp10.mp4"
    width, height = 128, 64
    ramp = np.linspace(0, 65535, width, dtype=np.float64)
    rgb = np.repeat(np.repeat(ramp[None, :, None], height, 0), 3, 2).astype(np.uint16)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx265", rate=Fraction(10))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p10le"
        stream.options = {"crf": "4", "x265-params": "log-level=error"}
        for i in range(3):
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb48le").reformat(format="yuv420p10le")
            frame.pts = i
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    info = probe(path)
    assert (info.video_codec, info.bit_depth, info.frame_count) == ("hevc", 10, 3)
    decoded = VideoReader(path).frame_at(0.0).rgb
    assert decoded.dtype == np.uint16 and decoded.shape == (height, width, 3)
    # More distinct levels than 8 bits can hold, and the ramp comes back.
    assert len(np.unique(decoded[height // 2, :, 1])) > 100
    assert np.abs(decoded.astype(np.float64) - rgb).mean() < 0.01 * 65535


def test_odd_sized_stream_frames_are_contiguous():
    frame = VideoReader(TEARS).frame_at(0.0)
    assert frame.rgb.flags["C_CONTIGUOUS"]


def test_jpeg_photos_and_exif_orientation(tmp_path):
    chelsea = read_photo(CHELSEA)
    assert chelsea.shape == (300, 451, 3) and chelsea.dtype == np.uint8
    rotated = tmp_path / "rotated.jpg"
    image = Image.open(ROCKET)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    image.save(rotated, quality=95, exif=exif)
    upright = read_photo(rotated)
    assert upright.shape == (640, 427, 3)
    plain = read_photo(ROCKET)
    assert mean_abs(upright, np.rot90(plain, -1)) < 3
    assert probe(rotated).width == 427


def test_png_rgba16_and_tiff(tmp_path):
    rgba = np.zeros((20, 30, 4), np.uint16)
    rgba[..., 0] = np.arange(30) * 2000 + 7
    rgba[..., 3] = 1000
    png = tmp_path / "deep.png"
    with av.open(str(png), "w", format="image2") as out:
        stream = out.add_stream("png", rate=1)
        stream.width, stream.height, stream.pix_fmt = 30, 20, "rgba64be"
        out.mux(
            stream.encode(av.VideoFrame.from_ndarray(rgba, format="rgba64le").reformat(format="rgba64be"))
        )
        out.mux(stream.encode(None))
    rgb = read_photo(png)
    assert rgb.dtype == np.uint16 and rgb.shape == (20, 30, 3)
    assert np.array_equal(rgb[..., 0], rgba[..., 0])
    assert probe(png).bit_depth == 16

    for ext in (".tif", ".png"):
        path = tmp_path / f"round{ext}"
        write_photo(path, rgb)
        assert np.array_equal(read_photo(path), rgb)
    eight = (rgb >> 8).astype(np.uint8)
    write_photo(tmp_path / "eight.tif", eight)
    assert np.array_equal(read_photo(tmp_path / "eight.tif"), eight)


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.mp4", b"", "is empty"),
        ("notes.mp4", b"this is a text file, not a video\n" * 20, "not a video or photo"),
        ("notes.jpg", b"this is a text file, not a photo\n" * 20, "not a JPEG photo"),
        ("notes.png", b"this is a text file, not a photo\n" * 20, "not a PNG photo"),
    ],
)
def test_bad_inputs_raise_one_clear_sentence(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(MediaError, match=message) as err:
        probe(path)
    assert str(err.value).endswith(".") and "\n" not in str(err.value)


def test_truncated_mp4_is_reported_as_damaged(tmp_path):
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(FLOWER.read_bytes()[: FLOWER.stat().st_size // 2])
    with pytest.raises(MediaError, match="damaged"):
        for _ in VideoReader(cut).frames():
            pass


def test_missing_file():
    with pytest.raises(MediaError, match="does not exist"):
        probe(MEDIA / "nope.mp4")


def test_a_seek_onto_a_keyframe_that_does_not_decode_alone_starts_earlier():
    # The cockatoo's keyframe at 3.8 s references earlier frames: decoded from there (as
    # FFmpeg's own `-ss 5 -i` does) it comes out flat green.
    from_start = next(f for f in VideoReader(COCKATOO).frames(0.0) if f.time_s >= 5.0 - 1e-6)
    seeked = VideoReader(COCKATOO).frame_at(5.0)
    assert seeked.time_s == pytest.approx(from_start.time_s)
    assert mean_abs(seeked.rgb, from_start.rgb) < 0.5
    assert list(VideoReader(COCKATOO).frames(5.0))[0].time_s == pytest.approx(5.0)
