"""Convert a trained student (Hugging Face T5 directory) to a CTranslate2 int8 model.

The output directory holds ``model.bin``, ``config.json``, the shared vocabulary and
the SentencePiece tokenizer, which is all the runtime (``editor.model``) needs. The
vocabulary comes straight from the SentencePiece model, so no ``transformers``
tokenizer has to be saved or understood.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import ctranslate2
import sentencepiece as spm

from editor.distill.tokenizer import TOKENIZER_FILE, load_tokenizer
from editor.errors import EditorError
from editor.fileio import atomic_dir

log = logging.getLogger(__name__)


class _PieceVocabulary:
    """The part of a tokenizer the CTranslate2 T5 loader reads, backed by SentencePiece."""

    def __init__(self, sp: spm.SentencePieceProcessor) -> None:
        self._pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        self.pad_token = self._pieces[sp.pad_id()]
        self.eos_token = self._pieces[sp.eos_id()]
        self.unk_token = self._pieces[sp.unk_id()]

    def get_vocab(self) -> dict[str, int]:
        return {piece: i for i, piece in enumerate(self._pieces)}

    def convert_ids_to_tokens(self, index: int) -> str:
        return self._pieces[index]


class _StudentConverter(ctranslate2.converters.TransformersConverter):
    def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):
        return _PieceVocabulary(load_tokenizer(Path(model_name_or_path) / TOKENIZER_FILE))


def convert(hf_dir: Path, out_dir: Path, quantization: str = "int8") -> Path:
    """Write the CTranslate2 model of ``hf_dir`` (which holds ``spiece.model``) to ``out_dir``.

    The model is converted into a sibling temporary directory and moved into place only
    when complete; an existing ``out_dir`` is replaced, except for ``MODEL_CARD.md``.
    """
    hf_dir, out_dir = Path(hf_dir), Path(out_dir)
    if not (hf_dir / "config.json").is_file() or not (hf_dir / TOKENIZER_FILE).is_file():
        raise EditorError(
            f"{str(hf_dir)!r} is not a trained student directory (config.json and {TOKENIZER_FILE})."
        )
    with atomic_dir(out_dir) as tmp:
        _StudentConverter(str(hf_dir)).convert(str(tmp), quantization=quantization, force=True)
        shutil.copy2(hf_dir / TOKENIZER_FILE, tmp / TOKENIZER_FILE)
        card = out_dir / "MODEL_CARD.md"
        if card.exists():
            shutil.copy2(card, tmp / card.name)
    log.info("converted %s to %s (%s)", hf_dir, out_dir, quantization)
    return out_dir
