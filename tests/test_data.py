"""Dataset rows, the intent corpus, behavioral filtering, splits and reproducible builds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from editor.cli import main
from editor.distill.build import BuildOptions, build_dataset, stats_table
from editor.distill.corpus import CorpusOptions, generate_intents, intent_key
from editor.distill.data import SPLITS, Row, load_split, read_rows, row_line, write_rows
from editor.distill.filtering import behavioral_filter, export_rate, read_log, samples_from_events
from editor.distill.splits import choose_holdout, key_words
from editor.errors import EditorError
from editor.schema import FilterChoice, Look
from editor.teacher import lexicon
from editor.teacher.kb import KnowledgeTeacher
from editor.teacher.knowledge import normalize

A = Look(adjust={"contrast": 20})
AS = Look(adjust={"contrast": 20}, selective_adjust={"blue": {"saturation": 30}})
ASF = Look(
    adjust={"exposure": 10}, selective_adjust={"red": {"hue": 5}}, filter=FilterChoice("bw_Classic", 50)
)
FLAGS = ("adjust", "selective_adjust", "filter")


def flags(*kept: str) -> dict[str, bool]:
    return {t: t in kept for t in FLAGS}


@pytest.fixture(scope="module")
def teacher() -> KnowledgeTeacher:
    return KnowledgeTeacher()


@pytest.fixture(scope="module")
def built(tmp_path_factory, teacher) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("data") / "v1"
    options = BuildOptions(seed=7, corpus_size=1600, test_size=300)
    return out, build_dataset(out, options, teacher=teacher)


# -- rows ------------------------------------------------------------------------------


def test_rows_round_trip_with_compact_deterministic_lines(tmp_path):
    rows = [
        Row("golden hour", ASF, {"adjust": "a", "selective_adjust": "s", "filter": "f"}, None, "kb"),
        Row("brighter", A, {"adjust": "a"}, flags("adjust"), "log"),
    ]
    path = tmp_path / "rows.jsonl"
    write_rows(path, rows)
    assert read_rows(path) == rows
    first = path.read_bytes()
    write_rows(path, rows)
    assert path.read_bytes() == first
    line = json.loads(first.splitlines()[1])
    assert line["look"] == {"schema_version": 1, "adjust": {"contrast": 20}}
    assert line["exported"] == {"adjust": True, "selective_adjust": False, "filter": False}
    assert " " not in row_line(rows[1]).replace("golden hour", "")


def test_bad_rows_are_clear_errors(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"intent": "x", "look": {"adjust": {"glow": 3}}}\n')
    with pytest.raises(EditorError, match="bad.jsonl line 1 has an invalid look"):
        read_rows(path)
    path.write_text("not json\n")
    with pytest.raises(EditorError, match="line 1 is not valid JSON"):
        read_rows(path)
    with pytest.raises(EditorError, match="Unknown split"):
        load_split("validation", tmp_path)


# -- corpus ----------------------------------------------------------------------------


def test_corpus_is_unique_casual_and_seeded(teacher):
    intents = list(generate_intents(teacher.kb, CorpusOptions(size=10_000, seed=3)))
    assert len(intents) == 10_000
    assert len({intent_key(i) for i in intents}) == 10_000
    assert intents == list(generate_intents(teacher.kb, CorpusOptions(size=10_000, seed=3)))
    assert (
        intents[2000:2100]
        != list(generate_intents(teacher.kb, CorpusOptions(size=10_000, seed=4)))[2000:2100]
    )
    text = "\n".join(intents)
    for phrase in ("make it look like", "vibe", "pls", "slightly", "very"):
        assert phrase in text
    assert any(i.isupper() for i in intents) and any(not i.isascii() for i in intents)
    names = {intent_key(n) for c in teacher.kb.concepts for n in c.names}
    assert names <= {intent_key(i) for i in intents}
    assert intent_key("Golden  Hour!!") == intent_key("golden hour") == intent_key("golden-hour \u2728")


# -- behavioral filtering ----------------------------------------------------------------


def test_export_rate():
    assert export_rate(ASF, flags("adjust", "filter")) == pytest.approx(2 / 3)
    assert export_rate(A, flags("adjust", "filter")) == 1.0
    assert export_rate(A, flags("filter")) == 0.0
    assert export_rate(Look(), flags(*FLAGS)) == 0.0


def test_behavioral_filter_keeps_the_best_exported_output():
    samples = [
        Row("moody", ASF, {}, flags("adjust"), "log"),  # rate 1/3
        Row("Moody!", AS, {}, flags("adjust", "selective_adjust"), "log"),  # rate 1: wins
        Row("moody", A, {}, flags(), "log"),  # zero exports: dropped
        Row("warm", A, {}, flags("adjust"), "log"),  # rate 1, seen once
        Row("warm", AS, {}, flags("adjust", "selective_adjust"), "log"),  # rate 1, seen twice: wins
        Row("warm", AS, {}, flags("adjust"), "log"),
        Row("tie", A, {}, flags("adjust"), "log"),  # rate 1, first seen: wins the tie
        Row("tie", AS, {}, flags("adjust", "selective_adjust"), "log"),
        Row("never", ASF, {}, flags(), "log"),  # dropped entirely
    ]
    kept = behavioral_filter(samples)
    assert [(r.intent, r.look) for r in kept] == [("Moody!", AS), ("warm", AS), ("tie", A)]
    assert kept[1].exported == flags("adjust", "selective_adjust")


def _event_log(path: Path, events: list[tuple[str, str, dict]]) -> Path:
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE events(id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL,"
        " project_id TEXT NOT NULL, kind TEXT NOT NULL, model_variant TEXT, payload TEXT NOT NULL)"
    )
    for ts, (project, kind, payload) in enumerate(events):
        db.execute(
            "INSERT INTO events(ts, project_id, kind, model_variant, payload) VALUES (?, ?, ?, ?, ?)",
            (float(ts), project, kind, "student", json.dumps(payload)),
        )
    db.commit()
    db.close()
    return path


def _prompt(project: str, intent: str, look: Look) -> tuple[str, str, dict]:
    return (project, "prompt_submitted", {"intent": intent, "look": look.to_dict()})


def _export(project: str, look: Look, *kept: str) -> tuple[str, str, dict]:
    return (project, "exported", {"look": look.to_dict(), "kept": flags(*kept)})


def test_sqlite_event_log_to_filtered_rows(tmp_path):
    log = _event_log(
        tmp_path / "events.sqlite",
        [
            ("p1", "project_started", {"source": "/videos/a.mp4"}),
            ("p2", "project_started", {"source": "/videos/b.mp4"}),
            _prompt("p1", "moody winter", A),  # superseded by the next prompt: all false
            _prompt("p2", "golden hour", ASF),  # interleaved project
            _prompt("p1", "moody winter", AS),
            _export("p1", AS, "adjust", "selective_adjust"),
            _export("p2", ASF, "filter"),
            _prompt("p2", "neon", A),  # never exported: all false
            ("p3", "prompt_submitted", "{broken"),  # malformed payload: skipped with a warning
        ],
    )
    samples = samples_from_events(log)
    assert [(s.intent, s.look, s.exported) for s in samples] == [
        ("moody winter", A, flags()),
        ("golden hour", ASF, flags("filter")),
        ("moody winter", AS, flags("adjust", "selective_adjust")),
        ("neon", A, flags()),
    ]
    assert all(s.source == "log" for s in samples)
    rows = behavioral_filter(samples)
    assert [(r.intent, r.look) for r in rows] == [("golden hour", ASF), ("moody winter", AS)]


def test_filter_log_command_on_sqlite_and_jsonl(tmp_path, capsys):
    log = _event_log(tmp_path / "events.db", [_prompt("p", "warmer", A), _export("p", A, "adjust")])
    out = tmp_path / "rows.jsonl"
    assert main(["distill", "filter-log", str(log), "-o", str(out)]) == 0
    assert [(r.intent, r.look, r.exported) for r in read_rows(out)] == [("warmer", A, flags("adjust"))]
    jsonl = tmp_path / "log.jsonl"
    write_rows(jsonl, [Row("x", A, {"adjust": "r"}, flags(), "kb"), Row("x", AS, {}, flags("adjust"), "kb")])
    assert [r.look for r in read_log(jsonl)] == [A, AS]
    assert main(["distill", "filter-log", str(jsonl), "-o", str(out)]) == 0
    assert [(r.intent, r.look) for r in read_rows(out)] == [("x", AS)]
    assert main(["distill", "filter-log", str(tmp_path / "missing.db"), "-o", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


# -- splits and the build ----------------------------------------------------------------


def test_holdout_concepts_have_private_key_words(teacher):
    keys = key_words(teacher.kb)
    holdout = choose_holdout(teacher.kb, 1, seed=0)
    assert len(holdout.concepts) >= 8
    for cid in holdout.concepts:
        for name in teacher.kb.by_id[cid].names:
            assert set(normalize(name).split()) & keys[cid]
    assert "winter" not in holdout.concepts and "golden_hour" not in holdout.concepts


def test_splits_are_disjoint_and_unseen_words_stay_out_of_training(built, teacher):
    out, splits = built
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"] == {name: len(getattr(splits, name)) for name in SPLITS}
    assert len(splits.test) == 300 and len(splits.unseen) > 0
    keys = {name: {intent_key(r.intent) for r in load_split(name, out)} for name in SPLITS}
    assert len(keys["test"]) == 300
    assert not keys["train"] & keys["test"] and not keys["train"] & keys["unseen"]
    assert not keys["test"] & keys["unseen"]
    words = set(manifest["held_out_words"])
    assert words == set(splits.holdout.words)
    for row in splits.train + splits.test:
        assert not set(normalize(row.intent).split()) & words, row.intent
    held = set(splits.holdout.concepts)
    for row in splits.unseen:
        assert set(normalize(row.intent).split()) & words or set(teacher.label(row.intent).concepts) & held
    for row in load_split("train", out)[:50]:
        assert set(row.rationales) == set(row.look.tools_called) and row.exported is None


def test_build_is_reproducible_byte_for_byte(built, tmp_path):
    out, _ = built
    again = tmp_path / "v1"
    build_dataset(again, BuildOptions(seed=7, corpus_size=1600, test_size=300), teacher=KnowledgeTeacher())
    for name in ("train.jsonl", "test.jsonl", "unseen.jsonl", "manifest.json"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


def test_continued_build_keeps_the_holdout_and_the_old_training_intents_out_of_test(built, tmp_path, teacher):
    """A build that continues from data a student learned keeps that data's held-out
    concepts and puts none of its training intents in the new test or unseen split."""
    old, old_splits = built
    new = tmp_path / "v3"
    splits = build_dataset(
        new, BuildOptions(seed=8, corpus_size=1600, test_size=300, continue_from=old), teacher=teacher
    )
    assert splits.holdout.concepts == old_splits.holdout.concepts
    assert json.loads((new / "manifest.json").read_text())["held_out_concepts"] == list(
        old_splits.holdout.concepts
    )
    learned = {intent_key(r.intent) for r in old_splits.train}
    keys = {name: {intent_key(r.intent) for r in getattr(splits, name)} for name in SPLITS}
    assert keys["train"] & learned
    assert not (keys["test"] | keys["unseen"]) & learned
    with pytest.raises(EditorError, match="manifest.json' is missing"):
        build_dataset(
            tmp_path / "x", BuildOptions(seed=8, corpus_size=1600, continue_from=tmp_path), teacher=teacher
        )


def test_development_requests_become_training_rows_with_noisy_copies(teacher, tmp_path):
    """Each development request is one teacher label given to it and its noisy copies; a
    request naming a held-out concept is left out; the held-out files are refused."""
    from editor.distill.seeds import read_seed_requests, seed_rows

    dev = tmp_path / "requests_dev.jsonl"
    dev.write_text(
        '{"request": "too dark, brighten it a bit", "expect": {"brightness": "+"}}\n'
        '{"request": "London street feel please", "expect": {"contrast": "+"}}\n'
        '{"request": "hello there"}\n'
        '{"request": "Too dark, brighten it a bit!"}\n'
    )
    requests = read_seed_requests([dev])
    assert requests == ["too dark, brighten it a bit", "London street feel please", "hello there"]
    rows, skipped = seed_rows(requests, teacher, ["london"], copies=3)
    assert skipped == 1 and len(rows) == 8
    bright = [r for r in rows if r.look == teacher.label("too dark, brighten it a bit").look]
    assert len(bright) == 4 and bright[0].look.adjust["exposure"] > 0 and len({r.intent for r in bright}) > 1
    assert all(r.source == "request" for r in rows)
    assert [r.look.is_neutral for r in rows[4:]] == [True] * 4
    for held in ("requests.jsonl", "noop.jsonl"):
        (tmp_path / held).write_text('{"request": "x"}\n')
        with pytest.raises(EditorError, match="held out"):
            read_seed_requests([tmp_path / held])


def test_stats_command_prints_the_papers_table(built, capsys):
    out, splits = built
    assert main(["distill", "stats", "--data", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.strip() == stats_table({n: getattr(splits, n) for n in SPLITS}).strip()
    train_line = next(line for line in printed.splitlines() if line.startswith("Train"))
    used_adjust = sum(r.look.called("adjust") for r in splits.train)
    assert train_line.split()[1:3] == [str(used_adjust), str(len(splits.train))]


def test_shipped_data_follows_the_contract():
    manifest = json.loads(
        (Path(__file__).resolve().parent.parent / "resources/data/v2/manifest.json").read_text()
    )
    assert manifest["counts"]["test"] == 1000 and manifest["counts"]["unseen"] >= 300
    assert sum(manifest["counts"].values()) >= 10_000
    test = load_split("test")
    assert len({intent_key(r.intent) for r in test}) == 1000


def test_noop_corpus_has_addresses_and_app_questions_the_teacher_leaves_alone(teacher):
    import random

    from editor.distill import noops

    rng = random.Random(0)
    addresses = [noops.address(rng) for _ in range(200)]
    assert any("." in a and "/" not in a for a in addresses) and any(a.count("/") >= 2 for a in addresses)
    assert all(teacher.label(a).mode == "none" for a in addresses)
    assert all(teacher.label(q).mode == "none" for q in noops._APP_QUESTIONS)


def test_no_held_out_key_word_is_a_word_the_reader_reads(teacher):
    read = lexicon.phrase_words()
    assert "deep" in read
    assert not any(words & read for words in key_words(teacher.kb).values())


def test_noop_corpus_composes_other_kinds_of_edit_the_teacher_leaves_alone(teacher):
    import random

    from editor.distill import noops

    rng = random.Random(0)
    tasks = {noops.task(rng) for _ in range(400)}
    assert len(tasks) > 350
    graded = [t for t in tasks if teacher.label(t).mode != "none"]
    assert len(graded) <= len(tasks) * 0.02, graded


def test_corpus_take_out_frames_take_the_look_back(teacher):
    from editor.distill.corpus import TAKE_OUT_TEMPLATES

    for frame in TAKE_OUT_TEMPLATES:
        intent = frame.format(x="vintage", f="brighter")
        answer = teacher.label(intent)
        assert answer.mode == "relative" and answer.look.filter is None, intent
        assert answer.look.adjust_value("temperature") < 0, intent
