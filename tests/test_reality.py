"""The reality check: CIEDE2000 and the attributes on known values, and a small real run."""

import json
from pathlib import Path

import numpy as np
import pytest

from editor.cli import main
from editor.reality import (
    ATTRIBUTES,
    SMALL_LOOKS,
    STYLE_LOOKS,
    RealScene,
    attribute_passes,
    ciede2000,
    lab_measures,
    read_look,
    visible_delta_e,
)
from editor.schema import Look, parse_tool_text

MEDIA = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata" / "media"

# Sharma, Wu and Dalal (2005), Table 1: pairs 1, 7, 17, 19, 25 and 34 with their dE00.
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
]


@pytest.fixture(scope="module")
def media() -> Path:
    # The real pictures are the point of this check: without them it must fail, not skip.
    assert MEDIA.is_dir(), f"shared test media missing at {MEDIA}"
    return MEDIA


def test_ciede2000_matches_sharmas_published_pairs():
    lab1 = np.array([p[0] for p in SHARMA])
    lab2 = np.array([p[1] for p in SHARMA])
    np.testing.assert_allclose(ciede2000(lab1, lab2), [p[2] for p in SHARMA], atol=1e-4)
    np.testing.assert_allclose(ciede2000(lab2, lab1), [p[2] for p in SHARMA], atol=1e-4)
    assert ciede2000(lab1, lab1).max() == 0


def test_lab_measures_of_a_known_picture():
    lab = np.zeros((2, 50, 3), np.float32)
    lab[0] = (20.0, 3.0, 4.0)
    lab[1] = (60.0, 0.0, -10.0)
    m = lab_measures(lab)
    assert m["lightness"] == pytest.approx(40.0)
    assert m["contrast"] == pytest.approx(20.0)
    assert m["blacks"] == pytest.approx(20.0)
    assert m["b"] == pytest.approx(-3.0)
    assert m["chroma"] == pytest.approx(7.5)
    # Each row sits (1.5, 7) in a*b* from the mean (1.5, -3).
    assert m["colorfulness"] == pytest.approx(np.hypot(1.5, 7.0))


def test_colors_drawn_together_under_a_cast_read_muted():
    lab = np.zeros((2, 50, 3), np.float32)
    lab[0], lab[1] = (30.0, 10.0, 0.0), (70.0, -10.0, 0.0)
    cold = lab.copy()
    cold[..., 1] /= 2
    cold[..., 2] -= 20.0
    before, after = lab_measures(lab), lab_measures(cold)
    # Every pixel's C*ab rises under the blue, while the colors come closer together.
    assert after["chroma"] > before["chroma"] + 5
    assert after["colorfulness"] == pytest.approx(before["colorfulness"] / 2)
    assert attribute_passes("muted", before, after)
    only_cast = lab.copy()
    only_cast[..., 2] -= 20.0
    assert not attribute_passes("muted", before, lab_measures(only_cast))


def test_attributes_pass_beyond_their_move_or_their_bound_in_their_direction():
    before = {
        "lightness": 50.0, "contrast": 20.0, "blacks": 5.0, "b": 0.0, "chroma": 20.0, "colorfulness": 20.0
    }
    for attribute, (measure, sign, move, bound) in ATTRIBUTES.items():
        if move is not None:
            step = {**before, measure: before[measure] + sign * (move + 0.1)}
            assert attribute_passes(attribute, before, step)
            assert not attribute_passes(
                attribute, before, {**before, measure: before[measure] + sign * (move - 0.1)}
            )
            assert not attribute_passes(
                attribute, before, {**before, measure: before[measure] - sign * (move + 1)}
            )
        if bound is not None:
            beyond = {**before, measure: bound + sign * 0.1}
            assert attribute_passes(attribute, before, beyond)
            assert attribute_passes(attribute, beyond, beyond) == (move is None)


def test_a_picture_already_blue_reads_cooler_on_a_small_drop_and_warmer_needs_a_rise():
    night_sky = {"lightness": 30.0, "contrast": 10.0, "blacks": 5.0, "b": -17.0, "chroma": 19.0}
    assert attribute_passes("cooler", night_sky, {**night_sky, "b": -18.0})
    assert not attribute_passes("cooler", night_sky, night_sky)
    assert not attribute_passes("cooler", night_sky, {**night_sky, "b": -16.0})
    assert not attribute_passes("warmer", night_sky, {**night_sky, "b": -15.0})
    assert attribute_passes("warmer", night_sky, {**night_sky, "b": -13.9})
    assert not attribute_passes("mono", night_sky, night_sky)
    assert attribute_passes("mono", night_sky, {**night_sky, "chroma": 3.9})


