"""The window's icon, and the desktop entry it names for Wayland compositors."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from editor.commands.desktop import APP_ID, ICON_SIZES


def test_the_window_has_moodgrades_icon_in_every_size(window):
    assert set(window.windowIcon().availableSizes()) == {QSize(s, s) for s in ICON_SIZES}
    assert QGuiApplication.desktopFileName() == APP_ID
