"""The OpenGL renderer: the look on the GPU, for the live preview and for export.

The pointwise operations and the filter are baked on the CPU into one 3D LUT
(``editor.pipeline.bake_pointwise``) and applied in one trilinear 3D-texture lookup;
the spatial operations (structure, bloom, sharpen) run as GLSL passes with separable
Gaussian blurs into RGBA32F framebuffers; the last pass writes the RGBA8 ``graded``
texture, which is what ``draw`` shows and ``read_graded``/``render`` read back
(quantized by GL as round(clamp(x, 0, 1) * 255)). Preview and export run the same
shaders. Only GL 3.3 core is used and no default framebuffer is assumed, so the same
class runs on a standalone EGL context and inside a Qt ``QOpenGLWidget``.

Images are HxWx3 with row 0 at the top, sRGB-encoded; textures keep that row order,
so processing passes map pixels 1:1 and only ``draw`` flips for the screen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from types import ModuleType

import moderngl
import numpy as np

from editor.errors import EditorError, MediaError
from editor.lut import Lut3D
from editor.paths import resources_dir
from editor.pipeline import LUT_SIZE, active_pointwise, active_spatial, bake_pointwise
from editor.pipeline.blur import MAX_RADIUS, gaussian_kernel, sigma_for
from editor.schema import Look

log = logging.getLogger(__name__)

_DTYPES = {np.dtype(np.uint8): "f1", np.dtype(np.uint16): "nu2", np.dtype(np.float32): "f4"}


def shader_source(name: str, *includes: str) -> str:
    """A shader from ``resources/shaders`` with the ``.glsl`` includes after its #version line."""
    folder = resources_dir() / "shaders"
    text = (folder / name).read_text(encoding="utf-8")
    version, _, body = text.partition("\n")
    parts = [version] + [(folder / inc).read_text(encoding="utf-8") for inc in includes] + [body]
    return "\n".join(parts)


@dataclass
class _Spatial:
    op: ModuleType
    amount: float
    prep: moderngl.VertexArray
    combine: moderngl.VertexArray


