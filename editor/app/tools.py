"""The tools panel, generated from the schema tables.

Every slider comes from a ``ParamSpec`` in ``editor.schema`` (``ADJUST_PARAMS``,
``COLOR_RANGES`` x ``SELECTIVE_PARAMS``, ``FILTER_INTENSITY``) and the filter gallery
from ``editor.filters.preset_names``; nothing here lists a parameter by hand. Values the
user set by hand (the project's overrides) are marked. Each tab has its own Reset,
which puts that section's values back to neutral in one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.project import STRENGTH_RANGE, EditState, look_value
from editor.schema import (
    ADJUST_PARAMS,
    COLOR_RANGE_SPECS,
    COLOR_RANGES,
    FILTER_INTENSITY,
    FILTER_INTENSITY_KEY,
    FILTER_NAME_KEY,
    SELECTIVE_PARAMS,
    ParamKey,
    ParamSpec,
)

from .gallery import FilterGallery
from .sliders import ParamSlider

STRENGTH_KEY = "strength"


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class ToolsPanel(QWidget):
    """Adjust, Selective Adjust and Filter, plus overall strength and Reset All.

    ``section_reset(title, values)`` asks for ``values`` (key -> neutral value) as one step.
    """

    value_edited = Signal(str, object, object)
    strength_edited = Signal(int, object)
    section_reset = Signal(str, object)
    reset_all = Signal()
    gallery_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(340)
        self.sliders: dict[ParamKey, ParamSlider] = {}
        self.color = COLOR_RANGES[0]
        self._state: EditState | None = None

        low, high = STRENGTH_RANGE
        strength_spec = ParamSpec(
            STRENGTH_KEY, "Strength", "a stronger look", "a weaker look", low, high, 100
        )
        self.strength = ParamSlider(STRENGTH_KEY, strength_spec, "Overall strength %")
        self.strength.edited.connect(lambda _k, v, merge: self.strength_edited.emit(v, merge))
        self.reset_button = QPushButton("Reset All")
        self.reset_button.setToolTip("Remove the AI look and every manual change (Ctrl+Z brings them back).")
        self.reset_button.clicked.connect(self.reset_all.emit)

        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._adjust_page()), "Adjust")
        self.tabs.addTab(_scrolling(self._selective_page()), "Selective")
        self.tabs.addTab(self._filter_page(), "Filter")
        self.tabs.setTabToolTip(0, "Light, color and detail of the whole picture")
        self.tabs.setTabToolTip(1, "Change one range of colors only")
        self.tabs.setTabToolTip(2, "Ready-made looks, mixed in by Intensity")
        self.tabs.currentChanged.connect(self._tab_changed)

        top = QHBoxLayout()
        top.addWidget(self.strength, 1)
        top.addWidget(self.reset_button, 0, Qt.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # -- pages ---------------------------------------------------------------------

    def _add_slider(self, layout: QVBoxLayout, key: ParamKey, spec: ParamSpec) -> ParamSlider:
        slider = ParamSlider(key, spec)
        slider.edited.connect(self.value_edited.emit)
        self.sliders[key] = slider
        layout.addWidget(slider)
        return slider

    def _header(self, layout: QVBoxLayout, tip: str, reset) -> tuple[QLabel, QPushButton]:
        title = QLabel(objectName="section")
        button = QPushButton("Reset", objectName="sectionReset")
        button.setToolTip(tip)
        button.clicked.connect(reset)
        row = QHBoxLayout()
        row.addWidget(title, 1)
        row.addWidget(button)
        layout.addLayout(row)
        return title, button

    def _reset(self, title: str, keys) -> None:
        self.section_reset.emit(title, {key: self.sliders[key].spec.default for key in keys})

    def _adjust_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 8, 6)
        keys = [ParamKey("adjust", spec.name) for spec in ADJUST_PARAMS]
        title, self.adjust_reset = self._header(
            layout, "Put every Adjust slider back to neutral", lambda: self._reset("Adjust", keys)
        )
        title.setText("Light and color")
        for key, spec in zip(keys, ADJUST_PARAMS, strict=True):
            self._add_slider(layout, key, spec)
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
            button.setToolTip(f"Change the {color} parts of the picture")
            button.setProperty("color", color)
            swatch = COLOR_RANGE_SPECS[color].swatch
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
        self.selective_title, self.selective_reset = self._header(
            layout, "Put this color range's sliders back to neutral", self._reset_range
        )
        for spec in SELECTIVE_PARAMS:
            self._add_slider(layout, ParamKey("selective_adjust", spec.name, self.color), spec)
        layout.addStretch(1)
        self.selective_title.setText(f"{self.color.capitalize()} range")
        return page

    def _reset_range(self) -> None:
        keys = [ParamKey("selective_adjust", spec.name, self.color) for spec in SELECTIVE_PARAMS]
        self._reset(f"{self.color} range", keys)

    def _filter_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 6)
        title, self.filter_reset = self._header(
            layout, "Remove the filter and reset its intensity", self._reset_filter
        )
        title.setText("Filter")
        self._add_slider(layout, FILTER_INTENSITY_KEY, FILTER_INTENSITY)
        self.filter_gallery = FilterGallery()
        self.gallery, self.gallery_items = self.filter_gallery.list, self.filter_gallery.items
        self.filter_gallery.chosen.connect(self._filter_chosen)
        layout.addWidget(self.filter_gallery, 1)
        return page

    def _filter_chosen(self, name: str) -> None:
        self.value_edited.emit(FILTER_NAME_KEY, name or None, None)

    def _reset_filter(self) -> None:
        values = {FILTER_NAME_KEY: None, FILTER_INTENSITY_KEY: FILTER_INTENSITY.default}
        self.section_reset.emit("filter", values)

    # -- state -----------------------------------------------------------------------

    def select_color(self, color: str) -> None:
        self.color = color
        for spec in SELECTIVE_PARAMS:
            old = next(k for k in self.sliders if k.tool == "selective_adjust" and k.name == spec.name)
            slider = self.sliders.pop(old)
            slider.key = ParamKey("selective_adjust", spec.name, color)
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
        self.filter_gallery.select(look_value(values, FILTER_NAME_KEY) or "")

    def set_thumbnail(self, name: str, image: QImage) -> None:
        self.filter_gallery.set_thumbnail(name, image)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index).isAncestorOf(self.gallery):
            self.gallery_shown.emit()

    @property
    def gallery_visible(self) -> bool:
        return self.gallery.isVisible()
