"""``moodgrade apply INPUT -o OUTPUT --look LOOK.json``: grade a video or photo from the command line.

``--prompt TEXT`` instead of ``--look`` asks the student model; an empty prompt, or one
it does not understand, is refused before anything is written. ``--lut FILE.cube``
(``--lut-intensity``) grades with the user's own LUT as the filter, alone or on top of
the look. An existing output is replaced only with ``--overwrite`` (``-y``). ``--speed``
(fast, balanced, best) and ``--encoder`` (auto, libx264 or a hardware encoder, see
``editor.encoders``) say how the video is encoded. Shows a progress bar on stderr and
then the file's size and the time taken; Ctrl+C, ``kill`` or closing the terminal cancels
and leaves no output file.

Several inputs, a folder of them (or ``-o`` naming a folder) grade each into that folder
(``editor.batch``): one line per file, the failures listed at the end, exit status 1
when any failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from editor import user_luts
from editor.batch import expand, run_batch
from editor.commands.suggest import understood_suggestion
from editor.encoders import AUTO, HARDWARE, preset_for_speed
from editor.errors import EditorError
from editor.export import ExportSettings, export
from editor.fileio import check_output, size_text
from editor.progress import CancelToken, Progress, on_stop_signals
from editor.schema import FILTER_INTENSITY, FilterChoice, Look, is_user_lut

_BAR = 30


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="+", type=Path, metavar="INPUT",
        help="video (MP4, MOV, WebM, ...) or photo (JPEG, PNG, TIFF); several, or a folder of them, "
        "are graded into the -o folder",
    )
    # A str, not a Path: "out/" must still end with the slash that says it is a folder.
    parser.add_argument(
        "-o", "--output", required=True,
        help="output file (.mp4 for video; .jpg/.png/.tif for photos), or a folder for several inputs",
    )
    add_overwrite(parser)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--look", type=Path, help="a look saved as JSON")
    source.add_argument(
        "--prompt", metavar="TEXT", help="the look in plain words, turned into a look by the student model"
    )
    parser.add_argument(
        "--lut", type=Path, metavar="FILE.cube", help="your own .cube LUT as the filter (replaces the look's)"
    )
    parser.add_argument(
        "--lut-intensity",
        type=int,
        default=FILTER_INTENSITY.default,
        metavar="N",
        help=f"how strongly the LUT is mixed in, 0..100 (default {FILTER_INTENSITY.default})",
    )
    parser.add_argument(
        "--quality",
        type=int,
        default=ExportSettings.crf,
        metavar="CRF",
        help=f"H.264 constant rate factor, 0 (lossless) .. 51; lower is better "
        f"(default {ExportSettings.crf})",
    )
    parser.add_argument(
        "--max-height",
        type=int,
        default=None,
        metavar="PIXELS",
        help="scale taller videos down to this height",
    )
    parser.add_argument(
        "--speed",
        default="balanced",
        metavar="SPEED",
        help="fast, balanced or best: x264's veryfast, medium or slow preset, or the hardware encoder's own "
        "(default balanced)",
    )
    parser.add_argument(
        "--encoder",
        default=AUTO,
        metavar="NAME",
        help=f"auto (a hardware encoder where one works on this machine, else libx264), libx264, or one of "
        f"{', '.join(HARDWARE)} (libx264 where it does not work); default auto",
    )


def add_overwrite(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-y", "--overwrite", action="store_true", help="replace output files that already exist"
    )


def load_look(path: str | Path) -> Look:
    """A look file, with what was clamped or dropped said in one line on stderr; a LUT it
    names that lies beside it is used from there."""
    notes: list[str] = []
    look = Look.load(path, notes=notes)
    if notes:
        print(f"Note: {' '.join(notes)}", file=sys.stderr)
    return user_luts.anchored(look, Path(path).parent)


def look_from(args: argparse.Namespace) -> Look:
    """The look the arguments ask for (one source of the mutually exclusive group)."""
    if getattr(args, "prompt", None) is not None:
        suggestion = understood_suggestion(args.prompt)
        for line in suggestion.explanation:
            print(line, file=sys.stderr)
        return suggestion.look
    return load_look(args.look)


def _lut_filter(args: argparse.Namespace) -> FilterChoice | None:
    """The ``--lut`` filter, its file read now so that a bad or missing one is refused before any work."""
    if args.lut is None:
        return None
    low, high = FILTER_INTENSITY.minimum, FILTER_INTENSITY.maximum
    if not low <= args.lut_intensity <= high:
        raise EditorError(f"--lut-intensity must be {low}..{high}, not {args.lut_intensity}.")
    if not is_user_lut(args.lut.name):
        raise EditorError(f"--lut needs a .cube file, not {args.lut.name!r}.")
    reference = str(args.lut.expanduser().resolve())
    user_luts.load(reference)
    return FilterChoice(reference, args.lut_intensity)


def _is_batch(args: argparse.Namespace) -> bool:
    return (
        len(args.inputs) > 1
        or any(path.is_dir() for path in args.inputs)
        or args.output.endswith(("/", os.sep))
        or Path(args.output).is_dir()
    )


def _format_eta(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


class ProgressBar:
    """A one-line progress bar redrawn on a terminal stream (at most ~10 times a second).

    When the stream is not a terminal (a log file, CI), it writes one line per tenth
    of the work instead of redrawing.
    """

    def __init__(self, stream=None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._last = 0.0
        self._tty = self._stream.isatty()
        self._tenth = -1

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if self._tty:
            if now - self._last < 0.1 and p.done < p.total:
                return
        else:
            tenth = int(p.fraction * 10)
            if tenth == self._tenth:
                return
            self._tenth = tenth
        self._last = now
        filled = int(p.fraction * _BAR)
        fps = p.done / p.elapsed_s if p.elapsed_s > 0 else 0.0
        total = p.total if p.total > 0 else "?"
        line = (
            f"[{'#' * filled}{'.' * (_BAR - filled)}] {p.fraction:4.0%}"
            f"  {p.done}/{total} frames  {fps:5.1f} fps  ETA {_format_eta(p.eta_s)} "
        )
        self._stream.write("\r" + line if self._tty else line + "\n")
        self._stream.flush()

    def finish(self) -> None:
        if self._last and self._tty:
            self._stream.write("\n")
            self._stream.flush()


def run(args: argparse.Namespace) -> int:
    if args.look is None and args.prompt is None and args.lut is None:
        raise EditorError("Give the look: --look LOOK.json, --prompt TEXT or --lut FILE.cube.")
    batch = _is_batch(args)
    if not batch:
        # Refused before the model loads or a look's notes are printed; export checks again.
        check_output(args.output, overwrite=args.overwrite, sources=args.inputs)
    settings = ExportSettings(
        crf=args.quality,
        preset=preset_for_speed(args.speed),
        max_height=args.max_height,
        encoder=args.encoder,
    )
    lut = _lut_filter(args)
    look = look_from(args) if args.look is not None or args.prompt is not None else Look()
    if lut is not None:
        look = look.with_tool("filter", lut)
    elif look.user_lut is not None:
        user_luts.load(look.user_lut)
    if batch:
        return _run_batch(args, look, settings)
    token = CancelToken()
    bar = ProgressBar()
    try:
        with on_stop_signals(token.cancel):
            result = export(
                args.inputs[0],
                args.output,
                look,
                settings=settings,
                progress=bar,
                cancel=token,
                overwrite=args.overwrite,
            )
    finally:
        bar.finish()
    audio = f", audio {result.audio}" if result.audio else ""
    encoder = f", {result.encoder}" if result.encoder else ""
    print(
        f"Wrote {result.target} ({result.width}x{result.height}, {result.frames} frame(s){audio}{encoder}), "
        f"{size_text(result.size_bytes)} in {result.elapsed_s:.1f} s."
    )
    if result.notes:
        print(f"Note: {' '.join(result.notes)}", file=sys.stderr)
    return 0


def _run_batch(args: argparse.Namespace, look: Look, settings: ExportSettings) -> int:
    sources = expand(args.inputs)
    if not sources:
        raise EditorError(f"There are no videos or photos in {', '.join(map(str, args.inputs))}.")
    total = len(sources)
    token = CancelToken()
    # A bar redrawn per file on a terminal; a log gets only the lines per file.
    tty = sys.stderr.isatty()
    bars: list[ProgressBar] = []

    def progress(p: Progress) -> None:
        if tty:
            bars[-1](p)

    def started(index: int, source: Path) -> None:
        bars.append(ProgressBar())
        if tty:
            print(f"[{index + 1}/{total}] {source}", file=sys.stderr, flush=True)

    def done(index: int, source: Path, outcome) -> None:
        bars[-1].finish()
        if isinstance(outcome, str):
            print(f"[{index + 1}/{total}] {source.name} failed: {outcome}", flush=True)
        else:
            size, elapsed = size_text(outcome.size_bytes), outcome.elapsed_s
            print(f"[{index + 1}/{total}] wrote {outcome.target}, {size} in {elapsed:.1f} s", flush=True)

    with on_stop_signals(token.cancel):
        report = run_batch(
            sources,
            args.output,
            look,
            settings=settings,
            overwrite=args.overwrite,
            on_start=started,
            on_done=done,
            progress=progress,
            cancel=token,
        )
    print(f"Graded {len(report.written)} of {total} file(s) into {args.output}.")
    if report.failed:
        print(f"{len(report.failed)} failed:")
        for source, reason in report.failed:
            print(f"  {source}: {reason}")
        return 1
    return 0
