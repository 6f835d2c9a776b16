"""The spatial operations' GL passes (structure, bloom, sharpen: ``editor.pipeline.protocol.SpatialOp``).

Each operation runs prep (and a box-downsample by ``editor.pipeline.blur``'s
reduced-resolution rule), a separable Gaussian blur at that size, and combine, which
upsamples the blur bilinearly and mixes it in at the operation's amount. A
full-resolution luma blur (sharpen) runs on luma packed four pixels to a texel.
"""

from __future__ import annotations

from dataclasses import dataclass

import moderngl
import numpy as np

from editor.gl_passes import GLPasses, Target
from editor.pipeline.blur import gaussian_kernel, reduced_shape, reduction_factor, sigma_for
from editor.pipeline.protocol import SpatialOp
from editor.schema import Look


@dataclass(frozen=True)
class BlurPlan:
    """One spatial operation's blur at one frame size (``editor.pipeline.blur`` rules)."""

    factor: int
    size: tuple[int, int]
    #: weights[k] for taps +-k, k = 0..r.
    weights: np.ndarray


def blur_plan(op: SpatialOp, width: int, height: int) -> BlurPlan:
    sigma = sigma_for((height, width), op.SIGMA_FRACTION)
    k = reduction_factor(sigma) if op.REDUCED else 1
    kernel = gaussian_kernel(sigma / k)
    rh, rw = reduced_shape((height, width), k)
    return BlurPlan(k, (rw, rh), np.ascontiguousarray(kernel[len(kernel) // 2 :]))


@dataclass
class SpatialPasses:
    """One spatial operation of a look, its shaders compiled."""

    op: SpatialOp
    amount: float
    #: (what to blur, combine) for a full-resolution blur and for a reduced one.
    full: tuple[moderngl.VertexArray, moderngl.VertexArray]
    reduced: tuple[moderngl.VertexArray, moderngl.VertexArray]

    @classmethod
    def build(cls, passes: GLPasses, op: SpatialOp, look: Look) -> SpatialPasses:
        def vao(fragment: str) -> moderngl.VertexArray:
            return passes.vao(fragment, "color.glsl", op.SHADER, **op.DEFINES)

        prep, combine = (
            ("pack.frag", "combine_packed.frag") if op.BLUR_CHANNELS == 1 else ("prep.frag", "combine.frag")
        )
        return cls(
            op,
            float(op.amount(op.params(look))),
            (vao(prep), vao(combine)),
            (vao("down.frag"), vao("combine_up.frag")),
        )

    def run(
        self, passes: GLPasses, plan: BlurPlan, image: moderngl.Texture, target: Target
    ) -> moderngl.Texture:
        """Apply the operation to ``image`` into ``target``, blurring as ``plan`` says."""
        op = self.op
        # Separate full-resolution shaders: llvmpipe runs both sides of a branch.
        reduced = plan.factor > 1
        packed = op.BLUR_CHANNELS == 1 and not reduced
        # A reduced luma blur is R16F; RGB ones are RGBA16F, as RGB16F is not renderable
        # everywhere. A full-resolution luma blur packs four pixels into an RGBA16F texel:
        # a quarter of the fetches, which is most of its cost on a CPU rasterizer.
        size = (-(-plan.size[0] // 4), plan.size[1]) if packed else plan.size
        channels = 1 if op.BLUR_CHANNELS == 1 and reduced else 4
        blur_a = passes.target(f"{op.NAME}_a", size, channels)
        blur_b = passes.target(f"{op.NAME}_b", size, channels)
        prep, combine = self.reduced if reduced else self.full
        passes.run(prep, blur_a, {"src": image}, **({"factor": plan.factor} if reduced else {}))
        radius = len(plan.weights) - 1
        blur = passes.vao("blur.frag", "color.glsl", RADIUS=radius)
        if packed:
            across = passes.vao("blur_packed.frag", "color.glsl", RADIUS=radius, PAD=-(-radius // 4))
            passes.run(across, blur_b, {"src": blur_a[0]}, weights=plan.weights)
        else:
            passes.run(blur, blur_b, {"src": blur_a[0]}, direction=(1, 0), weights=plan.weights)
        passes.run(blur, blur_a, {"src": blur_b[0]}, direction=(0, 1), weights=plan.weights)
        extra = {"factor": float(plan.factor)} if reduced else {}
        return passes.run(combine, target, {"src": image, "blurred": blur_a[0]}, amount=self.amount, **extra)
