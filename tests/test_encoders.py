"""Encoder choice: a hardware encoder is used only where it really opens, and one that fails
(at the probe, when the export opens it, or partway) leaves a valid file made by libx264."""

from __future__ import annotations

import io
import logging
from fractions import Fraction

import av
import pytest

from editor import encoders, export_video
from editor.encoders import HARDWARE, LIBX264, SPEEDS, choose, h264_stream, preset_for_speed, works
from editor.errors import EditorError
from editor.export import ExportSettings, export
from editor.samples import sample_video
from editor.schema import Look

FAST = ExportSettings(crf=23, preset="ultrafast", max_height=180)


@pytest.fixture(autouse=True)
def _fresh_probes():
    """Each test sees this machine's own probe results, not a faked one left by another test."""
    works.cache_clear()
    yield
    works.cache_clear()


@pytest.fixture()
def no_nvenc():
    if works("h264_nvenc"):
        pytest.skip("NVENC works on this machine")


def frames_in(path) -> int:
    with av.open(str(path)) as c:
        assert c.streams.video[0].codec_context.name == "h264"
        return sum(1 for _ in c.decode(video=0))


def test_libx264_works_and_auto_takes_it_where_no_hardware_encoder_does():
    assert works(LIBX264)
    if any(works(name) for name in HARDWARE):
        pytest.skip("this machine has a working hardware encoder")
    assert choose("auto") == LIBX264


def test_the_probe_opens_each_encoder_once_per_process(monkeypatch):
    opened = []

    def counting(*args, **kwargs):
        opened.append(kwargs["encoder"])
        return h264_stream(*args, **kwargs)

    monkeypatch.setattr(encoders, "h264_stream", counting)
    first = works("h264_nvenc")
    assert [works("h264_nvenc"), works(LIBX264), works(LIBX264)] == [first, True, True]
    assert opened == ["h264_nvenc", LIBX264]


def test_a_name_the_build_lacks_is_a_no_not_an_error():
    assert not works("h264_no_such_encoder")


def test_unknown_names_are_refused_in_one_sentence():
    with pytest.raises(EditorError, match="Unknown encoder 'x265'; use auto, libx264, h264_nvenc"):
        ExportSettings(encoder="x265")
    with pytest.raises(EditorError, match="Unknown x264 preset 'quick'"):
        ExportSettings(preset="quick")
    with pytest.raises(EditorError, match="Unknown speed 'turbo'; use fast, balanced or best."):
        preset_for_speed("turbo")


def test_speeds_are_x264_presets_and_the_hardware_encoders_own_levels():
    assert [preset_for_speed(s) for s in ("Fast", "balanced", "best")] == ["veryfast", "medium", "slow"]
    assert ExportSettings().preset == SPEEDS["balanced"]
    levels = []
    for preset in SPEEDS.values():
        with av.open(io.BytesIO(), "w", format="mp4") as c:
            stream = h264_stream(c, 320, 240, Fraction(30), crf=20, preset=preset, encoder="h264_nvenc")
            levels.append((stream.options["preset"], stream.options["cq"]))
    assert levels == [("p1", "20"), ("p4", "20"), ("p7", "20")]


def test_a_missing_hardware_encoder_asked_for_falls_back_to_libx264(tmp_path, renderer, no_nvenc, caplog):
    out = tmp_path / "graded.mp4"
    settings = ExportSettings(crf=23, preset="ultrafast", max_height=180, encoder="h264_nvenc")
    with caplog.at_level(logging.WARNING, logger="editor.encoders"):
        result = export(sample_video(), out, Look(), settings=settings, renderer=renderer)
    fallback = "The h264_nvenc encoder does not work on this machine; encoding with libx264 instead."
    assert fallback in caplog.text
    assert result.encoder == LIBX264 and result.size_bytes == out.stat().st_size > 0
    assert frames_in(out) == result.frames == 150


def test_a_hardware_encoder_that_fails_when_opened_restarts_with_libx264(
    tmp_path, renderer, no_nvenc, caplog, monkeypatch
):
    monkeypatch.setattr(encoders, "works", lambda name: True)  # the probe passed; the real open fails
    out = tmp_path / "graded.mp4"
    settings = ExportSettings(crf=23, preset="ultrafast", max_height=180, encoder="auto")
    with caplog.at_level(logging.WARNING, logger="editor.export_video"):
        result = export(sample_video(), out, Look(), settings=settings, renderer=renderer)
    assert "The h264_nvenc encoder failed" in caplog.text and "exporting again with libx264" in caplog.text
    assert result.encoder == LIBX264 and frames_in(out) == 150
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graded.mp4"]


class _FailsPartway:
    """A stream whose encoder breaks after a few frames, as a hardware one can (a driver reset)."""

    def __init__(self, stream, after: int) -> None:
        self._stream, self._left = stream, after

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def encode(self, frame):
        self._left -= 1
        if self._left < 0:
            raise av.error.ExternalError(-542398533, "Generic error in an external library")
        return self._stream.encode(frame)


def test_a_hardware_encoder_that_fails_partway_restarts_from_the_first_frame(
    tmp_path, renderer, caplog, monkeypatch
):
    def pretend(container, *args, encoder, **kwargs):
        stream = h264_stream(container, *args, encoder=LIBX264, **kwargs)
        return stream if encoder == LIBX264 else _FailsPartway(stream, after=40)

    monkeypatch.setattr(export_video, "choose", lambda requested: "h264_nvenc")
    monkeypatch.setattr(export_video, "h264_stream", pretend)
    seen = []

    def record(progress):
        seen.append(progress.done)

    out = tmp_path / "graded.mp4"
    with caplog.at_level(logging.WARNING, logger="editor.export_video"):
        result = export(sample_video(), out, Look(), settings=FAST, renderer=renderer, progress=record)
    failed = "The h264_nvenc encoder failed (h264_nvenc: Generic error in an external library)"
    assert failed in caplog.text
    restart = seen.index(1, 1)
    assert 40 <= restart <= 60 and seen[restart:] == list(range(1, 151))
    assert result.encoder == LIBX264 and result.frames == frames_in(out) == 150
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graded.mp4"]