class GLRenderer:
    """Renders a look on RGB frames with OpenGL 3.3 core (see the module docstring).

    ``ctx=None`` creates (and owns) a standalone EGL context.
    """

    def __init__(self, ctx: moderngl.Context | None = None) -> None:
        self._owns_ctx = ctx is None
        if ctx is None:
            try:
                ctx = moderngl.create_standalone_context(backend="egl", require=330)
            except Exception as exc:
                log.warning("standalone EGL context failed", exc_info=True)
                raise EditorError(f"OpenGL 3.3 is not available through EGL ({exc}).") from exc
        self.ctx = ctx
        quad = np.array([-1, -1, 1, -1, -1, 1, 1, 1], np.float32)
        self._quad = ctx.buffer(quad.tobytes())
        self._vaos: dict[tuple[str, ...], moderngl.VertexArray] = {}
        self._copy = self._vao("copy.frag", "color.glsl")
        self._lut_pass = self._vao("lut.frag", "color.glsl")
        self._blur = self._vao("blur.frag", "color.glsl")
        self._display = self._vao("display.frag")
        self._lut_tex: moderngl.Texture3D | None = None
        self._spatial: list[_Spatial] = []
        self._look = Look()
        self._src: moderngl.Texture | None = None
        self._size: tuple[int, int] | None = None
        self._targets: dict[str, tuple[moderngl.Texture, moderngl.Framebuffer]] = {}
        self._dirty = True

    # -- setup ---------------------------------------------------------------------

    def _vao(self, fragment: str, *includes: str) -> moderngl.VertexArray:
        key = (fragment, *includes)
        if key not in self._vaos:
            program = self.ctx.program(
                vertex_shader=shader_source("quad.vert"),
                fragment_shader=shader_source(fragment, *includes),
            )
            self._vaos[key] = self.ctx.vertex_array(program, [(self._quad, "2f", "in_pos")])
        return self._vaos[key]

    @property
    def look(self) -> Look:
        return self._look

    def set_look(self, look: Look) -> None:
        """Commit a look: bake and upload the pointwise LUT, set up the spatial passes."""
        if active_pointwise(look):
            self._upload_lut(bake_pointwise(look, LUT_SIZE))
        elif self._lut_tex is not None:
            self._lut_tex.release()
            self._lut_tex = None
        self._spatial = [
            _Spatial(
                op,
                float(op.amount(op.params(look))),
                self._vao("prep.frag", "color.glsl", op.SHADER),
                self._vao("combine.frag", "color.glsl", op.SHADER),
            )
            for op in active_spatial(look)
        ]
        self._look = look
        self._dirty = True

    def _upload_lut(self, lut: Lut3D) -> None:
        n = lut.size
        rgba = np.ones((n, n, n, 4), np.float32)
        rgba[..., :3] = lut.table
        if self._lut_tex is None or self._lut_tex.size != (n, n, n):
            if self._lut_tex is not None:
                self._lut_tex.release()
            self._lut_tex = self.ctx.texture3d((n, n, n), 4, dtype="f4")
            self._lut_tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
            self._lut_tex.repeat_x = self._lut_tex.repeat_y = self._lut_tex.repeat_z = False
        self._lut_tex.write(rgba.tobytes())

    def upload(self, rgb: np.ndarray) -> None:
        """Upload a frame: HxWx3 uint8, uint16 or float32 in [0, 1], sRGB-encoded, row 0 on top."""
        rgb = np.asarray(rgb)
        dtype = _DTYPES.get(rgb.dtype)
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.shape[0] < 1 or rgb.shape[1] < 1 or dtype is None:
            raise MediaError(
                f"A frame must be a non-empty HxWx3 uint8, uint16 or float32 array, not {rgb.dtype} {rgb.shape}."
            )
        h, w = rgb.shape[:2]
        if self._src is None or self._src.size != (w, h) or self._src.dtype != dtype:
            if self._src is not None:
                self._src.release()
            self._src = self.ctx.texture((w, h), 3, dtype=dtype)
            self._src.filter = (moderngl.LINEAR, moderngl.LINEAR)
            self._src.repeat_x = self._src.repeat_y = False
        self._src.write(np.ascontiguousarray(rgb).tobytes(), alignment=1)
        if self._size != (w, h):
            self._release_targets()
            self._size = (w, h)
        self._dirty = True

    def _target(self, name: str, dtype: str = "f4") -> tuple[moderngl.Texture, moderngl.Framebuffer]:
        if name not in self._targets:
            tex = self.ctx.texture(self._size, 4, dtype=dtype)
            tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
            tex.repeat_x = tex.repeat_y = False
            self._targets[name] = (tex, self.ctx.framebuffer(color_attachments=[tex]))
        return self._targets[name]

    def _release_targets(self) -> None:
        for tex, fbo in self._targets.values():
            fbo.release()
            tex.release()
        self._targets.clear()

    # -- processing ----------------------------------------------------------------

    def _pass(self, vao: moderngl.VertexArray, target: str, inputs: dict[str, moderngl.Texture], **uniforms) -> None:
        _, fbo = self._target(target, "f1" if target == "graded" else "f4")
        fbo.use()
        self.ctx.viewport = (0, 0, *self._size)
        for unit, (name, tex) in enumerate(inputs.items()):
            tex.use(unit)
            vao.program[name].value = unit
        for name, value in uniforms.items():
            if isinstance(value, np.ndarray):
                vao.program[name].write(value.tobytes())
            else:
                vao.program[name].value = value
        vao.render(moderngl.TRIANGLE_STRIP)

    def _process(self) -> None:
        if self._src is None:
            raise EditorError("No frame has been uploaded to the renderer.")
        self.ctx.disable(moderngl.BLEND | moderngl.DEPTH_TEST | moderngl.CULL_FACE)
        last = not self._spatial
        first_target = "graded" if last else "image0"
        if self._lut_tex is not None:
            self._pass(
                self._lut_pass, first_target, {"src": self._src, "lut": self._lut_tex}, lut_size=float(self._lut_tex.size[0])
            )
        else:
            self._pass(self._copy, first_target, {"src": self._src})
        current = first_target
        h, w = self._size[1], self._size[0]
        for i, step in enumerate(self._spatial):
            kernel = gaussian_kernel(sigma_for((h, w), step.op.SIGMA_FRACTION))
            radius = len(kernel) // 2
            half = np.zeros(MAX_RADIUS + 1, np.float32)
            half[: radius + 1] = kernel[radius:]
            image = self._targets[current][0]
            self._pass(step.prep, "blur_a", {"src": image})
            self._pass(self._blur, "blur_b", {"src": self._target("blur_a")[0]}, direction=(1, 0), radius=radius, weights=half)
            self._pass(self._blur, "blur_a", {"src": self._target("blur_b")[0]}, direction=(0, 1), radius=radius, weights=half)
            out = "graded" if i == len(self._spatial) - 1 else ("image1" if current == "image0" else "image0")
            self._pass(step.combine, out, {"src": image, "blurred": self._target("blur_a")[0]}, amount=step.amount)
            current = out
        self._dirty = False

    @property
    def graded_texture(self) -> moderngl.Texture:
        """The full-resolution graded frame (RGBA8, row 0 = image top), brought up to date."""
        if self._dirty:
            self._process()
        return self._target("graded", "f1")[0]

    def read_graded(self) -> np.ndarray:
        """The graded frame as uint8 HxWx3 (what ``draw`` shows), brought up to date."""
        self.graded_texture
        _, fbo = self._target("graded", "f1")
        data = fbo.read(components=3, alignment=1)
        w, h = self._size
        return np.frombuffer(data, np.uint8).reshape(h, w, 3)

    def render(self, rgb: np.ndarray) -> np.ndarray:
        """Grade one frame (HxWx3 uint8, uint16 or float32 in [0, 1]) -> uint8 HxWx3."""
        self.upload(rgb)
        return self.read_graded()

    def draw(
        self, fbo: moderngl.Framebuffer, viewport: tuple[int, int, int, int], *, split: float | None = None
    ) -> None:
        """Draw the graded last-uploaded frame scaled into ``viewport`` (x, y, w, h) of ``fbo``.

        ``split`` is the fraction of the width, from the left, that shows the ungraded
        source (before/after); ``None`` shows it all graded.
        """
        graded = self.graded_texture
        fbo.use()
        self.ctx.viewport = tuple(viewport)
        graded.use(0)
        self._src.use(1)
        program = self._display.program
        program["graded"].value = 0
        program["original"].value = 1
        program["split"].value = -1.0 if split is None else float(split)
        self._display.render(moderngl.TRIANGLE_STRIP)

    def release(self) -> None:
        """Free the GL objects (and the context, when this renderer created it)."""
        self._release_targets()
        for tex in (self._src, self._lut_tex):
            if tex is not None:
                tex.release()
        self._src = self._lut_tex = None
        for vao in self._vaos.values():
            vao.program.release()
            vao.release()
        self._vaos.clear()
        self._quad.release()
        if self._owns_ctx:
            self.ctx.release()
