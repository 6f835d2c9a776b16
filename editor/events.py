"""The local event log: what happened in each project, for the online metric.

A small SQLite file in the user's data directory (``editor.settings.events_path``);
it never leaves the machine. One table, fixed by the data contract::

    events(id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL, project_id TEXT NOT NULL,
           kind TEXT NOT NULL, model_variant TEXT, payload TEXT NOT NULL)

Kinds and their JSON payloads:

- ``project_started`` ``{"source": path}`` (a media file was opened)
- ``prompt_submitted`` ``{"intent": str, "look": Look.to_dict(), "mode": str}`` (the look the
  model returned, and how it read the request: one of ``editor.intent.MODES``, ``new``,
  ``relative`` or ``none``; ``none`` has a neutral look and changed nothing). Logs written
  before modes have no ``mode``; read a missing one as ``new``: the model then read every
  request as a new look.
- ``exported`` ``{"look": Look.to_dict(), "kept": {tool: bool}}`` (per tool: whether the
  AI's suggestion for it was still in the exported look)

The paper's online metric, project completion rate = projects exported / projects
started, is computed per model variant by ``completion_rates``.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import EditorError
from editor.intent import MODES
from editor.schema import TOOLS, Look

log = logging.getLogger(__name__)

PROJECT_STARTED = "project_started"
PROMPT_SUBMITTED = "prompt_submitted"
EXPORTED = "exported"
KINDS = (PROJECT_STARTED, PROMPT_SUBMITTED, EXPORTED)

#: The variant a project counts under when no prompt was submitted in it.
NO_PROMPT = "no prompt"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    project_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    model_variant TEXT,
    payload TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Event:
    id: int
    ts: float
    project_id: str
    kind: str
    model_variant: str | None
    payload: dict[str, Any]


class EventLog:
    """Appends events to the SQLite log at ``path`` (default: the user data directory)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            from editor.settings import events_path

            path = events_path()
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path)
            self._conn.execute(_SCHEMA)
            self._conn.commit()
        except sqlite3.Error as exc:
            raise EditorError(f"The event log {str(self.path)!r} cannot be opened ({exc}).") from exc

    def record(
        self, project_id: str, kind: str, payload: Mapping[str, Any], model_variant: str | None = None
    ) -> None:
        if kind not in KINDS:
            raise EditorError(f"Unknown event kind {kind!r}; expected one of {', '.join(KINDS)}.")
        self._conn.execute(
            "INSERT INTO events(ts, project_id, kind, model_variant, payload) VALUES (?, ?, ?, ?, ?)",
            (time.time(), project_id, kind, model_variant, json.dumps(dict(payload), separators=(",", ":"))),
        )
        self._conn.commit()

    def project_started(self, project_id: str, source: str | os.PathLike[str]) -> None:
        self.record(project_id, PROJECT_STARTED, {"source": str(source)})

    def prompt_submitted(
        self, project_id: str, model_variant: str, intent: str, look: Look, mode: str
    ) -> None:
        if mode not in MODES:
            raise EditorError(f"Unknown prompt mode {mode!r}; expected one of {', '.join(MODES)}.")
        payload = {"intent": intent, "look": look.to_dict(), "mode": mode}
        self.record(project_id, PROMPT_SUBMITTED, payload, model_variant)

    def exported(
        self, project_id: str, model_variant: str | None, look: Look, kept: Mapping[str, bool]
    ) -> None:
        payload = {"look": look.to_dict(), "kept": {tool: bool(kept.get(tool, False)) for tool in TOOLS}}
        self.record(project_id, EXPORTED, payload, model_variant)

    def close(self) -> None:
        self._conn.close()


def read_events(path: str | os.PathLike[str]) -> list[Event]:
    """All events in the log at ``path``, oldest first."""
    path = Path(path)
    if not path.is_file():
        raise EditorError(f"The event log {str(path)!r} does not exist.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute(
                "SELECT id, ts, project_id, kind, model_variant, payload FROM events ORDER BY id"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise EditorError(f"{str(path)!r} is not a readable event log ({exc}).") from exc
    events = []
    for id_, ts, project_id, kind, variant, payload in rows:
        try:
            data = json.loads(payload)
        except json.JSONDecodeError:
            log.warning("event %d in %s has a malformed payload; skipped", id_, path)
            continue
        events.append(Event(id_, ts, project_id, kind, variant, data))
    return events


@dataclass(frozen=True)
class VariantStats:
    """Projects started and exported under one model variant."""

    variant: str
    started: int
    exported: int

    @property
    def completion_rate(self) -> float:
        return self.exported / self.started if self.started else 0.0


def completion_rates(events: Iterable[Event]) -> list[VariantStats]:
    """Project completion rate per model variant, sorted by variant name.

    A project is started by its ``project_started`` event and completed when it has at
    least one ``exported`` event. Its variant is that of its last prompt; projects
    without a prompt count under ``NO_PROMPT``.
    """
    started: set[str] = set()
    exported: set[str] = set()
    variant: dict[str, str] = {}
    for event in events:
        if event.kind == PROJECT_STARTED:
            started.add(event.project_id)
        elif event.kind == EXPORTED:
            exported.add(event.project_id)
        elif event.kind == PROMPT_SUBMITTED:
            variant[event.project_id] = event.model_variant or NO_PROMPT
    counts: dict[str, list[int]] = {}
    for project in started:
        entry = counts.setdefault(variant.get(project, NO_PROMPT), [0, 0])
        entry[0] += 1
        entry[1] += project in exported
    return [VariantStats(v, s, e) for v, (s, e) in sorted(counts.items())]
