"""Color pipeline speed: LUT bake time per look type and GL render+readback fps.

Bake: the time a slider move costs before the GPU can draw, i.e. baking the pointwise
LUT at ``LUT_SIZE`` the way ``GLRenderer.set_look`` does, and the whole ``set_look``
(bake + upload). Render: ``GLRenderer.render`` (upload, all passes, readback to uint8)
on a real photo scaled to 1080p and 720p, for looks that add one stage at a time.
Bake figures are the median over ``--repeat`` runs of process CPU time (numpy is
single-threaded, and CPU time is far steadier than wall time on a shared machine).
Render figures are wall-clock fps and CPU ms per frame (llvmpipe's threads included);
the neutral look is the peer the other rows are compared against (ratio = fps /
neutral fps, measured in the same run).

    python bench/render.py [--repeat 7] [--frames 10]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import numpy as np
from PIL import Image

import editor
from editor.gl import GLRenderer
from editor.pipeline import LUT_SIZE, bake_pointwise
from editor.schema import FilterChoice, Look

PHOTO = (
    Path(editor.__file__).resolve().parents[2] / "shared" / "testdata" / "media" / "photo_chelsea_cat_cc0.jpg"
)

ADJUST = {"contrast": 10, "brightness": 10, "highlights": 20, "shadows": -10, "saturation": 15,
          "vibrance": 15, "temperature": 30, "tint": 10}
SELECTIVE = {"red": {"saturation": 20, "luminance": 10}, "orange": {"saturation": 30, "luminance": 20},
             "yellow": {"saturation": 40, "luminance": 30}, "green": {"saturation": -20},
             "cyan": {"saturation": -20}}
FILTER = FilterChoice("faded_HighNoon", 40)

BAKE_LOOKS = {
    "adjust only": Look(adjust=ADJUST),
    "selective only": Look(selective_adjust=SELECTIVE),
    "filter only": Look(filter=FILTER),
    "golden hour (adjust+selective+filter)": Look(adjust=ADJUST, selective_adjust=SELECTIVE, filter=FILTER),
}
RENDER_LOOKS = {
    "neutral": Look(),
    "pointwise": Look(adjust=ADJUST, selective_adjust=SELECTIVE),
    "pointwise+filter": Look(adjust=ADJUST, selective_adjust=SELECTIVE, filter=FILTER),
    "+sharpen": Look(adjust=ADJUST | {"sharpen": 40}, selective_adjust=SELECTIVE, filter=FILTER),
    "+structure+bloom": Look(adjust=ADJUST | {"sharpen": 40, "structure": 30, "bloom": 30},
                             selective_adjust=SELECTIVE, filter=FILTER),
}


def median_ms(fn, repeat: int) -> float:
    """Median CPU time of ``fn`` in ms."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000.0


def photo(width: int, height: int) -> np.ndarray:
    im = Image.open(PHOTO).convert("RGB").resize((width, height), Image.Resampling.BICUBIC)
    return np.ascontiguousarray(np.asarray(im))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--frames", type=int, default=10)
    args = parser.parse_args()

    renderer = GLRenderer()
    print(f"LUT bake at size {LUT_SIZE} (ms, median of {args.repeat}): GL bake (filter excluded), "
          "full bake (look-to-cube), GLRenderer.set_look")
    print(f"{'look':40s} {'GL bake':>8s} {'full bake':>10s} {'set_look':>9s}")
    for name, look in BAKE_LOOKS.items():
        gl_bake = median_ms(lambda look=look: bake_pointwise(look, LUT_SIZE, include_filter=False),
                            args.repeat)
        full = median_ms(lambda look=look: bake_pointwise(look, LUT_SIZE, include_filter=True), args.repeat)
        set_look = median_ms(lambda look=look: renderer.set_look(look), args.repeat)
        print(f"{name:40s} {gl_bake:8.1f} {full:10.1f} {set_look:9.1f}")

    for label, (w, h) in (("1080p", (1920, 1080)), ("720p", (1280, 720))):
        frame = photo(w, h)
        print(f"\nrender+readback {label} ({args.frames} frames): fps, ratio vs neutral, CPU ms per frame")
        neutral_fps = None
        out = np.empty_like(frame)
        for name, look in RENDER_LOOKS.items():
            renderer.set_look(look)
            renderer.render(frame)
            start, cpu = time.perf_counter(), time.process_time()
            for _ in range(args.frames):
                renderer.render(frame, out)
            fps = args.frames / (time.perf_counter() - start)
            cpu_ms = (time.process_time() - cpu) / args.frames * 1000.0
            neutral_fps = neutral_fps or fps
            print(f"{name:40s} {fps:8.2f} fps {fps / neutral_fps:6.2f}x {cpu_ms:8.1f} CPU ms")
    renderer.release()


if __name__ == "__main__":
    main()
