"""The app's preferences, stored with QSettings.

Tests pass their own ``QSettings`` (a temporary ini file) so that a user's real
settings are never touched.

The preferences of a version from before the rename (organization and application
``editor``) are copied once into moodgrade's, so an update keeps them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from editor.paths import default_model_dir
from editor.settings import APP_NAME, OLD_APP_NAME

DEVICES = ("auto", "cpu", "cuda")
MAX_RECENT = 8


def _copy_keys(source: QSettings, target: QSettings) -> None:
    for key in source.allKeys():
        target.setValue(key, source.value(key))
    target.sync()


class AppSettings:
    """Typed access to the preferences: compute device, model directory, export folder, recent
    files, and the folders the file dialogs were last in."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            qsettings = QSettings(APP_NAME, APP_NAME)
            if not qsettings.allKeys():
                _copy_keys(QSettings(OLD_APP_NAME, OLD_APP_NAME), qsettings)
        self.q = qsettings

    @property
    def device(self) -> str:
        value = str(self.q.value("model/device", "auto"))
        return value if value in DEVICES else "auto"

    @device.setter
    def device(self, value: str) -> None:
        self.q.setValue("model/device", value)

    @property
    def model_dir(self) -> Path:
        """The student model to load; pointing it at another variant directory gives an A/B test."""
        value = self.q.value("model/dir", "")
        return Path(str(value)) if value else default_model_dir()

    @model_dir.setter
    def model_dir(self, value: Path | None) -> None:
        self.q.setValue("model/dir", str(value) if value else "")

    @property
    def export_dir(self) -> Path | None:
        value = self.q.value("export/dir", "")
        return Path(str(value)) if value else None

    @export_dir.setter
    def export_dir(self, value: Path | None) -> None:
        self.q.setValue("export/dir", str(value) if value else "")

    @property
    def open_folder_after_export(self) -> bool:
        return str(self.q.value("export/open_folder", "true")).lower() == "true"

    @open_folder_after_export.setter
    def open_folder_after_export(self, value: bool) -> None:
        self.q.setValue("export/open_folder", "true" if value else "false")

    @property
    def recent_files(self) -> list[Path]:
        value = self.q.value("recent/files", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [Path(str(v)) for v in value or []]

    def add_recent(self, path: Path) -> None:
        path = path.resolve()
        files = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        self.q.setValue("recent/files", [str(p) for p in files])

    def last_folder(self, kind: str) -> str:
        """The folder a ``kind`` ("media", "project") file was last chosen in; "" before the first."""
        return str(self.q.value(f"folders/{kind}", ""))

    def set_last_folder(self, kind: str, chosen: str | Path) -> None:
        self.q.setValue(f"folders/{kind}", str(Path(chosen).parent))

    def sync(self) -> None:
        self.q.sync()
