"""``editor apply INPUT -o OUTPUT --look LOOK.json``: grade a video or photo from the command line.

``--prompt TEXT`` instead of ``--look`` asks the student model; an empty prompt, or one
it does not understand, is refused before anything is written. An existing output is
replaced only with ``--overwrite`` (``-y``). Shows a progress bar on stderr; Ctrl+C,
``kill`` or closing the terminal cancels and leaves no output file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editor.commands.suggest import understood_suggestion
from editor.export import ExportSettings, export
from editor.fileio import check_output
from editor.progress import CancelToken, Progress, on_stop_signals
from editor.schema import Look

_BAR = 30


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="video (MP4, MOV, WebM, ...) or photo (JPEG, PNG, TIFF)")
    # A str, not a Path: "out/" must still end with the slash that says it is a folder.
    parser.add_argument("-o", "--output", required=True, help="output file (.mp4 for video; .jpg/.png/.tif for photos)")
    add_overwrite(parser)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--look", type=Path, help="a look saved as JSON")
    source.add_argument("--prompt", metavar="TEXT", help="the look in plain words, turned into a look by the student model")
    parser.add_argument(
        "--quality", type=int, default=ExportSettings.crf, metavar="CRF",
        help=f"H.264 constant rate factor, 0 (lossless) .. 51; lower is better (default {ExportSettings.crf})",
    )
    parser.add_argument("--max-height", type=int, default=None, metavar="PIXELS", help="scale taller videos down to this height")


def add_overwrite(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-y", "--overwrite", action="store_true", help="replace output files that already exist")


def load_look(path: str | Path) -> Look:
    """A look file, with what was clamped or dropped said in one line on stderr."""
    notes: list[str] = []
    look = Look.load(path, notes=notes)
    if notes:
        print(f"Note: {' '.join(notes)}", file=sys.stderr)
    return look


def look_from(args: argparse.Namespace) -> Look:
    """The look the arguments ask for (one source of the mutually exclusive group)."""
    if getattr(args, "prompt", None) is not None:
        suggestion = understood_suggestion(args.prompt)
        for line in suggestion.explanation:
            print(line, file=sys.stderr)
        return suggestion.look
    return load_look(args.look)


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
    # Refused before the model loads or a look's notes are printed; export checks again.
    check_output(args.output, overwrite=args.overwrite, sources=[args.input])
    settings = ExportSettings(crf=args.quality, max_height=args.max_height)
    look = look_from(args)
    token = CancelToken()
    bar = ProgressBar()
    try:
        with on_stop_signals(token.cancel):
            result = export(
                args.input, args.output, look, settings=settings, progress=bar, cancel=token, overwrite=args.overwrite
            )
    finally:
        bar.finish()
    audio = f", audio {result.audio}" if result.audio else ""
    print(
        f"Wrote {result.target} ({result.width}x{result.height}, {result.frames} frame(s){audio}) "
        f"in {result.elapsed_s:.1f} s."
    )
    if result.notes:
        print(f"Note: {' '.join(result.notes)}", file=sys.stderr)
    return 0
