"""The bundled sample clip and photo, and how they are made.

``resources/samples/rocket_coffee_cat.mp4`` is a 5 s, 960x540, 30 fps montage of three
public-domain/CC0 photographs that ship with scikit-image (a Falcon 9 launch, a cup of
coffee, Chelsea the cat) with slow Ken Burns pans and zooms, sampled with bicubic
interpolation at sub-pixel positions, and half-second crossfades, over a soft A-major
pad. ``resources/samples/astronaut.jpg`` is the astronaut portrait. See
``resources/samples/LICENSE.md``.

``python -m editor.samples`` rebuilds both (needs scikit-image, a build-time
dependency); the output is deterministic.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from editor.encoders import h264_stream, yuv420_frame
from editor.fileio import atomic_path
from editor.media import write_photo
from editor.paths import resources_dir

log = logging.getLogger(__name__)

WIDTH, HEIGHT, FPS = 960, 540, 30
DURATION_S = 5.0
FADE_S = 0.5
SAMPLE_RATE = 48_000
#: A-major pad: A2, E3, A3, C#4, E4, B4 (Hz) and their loudness.
CHORD = ((110.0, 0.30), (164.81, 0.22), (220.0, 0.20), (277.18, 0.14), (329.63, 0.12), (493.88, 0.05))


def samples_dir() -> Path:
    return resources_dir() / "samples"


def sample_video() -> Path:
    return samples_dir() / "rocket_coffee_cat.mp4"


def sample_photo() -> Path:
    return samples_dir() / "astronaut.jpg"


@dataclass(frozen=True)
class Shot:
    """One picture on screen from ``start_s`` to ``end_s``, its view moving between two crops.

    A crop is (centre x, centre y, width) as fractions of the picture's width/height;
    the crop's height follows from the 16:9 frame.
    """

    image: str
    start_s: float
    end_s: float
    crop_from: tuple[float, float, float]
    crop_to: tuple[float, float, float]


SHOTS = (
    Shot("rocket", 0.0, 2.0, (0.50, 0.55, 0.95), (0.47, 0.45, 0.70)),
    Shot("coffee", 1.5, 3.5, (0.40, 0.50, 0.75), (0.55, 0.52, 0.92)),
    Shot("chelsea", 3.0, 5.0, (0.45, 0.50, 0.98), (0.42, 0.42, 0.72)),
)


def _smoothstep(u: float) -> float:
    u = min(1.0, max(0.0, u))
    return u * u * (3.0 - 2.0 * u)


def _shot_frame(image, shot: Shot, time_s: float) -> np.ndarray:
    """The shot at ``time_s`` as (HEIGHT, WIDTH, 3) float32 sRGB in 0..255."""
    from PIL import Image

    u = _smoothstep((time_s - shot.start_s) / (shot.end_s - shot.start_s))
    cx, cy, cw = (a + (b - a) * u for a, b in zip(shot.crop_from, shot.crop_to, strict=True))
    src_w, src_h = image.size
    crop_w = cw * src_w
    crop_h = crop_w * HEIGHT / WIDTH
    if crop_h > src_h:
        crop_h = src_h
        crop_w = crop_h * WIDTH / HEIGHT
    x0 = min(max(cx * src_w - crop_w / 2, 0.0), src_w - crop_w)
    y0 = min(max(cy * src_h - crop_h / 2, 0.0), src_h - crop_h)
    scale = crop_w / WIDTH
    out = image.transform(
        (WIDTH, HEIGHT), Image.Transform.AFFINE, (scale, 0.0, x0, 0.0, scale, y0), Image.Resampling.BICUBIC
    )
    return np.asarray(out, dtype=np.float32)


def video_frames() -> list[np.ndarray]:
    """Every frame of the montage, (HEIGHT, WIDTH, 3) uint8 sRGB."""
    import skimage.data
    from PIL import Image

    images = {s.image: Image.fromarray(getattr(skimage.data, s.image)()) for s in SHOTS}
    frames = []
    for i in range(int(DURATION_S * FPS)):
        t = (i + 0.5) / FPS
        acc = np.zeros((HEIGHT, WIDTH, 3), np.float32)
        for shot in SHOTS:
            weight = min(
                _smoothstep((t - shot.start_s) / FADE_S) if shot.start_s > 0 else 1.0,
                _smoothstep((shot.end_s - t) / FADE_S) if shot.end_s < DURATION_S else 1.0,
            )
            if weight > 0:
                acc += weight * _shot_frame(images[shot.image], shot, t)
        frames.append(np.clip(acc + 0.5, 0, 255).astype(np.uint8))
    return frames


def pad_audio() -> np.ndarray:
    """The soundtrack: (2, samples) float32 in -1..1, a slowly breathing chord with fades."""
    t = np.arange(int(DURATION_S * SAMPLE_RATE), dtype=np.float64) / SAMPLE_RATE
    channels = []
    for detune, phase in ((0.9985, 0.0), (1.0015, 1.3)):
        wave = np.zeros_like(t)
        for k, (freq, amp) in enumerate(CHORD):
            swell = 0.75 + 0.25 * np.sin(2 * np.pi * (0.18 + 0.05 * k) * t + phase + k)
            wave += amp * swell * (np.sin(2 * np.pi * freq * t) + 0.5 * np.sin(2 * np.pi * freq * detune * t))
        channels.append(wave)
    stereo = np.stack(channels)
    envelope = np.minimum(np.minimum(t / 0.6, 1.0), np.clip((DURATION_S - t) / 1.2, 0.0, 1.0))
    stereo *= envelope / np.abs(stereo).max() * 0.5
    return stereo.astype(np.float32)


def make_sample_video(path: Path) -> None:
    """Encode the montage and its soundtrack to an H.264/AAC MP4 at ``path`` (atomically)."""
    faststart = {"movflags": "+faststart"}
    with atomic_path(path) as tmp, av.open(str(tmp), mode="w", format="mp4", options=faststart) as out:
        video = h264_stream(out, WIDTH, HEIGHT, Fraction(FPS), crf=21, preset="slow", threads=0)
        audio = out.add_stream("aac", rate=SAMPLE_RATE)
        audio.layout = "stereo"
        audio.bit_rate = 128_000
        for i, rgb in enumerate(video_frames()):
            frame = yuv420_frame(rgb)
            frame.pts, frame.time_base = i, Fraction(1, FPS)
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        samples = pad_audio()
        step = 1024
        for start in range(0, samples.shape[1], step):
            chunk = np.ascontiguousarray(samples[:, start : start + step])
            sound = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
            sound.sample_rate = SAMPLE_RATE
            sound.pts, sound.time_base = start, Fraction(1, SAMPLE_RATE)
            out.mux(audio.encode(sound))
        out.mux(audio.encode(None))


def make_sample_photo(path: Path) -> None:
    import skimage.data

    write_photo(path, skimage.data.astronaut(), quality=92)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    samples_dir().mkdir(parents=True, exist_ok=True)
    make_sample_video(sample_video())
    make_sample_photo(sample_photo())
    for path in (sample_video(), sample_photo()):
        log.info("wrote %s (%d bytes)", path, path.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
