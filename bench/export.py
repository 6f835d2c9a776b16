"""Export speed at 1080p30: ``editor.export`` against FFmpeg's CLI doing the same job.

Makes a 1080p30 clip from the bundled sample (upscaled), grades it with a full look
(Adjust incl. sharpen, Selective Adjust, Filter) through ``export``, and in the same run
has ``ffmpeg`` apply the look's pointwise part baked to a .cube (``lut3d``) plus
``unsharp``, and transcode it plain (no filter), each encoding with libx264 at the same
preset and CRF with the audio copied. Prints the three speeds and the GL renderer's
1080p render+readback speed on its own; the last two lines are our fps over each
ffmpeg's (issue 10's targets: >= 1.5 against lut3d+unsharp, >= 0.6 against the plain
transcode).

    python bench/export.py [--seconds 5] [--preset medium] [--crf 18]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from editor.export import ExportSettings, export
from editor.gl import GLRenderer
from editor.lut import write_cube
from editor.media import VideoReader
from editor.pipeline import bake_pointwise
from editor.samples import sample_video
from editor.schema import FilterChoice, Look

LOOK = Look(
    adjust={"contrast": 25, "temperature": 20, "saturation": 15, "shadows": 20, "sharpen": 30},
    selective_adjust={"orange": {"saturation": 25, "luminance": 10}, "blue": {"saturation": -20, "hue": 10}},
    filter=FilterChoice("faded_HighNoon", 40),
)


def make_clip(path: Path, seconds: float) -> None:
    """The sample, looped as needed and upscaled to 1920x1080 at 30 fps, with its audio."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(sample_video()), "-t", str(seconds),
         "-vf", "scale=1920:1080:flags=bicubic", "-r", "30",
         "-c:v", "libx264", "-preset", "veryfast", "-crf", "16", "-c:a", "copy", str(path)],
        check=True,
    )


def bench_ours(clip: Path, out: Path, preset: str, crf: int) -> tuple[float, int]:
    start = time.monotonic()
    result = export(clip, out, LOOK, settings=ExportSettings(crf=crf, preset=preset))
    return time.monotonic() - start, result.frames


def bench_ffmpeg(clip: Path, out: Path, filters: list[str], preset: str, crf: int) -> float:
    """Seconds ffmpeg takes to encode ``clip`` through ``filters`` (``[]``: a plain transcode)."""
    start = time.monotonic()
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(clip), *filters,
         "-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p",
         "-c:a", "copy", str(out)],
        check=True,
    )
    return time.monotonic() - start


def bench_gl(clip: Path, frames: int = 10) -> float:
    with VideoReader(clip) as reader:
        rgb = reader.frame_at(1.0).rgb
    renderer = GLRenderer()
    try:
        renderer.set_look(LOOK)
        renderer.render(rgb)
        start = time.monotonic()
        for _ in range(frames):
            out = renderer.render(rgb)
        elapsed = time.monotonic() - start
    finally:
        renderer.release()
    assert out.shape == rgb.shape and np.any(out != rgb)
    return frames / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--preset", default=ExportSettings.preset)
    parser.add_argument("--crf", type=int, default=ExportSettings.crf)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="moodgrade-bench-") as tmp:
        tmp = Path(tmp)
        clip = tmp / "clip1080.mp4"
        make_clip(clip, args.seconds)
        cube = tmp / "look.cube"
        write_cube(cube, bake_pointwise(LOOK), title="bench look")
        print(f"cores: {os.cpu_count()}  clip: 1920x1080 30 fps {args.seconds:g} s  "
              f"x264 preset {args.preset} crf {args.crf}")
        print(f"look: {LOOK.to_text()!r}")
        gl_fps = bench_gl(clip)
        print(f"GL render+readback 1080p:           {gl_fps:6.2f} fps")
        ours_s, frames = bench_ours(clip, tmp / "ours.mp4", args.preset, args.crf)
        lut_filter = ["-vf", f"lut3d=file={cube},unsharp=5:5:0.6:5:5:0.0"]
        ff_s = bench_ffmpeg(clip, tmp / "ffmpeg.mp4", lut_filter, args.preset, args.crf)
        plain_s = bench_ffmpeg(clip, tmp / "plain.mp4", [], args.preset, args.crf)
        ours_fps, ff_fps, plain_fps = frames / ours_s, frames / ff_s, frames / plain_s
        print(f"moodgrade export (decode+GL+x264):  {ours_fps:6.2f} fps  ({frames} frames in {ours_s:.1f} s)")
        print(f"ffmpeg lut3d+unsharp+x264:          {ff_fps:6.2f} fps  ({frames} frames in {ff_s:.1f} s)")
        print(f"ffmpeg plain transcode (x264):      {plain_fps:6.2f} fps  "
              f"({frames} frames in {plain_s:.1f} s)")
        print(f"ratio vs ffmpeg lut3d+unsharp: {ours_fps / ff_fps:.2f}")
        print(f"ratio vs ffmpeg plain transcode: {ours_fps / plain_fps:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
