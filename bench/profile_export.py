"""Where an export's time goes: each stage of the export path run on its own, per 1080p frame.

Makes bench/export.py's 1080p30 clip and look, then runs the stages of
``editor.export_video`` one after another on the same frames (never overlapped, unlike a
real export, so that each is measured alone): decode, the decoded planes taken as they
are, their upload, each GL pass (the look fused into one table, as export sets it), the
Y'CbCr passes with the read into a pixel-buffer object, the copy out of it, the planes
put into an encoder frame, and x264. GL work is finished (``ctx.finish``) after each
step so that llvmpipe's deferred rendering is charged to the step that caused it.
Prints, per stage, the wall and the process CPU time (all threads: llvmpipe's,
FFmpeg's) per frame; CPU time swings less than wall time on a loaded machine. Decode
and encode run frame-threaded, so theirs are totals divided by the frame count.

    python bench/profile_export.py [--frames 40] [--preset medium] [--crf 18]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import av

from editor.encoders import h264_stream, planes_frame
from editor.gl import GLRenderer
from editor.media import RgbConverter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export import LOOK, make_clip  # noqa: E402  (bench/ is not a package)


class Clock:
    """Wall and CPU seconds per stage, one sample per call."""

    def __init__(self) -> None:
        self.samples: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def timed(self, stage: str, work: Callable[[], object]) -> object:
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        self.samples[stage].append((time.perf_counter() - wall, time.process_time() - cpu))
        return result

    def timed_apart(self, stage: str, work: Callable[[], object]) -> object:
        """``timed``, less the stages timed inside ``work`` (the GL passes it runs)."""
        counts = {name: len(samples) for name, samples in self.samples.items()}
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        for name, samples in self.samples.items():
            for inner_wall, inner_cpu in samples[counts.get(name, 0):]:
                wall, cpu = wall - inner_wall, cpu - inner_cpu
        self.samples[stage].append((wall, cpu))
        return result

    def row(self, stage: str, per: int = 1) -> tuple[float, float]:
        walls, cpus = zip(*self.samples[stage], strict=True)
        if per > 1:
            return sum(walls) / per * 1000, sum(cpus) / per * 1000
        return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def instrument(renderer: GLRenderer, clock: Clock) -> None:
    """Time each GL pass by its fragment shader (and the spatial operation it belongs to)."""
    passes = renderer._gl
    names = {id(vao): key for key, vao in passes.vaos.items()}
    original = passes.run

    def timed_pass(vao, target, inputs, **uniforms):
        key = names.get(id(vao)) or next(k for k, v in passes.vaos.items() if v is vao)
        names[id(vao)] = key
        label = "GL " + key[0].removesuffix(".frag")
        if len(key) > 2 and key[2].endswith(".glsl") and key[0] != "lut.frag":
            label += f" ({key[2].removesuffix('.glsl')})"
        if key[0] == "blur.frag":
            label += " h" if tuple(uniforms["direction"]) == (1, 0) else " v"

        def work():
            out = original(vao, target, inputs, **uniforms)
            renderer.ctx.finish()
            return out

        return clock.timed(label, work)

    passes.run = timed_pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=40)
    parser.add_argument("--preset", default="medium")
    parser.add_argument("--crf", type=int, default=18)
    args = parser.parse_args()
    clock = Clock()
    with tempfile.TemporaryDirectory(prefix="moodgrade-profile-") as tmp:
        clip = Path(tmp) / "clip1080.mp4"
        make_clip(clip, args.frames / 30 + 0.5)
        with av.open(str(clip)) as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            frames = []
            decoding = container.decode(stream)
            for _ in range(args.frames):
                frames.append(clock.timed("decode (frame threads)", lambda: next(decoding)))
        n = len(frames)
        convert = RgbConverter(frames[0])
        images = [clock.timed("Y'CbCr planes (no conversion)", lambda f=f: convert.yuv(f)) for f in frames]

        renderer = GLRenderer()
        renderer.set_look(LOOK, fused=True)
        renderer.upload(images[0])
        renderer.finish_yuv420(renderer.start_yuv420())
        instrument(renderer, clock)
        planes = []
        for image in images:
            clock.timed("upload planes", lambda image=image: (renderer.upload(image), renderer.ctx.finish()))
            renderer._bring_up_to_date()
            slot = clock.timed_apart(
                "read into PBO", lambda: (renderer.start_yuv420(), renderer.ctx.finish())[0]
            )
            planes.append(clock.timed("copy out of PBO", lambda slot=slot: renderer.finish_yuv420(slot)))
        renderer.release()

        yuvs = [clock.timed("planes into an AVFrame", lambda p=p: planes_frame(*p)) for p in planes]
        with av.open(str(Path(tmp) / "out.mp4"), "w") as out:
            vout = h264_stream(out, 1920, 1080, Fraction(30), crf=args.crf, preset=args.preset)
            for i, frame in enumerate(yuvs):
                frame.pts = i
                clock.timed("encode x264 (frame threads)", lambda f=frame: out.mux(vout.encode(f)))
            clock.timed("encode x264 (frame threads)", lambda: out.mux(vout.encode(None)))

    print(f"{n} frames 1920x1080, look {LOOK.to_text()!r}, x264 {args.preset} crf {args.crf}")
    print("| stage | wall ms/frame | CPU ms/frame |")
    print("|---|---|---|")
    total_wall = total_cpu = 0.0
    for stage in clock.samples:
        per = n if "frame threads" in stage else 1
        wall, cpu = clock.row(stage, per)
        total_wall, total_cpu = total_wall + wall, total_cpu + cpu
        print(f"| {stage} | {wall:.1f} | {cpu:.1f} |")
    print(f"| total | {total_wall:.1f} | {total_cpu:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
