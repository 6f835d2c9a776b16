"""Where the project's bundled files live.

The package runs from its checkout (``pip install -e .``); ``resources/`` and ``models/``
sit beside ``editor/``. ``MOODGRADE_RESOURCES`` and ``MOODGRADE_MODEL_DIR`` override them, e.g.
for a desktop bundle that lays them out elsewhere; a folder that does not hold what
moodgrade needs is refused in one sentence before anything reads from it.

Every ``MOODGRADE_*`` variable is also read under its name from before the rename,
``EDITOR_*``, so a user's scripts keep working.
"""

from __future__ import annotations

import os
from pathlib import Path

from editor.errors import EditorError

REPO_ROOT = Path(__file__).resolve().parent.parent
#: What any resources folder holds; checked when ``MOODGRADE_RESOURCES`` names one.
_RESOURCE_MARKERS = ("filters/catalog.json", "shaders")


def environ(name: str) -> tuple[str, str]:
    """(variable, value) of the setting ``name`` (e.g. ``"DATA_DIR"``): ``MOODGRADE_<name>``
    when set, else the old ``EDITOR_<name>``; value is "" when neither is. The variable is
    returned so that a refusal names the one the user actually set."""
    for variable in (f"MOODGRADE_{name}", f"EDITOR_{name}"):
        value = os.environ.get(variable)
        if value:
            return variable, value
    return f"MOODGRADE_{name}", ""


def _override(name: str, markers: tuple[str, ...] = ()) -> Path | None:
    variable, value = environ(name)
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
            "unset it or point it at moodgrade's resources."
        )
    return path


def resources_dir() -> Path:
    return _override("RESOURCES", _RESOURCE_MARKERS) or REPO_ROOT / "resources"


def models_dir() -> Path:
    return _override("MODELS") or REPO_ROOT / "models"


def default_model_dir() -> Path:
    _, value = environ("MODEL_DIR")
    return Path(value) if value else models_dir() / "student"
