"""Offline metrics on hand-computed cases."""

import math

import numpy as np
import pytest

from editor.evaluate import cosine, harmonic_mean, score, selection_scores, tool_similarity
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
