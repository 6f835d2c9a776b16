"""Looks the user keeps: the Looks menu and the "My looks" shelf beside the filter gallery.

Looks › Save Look… keeps the look on screen under a name (``editor.saved_looks``); the
shelf shows each kept look on the current frame, and applies, renames, deletes or
exports it. Export writes the look as ``.json`` (for ``moodgrade apply --look`` or another
machine) or bakes it into a ``.cube`` for other editors. Copy Look / Paste Look
(Ctrl+Shift+C / Ctrl+Shift+V) carry the look's JSON on the clipboard, between windows
and projects, and to anything that takes text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor import saved_looks
from editor.errors import EditorError
from editor.project import EditState
from editor.schema import Look
from editor.user_luts import missing

from .actions import add_action
from .gallery import THUMB_SIZE
from .thumbnails import THUMBS_PER_TICK, thumbnail_source

log = logging.getLogger(__name__)

LOOK_FILTER = "Looks (*.json)"
CUBE_FILTER = "LUT files (*.cube)"
SHELF_TITLE = "My looks"
_CELL = QSize(THUMB_SIZE.width() + 8, THUMB_SIZE.height() + 28)


class LooksShelf(QWidget):
    """The kept looks as tiles, with Apply, Rename, Delete and Export for the selected one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.IconMode)
        self.list.setIconSize(THUMB_SIZE)
        self.list.setResizeMode(QListWidget.Adjust)
        self.list.setMovement(QListWidget.Static)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.empty = QLabel("No looks kept yet. Looks \u203a Save Look\u2026 keeps the look on screen here.")
        self.empty.setWordWrap(True)
        self.apply_button = QPushButton("Apply")
        self.rename_button = QPushButton("Rename\u2026")
        self.delete_button = QPushButton("Delete")
        self.export_button = QPushButton("Export\u2026")
        self.apply_button.setToolTip("Use this look on the current clip (double-click a tile does the same)")
        self.rename_button.setToolTip("Give this look another name")
        self.delete_button.setToolTip("Remove this look from My looks (it asks first)")
        self.export_button.setToolTip("Save this look as .json, or bake it into a .cube for other editors")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.apply_button, self.rename_button, self.delete_button, self.export_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.items: dict[str, QListWidgetItem] = {}
        self.looks: dict[str, saved_looks.SavedLook] = {}
        self.list.currentItemChanged.connect(lambda *_: self._enable())

    def show_shelf(self, shelf: list[saved_looks.SavedLook]) -> None:
        current = self.selected
        self.list.clear()
        self.items.clear()
        self.looks = {saved.name: saved for saved in shelf}
        blank = QPixmap(THUMB_SIZE)
        blank.fill(Qt.darkGray)
        for saved in shelf:
            item = QListWidgetItem(QIcon(blank), saved.name)
            item.setData(Qt.UserRole, saved.name)
            item.setToolTip(saved.name)
            item.setSizeHint(_CELL)
            self.list.addItem(item)
            self.items[saved.name] = item
        self.empty.setVisible(not shelf)
        self.select(current)

    def select(self, name: str | None) -> None:
        item = self.items.get(name) if name else None
        self.list.setCurrentItem(item if item is not None else self.list.item(0))
        self._enable()

    @property
    def selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def set_thumbnail(self, name: str, rgb: np.ndarray) -> None:
        rgb = np.ascontiguousarray(rgb)
        h, w = rgb.shape[:2]
        image = QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()
        self.items[name].setIcon(QIcon(QPixmap.fromImage(image)))

    def _enable(self) -> None:
        has = self.selected is not None
        for button in (self.apply_button, self.rename_button, self.delete_button, self.export_button):
            button.setEnabled(has)


