"""Dataset rows and their JSONL files (the data contract with the student trainer).

One row per line::

    {"intent": "moody winter morning", "look": {...}, "rationales": {"adjust": "..."},
     "exported": null | {"adjust": true, "selective_adjust": false, "filter": true},
     "source": "kb" | "log" | "augment" | "openai" | "request", "mode": "new" | "relative" | "none"}

``look`` is ``Look.to_dict()`` with neutral values left out (``Look.from_dict`` fills
them back in), so it holds only the tools the teacher called; ``rationales`` has an
entry per called tool. ``mode`` says whether the intent asks for a new look, a change
to the current one, or nothing the tools can do (``editor.intent``); a row without it
(v1 data, the event log) is ``none`` when its look is neutral and ``new`` otherwise.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import EditorError, LookError
from editor.fileio import atomic_path, read_jsonl
from editor.intent import MODES, NEW, NONE
from editor.paths import resources_dir
from editor.schema import TOOLS, Look

log = logging.getLogger(__name__)

DATA_VERSION = "v2"
SPLITS: tuple[str, ...] = ("train", "test", "unseen")
SOURCES: tuple[str, ...] = ("kb", "log", "augment", "openai", "request")


def default_data_dir() -> Path:
    return resources_dir() / "data" / DATA_VERSION


@dataclass(frozen=True)
class Row:
    intent: str
    look: Look
    rationales: dict[str, str]
    exported: dict[str, bool] | None
    source: str
    mode: str = NEW

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "look": sparse_look(self.look),
            "rationales": {t: self.rationales[t] for t in TOOLS if t in self.rationales},
            "exported": (
                None if self.exported is None else {t: bool(self.exported.get(t, False)) for t in TOOLS}
            ),
            "source": self.source,
            "mode": self.mode,
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "row") -> Row:
        if not isinstance(data, dict) or not isinstance(data.get("intent"), str):
            raise EditorError(f"{where} is not an object with an 'intent' string.")
        try:
            look = Look.from_dict(data.get("look") or {})
        except LookError as exc:
            raise EditorError(f"{where} has an invalid look: {exc}") from exc
        exported = data.get("exported")
        if exported is not None and not isinstance(exported, dict):
            raise EditorError(f"{where} has 'exported' that is neither null nor an object.")
        source = data.get("source", "kb")
        if source not in SOURCES:
            raise EditorError(f"{where} has unknown source {source!r}; expected one of {', '.join(SOURCES)}.")
        rationales = data.get("rationales") or {}
        mode = data.get("mode", NONE if look.is_neutral else NEW)
        if mode not in MODES:
            raise EditorError(f"{where} has unknown mode {mode!r}; expected one of {', '.join(MODES)}.")
        return cls(
            data["intent"],
            look,
            {t: str(rationales[t]) for t in TOOLS if t in rationales},
            None if exported is None else {t: bool(exported.get(t, False)) for t in TOOLS},
            source,
            mode,
        )


def sparse_look(look: Look) -> dict[str, Any]:
    """``Look.to_dict()`` without neutral values (same look, a third of the bytes)."""
    data = look.to_dict()
    if "adjust" in data:
        data["adjust"] = {n: v for n, v in data["adjust"].items() if v}
    if "selective_adjust" in data:
        data["selective_adjust"] = {
            c: {p: v for p, v in props.items() if v}
            for c, props in data["selective_adjust"].items()
            if any(props.values())
        }
    return data


def row_line(row: Row) -> str:
    return json.dumps(row.to_dict(), ensure_ascii=False, separators=(",", ":"))


def write_rows(path: str | Path, rows: Iterable[Row]) -> None:
    """Write rows as JSONL atomically; the same rows always give the same bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(row_line(row) + "\n")


def read_rows(path: str | Path) -> list[Row]:
    return [Row.from_dict(data, where) for where, data in read_jsonl(path, "Data file")]


def load_split(name: str, data_dir: Path | None = None) -> list[Row]:
    """Rows of one split (``train``, ``test`` or ``unseen``) from ``data_dir`` (default v2)."""
    if name not in SPLITS:
        raise EditorError(f"Unknown split {name!r}; expected one of {', '.join(SPLITS)}.")
    return read_rows(Path(data_dir or default_data_dir()) / f"{name}.jsonl")
