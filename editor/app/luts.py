"""The Filter menu: import the user's own ``.cube`` LUTs, and find one a look misses.

Import LUT… copies the file into the LUT library (``editor.user_luts``), adds its tile to
the gallery and makes it the filter. A look whose LUT cannot be found is shown without
it (never through an empty, black table), the status line says so, and Relink Missing
LUT… (also offered when a project opens) copies the chosen file in under the missing name.
A saved project keeps a copy of its LUT beside it, which an opened project brings back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from editor import user_luts
from editor.errors import EditorError
from editor.schema import FILTER_NAME_KEY, Look

from .actions import add_action

log = logging.getLogger(__name__)

LUT_FILTER = "LUT files (*.cube)"


class LutMenu:
    def __init__(self, window, menu: QMenu) -> None:
        self.window = window
        #: The LUT the look on screen names but cannot be found, if any.
        self.missing: str | None = None
        add_action(menu, "&Import LUT\u2026", self.import_dialog)
        self.relink_action = add_action(menu, "&Relink Missing LUT\u2026", self.relink_dialog)
        self.relink_action.setEnabled(False)

    def _choose(self, title: str) -> str:
        settings = self.window.settings
        name, _ = QFileDialog.getOpenFileName(self.window, title, settings.last_folder("lut"), LUT_FILTER)
        if name:
            settings.set_last_folder("lut", name)
        return name

    def import_dialog(self) -> None:
        name = self._choose("Import a LUT")
        if name:
            self.import_file(name)

    def import_file(self, path: str | Path) -> str | None:
        """Copy ``path`` into the library and make it the filter; the library name, or ``None``."""
        try:
            name = user_luts.import_lut(path)
        except (EditorError, OSError) as exc:
            log.warning("cannot import LUT %s", path, exc_info=True)
            self.window.show_error(
                str(exc) if isinstance(exc, EditorError) else f"{path} cannot be read ({exc})."
            )
            return None
        self.window.tools.filter_gallery.add_user_lut(name)
        self.window.thumbnails.frame_changed()
        if self.window.project is not None:
            self.window.push_state(self.window.state.with_value(FILTER_NAME_KEY, name), f"Import LUT {name}")
        self.window.show_status(f"Imported {Path(path).name} into your LUTs (Filter tab, My LUTs).")
        return name

    def project_saved(self, path: Path) -> None:
        """Keep a copy of the project's LUT beside it, so the project carries it to another machine."""
        try:
            user_luts.keep_beside(self.window.state.look(), path)
        except (EditorError, OSError) as exc:
            log.warning("cannot copy the LUT beside %s", path, exc_info=True)
            self.window.show_error(
                f"The project was saved, but its LUT could not be copied beside it ({exc})."
            )

    def project_opening(self, look: Look, path: Path) -> None:
        """A LUT the library lacks comes back from beside the project being opened."""
        try:
            if user_luts.recover_beside(look, path):
                self.window.tools.filter_gallery.add_user_lut(Path(look.user_lut).name)
        except (EditorError, OSError):
            # Then it is reported as missing, with the offer to relink it.
            log.warning("the LUT beside %s could not be used", path, exc_info=True)

    def shown(self, look: Look) -> Look:
        """The look to render: without its filter while that LUT is missing (said on the status line)."""
        self.missing = user_luts.missing(look)
        self.relink_action.setEnabled(self.missing is not None)
        if self.missing is None:
            reference = look.user_lut
            # A library LUT imported by another window gets its tile here too.
            if reference is not None and Path(reference).name == reference:
                gallery = self.window.tools.filter_gallery
                gallery.add_user_lut(reference)
                gallery.select(reference)
            return look
        self.window.show_error(
            f"The LUT {Path(self.missing).name} is missing, so the picture is shown without it; "
            "Filter \u203a Relink Missing LUT\u2026 finds it."
        )
        return look.with_tool("filter", None)

    def offer_relink(self) -> None:
        """Ask once, when a project opens, whether to find its missing LUT now."""
        if self.missing is None:
            return
        box = QMessageBox(
            QMessageBox.Warning,
            "Missing LUT",
            f"The LUT \u201c{Path(self.missing).name}\u201d this project uses is missing. "
            "Find its .cube file now? Until then the picture is shown without it.",
            QMessageBox.NoButton,
            self.window,
        )
        relink = box.addButton("Relink\u2026", QMessageBox.AcceptRole)
        box.addButton("Not Now", QMessageBox.RejectRole)
        box.exec()
        if box.clickedButton() is relink:
            self.relink_dialog()

    def relink_dialog(self) -> None:
        if self.missing is None:
            return
        name = self._choose(f"Find {Path(self.missing).name}")
        if name:
            self.relink_file(name)

    def relink_file(self, path: str | Path) -> bool:
        """Copy ``path`` into the library under the missing LUT's name and show the look with it."""
        if self.missing is None:
            return False
        try:
            name = user_luts.import_lut(path, name=Path(self.missing).name)
        except (EditorError, OSError) as exc:
            log.warning("cannot relink LUT %s", path, exc_info=True)
            self.window.show_error(
                str(exc) if isinstance(exc, EditorError) else f"{path} cannot be read ({exc})."
            )
            return False
        self.window.tools.filter_gallery.add_user_lut(name)
        self.window.refresh_look()
        self.window.thumbnails.frame_changed()
        self.window.show_status(f"Relinked {name}.")
        return True
