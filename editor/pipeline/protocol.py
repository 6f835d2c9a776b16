"""What a pipeline operation provides: ``PointwiseOp`` and ``SpatialOp``.

An operation is a module (darktable-iop style) or, where two share one definition, an
object (``luma_detail.LumaDetail``). Nothing finds them by name: the pipeline runs the
ones listed in ``editor.pipeline.POINTWISE`` and ``SPATIAL``, and tests/test_ops.py checks
each against its protocol. Members are read-only properties so that a module constant
and an object's attribute both satisfy them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, runtime_checkable

import numpy as np

from editor.schema import ADJUST_SPECS, Look, ParamSpec


@runtime_checkable
class Operation(Protocol):
    """What every operation has."""

    @property
    def PARAMS(self) -> tuple[ParamSpec, ...]:
        """The ``editor.schema`` specs of the values that drive it (each value has one operation)."""

    @property
    def SPACE(self) -> str:
        """The space its math works in: "srgb" (sRGB-encoded) or "linear" (linear light); the
        pipeline converts only where the space changes."""

    def params(self, look: Look, /) -> Any:
        """Its parameters, read from a look: what ``apply`` takes."""

    def is_neutral(self, look: Look, /) -> bool:
        """Whether ``look`` leaves it out; neutral operations are skipped, so neutral is an exact identity."""

    def apply(self, rgb: np.ndarray, params: Any, /) -> np.ndarray:
        """The float32 numpy reference the GPU is held to (``editor.pipeline`` says what it takes)."""


@runtime_checkable
class PointwiseOp(Operation, Protocol):
    """An operation on each pixel alone: baked into the pointwise LUT on the GPU."""

    @property
    def PER_CHANNEL(self) -> bool:
        """Each output channel depends on that input channel only: ``bake_pointwise`` then runs it
        on the LUT's axes instead of its whole grid."""


@runtime_checkable
class SpatialOp(Operation, Protocol):
    """An operation on a blur of the picture, run as GLSL passes after the LUT.

    ``apply`` takes and returns sRGB-encoded (H, W, 3); its GLSL does the same in three
    steps: ``prep`` (what gets blurred), a separable Gaussian blur, ``combine``.
    """

    @property
    def NAME(self) -> str:
        """The operation's name: its GL render targets' and its name where a LUT leaves it out."""

    @property
    def SHADER(self) -> str:
        """Its ``resources/shaders`` file, with GLSL ``prep`` and ``combine`` mirroring the methods."""

    @property
    def DEFINES(self) -> Mapping[str, float]:
        """Constants the shader reads as ``#define`` (``editor.gl_passes.shader_source``), so
        each lives once."""

    @property
    def BLUR_CHANNELS(self) -> int:
        """Channels of what ``prep`` returns: 1 (luma) or 3 (RGB); the GL blur target is R or RGBA."""

    @property
    def REDUCED(self) -> bool:
        """Whether the blur runs at reduced resolution (``editor.pipeline.blur.reduced_blur``)."""

    @property
    def SIGMA_FRACTION(self) -> float:
        """The blur's sigma as a fraction of the picture's short side."""

    def amount(self, value: int, /) -> float:
        """The slider value as the strength ``combine`` takes (the shader's ``amount`` uniform)."""

    def prep(self, rgb: np.ndarray, /) -> np.ndarray:
        """What gets blurred, (H, W, BLUR_CHANNELS) float32, from sRGB-encoded (H, W, 3)."""

    def combine(self, rgb: np.ndarray, blurred: np.ndarray, amount: float, /) -> np.ndarray:
        """The picture from itself and its blurred ``prep``: sRGB-encoded (H, W, 3) in [0, 1]."""


def one_slider(name: str) -> tuple[tuple[ParamSpec], Callable[[Look], int], Callable[[Look], bool]]:
    """``PARAMS``, ``params`` and ``is_neutral`` of an operation driven by the one Adjust
    value ``name``, neutral at 0."""

    def params(look: Look) -> int:
        return look.adjust_value(name)

    def is_neutral(look: Look) -> bool:
        return look.adjust_value(name) == 0

    return (ADJUST_SPECS[name],), params, is_neutral
