"""The filter gallery: one thumbnail per preset, under its family's name, with a search box.

The user's own LUTs (``editor.user_luts``, imported through Filter › Import LUT…) come
last, under "My LUTs", and work like any preset: a tile with the current frame through
it, and the Intensity slider.

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
from editor.schema import is_user_lut
from editor.user_luts import library_names

THUMB_SIZE = QSize(88, 55)
_CELL = QSize(THUMB_SIZE.width() + 8, THUMB_SIZE.height() + 28)
_HEADER_HEIGHT = 24
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
USER_FAMILY = "My LUTs"


def family(name: str) -> str:
    if is_user_lut(name):
        return USER_FAMILY
    return FAMILIES.get(name.split("_", 1)[0], _OTHER)


def family_names() -> list[str]:
    names = list(dict.fromkeys(FAMILIES.values()))
    if any(family(name) == _OTHER for name in preset_names()):
        names.append(_OTHER)
    return names


def _words(name: str) -> str:
    """What the search looks in: a preset's name, family and description, a LUT's file name."""
    if is_user_lut(name):
        return f"{name} {USER_FAMILY}"
    return f"{preset_label(name)} {family(name)} {preset_description(name)}"


def _blank_icon() -> QIcon:
    pixmap = QPixmap(THUMB_SIZE)
    pixmap.fill(QColor("#2b2d31"))
    return QIcon(pixmap)


class _GroupedList(QListWidget):
    """Thumbnails flowing left to right; a family's header item spans the whole width,
    so that each family starts on a row of its own under its name."""

    def __init__(self) -> None:
        super().__init__()
        self.setViewMode(QListWidget.IconMode)
        self.setIconSize(THUMB_SIZE)
        self.setResizeMode(QListWidget.Adjust)
        self.setMovement(QListWidget.Static)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.headers: dict[str, QListWidgetItem] = {}

    def add_header(self, title: str) -> None:
        item = QListWidgetItem(title)
        item.setFlags(Qt.NoItemFlags)
        item.setData(Qt.TextAlignmentRole, int(Qt.AlignLeft | Qt.AlignVCenter))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        self.addItem(item)
        self.headers[title] = item
        self._size_headers()

    def _size_headers(self) -> None:
        width = self.viewport().width() - 2 * self.spacing() - 1
        for item in self.headers.values():
            item.setSizeHint(QSize(max(_CELL.width(), width), _HEADER_HEIGHT))

    def resizeEvent(self, event) -> None:
        self._size_headers()
        super().resizeEvent(event)


class FilterGallery(QWidget):
    """``chosen(name)`` when a filter is clicked (``""``: no filter)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText="Search filters")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Show only the filters whose name or description has these words")
        self.families = QComboBox()
        self.families.addItems([ALL_FAMILIES, *family_names(), USER_FAMILY])
        self.families.setToolTip("Show one family of filters")
        self.list = _GroupedList()
        self.items: dict[str, QListWidgetItem] = {}
        self._add("", _blank_icon(), "None", "No filter")
        thumbs = filters_dir() / "thumbs"
        for group in family_names():
            self.list.add_header(group)
            for name in (n for n in preset_names() if family(n) == group):
                path = thumbs / f"{name}.png"
                icon = QIcon(str(path)) if path.is_file() else _blank_icon()
                tip = f"{preset_label(name)} ({group}): {preset_description(name)}"
                self._add(name, icon, name.split("_", 1)[-1], tip)
        self.list.add_header(USER_FAMILY)
        for name in library_names():
            self.add_user_lut(name)
        self._filter()
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
        item.setSizeHint(_CELL)
        self.list.addItem(item)
        self.items[name] = item

    def add_user_lut(self, name: str) -> None:
        """A tile for a LUT in the user's library (once); it shows the frame once rendered."""
        if name not in self.items:
            self._add(name, _blank_icon(), name.rsplit(".", 1)[0], f"{name} (your LUT, in the LUT library)")
            self._filter()

    @property
    def user_luts(self) -> list[str]:
        return [name for name in self.items if is_user_lut(name)]

    def _filter(self) -> None:
        words = self.search.text().lower().split()
        chosen = self.families.currentText()
        for name, item in self.items.items():
            if not name:
                item.setHidden(bool(words) or chosen != ALL_FAMILIES)
                continue
            haystack = _words(name).lower()
            shown = all(word in haystack for word in words) and chosen in (ALL_FAMILIES, family(name))
            item.setHidden(not shown)
        for group, header in self.list.headers.items():
            header.setHidden(all(self.items[n].isHidden() for n in self.items if n and family(n) == group))

    def select(self, name: str) -> None:
        blocked = self.list.blockSignals(True)
        self.list.setCurrentItem(self.items.get(name))
        self.list.blockSignals(blocked)

    def set_thumbnail(self, name: str, image: QImage) -> None:
        item = self.items.get(name)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))
