"""``editor demo``, the README's first command, end to end on the shipped model and sample."""

import os
import subprocess
import sys

import av

from editor.schema import Look


def test_demo_grades_the_sample_with_the_default_look(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "editor", "demo", "-o", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=300,
    )
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
