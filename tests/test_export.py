"""Export through the real GL renderer and PyAV: pixels, timing, audio, rotation, failures."""

from __future__ import annotations

import hashlib
import os
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from editor.errors import Cancelled, EditorError, MediaError
from editor.export import ExportSettings, export, output_size
from editor.media import RgbConverter, VideoReader, read_photo
from editor.pipeline import render_cpu
from editor.progress import CancelToken
from editor.schema import FilterChoice, Look

MEDIA = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "media"
FLOWER = MEDIA / "flower_960x540_h264_aac_cc0.mp4"
FIRE = MEDIA / "fire2_1280x720_rot180_h264_aac_mit.mp4"
CHELSEA = MEDIA / "photo_chelsea_cat_cc0.jpg"

LOOK = Look(
    adjust={"contrast": 30, "temperature": 25, "saturation": 20, "sharpen": 40},
    selective_adjust={"orange": {"saturation": 30, "luminance": 10}},
    filter=FilterChoice("faded_HighNoon", 50),
)
FAST = ExportSettings(crf=10, preset="ultrafast", max_height=180)


@pytest.fixture(autouse=True)
def _testdata() -> None:
    if not MEDIA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"test media missing: {MEDIA}")
        pytest.skip(f"test media not found at {MEDIA}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reference(rgb8: np.ndarray, look: Look) -> np.ndarray:
    """render_cpu of a uint8 frame, quantized to uint8 as the GL readback is."""
    out = render_cpu(rgb8.astype(np.float32) / 255.0, look)
    return np.clip(out * 255.0 + 0.5, 0, 255).astype(np.uint8)


def abs_diff(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.abs(a.astype(np.int32) - b.astype(np.int32))


def test_output_size_keeps_aspect_with_even_sides():
    assert output_size(1920, 1080, None) == (1920, 1080)
    assert output_size(1920, 1080, 720) == (1280, 720)
    assert output_size(800, 332, None) == (800, 332)
    assert output_size(801, 333, None) == (802, 334)
    assert output_size(800, 332, 180) == (434, 180)
    assert output_size(720, 1280, 720) == (406, 720)


def test_settings_are_validated():
    with pytest.raises(EditorError, match="CRF"):
        ExportSettings(crf=60)


def test_exported_video_matches_cpu_reference(tmp_path, renderer):
    out = tmp_path / "graded.mp4"
    before = sha256(FLOWER)
    result = export(FLOWER, out, LOOK, settings=FAST, renderer=renderer)
    assert sha256(FLOWER) == before
    assert (result.width, result.height, result.frames, result.audio) == (320, 180, 150, "copied")
    with VideoReader(FLOWER, size=(320, 180)) as src, VideoReader(out) as graded:
        assert graded.info.color_matrix == "bt709"
        for t in (0.0, 2.5):
            source = src.frame_at(t).rgb
            exported = graded.frame_at(t).rgb
            err = abs_diff(exported, reference(source, LOOK))
            # H.264 at CRF 10 and 4:2:0 chroma cost a little; the look itself moves far more.
            assert err.mean() < 3.0, err.mean()
            assert np.percentile(err, 99) <= 14
            assert abs_diff(exported, source).mean() > 8.0


def test_variable_frame_rate_rotation_and_audio_are_kept(tmp_path, renderer):
    out = tmp_path / "fire.mp4"
    result = export(
        FIRE, out, Look(), settings=ExportSettings(preset="ultrafast", max_height=360), renderer=renderer
    )
    assert (result.width, result.height, result.frames) == (640, 360, 25)
    with av.open(str(FIRE)) as c:
        vin = c.streams.video[0]
        src_times = sorted(float(p.pts * vin.time_base) for p in c.demux(vin) if p.pts is not None)
    with av.open(str(out)) as c:
        vout = c.streams.video[0]
        assert c.streams.audio and c.streams.audio[0].codec_context.name == "aac"
        frames = list(c.decode(vout))
        assert all(f.rotation == 0 for f in frames)
        assert (vout.codec_context.width, vout.codec_context.height) == (640, 360)
        out_times = [f.time for f in frames]
        duration = c.duration / av.time_base
    assert out_times == pytest.approx(src_times, abs=2e-3)
    assert duration == pytest.approx(2.38, abs=2 / 10.5)
    with VideoReader(FIRE, size=(640, 360)) as src, VideoReader(out) as exported:
        upright, ours = src.frame_at(0.0).rgb, exported.frame_at(0.0).rgb
    assert abs_diff(ours, upright).mean() < 3.0
    assert abs_diff(ours, upright[::-1, ::-1]).mean() > 20


def test_full_size_export_grades_the_decoded_planes(tmp_path, renderer, monkeypatch):
    # At the source's size the decoded Y'CbCr planes go to the GPU as they are (turned
    # upright there) and come back as the encoder's planes: swscale never converts to RGB.
    out = tmp_path / "fire.mp4"
    with monkeypatch.context() as patch:
        patch.setattr(
            RgbConverter, "__call__", lambda self, frame: pytest.fail("converted to RGB on the CPU")
        )
        result = export(
            FIRE, out, LOOK, settings=ExportSettings(preset="ultrafast", crf=10), renderer=renderer
        )
    assert (result.width, result.height, result.frames, result.audio) == (1280, 720, 25, "copied")
    with VideoReader(FIRE) as src, VideoReader(out) as graded:
        for t in (0.0, 1.5):
            source, exported = src.frame_at(t).rgb, graded.frame_at(t).rgb
            err = abs_diff(exported, reference(source, LOOK))
            assert err.mean() < 3.0, err.mean()
            assert np.percentile(err, 99) <= 14
            assert abs_diff(exported, source).mean() > 8.0


def test_audio_that_mp4_cannot_hold_is_transcoded(tmp_path, renderer):
    webm = tmp_path / "clip.webm"
    with av.open(str(webm), "w") as c:
        video = c.add_stream("libvpx", rate=Fraction(10))
        video.width, video.height, video.pix_fmt = 96, 64, "yuv420p"
        audio = c.add_stream("libopus", rate=48000)
        audio.layout = "stereo"
        for i in range(10):
            rgb = np.full((64, 96, 3), (20 * i, 100, 200), np.uint8)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            c.mux(video.encode(frame))
        c.mux(video.encode(None))
        t = np.arange(48000) / 48000
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        for start in range(0, 48000, 960):
            chunk = np.ascontiguousarray(np.stack([tone[start : start + 960]] * 2))
            frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            frame.sample_rate, frame.pts = 48000, start
            c.mux(audio.encode(frame))
        c.mux(audio.encode(None))
    out = tmp_path / "clip.mp4"
    result = export(webm, out, LOOK, settings=FAST, renderer=renderer)
    assert result.audio == "transcoded" and result.frames == 10
    with av.open(str(out)) as c:
        assert c.streams.audio[0].codec_context.name == "aac"
        samples = sum(f.samples for f in c.decode(audio=0))
    assert samples == pytest.approx(48000, abs=2048)


def test_photo_export_matches_cpu_reference(tmp_path, renderer):
    out = tmp_path / "cat.png"
    result = export(CHELSEA, out, LOOK, renderer=renderer)
    assert (result.kind, result.width, result.height) == ("photo", 451, 300)
    graded = read_photo(out)
    err = abs_diff(graded, reference(read_photo(CHELSEA), LOOK))
    assert err.mean() < 1.0 and err.max() <= 4
    jpeg = export(CHELSEA, tmp_path / "cat.jpg", LOOK, renderer=renderer)
    assert abs_diff(read_photo(jpeg.target), graded).mean() < 2.0


def _bad_sources(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("shopping list: milk, eggs\n" * 50)
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(FLOWER.read_bytes()[: FLOWER.stat().st_size // 2])
    return {"empty": empty, "text": text, "truncated": cut}


@pytest.mark.parametrize(
    "case, message",
    [("empty", "is empty"), ("text", "not a video or photo"), ("truncated", "damaged or truncated")],
)
def test_bad_inputs_fail_cleanly(tmp_path, renderer, case, message):
    src = _bad_sources(tmp_path)[case]
    before = {p.name: sha256(p) for p in tmp_path.iterdir()}
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(MediaError, match=message):
        export(src, out_dir / "graded.mp4", LOOK, settings=FAST, renderer=renderer)
    assert list(out_dir.iterdir()) == []
    assert {p.name: sha256(p) for p in tmp_path.iterdir() if p.is_file()} == before


def test_bad_targets_are_refused(tmp_path, renderer):
    src = tmp_path / "flower.mp4"
    src.write_bytes(FLOWER.read_bytes())
    before = sha256(src)
    link = tmp_path / "link.mp4"
    link.symlink_to(src)
    (tmp_path / "sub").mkdir()
    spelled = tmp_path / "sub" / ".." / "flower.mp4"
    for target in (src, link, spelled):
        with pytest.raises(MediaError, match="is the input file"):
            export(src, target, LOOK, settings=FAST, renderer=renderer)
    with pytest.raises(MediaError, match="Cannot export a video as '.avi'"):
        export(src, tmp_path / "out.avi", LOOK, settings=FAST, renderer=renderer)
    with pytest.raises(MediaError, match="Cannot export a photo"):
        export(CHELSEA, tmp_path / "cat.mp4", LOOK, renderer=renderer)
    with pytest.raises(MediaError, match="does not exist"):
        export(src, tmp_path / "missing" / "out.mp4", LOOK, settings=FAST, renderer=renderer)
    assert sha256(src) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["flower.mp4", "link.mp4", "sub"]


def test_unwritable_folder(tmp_path, renderer):
    if os.geteuid() == 0:
        locked = Path("/sys")  # root ignores permission bits; sysfs refuses new files even to root
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
    with pytest.raises(MediaError, match="not writable|permission denied"):
        export(FLOWER, locked / "out.mp4", LOOK, settings=FAST, renderer=renderer)
    assert not (locked / "out.mp4").exists()


def test_cancel_mid_export_leaves_nothing(tmp_path, renderer):
    token = CancelToken()
    seen = []

    def progress(p):
        seen.append(p.done)
        if p.done == 20:
            token.cancel()

    with pytest.raises(Cancelled):
        export(
            FLOWER,
            tmp_path / "graded.mp4",
            LOOK,
            settings=FAST,
            renderer=renderer,
            progress=progress,
            cancel=token,
        )
    assert 20 <= max(seen) < 150
    assert list(tmp_path.iterdir()) == []
    assert seen[0] == 1 and all(b == a + 1 for a, b in zip(seen, seen[1:], strict=False))


def test_an_existing_target_is_replaced_only_with_overwrite(tmp_path, renderer):
    target = tmp_path / "cat.jpg"
    target.write_bytes(b"keep me")
    with pytest.raises(MediaError, match="already exists"):
        export(CHELSEA, target, LOOK, renderer=renderer)
    assert target.read_bytes() == b"keep me"
    export(CHELSEA, target, LOOK, renderer=renderer, overwrite=True)
    assert target.read_bytes() != b"keep me"
