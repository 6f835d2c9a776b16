"""The filter gallery: a selected state that reads at a glance, families and a search box."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from editor.app.gallery import ALL_FAMILIES, family
from editor.app.theme import ACCENT
from editor.filters import preset_names
from editor.samples import sample_photo


def _shown(gallery) -> set[str]:
    return {name for name, item in gallery.items.items() if not item.isHidden()}


def test_every_preset_sits_under_its_familys_name(window):
    gallery = window.tools.filter_gallery
    assert all(family(name) != "Other" for name in preset_names())
    listed = [gallery.families.itemText(i) for i in range(gallery.families.count())]
    assert listed[0] == ALL_FAMILIES
    assert {"Film", "Black & White", "Cinematic", "Vintage", "Mood"} <= set(listed)
    heading, seen = None, []
    for row in range(gallery.list.count()):
        item = gallery.list.item(row)
        name = item.data(Qt.UserRole)
        if name is None:
            heading = item.text()
            assert not item.flags() & Qt.ItemIsSelectable
            seen.append(heading)
        elif name:
            assert family(name) == heading
    assert seen == listed[1:]


def test_family_and_search_narrow_the_gallery(window, qtbot):
    gallery = window.tools.filter_gallery
    gallery.families.setCurrentText("Black & White")
    assert _shown(gallery) == {n for n in preset_names() if family(n) == "Black & White"}
    headers = gallery.list.headers
    assert [h for h, item in headers.items() if not item.isHidden()] == ["Black & White"]
    gallery.families.setCurrentText(ALL_FAMILIES)
    qtbot.keyClicks(gallery.search, "velvia")
    assert _shown(gallery) == {"film_Velvia"}
    gallery.search.clear()
    assert _shown(gallery) == {"", *preset_names()}


def test_the_selected_filter_stands_out(window, qtbot):
    assert window.open_media(sample_photo())
    window.tools.tabs.setCurrentIndex(2)
    gallery = window.tools.filter_gallery
    item = gallery.items["film_Portra"]
    gallery.list.itemClicked.emit(item)
    assert gallery.list.currentItem() is item and window.state.look().filter.name == "film_Portra"
    qtbot.waitUntil(lambda: gallery.list.isVisible())
    shot = gallery.list.viewport().grab().toImage()
    rect = gallery.list.visualItemRect(item)
    ratio = shot.devicePixelRatio()
    below_icon = shot.pixelColor(round((rect.left() + 3) * ratio), round((rect.bottom() - 3) * ratio))
    accent = QColor(ACCENT)
    assert abs(below_icon.red() - accent.red()) + abs(below_icon.blue() - accent.blue()) < 40
