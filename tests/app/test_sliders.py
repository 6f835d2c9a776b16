"""Sliders as in photo editors: the wheel scrolls the panel unless the slider has focus,
arrows nudge a focused slider (Shift: x10) instead of stepping the video, the number
beside it can be typed, and each section has its own reset."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from editor.samples import sample_photo, sample_video
from editor.schema import FilterChoice, Look


def _wheel(widget, notches: int) -> None:
    """Turn the wheel over ``widget``'s centre, through the window system as a mouse does."""
    top = widget.window()
    pos = widget.mapTo(top, widget.rect().center())
    QTest.wheelEvent(top.windowHandle(), QPointF(pos), QPoint(0, 120 * notches))


def test_wheel_scrolls_the_panel_and_moves_a_slider_only_with_focus(window, qtbot):
    assert window.open_media(sample_photo())
    area = window.tools.tabs.currentWidget()
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    slider = window.tools.sliders["adjust.contrast"].slider
    _wheel(slider, -3)
    assert bar.value() > 0 and slider.value() == 0 and window.undo_stack.count() == 0

    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    _wheel(slider, 1)
    _wheel(slider, 1)
    assert slider.value() > 0 and window.state.value("adjust.contrast") == slider.value()
    assert window.undo_stack.count() == 1


def test_arrows_nudge_the_focused_slider_not_the_video(window, qtbot):
    assert window.open_media(sample_video())
    param = window.tools.sliders["adjust.temperature"]
    param.slider.setFocus()
    qtbot.waitUntil(param.slider.hasFocus)
    qtbot.keyClick(param.slider, Qt.Key_Right)
    qtbot.keyClick(param.slider, Qt.Key_Right, Qt.ShiftModifier)
    qtbot.keyClick(param.slider, Qt.Key_Left)
    assert window.state.value("adjust.temperature") == 10 and param.value_box.text() == "+10"
    assert window.player.position == 0.0
    assert window.undo_stack.count() == 1  # one run of nudges is one step

    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus)
    qtbot.keyClick(window.preview, Qt.Key_Right)
    qtbot.waitUntil(lambda: window.player.position > 0, timeout=10_000)


def test_the_number_beside_a_slider_can_be_typed(window, qtbot):
    assert window.open_media(sample_photo())
    param = window.tools.sliders["adjust.exposure"]
    param.value_box.setFocus()
    param.value_box.selectAll()
    qtbot.keyClicks(param.value_box, "-35")
    qtbot.keyClick(param.value_box, Qt.Key_Return)
    assert window.state.value("adjust.exposure") == -35 and param.slider.value() == -35
    assert param.name.property("touched") is True
    param.value_box.selectAll()
    qtbot.keyClicks(param.value_box, "500")
    qtbot.keyClick(param.value_box, Qt.Key_Return)
    assert window.state.value("adjust.exposure") == 100 and param.value_box.text() == "+100"
    param.value_box.selectAll()
    qtbot.keyClicks(param.value_box, "+")
    qtbot.keyClick(param.value_box, Qt.Key_Return)
    assert param.value_box.text() == "+100"


def test_each_section_resets_on_its_own(window, qtbot):
    assert window.open_media(sample_photo())
    look = Look(
        adjust={"contrast": 30, "saturation": -20},
        selective_adjust={"red": {"saturation": 40}},
        filter=FilterChoice("film_Velvia", 60),
    )
    window.push_state(window.state.with_suggestion(look), "look")
    tools = window.tools
    tools.adjust_reset.click()
    assert window.state.value("adjust.contrast") == 0 and window.state.look().filter == look.filter
    assert window.undo_stack.undoText() == "Reset Adjust"
    tools.select_color("red")
    tools.selective_reset.click()
    assert window.state.value("selective_adjust.red.saturation") == 0
    tools.filter_reset.click()
    assert window.state.look().filter is None
    window.undo_stack.undo()
    assert window.state.look().filter == look.filter
