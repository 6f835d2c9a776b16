"""The File menu: open, recent files, save, relink, export, apply the look to files, settings, quit.

Its dialogs only choose a path; the window opens or saves what was chosen, so that
a drop, a recent file and the command line go the same way as the menu.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from editor.project import PROJECT_SUFFIX, PROJECT_SUFFIXES, is_project_path
from editor.samples import sample_photo, sample_video

from .actions import add_action
from .batch_dialog import BatchDialog
from .settings_dialog import SettingsDialog

MEDIA_FILTER = "Videos and photos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.jpg *.jpeg *.png *.tif *.tiff)"
PROJECT_FILTER = "Projects ({})".format(" ".join(f"*{s}" for s in PROJECT_SUFFIXES))


class FileMenu:
    def __init__(self, window, menu: QMenu) -> None:
        self.window = window
        add_action(menu, "&Open\u2026", self.open_dialog, QKeySequence.Open)
        add_action(menu, "Open &Sample Video", lambda: window.open_media(sample_video()))
        add_action(menu, "Open Sample &Photo", lambda: window.open_media(sample_photo()))
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        add_action(menu, "Open &Project\u2026", self.open_project_dialog, "Ctrl+Shift+O")
        self.save_action = add_action(menu, "&Save Project", self.save, QKeySequence.Save)
        add_action(menu, "Save Project &As\u2026", self.save_as, QKeySequence.SaveAs)
        add_action(menu, "Re&link Source\u2026", self.relink_dialog)
        menu.addSeparator()
        self.export_action = add_action(menu, "&Export\u2026", window.open_export_dialog, "Ctrl+E")
        add_action(menu, "Apply Look to &Files\u2026", self.batch_dialog)
        self.batch: BatchDialog | None = None
        add_action(menu, "Se&ttings\u2026", self.settings_dialog, QKeySequence.Preferences)
        menu.addSeparator()
        add_action(menu, "&Quit", window.close, QKeySequence.Quit)

    def settings_dialog(self) -> None:
        SettingsDialog(self.window.settings, self.window).exec()

    def _choose(self, kind: str, title: str, filter_: str) -> str:
        """A file chosen in an Open dialog that starts in the folder last used for ``kind``."""
        settings = self.window.settings
        name, _ = QFileDialog.getOpenFileName(self.window, title, settings.last_folder(kind), filter_)
        if name:
            settings.set_last_folder(kind, name)
        return name

    def open_dialog(self) -> None:
        name = self._choose("media", "Open video or photo", MEDIA_FILTER)
        if name:
            self.window.open_media(name)

    def open_project_dialog(self) -> None:
        name = self._choose("project", "Open project", PROJECT_FILTER)
        if name:
            self.window.open_project(name)

    def save(self) -> bool:
        if self.window.project_path is None:
            return self.save_as()
        return self.window.save_project(self.window.project_path)

    def save_as(self) -> bool:
        project = self.window.project
        if project is None:
            return False
        folder = self.window.settings.last_folder("project")
        default = project.source.with_suffix(PROJECT_SUFFIX) if project.source else Path("untitled")
        if folder:
            default = Path(folder) / default.name
        name, _ = QFileDialog.getSaveFileName(self.window, "Save project", str(default), PROJECT_FILTER)
        if not name:
            return False
        self.window.settings.set_last_folder("project", name)
        path = Path(name)
        # Any case of a project extension, old or new, is a project (Trip.EDITORPROJ is
        # replaced, not beside a new Trip.EDITORPROJ.moodgrade), and a name without one is
        # never cut at its last dot.
        if not is_project_path(path):
            path = path.with_name(path.name + PROJECT_SUFFIX)
        return self.window.save_project(path)

    def relink_dialog(self) -> None:
        if self.window.project is None:
            return
        name = self._choose("media", "Find the source file", MEDIA_FILTER)
        if name:
            self.window.relink(name)

    def batch_dialog(self) -> None:
        window = self.window
        if window.project is None:
            window.show_error("Open a video or photo first; its look is what gets applied to the files.")
            return
        names, _ = QFileDialog.getOpenFileNames(
            window, "Apply the look to files", window.settings.last_folder("media"), MEDIA_FILTER
        )
        if not names:
            return
        folder = QFileDialog.getExistingDirectory(
            window, "Folder for the graded files", window.settings.last_folder("batch")
        )
        if folder:
            # set_last_folder keeps the folder of a chosen file; here the folder itself was chosen.
            window.settings.set_last_folder("batch", Path(folder) / "graded")
            self.start_batch([Path(n) for n in names], Path(folder))

    def start_batch(self, sources: list[Path], folder: Path) -> BatchDialog | None:
        """Show the queue for ``sources`` with the current look; it starts when the user says Start."""
        if self.window.luts.missing is not None:
            self.window.show_error(
                f"The LUT {Path(self.window.luts.missing).name} is missing; relink it first."
            )
            return None
        self.batch = BatchDialog(sources, folder, self.window.state.look(), self.window)
        self.batch.done_with.connect(
            lambda report: self.window.show_status(
                f"Graded {len(report.written)} of {report.total} file(s) into {folder}."
            )
        )
        self.batch.open()
        return self.batch

    def stop_batch(self) -> None:
        """Cancel a running queue (the window is closing) and wait for its file to be removed."""
        job = self.batch.job if self.batch is not None else None
        if job is not None and job.running:
            job.cancel()
            job.join(10)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.window.settings.recent_files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.window.open_media(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent files").setEnabled(False)
