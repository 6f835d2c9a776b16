"""Behavioral filtering (the paper's data filtering) of logged teacher answers.

A *sample* is (intent, the look the AI returned, per-tool exported flags). Filtering:

1. drop samples in which no called tool was exported;
2. per intent (by ``intent_key``), among its different looks keep the one with the
   highest *export rate* = exported called tools / called tools. Ties go to the look seen
   most often for that intent, then to the one seen first.

Logs come from the app's SQLite event log (``editor/events.py``) or from JSONL rows in
the data format (rows with ``exported`` flags).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from editor.distill.corpus import intent_key
from editor.distill.data import Row, read_rows
from editor.errors import EditorError, LookError
from editor.intent import NEW, NONE
from editor.schema import TOOLS, Look

log = logging.getLogger(__name__)


def export_rate(look: Look, exported: dict[str, bool]) -> float:
    """Exported called tools / called tools (0 when the look calls no tool)."""
    called = look.tools_called
    if not called:
        return 0.0
    return sum(bool(exported.get(t)) for t in called) / len(called)


@dataclass
class _Candidate:
    row: Row
    rate: float
    count: int
    first: int


def behavioral_filter(samples: Iterable[Row]) -> list[Row]:
    """One row per intent: the look that maximizes the export rate (see module docstring)."""
    by_intent: dict[str, dict[str, _Candidate]] = {}
    for order, row in enumerate(samples):
        if row.exported is None:
            raise EditorError(f"Sample {row.intent!r} has no 'exported' flags to filter by.")
        rate = export_rate(row.look, row.exported)
        if rate == 0.0:
            continue
        looks = by_intent.setdefault(intent_key(row.intent), {})
        look_key = json.dumps(row.look.to_dict(), sort_keys=True)
        cand = looks.get(look_key)
        if cand is None:
            looks[look_key] = _Candidate(row, rate, 1, order)
            continue
        cand.count += 1
        if rate > cand.rate:
            cand.row, cand.rate = row, rate
    # Intents keep the order in which they were first seen.
    return [max(looks.values(), key=lambda c: (c.rate, c.count,
                                               -c.first)).row for looks in by_intent.values()]


def samples_from_events(path: str | Path, source: str = "log") -> list[Row]:
    """Samples from the app's SQLite event log.

    Per project, in event order: the last ``prompt_submitted`` before an ``exported``
    event gets that export's ``kept`` flags; every other prompt gets all flags false. A
    prompt the model did not understand (mode ``none``) changed nothing, so it is no
    sample and does not take the export's flags from the prompt before it; a prompt
    without a mode (older logs) is a new look.
    """
    path = Path(path)
    if not path.is_file():
        raise EditorError(f"Event log {str(path)!r} does not exist.")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            events = db.execute("SELECT id, project_id, kind, payload FROM events ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        raise EditorError(f"{str(path)!r} is not a readable event log ({exc}).") from exc
    samples: list[tuple[int, Row]] = []
    pending: dict[str, tuple[int, str, Look, str] | None] = {}
    no_flags = {t: False for t in TOOLS}

    def close(project: str, flags: dict[str, bool]) -> None:
        prompt = pending.pop(project, None)
        if prompt is not None:
            event_id, intent, look, mode = prompt
            samples.append((event_id, Row(intent, look, {}, flags, source, mode)))

    for event_id, project, kind, payload in events:
        try:
            data = json.loads(payload)
            if kind == "prompt_submitted":
                mode = data.get("mode", NEW)
                if mode == NONE:
                    continue
                close(project, dict(no_flags))
                pending[project] = (event_id, str(data["intent"]), Look.from_dict(data["look"]), mode)
            elif kind == "exported":
                kept = data["kept"]
                close(project, {t: bool(kept.get(t, False)) for t in TOOLS})
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError, LookError) as exc:
            log.warning("skipped event %s (%s) in %s: %s", event_id, kind, path, exc)
    for project in list(pending):
        close(project, dict(no_flags))
    return [row for _, row in sorted(samples, key=lambda s: s[0])]


def read_log(path: str | Path) -> list[Row]:
    """Samples from a SQLite event log or a JSONL log of rows with ``exported`` flags."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except FileNotFoundError as exc:
        raise EditorError(f"Log {str(path)!r} does not exist.") from exc
    if header.startswith(b"SQLite format 3"):
        return samples_from_events(path)
    return read_rows(path)
