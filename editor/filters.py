"""The filter library: named preset looks stored as 33^3 3D LUTs.

``resources/filters/catalog.json`` names each preset and says in plain words what it
does; ``resources/filters/<name>.npz`` holds its LUT (made by ``editor.filter_recipes``)
and ``resources/filters/thumbs/<name>.png`` a 160x100 preview for the gallery. The LUTs
map display-referred sRGB-encoded R'G'B' in [0, 1] to the same.

A preset file is a NumPy ``.npz`` (read without pickle) of two arrays: ``title``, and
``deltas``, the table as 16-bit codes (value x 65535, rounded) differenced along each of
the three grid axes, modulo 2^16. The codes hold a value in [0, 1] within 1/131070
(float16 would be 2.4e-4 off near 1, 16 steps of a 16-bit PNG or TIFF export); the
differences of a smooth table are small numbers that deflate well: 58 KB a preset,
where the same table as ``.cube`` text is 970 KB. The bundle ships these files, so their
size is its size. A user's own LUT stays a ``.cube`` (``editor.user_luts``).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import zipfile
from pathlib import Path

import numpy as np

from editor.errors import LookError
from editor.fileio import atomic_path
from editor.lut import LUT_3D_SIZES, Lut3D, LutError
from editor.paths import resources_dir
from editor.schema import is_user_lut

log = logging.getLogger(__name__)

#: The code of 1.0 in a preset file; 0.0 is 0.
CODE_MAX = 65535
#: The grid axes of a table, (b, g, r); the channel axis is left alone.
_GRID_AXES = (0, 1, 2)


def filters_dir() -> Path:
    return resources_dir() / "filters"


@functools.cache
def _catalog() -> dict[str, str]:
    with open(filters_dir() / "catalog.json", encoding="utf-8") as fh:
        return json.load(fh)


def preset_names() -> tuple[str, ...]:
    return tuple(_catalog())


def preset_description(name: str) -> str:
    try:
        return _catalog()[name]
    except KeyError:
        raise LookError(f"Unknown filter {name!r}; run 'moodgrade filters' to list the presets.") from None


#: How a family prefix reads in a display name where title case alone would not do.
_FAMILY_WORDS = {"bw": "B&W", "crossprocess": "Cross-Process"}


def preset_label(name: str) -> str:
    """The name a creator sees: ``moody_Forest`` reads "Moody Forest", ``bw_TriX`` "B&W Tri X"."""
    preset_description(name)
    family, _, rest = name.partition("_")
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])", " ", rest)
    return f"{_FAMILY_WORDS.get(family, family.capitalize())} {words}"


def preset_path(name: str) -> Path:
    """The LUT file of preset ``name``; ``LookError`` for a name not in the catalog."""
    preset_description(name)
    return filters_dir() / f"{name}.npz"


def thumbnail_path(name: str) -> Path:
    """The 160x100 sRGB PNG preview of preset ``name``."""
    preset_description(name)
    return filters_dir() / "thumbs" / f"{name}.png"


@functools.cache
def load_preset(name: str) -> Lut3D:
    """The 3D LUT of preset ``name``, read once and shared (its table is read-only).

    Raises ``LookError`` for an unknown name and ``LutError`` when the bundled file is
    missing or damaged.
    """
    path = preset_path(name)
    if not path.is_file():
        raise LutError(f"The filter library has no LUT file for {name!r} at {path}.")
    lut = read_preset(path)
    lut.table.setflags(write=False)
    log.debug("loaded filter %s (%d^3)", name, lut.size)
    return lut


def write_preset(path: Path, lut: Lut3D) -> None:
    """Write ``lut`` as a preset file; ``ValueError`` for what the format cannot hold
    (values outside [0, 1], a domain other than [0, 1])."""
    table = np.asarray(lut.table, np.float64)
    if table.ndim != 4 or table.shape[:3] != (lut.size,) * 3 or table.shape[3] != 3:
        raise ValueError(f"A preset is an (N, N, N, 3) table, not {table.shape}.")
    if not (table.min() >= 0.0 and table.max() <= 1.0):
        raise ValueError("A preset's values must lie in [0, 1].")
    if np.any(lut.domain_min != 0.0) or np.any(lut.domain_max != 1.0):
        raise ValueError("A preset's domain must be [0, 1].")
    deltas = np.round(table * CODE_MAX).astype(np.uint16)
    for axis in _GRID_AXES:
        deltas = np.diff(deltas, axis=axis, prepend=np.uint16(0))
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        np.savez_compressed(fh, title=np.array(lut.title), deltas=deltas)


def read_preset(path: Path) -> Lut3D:
    """The 3D LUT in a preset file (float32); ``LutError`` when it is damaged."""
    try:
        with np.load(path, allow_pickle=False) as data:
            title = str(data["title"])
            deltas = data["deltas"]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise LutError(f"The filter file {path} is damaged ({exc}).") from None
    n = deltas.shape[0] if deltas.ndim == 4 else 0
    if deltas.dtype != np.uint16 or deltas.shape != (n, n, n, 3) or n not in LUT_3D_SIZES:
        raise LutError(f"The filter file {path} holds no 3D LUT ({deltas.dtype} {deltas.shape}).")
    codes = deltas
    for axis in _GRID_AXES:
        codes = np.cumsum(codes, axis=axis, dtype=np.uint16)
    return Lut3D(codes.astype(np.float32) / np.float32(CODE_MAX), title=title)


def load_filter(name: str) -> Lut3D:
    """The 3D LUT a look's filter names: a preset, or a user's ``.cube`` (``editor.user_luts``).

    A user LUT that cannot be found raises ``editor.user_luts.MissingLutError``.
    """
    if is_user_lut(name):
        from editor import user_luts

        return user_luts.load(name)
    return load_preset(name)
