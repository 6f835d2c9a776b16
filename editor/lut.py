"""3D lookup tables: the in-memory form and trilinear application (CPU reference).

A ``Lut3D`` holds ``table`` with shape (N, N, N, 3), float32, indexed
``table[b, g, r]``: the order in which a ``.cube`` file lists its rows (red varies
fastest), and the order in which a GL 3D texture of width N takes them (x = red).
Input values are mapped from ``[domain_min, domain_max]`` onto the grid and clamped at
its edges; output values are stored as they are (they may lie outside [0, 1]).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Lut3D:
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3, np.float32))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3, np.float32))
    title: str = ""

    @property
    def size(self) -> int:
        return int(self.table.shape[0])

    @classmethod
    def identity(cls, size: int) -> Lut3D:
        return cls(identity_table(size))


def identity_table(size: int) -> np.ndarray:
    """The (size, size, size, 3) identity grid, indexed [b, g, r], float32."""
    axis = np.linspace(0.0, 1.0, size, dtype=np.float32)
    b, g, r = np.meshgrid(axis, axis, axis, indexing="ij")
    return np.stack([r, g, b], axis=-1)


def apply_trilinear(rgb: np.ndarray, lut: Lut3D) -> np.ndarray:
    """Apply ``lut`` to an (..., 3) float32 array with trilinear interpolation."""
    n = lut.size
    dmin = np.asarray(lut.domain_min, np.float32)
    dmax = np.asarray(lut.domain_max, np.float32)
    pos = (rgb.astype(np.float32) - dmin) / (dmax - dmin) * np.float32(n - 1)
    pos = np.clip(pos, 0.0, np.float32(n - 1))
    base = np.minimum(np.floor(pos).astype(np.int32), n - 2)
    frac = (pos - base).astype(np.float32)
    r0, g0, b0 = base[..., 0], base[..., 1], base[..., 2]
    fr, fg, fb = frac[..., 0:1], frac[..., 1:2], frac[..., 2:3]
    t = lut.table
    out = np.zeros(rgb.shape, np.float32)
    for db in (0, 1):
        wb = fb if db else 1.0 - fb
        for dg in (0, 1):
            wg = fg if dg else 1.0 - fg
            for dr in (0, 1):
                wr = fr if dr else 1.0 - fr
                out += (wb * wg * wr) * t[b0 + db, g0 + dg, r0 + dr]
    return out
