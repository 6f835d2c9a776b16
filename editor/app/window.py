"""The main window: it puts the parts together and owns the project they edit.

Each part owns one area: ``Transport`` (playback), ``PromptPanel`` / ``PromptFlow``
(requests), ``ToolsPanel`` / ``GalleryThumbnails`` (sliders and filters), ``CompareBox``
(before/after), ``FileMenu`` / ``Autosave`` (files), ``LutMenu`` (the user's LUTs),
``LooksMenu`` / ``Snapshots`` (looks kept, copied and compared), ``ScopesDock``. The
window owns one ``Project`` (editor.project) whose edit state is changed only through undo
steps, so every change (prompt, slider, filter, strength, reset, a kept, pasted or
restored look) can be undone. Events for the online metric go to the local ``EventLog``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from editor.commands.desktop import APP_ID, ICON_SIZES, icon_png
from editor.errors import EditorError
from editor.events import EventLog
from editor.media import MediaInfo, VideoReader, probe, read_photo
from editor.project import EditState, Project, is_project_path

from .actions import add_action
from .appsettings import AppSettings
from .autosave import Autosave
from .compare import CompareBox
from .export_dialog import ExportDialog, finish_message
from .files import FileMenu
from .help import AboutBox, ShortcutSheet
from .luts import LutMenu
from .my_looks import LooksMenu
from .player import Player
from .preview import PreviewWidget
from .prompt import PromptPanel
from .prompting import PromptFlow
from .scopes_panel import ScopesDock
from .snapshots import Snapshots
from .thumbnails import GalleryThumbnails
from .tools import ToolsPanel
from .transport import Transport
from .undo import StateChange
from .unsaved import UnsavedChanges

log = logging.getLogger(__name__)

PREFERRED_SIZE = QSize(1440, 900)
#: Below this the picture gets too small to grade and the controls would crowd it; it
#: still fits a 1920x1080 screen at 200% scaling (960x540).
MINIMUM_SIZE = QSize(860, 480)
#: The share of the screen a first window may take.
_SCREEN_SHARE = 0.92


def app_icon() -> QIcon:
    """The icon from its PNG sizes, which need none of Qt's image plugins."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon


