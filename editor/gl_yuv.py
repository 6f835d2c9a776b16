"""Y'CbCr in and out of the GL renderer.

In: a decoded picture's planes (``editor.media_color.YuvImage``) are uploaded as they
are, row padding included, and the renderer's first pass (``source_yuv.glsl``) converts
them to R'G'B' as swscale would, turning the picture upright on the way. Out: the graded frame
becomes BT.709 limited-range 4:2:0 planes for the encoder (``yuv_luma.frag``,
``yuv_chroma.frag``), read back through pixel-buffer objects so that a GPU fills them
while the caller goes on with the next frame.
"""

from __future__ import annotations

import moderngl
import numpy as np

from editor.errors import MediaError
from editor.gl_passes import TEXTURE_DTYPES, GLPasses, Inputs, Source
from editor.media_color import YuvImage

#: Pixel-buffer objects that ``Yuv420Readback.start`` reads graded frames back through.
#: At most ``YUV_SLOTS - 1`` reads may be outstanding, and export has two: it finishes a
#: frame's read only after starting the next one's (``editor.export_video``).
YUV_SLOTS = 3


def upload_planes(
    ctx: moderngl.Context, textures: list[moderngl.Texture], image: YuvImage, max_size: int
) -> None:
    """Write ``image``'s planes into ``textures`` (one per plane), replacing those of another
    size or type; a picture over ``max_size``, the texture limit, is a ``MediaError``."""
    if max(image.width, image.height) > max_size:
        raise MediaError(
            f"A {image.width}x{image.height} frame is over this GPU's texture limit of {max_size} pixels."
        )
    dtype = TEXTURE_DTYPES[image.planes[0].dtype]
    for i, plane in enumerate(image.planes):
        # The whole rows, padding included: texelFetch never reads past the picture,
        # and no copy is made to cut the padding off.
        size = (plane.shape[1], plane.shape[0])
        if i == len(textures):
            textures.append(ctx.texture(size, 1, dtype=dtype))
        elif (textures[i].size, textures[i].dtype) != (size, dtype):
            textures[i].release()
            textures[i] = ctx.texture(size, 1, dtype=dtype)
        textures[i].write(plane, alignment=1)


def yuv_source(image: YuvImage, textures: list[moderngl.Texture]) -> Source:
    """What the first pass reads to convert ``image``, uploaded into ``textures``, to R'G'B'."""
    # Normalized texel n -> value n * x - y, in [0, 1] for Y' and [-0.5, 0.5] for Cb, Cr.
    top = 255.0 if image.planes[0].dtype == np.uint8 else 65535.0
    if image.full_range:
        full = 2.0**image.bits - 1
        luma, chroma = (top / full, 0.0), (top / full, 2.0 ** (image.bits - 1) / full)
    else:
        step = 2.0 ** (image.bits - 8)
        luma, chroma = (top / step / 219, 16 / 219), (top / step / 224, 128 / 224)
    sx, sy = image.chroma_shift
    defines = {"TURNS": image.turns, "CHROMA_SHIFT_X": sx, "CHROMA_SHIFT_Y": sy,
               "CHROMA_LERP": int(image.bits > 8 and sy == 1)}
    inputs: Inputs = dict(zip(("plane_y", "plane_u", "plane_v"), textures, strict=True))
    uniforms: dict[str, object] = {"luma_map": luma, "chroma_map": chroma, "kr_kb": image.kr_kb}
    if image.turns:
        uniforms["coded_size"] = (image.width, image.height)
    return "source_yuv.glsl", defines, inputs, uniforms


class Yuv420Readback:
    """Graded frames to BT.709 limited-range 4:2:0 planes, read back without waiting.

    Args:
        passes: The renderer's passes, whose targets ``luma`` and ``chroma`` it uses.
    """

    def __init__(self, passes: GLPasses) -> None:
        self._passes = passes
        self._pbos: list[tuple[moderngl.Buffer, tuple[int, int]] | None] = [None] * YUV_SLOTS
        self._next_slot = 0

    def start(self, graded: moderngl.Texture, size: tuple[int, int]) -> int:
        """Convert ``graded`` ((width, height) ``size``, RGBA8) and start reading it into the
        next of ``YUV_SLOTS`` pixel-buffer objects; returns the slot for ``finish``."""
        passes = self._passes
        w, h = size
        cw, ch = -(-w // 2), -(-h // 2)
        luma = passes.target("luma", (-(-w // 4), h), 4, "f1")
        chroma = passes.target("chroma", (cw, ch), 2, "f1")
        passes.run(passes.vao("yuv_luma.frag", "color.glsl"), luma, {"src": graded})
        passes.run(passes.vao("yuv_chroma.frag", "color.glsl"), chroma, {"src": graded})
        slot = self._next_slot
        self._next_slot = (slot + 1) % YUV_SLOTS
        row = -(-w // 4) * 4
        nbytes = row * h + 2 * cw * ch
        pbo = self._pbos[slot]
        if pbo is None or pbo[0].size != nbytes:
            if pbo is not None:
                pbo[0].release()
            pbo = (passes.ctx.buffer(reserve=nbytes, dynamic=True), (w, h))
        self._pbos[slot] = (pbo[0], (w, h))
        luma[1].read_into(pbo[0], components=4, alignment=1)
        chroma[1].read_into(pbo[0], components=2, alignment=1, write_offset=row * h)
        return slot

    def finish(self, slot: int) -> tuple[np.ndarray, np.ndarray]:
        """The planes ``start`` read into ``slot``: Y' (H, W; a view of rows padded to a
        multiple of 4) and interleaved Cb, Cr (ceil(H/2), ceil(W/2), 2), uint8, waiting for
        the GPU where it has not finished."""
        entry = self._pbos[slot]
        assert entry is not None, f"slot {slot} was not started by start_yuv420"
        pbo, (w, h) = entry
        cw, ch = -(-w // 2), -(-h // 2)
        row = -(-w // 4) * 4
        y = np.empty((h, row), np.uint8)
        uv = np.empty((ch, cw, 2), np.uint8)
        pbo.read_into(y, size=row * h)
        pbo.read_into(uv, size=2 * cw * ch, offset=row * h)
        return y[:, :w], uv

    def release(self) -> None:
        """Free the pixel-buffer objects."""
        for pbo in self._pbos:
            if pbo is not None:
                pbo[0].release()
        self._pbos = [None] * YUV_SLOTS