def test_a_picture_already_gray_reads_muted_on_any_drop():
    deep_field = {
        "lightness": 6.5, "contrast": 10.0, "blacks": 2.7, "b": 0.1, "chroma": 2.4, "colorfulness": 2.4
    }
    assert attribute_passes("muted", deep_field, {**deep_field, "chroma": 2.0})
    assert not attribute_passes("muted", deep_field, deep_field)
    assert not attribute_passes("muted", deep_field, {**deep_field, "chroma": 2.6})
    # A colorful picture still has to lose 2.5.
    coffee = {**deep_field, "chroma": 46.0, "colorfulness": 30.0}
    assert not attribute_passes("muted", coffee, {**coffee, "chroma": 44.0})
    assert attribute_passes("muted", coffee, {**coffee, "chroma": 43.0})


def test_every_style_look_has_known_attributes_and_the_small_set_is_in_it():
    assert set(SMALL_LOOKS) <= set(STYLE_LOOKS)
    assert all(attrs and set(attrs) <= set(ATTRIBUTES) for attrs in STYLE_LOOKS.values())


def test_a_night_grade_reads_darker_and_cooler_and_no_grade_is_hidden():
    gray = RealScene("gray", np.full((32, 48, 3), 0.5, np.float32))
    night = Look(adjust=parse_tool_text("adjust", "exposure -40 temperature -60"))
    reading, graded = read_look(night, "cold blue night", gray)
    assert reading.passed == {"darker": True, "cooler": True} and reading.visible
    assert graded.shape == gray.preview.shape
    untouched, _ = read_look(Look(), "cold blue night", gray)
    assert untouched.passed == {"darker": False, "cooler": False} and untouched.delta_e == 0
    assert not untouched.visible


def test_visibility_is_read_where_the_picture_shows_something():
    before = np.zeros((10, 100, 3), np.float32)
    before[:, :10] = (60.0, 20.0, 20.0)
    after = before.copy()
    after[:, :10] = (60.0, 0.0, 0.0)
    galaxies = visible_delta_e(before, after)
    assert galaxies == pytest.approx(float(ciede2000(before[0, 0], after[0, 0])))
    # A tenth of the picture shows something: over every pixel it would read ten times less.
    assert galaxies == pytest.approx(10 * float(ciede2000(before, after).mean()))
    # Too few pixels show anything: every pixel counts.
    before[:, 1:10], after[:, 1:10] = 0.0, 0.0
    assert visible_delta_e(before, after) == pytest.approx(float(ciede2000(before, after).mean()))


def test_black_and_white_on_a_gray_picture_is_already_there_not_hidden():
    gray = RealScene("gray", np.full((32, 48, 3), 0.5, np.float32))
    reading, _ = read_look(Look(adjust=parse_tool_text("adjust", "saturation -100")), "black and white", gray)
    assert reading.already and reading.visible and reading.passed == {"mono": True}
    night = Look(adjust=parse_tool_text("adjust", "exposure -40"))
    assert not read_look(night, "cold blue night", gray)[0].already


def test_eval_reality_runs_the_small_set_on_the_real_media(media, tmp_path, capsys):
    sheet, scores = tmp_path / "sheet.png", tmp_path / "reality.json"
    argv = ["eval", "--reality", "--looks", "small", "--media", str(media), "--sheet", str(sheet)]
    assert main([*argv, "--json", str(scores)]) == 0
    out = capsys.readouterr().out
    for prompt in SMALL_LOOKS:
        assert out.count(prompt) == 2
    assert "teacher overall:" in out and "student overall:" in out
    assert "photo_chelsea_cat_cc0" in out and "flower_960x540_h264_aac_cc0" in out
    assert sheet.stat().st_size > 0
    data = json.loads(scores.read_text())
    assert len(data["images"]) == 11 and set(data["teacher"]["looks"]) == set(SMALL_LOOKS)
    assert sum(r["total"] for r in data["student"]["images"].values()) == 11 * 5
