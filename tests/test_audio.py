"""Audio decoding on the video clock, the playback buffer and clock, and the PortAudio fallback."""

from __future__ import annotations

import logging
import subprocess
import time

import numpy as np
import pytest

from editor.audio import BUFFER_S, AudioPlayback, open_output, read_audio
from editor.errors import MediaError
from editor.samples import sample_video

RATE = 48_000


class FakeOutput:
    """An output device the test drives: ``consume`` pulls exactly the samples it asks for."""

    def __init__(self, rate: int = RATE, latency_s: float = 0.0) -> None:
        self.rate, self.latency_s = rate, latency_s
        self.pull = None
        self.received: list[np.ndarray] = []

    def start(self, pull) -> None:
        self.pull = pull

    def stop(self) -> None:
        self.pull = None

    def consume(self, seconds: float, block: int = 480, timeout_s: float = 10.0) -> np.ndarray:
        """Pull ``seconds`` of the clip's sound, waiting while the decoder is behind."""
        want, got = round(seconds * self.rate), 0
        deadline = time.monotonic() + timeout_s
        while got < want:
            assert time.monotonic() < deadline, "the decoder never delivered the sound"
            out = np.full((min(block, want - got), 2), np.nan, np.float32)
            filled = self.pull(out)
            assert not np.isnan(out).any()
            self.received.append(out[:filled].copy())
            got += filled
            if filled < len(out):
                time.sleep(0.002)
        return np.concatenate(self.received)


@pytest.mark.parametrize(
    ("name", "seconds", "tolerance"),
    [
        ("flower_960x540_h264_aac_cc0.mp4", 5.055, 0.002),  # AAC 48 kHz stereo
        ("cockatoo_1280x720_yuv444p_h264_mp3_pd.mp4", 13.898, 0.002),  # MP3 16 kHz mono
        # AAC 48 kHz mono whose 2nd packet is stamped 0.155 s late: the gap is kept as
        # silence, so the sound ends where its timestamps say (2.4165 s), not at 2.261 s.
        ("fire2_1280x720_rot180_h264_aac_mit.mp4", 115_991 / RATE, 0.0),
        ("tears_of_steel_800x332_vp8_vorbis_ccby.webm", 70.545, 0.02),  # Vorbis 44.1 kHz stereo
    ],
)
def test_real_clips_decode_to_their_duration(testdata, name, seconds, tolerance):
    samples = read_audio(testdata / "media" / name, RATE)
    assert samples.dtype == np.float32 and samples.ndim == 2 and samples.shape[1] == 2
    assert abs(len(samples) / RATE - seconds) <= tolerance


def test_timestamp_gap_becomes_silence_and_mono_fills_both_channels(testdata):
    samples = read_audio(testdata / "media" / "fire2_1280x720_rot180_h264_aac_mit.mp4", RATE)
    assert np.array_equal(samples[:, 0], samples[:, 1])
    assert not samples[1100:8400].any()
    assert np.abs(samples[8600:]).max() > 0.01


def test_sample_clip_matches_ffmpeg_and_resamples_to_any_rate():
    path = sample_video()
    samples = read_audio(path, RATE)
    ffmpeg = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-vn", "-ac", "2", "-ar", str(RATE), "-f", "f32le", "-"],
        capture_output=True, check=True,
    ).stdout
    reference = np.frombuffer(ffmpeg, np.float32).reshape(-1, 2)
    assert samples.shape == reference.shape
    assert np.abs(samples - reference).max() < 1e-4
    assert abs(len(samples) / RATE - 5.0) <= 2 * 1024 / RATE  # 5 s plus AAC priming/padding

    cd_rate = read_audio(path, 44_100)
    assert len(cd_rate) == round(len(samples) * 44_100 / RATE)
    second = cd_rate[44_100:88_200, 0]  # 1 Hz bins: the pad's loudest partial is A2 = 110 Hz
    spectrum = np.abs(np.fft.rfft(second * np.hanning(len(second))))
    assert abs(int(np.argmax(spectrum)) - 110) <= 1


