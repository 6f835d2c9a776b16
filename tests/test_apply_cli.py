"""``moodgrade apply`` end to end, as a user runs it, and the refusals of a prompt it
shares with ``moodgrade suggest``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import av
import pytest

from editor.intent import NOT_UNDERSTOOD
from editor.samples import sample_video

LOOK = {
    "schema_version": 1,
    "adjust": {"contrast": 20, "temperature": -25, "sharpen": 20},
    "selective_adjust": {"blue": {"saturation": 30, "luminance": -10, "hue": 0}},
    "filter": {"name": "faded_HighNoon", "intensity": 40},
}


def editor(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_apply_writes_a_playable_mp4_with_audio(tmp_path):
    look = tmp_path / "winter.json"
    look.write_text(json.dumps(LOOK))
    out = tmp_path / "out.mp4"
    done = editor("apply", str(sample_video()), "-o", str(out), "--look", str(look), "--max-height", "180",
                  cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "100%" in done.stderr and "150/150 frames" in done.stderr
    assert "Wrote" in done.stdout
    with av.open(str(out)) as c:
        video, audio = c.streams.video[0], c.streams.audio[0]
        assert (video.codec_context.name, audio.codec_context.name) == ("h264", "aac")
        assert video.codec_context.height == 180
        assert sum(1 for _ in c.decode(video)) == 150
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.mp4", "winter.json"]


def test_apply_bad_input_prints_one_line(tmp_path):
    look = tmp_path / "look.json"
    look.write_text(json.dumps(LOOK))
    fake = tmp_path / "holiday.mp4"
    fake.write_text("not a video")
    done = editor("apply", str(fake), "-o", str(tmp_path / "out.mp4"), "--look", str(look), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "holiday.mp4 is not a video or photo" in done.stderr
    assert not (tmp_path / "out.mp4").exists()


def test_apply_needs_a_look(tmp_path):
    done = editor("apply", str(sample_video()), "-o", str(tmp_path / "out.mp4"), cwd=tmp_path)
    assert done.returncode != 0 and "--look" in done.stderr


EMPTY = "moodgrade: The request is empty; describe the look in a few words."


@pytest.mark.parametrize(
    ("prompt", "message"),
    [("", EMPTY), ("   ", EMPTY), ("\U0001f305\U0001f305", f"moodgrade: {NOT_UNDERSTOOD}")],
    ids=["empty", "blank", "emoji"],
)
def test_apply_refuses_a_prompt_it_cannot_use_and_writes_nothing(tmp_path, prompt, message):
    out = tmp_path / "out.mp4"
    done = editor("apply", str(sample_video()), "-o", str(out), "--prompt", prompt, cwd=tmp_path)
    assert (done.returncode, done.stderr.strip(), done.stdout) == (2, message, "")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("prompt", ["", "\U0001f305\U0001f305"], ids=["empty", "emoji"])
def test_suggest_refuses_the_same_way(tmp_path, prompt):
    out = tmp_path / "out.mp4"
    refused = editor("apply", str(sample_video()), "-o", str(out), "--prompt", prompt, cwd=tmp_path)
    done = editor("suggest", prompt, cwd=tmp_path)
    assert (done.returncode, done.stderr, done.stdout) == (2, refused.stderr, "")


def test_apply_speed_and_encoder_with_the_size_and_time_after(tmp_path):
    from editor.encoders import works

    if works("h264_nvenc"):
        pytest.skip("NVENC works on this machine")
    look = tmp_path / "winter.json"
    look.write_text(json.dumps(LOOK))
    out = tmp_path / "out.mp4"
    done = editor("apply", str(sample_video()), "-o", str(out), "--look", str(look), "--max-height", "180",
                  "--speed", "fast", "--encoder", "h264_nvenc", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    fallback = "The h264_nvenc encoder does not work on this machine; encoding with libx264 instead."
    assert fallback in done.stderr
    assert re.fullmatch(r"Wrote \S+out\.mp4 \(320x180, 150 frame\(s\), audio copied, libx264\), "
                        r"\d+\.\d (KB|MB) in \d+\.\d s\.\n", done.stdout), done.stdout


@pytest.mark.parametrize(
    ("option", "message"),
    [(("--speed", "turbo"), "Unknown speed 'turbo'; use fast, balanced or best."),
     (("--encoder", "x265"), "Unknown encoder 'x265'; use auto, libx264, h264_nvenc")],
    ids=["speed", "encoder"],
)
def test_apply_refuses_an_unknown_speed_or_encoder_in_one_line(tmp_path, option, message):
    look = tmp_path / "winter.json"
    look.write_text(json.dumps(LOOK))
    out = tmp_path / "out.mp4"
    done = editor("apply", str(sample_video()), "-o", str(out), "--look", str(look), *option, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and message in done.stderr
    assert not out.exists()



def test_sizes_read_as_a_file_manager_shows_them():
    from editor.fileio import size_text

    assert [size_text(n) for n in (640, 12_345, 999_950, 4_500_000_000)] == [
        "640 bytes", "12.3 KB", "1.0 MB", "4.5 GB",
    ]
