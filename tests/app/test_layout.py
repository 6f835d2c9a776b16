"""A stable layout: the picture keeps its size whatever the explanation says, the window
fits the screen it opens on (at 200% scaling too), and it never gets so small that the
controls cover the picture."""

import os
import subprocess
import sys
import textwrap

import pytest

from editor.app.workers import PromptAnswer
from editor.model import Suggestion
from editor.samples import sample_photo
from editor.schema import FilterChoice, Look, describe

SHORT = Look(adjust={"temperature": 30})
LONG = Look(
    adjust={"exposure": 20, "contrast": 30, "saturation": -20, "temperature": 30, "tint": 5, "hue": 10},
    selective_adjust={"red": {"saturation": 40}, "blue": {"hue": 20}},
    filter=FilterChoice("film_Velvia", 60),
)


def test_the_picture_keeps_its_size_after_prompts(window, qtbot, monkeypatch):
    answers = {"short": SHORT, "long": LONG}

    def suggest(intent, model_dir, device, refine=False):
        look = answers[intent]
        answer = Suggestion(look, describe(look), {"mode": "new"}, ["a note"], 3.0, "new")
        window.model.suggested.emit(PromptAnswer(intent, answer, refine, "scripted-model"))

    monkeypatch.setattr(window.model, "suggest", suggest)
    assert window.open_media(sample_photo())
    qtbot.wait(50)
    sizes = [window.preview.size()]
    for intent in ("short", "long", "short", "reset"):
        window.prompt.setText(intent)
        window.submit_prompt()
        qtbot.wait(50)
        sizes.append(window.preview.size())
    assert len(set((s.width(), s.height()) for s in sizes)) == 1


def test_the_window_never_gets_small_enough_to_overlap(window, qtbot):
    window.resize(100, 100)
    qtbot.wait(100)
    assert window.width() >= 860 and window.height() >= 480

    def top(widget):
        return widget.mapTo(window, widget.rect().topLeft()).y()

    preview, transport, panel = window.preview, window.transport, window.prompt_panel
    assert top(preview) + preview.height() <= top(transport)
    assert top(transport) + transport.height() <= top(panel)
    assert top(panel) + panel.height() <= top(window.statusBar())
    assert preview.height() >= 180


def test_the_window_fits_the_screen_it_opens_on(window):
    window.fit_to_screen()
    assert window.screen().availableGeometry().contains(window.frameGeometry())


@pytest.mark.parametrize("scale", ["1", "2"])
def test_at_200_percent_the_window_still_fits(scale, tmp_path):
    script = textwrap.dedent(
        """
        from PySide6.QtGui import QSurfaceFormat
        from PySide6.QtWidgets import QApplication
        from editor.app.preview import gl_surface_format
        from editor.app.window import MainWindow
        QSurfaceFormat.setDefaultFormat(gl_surface_format())
        app = QApplication([])
        window = MainWindow()
        window.fit_to_screen()
        window.show()
        app.processEvents()
        available, frame = window.screen().availableGeometry(), window.frameGeometry()
        print(available.contains(frame), frame.width(), frame.height(), available.width(), available.height())
        """
    )
    env = dict(os.environ, QT_SCALE_FACTOR=scale, MOODGRADE_DATA_DIR=str(tmp_path))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    fits, width, height, screen_w, screen_h = out.stdout.split()[-5:]
    assert fits == "True", out.stdout + out.stderr
    assert int(screen_w) <= 1920 // int(scale) and int(width) >= 860 and int(height) >= 480
