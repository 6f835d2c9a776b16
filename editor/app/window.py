"""The main window: preview, transport, prompt box, tools panel, status line.

The window owns one ``Project`` (editor.project) whose edit state is changed only
through undo steps, so every change (prompt, slider, filter, strength, reset) can be
undone. Events for the online metric go to the local ``EventLog``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.errors import EditorError
from editor.events import EventLog
from editor.filters import preset_names
from editor.intent import NOT_UNDERSTOOD
from editor.media import MediaInfo, VideoReader, probe, read_photo
from editor.samples import sample_photo, sample_video
from editor.project import PROJECT_SUFFIX, EditState, Project
from editor.schema import FilterChoice, Look
from editor.settings import autosave_path

from .appsettings import DEVICES, AppSettings
from .export_dialog import ExportDialog
from .player import Player
from .preview import AFTER, BEFORE, SPLIT, PreviewWidget
from .prompt import PromptPanel, typed_command
from .tools import THUMB_SIZE, ToolsPanel
from .undo import StateChange
from .unsaved import UnsavedChanges
from .workers import ModelService

log = logging.getLogger(__name__)

MEDIA_FILTER = "Videos and photos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.jpg *.jpeg *.png *.tif *.tiff)"
PROJECT_FILTER = f"Projects (*{PROJECT_SUFFIX})"
AUTOSAVE_MS = 30_000
_THUMBS_PER_TICK = 2


def _fmt_time(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes):02d}:{rest:05.2f}"


def _qimage(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


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
        self.unsaved = UnsavedChanges(self, self._save)
        self.undo_stack = self.unsaved.stack
        self.model = ModelService(self)
        self.model.suggested.connect(self._on_suggested)
        self.model.failed.connect(self._on_prompt_failed)
        self.model.loading.connect(lambda: self.show_status("Loading the look model\u2026"))
        self.player = Player(self)
        self.player.frame_ready.connect(self._on_frame)
        self.player.playing_changed.connect(self._on_playing)
        self.player.speed_changed.connect(lambda _speed: self._on_playing(self.player.playing))
        self.player.failed.connect(self.show_error)
        self._thumb_queue: list[str] = []
        self._thumb_timer = QTimer(self, singleShot=False, interval=0)
        self._thumb_timer.timeout.connect(self._render_thumbs)
        self._thumbs_for: int | None = None
        self._dialog: ExportDialog | None = None

        self.setWindowTitle("Editor")
        self.setAcceptDrops(True)
        self._build()
        self._build_menus()
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._set_enabled(False)

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.preview = PreviewWidget()
        self.preview.gl_failed.connect(self.show_error)
        self.preview.frameSwapped.connect(lambda: self.frame_shown.emit(self.player.position))

        self.play_button = QPushButton("\u25b6")
        self.play_button.setFixedWidth(40)
        self.play_button.setToolTip("Play / pause (Space); shuttle with J (backward), K (pause), L (forward)")
        self.play_button.clicked.connect(self.player.toggle)
        self.timeline = QSlider(Qt.Horizontal)
        self.timeline.setRange(0, 0)
        self.timeline.setToolTip("Scrub (Home / End: start / end)")
        self.timeline.valueChanged.connect(self._on_timeline)
        self.time_label = QLabel(f"{_fmt_time(0)} / {_fmt_time(0)}", objectName="paramValue")
        back = QPushButton("\u25c0|")
        back.setToolTip("Previous frame (Left)")
        back.clicked.connect(lambda: self.player.step(-1))
        forward = QPushButton("|\u25b6")
        forward.setToolTip("Next frame (Right)")
        forward.clicked.connect(lambda: self.player.step(1))
        self.compare_box = QComboBox()
        for label, mode in (("After", AFTER), ("Before", BEFORE), ("Split", SPLIT)):
            self.compare_box.addItem(label, mode)
        self.compare_box.setToolTip("Compare with the original (\\ toggles before/after)")
        self.compare_box.currentIndexChanged.connect(lambda: self.preview.set_mode(self.compare_box.currentData()))
        transport = QHBoxLayout()
        transport.setContentsMargins(8, 4, 8, 4)
        for widget in (back, self.play_button, forward):
            transport.addWidget(widget)
        transport.addWidget(self.timeline, 1)
        transport.addWidget(self.time_label)
        transport.addSpacing(12)
        transport.addWidget(self.compare_box)
        self.transport_widgets = (back, self.play_button, forward, self.timeline)

        self.prompt_panel = PromptPanel()
        self.prompt_panel.submitted.connect(self.submit_prompt)
        self.prompt_panel.released.connect(lambda: self.preview.setFocus(Qt.OtherFocusReason))
        self.prompt, self.refine = self.prompt_panel.edit, self.prompt_panel.refine
        self.explanation = self.prompt_panel.explanation

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(2)
        left_layout.addWidget(self.preview, 1)
        left_layout.addLayout(transport)
        left_layout.addWidget(self.prompt_panel)

        self.tools = ToolsPanel()
        self.tools.value_edited.connect(self._on_value_edited)
        self.tools.strength_edited.connect(self._on_strength_edited)
        self.tools.reset_all.connect(self.reset_all)
        self.tools.gallery_shown.connect(self._schedule_thumbs)

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

    def _action(self, menu, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open\u2026", self._open_dialog, QKeySequence.Open)
        self._action(file_menu, "Open &Sample Video", lambda: self.open_media(sample_video()))
        self._action(file_menu, "Open Sample &Photo", lambda: self.open_media(sample_photo()))
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, "Open &Project\u2026", self._open_project_dialog, "Ctrl+Shift+O")
        self.save_action = self._action(file_menu, "&Save Project", self._save, QKeySequence.Save)
        self._action(file_menu, "Save Project &As\u2026", self._save_as, QKeySequence.SaveAs)
        self._action(file_menu, "Re&link Source\u2026", self._relink_dialog)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, "&Export\u2026", self.open_export_dialog, "Ctrl+E")
        self._action(file_menu, "Se&ttings\u2026", self._settings_dialog, QKeySequence.Preferences)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.Quit)

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(edit, "Reset &All", self.reset_all)

        view = bar.addMenu("&View")
        self._action(view, "Before / After", self.toggle_before_after, "\\")
        self._action(view, "Split View", lambda: self.set_compare(SPLIT if self.preview.mode != SPLIT else AFTER), "Shift+\\")

        play = bar.addMenu("&Playback")
        self._action(play, "Play / Pause", self.player.toggle, "Space")
        self._action(play, "Play Backward (again: faster)", lambda: self.player.shuttle(-1), "J")
        self._action(play, "Pause", self.player.pause, "K")
        self._action(play, "Play Forward (again: faster)", lambda: self.player.shuttle(1), "L")
        self._action(play, "Previous Frame", lambda: self.player.step(-1), "Left")
        self._action(play, "Next Frame", lambda: self.player.step(1), "Right")
        self._action(play, "Go to Start", lambda: self._go(0.0), "Home")
        self._action(play, "Go to End", lambda: self._go(self.player.duration), "End")
        play.addSeparator()
        self.mute_action = self._action(play, "Mute", self.player.set_muted, "M", checkable=True)

    def _set_enabled(self, enabled: bool) -> None:
        is_video = enabled and self.info is not None and self.info.kind == "video"
        for widget in self.transport_widgets:
            widget.setEnabled(is_video)
        self.export_action.setEnabled(enabled)
        self.save_action.setEnabled(enabled)

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

    # -- opening ---------------------------------------------------------------------

    def open_media(self, path: str | Path) -> bool:
        """Start a new project on a video or photo; errors go to the status line."""
        path = Path(path)
        if path.suffix == PROJECT_SUFFIX:
            return self.open_project(path)
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
        self._frame_changed()
        self.timeline.blockSignals(True)
        self.timeline.setRange(0, max(0, round(info.duration_s * 1000)))
        self.timeline.setValue(0)
        self.timeline.blockSignals(False)
        self._update_time(0.0)
        self.settings.add_recent(info.path)
        self._set_enabled(True)
        return True

    def _project_loaded(self) -> None:
        self.undo_stack.clear()
        self._apply_state(self.project.state)
        self.prompt.set_history([p.intent for p in self.project.prompts])
        name = self.project.source.name if self.project.source else "Untitled"
        self.setWindowTitle(f"{name}[*] \u2014 Editor")
        kind = self.info.kind if self.info else "file"
        self.show_status(f"Opened {name} ({kind}). Type a look and press Enter.")

    def open_project(self, path: str | Path) -> bool:
        try:
            project = Project.load(path)
        except EditorError as exc:
            log.warning("cannot open project %s: %s", path, exc, exc_info=True)
            self.show_error(str(exc))
            return False
        return self._adopt(project, Path(path))

    def _adopt(self, project: Project, path: Path | None) -> bool:
        """Show a loaded project; a missing source is reported and can be relinked."""
        self.project, self.project_path = project, path
        if project.source is None or project.source_missing:
            self.info = None
            self._set_enabled(False)
            self._project_loaded()
            self.show_error(
                f"The source file {project.source} is missing; use File \u203a Relink Source to find it."
            )
            self.save_action.setEnabled(True)
            return True
        try:
            info = probe(project.source)
        except EditorError as exc:
            log.warning("cannot open %s: %s", project.source, exc, exc_info=True)
            self.show_error(str(exc))
            return False
        if not self._load_source(info):
            return False
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
        return True

    # -- autosave and recovery -------------------------------------------------------

    def autosave(self) -> None:
        if self.project is None:
            return
        try:
            self.project.save(autosave_path())
        except (EditorError, OSError):
            log.warning("autosave failed", exc_info=True)

    @staticmethod
    def recovery_available() -> bool:
        return autosave_path().is_file()

    def restore_autosave(self) -> bool:
        """Reopen the project that was autosaved before the app last stopped unexpectedly."""
        path = autosave_path()
        try:
            project = Project.load(path)
        except EditorError as exc:
            log.warning("autosave %s is unusable", path, exc_info=True)
            self.show_error(f"The unsaved project could not be restored ({exc}).")
            return False
        restored = self._adopt(project, None)
        if restored:
            self.unsaved.changed()
            self.show_status("Restored the project from the last session.")
        return restored

    def discard_autosave(self) -> None:
        autosave_path().unlink(missing_ok=True)

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
        self.model.wait(10_000)
        self.discard_autosave()
        self.settings.sync()
        super().closeEvent(event)

    # -- frames ----------------------------------------------------------------------

    def _on_frame(self, frame) -> None:
        self.preview.set_frame(frame.rgb)
        self._update_time(frame.time_s)
        if not self.player.playing:
            self._frame_changed()

    def _update_time(self, time_s: float) -> None:
        duration = self.player.duration
        self.time_label.setText(f"{_fmt_time(time_s)} / {_fmt_time(duration)}")
        if not self.timeline.isSliderDown():
            self.timeline.blockSignals(True)
            self.timeline.setValue(round(time_s * 1000))
            self.timeline.blockSignals(False)

    def _on_timeline(self, value: int) -> None:
        self.player.seek(value / 1000)
        self.time_label.setText(f"{_fmt_time(value / 1000)} / {_fmt_time(self.player.duration)}")

    def _on_playing(self, playing: bool) -> None:
        if playing:
            speed = self.player.speed
            self.play_button.setText("\u275a\u275a" if speed == 1.0 else f"{speed:+g}\u00d7")
        else:
            self.play_button.setText("\u25b6")
            self._frame_changed()

    def _go(self, time_s: float) -> None:
        self.player.pause()
        self.player.seek(time_s)

    # -- compare ---------------------------------------------------------------------

    def set_compare(self, mode: str) -> None:
        self.compare_box.setCurrentIndex(self.compare_box.findData(mode))

    def toggle_before_after(self) -> None:
        self.set_compare(AFTER if self.preview.mode == BEFORE else BEFORE)

    # -- edits -----------------------------------------------------------------------

    @property
    def state(self) -> EditState:
        return self.project.state if self.project is not None else EditState()

    def _apply_state(self, state: EditState) -> None:
        if self.project is not None:
            self.project.state = state
        self.tools.refresh(state)
        self.preview.set_look(state.look())
        self.explanation.show_look(state.look())

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
        self.push_state(self.state.with_strength(value), "Overall strength", merge_key and ("strength", merge_key))

    def reset_all(self) -> None:
        self.push_state(EditState(), "Reset all")

    # -- prompt ----------------------------------------------------------------------

    def submit_prompt(self) -> None:
        intent = self.prompt_panel.text()
        if not intent:
            return
        if self.project is None:
            self.show_error("Open a video or photo first, then describe the look.")
            return
        command = typed_command(intent)
        if command is not None:
            self.prompt_panel.finish()
            command(self)
            return
        self.show_status(f"Finding a look for \u201c{intent}\u201d\u2026")
        self.model.suggest(intent, self.settings.model_dir, self.settings.device, self.refine.isChecked())

    def _on_suggested(self, intent: str, suggestion, refine: bool, variant: str) -> None:
        if self.project is None:
            return
        project_id = self.project.project_id
        self.events.prompt_submitted(project_id, variant, intent, suggestion.look, suggestion.mode)
        if suggestion.warnings:
            log.info("prompt %r: %s", intent, "; ".join(suggestion.warnings))
        if not suggestion.understood:
            self.prompt_panel.show_not_understood()
            self.show_status(NOT_UNDERSTOOD)
            self.not_understood.emit(intent)
            return
        as_change = refine or suggestion.relative
        self.project.add_prompt(intent, suggestion.look, variant, as_change)
        self.prompt.set_history([p.intent for p in self.project.prompts])
        after = self.state.with_suggestion(suggestion.look, refine=as_change)
        self.push_state(after, f"Prompt \u201c{intent}\u201d")
        self.explanation.show_answer(suggestion, as_change, self.state.look())
        self.prompt_panel.finish()
        how = " as a change" if as_change else ""
        self.show_status(f"Applied \u201c{intent}\u201d{how} ({suggestion.latency_ms:.0f} ms).")
        self._schedule_thumbs()
        self.look_applied.emit(self.state.look())

    def _on_prompt_failed(self, intent: str, message: str) -> None:
        self.show_error(message)
        self.prompt_failed.emit(message)

    # -- filter gallery thumbnails ---------------------------------------------------

    def _frame_changed(self) -> None:
        self._thumbs_for = None
        self._schedule_thumbs()

    def _schedule_thumbs(self) -> None:
        """Re-render the gallery from the current frame, lazily: only when it is shown."""
        frame = self.preview.frame
        if frame is None or self.preview.renderer is None or not self.tools.gallery_visible:
            return
        if self.player.playing or self._thumbs_for == id(frame):
            return
        self._thumbs_for = id(frame)
        self._thumb_queue = list(preset_names())
        self._thumb_timer.start()

    def _thumb_source(self) -> np.ndarray:
        frame = self.preview.frame
        step = max(1, frame.shape[0] // (THUMB_SIZE.height() * 2))
        return np.ascontiguousarray(frame[::step, ::step])

    def _render_thumbs(self) -> None:
        if not self._thumb_queue or self.preview.frame is None:
            self._thumb_timer.stop()
            return
        small = self._thumb_source()
        for name in self._thumb_queue[:_THUMBS_PER_TICK]:
            try:
                rgb = self.preview.render_thumbnail(small, Look(filter=FilterChoice(name, 100)))
            except Exception:
                log.exception("thumbnail for %s failed", name)
                self._thumb_queue.clear()
                break
            self.tools.set_thumbnail(name, _qimage(rgb))
        del self._thumb_queue[:_THUMBS_PER_TICK]

    # -- export ----------------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog | None:
        if self.project is None or self.info is None:
            self.show_error("Open a video or photo before exporting.")
            return None
        self.player.pause()
        self._dialog = ExportDialog(self.info, self.state.look(), self.settings, self)
        self._dialog.exported.connect(self._on_exported)
        self._dialog.open()
        return self._dialog

    def _on_exported(self, result) -> None:
        look = self._dialog.look if self._dialog is not None else self.state.look()
        self.events.exported(self.project.project_id, self.project.model_variant, look, self.state.kept())
        self.show_status(f"Exported {result.target}.")

    # -- dialogs and drops -----------------------------------------------------------

    def _open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open video or photo", "", MEDIA_FILTER)
        if name:
            self.open_media(name)

    def _open_project_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open project", "", PROJECT_FILTER)
        if name:
            self.open_project(name)

    def _save(self) -> bool:
        if self.project_path is None:
            return self._save_as()
        return self.save_project(self.project_path)

    def _save_as(self) -> bool:
        if self.project is None:
            return False
        default = self.project.source.with_suffix(PROJECT_SUFFIX) if self.project.source else Path("untitled")
        name, _ = QFileDialog.getSaveFileName(self, "Save project", str(default), PROJECT_FILTER)
        return bool(name) and self.save_project(Path(name).with_suffix(PROJECT_SUFFIX))

    def _relink_dialog(self) -> None:
        if self.project is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, "Find the source file", "", MEDIA_FILTER)
        if name:
            self.relink(name)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_media(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent files").setEnabled(False)

    def _settings_dialog(self) -> None:
        SettingsDialog(self.settings, self).exec()

    def dragEnterEvent(self, event) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            self.open_media(files[0])
            event.acceptProposedAction()


class SettingsDialog(QDialog):
    """Compute device, model directory (the A/B variant) and default export folder."""

    def __init__(self, settings: AppSettings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self.settings = settings
        self.device = QComboBox()
        for device in DEVICES:
            self.device.addItem({"auto": "Automatic", "cpu": "CPU", "cuda": "CUDA GPU"}[device], device)
        self.device.setCurrentIndex(self.device.findData(settings.device))
        self.model_dir = QLineEdit(str(settings.model_dir))
        self.export_dir = QLineEdit(str(settings.export_dir or ""))
        self.export_dir.setPlaceholderText("Next to the source file")
        form = QFormLayout(self)
        form.addRow("Compute device", self.device)
        form.addRow("Model directory", self._with_browse(self.model_dir))
        form.addRow("Export folder", self._with_browse(self.export_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit, 1)
        button = QPushButton("Browse\u2026")
        button.clicked.connect(lambda: self._browse(edit))
        layout.addWidget(button)
        return row

    def _browse(self, edit: QLineEdit) -> None:
        name = QFileDialog.getExistingDirectory(self, "Choose a folder", edit.text())
        if name:
            edit.setText(name)

    def accept(self) -> None:
        self.settings.device = self.device.currentData()
        self.settings.model_dir = Path(self.model_dir.text()) if self.model_dir.text().strip() else None
        self.settings.export_dir = Path(self.export_dir.text()) if self.export_dir.text().strip() else None
        super().accept()
