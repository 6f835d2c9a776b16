"""Compare as in photo editors: Before / After labels on the picture, a split divider
that can be dragged, and side by side as a third mode."""

from PySide6.QtCore import QPoint, Qt

from editor.app.preview import AFTER, BEFORE, SIDE, SPLIT
from editor.samples import sample_photo


def _grey(color) -> bool:
    return color.red() == color.green() == color.blue()


def _desaturated(window, qtbot):
    assert window.open_media(sample_photo())
    window.push_state(window.state.with_value("adjust.saturation", -100), "desaturate")
    qtbot.wait(50)


def test_labels_say_which_picture_is_which(window, qtbot):
    _desaturated(window, qtbot)
    overlay = window.compare_box.overlay
    assert not overlay.before.isVisible() and not overlay.after.isVisible()
    qtbot.keyClick(window, Qt.Key_Backslash)
    assert window.preview.mode == BEFORE and overlay.before.isVisible() and overlay.before.text() == "Before"
    assert not overlay.after.isVisible()
    window.set_compare(SPLIT)
    assert overlay.before.isVisible() and overlay.after.isVisible() and overlay.after.text() == "After"
    image = window.preview.image_rects()[0]
    assert image.contains(overlay.before.geometry()) and image.contains(overlay.after.geometry())
    assert overlay.before.x() < overlay.after.x()
    window.set_compare(AFTER)
    assert not overlay.before.isVisible() and not overlay.divider.isVisible()


def test_the_split_divider_drags(window, qtbot):
    _desaturated(window, qtbot)
    qtbot.keyClick(window, Qt.Key_Backslash, Qt.ShiftModifier)
    preview, divider = window.preview, window.compare_box.overlay.divider
    assert preview.mode == SPLIT and divider.isVisible()
    image = preview.image_rects()[0]
    assert abs(divider.geometry().center().x() - image.center().x()) <= 2
    y = divider.height() // 2
    qtbot.mousePress(divider, Qt.LeftButton, pos=QPoint(divider.width() // 2, y))
    target = image.left() + image.width() // 4
    qtbot.mouseMove(divider, QPoint(target - divider.x(), y), delay=10)
    qtbot.mouseRelease(divider, Qt.LeftButton, pos=QPoint(target - divider.x(), y))
    assert abs(preview.split_pos - 0.25) < 0.02
    assert abs(divider.geometry().center().x() - target) <= 2
    qtbot.wait(50)
    shot = preview.grabFramebuffer()
    ratio = shot.devicePixelRatio()
    row = round(image.center().y() * ratio)
    assert not _grey(shot.pixelColor(round((image.left() + image.width() * 0.1) * ratio), row))
    assert _grey(shot.pixelColor(round((image.left() + image.width() * 0.6) * ratio), row))


def test_side_by_side_shows_the_original_left_and_the_grade_right(window, qtbot):
    _desaturated(window, qtbot)
    qtbot.keyClick(window, Qt.Key_Backslash, Qt.ControlModifier)
    preview = window.preview
    assert preview.mode == SIDE and window.compare_box.currentText() == "Side by side"
    left, right = preview.image_rects()
    assert left.right() < right.left()
    qtbot.wait(50)
    shot = preview.grabFramebuffer()
    ratio = shot.devicePixelRatio()
    centre = [shot.pixelColor(r.center() * ratio) for r in (left, right)]
    assert not _grey(centre[0]) and _grey(centre[1])
    overlay = window.compare_box.overlay
    assert left.contains(overlay.before.geometry()) and right.contains(overlay.after.geometry())
    qtbot.keyClick(window, Qt.Key_Backslash, Qt.ControlModifier)
    assert preview.mode == AFTER
