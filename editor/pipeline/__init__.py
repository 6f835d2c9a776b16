"""The color pipeline: one module per operation, in a fixed order.

Every operation (a module, darktable-iop style) meets ``protocol.PointwiseOp`` or
``protocol.SpatialOp``, which name each of its attributes: ``PARAMS`` (its
``editor.schema`` specs), ``SPACE`` (the space its math works in: ``"srgb"`` =
sRGB-encoded gamma, ``"linear"`` = linear light), ``params(look)``, ``is_neutral(look)``
and the float32 numpy reference ``apply(rgb, params)``; a spatial operation also names
its shader, blur and the steps its GLSL mirrors. A pointwise operation's ``apply`` takes and
returns RGB in its ``SPACE`` (the pipeline converts only where the space changes); it
clips its input only where its math needs [0, 1] and does not clip its output, so the
pointwise part is clipped to [0, 1] once, at its end (on the GPU after the LUT lookup,
which keeps gamut clipping from bending the interpolated table). A spatial
operation's ``apply`` takes and returns sRGB-encoded RGB (H, W, 3) in [0, 1] and
converts inside. Neutral operations are skipped, so
a neutral parameter is an exact identity.

ORDER (fixed; the same on CPU and GPU):

Pointwise; on the GPU steps 1-11 are baked into one 3D LUT
(``bake_pointwise(look, include_filter=False)``) and applied in one trilinear
3D-texture lookup, then step 12 is the preset's own 3D texture, blended at its
intensity (``bake_pointwise(look)`` bakes all 12, e.g. for a .cube):

 1. white_balance   temperature, tint        linear
 2. exposure        exposure                 linear
 3. black_level     linearOffset             linear
 4. contrast        contrast                 sRGB-encoded
 5. brightness      brightness               sRGB-encoded
 6. highlights      highlights               sRGB-encoded
 7. shadows         shadows                  sRGB-encoded
 8. saturation      saturation               sRGB-encoded
 9. vibrance        vibrance                 sRGB-encoded
10. hue             hue                      sRGB-encoded
11. selective       Selective Adjust         sRGB-encoded
12. filter_preset   Filter (LUT + intensity) sRGB-encoded

Spatial, run after the LUT as GLSL passes with separable Gaussian blurs (structure
and bloom at reduced resolution, ``blur.reduced_blur``; sharpen at full resolution):

13. structure       structure                sRGB-encoded (luma detail, sigma 1 % of short side)
14. bloom           bloom                    linear (highlights, sigma 1.25 % of short side)
15. sharpen         sharpen                  sRGB-encoded (luma unsharp mask, sigma 0.1 %)

Structure and sharpen are one definition with two sets of constants (``luma_detail``).

``render_cpu`` applies every operation directly (not through the LUT): it is the
reference the GL renderer is held to.
"""

from __future__ import annotations

import numpy as np

from editor.errors import EditorError
from editor.lut import Lut3D
from editor.pipeline import (
    black_level,
    bloom,
    brightness,
    contrast,
    exposure,
    filter_preset,
    highlights,
    hue,
    saturation,
    selective,
    shadows,
    vibrance,
    white_balance,
)
from editor.pipeline.color import clip01, linear_to_srgb, srgb_to_linear
from editor.pipeline.luma_detail import sharpen, structure
from editor.pipeline.protocol import PointwiseOp, SpatialOp
from editor.schema import Look

POINTWISE: tuple[PointwiseOp, ...] = (
    white_balance,
    exposure,
    black_level,
    contrast,
    brightness,
    highlights,
    shadows,
    saturation,
    vibrance,
    hue,
    selective,
    filter_preset,
)
SPATIAL: tuple[SpatialOp, ...] = (structure, bloom, sharpen)

#: LUT size for the baked pointwise part: the smallest size whose GL output stays
#: within 2/255 of ``render_cpu`` on photos and ramps (see docs/pipeline.md).
LUT_SIZE = 33


def active_pointwise(look: Look) -> list[PointwiseOp]:
    return [op for op in POINTWISE if not op.is_neutral(look)]


def active_spatial(look: Look) -> list[SpatialOp]:
    return [op for op in SPATIAL if not op.is_neutral(look)]


def _run(ops: list[PointwiseOp], rgb: np.ndarray, space: str, look: Look) -> tuple[np.ndarray, str]:
    for op in ops:
        if op.SPACE != space:
            rgb = srgb_to_linear(rgb) if op.SPACE == "linear" else linear_to_srgb(rgb)
            space = op.SPACE
        rgb = op.apply(rgb, op.params(look))
    return rgb, space


def apply_pointwise(rgb: np.ndarray, look: Look) -> np.ndarray:
    """The pointwise operations on sRGB-encoded float32 (..., 3) in [0, 1], in ORDER.

    Returns sRGB-encoded float32, not clipped (``rgb`` itself when all are neutral).
    """
    out, space = _run(active_pointwise(look), rgb, "srgb", look)
    return linear_to_srgb(out) if space == "linear" else out


def bake_pointwise(look: Look, size: int = LUT_SIZE, *, include_filter: bool = True) -> Lut3D:
    """The pointwise part of ``look`` sampled on a size^3 identity grid ([b, g, r] layout).

    Input and output are sRGB-encoded in [0, 1]; the table is float32. With
    ``include_filter=False`` the table stops after step 11 (the GL renderer applies the
    filter preset as its own lookup); the default bakes steps 1-12, as a .cube needs.
    The leading per-channel operations (``PER_CHANNEL``) run on the size samples of
    each axis only and are spread over the grid afterwards: the same values, computed
    size^2 times less often.
    """
    ops = [op for op in active_pointwise(look) if include_filter or op is not filter_preset]
    lead = 0
    while lead < len(ops) and ops[lead].PER_CHANNEL:
        lead += 1
    axis = np.repeat(np.linspace(0.0, 1.0, size, dtype=np.float32)[:, None], 3, axis=1)
    axis, space = _run(ops[:lead], axis, "srgb", look)
    b, g, r = np.meshgrid(np.arange(size), np.arange(size), np.arange(size), indexing="ij")
    grid = np.stack([axis[r.ravel(), 0], axis[g.ravel(), 1], axis[b.ravel(), 2]], axis=-1)
    table, space = _run(ops[lead:], grid, space, look)
    if space == "linear":
        table = linear_to_srgb(table)
    return Lut3D(np.ascontiguousarray(table.reshape(size, size, size, 3), np.float32), title="moodgrade look")


def render_cpu(rgb: np.ndarray, look: Look) -> np.ndarray:
    """The whole look on float32 (H, W, 3) sRGB-encoded RGB in [0, 1], returned float32.

    Each operation is applied directly (no LUT), in ORDER; a neutral look returns a copy.
    """
    rgb = np.asarray(rgb)
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.float32:
        raise EditorError(f"render_cpu needs a float32 HxWx3 image, not {rgb.dtype} {rgb.shape}.")
    out = apply_pointwise(rgb, look)
    if out is not rgb:
        out = clip01(out)
    for op in active_spatial(look):
        out = op.apply(out, op.params(look))
    return np.array(out, np.float32, copy=True)
