"""Model soups: the mean of two students' weights, checked tensor by tensor."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file, save_file

from editor.distill.average import average
from editor.errors import EditorError

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "student-hf"


def _shifted(tmp_path: Path, name: str, shift: float) -> Path:
    out = tmp_path / name
    shutil.copytree(SHIPPED, out)
    weights = load_file(str(out / "model.safetensors"))
    shifted = {k: v + shift for k, v in weights.items()}
    save_file(shifted, str(out / "model.safetensors"), metadata={"format": "pt"})
    return out


def test_the_mean_of_two_students_is_their_weights_averaged(tmp_path):
    a, b = _shifted(tmp_path, "a", 0.0), _shifted(tmp_path, "b", 2.0)
    out = average([a, b], tmp_path / "soup")
    mean, first = load_file(str(out / "model.safetensors")), load_file(str(a / "model.safetensors"))
    assert set(mean) == set(first)
    for name, tensor in mean.items():
        assert torch.allclose(tensor, first[name] + 1.0, atol=1e-5), name
    assert (out / "spiece.model").read_bytes() == (a / "spiece.model").read_bytes()
    assert not list(tmp_path.glob(".*.part"))


def test_students_of_another_architecture_are_refused(tmp_path):
    a, b = _shifted(tmp_path, "a", 0.0), _shifted(tmp_path, "b", 0.0)
    config = json.loads((b / "config.json").read_text())
    config["num_layers"] += 1
    (b / "config.json").write_text(json.dumps(config))
    with pytest.raises(EditorError, match="another architecture"):
        average([a, b], tmp_path / "soup")
    assert not (tmp_path / "soup").exists()