class LooksMenu:
    """The Looks menu and the shelf, wired to the window's undoable state."""

    def __init__(self, window, menu: QMenu) -> None:
        self.window = window
        self.queue: list[str] = []
        self._timer = QTimer(window, singleShot=False, interval=0)
        self._timer.timeout.connect(self._render_some)
        self.shelf = LooksShelf()
        window.tools.tabs.addTab(self.shelf, SHELF_TITLE)
        tabs = window.tools.tabs
        tabs.setTabToolTip(tabs.count() - 1, "Looks you kept, to use again on any clip")
        window.tools.tabs.currentChanged.connect(lambda _i: self.render_thumbnails())
        self.save_action = add_action(menu, "&Save Look\u2026", self.save_dialog)
        add_action(menu, "&Import Look\u2026", self.import_dialog)
        add_action(menu, "Export Look as &JSON\u2026", lambda: self.export_dialog(".json"))
        add_action(menu, "Export Look as .&cube\u2026", lambda: self.export_dialog(".cube"))
        menu.addSeparator()
        add_action(menu, "&Copy Look", self.copy, "Ctrl+Shift+C")
        add_action(menu, "&Paste Look", self.paste, "Ctrl+Shift+V")
        shelf = self.shelf
        shelf.apply_button.clicked.connect(lambda: self.apply(shelf.selected))
        shelf.list.itemDoubleClicked.connect(lambda item: self.apply(item.data(Qt.UserRole)))
        shelf.rename_button.clicked.connect(self.rename_dialog)
        shelf.delete_button.clicked.connect(self.delete_dialog)
        shelf.export_button.clicked.connect(self._export_selected)
        self.reload()

    # -- the shelf ---------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self.shelf.show_shelf(saved_looks.saved_looks())
        if select is not None:
            self.shelf.select(select)
        self.render_thumbnails()

    def render_thumbnails(self) -> None:
        """Each kept look on the current frame, while the shelf is on screen: a couple per
        event-loop turn, as the gallery does, so that a long shelf never holds up the UI."""
        preview = self.window.preview
        if preview.frame is None or preview.renderer is None or not self.shelf.isVisible():
            return
        self.queue = list(self.shelf.looks)
        self._timer.start()

    def _render_some(self) -> None:
        preview = self.window.preview
        if not self.queue or preview.frame is None:
            self._timer.stop()
            return
        small = thumbnail_source(preview.frame)
        for name in self.queue[:THUMBS_PER_TICK]:
            saved = self.shelf.looks.get(name)
            if saved is None or missing(saved.look) is not None:
                continue
            try:
                self.shelf.set_thumbnail(name, preview.render_thumbnail(small, saved.look))
            except EditorError:
                log.warning("thumbnail of look %s failed", name, exc_info=True)
        del self.queue[:THUMBS_PER_TICK]

    def _report(self, exc: Exception, what: str) -> None:
        log.warning("%s failed", what, exc_info=exc)
        self.window.show_error(str(exc) if isinstance(exc, EditorError) else f"{what} failed ({exc}).")

    def _keep(self, change: Callable[[], saved_looks.SavedLook], what: str, done: str | None = None) -> bool:
        """Run a change to the shelf that ends in one kept look, then show the shelf with it
        selected and say ``done`` (``{}`` is its name); a failure is reported as ``what`` failed."""
        try:
            saved = change()
        except (EditorError, OSError) as exc:
            self._report(exc, what)
            return False
        self.reload(select=saved.name)
        if done is not None:
            self.window.show_status(done.format(saved.name))
        return True

    def save_current(self, name: str, *, replace: bool = False) -> bool:
        return self._keep(
            lambda: saved_looks.save_look(name, self.window.state.look(), replace=replace),
            f"Saving the look {name!r}",
            "Kept the look as \u201c{}\u201d (My looks).",
        )

    def save_dialog(self) -> None:
        name, ok = QInputDialog.getText(self.window, "Save Look", "Name of the look:")
        if not ok:
            return
        try:
            taken = saved_looks.exists(name)
        except EditorError as exc:
            self._report(exc, "Saving the look")
            return
        if taken and not self._confirm(
            f"There is already a look named \u201c{name.strip()}\u201d. Replace it?"
        ):
            return
        self.save_current(name, replace=taken)

    def apply(self, name: str | None) -> bool:
        saved = self.shelf.looks.get(name) if name else None
        if saved is None or self.window.project is None:
            return False
        self._use(saved.look, f"Apply look {saved.name}", f"Applied the look \u201c{saved.name}\u201d.")
        return True

    def rename(self, name: str, new_name: str) -> bool:
        saved = self.shelf.looks.get(name)
        if saved is None:
            return False
        return self._keep(lambda: saved_looks.rename_look(saved, new_name), f"Renaming the look {name!r}")

    def rename_dialog(self) -> None:
        name = self.shelf.selected
        if name is None:
            return
        new_name, ok = QInputDialog.getText(self.window, "Rename Look", "New name:", text=name)
        if ok and new_name.strip() != name:
            self.rename(name, new_name)

    def delete(self, name: str) -> bool:
        saved = self.shelf.looks.get(name)
        if saved is None:
            return False
        try:
            saved_looks.delete_look(saved)
        except OSError as exc:
            self._report(exc, f"Deleting the look {name!r}")
            return False
        self.reload()
        self.window.show_status(f"Deleted the look \u201c{name}\u201d.")
        return True

    def delete_dialog(self) -> None:
        name = self.shelf.selected
        if name is not None and self._confirm(f"Delete the look \u201c{name}\u201d from My looks?"):
            self.delete(name)

    def _confirm(self, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Question, "My looks", question, QMessageBox.Yes | QMessageBox.Cancel, self.window
        )
        box.setDefaultButton(QMessageBox.Cancel)
        return box.exec() == QMessageBox.Yes

    # -- files -------------------------------------------------------------------------

    def import_file(self, path: str | Path) -> bool:
        return self._keep(
            lambda: saved_looks.import_look(path),
            f"Importing {path}",
            "Imported the look \u201c{}\u201d into My looks.",
        )

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Import a look", self.window.settings.last_folder("look"), LOOK_FILTER
        )
        if name:
            self.window.settings.set_last_folder("look", name)
            self.import_file(name)

    def export(self, look: Look, path: str | Path) -> bool:
        """Write ``look`` as ``path``: look JSON for ``.json``, a baked 3D LUT for ``.cube``."""
        path = Path(path)
        try:
            if path.suffix.lower() == ".cube":
                left_out = saved_looks.export_cube(look, path)
            else:
                look.save(path)
                left_out = []
        except (EditorError, OSError) as exc:
            self._report(exc, f"Exporting to {path}")
            return False
        note = f" ({', '.join(left_out)} cannot be part of a LUT and were left out)" if left_out else ""
        self.window.show_status(f"Exported the look to {path.name}{note}.")
        return True

    def export_dialog(self, suffix: str, look: Look | None = None, name: str = "look") -> None:
        look = look if look is not None else self.window.state.look()
        folder = self.window.settings.last_folder("look")
        default = str(Path(folder) / f"{name}{suffix}") if folder else f"{name}{suffix}"
        filters = f"{LOOK_FILTER};;{CUBE_FILTER}" if suffix == ".json" else f"{CUBE_FILTER};;{LOOK_FILTER}"
        chosen, picked = QFileDialog.getSaveFileName(self.window, "Export look", default, filters)
        if not chosen:
            return
        self.window.settings.set_last_folder("look", chosen)
        path = Path(chosen)
        if path.suffix.lower() not in (".json", ".cube"):
            path = path.with_suffix(".cube" if picked == CUBE_FILTER else ".json")
        self.export(look, path)

    def _export_selected(self) -> None:
        saved = self.shelf.looks.get(self.shelf.selected or "")
        if saved is not None:
            self.export_dialog(".json", saved.look, saved.name)

    # -- clipboard -----------------------------------------------------------------------

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.window.state.look().to_json())
        self.window.show_status("Copied the look; Ctrl+Shift+V pastes it onto another clip or window.")

    def paste(self) -> bool:
        if self.window.project is None:
            self.window.show_error("Open a video or photo to paste a look onto.")
            return False
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.window.show_error("The clipboard holds no look; Copy Look (Ctrl+Shift+C) puts one there.")
            return False
        try:
            look = Look.from_json(text, strict=False)
        except EditorError as exc:
            self.window.show_error(f"The clipboard holds no look: {exc}")
            return False
        self._use(look, "Paste look", "Pasted the look.")
        return True

    def _use(self, look: Look, step: str, done: str) -> None:
        self.window.push_state(EditState(ai_look=look), step)
        # A missing LUT's message (with its way out) stays on the status line instead.
        if self.window.luts.missing is None:
            self.window.show_status(done)
