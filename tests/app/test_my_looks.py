"""Looks › Save Look…, the "My looks" shelf, export and import, and Copy/Paste Look between windows."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from editor import saved_looks
from editor.lut import read_cube
from editor.samples import sample_photo, sample_video
from editor.schema import FilterChoice, Look


@pytest.fixture
def second_window(qtbot, tmp_path):
    from editor.app.appsettings import AppSettings
    from editor.app.window import MainWindow

    settings = AppSettings(QSettings(str(tmp_path / "second.ini"), QSettings.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.unsaved.stack.setClean())
    win.resize(1000, 700)
    win.show()
    qtbot.waitUntil(lambda: win.preview.renderer is not None, timeout=10_000)
    return win


def _graded(window, **values) -> Look:
    for key, value in values.items():
        window._on_value_edited(key, value, None)
    return window.state.look()


def test_saved_looks_sit_on_the_shelf_and_apply_rename_delete(window, qtbot, answer):
    assert window.open_media(sample_photo())
    look = _graded(window, **{"adjust.temperature": 35, "adjust.contrast": 15, "filter.name": "film_Portra"})
    assert window.looks.save_current("Warm film")
    shelf = window.looks.shelf
    assert list(shelf.items) == ["Warm film"] and shelf.selected == "Warm film"
    assert Look.load(saved_looks.looks_dir() / "Warm film.json") == look
    window.tools.tabs.setCurrentWidget(shelf)
    qtbot.waitUntil(lambda: shelf.isVisible() and not window.looks.queue)
    icon = shelf.items["Warm film"].icon().pixmap(88, 55).toImage()
    assert len({icon.pixel(x, y) for x in range(0, 88, 8) for y in range(0, 55, 8)}) > 4
    window.reset_all()
    assert window.state.look().is_neutral
    assert window.looks.apply("Warm film")
    assert window.state.look() == look and window.preview.renderer.look == look
    window.undo_stack.undo()
    assert window.state.look().is_neutral
    assert window.looks.rename("Warm film", "Golden")
    assert list(shelf.items) == ["Golden"] and not (saved_looks.looks_dir() / "Warm film.json").exists()
    assert not window.looks.rename("Golden", "no/slash")
    assert "cannot hold '/'" in window.statusBar().currentMessage()
    answer("Yes")
    shelf.select("Golden")
    shelf.delete_button.click()
    assert shelf.items == {} and shelf.empty.isVisibleTo(shelf)
    assert not shelf.apply_button.isEnabled()


def test_export_json_and_cube_then_import(window, tmp_path):
    assert window.open_media(sample_photo())
    look = _graded(window, **{"adjust.exposure": 20, "adjust.sharpen": 30, "filter.name": "moody_Forest"})
    assert window.looks.export(look, tmp_path / "mine.json")
    assert Look.load(tmp_path / "mine.json") == look
    assert window.looks.export(look, tmp_path / "mine.cube")
    assert "sharpen cannot be part of a LUT" in window.statusBar().currentMessage()
    assert read_cube(tmp_path / "mine.cube").lut3d.size == 33
    assert window.looks.import_file(tmp_path / "mine.json")
    assert window.looks.shelf.looks["mine"].look == look
    (tmp_path / "nope.json").write_text('{"adjust": {"contrast": "lots"}}')
    assert not window.looks.import_file(tmp_path / "nope.json")
    assert "must be a number" in window.statusBar().currentMessage()


def test_copy_and_paste_a_look_between_two_windows(window, second_window, qtbot):
    assert window.open_media(sample_photo())
    assert second_window.open_media(sample_video())
    look = _graded(window, **{"adjust.temperature": -30, "selective_adjust.blue.saturation": 40})
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.preview, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
    assert json.loads(QGuiApplication.clipboard().text()) == look.to_dict()
    second_window.activateWindow()
    qtbot.waitUntil(second_window.isActiveWindow)
    qtbot.keyClick(second_window.preview, Qt.Key_V, Qt.ControlModifier | Qt.ShiftModifier)
    assert second_window.state.look() == look
    assert second_window.preview.renderer.look == look
    assert window.state.look() == look


def test_paste_of_text_that_is_no_look_is_one_sentence(window):
    assert window.open_media(sample_photo())
    QGuiApplication.clipboard().setText("golden hour please")
    assert not window.looks.paste()
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("The clipboard holds no look: The look is not valid JSON")
    )
    QGuiApplication.clipboard().setText(json.dumps({"filter": {"lut": "mine.cube", "intensity": 50}}))
    assert window.looks.paste()
    assert window.state.look().filter == FilterChoice("mine.cube", 50)
    assert "mine.cube is missing" in window.statusBar().currentMessage()


def test_a_look_with_a_user_lut_pastes_into_another_window_with_its_tile(window, second_window, tmp_path):
    from editor.lut import Lut3D, identity_table, write_cube

    lut = tmp_path / "teal.cube"
    write_cube(lut, Lut3D(identity_table(5) * [0.6, 1.0, 1.0]))
    assert window.open_media(sample_photo())
    assert second_window.open_media(sample_photo())
    assert window.luts.import_file(lut) == "teal.cube"
    assert "teal.cube" not in second_window.tools.filter_gallery.user_luts
    window.looks.copy()
    assert second_window.looks.paste()
    assert second_window.state.look().filter == FilterChoice("teal.cube", 100)
    assert "teal.cube" in second_window.tools.filter_gallery.user_luts
    assert second_window.tools.filter_gallery.list.currentItem().data(Qt.UserRole) == "teal.cube"
    assert second_window.preview.renderer.look == second_window.state.look()
