"""The filter library: named preset looks stored as 33^3 ``.cube`` files.

``resources/filters/catalog.json`` names each preset and says in plain words what it
does; ``resources/filters/<name>.cube`` holds its LUT.
"""

from __future__ import annotations

import functools
import json

from editor.errors import LookError
from editor.paths import resources_dir


def filters_dir():
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
        raise LookError(f"Unknown filter {name!r}; run 'editor filters' to list the presets.") from None
