"""The desktop app (PySide6). The only package that imports Qt.

``run_app(path)`` configures logging to a rotating file in the user data directory,
requests an OpenGL 3.3 core context, opens the main window on ``path`` (a video,
photo or project), offers to restore an autosaved project after a crash, and
otherwise opens the bundled sample.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def configure_logging() -> Path:
    from editor.settings import log_path

    path = log_path()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    for other in root.handlers:
        if other is not handler and other.level == logging.NOTSET:
            other.setLevel(logging.WARNING)
    return path


def run_app(path: Path | None = None, prompt: str | None = None) -> int:
    from PySide6.QtGui import QSurfaceFormat
    from PySide6.QtWidgets import QApplication, QMessageBox

    from .preview import gl_surface_format
    from .theme import apply_dark_theme
    from editor.samples import sample_video

    from .window import MainWindow

    log_file = configure_logging()
    QSurfaceFormat.setDefaultFormat(gl_surface_format())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Editor")
    apply_dark_theme(app)
    window = MainWindow()
    window.fit_to_screen()
    window.show()
    log.info("app started; log file %s", log_file)
    if path is not None:
        window.open_media(path)
    elif window.recovery_available():
        answer = QMessageBox.question(
            window, "Restore project", "The editor did not close normally. Restore the project you were working on?"
        )
        if answer == QMessageBox.Yes:
            window.restore_autosave()
        else:
            window.discard_autosave()
    if window.project is None and sample_video().is_file():
        window.open_media(sample_video())
    if prompt and window.project is not None:
        window.prompt.setText(prompt)
        window.submit_prompt()
    return app.exec()
