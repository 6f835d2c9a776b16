"""A dark theme, as video editors conventionally use, so the picture stands out."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#4f9cf7"
USER_MARK = "#f0b44c"

STYLE = f"""
QWidget {{ font-size: 12px; }}
QMainWindow, QDialog {{ background: #1e1f22; }}
QStatusBar {{ background: #17181a; color: #b8bcc4; }}
QStatusBar[error="true"] {{ color: #ff7b72; }}
QLineEdit, QSpinBox, QComboBox {{
    background: #2b2d31; border: 1px solid #3a3d42; border-radius: 4px; padding: 4px 6px; color: #e6e6e6;
}}
QLineEdit:focus {{ border-color: {ACCENT}; }}
QLineEdit#prompt {{ font-size: 14px; padding: 7px 10px; }}
QPushButton, QToolButton {{
    background: #2f3136; border: 1px solid #3d4046; border-radius: 4px; padding: 4px 10px; color: #e6e6e6;
}}
QPushButton:hover, QToolButton:hover {{ background: #383b41; }}
QPushButton:checked, QToolButton:checked {{ background: {ACCENT}; border-color: {ACCENT}; color: #101114; }}
QPushButton#primary {{ background: {ACCENT}; border-color: {ACCENT}; color: #101114; font-weight: 600; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{
    background: transparent; color: #9aa0aa; padding: 6px 10px; border-bottom: 2px solid transparent;
}}
QTabBar::tab:selected {{ color: #ffffff; border-bottom: 2px solid {ACCENT}; }}
QSlider::groove:horizontal {{ height: 4px; background: #3a3d42; border-radius: 2px; }}
QSlider::handle:horizontal {{ background: #d8dbe0; width: 12px; margin: -5px 0; border-radius: 6px; }}
QSlider::sub-page:horizontal {{ background: #5a5f68; border-radius: 2px; }}
QLabel#paramName[touched="true"] {{ color: {USER_MARK}; font-weight: 600; }}
QLabel#paramValue {{ color: #c9ccd2; font-family: monospace; }}
QLineEdit#paramValue {{
    color: #c9ccd2; font-family: monospace; background: transparent;
    border: 1px solid transparent; padding: 0 3px;
}}
QLineEdit#paramValue:hover {{ border-color: #3a3d42; }}
QLineEdit#paramValue:focus {{ background: #2b2d31; border-color: {ACCENT}; }}
QLineEdit#paramValue[touched="true"] {{ color: {USER_MARK}; }}
QPushButton#sectionReset {{ padding: 1px 8px; color: #aeb4bd; }}
QSlider:focus {{ background: #26303c; border-radius: 3px; }}
QLabel#dropping {{ color: #101114; background: {USER_MARK}; border-radius: 3px; padding: 1px 6px; }}
QLabel#compareLabel {{
    color: #ffffff; background: rgba(0, 0, 0, 150); border-radius: 3px; padding: 2px 7px; font-weight: 600;
}}
QWidget#compareDivider {{
    background: qlineargradient(x1: 0, x2: 1, stop: 0 transparent, stop: 0.39 transparent,
        stop: 0.4 #ffffff, stop: 0.6 #ffffff, stop: 0.61 transparent, stop: 1 transparent);
}}
QLabel#explanation {{ color: #aeb4bd; }}
QLabel#explanation[notice="true"] {{ color: {USER_MARK}; }}
QLabel#section {{ color: #8b919b; font-weight: 600; text-transform: uppercase; }}
QListWidget {{ background: #1e1f22; border: none; color: #d0d3d8; }}
QListWidget::item {{ border: 2px solid transparent; border-radius: 4px; }}
QListWidget::item:selected {{
    background: {ACCENT}; color: #101114; font-weight: 600; border-color: #ffffff;
}}
QScrollArea {{ border: none; }}
QProgressBar {{ border: 1px solid #3a3d42; border-radius: 4px; text-align: center; color: #e6e6e6; }}
QProgressBar::chunk {{ background: {ACCENT}; }}
QSplitter::handle {{ background: #111214; }}
"""


def apply_dark_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, color in (
        (QPalette.Window, "#1e1f22"),
        (QPalette.WindowText, "#e6e6e6"),
        (QPalette.Base, "#2b2d31"),
        (QPalette.AlternateBase, "#26282c"),
        (QPalette.Text, "#e6e6e6"),
        (QPalette.Button, "#2f3136"),
        (QPalette.ButtonText, "#e6e6e6"),
        (QPalette.Highlight, ACCENT),
        (QPalette.HighlightedText, "#101114"),
        (QPalette.ToolTipBase, "#2b2d31"),
        (QPalette.ToolTipText, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(color))
    app.setPalette(palette)
    app.setStyleSheet(STYLE)
