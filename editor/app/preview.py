"""The preview: a QOpenGLWidget running the same ``GLRenderer`` as export.

Preview equals export because both draw through ``editor.gl.GLRenderer``; the widget
only chooses the viewport (the picture fitted into the widget) and the compare mode:
the graded picture, the original, a split at ``split_pos`` of the width (original on the
left), or both side by side (original on the left).

Speed: while the picture changes (playback, scrubbing, a slider dragged) each frame is
graded at the size it has on screen (``display_size``, ``GLRenderer.output_size``), which
looks the same for a fraction of the work, and at full resolution once neither the frame
nor the look has changed for ``_SETTLE_MS``. View › Show FPS puts the rate at which new
frames reach the preview over it.
"""

from __future__ import annotations

import logging
import time
from collections import deque

import moderngl
import numpy as np
from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QSurfaceFormat
from PySide6.QtOpenGLWidgets import QOpenGLWidget
from PySide6.QtWidgets import QLabel

from editor.schema import Look

log = logging.getLogger(__name__)

AFTER, BEFORE, SPLIT, SIDE = "after", "before", "split", "side"
_BACKGROUND = (0.07, 0.07, 0.08)
#: How long the look must stay unchanged before the frame is graded at full resolution again.
_SETTLE_MS = 250
#: The frame rate shown is over the frames of about this many last seconds.
_FPS_WINDOW_S = 1.0


def gl_surface_format() -> QSurfaceFormat:
    """OpenGL 3.3 core, which the renderer's shaders target; set before the QApplication exists."""
    fmt = QSurfaceFormat()
    fmt.setVersion(3, 3)
    fmt.setProfile(QSurfaceFormat.CoreProfile)
    fmt.setSwapInterval(1)
    return fmt


