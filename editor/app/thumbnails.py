"""The filter gallery's thumbnails, rendered from the frame on screen through each preset and user LUT.

Lazily: only while the gallery is shown and playback is paused, a couple of presets
per event-loop turn, so that the UI never waits on them.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QImage

from editor import user_luts
from editor.filters import preset_names
from editor.schema import FilterChoice, Look

from .gallery import THUMB_SIZE
from .player import Player
from .preview import PreviewWidget
from .tools import ToolsPanel

log = logging.getLogger(__name__)

#: Thumbnails rendered per event-loop turn. Each is a look bake and a render (20-30 ms
#: with Mesa's llvmpipe on two busy cores), so two keep a turn near 50 ms: a click or a
#: key still gets the next turn, and the 32 filters are done in 16 turns.
THUMBS_PER_TICK = 2


def thumbnail_source(frame: np.ndarray) -> np.ndarray:
    """Every n-th pixel of ``frame``, keeping at least twice a tile's height in rows: the
    tiles are graded from it, and twice is what a 2x (HiDPI) screen shows in a tile."""
    step = max(1, frame.shape[0] // (THUMB_SIZE.height() * 2))
    return np.ascontiguousarray(frame[::step, ::step])


def _qimage(rgb: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(rgb)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format_RGB888).copy()


class GalleryThumbnails(QObject):
    def __init__(self, preview: PreviewWidget, tools: ToolsPanel, player: Player) -> None:
        super().__init__(tools)
        self.preview, self.tools, self.player = preview, tools, player
        self.queue: list[str] = []
        self._timer = QTimer(self, singleShot=False, interval=0)
        self._timer.timeout.connect(self._render)
        self._done_for: int | None = None
        tools.gallery_shown.connect(self.schedule)

    def frame_changed(self) -> None:
        self._done_for = None
        self.schedule()

    def schedule(self) -> None:
        """Re-render the gallery from the current frame, lazily: only when it is shown."""
        frame = self.preview.frame
        if frame is None or self.preview.renderer is None or not self.tools.gallery_visible:
            return
        if self.player.playing or self._done_for == id(frame):
            return
        self._done_for = id(frame)
        # A user LUT whose file has gone keeps its blank tile rather than stopping the rest.
        self.queue = list(preset_names()) + [
            n for n in self.tools.filter_gallery.user_luts if user_luts.find(n)
        ]
        self._timer.start()

    def _render(self) -> None:
        if not self.queue or self.preview.frame is None:
            self._timer.stop()
            return
        small = thumbnail_source(self.preview.frame)
        for name in self.queue[:THUMBS_PER_TICK]:
            try:
                rgb = self.preview.render_thumbnail(small, Look(filter=FilterChoice(name, 100)))
            except Exception:
                log.exception("thumbnail for %s failed", name)
                self.queue.clear()
                break
            self.tools.set_thumbnail(name, _qimage(rgb))
        del self.queue[:THUMBS_PER_TICK]
