"""The tools panel, generated from the schema tables.

Every slider comes from a ``ParamSpec`` in ``editor.schema`` (``ADJUST_PARAMS``,
``COLOR_RANGES`` x ``SELECTIVE_PARAMS``, ``FILTER_INTENSITY``) and the filter gallery
from ``editor.filters.preset_names``; nothing here lists a parameter by hand. Values the
user set by hand (the project's overrides) are marked.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.filters import filters_dir, preset_description, preset_label, preset_names
from editor.project import FILTER_INTENSITY_KEY, FILTER_NAME_KEY, STRENGTH_RANGE, EditState, look_value
from editor.schema import ADJUST_PARAMS, COLOR_RANGES, FILTER_INTENSITY, SELECTIVE_PARAMS, ParamSpec

log = logging.getLogger(__name__)

THUMB_SIZE = QSize(88, 55)
STRENGTH_KEY = "strength"
_RANGE_SWATCHES = {
    "red": "#e5484d", "orange": "#f08c2e", "yellow": "#e9c530",
    "green": "#46a758", "cyan": "#3cb7c8", "blue": "#3e63dd",
}
_drag_ids = itertools.count(1)


class _Slider(QSlider):
    double_clicked = Signal()

    def mouseDoubleClickEvent(self, event) -> None:
        self.double_clicked.emit()
        event.accept()


class ParamSlider(QWidget):
    """A labelled slider for one parameter; emits ``edited(key, value, merge_key)``.

    All changes made during one drag share a merge key so that they form one undo step;
    a double-click resets to the spec's neutral value.
    """

    edited = Signal(str, int, object)

    def __init__(self, key: str, spec: ParamSpec, label: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.spec = spec
        self._drag: int | None = None
        self.name = QLabel(label or spec.label, objectName="paramName")
        self.value_label = QLabel(objectName="paramValue")
        self.value_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.value_label.setMinimumWidth(36)
        self.slider = _Slider(Qt.Horizontal)
        self.slider.setRange(spec.minimum, spec.maximum)
        self.slider.setValue(spec.default)
        self.slider.setPageStep(10)
        self.slider.setToolTip(f"{spec.label}: {spec.lower_words} \u2190 \u2192 {spec.raise_words}. Double-click resets.")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setVerticalSpacing(1)
        layout.addWidget(self.name, 0, 0)
        layout.addWidget(self.value_label, 0, 1)
        layout.addWidget(self.slider, 1, 0, 1, 2)
        self._show(spec.default, False)
        self.slider.sliderPressed.connect(self._start_drag)
        self.slider.sliderReleased.connect(self._end_drag)
        self.slider.valueChanged.connect(self._changed)
        self.slider.double_clicked.connect(lambda: self.edited.emit(self.key, self.spec.default, None))

    def _start_drag(self) -> None:
        self._drag = next(_drag_ids)

    def _end_drag(self) -> None:
        self._drag = None

    def _changed(self, value: int) -> None:
        self.value_label.setText(f"{value:+d}" if self.spec.minimum < 0 else str(value))
        merge = (self.key, self._drag) if self._drag is not None else None
        self.edited.emit(self.key, value, merge)

    def _show(self, value: int, touched: bool) -> None:
        self.value_label.setText(f"{value:+d}" if self.spec.minimum < 0 else str(value))
        for widget in (self.name, self.value_label):
            if widget.property("touched") != touched:
                widget.setProperty("touched", touched)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def set_value(self, value: int, touched: bool) -> None:
        """Show a value without emitting ``edited``."""
        blocked = self.slider.blockSignals(True)
        self.slider.setValue(int(value))
        self.slider.blockSignals(blocked)
        self._show(int(value), touched)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class ToolsPanel(QWidget):
    """Adjust, Selective Adjust and Filter, plus overall strength and Reset All."""

    value_edited = Signal(str, object, object)
    strength_edited = Signal(int, object)
    reset_all = Signal()
    gallery_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(340)
        self.sliders: dict[str, ParamSlider] = {}
        self.color = COLOR_RANGES[0]
        self._state: EditState | None = None

        strength_spec = ParamSpec(
            STRENGTH_KEY, "Strength", "stronger look", "weaker look", STRENGTH_RANGE[0], STRENGTH_RANGE[1], 100
        )
        self.strength = ParamSlider(STRENGTH_KEY, strength_spec, "Overall strength %")
        self.strength.edited.connect(lambda _k, v, merge: self.strength_edited.emit(v, merge))
        self.reset_button = QPushButton("Reset All")
        self.reset_button.setToolTip("Remove the AI look and every manual change (undoable).")
        self.reset_button.clicked.connect(self.reset_all.emit)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._adjust_page()), "Adjust")
        self.tabs.addTab(_scrolling(self._selective_page()), "Selective")
        self.tabs.addTab(self._filter_page(), "Filter")
        self.tabs.currentChanged.connect(self._tab_changed)

        top = QHBoxLayout()
        top.addWidget(self.strength, 1)
        top.addWidget(self.reset_button, 0, Qt.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # -- pages ---------------------------------------------------------------------

    def _add_slider(self, layout: QVBoxLayout, key: str, spec: ParamSpec) -> ParamSlider:
        slider = ParamSlider(key, spec)
        slider.edited.connect(self.value_edited.emit)
        self.sliders[key] = slider
        layout.addWidget(slider)
        return slider

    def _adjust_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 8, 6)
        for spec in ADJUST_PARAMS:
            self._add_slider(layout, f"adjust.{spec.name}", spec)
        layout.addStretch(1)
        return page

    def _selective_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 8, 6)
        layout.addWidget(QLabel("Color range", objectName="section"))
        row = QHBoxLayout()
        self.color_group = QButtonGroup(self)
        self.color_group.setExclusive(True)
        for color in COLOR_RANGES:
            button = QPushButton()
            button.setCheckable(True)
            button.setFixedSize(30, 22)
            button.setToolTip(color.capitalize())
            button.setProperty("color", color)
            swatch = _RANGE_SWATCHES.get(color, "#888888")
            button.setStyleSheet(
                f"QPushButton {{ background: {swatch}; border: 2px solid #1e1f22; border-radius: 4px; }}"
                f"QPushButton:checked {{ border: 2px solid #ffffff; }}"
            )
            self.color_group.addButton(button)
            row.addWidget(button)
            button.setChecked(color == self.color)
        row.addStretch(1)
        layout.addLayout(row)
        self.color_group.buttonClicked.connect(lambda b: self.select_color(b.property("color")))
        self.selective_title = QLabel(objectName="section")
        layout.addWidget(self.selective_title)
        for spec in SELECTIVE_PARAMS:
            self._add_slider(layout, f"selective_adjust.{self.color}.{spec.name}", spec)
        layout.addStretch(1)
        self.selective_title.setText(f"{self.color.capitalize()} range")
        return page

    def _filter_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 6)
        self._add_slider(layout, FILTER_INTENSITY_KEY, FILTER_INTENSITY)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListWidget.IconMode)
        self.gallery.setIconSize(THUMB_SIZE)
        self.gallery.setGridSize(QSize(THUMB_SIZE.width() + 8, THUMB_SIZE.height() + 28))
        self.gallery.setResizeMode(QListWidget.Adjust)
        self.gallery.setMovement(QListWidget.Static)
        self.gallery.setWordWrap(True)
        self.gallery.setUniformItemSizes(True)
        self.gallery_items: dict[str, QListWidgetItem] = {}
        none = QListWidgetItem(_blank_icon(), "None")
        none.setData(Qt.UserRole, "")
        self.gallery.addItem(none)
        self.gallery_items[""] = none
        thumbs = filters_dir() / "thumbs"
        for name in preset_names():
            path = thumbs / f"{name}.png"
            icon = QIcon(str(path)) if path.is_file() else _blank_icon()
            item = QListWidgetItem(icon, name.split("_", 1)[-1])
            item.setData(Qt.UserRole, name)
            item.setToolTip(f"{preset_label(name)}: {preset_description(name)}")
            self.gallery.addItem(item)
            self.gallery_items[name] = item
        self.gallery.itemClicked.connect(
            lambda item: self.value_edited.emit(FILTER_NAME_KEY, item.data(Qt.UserRole) or None, None)
        )
        layout.addWidget(self.gallery, 1)
        return page

    # -- state -----------------------------------------------------------------------

    def select_color(self, color: str) -> None:
        self.color = color
        for spec in SELECTIVE_PARAMS:
            old = next(k for k in self.sliders if k.startswith("selective_adjust.") and k.endswith(f".{spec.name}"))
            slider = self.sliders.pop(old)
            slider.key = f"selective_adjust.{color}.{spec.name}"
            self.sliders[slider.key] = slider
        for button in self.color_group.buttons():
            button.setChecked(button.property("color") == color)
        self.selective_title.setText(f"{color.capitalize()} range")
        if self._state is not None:
            self.refresh(self._state)

    def refresh(self, state: EditState) -> None:
        """Show ``state``'s values; keys the user set by hand are marked."""
        self._state = state
        overrides = state.override_map
        values = state.base_look()
        for key, slider in self.sliders.items():
            slider.set_value(int(look_value(values, key)), key in overrides)
        self.strength.set_value(state.strength, state.strength != 100)
        name = look_value(values, FILTER_NAME_KEY) or ""
        blocked = self.gallery.blockSignals(True)
        self.gallery.setCurrentItem(self.gallery_items.get(name))
        self.gallery.blockSignals(blocked)

    def set_thumbnail(self, name: str, image: QImage) -> None:
        item = self.gallery_items.get(name)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.gallery.parentWidget():
            self.gallery_shown.emit()

    @property
    def gallery_visible(self) -> bool:
        return self.gallery.isVisible()


def _blank_icon() -> QIcon:
    pixmap = QPixmap(THUMB_SIZE)
    pixmap.fill(QColor("#2b2d31"))
    return QIcon(pixmap)
