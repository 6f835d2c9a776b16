"""The explanation under the prompt box describes the look on screen after every kind of
change, in a creator's words: it equals ``describe`` of the look the preview shows.

The model answers from a script (the real window handlers run on it), as in test_prompt.py.
"""

import pytest

from editor.app.explanation import APPLIED_AS_CHANGE, NO_LOOK
from editor.app.workers import PromptAnswer
from editor.filters import preset_names
from editor.model import Suggestion
from editor.samples import sample_photo, sample_video
from editor.schema import FilterChoice, Look, describe

MOODY = Look(adjust={"exposure": -15, "saturation": -20}, filter=FilterChoice("moody_Forest", 40))
WARMER = Look(adjust={"temperature": 20})
SCRIPT = {"moody forest": (MOODY, "new"), "a bit warmer": (WARMER, "relative")}


@pytest.fixture
def scripted(window, monkeypatch):
    def suggest(intent, model_dir, device, refine=False):
        look, mode = SCRIPT[intent]
        answer = Suggestion(look, describe(look), {"mode": mode}, [], 3.0, mode)
        window.model.suggested.emit(PromptAnswer(intent, answer, refine, "scripted-model"))

    monkeypatch.setattr(window.model, "suggest", suggest)
    assert window.open_media(sample_photo())
    return window


def _prompt(window, text: str) -> None:
    window.prompt.setText(text)
    window.submit_prompt()


def _bullets(look: Look) -> list[str]:
    return [f"\u2022 {line}" for line in describe(look)]


def _shown(window) -> list[str]:
    """The explanation's lines, after checking that no internal preset name shows through."""
    text = window.explanation.text()
    assert not any(name in text for name in preset_names())
    return text.splitlines()


def test_after_a_prompt_and_a_change_it_describes_the_look_on_screen(scripted):
    window = scripted
    _prompt(window, "moody forest")
    assert _shown(window) == _bullets(MOODY) == _bullets(window.state.look())
    assert "Moody Forest (dark, muted greens and earthy tones) at 40% intensity" in window.explanation.text()

    _prompt(window, "a bit warmer")
    on_screen = window.state.look()
    assert on_screen.adjust_value("temperature") == 20 and on_screen.adjust_value("exposure") == -15
    assert _shown(window) == [APPLIED_AS_CHANGE] + _bullets(on_screen)


def test_a_slider_the_user_kept_is_what_it_says(scripted):
    window = scripted
    window.tools.sliders["adjust.exposure"].slider.setValue(34)
    assert _shown(window) == _bullets(window.state.look())
    _prompt(window, "moody forest")
    on_screen = window.state.look()
    assert on_screen.adjust_value("exposure") == 34
    assert _shown(window) == _bullets(on_screen)
    assert "(exposure +34)" in window.explanation.text() and "-15" not in window.explanation.text()


def test_slider_filter_strength_reset_and_undo_each_update_it(scripted, qtbot):
    window = scripted
    _prompt(window, "moody forest")
    window.tools.sliders["adjust.contrast"].slider.setValue(40)
    assert "(contrast +40)" in window.explanation.text()
    assert _shown(window) == _bullets(window.state.look())

    window.tools.tabs.setCurrentIndex(2)
    window.tools.gallery.itemClicked.emit(window.tools.gallery_items["film_Velvia"])
    assert "Film Velvia" in window.explanation.text()
    assert _shown(window) == _bullets(window.state.look())

    window.tools.strength.slider.setValue(50)
    assert "at 20% intensity" in window.explanation.text()
    assert _shown(window) == _bullets(window.state.look())

    window.tools.reset_button.click()
    assert _shown(window) == [NO_LOOK]
    window.undo_stack.undo()
    assert _shown(window) == _bullets(window.state.look()) and "at 20% intensity" in window.explanation.text()


def test_opening_another_file_describes_its_look(scripted, tmp_path):
    window = scripted
    _prompt(window, "moody forest")
    path = tmp_path / "moody.moodgrade"
    assert window.save_project(path)
    assert window.open_media(sample_video())
    assert _shown(window) == [NO_LOOK]
    assert window.open_project(path)
    assert _shown(window) == _bullets(MOODY)
