"""``moodgrade demo``: the main job on the bundled defaults.

Turns the default look ("golden hour") into a grade with the shipped student model,
prints what each tool does, exports the bundled sample clip with it (H.264/AAC MP4) and
a before/after still, then opens the app on the sample with that look where there is
a screen. A prompt the model does not understand is refused before anything is written.
Everything it uses ships with the project: no training, no network.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

from editor.commands.app import has_screen
from editor.commands.apply import ProgressBar, add_overwrite
from editor.commands.suggest import understood_suggestion
from editor.errors import MediaError
from editor.export import ExportSettings, export
from editor.fileio import check_output
from editor.intent import clean
from editor.progress import CancelToken, on_stop_signals

DEFAULT_PROMPT = "golden hour"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--prompt", default=DEFAULT_PROMPT, help=f"the look to apply (default: {DEFAULT_PROMPT!r})"
    )
    parser.add_argument(
        "-o",
        "--output-dir",
        type=Path,
        default=Path("moodgrade-demo"),
        help="where to write the results (default: ./moodgrade-demo)",
    )
    parser.add_argument("--no-window", action="store_true", help="do not open the app afterwards")
    add_overwrite(parser)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "look"


def _before_after(source: Path, look, target: Path) -> None:
    from editor.gl import GLRenderer
    from editor.media import VideoReader, write_photo

    with VideoReader(source) as reader:
        frame = reader.frame_at(reader.info.duration_s / 2).rgb
    renderer = GLRenderer()
    try:
        renderer.set_look(look)
        graded = renderer.render(frame)
    finally:
        renderer.release()
    original = frame if frame.dtype == np.uint8 else (frame >> 8).astype(np.uint8)
    write_photo(target, np.concatenate([original, graded], axis=1))


def _output_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise MediaError(f"The output folder {folder} is a file; give the name of a folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MediaError(f"Cannot make the output folder {folder} ({exc.strerror or exc}).") from exc


def run(args: argparse.Namespace) -> int:
    from editor.samples import sample_video

    source = sample_video()
    prompt = clean(args.prompt)
    suggestion = understood_suggestion(prompt)
    stem = f"{source.stem}_{_slug(prompt)}"
    video = args.output_dir / f"{stem}.mp4"
    still = args.output_dir / f"{stem}_before_after.png"
    look_file = args.output_dir / f"{stem}.look.json"
    _output_folder(args.output_dir)
    for target in (video, still, look_file):
        check_output(target, overwrite=args.overwrite, sources=[source])
    print(f"Look for \u201c{prompt}\u201d ({suggestion.latency_ms:.0f} ms):")
    for line in suggestion.explanation:
        print(f"  {line}")
    token = CancelToken()
    bar = ProgressBar()
    try:
        with on_stop_signals(token.cancel):
            result = export(
                source,
                video,
                suggestion.look,
                settings=ExportSettings(),
                progress=bar,
                cancel=token,
                overwrite=args.overwrite,
            )
    finally:
        bar.finish()
    _before_after(source, suggestion.look, still)
    suggestion.look.save(look_file)
    print(f"Wrote {video} ({result.frames} frames), {still} and {look_file}.")
    if args.no_window or not has_screen():
        if not args.no_window:
            print(
                "No screen here, so the app was not opened; "
                "run 'moodgrade' on a desktop to edit interactively."
            )
        return 0
    # Imported here: the command registry stays Qt-free (pyproject.toml's import-linter contract).
    from editor.app import run_app

    with on_stop_signals(None):
        return run_app(source, prompt=prompt)
