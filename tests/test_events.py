"""The local event log: exact table schema, payloads and the completion-rate metric."""

import json
import sqlite3
import subprocess
import sys

import pytest

from editor.errors import EditorError
from editor.events import NO_PROMPT, EventLog, completion_rates, read_events
from editor.intent import MODES
from editor.schema import FilterChoice, Look

LOOK = Look(adjust={"contrast": 20, "temperature": -30}, filter=FilterChoice("film_Portra", 60))


def test_table_schema_is_the_data_contract(tmp_path):
    EventLog(tmp_path / "e.sqlite3").close()
    conn = sqlite3.connect(tmp_path / "e.sqlite3")
    cols = [(r[1], r[2], r[3], r[5]) for r in conn.execute("PRAGMA table_info(events)")]
    assert cols == [
        ("id", "INTEGER", 0, 1),
        ("ts", "REAL", 1, 0),
        ("project_id", "TEXT", 1, 0),
        ("kind", "TEXT", 1, 0),
        ("model_variant", "TEXT", 0, 0),
        ("payload", "TEXT", 1, 0),
    ]
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='events'").fetchone()[0]
    assert "AUTOINCREMENT" in sql


def test_payloads_round_trip(tmp_path):
    path = tmp_path / "e.sqlite3"
    log = EventLog(path)
    log.project_started("p1", "/media/clip.mp4")
    log.prompt_submitted("p1", "student-a", "moody winter", LOOK, "new")
    log.exported("p1", "student-a", LOOK, {"adjust": True, "filter": False})
    log.close()
    events = read_events(path)
    assert [e.kind for e in events] == ["project_started", "prompt_submitted", "exported"]
    assert events[0].payload == {"source": "/media/clip.mp4"} and events[0].model_variant is None
    assert events[1].payload == {"intent": "moody winter", "look": LOOK.to_dict(), "mode": "new"}
    assert events[1].model_variant == "student-a"
    assert events[2].payload["kept"] == {"adjust": True, "selective_adjust": False, "filter": False}
    assert Look.from_dict(events[2].payload["look"]) == LOOK
    raw = sqlite3.connect(path).execute("SELECT payload FROM events WHERE kind='exported'").fetchone()[0]
    assert json.loads(raw)["look"]["filter"] == {"name": "film_Portra", "intensity": 60}


def test_unknown_kind_is_refused(tmp_path):
    with pytest.raises(EditorError, match="Unknown event kind"):
        EventLog(tmp_path / "e.sqlite3").record("p", "opened", {})


def test_each_prompt_records_how_the_model_read_it(tmp_path):
    path = tmp_path / "e.sqlite3"
    log = EventLog(path)
    log.prompt_submitted("p", "A", "golden hour", LOOK, "new")
    log.prompt_submitted("p", "A", "a bit warmer", Look(adjust={"temperature": 10}), "relative")
    log.prompt_submitted("p", "A", "asdfgh", Look(), "none")
    with pytest.raises(EditorError, match="Unknown prompt mode 'later'"):
        log.prompt_submitted("p", "A", "soon", LOOK, "later")
    log.close()
    events = read_events(path)
    assert [e.payload["mode"] for e in events] == list(MODES)
    assert events[2].payload == {"intent": "asdfgh", "look": {"schema_version": 1}, "mode": "none"}


def _session(path):
    log = EventLog(path)
    for pid in ("a1", "a2"):
        log.project_started(pid, f"/{pid}.mp4")
        log.prompt_submitted(pid, "A", "golden hour", LOOK, "new")
    log.project_started("a3", "/a3.mp4")
    # As the app wrote prompts before it knew modes:
    log.record("a3", "prompt_submitted", {"intent": "golden hour", "look": LOOK.to_dict()}, "A")
    log.exported("a1", "A", LOOK, {})
    log.exported("a1", "A", LOOK, {})  # a second export of the same project counts once
    log.exported("a2", "A", LOOK, {})
    log.project_started("b1", "/b1.mp4")
    log.prompt_submitted("b1", "A", "cold", LOOK, "new")
    log.prompt_submitted("b1", "B", "colder", LOOK, "relative")  # the project's variant is its last prompt's
    log.project_started("n1", "/n1.mp4")
    log.exported("n1", None, LOOK, {})
    log.project_started("n2", "/n2.mp4")
    log.close()


def test_completion_rate_per_variant(tmp_path):
    _session(tmp_path / "e.sqlite3")
    stats = {s.variant: s for s in completion_rates(read_events(tmp_path / "e.sqlite3"))}
    assert set(stats) == {"A", "B", NO_PROMPT}
    assert (stats["A"].started, stats["A"].exported) == (3, 2)
    assert stats["A"].completion_rate == pytest.approx(2 / 3)
    assert (stats["B"].started, stats["B"].exported, stats["B"].completion_rate) == (1, 0, 0.0)
    assert (stats[NO_PROMPT].started, stats[NO_PROMPT].exported) == (2, 1)


def test_stats_command(tmp_path):
    _session(tmp_path / "e.sqlite3")
    out = subprocess.run(
        [sys.executable, "-m", "editor", "stats", "--log", str(tmp_path / "e.sqlite3")],
        capture_output=True, text=True, check=True,
    ).stdout
    lines = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert lines["A"][1:] == ["3", "2", "66.7%"]
    assert lines["B"][1:] == ["1", "0", "0.0%"]


def test_stats_on_a_missing_log_is_one_clear_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "editor", "stats", "--log", str(tmp_path / "none.sqlite3")],
        capture_output=True, text=True,
    )
    assert result.returncode == 2
    missing = str(tmp_path / "none.sqlite3")
    assert result.stderr.strip() == f"moodgrade: The event log {missing!r} does not exist."
