"""The OpenGL renderer: the look on the GPU, for the live preview and for export.

The pointwise operations 1-11 are baked on the CPU into one 3D LUT
(``editor.pipeline.bake_pointwise(..., include_filter=False)``) and applied with one
trilinear 3D-texture lookup; the Filter preset (step 12) is its own 3D texture,
uploaded once per preset and cached, looked up after it and blended at its intensity,
so a slider move re-bakes only steps 1-11. The spatial operations (structure, bloom,
sharpen) run as GLSL passes (``editor.gl_spatial``): prep and box-downsample
(``editor.pipeline.blur``'s reduced-resolution rule), separable Gaussian blur at the
reduced size, bilinear upsample inside combine; a full-resolution luma blur (sharpen)
runs on luma packed four pixels to a texel. Intermediates are RGBA16F (R16F for the
reduced luma blurs); the last pass writes the RGBA8 ``graded`` texture, which is what
``draw`` shows and ``read_graded``/``render`` read back (quantized by GL as
round(clamp(x, 0, 1) * 255)), or, for ``render(..., deep=True)`` (16-bit photos), an
RGBA16 one read back as uint16. Export (``set_look(..., fused=True)``) bakes steps 1-12
into one finer table instead.

Frames come in as R'G'B' arrays or as a decoded picture's Y'CbCr planes
(``editor.media_color.YuvImage``), which the first pass converts itself as swscale
would; for the encoder, ``start_yuv420``/``finish_yuv420`` turn the graded frame into
BT.709 limited-range 4:2:0 planes on the GPU and read them back through pixel-buffer
objects (both in ``editor.gl_yuv``). A frame larger than the GPU's texture limit (a panorama)
is graded in tiles when the look is pointwise, which gives the same pixels, and by the
numpy reference ``editor.pipeline.render_cpu`` (which the shaders match within 2/255)
when a spatial operation needs the whole picture. Programs, textures and framebuffers
(``editor.gl_passes``, the plumbing every pass runs on) are kept while the frame size
stays. Preview and export run the same shaders. Only GL 3.3 core is used and no default
framebuffer is assumed, so the same class runs on a standalone EGL context and inside a
Qt ``QOpenGLWidget``.

Images are HxWx3 with row 0 at the top, sRGB-encoded; textures keep that row order,
so processing passes map pixels 1:1 and only ``draw`` flips for the screen.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Any

import moderngl
import numpy as np

from editor.errors import EditorError, MediaError
from editor.filters import is_user_lut, load_filter
from editor.gl_passes import TEXTURE_DTYPES, GLPasses, Source, Target
from editor.gl_spatial import BlurPlan, SpatialPasses, blur_plan
from editor.gl_yuv import Yuv420Readback, upload_planes, yuv_source
from editor.lut import Lut3D
from editor.media_color import YuvImage
from editor.pipeline import (
    LUT_SIZE,
    active_pointwise,
    active_spatial,
    bake_pointwise,
    filter_preset,
    render_cpu,
)
from editor.pipeline.protocol import SpatialOp
from editor.schema import Look

log = logging.getLogger(__name__)

#: The table of a fused look (``set_look(..., fused=True)``), steps 1-12 in one.
FUSED_LUT_SIZE = 65


@dataclass(frozen=True)
class _Filter:
    """The Filter preset's table (step 12), looked up after the look's and blended at ``mix``."""

    texture: moderngl.Texture3D
    mix: float
    #: A color c looks the table up at (c - domain_min) * scale, per channel.
    domain_min: tuple[float, ...]
    scale: tuple[float, ...]


class GLRenderer:
    """Renders a look on frames with OpenGL 3.3 core (see the module docstring).

    Use: ``set_look``, then ``upload`` a frame and read it (``read_graded``, ``draw``,
    ``start_yuv420``), or ``render`` for both at once; ``release`` when done.

    Args:
        ctx: A current GL 3.3 core context to render in (the preview's, inside Qt's
            ``QOpenGLWidget``), which stays the caller's. ``None`` creates (and owns) a
            standalone one: EGL on Linux, which needs no X server, and the platform's own
            (CGL on macOS, WGL on Windows) elsewhere.

    Raises:
        EditorError: ``ctx`` is ``None`` and no OpenGL 3.3 context can be made.
    """

    def __init__(self, ctx: moderngl.Context | None = None) -> None:
        self._owns_ctx = ctx is None
        if ctx is None:
            # Any: moderngl's stub types every **settings value as a dict; backend is a str.
            backend: dict[str, Any] = {"backend": "egl"} if sys.platform.startswith("linux") else {}
            try:
                ctx = moderngl.create_standalone_context(require=330, **backend)
            except Exception as exc:
                log.warning("standalone OpenGL context failed", exc_info=True)
                raise EditorError(f"OpenGL 3.3 is not available for rendering ({exc}).") from exc
        self.ctx = ctx
        self._gl = GLPasses(ctx)
        self._display = self._gl.vao("display.frag")
        self._lut_tex: moderngl.Texture3D | None = None
        self._filter_texs: dict[str, tuple[Lut3D, moderngl.Texture3D]] = {}
        self._filter: _Filter | None = None
        self._spatial: list[SpatialPasses] = []
        self._plans: dict[tuple[str, int, int], BlurPlan] = {}
        self._look = Look()
        self._src: moderngl.Texture | None = None
        #: The uploaded picture when it came as Y'CbCr planes (``self._planes``), else None.
        self._yuv: YuvImage | None = None
        self._planes: list[moderngl.Texture] = []
        #: (width, height) of the picture uploaded, upright.
        self._source_size: tuple[int, int] | None = None
        self._output_size: tuple[int, int] | None = None
        self._size: tuple[int, int] | None = None
        self._graded_dtype = "f1"
        self._yuv420 = Yuv420Readback(self._gl)
        self.max_size = int(ctx.info["GL_MAX_TEXTURE_SIZE"])
        self._dirty = True

    # -- setup ---------------------------------------------------------------------

    @property
    def look(self) -> Look:
        return self._look

    def set_look(self, look: Look, *, fused: bool = False) -> None:
        """Commit a look: bake and upload steps 1-11, pick the filter table, set up the spatial passes.

        ``fused`` (export, where the look stays for every frame) bakes steps 1-12 into one
        ``FUSED_LUT_SIZE`` table instead: one lookup per pixel instead of two, and a bake
        too slow for a slider (about 0.2 s) once per export. The finer grid keeps every look
        within the pointwise bound (a strong filter: 1 on photos, 2 at saturated corners,
        where its own lookup gives 1). A user's LUT keeps its own lookup even then: it may
        be any size and as steep as a log curve, which a resampled table would bend.
        """
        fused = fused and not (look.filter is not None and is_user_lut(look.filter.name))
        if fused and active_pointwise(look):
            self._upload_lut(bake_pointwise(look, FUSED_LUT_SIZE, include_filter=True))
        elif any(op is not filter_preset for op in active_pointwise(look)):
            self._upload_lut(bake_pointwise(look, LUT_SIZE, include_filter=False))
        elif self._lut_tex is not None:
            self._lut_tex.release()
            self._lut_tex = None
        self._filter = None
        if look.filter is not None and not fused:
            lut = load_filter(look.filter.name)
            dmin = np.asarray(lut.domain_min, np.float32)
            scale = 1.0 / (np.asarray(lut.domain_max, np.float32) - dmin)
            mix = look.filter.intensity / filter_preset.FILTER_INTENSITY.maximum
            texture = self._filter_texture(look.filter.name, lut)
            self._filter = _Filter(texture, mix, tuple(dmin), tuple(scale))
        self._spatial = [SpatialPasses.build(self._gl, op, look) for op in active_spatial(look)]
        self._look = look
        self._dirty = True

    def _upload_lut(self, lut: Lut3D) -> None:
        self._lut_tex = self._gl.table_texture(lut, self._lut_tex)

    def _filter_texture(self, name: str, lut: Lut3D) -> moderngl.Texture3D:
        # Keyed by name but checked against the table: a user LUT relinked or edited on
        # disk under the same name is a new table.
        cached = self._filter_texs.get(name)
        if cached is None or cached[0] is not lut:
            self._filter_texs[name] = (lut, self._gl.table_texture(lut, cached[1] if cached else None))
        return self._filter_texs[name][1]

    def upload(self, frame: np.ndarray | YuvImage) -> None:
        """Upload a frame: HxWx3 uint8, uint16 or float32 in [0, 1], sRGB-encoded, row 0 on top;
        or a decoded picture's Y'CbCr planes, which the first pass converts to R'G'B' itself."""
        if isinstance(frame, YuvImage):
            upload_planes(self.ctx, self._planes, frame, self.max_size)
            self._yuv = frame
            self._source_size = frame.upright_size
            self._resized()
            return
        rgb = np.asarray(frame)
        dtype = TEXTURE_DTYPES.get(rgb.dtype)
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.shape[0] < 1 or rgb.shape[1] < 1 or dtype is None:
            raise MediaError(
                "A frame must be a non-empty HxWx3 uint8, uint16 or float32 array, "
                f"not {rgb.dtype} {rgb.shape}."
            )
        h, w = rgb.shape[:2]
        if max(h, w) > self.max_size:
            # The driver may crash instead of failing on a texture over its limit.
            raise MediaError(f"A {w}x{h} frame is over this GPU's texture limit of {self.max_size} pixels.")
        if self._src is None or self._src.size != (w, h) or self._src.dtype != dtype:
            if self._src is not None:
                self._src.release()
            self._src = self.ctx.texture((w, h), 3, dtype=dtype)
            self._src.filter = (moderngl.LINEAR, moderngl.LINEAR)
            self._src.repeat_x = self._src.repeat_y = False
        self._src.write(np.ascontiguousarray(rgb), alignment=1)
        self._yuv = None
        self._source_size = (w, h)
        self._resized()

    @property
    def output_size(self) -> tuple[int, int] | None:
        """(width, height) to grade uploaded R'G'B' frames at, when smaller than they are:
        the preview grades at the picture's size on screen while it moves. ``None`` (the
        default, and always for Y'CbCr uploads): at the frame's own size."""
        return self._output_size

    @output_size.setter
    def output_size(self, size: tuple[int, int] | None) -> None:
        self._output_size = size
        if self._source_size is not None:
            self._resized()

    def _resized(self) -> None:
        size = self._source_size
        assert size is not None, "called once a frame is uploaded"
        if self._output_size is not None and self._yuv is None:
            size = (min(size[0], self._output_size[0]), min(size[1], self._output_size[1]))
        if self._size != size:
            self._gl.release_targets()
            self._plans.clear()
            self._size = size
        self._dirty = True

    def _frame_size(self) -> tuple[int, int]:
        """(width, height) the frame is graded at; only once one is uploaded."""
        assert self._size is not None, "no frame has been uploaded"
        return self._size

    def _source(self) -> Source:
        """What the first pass reads: its include, #defines, textures and uniforms."""
        if self._yuv is not None:
            return yuv_source(self._yuv, self._planes)
        src, source_size, size = self._src, self._source_size, self._frame_size()
        assert src is not None and source_size is not None, "no frame has been uploaded"
        if size == source_size:
            return "source_rgb.glsl", {"SCALED": 0}, {"src": src}, {}
        scale = (source_size[0] / size[0], source_size[1] / size[1])
        return "source_rgb.glsl", {"SCALED": 1}, {"src": src}, {"source_scale": scale}

    def _target(
        self, name: str, size: tuple[int, int] | None = None, components: int = 4, dtype: str = "f2"
    ) -> Target:
        """A render target, kept across frames; ``size`` defaults to the frame size."""
        return self._gl.target(name, size or self._frame_size(), components, dtype)

    # -- processing ----------------------------------------------------------------

    def _plan(self, op: SpatialOp) -> BlurPlan:
        width, height = self._frame_size()
        key = (op.NAME, width, height)
        if key not in self._plans:
            self._plans[key] = blur_plan(op, width, height)
        return self._plans[key]

    def _process(self) -> None:
        if self._src is None and self._yuv is None:
            raise EditorError("No frame has been uploaded to the renderer.")
        self.ctx.disable(moderngl.BLEND | moderngl.DEPTH_TEST | moderngl.CULL_FACE)
        graded = self._target("graded", dtype=self._graded_dtype)
        target = graded if not self._spatial else self._target("image0")
        include, defines, inputs, uniforms = self._source()
        if self._lut_tex is None and self._filter is None:
            copy = self._gl.vao("copy.frag", "color.glsl", include, **defines)
            image = self._gl.run(copy, target, inputs, **uniforms)
        else:
            if self._lut_tex is not None:
                inputs["lut"] = self._lut_tex
                uniforms["lut_size"] = float(self._lut_tex.size[0])
            if self._filter is not None:
                table = self._filter
                inputs["filter_lut"] = table.texture
                uniforms |= {"filter_size": float(table.texture.size[0]), "filter_mix": table.mix,
                             "filter_min": table.domain_min, "filter_scale": table.scale}
            vao = self._gl.vao("lut.frag", "color.glsl", include, USE_LUT=int(self._lut_tex is not None),
                            USE_FILTER=int(self._filter is not None), **defines)
            image = self._gl.run(vao, target, inputs, **uniforms)
        for i, step in enumerate(self._spatial):
            if i == len(self._spatial) - 1:
                target = graded
            else:
                # The operations ping-pong between two images, starting from image0.
                target = self._target(f"image{(i + 1) % 2}")
            image = step.run(self._gl, self._plan(step.op), image, target)
        self._dirty = False

    def _bring_up_to_date(self) -> tuple[int, int]:
        """Grade the uploaded frame into the ``graded`` target if the frame, look or size
        changed since it was last graded; returns its (width, height)."""
        if self._dirty:
            self._process()
        return self._frame_size()

    @property
    def graded_texture(self) -> moderngl.Texture:
        """The full-resolution graded frame (RGBA8, row 0 = image top), brought up to date."""
        self._bring_up_to_date()
        return self._target("graded", dtype=self._graded_dtype)[0]

    def read_graded(self, out: np.ndarray | None = None) -> np.ndarray:
        """The graded frame as uint8 HxWx3 (what ``draw`` shows), brought up to date.

        Reads into ``out`` (C-contiguous uint8 HxWx3) when given, else into a new array.
        """
        w, h = self._bring_up_to_date()
        dtype = np.uint16 if self._graded_dtype == "nu2" else np.uint8
        if out is None:
            out = np.empty((h, w, 3), dtype)
        elif out.shape != (h, w, 3) or out.dtype != dtype or not out.flags.c_contiguous:
            raise MediaError(
                f"The output buffer must be a contiguous {np.dtype(dtype)} {h}x{w}x3 array, "
                f"not {out.dtype} {out.shape}."
            )
        fbo = self._target("graded", dtype=self._graded_dtype)[1]
        fbo.read_into(out, components=3, alignment=1, dtype=self._graded_dtype)
        return out

    def read_graded_reduced(self, max_width: int) -> np.ndarray:
        """Every n-th pixel of the graded frame, n the least that fits ``max_width`` columns
        (the pixels ``editor.scopes.reduced`` picks), picked on the GPU and read back small."""
        graded = self.graded_texture
        w, h = self._frame_size()
        step = max(1, -(-w // max_width))
        size = (-(-w // step), -(-h // step))
        target = self._target("reduced", size, 4, "f1")
        self._gl.run(self._gl.vao("subsample.frag", "color.glsl"), target, {"src": graded}, step=step)
        out = np.empty((size[1], size[0], 3), np.uint8)
        target[1].read_into(out, components=3, alignment=1)
        return out

    def start_yuv420(self) -> int:
        """Convert the graded frame to BT.709 limited-range 4:2:0 (``yuv_luma.frag``,
        ``yuv_chroma.frag``) and start reading it into one of ``YUV_SLOTS`` pixel-buffer
        objects; returns the slot for ``finish_yuv420``.

        The read is queued, not waited for: a GPU fills the buffer while the caller
        uploads and renders the next frame, and only ``finish_yuv420`` waits. At most
        ``YUV_SLOTS - 1`` reads may be outstanding, so a slot is never refilled unread.
        """
        if self._graded_dtype != "f1":
            # The conversion starts from the 8-bit RGB an RGB readback would give, as swscale's does.
            self._graded_dtype = "f1"
            self._dirty = True
        graded = self.graded_texture
        return self._yuv420.start(graded, self._frame_size())

    def finish_yuv420(self, slot: int) -> tuple[np.ndarray, np.ndarray]:
        """The planes ``start_yuv420`` read into ``slot``: Y' (H, W; a view of rows padded to
        a multiple of 4) and interleaved Cb, Cr (ceil(H/2), ceil(W/2), 2), uint8, waiting for
        the GPU where it has not finished."""
        return self._yuv420.finish(slot)

    def render(
        self, frame: np.ndarray | YuvImage, out: np.ndarray | None = None, *, deep: bool = False
    ) -> np.ndarray:
        """Grade one frame (HxWx3 uint8, uint16 or float32 in [0, 1], or Y'CbCr planes) -> uint8
        HxWx3 (into ``out``), or uint16 HxWx3 with ``deep``."""
        rgb = frame if isinstance(frame, YuvImage) else np.asarray(frame)
        if isinstance(rgb, np.ndarray) and rgb.ndim == 3 and max(rgb.shape[:2]) > self.max_size:
            return self._render_on_cpu(rgb, deep) if self._spatial else self._render_in_tiles(rgb, deep)
        dtype = "nu2" if deep else "f1"
        if dtype != self._graded_dtype:
            self._graded_dtype = dtype
            self._dirty = True
        self.upload(rgb)
        return self.read_graded(out)

    def _render_in_tiles(self, rgb: np.ndarray, deep: bool) -> np.ndarray:
        step = self.max_size
        out = np.empty(rgb.shape, np.uint16 if deep else np.uint8)
        for y in range(0, rgb.shape[0], step):
            for x in range(0, rgb.shape[1], step):
                out[y : y + step, x : x + step] = self.render(rgb[y : y + step, x : x + step], deep=deep)
        return out

    def _render_on_cpu(self, rgb: np.ndarray, deep: bool) -> np.ndarray:
        log.info("frame %s exceeds the GL texture limit %d; grading on the CPU", rgb.shape, self.max_size)
        scale = {np.dtype(np.uint8): 255.0, np.dtype(np.uint16): 65535.0}.get(rgb.dtype, 1.0)
        graded = render_cpu(np.asarray(rgb, np.float32) / np.float32(scale), self._look)
        top = 65535.0 if deep else 255.0
        return (np.clip(graded, 0.0, 1.0) * np.float32(top) + 0.5).astype(np.uint16 if deep else np.uint8)

    def draw(
        self,
        fbo: moderngl.Framebuffer,
        viewport: tuple[int, int, int, int],
        *,
        split: float | None = None,
        clip_warnings: bool = False,
    ) -> None:
        """Draw the graded last-uploaded frame scaled into ``viewport`` (x, y, w, h) of ``fbo``.

        ``split`` is the fraction of the width, from the left, that shows the ungraded
        source (before/after); ``None`` shows it all graded. ``clip_warnings`` marks the
        graded pixels that clip (``editor.scopes.clipping``): red where a channel is at
        255, blue where all three are at 0.
        """
        graded = self.graded_texture
        original = self._original()
        fbo.use()
        x, y, width, height = viewport
        self.ctx.viewport = (x, y, width, height)
        graded.use(0)
        original.use(1)
        program = self._display.program
        program["graded"] = 0
        program["original"] = 1
        program["split"] = -1.0 if split is None else float(split)
        program["clip_warnings"] = bool(clip_warnings)
        self._display.render(moderngl.TRIANGLE_STRIP)

    def _original(self) -> moderngl.Texture:
        """The ungraded frame as R'G'B' for ``draw``: the uploaded texture, or the Y'CbCr
        planes converted into a target."""
        if self._yuv is None:
            assert self._src is not None, "draw grades (and so checks) an upload first"
            return self._src
        include, defines, inputs, uniforms = self._source()
        vao = self._gl.vao("copy.frag", "color.glsl", include, **defines)
        return self._gl.run(vao, self._target("original"), inputs, **uniforms)

    def release(self) -> None:
        """Free the GL objects (and the context, when this renderer created it)."""
        self._yuv420.release()
        for tex in (self._src, self._lut_tex, *self._planes, *(tex for _, tex in self._filter_texs.values())):
            if tex is not None:
                tex.release()
        self._src = self._lut_tex = self._filter = self._yuv = None
        self._planes.clear()
        self._filter_texs.clear()
        self._gl.release()
        if self._owns_ctx:
            self.ctx.release()
