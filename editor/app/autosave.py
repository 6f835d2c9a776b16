"""The autosaved copy of the open project, one per window, and recovery after a crash.

Each window autosaves to its own file in the data directory's ``autosaves/`` and holds
a lock file next to it while it runs, so that two running copies never write or delete
each other's autosave. A file whose lock no running process holds is what a window that
did not close normally left behind: that is what is offered for recovery.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer

from editor.errors import EditorError
from editor.project import PROJECT_SUFFIX, Project, is_project_path
from editor.settings import autosave_path

log = logging.getLogger(__name__)

AUTOSAVE_MS = 30_000


def autosave_dir() -> Path:
    return autosave_path().parent / "autosaves"


def _lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_suffix(".lock")))
    # Stale only when the process that took it is gone, never because of its age.
    lock.setStaleLockTime(0)
    return lock


class Autosave(QObject):
    """Saves ``project()`` every ``AUTOSAVE_MS`` to ``path``; ``close`` removes it."""

    def __init__(self, parent: QObject, project) -> None:
        super().__init__(parent)
        self._project = project
        self.path = autosave_dir() / f"{uuid.uuid4().hex}{PROJECT_SUFFIX}"
        self._held = _lock(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            log.warning("cannot create %s; autosave is off", self.path.parent, exc_info=True)
        if not self._held.tryLock(0):
            log.warning("cannot lock %s (error %s)", self.path, self._held.error())
        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        self.timer.start()

    def save(self) -> None:
        project = self._project()
        if project is None:
            return
        try:
            project.save(self.path)
        except (EditorError, OSError):
            log.warning("autosave failed", exc_info=True)

    def orphans(self) -> list[Path]:
        """Autosaves left by windows that did not close normally, newest first."""
        found = []
        # A carried-over data folder may hold autosaves from before the rename (.editorproj).
        for path in autosave_dir().glob("*"):
            if not is_project_path(path):
                continue
            lock = _lock(path)
            if path != self.path and lock.tryLock(0):
                lock.unlock()
                found.append(path)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def take_orphan(self) -> Project | None:
        """The newest orphan's project, now this window's own autosave; ``None`` if there is none."""
        orphans = self.orphans()
        if not orphans:
            return None
        try:
            project = Project.load(orphans[0])
        except EditorError:
            # Offered once: an unreadable autosave would otherwise be offered at every start.
            orphans[0].unlink(missing_ok=True)
            raise
        project.save(self.path)
        orphans[0].unlink(missing_ok=True)
        return project

    def discard_orphans(self) -> None:
        for path in self.orphans():
            path.unlink(missing_ok=True)

    def close(self) -> None:
        """The window closed normally: its autosave has nothing left to recover."""
        self.timer.stop()
        self.path.unlink(missing_ok=True)
        self._held.unlock()
