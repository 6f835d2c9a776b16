"""``moodgrade demo``, the README's first command, end to end on the shipped model and sample."""

import os
import subprocess
import sys

import av

from editor.intent import NOT_UNDERSTOOD
from editor.schema import Look


def _demo(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "editor", "demo", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_demo_grades_the_sample_with_the_default_look(tmp_path):
    result = _demo("-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "golden hour" in result.stdout and "No screen here" in result.stdout
    video = tmp_path / "rocket_coffee_cat_golden_hour.mp4"
    look = Look.load(tmp_path / "rocket_coffee_cat_golden_hour.look.json")
    assert not look.is_neutral
    assert look.adjust_value("temperature") > 0, "golden hour should come out warmer"
    with av.open(str(video)) as container:
        kinds = sorted(s.type for s in container.streams)
        assert kinds == ["audio", "video"]
        assert container.streams.video[0].codec_context.name == "h264"
    assert (tmp_path / "rocket_coffee_cat_golden_hour_before_after.png").stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_demo_refuses_a_prompt_the_model_cannot_turn_into_a_look(tmp_path):
    result = _demo("--prompt", "\U0001f305\U0001f305", "-o", str(tmp_path / "out"))
    assert (result.returncode, result.stderr.strip()) == (2, f"moodgrade: {NOT_UNDERSTOOD}")
    assert not (tmp_path / "out").exists()
