"""The student's SentencePiece unigram tokenizer.

Trained on the prompts and targets of the training rows. Every tool, parameter,
color-range and filter name is fed to the trainer as extra lines so that each one is
a single piece even when it is rare in the data (targets stay short, which keeps
decoding fast). Ids follow T5: 0 = pad (also the decoder start), 1 = ``</s>``,
2 = ``<unk>``; there is no BOS.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import sentencepiece as spm

from editor.errors import EditorError
from editor.fileio import atomic_path
from editor.schema import ADJUST_NAMES, COLOR_RANGES, NOT_CALLED, SELECTIVE_NAMES, TOOLS, filter_names

log = logging.getLogger(__name__)

PAD_ID = 0
EOS_ID = 1
UNK_ID = 2
TOKENIZER_FILE = "spiece.model"

#: How often each schema name is repeated in the trainer's input, so it wins a piece.
_NAME_REPEATS = 50


def schema_words() -> list[str]:
    """Every name the targets can contain, plus the tool names used in prompts."""
    return [*TOOLS, *ADJUST_NAMES, *COLOR_RANGES, *SELECTIVE_NAMES, NOT_CALLED, *filter_names()]


def train_tokenizer(texts: Iterable[str], path: Path, vocab_size: int = 2000) -> Path:
    """Train a unigram model on ``texts`` and write it atomically to ``path``.

    ``vocab_size`` is an upper bound: a small corpus gets a smaller vocabulary.
    """
    corpus = list(texts)
    names = list(dict.fromkeys(schema_words()))
    corpus += [" ".join([name] * 5) for name in names for _ in range(_NAME_REPEATS // 5)]
    # Every integer a target can hold, so that no value is ever an unknown piece.
    corpus += [" ".join(str(v) for v in range(-100, 101))] * 5
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        prefix = tmp.parent / f"{tmp.name}.train"
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(corpus),
            model_prefix=str(prefix),
            model_type="unigram",
            vocab_size=vocab_size,
            hard_vocab_limit=False,
            character_coverage=1.0,
            pad_id=PAD_ID,
            eos_id=EOS_ID,
            unk_id=UNK_ID,
            bos_id=-1,
            num_threads=1,
            split_digits=False,
            # Filter names such as "faded_HighNoon" must stay one piece.
            split_by_unicode_script=False,
            max_sentencepiece_length=32,
            minloglevel=2,
        )
        try:
            Path(f"{prefix}.model").replace(tmp)
        finally:
            Path(f"{prefix}.model").unlink(missing_ok=True)
            Path(f"{prefix}.vocab").unlink(missing_ok=True)
    log.info("trained tokenizer %s", path)
    return path


def load_tokenizer(path: Path) -> spm.SentencePieceProcessor:
    """Load a tokenizer file; a missing or corrupt file raises ``EditorError``."""
    path = Path(path)
    if not path.is_file():
        raise EditorError(f"The tokenizer file {str(path)!r} does not exist.")
    try:
        return spm.SentencePieceProcessor(model_file=str(path))
    except (RuntimeError, OSError) as exc:
        raise EditorError(f"The tokenizer file {str(path)!r} cannot be loaded ({exc}).") from exc