@pytest.mark.parametrize(
    ("name", "lag_s"),
    [
        ("sample", 0.0),
        ("fire2_1280x720_rot180_h264_aac_mit.mp4", 0.0),
        # Vorbis packet stamps are off by up to ~20 ms after a seek: under a 24 fps frame.
        ("tears_of_steel_800x332_vp8_vorbis_ccby.webm", 0.025),
    ],
)
def test_decoding_from_a_time_gives_the_sound_at_that_time(testdata, name, lag_s):
    path = sample_video() if name == "sample" else testdata / "media" / name
    whole = read_audio(path, RATE)
    start = round(1.5 * RATE)
    part = read_audio(path, RATE, 1.5)
    skip = round(0.02 * RATE)  # the decoder re-primes after a seek
    window = part[skip : skip + RATE // 4, 0]
    max_lag = round(lag_s * RATE)
    errors = [  # relative RMS difference; resampling may start at another sub-sample phase
        np.sqrt(np.mean((window - whole[start + skip + lag : start + skip + lag + len(window), 0]) ** 2))
        / np.sqrt(np.mean(window**2))
        for lag in range(-max_lag, max_lag + 1)
    ]
    assert min(errors) < (0.02 if max_lag else 1e-3)
    assert abs(len(part) - (len(whole) - start)) <= max_lag + 1


def test_a_video_without_sound_is_a_clear_error(tmp_path):
    import av

    path = tmp_path / "silent.mp4"
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width = stream.height = 32
        stream.pix_fmt = "yuv420p"
        for _ in range(3):
            frame = av.VideoFrame.from_ndarray(np.zeros((32, 32, 3), np.uint8), format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    with pytest.raises(MediaError, match="has no audio track"):
        read_audio(path, RATE)


def test_playback_clock_counts_only_the_clips_samples():
    path = sample_video()
    output = FakeOutput(latency_s=0.05)
    playback = AudioPlayback(path, 1.0, output)
    assert output.pull is None
    playback.start()
    assert playback.position == 1.0
    got = output.consume(0.5)
    assert len(got) == RATE // 2
    assert playback.position == pytest.approx(1.0 + 0.5 - 0.05)
    expected = read_audio(path, RATE, 1.0)[: RATE // 2]
    assert np.abs(got[960:] - expected[960:]).max() < 1e-4

    time.sleep(0.3)  # the decoder fills the buffer but never runs further ahead
    assert 0.4 <= playback.buffered_s <= BUFFER_S

    playback.muted = True
    quiet = output.consume(0.25)[-RATE // 4 :]
    assert not quiet.any()
    assert playback.position == pytest.approx(1.75 - 0.05)

    playback.stop()
    assert output.pull is None and not playback.finished


def test_playback_reaches_the_end_and_finishes():
    path = sample_video()
    output = FakeOutput()
    playback = AudioPlayback(path, 4.5, output)
    playback.start()
    pull = output.pull
    out = np.zeros((RATE, 2), np.float32)
    deadline = time.monotonic() + 10
    while not playback.finished:
        assert time.monotonic() < deadline
        pull(out)
        time.sleep(0.002)
    assert playback.position == pytest.approx(len(read_audio(path, RATE)) / RATE, abs=1e-6)
    assert pull(out) == 0 and not out.any()
    playback.stop()


def test_the_real_output_degrades_to_none_without_a_device(caplog):
    """The PortAudio path itself: on a machine without a sound device it answers None."""
    caplog.set_level(logging.INFO, logger="editor.audio")
    try:
        import sounddevice as sd
    except (ImportError, OSError):
        sd = None
    has_device = False
    if sd is not None:
        try:
            has_device = bool(sd.query_devices(kind="output"))
        except (sd.PortAudioError, ValueError):
            has_device = False
    output = open_output()
    if has_device:
        assert output is not None and output.rate > 0
    else:
        assert output is None
        assert "No audio output" in caplog.text and "playing silently" in caplog.text
