"""Where the project's bundled files live.

The package runs from its checkout (``pip install -e .``); ``resources/`` and ``models/``
sit beside ``editor/``. ``EDITOR_RESOURCES`` and ``EDITOR_MODEL_DIR`` override them, e.g.
for a desktop bundle that lays them out elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return Path(os.environ.get("EDITOR_RESOURCES", REPO_ROOT / "resources"))


def models_dir() -> Path:
    return Path(os.environ.get("EDITOR_MODELS", REPO_ROOT / "models"))


def default_model_dir() -> Path:
    return Path(os.environ.get("EDITOR_MODEL_DIR", models_dir() / "student"))
