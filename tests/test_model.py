"""The student runtime: the shipped model end to end, and the parsing of untrusted
model output (fuzzed, truncated, wrong names, huge numbers) that must never raise."""

import json
import random
import shutil
import subprocess
import sys

import pytest

from editor.distill.data import load_split
from editor.errors import EditorError
from editor.evaluate import evaluate
from editor.model import Student, Suggestion, parse_outputs
from editor.paths import default_model_dir
from editor.prompts import TASKS
from editor.schema import ADJUST_NAMES, COLOR_RANGES, SELECTIVE_NAMES, TOOLS, Look, filter_names

VALID = {
    "adjust": "contrast 20 temperature -30 linearOffset 10",
    "selective_adjust": "orange saturation 30 luminance 20 blue hue -10",
    "filter": "film_Portra 40",
}
POOL = [
    *ADJUST_NAMES,
    *COLOR_RANGES,
    *SELECTIVE_NAMES,
    *filter_names()[:5],
    *TOOLS,
    "none",
    ":",
    "-",
    "⁇",
    "0",
    "5",
    "-100",
    "100",
    "101",
    "-250",
    "99999999999999999999",
    "1e309",
    "nan",
    "12.7",
    "+3",
    "<unk>",
    "</s>",
    "film_NotAPreset",
    "Contrast",
    "red,",
    "",
]


def _ranges_ok(look: Look) -> bool:
    values = list(look.adjust_vector()) + list(look.selective_vector())
    intensity_ok = look.filter is None or 0 < look.filter.intensity <= 100
    return all(-100 <= v <= 100 for v in values) and intensity_ok


def test_valid_outputs_parse_to_the_look():
    look, warnings = parse_outputs(VALID)
    assert warnings == []
    assert look.adjust["temperature"] == -30 and look.adjust["linearOffset"] == 10
    assert look.selective_adjust["blue"]["hue"] == -10
    assert (look.filter.name, look.filter.intensity) == ("film_Portra", 40)


def test_fuzzed_outputs_never_raise():
    rng = random.Random(0)
    for _ in range(400):
        raw = {t: " ".join(rng.choice(POOL) for _ in range(rng.randint(0, 12))) for t in TOOLS}
        look, warnings = parse_outputs(raw)
        assert isinstance(look, Look) and _ranges_ok(look)
        assert all(isinstance(w, str) for w in warnings)


def test_truncated_outputs_never_raise():
    for tool, text in VALID.items():
        for cut in range(len(text) + 1):
            look, _ = parse_outputs({**VALID, tool: text[:cut]})
            assert _ranges_ok(look)


def test_wrong_names_and_huge_numbers_are_dropped_or_clamped():
    raw = {
        "adjust": "contrast 99999999999999999999 warmth 20",
        "selective_adjust": "purple saturation 30 red hue -400",
        "filter": "film_NotAPreset 40",
    }
    look, warnings = parse_outputs(raw)
    assert look.adjust["contrast"] == 100
    assert look.selective_adjust["red"]["hue"] == -100
    assert look.filter is None
    text = " ".join(warnings)
    assert "warmth" in text and "purple" in text and "film_NotAPreset" in text


def test_empty_output_means_not_called_with_a_warning():
    look, warnings = parse_outputs({"adjust": "", "selective_adjust": "none", "filter": "none"})
    assert look.is_neutral
    assert any("Adjust not applied" in w for w in warnings)


@pytest.fixture(scope="module")
def student():
    return Student(device="cpu")


def test_injected_garbage_through_suggest(student, monkeypatch):
    rng = random.Random(1)
    garbage = [" ".join(rng.choice(POOL) for _ in range(9)) for _ in range(len(TASKS))]
    monkeypatch.setattr(student, "generate", lambda texts: garbage * (len(texts) // len(TASKS)))
    suggestion = student.suggest("anything")
    assert isinstance(suggestion, Suggestion) and _ranges_ok(suggestion.look)
    assert suggestion.raw == dict(zip(TASKS, garbage, strict=True))
    # An unreadable mode is a warning, never an exception.
    assert any("mode output" in w for w in suggestion.warnings)


def test_shipped_model_moody_winter(student):
    from editor.teacher import get_teacher

    suggestion = student.suggest("moody winter")
    teacher = get_teacher("kb").label("moody winter")
    assert suggestion.look.tools_called == teacher.look.tools_called
    assert suggestion.explanation and suggestion.latency_ms > 0
    assert student.suggest("  Moody   WINTER ").raw == suggestion.raw
    assert student.variant.startswith(default_model_dir().name + "-")


def test_suggest_many_matches_suggest(student):
    intents = ["moody winter", "golden hour", "make it black and white"]
    many = student.suggest_many(intents)
    assert [s.raw for s in many] == [student.suggest(i).raw for i in intents]


def test_cli_suggest_prints_a_look():
    out = subprocess.run(
        [sys.executable, "-m", "editor", "suggest", "moody winter", "--explain"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    text, _, explanation = out.partition("\n}\n")
    look = Look.from_dict(json.loads(text + "\n}"))
    assert "adjust" in look.tools_called
    assert "Adjust:" in explanation


def test_cli_suggest_jsonl_from_stdin():
    out = subprocess.run(
        [sys.executable, "-m", "editor", "suggest", "--jsonl", "-"],
        input="moody winter\n\ngolden hour\nfaded film\n",
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    lines = [json.loads(line) for line in out]
    assert [line["intent"] for line in lines] == ["moody winter", "", "golden hour", "faded film"]
    assert [line["mode"] for line in lines][:2] == ["new", "none"]
    assert all(isinstance(Look.from_dict(line["look"]), Look) for line in lines)


def test_missing_or_corrupt_model_is_one_sentence(tmp_path):
    with pytest.raises(EditorError, match="No student model"):
        Student(tmp_path / "nothing")
    broken = tmp_path / "broken"
    shutil.copytree(default_model_dir(), broken)
    (broken / "model.bin").write_bytes(b"not a model")
    with pytest.raises(EditorError, match="cannot be loaded"):
        Student(broken)


@pytest.fixture(scope="module")
def test_report(student):
    return evaluate(load_split("test"), student)


def test_shipped_model_reproduces_its_recorded_scores(test_report):
    recorded = json.loads((default_model_dir() / "scores.json").read_text(encoding="utf-8"))["test"]
    assert test_report.overall == pytest.approx(recorded["overall"], abs=0.005)
    for tool in TOOLS:
        assert test_report.tools[tool].f1 == pytest.approx(recorded["tools"][tool]["f1"], abs=0.005)


def test_shipped_model_meets_the_target_on_the_test_split(test_report):
    assert test_report.overall >= 0.85, test_report.table()
