"""The filter library: named preset looks stored as 33^3 ``.cube`` files.

``resources/filters/catalog.json`` names each preset and says in plain words what it
does; ``resources/filters/<name>.cube`` holds its LUT (made by ``editor.filter_recipes``)
and ``resources/filters/thumbs/<name>.png`` a 160x100 preview for the gallery. The LUTs
map display-referred sRGB-encoded R'G'B' in [0, 1] to the same.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from pathlib import Path

from editor.errors import LookError
from editor.lut import Lut3D, LutError, read_cube
from editor.paths import resources_dir
from editor.schema import is_user_lut

log = logging.getLogger(__name__)


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
    """The ``.cube`` file of preset ``name``; ``LookError`` for a name not in the catalog."""
    preset_description(name)
    return filters_dir() / f"{name}.cube"


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
    cube = read_cube(path)
    if cube.lut3d is None or cube.shaper is not None:
        raise LutError(f"The filter {name!r} at {path} is not a plain 3D LUT.")
    cube.lut3d.table.setflags(write=False)
    log.debug("loaded filter %s (%d^3)", name, cube.lut3d.size)
    return cube.lut3d


def load_filter(name: str) -> Lut3D:
    """The 3D LUT a look's filter names: a preset, or a user's ``.cube`` (``editor.user_luts``).

    A user LUT that cannot be found raises ``editor.user_luts.MissingLutError``.
    """
    if is_user_lut(name):
        from editor import user_luts

        return user_luts.load(name)
    return load_preset(name)
