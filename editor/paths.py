"""Where the project's bundled files live.

The package runs from its checkout (``pip install -e .``); ``resources/`` and ``models/``
sit beside ``editor/``. ``EDITOR_RESOURCES`` and ``EDITOR_MODEL_DIR`` override them, e.g.
for a desktop bundle that lays them out elsewhere; a folder that does not hold what the
editor needs is refused in one sentence before anything reads from it.
"""

from __future__ import annotations

import os
from pathlib import Path

from editor.errors import EditorError

REPO_ROOT = Path(__file__).resolve().parent.parent
#: What any resources folder holds; checked when ``EDITOR_RESOURCES`` names one.
_RESOURCE_MARKERS = ("filters/catalog.json", "shaders")


def _override(variable: str, markers: tuple[str, ...] = ()) -> Path | None:
    value = os.environ.get(variable)
    if not value:
        return None
    path = Path(value)
    if not path.is_dir():
        raise EditorError(
            f"{variable} is set to {value!r}, which is not a folder; unset it or point it at one."
        )
    missing = [m for m in markers if not (path / m).exists()]
    if missing:
        raise EditorError(
            f"{variable} is set to {value!r}, which has no {missing[0]}; "
            "unset it or point it at the editor's resources."
        )
    return path


def resources_dir() -> Path:
    return _override("EDITOR_RESOURCES", _RESOURCE_MARKERS) or REPO_ROOT / "resources"


def models_dir() -> Path:
    return _override("EDITOR_MODELS") or REPO_ROOT / "models"


def default_model_dir() -> Path:
    value = os.environ.get("EDITOR_MODEL_DIR")
    return Path(value) if value else models_dir() / "student"
