"""Average the weights of students that share an architecture and a lineage (a "model soup").

Two runs continued from the same student sit in one basin of the loss, so the mean of
their weights is a student too, often as good as the better of the two on each measure
(Wortsman et al., ICML 2022, "Model soups"). The continued run learns the new data, the
previous student keeps what that run forgot; the model card says which was shipped and why.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

from editor.distill.tokenizer import TOKENIZER_FILE
from editor.errors import EditorError
from editor.fileio import atomic_dir

_WEIGHTS = "model.safetensors"


def average(hf_dirs: Sequence[Path], out_dir: Path) -> Path:
    """Write the mean of the students in ``hf_dirs`` (Hugging Face T5 directories with the
    same config and tokenizer) to ``out_dir``, atomically; the first one's files come along."""
    import torch
    from safetensors.torch import load_file, save_file

    dirs = [Path(d) for d in hf_dirs]
    if len(dirs) < 2:
        raise EditorError("Averaging needs two students or more.")
    for d in dirs:
        if not (d / _WEIGHTS).is_file() or not (d / "config.json").is_file():
            raise EditorError(f"{str(d)!r} is not a trained student directory ({_WEIGHTS} and config.json).")
    config = json.loads((dirs[0] / "config.json").read_text(encoding="utf-8"))
    tokenizer = (dirs[0] / TOKENIZER_FILE).read_bytes()
    for d in dirs[1:]:
        for what, same in (
            ("architecture", json.loads((d / "config.json").read_text(encoding="utf-8")) == config),
            ("tokenizer", (d / TOKENIZER_FILE).read_bytes() == tokenizer),
        ):
            if not same:
                raise EditorError(f"{str(d)!r} has another {what} than {str(dirs[0])!r}: no average.")
    weights = [load_file(str(d / _WEIGHTS)) for d in dirs]
    mean = {name: torch.stack([w[name].float() for w in weights]).mean(dim=0) for name in weights[0]}
    with atomic_dir(out_dir) as tmp:
        shutil.copytree(dirs[0], tmp)
        save_file({name: t.to(weights[0][name].dtype).contiguous() for name, t in mean.items()},
                  str(tmp / _WEIGHTS), metadata={"format": "pt"})
    return Path(out_dir)