class MainWindow(QMainWindow):
    """The editor window. Signals let tests and the bench wait on real work."""

    look_applied = Signal(object)
    frame_shown = Signal(float)
    prompt_failed = Signal(str)
    #: A request the model read as nothing the tools can do (its intent).
    not_understood = Signal(str)

    def __init__(self, settings: AppSettings | None = None, events: EventLog | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.events = events if events is not None else EventLog()
        self.project: Project | None = None
        self.project_path: Path | None = None
        self.info: MediaInfo | None = None
        self.unsaved = UnsavedChanges(self, lambda: self.files.save())
        self.undo_stack = self.unsaved.stack
        self.player = Player(self)
        self.player.frame_ready.connect(self._on_frame)
        self.player.playing_changed.connect(lambda playing: playing or self.thumbnails.frame_changed())
        self.player.failed.connect(self.show_error)
        self._dialog: ExportDialog | None = None

        self.setWindowTitle("moodgrade")
        self.setWindowIcon(app_icon())
        # Wayland compositors show the icon of the desktop entry a window names, not the one
        # set above: the entry install-desktop puts in.
        QGuiApplication.setDesktopFileName(APP_ID)
        self.setAcceptDrops(True)
        self._build()
        self._build_menus()
        self.autosaver = Autosave(self, lambda: self.project)
        self.setMinimumSize(MINIMUM_SIZE)
        self._set_enabled(False)

    def fit_to_screen(self, screen: QScreen | None = None) -> None:
        """The preferred size, or less to fit the screen it opens on, centred there."""
        screen = screen or self.screen()
        available = screen.availableGeometry()
        room = QSize(round(available.width() * _SCREEN_SHARE), round(available.height() * _SCREEN_SHARE))
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(available.size()))
        self.resize(PREFERRED_SIZE.boundedTo(room).expandedTo(self.minimumSize()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.preview = PreviewWidget()
        self.preview.gl_failed.connect(self.show_error)
        self.preview.frameSwapped.connect(lambda: self.frame_shown.emit(self.player.position))
        self.transport = Transport(self.player)
        self.timeline, self.time_label = self.transport.timeline, self.transport.time_label
        self.play_button = self.transport.play_button
        self.compare_box = CompareBox(self.preview)
        self.transport.controls.addWidget(self.compare_box)

        self.prompt_panel = PromptPanel()
        self.prompt_panel.released.connect(lambda: self.preview.setFocus(Qt.OtherFocusReason))
        self.prompt, self.refine = self.prompt_panel.edit, self.prompt_panel.refine
        self.explanation = self.prompt_panel.explanation
        self.prompt_flow = PromptFlow(self, self.prompt_panel)
        self.model = self.prompt_flow.model
        self.prompt_flow.look_applied.connect(self.look_applied)
        self.prompt_flow.failed.connect(self.prompt_failed)
        self.prompt_flow.not_understood.connect(self.not_understood)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.preview, 1)
        left_layout.addWidget(self.transport)
        left_layout.addWidget(self.prompt_panel)

        self.tools = ToolsPanel()
        self.tools.value_edited.connect(self._on_value_edited)
        self.tools.strength_edited.connect(self._on_strength_edited)
        self.tools.section_reset.connect(self._on_section_reset)
        self.tools.reset_all.connect(self.reset_all)
        self.thumbnails = GalleryThumbnails(self.preview, self.tools, self.player)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tools)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        splitter.setSizes([1000, 360])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage("Open a video or photo (File \u203a Open, or drop it here).")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.files = FileMenu(self, bar.addMenu("&File"))

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        add_action(edit, "Reset &All", self.reset_all)
        self.luts = LutMenu(self, bar.addMenu("F&ilter"))
        looks = bar.addMenu("&Looks")
        self.looks = LooksMenu(self, looks)
        self.snapshots = Snapshots(self, looks)

        view = bar.addMenu("&View")
        self.compare_box.add_actions(view)
        self.scopes = ScopesDock(self, view)
        self.fps_action = add_action(
            view, "Show &FPS", lambda: self.preview.set_show_fps(self.fps_action.isChecked()), checkable=True
        )
        self.transport.add_actions(bar.addMenu("&Playback"))
        self.mute_action = self.transport.mute_action

        help_menu = bar.addMenu("&Help")
        add_action(help_menu, "&Keyboard Shortcuts", self.show_shortcuts, "Ctrl+/")
        add_action(help_menu, "&About moodgrade", lambda: AboutBox(self.settings.model_dir, self).exec())

    def show_shortcuts(self) -> ShortcutSheet:
        sheet = ShortcutSheet(self.menuBar(), self)
        sheet.open()
        return sheet

    def _set_enabled(self, enabled: bool) -> None:
        self.transport.set_enabled(enabled and self.info is not None and self.info.kind == "video")
        self.files.export_action.setEnabled(enabled)
        self.files.save_action.setEnabled(enabled)

    # -- status ----------------------------------------------------------------------

    def show_status(self, message: str) -> None:
        self.statusBar().setProperty("error", False)
        self.statusBar().style().polish(self.statusBar())
        self.statusBar().showMessage(message)

    def show_error(self, message: str) -> None:
        """A plain sentence for the user; the details are already in the log file."""
        self.statusBar().setProperty("error", True)
        self.statusBar().style().polish(self.statusBar())
        self.statusBar().showMessage(message)

    def event(self, event) -> bool:
        # Hovering a menu item sends its status tip, empty for all of ours, which would
        # wipe a message (an error) the user may not have read yet.
        if event.type() == QEvent.StatusTip and not event.tip():
            return True
        return super().event(event)

    # -- opening ---------------------------------------------------------------------

    def open_media(self, path: str | Path) -> bool:
        """Start a new project on a video or photo (or open a project); errors go to the status line.

        Unsaved changes are first offered for saving, as when quitting.
        """
        path = Path(path)
        if not self.unsaved.may_discard(self._document_name()):
            return False
        if is_project_path(path):
            return self._open_project(path)
        try:
            info = probe(path)
        except EditorError as exc:
            log.warning("cannot open %s: %s", path, exc, exc_info=True)
            self.show_error(str(exc))
            return False
        if not self._load_source(info):
            return False
        self.project = Project(source=info.path.resolve())
        self.project_path = None
        self.events.project_started(self.project.project_id, self.project.source)
        self._project_loaded()
        return True

    def _load_source(self, info: MediaInfo) -> bool:
        self.player.close()
        try:
            if info.kind == "photo":
                frame = read_photo(info.path)
            else:
                self.player.open(info)
                with VideoReader(info.path) as reader:
                    frame = reader.frame_at(0.0).rgb
        except EditorError as exc:
            log.warning("cannot read %s: %s", info.path, exc, exc_info=True)
            self.show_error(str(exc))
            self.player.close()
            return False
        self.info = info
        self.preview.set_frame(frame)
        self.thumbnails.frame_changed()
        self.transport.load(info)
        self.settings.add_recent(info.path)
        self._set_enabled(True)
        return True

    def _project_loaded(self) -> None:
        self.undo_stack.clear()
        self.snapshots.clear()
        self._apply_state(self.project.state)
        self.prompt.set_history([p.intent for p in self.project.prompts])
        name = self.project.source.name if self.project.source else "Untitled"
        self.setWindowTitle(f"{name}[*] \u2014 moodgrade")
        kind = self.info.kind if self.info else "file"
        self.show_status(f"Opened {name} ({kind}). Type a look and press Enter.")
        self.refresh_look()
        self.luts.offer_relink()

    def open_project(self, path: str | Path) -> bool:
        return self.unsaved.may_discard(self._document_name()) and self._open_project(path)

    def _open_project(self, path: str | Path) -> bool:
        try:
            project = Project.load(path)
        except EditorError as exc:
            log.warning("cannot open project %s: %s", path, exc, exc_info=True)
            self.show_error(str(exc))
            return False
        self.luts.project_opening(project.state.look(), Path(path))
        return self._adopt(project, Path(path))

    def _adopt(self, project: Project, path: Path | None) -> bool:
        """Show a loaded project; a missing source is reported and can be relinked, one that
        cannot be read leaves the window as it was."""
        if project.source is None or project.source_missing:
            self.project, self.project_path = project, path
            self.info = None
            self._set_enabled(False)
            self._project_loaded()
            self.show_error(
                f"The source file {project.source} is missing; use File \u203a Relink Source to find it."
            )
            self.files.save_action.setEnabled(True)
            return True
        try:
            info = probe(project.source)
        except EditorError as exc:
            log.warning("cannot open %s: %s", project.source, exc, exc_info=True)
            self.show_error(str(exc))
            return False
        if not self._load_source(info):
            return False
        self.project, self.project_path = project, path
        self._project_loaded()
        return True

    def relink(self, path: str | Path) -> bool:
        if self.project is None:
            return False
        self.project.source = Path(path).resolve()
        relinked = self._adopt(self.project, self.project_path)
        if relinked:
            self.unsaved.changed()
        return relinked

    def save_project(self, path: str | Path) -> bool:
        if self.project is None:
            return False
        try:
            self.project.save(path)
        except (EditorError, OSError) as exc:
            log.warning("cannot save %s", path, exc_info=True)
            self.show_error(f"The project could not be saved to {path} ({exc}).")
            return False
        self.project_path = Path(path)
        self.unsaved.saved()
        self.show_status(f"Saved {Path(path).name}.")
        self.luts.project_saved(Path(path))
        return True

    # -- autosave and recovery -------------------------------------------------------

    def autosave(self) -> None:
        self.autosaver.save()

    def recovery_available(self) -> bool:
        return bool(self.autosaver.orphans())

    def restore_autosave(self) -> bool:
        """Reopen the project autosaved by a window that did not close normally."""
        try:
            project = self.autosaver.take_orphan()
        except (EditorError, OSError) as exc:
            log.warning("autosave is unusable", exc_info=True)
            self.show_error(f"The unsaved project could not be restored ({exc}).")
            return False
        if project is None:
            return False
        restored = self._adopt(project, None)
        if restored:
            self.unsaved.changed()
            self.show_status("Restored the project from the last session.")
        return restored

    def discard_autosave(self) -> None:
        """Forget what windows that did not close normally autosaved (the user said no)."""
        self.autosaver.discard_orphans()

    def _document_name(self) -> str:
        if self.project_path is not None:
            return self.project_path.name
        source = self.project.source if self.project is not None else None
        return f"the project for {source.name}" if source is not None else "the untitled project"

    def closeEvent(self, event) -> None:
        if not self.unsaved.may_discard(self._document_name()):
            event.ignore()
            return
        self.player.close()
        if self._dialog is not None and self._dialog.job is not None and self._dialog.job.running:
            self._dialog.job.cancel()
            self._dialog.job.join(10)
        self.files.stop_batch()
        self.model.wait(10_000)
        self.autosaver.close()
        self.settings.sync()
        super().closeEvent(event)

    # -- frames and compare ----------------------------------------------------------

    def _on_frame(self, frame) -> None:
        self.preview.set_frame(frame.rgb)
        if not self.player.playing:
            self.thumbnails.frame_changed()

    def set_compare(self, mode: str) -> None:
        self.compare_box.set_mode(mode)

    # -- edits -----------------------------------------------------------------------

    @property
    def state(self) -> EditState:
        return self.project.state if self.project is not None else EditState()

    def _apply_state(self, state: EditState) -> None:
        if self.project is not None:
            self.project.state = state
        self.tools.refresh(state)
        self.snapshots.state_changed()
        self.refresh_look(state)
        self.explanation.show_look(state.look())

    def refresh_look(self, state: EditState | None = None) -> None:
        """Render the state's look (again, once a relinked LUT is found)."""
        self.preview.set_look(self.luts.shown((state or self.state).look()))

    def push_state(self, after: EditState, text: str, merge_key=None) -> None:
        if self.project is None or after == self.state:
            return
        self.undo_stack.push(StateChange(self._apply_state, self.state, after, text, merge_key))

    def _on_value_edited(self, key: str, value, merge_key) -> None:
        if self.project is None:
            self.tools.refresh(self.state)
            return
        self.push_state(self.state.with_value(key, value), f"Set {key}", merge_key)

    def _on_strength_edited(self, value: int, merge_key) -> None:
        merge = merge_key and ("strength", merge_key)
        self.push_state(self.state.with_strength(value), "Overall strength", merge)

    def _on_section_reset(self, title: str, values: dict) -> None:
        state = self.state
        for key, value in values.items():
            state = state.with_value(key, value)
        self.push_state(state, f"Reset {title}")

    def reset_all(self) -> None:
        self.push_state(EditState(), "Reset all")

    def submit_prompt(self) -> None:
        self.prompt_flow.submit()

    # -- export and drops ------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog | None:
        if self.project is None or self.info is None:
            self.show_error("Open a video or photo before exporting.")
            return None
        if self.luts.missing is not None:
            self.show_error(
                f"The LUT {Path(self.luts.missing).name} is missing; "
                "relink it (Filter menu) before exporting."
            )
            return None
        self.player.pause()
        self._dialog = ExportDialog(self.info, self.state.look(), self.settings, self)
        self._dialog.exported.connect(self._on_exported)
        self._dialog.open()
        return self._dialog

    def _on_exported(self, result) -> None:
        look = self._dialog.look if self._dialog is not None else self.state.look()
        self.events.exported(self.project.project_id, self.project.model_variant, look, self.state.kept())
        self.show_status(finish_message(result))

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.open_media(files[0])
            event.acceptProposedAction()
