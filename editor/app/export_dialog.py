"""The export dialog: format, size, quality and speed, a target file, progress with ETA, cancel.

The export itself runs in ``ExportJob``'s worker thread through ``editor.export.export``
(atomic, cancellable), with a hardware encoder where one works on this machine
(``editor.encoders``); the dialog refuses to overwrite the source and asks before it
replaces any other existing file. When done, the file's size and the time taken are said.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from editor.encoders import AUTO, SPEEDS
from editor.export import ExportResult, ExportSettings
from editor.fileio import size_text
from editor.media import MediaInfo
from editor.progress import Progress
from editor.schema import Look

from .appsettings import AppSettings
from .quality import QualityBox
from .workers import ExportJob

log = logging.getLogger(__name__)

SIZES = (("Original size", None), ("1080p", 1080), ("720p", 720))
PHOTO_FORMATS = (("JPEG", ".jpg"), ("PNG", ".png"))
#: The export speeds in words, by ``encoders.SPEEDS`` key; at one quality, a slower speed
#: gives a smaller file.
SPEED_WORDS = (
    ("Fast \u2014 quickest, larger file", "fast"),
    ("Balanced \u2014 recommended", "balanced"),
    ("Best \u2014 slowest, smallest file", "best"),
)
#: The hardware encoders by the names their makers give them.
HARDWARE_WORDS = {
    "h264_nvenc": "NVENC", "h264_videotoolbox": "VideoToolbox", "h264_qsv": "Quick Sync", "h264_amf": "AMF",
    "h264_vaapi": "VA-API",
}


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.samefile(b))
    except OSError:
        log.info("cannot compare %s and %s", a, b, exc_info=True)
        return False


def confirm_replace(parent, target: Path) -> bool:
    """The usual question before an existing file is replaced; Cancel is the default."""
    box = QMessageBox(
        QMessageBox.Warning,
        "Replace file",
        f"\u201c{target.name}\u201d already exists. Do you want to replace it?",
        QMessageBox.Yes | QMessageBox.Cancel,
        parent,
    )
    box.setInformativeText(f"A file with that name is already in {target.parent}; replacing overwrites it.")
    box.button(QMessageBox.Yes).setText("Replace")
    box.setDefaultButton(QMessageBox.Cancel)
    return box.exec() == QMessageBox.Yes


def finish_message(result: ExportResult) -> str:
    """What a finished export says: the file, its size, the time taken and a hardware encoder used."""
    done = f"Exported {result.target}: {size_text(result.size_bytes)} in {result.elapsed_s:.1f} s"
    if result.encoder in HARDWARE_WORDS:
        return f"{done}, on the graphics hardware ({HARDWARE_WORDS[result.encoder]})."
    return f"{done}."


def _eta_text(progress: Progress) -> str:
    eta = progress.eta_s
    if eta is None:
        return "estimating time left\u2026"
    minutes, seconds = divmod(int(round(eta)), 60)
    return f"{minutes}:{seconds:02d} left"


class ExportDialog(QDialog):
    """Exports ``look`` applied to ``info.path``; emits ``exported(result)`` on success."""

    exported = Signal(object)

    def __init__(self, info: MediaInfo, look: Look, settings: AppSettings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.setMinimumWidth(520)
        self.info, self.look, self.settings = info, look, settings
        self.job: ExportJob | None = None
        self.result: ExportResult | None = None
        is_video = info.kind == "video"

        self.size_box = QComboBox()
        for label, height in SIZES:
            if height is None or height < info.height:
                text = f"{label}" if height else f"{label} ({info.width}x{info.height})"
                self.size_box.addItem(text, height)
        self.quality = QualityBox(info.kind)
        self.speed_box = QComboBox()
        for words, speed in SPEED_WORDS:
            self.speed_box.addItem(words, speed)
        self.speed_box.setCurrentIndex(self.speed_box.findData("balanced"))
        self.speed_box.setToolTip(
            "How long the encoder works on each frame; a hardware encoder, where this computer has one, "
            "is used at its own matching setting."
        )
        self.format_box = QComboBox()
        for label, ext in PHOTO_FORMATS:
            self.format_box.addItem(label, ext)
        self.format_box.currentIndexChanged.connect(self._format_changed)

        self.target = QLineEdit(str(self._default_target()))
        # The file chosen with Browse, whose dialog already asked about replacing it.
        self._confirmed: Path | None = None
        browse = QPushButton("Browse\u2026")
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        self.open_folder = QCheckBox("Show the file in its folder when done")
        self.open_folder.setChecked(settings.open_folder_after_export)

        form = QFormLayout()
        if is_video:
            form.addRow("Format", QLabel("MP4 (H.264 video, original audio)"))
            form.addRow("Size", self.size_box)
            form.addRow("Quality", self.quality)
            form.addRow("Speed", self.speed_box)
        else:
            form.addRow("Format", self.format_box)
            form.addRow("Size", self.size_box)
            form.addRow("Quality", self.quality)
        form.addRow("Save as", target_row)
        form.addRow("", self.open_folder)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.export_button = QPushButton("Export", objectName="primary")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def _default_target(self) -> Path:
        src = self.info.path
        folder = self.settings.export_dir or src.parent
        ext = ".mp4" if self.info.kind == "video" else PHOTO_FORMATS[0][1]
        candidate = folder / f"{src.stem}_graded{ext}"
        n = 2
        while candidate.exists():
            candidate = folder / f"{src.stem}_graded_{n}{ext}"
            n += 1
        return candidate

    def _format_changed(self) -> None:
        ext = self.format_box.currentData()
        self.target.setText(str(Path(self.target.text()).with_suffix(ext)))
        self.quality.setEnabled(ext == ".jpg")

    def _browse(self) -> None:
        pattern = "MP4 video (*.mp4)" if self.info.kind == "video" else "Images (*.jpg *.jpeg *.png)"
        name, _ = QFileDialog.getSaveFileName(self, "Export as", self.target.text(), pattern)
        if name:
            self.target.setText(name)
            self._confirmed = Path(name)

    def export_settings(self) -> ExportSettings:
        if self.info.kind == "video":
            return ExportSettings(
                crf=self.quality.value(),
                preset=SPEEDS[self.speed_box.currentData()],
                max_height=self.size_box.currentData(),
                encoder=AUTO,
            )
        return ExportSettings(photo_quality=self.quality.value(), max_height=self.size_box.currentData())

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #ff7b72;")

    def start(self) -> None:
        """Validate the target and start the export worker."""
        text = self.target.text().strip()
        if not text:
            self._fail("Choose a file name to export to.")
            return
        target = Path(text).expanduser()
        if _same_path(self.info.path, target):
            self._fail("That is the source file; choose another name so the original is kept.")
            return
        replace = target.is_file()
        if replace and target != self._confirmed and not confirm_replace(self, target):
            self.status.setStyleSheet("")
            self.status.setText("Not exported; choose another name or replace the file.")
            return
        self.settings.open_folder_after_export = self.open_folder.isChecked()
        self.status.setStyleSheet("")
        self.status.setText("Starting\u2026")
        self.progress.setValue(0)
        self.export_button.setEnabled(False)
        settings = self.export_settings()
        self.job = ExportJob(self.info.path, target, self.look, settings, self, overwrite=replace)
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.status.setText("Cancelling\u2026")
            self.job.cancel()
        else:
            self.reject()

    def _on_progress(self, progress: Progress) -> None:
        self.progress.setValue(round(progress.fraction * 1000))
        self.status.setText(f"Frame {progress.done} of {progress.total} \u2014 {_eta_text(progress)}")

    def _on_finished(self, result: ExportResult) -> None:
        self.result = result
        self.progress.setValue(1000)
        self.status.setText(finish_message(result))
        self.export_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.exported.emit(result)
        if self.open_folder.isChecked():
            folder = QUrl.fromLocalFile(str(result.target.parent))
            if not QDesktopServices.openUrl(folder):
                log.info("the desktop could not open %s", result.target.parent)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self._fail(message)

    def _on_cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText("Export cancelled; nothing was written.")

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.cancel()
            return
        super().reject()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)
