"""Help: a searchable shortcut sheet generated from the actions, an About box with the
version, the model card and the licenses, and a tooltip on every control."""

import json

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
)

import editor
from editor.app.help import AboutBox, menu_actions, shortcut_text
from editor.samples import sample_video

#: Their buttons (a tab bar's scroll arrows, a search box's clear button) are part of them.
_PARTS_OF_CONTROLS = (QTabBar, QComboBox, QLineEdit)


def test_the_shortcut_sheet_lists_every_action(window, qtbot):
    sheet = window.show_shortcuts()
    qtbot.addWidget(sheet)
    shown = sheet.shown_rows()
    bar = window.menuBar()
    actions = [(a.text().replace("&", ""), shortcut_text(a), menu) for menu, a in menu_actions(bar)]
    assert len(actions) > 25 and set(actions) <= set(shown)
    keys = {row[1] for row in shown}
    assert {"Space", "J", "K", "L", "\\", "Ctrl+E", "Ctrl+Z", "Ctrl+L", "Ctrl+/"} <= keys
    for menu in ("File", "Edit", "View", "Playback", "Help"):
        assert any(row[2] == menu for row in shown)
    assert ("Nudge the value by 10", "Shift+Left / Shift+Right", "Slider") in shown

    qtbot.keyClicks(sheet.search, "loop")
    assert [row[:2] for row in sheet.shown_rows()] == [("Loop Playback", "Ctrl+L")]
    sheet.search.setText("ctrl+e")
    assert [row[0] for row in sheet.shown_rows()] == ["Export\u2026"]
    sheet.search.clear()
    assert len(sheet.shown_rows()) == len(shown)


def test_about_names_the_version_the_model_and_the_licenses(window, qtbot):
    about = AboutBox(window.settings.model_dir, window)
    qtbot.addWidget(about)
    texts = " ".join(label.text() for label in (about.findChildren(type(about.model))))
    assert f"moodgrade {editor.__version__}" in texts
    # The card's status paragraph, with the shipped model's own test score.
    overall = json.loads((window.settings.model_dir / "scores.json").read_text())["test"]["overall"]
    assert "Status" in about.model.text() and f"{overall:.2f}" in about.model.text()
    for part, license_ in (("PySide6", "LGPL"), ("moderngl", "MIT"), ("av", "BSD"), ("ctranslate2", "MIT")):
        assert part in about.licenses.text() and license_ in about.licenses.text()
    assert "FFmpeg" in about.licenses.text()


def test_every_control_has_a_tooltip_in_plain_words(window, qtbot):
    assert window.open_media(sample_video())
    missing = []
    for kind in (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit):
        for widget in window.centralWidget().findChildren(kind):
            if isinstance(widget, QScrollBar) or isinstance(widget.parent(), _PARTS_OF_CONTROLS):
                continue
            if not widget.toolTip():
                missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert missing == []
    tabs = window.tools.tabs
    assert all(tabs.tabToolTip(i) for i in range(tabs.count()))
