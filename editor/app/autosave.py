"""The autosaved copy of the open project, and its recovery after a crash."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from editor.errors import EditorError
from editor.project import Project
from editor.settings import autosave_path

log = logging.getLogger(__name__)

AUTOSAVE_MS = 30_000


class Autosave(QObject):
    """Saves ``project()`` every ``AUTOSAVE_MS``; the copy goes when the window closes normally."""

    def __init__(self, parent: QObject, project) -> None:
        super().__init__(parent)
        self._project = project
        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.timer.start()

    @property
    def path(self) -> Path:
        return autosave_path()

    def save(self) -> None:
        project = self._project()
        if project is None:
            return
        try:
            project.save(self.path)
        except (EditorError, OSError):
            log.warning("autosave failed", exc_info=True)

    def available(self) -> bool:
        return self.path.is_file()

    def load(self) -> Project:
        return Project.load(self.path)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
