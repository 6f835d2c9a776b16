"""The student model at run time: intent text -> ``Look``, via CTranslate2 int8.

Qt-free and torch-free: only numpy, ctranslate2, sentencepiece and the editor core.
One intent is four prompts (the three tools and the request's mode, new / relative /
none) decoded as one batch, greedily, so the same intent always gives the same look.
Text the model cannot read (``editor.intent.readable``: no Latin letters) never reaches
it and is a ``none`` request. Model output is untrusted text: each tool's output is
parsed leniently (unknown names dropped, values clamped); an output that cannot be read
at all means that tool is not called, with a warning, and never an exception to the
caller. A ``none`` mode, or no tool called, is a request the tools cannot do: the
suggestion then carries no look.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ctranslate2
import sentencepiece as spm

from editor.errors import EditorError, LookError
from editor.intent import NEW, NONE, RELATIVE, clean, parse_mode, readable
from editor.paths import default_model_dir
from editor.prompts import TASKS, prompts
from editor.schema import TOOL_LABELS, TOOLS, Look, describe, filter_names, parse_tool_text

log = logging.getLogger(__name__)

TOKENIZER_FILE = "spiece.model"
#: Longest tool output in tokens; a full Selective Adjust line is about 75.
MAX_DECODING_LENGTH = 96


@dataclass
class Suggestion:
    """The student's answer to one intent."""

    look: Look
    explanation: list[str]
    #: The model's text per tool, before parsing.
    raw: dict[str, str]
    #: What parsing dropped, clamped or could not read.
    warnings: list[str] = field(default_factory=list)
    latency_ms: float = 0.0
    #: ``new`` (replace the look), ``relative`` (a change to the current look) or
    #: ``none`` (nothing the tools can do; ``look`` is then neutral).
    mode: str = NEW

    @property
    def understood(self) -> bool:
        """Whether the request asked for something the tools do."""
        return self.mode != NONE

    @property
    def relative(self) -> bool:
        return self.mode == RELATIVE


def parse_outputs(raw: dict[str, str], known_filters: Sequence[str] | None = None) -> tuple[Look, list[str]]:
    """The look and parse warnings of the model's per-tool texts; never raises.

    An unreadable tool output drops that tool with a warning.
    """
    known = tuple(known_filters) if known_filters is not None else filter_names()
    # Each tool's value has its own type (parse_tool_text), checked again by Look.
    parts: dict[str, Any] = {}
    warnings: list[str] = []
    for tool in TOOLS:
        notes: list[str] = []
        try:
            parts[tool] = parse_tool_text(
                tool, raw.get(tool, ""), strict=False, notes=notes, known_filters=known
            )
        except LookError as exc:
            parts[tool] = None
            log.warning("model output %s unusable, tool not applied: %s", tool, exc)
            notes.append(f"{TOOL_LABELS[tool]} not applied: {exc}")
        else:
            for note in notes:
                log.info("model output %s: %s", tool, note)
        warnings.extend(notes)
    try:
        look = Look(**parts)
    except LookError as exc:
        log.warning("model output rejected: %s", exc)
        warnings.append(f"The suggestion could not be used: {exc}")
        look = Look()
    return look, warnings


def _pick_device(device: str) -> str:
    if device == "auto":
        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    if device not in ("cpu", "cuda"):
        raise EditorError(f"Unknown device {device!r}; expected auto, cpu or cuda.")
    return device


class Student:
    """The shipped student model; load once, then call ``suggest`` as often as needed.

    Args:
        model_dir: A converted student (``model.bin`` and its tokenizer,
            ``spiece.model``); ``None`` is the shipped one (``editor.paths.default_model_dir``).
        device: ``cpu``, ``cuda`` or ``auto`` (CUDA where CTranslate2 sees a GPU, else
            the CPU); int8 on the CPU, int8 with float16 on a GPU.
        intra_threads: CPU threads per decode. One by default: for a model this small,
            thread synchronization costs more than the matrix work it splits.

    Raises:
        EditorError: An unknown device, or a model directory that is missing a file or
            cannot be loaded.
    """

    def __init__(self, model_dir: Path | None = None, device: str = "auto", intra_threads: int = 1) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
        self.device = _pick_device(device)
        model_file = self.model_dir / "model.bin"
        tok_file = self.model_dir / TOKENIZER_FILE
        if not model_file.is_file() or not tok_file.is_file():
            raise EditorError(
                f"No student model in {str(self.model_dir)!r} (it needs model.bin and {TOKENIZER_FILE})."
            )
        try:
            self._sp = spm.SentencePieceProcessor(model_file=str(tok_file))
            self._translator = ctranslate2.Translator(
                str(self.model_dir),
                device=self.device,
                compute_type="int8" if self.device == "cpu" else "int8_float16",
                intra_threads=intra_threads if self.device == "cpu" else 0,
            )
        except (RuntimeError, OSError, ValueError) as exc:
            log.info("model load failed", exc_info=True)
            raise EditorError(
                f"The student model in {str(self.model_dir)!r} cannot be loaded ({exc})."
            ) from exc
        digest = hashlib.sha256(model_file.read_bytes()).hexdigest()[:8]
        self.variant = f"{self.model_dir.name}-{digest}"
        self._filters = filter_names()

    def generate(self, texts: Sequence[str]) -> list[str]:
        """Decode a batch of prompts greedily; one output text per prompt."""
        batch = [self._sp.encode(text, out_type=str) + ["</s>"] for text in texts]
        results = self._translator.translate_batch(
            batch,
            beam_size=1,
            max_decoding_length=MAX_DECODING_LENGTH,
            max_batch_size=0,
        )
        return [self._sp.decode_pieces(r.hypotheses[0]) for r in results]

    def _suggestion(self, raw: dict[str, str], latency_ms: float) -> Suggestion:
        look, warnings = parse_outputs(raw, self._filters)
        mode = parse_mode(raw.get("mode", ""))
        if mode is None:
            warnings.append(f"The mode output {raw.get('mode', '')!r} is not one of new, relative, none.")
            mode = NEW
        if mode == NONE or look.is_neutral:
            return Suggestion(Look(), [], raw, warnings, latency_ms, NONE)
        return Suggestion(look, describe(look), raw, warnings, latency_ms, mode)

    def suggest(self, intent: str) -> Suggestion:
        """The look for one intent (three tool prompts, one batch)."""
        return self.suggest_many([intent])[0]

    def suggest_many(self, intents: Sequence[str]) -> list[Suggestion]:
        """Looks for many intents, decoded together; ``latency_ms`` is the per-intent share."""
        if not intents:
            return []
        intents = [clean(intent) for intent in intents]
        start = time.perf_counter()
        read = [intent for intent in intents if readable(intent)]
        texts = iter(self.generate([p for intent in read for p in prompts(intent)]))
        latency_ms = (time.perf_counter() - start) * 1000 / len(intents)
        out = []
        for intent in intents:
            if readable(intent):
                out.append(self._suggestion({task: next(texts) for task in TASKS}, latency_ms))
            else:
                out.append(Suggestion(Look(), [], {}, [], latency_ms, NONE))
        return out
