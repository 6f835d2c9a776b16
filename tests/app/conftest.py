"""App tests drive the real window under Xvfb with real OpenGL (``QT_QPA_PLATFORM=xcb``).

Each test gets its own data directory (event log, autosave, log file) and a temporary
ini file for QSettings, so a user's real settings and data are never touched.
"""

import os

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QSurfaceFormat
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.app.preview import gl_surface_format

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
QSurfaceFormat.setDefaultFormat(gl_surface_format())


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("MOODGRADE_DATA_DIR", str(path))
    return path


class Question:
    """Answers the next message box the app opens (it waits in ``exec``) with ``button``.

    ``text`` and ``buttons`` are the question's once it was asked; both stay empty when
    no question came within a few seconds or ``stop`` was called first.
    """

    def __init__(self, button: str) -> None:
        self.button = button
        self.text = ""
        self.buttons: list[str] = []
        self._tries_left = 250
        QTimer.singleShot(0, self._poll)

    def stop(self) -> None:
        self._tries_left = 0

    def _poll(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if self._tries_left > 0:
                self._tries_left -= 1
                QTimer.singleShot(20, self._poll)
            return
        self.text = box.text()
        self.buttons = [b.text().replace("&", "") for b in box.buttons()]
        next(b for b in box.buttons() if b.text().replace("&", "") == self.button).click()


@pytest.fixture
def answer():
    """``answer(button)`` answers the next question; pending ones stop after the test."""
    questions: list[Question] = []

    def ask(button: str) -> Question:
        questions.append(Question(button))
        return questions[-1]

    yield ask
    for question in questions:
        question.stop()


@pytest.fixture
def window(qtbot, qapp, data_dir, tmp_path):
    from editor.app.appsettings import AppSettings
    from editor.app.theme import apply_dark_theme
    from editor.app.window import MainWindow

    apply_dark_theme(qapp)
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    settings.open_folder_after_export = False
    win = MainWindow(settings)
    qtbot.addWidget(win, before_close_func=_dont_save)
    win.resize(1280, 720)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: win.preview.renderer is not None and win.isActiveWindow(), timeout=10_000)
    yield win


def _dont_save(win) -> None:
    """pytest-qt closes the window after each test; a test's edits are not to be saved."""
    if win.unsaved.modified:
        Question("Don't Save")


def _graded_error(window, look) -> np.ndarray:
    """|preview - render_cpu| in 8-bit steps over the full-resolution frame."""
    from editor.pipeline import render_cpu

    graded = window.preview.read_graded().astype(np.int16)
    source = window.preview.frame
    scale = 65535.0 if source.dtype == np.uint16 else 255.0
    cpu = render_cpu(source.astype(np.float32) / scale, look)
    expected = np.round(np.clip(cpu, 0, 1) * 255).astype(np.int16)
    assert graded.shape == expected.shape
    return np.abs(graded - expected)


@pytest.fixture
def graded_error():
    return _graded_error
