"""Offline metrics on hand-computed cases."""

import math

import numpy as np
import pytest

from editor.distill.data import Row
from editor.evaluate import (
    cosine,
    evaluate,
    harmonic_mean,
    mode_scores,
    score,
    selection_scores,
    tool_similarity,
)
from editor.model import Suggestion
from editor.schema import FilterChoice, Look


def test_selection_scores_hand_computed():
    # teacher: T T T F F ; student: T F T T F -> tp 2, fp 1, fn 1
    p, r, f1 = selection_scores([1, 1, 1, 0, 0], [1, 0, 1, 1, 0])
    assert p == pytest.approx(2 / 3)
    assert r == pytest.approx(2 / 3)
    assert f1 == pytest.approx(2 / 3)


def test_selection_scores_edge_cases():
    assert selection_scores([0, 0], [0, 0]) == (1.0, 1.0, 1.0)
    assert selection_scores([1, 1], [0, 0]) == (0.0, 0.0, 0.0)
    p, r, f1 = selection_scores([0, 0, 1], [1, 1, 1])
    assert (p, r) == (pytest.approx(1 / 3), 1.0)
    assert f1 == pytest.approx(0.5)


def test_cosine_known_values_and_zero_guards():
    assert cosine(np.array([1.0, 0.0]), np.array([0.0, 1.0])) == 0.0
    assert cosine(np.array([3.0, 4.0]), np.array([6.0, 8.0])) == pytest.approx(1.0)
    assert cosine(np.array([1.0, 1.0]), np.array([-1.0, -1.0])) == pytest.approx(-1.0)
    assert cosine(np.array([10.0, 0.0]), np.array([10.0, 10.0])) == pytest.approx(1 / math.sqrt(2))
    assert cosine(np.zeros(3), np.zeros(3)) == 1.0
    assert cosine(np.zeros(3), np.ones(3)) == 0.0


def test_harmonic_mean():
    assert harmonic_mean(1.0, 0.5) == pytest.approx(2 / 3)
    assert harmonic_mean(0.0, 0.0) == 0.0


def test_tool_similarity_filter_name_only():
    a = Look(filter=FilterChoice("film_Portra", 40))
    b = Look(filter=FilterChoice("film_Portra", 90))
    c = Look(filter=FilterChoice("bw_Classic", 40))
    assert tool_similarity("filter", a, b) == 1.0
    assert tool_similarity("filter", a, c) == 0.0


def test_score_hand_computed_report():
    t1 = Look(adjust={"contrast": 10}, filter=FilterChoice("film_Portra", 40))
    s1 = Look(adjust={"contrast": 10, "temperature": 10}, filter=FilterChoice("bw_Classic", 40))
    t2 = Look(adjust={"exposure": 20}, selective_adjust={"red": {"saturation": 30}})
    s2 = Look(adjust={"exposure": 20})
    report = score([("a", t1, s1), ("b", t2, s2)])
    adj = report.tools["adjust"]
    assert (adj.precision, adj.recall, adj.f1, adj.both_called) == (1.0, 1.0, 1.0, 2)
    assert adj.quality == pytest.approx((1 / math.sqrt(2) + 1.0) / 2)
    assert adj.final == pytest.approx(harmonic_mean(1.0, adj.quality))
    sel = report.tools["selective_adjust"]
    # teacher called it once, student never: P has nothing claimed but misses -> 0.
    assert (sel.precision, sel.recall, sel.f1, sel.quality, sel.final) == (0.0, 0.0, 0.0, 0.0, 0.0)
    filt = report.tools["filter"]
    assert (filt.f1, filt.quality, filt.final) == (1.0, 0.0, 0.0)
    assert report.overall == pytest.approx(adj.final / 3)
    assert report.samples[1].selection_correct("adjust")
    assert not report.samples[1].selection_correct("selective_adjust")
    assert "Overall" in report.table() and "(1.00, 1.00, 1.00)" in report.table()
    assert report.to_dict()["tools"]["filter"]["quality"] == 0.0
    assert report.to_dict()["mode"]["accuracy"] == 1.0


def test_mode_scores_hand_computed():
    # Positive = relative. teacher: R R N X N ; student: R N R X N -> tp 1, fp 1, fn 1.
    teacher = ["relative", "relative", "new", "none", "new"]
    student = ["relative", "new", "relative", "none", "new"]
    m = mode_scores(teacher, student)
    assert (m.precision, m.recall, m.f1) == (0.5, 0.5, 0.5)
    assert m.accuracy == pytest.approx(3 / 5)
    assert m.relative == 2


def test_mode_scores_without_relative_rows():
    m = mode_scores(["new", "none"], ["new", "new"])
    assert (m.precision, m.recall, m.f1, m.accuracy, m.relative) == (1.0, 1.0, 1.0, 0.5, 0)


def test_modes_are_scored_beside_the_tools_and_leave_overall_alone():
    look = Look(adjust={"contrast": 10})
    pairs = [("a", look, look), ("b", look, look)]
    same = score(pairs, [("relative", "relative"), ("new", "new")])
    swapped = score(pairs, [("relative", "new"), ("new", "relative")])
    assert same.overall == swapped.overall == pytest.approx(1 / 3)
    assert (same.mode.f1, same.mode.accuracy) == (1.0, 1.0)
    assert (swapped.mode.f1, swapped.mode.accuracy) == (0.0, 0.0)
    last = swapped.table().splitlines()[-1]
    assert last.startswith("Relative or new") and "(0.00, 0.00, 0.00)" in last and "accuracy 0.00" in last


def test_evaluate_reads_row_and_suggestion_modes():
    look = Look(adjust={"temperature": 20})

    class Fixed:
        def suggest_many(self, intents):
            return [Suggestion(look, [], {}, [], 0.0, "relative" if "bit" in i else "new") for i in intents]

    rows = [
        Row("a bit warmer", look, {}, None, "kb", "relative"),
        Row("golden hour", look, {}, None, "kb", "relative"),
        Row("sunny", look, {}, None, "kb"),
    ]
    report = evaluate(rows, Fixed())
    assert [(s.teacher_mode, s.student_mode) for s in report.samples] == [
        ("relative", "relative"),
        ("relative", "new"),
        ("new", "new"),
    ]
    assert (report.mode.precision, report.mode.recall) == (1.0, 0.5)
    assert report.mode.accuracy == pytest.approx(2 / 3)
