"""The player's clocks and shuttle: the sound drives the pictures, J/K/L change direction and speed.

The audio output is a test double that consumes samples only when told to, so the
sync logic is tested at a controlled rate; the real PortAudio path is used where a
test says so (this machine has no sound device, so it must fall back to silence).
"""

from __future__ import annotations

import logging
import time

import av
import numpy as np
import pytest
from PySide6.QtCore import Qt

from editor.app.player import Player
from editor.audio import read_audio
from editor.media import probe
from editor.samples import sample_video

RATE = 48_000


class FakeOutput:
    """An output device that pulls exactly the amount of the clip's sound it is told to."""

    def __init__(self) -> None:
        self.rate, self.latency_s = RATE, 0.0
        self.pull = None
        self.starts = 0

    def start(self, pull) -> None:
        self.pull = pull
        self.starts += 1

    def stop(self) -> None:
        self.pull = None

    def consume(self, seconds: float, block: int = 480) -> np.ndarray:
        want, parts = round(seconds * self.rate), []
        deadline = time.monotonic() + 10
        while want > 0:
            assert time.monotonic() < deadline, "the decoder never delivered the sound"
            out = np.zeros((min(block, want), 2), np.float32)
            filled = self.pull(out)
            parts.append(out[:filled].copy())
            want -= filled
            if not filled:
                time.sleep(0.002)
        return np.concatenate(parts)


@pytest.fixture
def output():
    return FakeOutput()


@pytest.fixture
def player(qapp, output):
    player = Player(output_factory=lambda: output)
    player.open(probe(sample_video()))
    yield player
    player.close()


def _settle(qtbot, player, target: float) -> None:
    qtbot.waitUntil(lambda: abs(player.position - target) <= player.frame_step, timeout=5_000)


def test_the_sound_is_the_clock(player, output, qtbot):
    player.play()
    assert player.playing and player.audible and output.pull is not None
    qtbot.wait(400)  # the wall clock runs, the sound does not: the picture must wait for it
    assert player.position <= player.frame_step

    output.consume(1.0)
    _settle(qtbot, player, 1.0)
    qtbot.wait(300)
    assert player.position <= 1.0 + 1e-9  # never ahead of the sound
    dropped = player.frames_dropped
    assert dropped > 0  # a 1 s jump of the sound skips frames rather than lagging behind

    output.consume(0.5)
    _settle(qtbot, player, 1.5)


def test_seek_pause_and_step_restart_the_sound_where_the_picture_is(player, output, qtbot):
    whole = read_audio(sample_video(), RATE)
    player.play()
    output.consume(0.5)
    _settle(qtbot, player, 0.5)

    player.seek(3.0)
    assert player.playing and output.starts == 2
    heard = output.consume(0.5)
    start = round(3.0 * RATE)
    assert np.abs(heard[960:] - whole[start + 960 : start + len(heard)]).max() < 1e-3
    _settle(qtbot, player, 3.5)

    player.pause()
    assert output.pull is None
    player.step(1)
    shown = player.position
    assert shown == pytest.approx(3.5 + player.frame_step, abs=player.frame_step)
    player.play()
    heard = output.consume(0.25)
    start = round(shown * RATE)
    assert np.abs(heard[960:] - whole[start + 960 : start + len(heard)]).max() < 1e-3
    _settle(qtbot, player, shown + 0.25)


def test_mute_silences_without_stopping_the_clock(player, output, qtbot):
    player.play()
    output.consume(0.2)
    player.set_muted(True)
    assert not output.consume(0.3).any()
    _settle(qtbot, player, 0.5)
    player.pause()
    player.play()
    assert not output.consume(0.1).any()  # stays muted after a restart


def test_jkl_shuttle_direction_and_speed(player, output, qtbot):
    speeds = []
    player.speed_changed.connect(speeds.append)
    player.shuttle(1)
    assert player.playing and player.speed == 1.0 and player.audible
    for expected in (2.0, 4.0, 4.0):
        player.shuttle(1)
        assert player.speed == expected
    assert not player.audible and output.pull is None  # faster than 1x plays silently
    player.shuttle(-1)
    assert player.speed == -1.0
    player.shuttle(-1)
    assert player.speed == -2.0
    player.pause()
    assert not player.playing
    player.shuttle(1)
    assert player.speed == 1.0
    player.pause()
    assert speeds == [2.0, 4.0, -1.0, -2.0, 1.0]


def test_fast_forward_runs_on_the_wall_clock(player, qtbot):
    began = time.monotonic()
    player.play(2.0)
    qtbot.waitUntil(lambda: player.position >= 1.2, timeout=5_000)
    assert time.monotonic() - began < 1.2  # 1.2 s of video in well under 1.2 s


def test_backward_playback_shows_frames_newest_first_and_stops_at_the_start(player, qtbot):
    shown = []
    player.frame_ready.connect(lambda frame: shown.append(frame.time_s))
    player.seek(1.0)
    player.shuttle(-1)
    qtbot.waitUntil(lambda: len(shown) >= 5, timeout=5_000)
    times = list(shown)
    assert all(a > b for a, b in zip(times[1:], times[2:], strict=False))
    assert times[-1] < 1.0
    player.shuttle(-1)
    player.shuttle(-1)
    assert player.speed == -4.0
    qtbot.waitUntil(lambda: not player.playing, timeout=5_000)
    assert player.position == 0.0 and shown[-1] == 0.0


def test_a_video_without_sound_plays_on_the_wall_clock(qapp, output, qtbot, tmp_path, caplog):
    path = tmp_path / "mute.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=25)
        stream.width = stream.height = 64
        stream.pix_fmt = "yuv420p"
        for i in range(50):
            rgb = np.full((64, 64, 3), i * 5, np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")))
        container.mux(stream.encode(None))
    caplog.set_level(logging.INFO, logger="editor.app.player")
    player = Player(output_factory=lambda: output)
    player.open(probe(path))
    player.play()
    qtbot.waitUntil(lambda: player.position >= 0.4, timeout=5_000)
    assert output.starts == 0 and not player.audible
    assert "silently: it has no audio track" in caplog.text
    player.close()


def test_real_output_without_a_device_plays_silently(qapp, qtbot, caplog):
    """The default (PortAudio) output on a machine with no sound device: no error, wall clock."""
    caplog.set_level(logging.INFO)
    player = Player()
    player.open(probe(sample_video()))
    failures = []
    player.failed.connect(failures.append)
    player.play()
    qtbot.waitUntil(lambda: player.position >= 0.4, timeout=5_000)
    if not player.audible:
        assert "silently: there is no audio output" in caplog.text
    assert failures == []
    player.close()


def test_window_keys_drive_the_shuttle(window, qtbot):
    assert window.open_media(sample_video())
    qtbot.keyClick(window, Qt.Key_L)
    assert window.player.playing and window.play_button.text() == "\u275a\u275a"
    qtbot.keyClick(window, Qt.Key_L)
    assert window.player.speed == 2.0 and window.play_button.text() == "+2\u00d7"
    qtbot.keyClick(window, Qt.Key_J)
    assert window.player.speed == -1.0
    qtbot.keyClick(window, Qt.Key_K)
    assert not window.player.playing and window.play_button.text() == "\u25b6"
    qtbot.keyClick(window, Qt.Key_M)
    assert window.player.muted and window.mute_action.isChecked()
    qtbot.keyClick(window, Qt.Key_M)
    assert not window.player.muted
