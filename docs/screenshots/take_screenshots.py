"""Main-window screenshots for docs/screenshots/, with the shipped model's look applied.

    xvfb-run -a -s "-screen 0 1920x1080x24" python3 docs/screenshots/take_screenshots.py
    QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 1920x1080x24" python3 docs/screenshots/take_screenshots.py

At scale factor 1 it saves the window at 1280x720 and 1920x1080, and at 1280x720 once
more in split view with the filter gallery open (``main_split_gallery_1280x720.png``),
with View › Scopes open (``scopes_1600x900.png``) and with the "My looks" shelf holding a
few kept looks (``my_looks_1280x720.png``); at any other factor it saves the window at
the size it opens with on that screen (``main_scale<F>.png``). Names given on the
command line (``main``, ``split``, ``scopes``, ``looks``) take only those shots.
The settings and data go to a temporary folder, so a user's own are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
os.environ.setdefault("EDITOR_DATA_DIR", tempfile.mkdtemp(prefix="editor-shots-"))

PROMPT = "golden hour"
OUT = Path(__file__).resolve().parent


def _settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def _save(window, name: str) -> None:
    window.grab().save(str(OUT / name))
    print(f"saved {OUT / name}")


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QSurfaceFormat
    from PySide6.QtWidgets import QApplication

    from editor.app.appsettings import AppSettings
    from editor.app.preview import gl_surface_format
    from editor.app.theme import apply_dark_theme
    from editor.app.window import MainWindow
    from editor.samples import sample_video

    QSurfaceFormat.setDefaultFormat(gl_surface_format())
    app = QApplication(sys.argv[:1])
    apply_dark_theme(app)
    ini = Path(os.environ["EDITOR_DATA_DIR"]) / "settings.ini"
    window = MainWindow(AppSettings(QSettings(str(ini), QSettings.IniFormat)))
    window.fit_to_screen()
    window.show()
    _settle(app, 1.0)
    window.open_media(sample_video())
    applied = []
    window.look_applied.connect(applied.append)
    window.prompt.setText(PROMPT)
    window.submit_prompt()
    deadline = time.perf_counter() + 60
    while not applied and time.perf_counter() < deadline:
        app.processEvents()
    window.player.seek(2.0)
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    wanted = set(sys.argv[1:]) or {"main", "split", "scopes", "looks"}
    sizes = [(1280, 720), (1920, 1080)] if scale == "1" else [None]
    for size in sizes if "main" in wanted else []:
        if size is not None:
            window.resize(*size)
        _settle(app, 2.0)
        shot = window.grab()
        name = f"main_{size[0]}x{size[1]}.png" if size else f"main_scale{scale}.png"
        shot.save(str(OUT / name))
        print(f"saved {OUT / name} ({shot.width()}x{shot.height()} px)")
    if scale == "1" and "split" in wanted:
        from editor.app.preview import SPLIT

        window.resize(1280, 720)
        window.set_compare(SPLIT)
        window.tools.tabs.setCurrentIndex(2)
        _settle(app, 3.0)
        name = "main_split_gallery_1280x720.png"
        window.grab().save(str(OUT / name))
        print(f"saved {OUT / name}")
    if scale == "1" and "scopes" in wanted:
        from editor.app.preview import AFTER

        window.set_compare(AFTER)
        window.resize(1600, 900)
        window.scopes.action.trigger()
        window.scopes.panel.wave_mode.setCurrentText("RGB parade")
        # Brighter than the look, so that the warnings have highlights to mark.
        window._on_value_edited("adjust.exposure", 35, None)
        window.scopes.clip_action.trigger()
        _settle(app, 3.0)
        _save(window, "scopes_1600x900.png")
        window.scopes.clip_action.trigger()
        window.scopes.action.trigger()
        window.undo_stack.undo()
    if scale == "1" and "looks" in wanted:
        window.resize(1280, 720)
        window.looks.save_current("Golden hour")
        kept = {
            "Cool morning": {"adjust.temperature": -55, "adjust.exposure": 15},
            "Faded film": {"filter.name": "faded_HighNoon", "adjust.linearOffset": 30},
            "Noir": {"filter.name": "bw_TriX", "adjust.contrast": 40},
        }
        for name, values in kept.items():
            window.reset_all()
            for key, value in values.items():
                window._on_value_edited(key, value, None)
            window.looks.save_current(name)
        window.looks.apply("Golden hour")
        window.tools.tabs.setCurrentWidget(window.looks.shelf)
        _settle(app, 3.0)
        window.looks.shelf.select("Golden hour")
        _settle(app, 1.0)
        _save(window, "my_looks_1280x720.png")
    window.unsaved.saved()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
