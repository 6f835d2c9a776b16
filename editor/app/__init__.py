"""The desktop app (PySide6). The only package that imports Qt.

``run_app(path)`` configures logging to a rotating file in the user data directory
(the terminal gets one line per problem, the file its details), requests an OpenGL
3.3 core context and opens the main window with ``open_first``.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

log = logging.getLogger(__name__)


class _OneLine(logging.Formatter):
    """The terminal's line for a record: the traceback goes to the log file only."""

    def __init__(self, log_file: Path) -> None:
        super().__init__("%(levelname)s %(name)s: %(message)s")
        self.log_file = log_file

    def format(self, record: logging.LogRecord) -> str:
        if not (record.exc_info or record.stack_info):
            return super().format(record)
        # A copy: the file handler still formats the traceback from the original.
        bare = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
        bare.stack_info = None
        return f"{super().format(bare)} (details in {self.log_file})"


def configure_logging() -> Path:
    """Log to the rotating file; handlers already there (the terminal's) get one line per record."""
    from editor.settings import log_path

    path = log_path()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for other in root.handlers:
        if other.level == logging.NOTSET:
            other.setLevel(logging.WARNING)
        other.setFormatter(_OneLine(path))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def open_first(window, path: Path | None, prompt: str | None = None) -> None:
    """What a new window shows: ``path`` when one was asked for (its error, if it cannot be
    opened, stays on the status line), else a project to restore after a crash, else the
    bundled sample; then ``prompt`` is applied."""
    from PySide6.QtWidgets import QMessageBox

    from editor.samples import sample_video

    if path is not None:
        window.open_media(path)
    elif window.recovery_available():
        question = "moodgrade did not close normally. Restore the project you were working on?"
        answer = QMessageBox.question(window, "Restore project", question)
        if answer == QMessageBox.Yes:
            window.restore_autosave()
        else:
            window.discard_autosave()
    if path is None and window.project is None and sample_video().is_file():
        window.open_media(sample_video())
    if prompt and window.project is not None:
        window.prompt.setText(prompt)
        window.submit_prompt()


def run_app(path: Path | None = None, prompt: str | None = None) -> int:
    from PySide6.QtGui import QSurfaceFormat
    from PySide6.QtWidgets import QApplication

    from .preview import gl_surface_format
    from .theme import apply_dark_theme
    from .window import MainWindow

    log_file = configure_logging()
    QSurfaceFormat.setDefaultFormat(gl_surface_format())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("moodgrade")
    apply_dark_theme(app)
    window = MainWindow()
    window.fit_to_screen()
    window.show()
    log.info("app started; log file %s", log_file)

    def unexpected(kind, value, tb) -> None:
        # Qt would print the traceback of a failing slot or paint; the user gets a sentence.
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("unexpected error: %s", value, exc_info=(kind, value, tb))
        window.show_error(f"Something went wrong ({value or kind.__name__}); details are in {log_file}.")

    sys.excepthook = unexpected
    open_first(window, path, prompt)
    return app.exec()
