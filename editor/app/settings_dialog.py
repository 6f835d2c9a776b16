"""File › Settings: compute device, model directory (the A/B variant) and default export folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from .appsettings import DEVICES, AppSettings


class SettingsDialog(QDialog):
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
