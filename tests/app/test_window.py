"""The main window, driven like a user would: tools panel, undo, compare, projects, recovery."""

import numpy as np
from PySide6.QtCore import Qt

from editor.app.autosave import autosave_dir
from editor.app.preview import AFTER, BEFORE
from editor.events import read_events
from editor.filters import preset_names
from editor.project import EditState, Project
from editor.samples import sample_photo, sample_video
from editor.schema import ADJUST_PARAMS, COLOR_RANGES, SELECTIVE_PARAMS, FilterChoice, Look
from editor.settings import events_path


def test_panel_is_generated_from_the_schema(window):
    tools = window.tools
    expected = {f"adjust.{p.name}" for p in ADJUST_PARAMS}
    expected |= {f"selective_adjust.{COLOR_RANGES[0]}.{p.name}" for p in SELECTIVE_PARAMS}
    expected.add("filter.intensity")
    assert set(tools.sliders) == expected
    assert [tools.sliders[f"adjust.{p.name}"].spec for p in ADJUST_PARAMS] == list(ADJUST_PARAMS)
    tools.select_color("blue")
    assert {f"selective_adjust.blue.{p.name}" for p in SELECTIVE_PARAMS} <= set(tools.sliders)
    assert set(tools.gallery_items) == {"", *preset_names()}


def test_slider_drag_is_one_undo_step_and_preview_matches_cpu(window, qtbot, graded_error):
    assert window.open_media(sample_photo())
    original = window.preview.read_graded()
    slider = window.tools.sliders["adjust.temperature"]
    slider.slider.setSliderDown(True)
    for value in (10, 25, 40, 55):
        slider.slider.setValue(value)
    slider.slider.setSliderDown(False)
    assert window.undo_stack.count() == 1
    assert window.state.override_map == {"adjust.temperature": 55}
    assert slider.name.property("touched") is True and slider.value_box.text() == "+55"
    look = window.state.look()
    assert look.adjust["temperature"] == 55
    assert graded_error(window, look).max() <= 2
    assert not np.array_equal(window.preview.read_graded(), original)

    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert window.state == EditState() and slider.slider.value() == 0
    assert slider.name.property("touched") is False
    assert np.array_equal(window.preview.read_graded(), original)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.state.look().adjust["temperature"] == 55

    slider.slider.double_clicked.emit()
    assert window.state.value("adjust.temperature") == 0 and window.undo_stack.count() == 2


def test_filter_gallery_strength_and_reset_all(window, qtbot, graded_error):
    assert window.open_media(sample_photo())
    window.tools.tabs.setCurrentIndex(2)
    item = window.tools.gallery_items["film_Velvia"]
    window.tools.gallery.itemClicked.emit(item)
    assert window.state.look().filter == FilterChoice("film_Velvia", 100)
    window.tools.strength.slider.setValue(50)
    look = window.state.look()
    assert look.filter == FilterChoice("film_Velvia", 50)
    assert graded_error(window, look).max() <= 2
    qtbot.waitUntil(lambda: not window.thumbnails.queue, timeout=20_000)
    icon = window.tools.gallery_items["bw_Classic"].icon().pixmap(window.tools.gallery.iconSize()).toImage()
    pixel = icon.pixelColor(icon.width() // 2, icon.height() // 2)
    assert pixel.red() == pixel.green() == pixel.blue()  # rendered from the frame through the b&w preset
    window.tools.reset_button.click()
    assert window.state == EditState()
    assert window.undo_stack.count() == 3


def test_before_after_toggle(window, qtbot):
    assert window.open_media(sample_photo())
    window.push_state(window.state.with_value("adjust.saturation", -100), "desaturate")
    qtbot.wait(50)
    graded = window.preview.grabFramebuffer()
    qtbot.keyClick(window, Qt.Key_Backslash)
    assert window.preview.mode == BEFORE
    before = window.preview.grabFramebuffer()
    center = (graded.width() // 2, graded.height() // 2)
    g, b = graded.pixelColor(*center), before.pixelColor(*center)
    assert g.red() == g.green() == g.blue()
    assert (b.red(), b.green(), b.blue()) != (g.red(), g.green(), g.blue())
    qtbot.keyClick(window, Qt.Key_Backslash)
    assert window.preview.mode == AFTER


def test_unreadable_file_is_a_sentence_not_a_crash(window, tmp_path):
    bad = tmp_path / "notes.mp4"
    bad.write_text("not a video")
    assert not window.open_media(bad)
    message = window.statusBar().currentMessage()
    assert "notes.mp4" in message and "Traceback" not in message
    assert window.project is None


def test_video_transport(window, qtbot):
    assert window.open_media(sample_video())
    assert window.timeline.isEnabled() and window.timeline.maximum() == 5000
    qtbot.keyClick(window, Qt.Key_End)
    qtbot.waitUntil(lambda: window.time_label.text().startswith("00:00:04:2"), timeout=10_000)
    qtbot.keyClick(window, Qt.Key_Home)
    qtbot.waitUntil(lambda: window.time_label.text().startswith("00:00:00:00"), timeout=10_000)
    qtbot.keyClick(window, Qt.Key_Right)
    qtbot.waitUntil(lambda: window.time_label.text().startswith("00:00:00:01"), timeout=10_000)
    with qtbot.waitSignal(window.player.playing_changed, timeout=5_000):
        qtbot.keyClick(window, Qt.Key_Space)
    # Playback moves on; how fast depends on the machine (llvmpipe on a loaded CI core is slow).
    qtbot.waitUntil(lambda: window.player.position > 0.3, timeout=10_000)
    assert window.player.playing
    qtbot.keyClick(window, Qt.Key_K)
    assert not window.player.playing


def test_save_reopen_relink_and_recover(window, qtbot, tmp_path, data_dir, graded_error, answer):
    photo = tmp_path / "copy.jpg"
    photo.write_bytes(sample_photo().read_bytes())
    assert window.open_media(photo)
    look = Look(adjust={"contrast": 25}, filter=FilterChoice("warm_Golden", 40))
    window.push_state(window.state.with_suggestion(look).with_value("adjust.hue", 12), "edit")
    path = tmp_path / "p.moodgrade"
    assert window.save_project(path)
    state = window.state

    window.open_media(sample_photo())
    assert window.open_project(path)
    assert window.state == state and window.tools.sliders["adjust.hue"].slider.value() == 12
    assert graded_error(window, state.look()).max() <= 2

    window.autosave()
    assert window.autosaver.path.is_file() and not window.recovery_available()
    window.project.save(autosave_dir() / "crashed.moodgrade")  # what a window that crashed leaves
    moved = tmp_path / "moved.jpg"
    photo.rename(moved)
    assert window.open_project(path)
    assert "missing" in window.statusBar().currentMessage()
    assert window.relink(moved)
    assert window.project.source == moved.resolve() and window.preview.has_frame
    assert window.recovery_available()
    assert window.restore_autosave()
    assert window.project.state == state
    kinds = [e.kind for e in read_events(events_path())]
    assert kinds == ["project_started", "project_started"]
    question = answer("Don't Save")
    window.close()
    assert question.text and not window.isVisible()
    assert list(autosave_dir().iterdir()) == []
    assert Project.load(path).state == state
