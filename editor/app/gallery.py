"""The filter gallery: one thumbnail per preset, by family, with a search box.

The families are how a creator looks for a filter (Film, Black & White, Cinematic, ...);
each preset's family follows from its name's prefix (``film_Portra``: Film). The search
matches the display name, the family and the description.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.filters import filters_dir, preset_description, preset_label, preset_names

THUMB_SIZE = QSize(88, 55)
ALL_FAMILIES = "All families"
#: Preset-name prefix -> family, in the order the families are listed.
FAMILIES = {
    "film": "Film", "faded": "Film", "crossprocess": "Film", "bleach": "Film",
    "bw": "Black & White", "noir": "Black & White", "sepia": "Black & White",
    "cinematic": "Cinematic", "dramatic": "Cinematic", "horror": "Cinematic", "neon": "Cinematic",
    "vintage": "Vintage", "retro": "Vintage",
    "warm": "Warm & Cool", "cool": "Warm & Cool",
    "moody": "Mood", "dreamy": "Mood", "pastel": "Mood", "vivid": "Mood",
}
_OTHER = "Other"


def family(name: str) -> str:
    return FAMILIES.get(name.split("_", 1)[0], _OTHER)


def family_names() -> list[str]:
    names = list(dict.fromkeys(FAMILIES.values()))
    if any(family(name) == _OTHER for name in preset_names()):
        names.append(_OTHER)
    return names


def _blank_icon() -> QIcon:
    pixmap = QPixmap(THUMB_SIZE)
    pixmap.fill(QColor("#2b2d31"))
    return QIcon(pixmap)


class FilterGallery(QWidget):
    """``chosen(name)`` when a filter is clicked (``""``: no filter)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Search filters")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show only the filters whose name or description has these words")
        self.families = QComboBox()
        self.families.addItems([ALL_FAMILIES, *family_names()])
        self.families.setToolTip("Show one family of filters")
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.IconMode)
        self.list.setIconSize(THUMB_SIZE)
        self.list.setGridSize(QSize(THUMB_SIZE.width() + 8, THUMB_SIZE.height() + 28))
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setMovement(QListWidget.Static)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.items: dict[str, QListWidgetItem] = {}
        self._add("", _blank_icon(), "None", "No filter")
        thumbs = filters_dir() / "thumbs"
        order = {name: index for index, name in enumerate(family_names())}
        for name in sorted(preset_names(), key=lambda n: order[family(n)]):
            path = thumbs / f"{name}.png"
            icon = QIcon(str(path)) if path.is_file() else _blank_icon()
            tip = f"{preset_label(name)} ({family(name)}): {preset_description(name)}"
            self._add(name, icon, name.split("_", 1)[-1], tip)
        self.list.itemClicked.connect(lambda item: self.chosen.emit(item.data(Qt.UserRole)))
        self.search.textChanged.connect(self._filter)
        self.families.currentIndexChanged.connect(self._filter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.families)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)

    def _add(self, name: str, icon: QIcon, text: str, tip: str) -> None:
        item = QListWidgetItem(icon, text)
        item.setData(Qt.UserRole, name)
        item.setToolTip(tip)
        self.list.addItem(item)
        self.items[name] = item

    def _filter(self) -> None:
        words = self.search.text().lower().split()
        chosen = self.families.currentText()
        for name, item in self.items.items():
            if not name:
                item.setHidden(bool(words) or chosen != ALL_FAMILIES)
                continue
            haystack = f"{preset_label(name)} {family(name)} {preset_description(name)}".lower()
            shown = all(word in haystack for word in words) and chosen in (ALL_FAMILIES, family(name))
            item.setHidden(not shown)

    def select(self, name: str) -> None:
        blocked = self.list.blockSignals(True)
        self.list.setCurrentItem(self.items.get(name))
        self.list.blockSignals(blocked)

    def set_thumbnail(self, name: str, image: QImage) -> None:
        item = self.items.get(name)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))
