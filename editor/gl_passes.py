"""The GL plumbing the renderer's passes run on: shader programs, render targets, 3D tables.

A *pass* draws one full-frame quad with a fragment shader into a render target, reading
the textures it is given by sampler name. Programs are compiled once per (shader,
includes, ``#define``s) and render targets are kept by name while their size and format
stay, so grading the next frame of the same size allocates nothing. ``editor.gl`` (the
look) and ``editor.gl_yuv`` (Y'CbCr in and out) both run their passes through one
``GLPasses``.
"""

from __future__ import annotations

from collections.abc import Mapping

import moderngl
import numpy as np

from editor.lut import Lut3D
from editor.paths import resources_dir

#: The textures a pass reads, by sampler name.
Inputs = dict[str, moderngl.Texture | moderngl.Texture3D]
#: A render target: the texture a pass writes and the framebuffer that writes it.
Target = tuple[moderngl.Texture, moderngl.Framebuffer]
#: What the first pass reads: its source include, ``#define``s, textures and uniforms.
Source = tuple[str, dict[str, int], Inputs, dict[str, object]]

#: moderngl's texture dtype for each array dtype a frame or plane may come as.
TEXTURE_DTYPES = {np.dtype(np.uint8): "f1", np.dtype(np.uint16): "nu2", np.dtype(np.float32): "f4"}


def shader_source(name: str, *includes: str, defines: Mapping[str, float] | None = None) -> str:
    """A shader from ``resources/shaders``; ``#define``s, then the ``.glsl`` includes after #version."""
    folder = resources_dir() / "shaders"
    text = (folder / name).read_text(encoding="utf-8")
    version, _, body = text.partition("\n")
    macros = [f"#define {key} {value}" for key, value in (defines or {}).items()]
    parts = [version, *macros] + [(folder / inc).read_text(encoding="utf-8") for inc in includes] + [body]
    return "\n".join(parts)


def _uniform(program: moderngl.Program, name: str) -> moderngl.Uniform:
    """``program[name]``, which moderngl types as any member (uniform, block, attribute, varying)."""
    member = program[name]
    assert isinstance(member, moderngl.Uniform), f"{name} is not a uniform"
    return member


class GLPasses:
    """Programs, named render targets and passes on one GL context.

    Args:
        ctx: The context everything is created on; ``release`` frees what was created,
            never the context itself.
    """

    def __init__(self, ctx: moderngl.Context) -> None:
        self.ctx = ctx
        quad = np.array([-1, -1, 1, -1, -1, 1, 1, 1], np.float32)
        self._quad = ctx.buffer(quad.tobytes())
        #: Programs by (fragment shader, includes..., "NAME=value" defines...).
        self.vaos: dict[tuple[str, ...], moderngl.VertexArray] = {}
        self._targets: dict[str, Target] = {}

    def vao(self, fragment: str, *includes: str, **defines: float) -> moderngl.VertexArray:
        """The full-frame quad drawn with ``fragment`` (its includes and ``#define``s), compiled once."""
        key = (fragment, *includes, *(f"{name}={value}" for name, value in defines.items()))
        if key not in self.vaos:
            program = self.ctx.program(
                vertex_shader=shader_source("quad.vert"),
                fragment_shader=shader_source(fragment, *includes, defines=defines),
            )
            self.vaos[key] = self.ctx.vertex_array(program, [(self._quad, "2f", "in_pos")])
        return self.vaos[key]

    def target(self, name: str, size: tuple[int, int], components: int = 4, dtype: str = "f2") -> Target:
        """The render target ``name``, kept while its size, components and dtype stay."""
        found = self._targets.get(name)
        if found is not None:
            if (found[0].size, found[0].components, found[0].dtype) == (size, components, dtype):
                return found
            found[1].release()
            found[0].release()
        tex = self.ctx.texture(size, components, dtype=dtype)
        tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
        tex.repeat_x = tex.repeat_y = False
        self._targets[name] = (tex, self.ctx.framebuffer(color_attachments=[tex]))
        return self._targets[name]

    def release_targets(self) -> None:
        """Free every render target (the frame size changed)."""
        for tex, fbo in self._targets.values():
            fbo.release()
            tex.release()
        self._targets.clear()

    def run(
        self,
        vao: moderngl.VertexArray,
        target: Target,
        inputs: Mapping[str, moderngl.Texture | moderngl.Texture3D],
        **uniforms: object,
    ) -> moderngl.Texture:
        """One pass: ``vao`` over all of ``target`` with ``inputs`` bound; returns the texture written."""
        tex, fbo = target
        fbo.use()
        self.ctx.viewport = (0, 0, tex.width, tex.height)
        program = vao.program
        for unit, (name, texture) in enumerate(inputs.items()):
            texture.use(unit)
            program[name] = unit
        for name, value in uniforms.items():
            if isinstance(value, np.ndarray):
                _uniform(program, name).write(value)
            else:
                program[name] = value
        vao.render(moderngl.TRIANGLE_STRIP)
        return tex

    def table_texture(self, lut: Lut3D, tex: moderngl.Texture3D | None) -> moderngl.Texture3D:
        """``lut`` as a trilinear RGBA float 3D texture, written into ``tex`` when it is the size."""
        n = lut.size
        rgba = np.ones((n, n, n, 4), np.float32)
        rgba[..., :3] = lut.table
        if tex is None or tex.size != (n, n, n):
            if tex is not None:
                tex.release()
            tex = self.ctx.texture3d((n, n, n), 4, dtype="f4")
            tex.filter = (moderngl.LINEAR, moderngl.LINEAR)
            tex.repeat_x = tex.repeat_y = tex.repeat_z = False
        tex.write(rgba)
        return tex

    def release(self) -> None:
        """Free the targets, programs and the quad."""
        self.release_targets()
        for vao in self.vaos.values():
            vao.program.release()
            vao.release()
        self.vaos.clear()
        self._quad.release()
