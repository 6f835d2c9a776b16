"""The Help menu: a searchable sheet of every keyboard shortcut, and the About box.

The sheet is generated from the window's menu actions, so it lists exactly the keys the
menus have; the few keys that only work inside one control are listed after them. The
About box reads the version, the model card of the model in use, and each bundled
part's license from the installed packages' own metadata.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

import editor

#: Keys that belong to one control rather than to a menu: (where, what, key).
IN_CONTROLS = (
    ("Prompt box", "Apply the look", "Enter"),
    ("Prompt box", "Earlier / later requests", "Up / Down"),
    ("Prompt box", "Back to the picture", "Esc"),
    ("Slider", "Nudge the value by 1", "Left / Right"),
    ("Slider", "Nudge the value by 10", "Shift+Left / Shift+Right"),
    ("Slider", "Back to neutral", "Double-click"),
)
_DISTRIBUTION = "moodgrade"


def _plain(text: str) -> str:
    return text.replace("&", "")


def menu_actions(bar: QMenuBar) -> list[tuple[str, QAction]]:
    """(menu title, action) for every action in the menus, submenus' own entries excluded."""
    found = []
    for top in bar.actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                found.append((_plain(top.text()), action))
    return found


def shortcut_text(action: QAction) -> str:
    return ", ".join(key.toString(QKeySequence.NativeText) for key in action.shortcuts())


class ShortcutSheet(QDialog):
    def __init__(self, bar: QMenuBar, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(560, 520)
        rows = [(_plain(a.text()), shortcut_text(a), menu) for menu, a in menu_actions(bar)]
        rows += [(what, key, where) for where, what, key in IN_CONTROLS]
        self.search = QLineEdit(placeholderText="Search shortcuts (a word or a key)")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show only the shortcuts whose action, key or menu has these words")
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut", "Where"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(1)
        self.search.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.table.rowCount()):
            haystack = " ".join(self.table.item(row, c).text() for c in range(3)).lower()
            self.table.setRowHidden(row, not all(word in haystack for word in words))

    def shown_rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(row, c).text() for c in range(3))
            for row in range(self.table.rowCount())
            if not self.table.isRowHidden(row)
        ]


def model_summary(model_dir: Path) -> str:
    """The model card's status paragraph (Markdown), or a plain note when there is no card."""
    card = Path(model_dir) / "MODEL_CARD.md"
    if not card.is_file():
        return f"No model card in {model_dir}."
    paragraphs = [p.strip() for p in card.read_text(encoding="utf-8").split("\n\n")]
    status = next((p for p in paragraphs if p.startswith("**Status")), None)
    return status or next((p for p in paragraphs if p and not p.startswith("#")), "")


def bundled_licenses() -> list[tuple[str, str, str]]:
    """(part, version, license) of each package the app runs on, from its installed metadata."""
    parts = []
    for requirement in metadata.requires(_DISTRIBUTION) or []:
        if "extra ==" in requirement:
            continue
        name = re.split(r"[ <>=!~;\[]", requirement, maxsplit=1)[0]
        try:
            info = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        license_ = info.get("License-Expression") or info.get("License") or ""
        if not license_ or len(license_) > 80:
            classifiers = info.get_all("Classifier") or []
            named = [c.split(" :: ")[-1] for c in classifiers if c.startswith("License")]
            license_ = ", ".join(named) or "see the package"
        parts.append((info["Name"], info["Version"], license_))
    import av

    parts.append((
        "FFmpeg (inside PyAV)", av.ffmpeg_version_info,
        "LGPL-2.1-or-later; its bundled x264 and x265 encoders GPL-2.0-or-later",
    ))
    return parts


class AboutBox(QDialog):
    def __init__(self, model_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About moodgrade")
        self.setMinimumWidth(560)
        title = QLabel(
            f"<h2>moodgrade {editor.__version__}</h2><p>A plain-language color grade for your videos "
            "and photos. Everything runs on this computer; nothing is sent anywhere.</p>"
        )
        title.setWordWrap(True)
        self.model = QLabel(f"**The look model** ({Path(model_dir).name}): " + model_summary(model_dir))
        self.model.setTextFormat(Qt.MarkdownText)
        self.model.setWordWrap(True)
        rows = "".join(f"<tr><td>{n}</td><td>{v}</td><td>{lic}</td></tr>" for n, v, lic in bundled_licenses())
        self.licenses = QLabel(f"<b>Bundled parts and their licenses</b><table cellspacing=4>{rows}</table>")
        self.licenses.setWordWrap(True)
        self.licenses.setTextInteractionFlags(Qt.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.model, self.licenses):
            layout.addWidget(widget)
        layout.addWidget(buttons)