class PreviewWidget(QOpenGLWidget):
    """Shows the graded current frame; ``\\`` toggles before/after, split view is draggable."""

    gl_ready = Signal()
    gl_failed = Signal(str)
    #: Where the pictures sit in the widget, or the mode, or the split changed.
    layout_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        # Clicking the picture takes focus from the prompt box, so that Space, J/K/L and
        # the arrows drive playback again instead of typing.
        self.setFocusPolicy(Qt.StrongFocus)
        self.ctx: moderngl.Context | None = None
        self.renderer = None
        self._thumbs = None
        self._frame: np.ndarray | None = None
        self._look = Look()
        self._uploaded = False
        self.mode = AFTER
        self.split_pos = 0.5
        #: Clipped highlights and shadows marked on the picture (View › Clipping Warnings).
        self.clip_warnings = False
        self._settle = QTimer(self, singleShot=True, interval=_SETTLE_MS)
        self._settle.timeout.connect(self._show_full)
        # Enough for the last second at any rate a screen shows.
        self._frame_times: deque[float] = deque(maxlen=480)
        self._fps = QLabel(self, objectName="previewFps")
        self._fps.setStyleSheet("background: rgba(0, 0, 0, 150); color: #e8e8e8; padding: 2px 6px;")
        self._fps.move(8, 8)
        self._fps.hide()
        self._fps_timer = QTimer(self, interval=500)
        self._fps_timer.timeout.connect(self._update_fps)

    # -- GL lifecycle ----------------------------------------------------------------

    def initializeGL(self) -> None:
        from editor.gl import GLRenderer

        try:
            self.ctx = moderngl.create_context()
            self.renderer = GLRenderer(self.ctx)
            self.renderer.set_look(self._look)
        except Exception as exc:
            log.exception("OpenGL preview could not start")
            self.gl_failed.emit(f"The preview cannot use OpenGL 3.3 on this machine ({exc}).")
            return
        log.info("preview on %s", self.ctx.info.get("GL_RENDERER"))
        if self._frame is not None:
            self._upload()
        self.gl_ready.emit()

    def paintGL(self) -> None:
        if self.ctx is None:
            return
        fbo = self.ctx.detect_framebuffer(self.defaultFramebufferObject())
        fbo.use()
        ratio = self.devicePixelRatio()
        width, height = round(self.width() * ratio), round(self.height() * ratio)
        self.ctx.viewport = (0, 0, width, height)
        self.ctx.clear(*_BACKGROUND)
        if self._frame is None or not self._uploaded:
            return
        if self.mode == SIDE:
            half = width // 2
            left = self.image_viewport(half, height)
            right = self.image_viewport(width - half, height)
            self.renderer.draw(fbo, left, split=1.0)
            self.renderer.draw(
                fbo, (right[0] + half, *right[1:]), split=None, clip_warnings=self.clip_warnings
            )
            return
        self.renderer.draw(
            fbo, self.image_viewport(width, height), split=self._split(), clip_warnings=self.clip_warnings
        )

    def resizeGL(self, width: int, height: int) -> None:
        self.layout_changed.emit()

    def _split(self) -> float | None:
        if self.mode == BEFORE:
            return 1.0
        if self.mode == SPLIT:
            return self.split_pos
        return None

    def image_viewport(self, width: int, height: int) -> tuple[int, int, int, int]:
        """The frame fitted inside ``width`` x ``height`` (GL coordinates, origin bottom-left)."""
        fh, fw = self._frame.shape[:2]
        scale = min(width / fw, height / fh)
        w, h = max(1, round(fw * scale)), max(1, round(fh * scale))
        return ((width - w) // 2, (height - h) // 2, w, h)

    def image_rects(self) -> list[QRect]:
        """Where the picture is, in widget coordinates: one rect, or two side by side."""
        if self._frame is None:
            return []
        fh, fw = self._frame.shape[:2]

        def fit(x: int, width: int) -> QRect:
            scale = min(width / fw, self.height() / fh)
            w, h = max(1, round(fw * scale)), max(1, round(fh * scale))
            return QRect(x + (width - w) // 2, (self.height() - h) // 2, w, h)

        if self.mode == SIDE:
            half = self.width() // 2
            return [fit(0, half), fit(half, self.width() - half)]
        return [fit(0, self.width())]

    # -- content ---------------------------------------------------------------------

    @property
    def has_frame(self) -> bool:
        return self._frame is not None

    @property
    def frame(self) -> np.ndarray | None:
        return self._frame

    def set_frame(self, rgb: np.ndarray) -> None:
        """Show a new source frame (HxWx3 uint8/uint16, sRGB-encoded)."""
        reshaped = self._frame is None or self._frame.shape != rgb.shape
        self._frame = rgb
        self._frame_times.append(time.monotonic())
        if self._fps.isVisible():
            self._update_fps()
        if reshaped:
            self.layout_changed.emit()
        if self.renderer is not None:
            self.makeCurrent()
            try:
                self._upload()
            finally:
                self.doneCurrent()
        self.update()

    def _upload(self) -> None:
        """Upload the frame, every n-th pixel of it where it is wider or taller than a texture
        can be (a panorama): the preview never shows more pixels than its widget, and export
        grades the full frame through ``GLRenderer.render``. It is graded at its size on
        screen until it has stayed ``_SETTLE_MS``."""
        step = -(-max(self._frame.shape[:2]) // self.renderer.max_size)
        frame = self._frame if step == 1 else np.ascontiguousarray(self._frame[::step, ::step])
        self._grade_at_screen_size()
        self.renderer.upload(frame)
        self._uploaded = True

    def _grade_at_screen_size(self) -> None:
        self.renderer.output_size = self.display_size()
        self._settle.start()

    def display_size(self, shape: tuple[int, ...] | None = None) -> tuple[int, int] | None:
        """(width, height) in device pixels of a frame of ``shape`` (default: the current
        frame's) fitted into the widget, never larger than the frame; ``None`` without one."""
        shape = shape or (self._frame.shape if self._frame is not None else None)
        if shape is None:
            return None
        ratio = self.devicePixelRatio()
        width, height = round(self.width() * ratio), round(self.height() * ratio)
        if self.mode == SIDE:
            width //= 2
        fh, fw = shape[:2]
        scale = min(1.0, width / fw, height / fh)
        return max(1, round(fw * scale)), max(1, round(fh * scale))

    def _show_full(self) -> None:
        if self.renderer is not None and self.renderer.output_size is not None:
            self.makeCurrent()
            try:
                self.renderer.output_size = None
            finally:
                self.doneCurrent()
            self.update()

    def set_look(self, look: Look) -> None:
        """Grade with ``look``: at once at the frame's size on screen, then at full resolution
        once no other look has come for ``_SETTLE_MS``."""
        self._look = look
        if self.renderer is not None:
            self.makeCurrent()
            try:
                self.renderer.set_look(look)
                if self._frame is not None:
                    self._grade_at_screen_size()
            finally:
                self.doneCurrent()
        self.update()

    def set_show_fps(self, on: bool) -> None:
        """Show the measured rate of new frames over the picture (View › Show FPS)."""
        self._fps.setVisible(on)
        if on:
            self._update_fps()
            self._fps_timer.start()
        else:
            self._fps_timer.stop()

    def measured_fps(self) -> float:
        """New frames shown per second over the last ``_FPS_WINDOW_S`` (0 when paused)."""
        times = self._frame_times
        while times and times[0] < time.monotonic() - _FPS_WINDOW_S:
            times.popleft()
        return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 and times[-1] > times[0] else 0.0

    def _update_fps(self) -> None:
        self._fps.setText(f"{self.measured_fps():.1f} fps")
        self._fps.adjustSize()

    def set_clip_warnings(self, on: bool) -> None:
        self.clip_warnings = on
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.layout_changed.emit()
        self.update()

    def read_graded(self) -> np.ndarray:
        """The graded frame the preview shows (uint8 HxWx3, sRGB), full size unless over the texture limit."""
        self.makeCurrent()
        try:
            self.renderer.output_size = None
            return self.renderer.read_graded()
        finally:
            self.doneCurrent()

    def read_graded_reduced(self, max_width: int) -> np.ndarray:
        """The graded frame's every n-th pixel, at most ``max_width`` wide (for the scopes)."""
        self.makeCurrent()
        try:
            return self.renderer.read_graded_reduced(max_width)
        finally:
            self.doneCurrent()

    def render_thumbnail(self, rgb: np.ndarray, look: Look) -> np.ndarray:
        """Grade a small frame with another renderer in the preview's context (uint8 HxWx3)."""
        from editor.gl import GLRenderer

        self.makeCurrent()
        try:
            if self._thumbs is None:
                self._thumbs = GLRenderer(self.ctx)
            self._thumbs.set_look(look)
            return self._thumbs.render(rgb)
        finally:
            self.doneCurrent()

    # -- split dragging --------------------------------------------------------------

    def drag_split(self, x: float) -> None:
        """Move the split to widget x coordinate ``x``."""
        ratio = self.devicePixelRatio()
        vx, _vy, vw, _vh = self.image_viewport(round(self.width() * ratio), round(self.height() * ratio))
        self.split_pos = min(1.0, max(0.0, (x * ratio - vx) / vw))
        self.layout_changed.emit()
        self.update()

    def mousePressEvent(self, event) -> None:
        if self.mode == SPLIT and self._frame is not None and event.button() == Qt.LeftButton:
            self.drag_split(event.position().x())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self.mode == SPLIT and self._frame is not None and event.buttons() & Qt.LeftButton:
            self.drag_split(event.position().x())
        super().mouseMoveEvent(event)
