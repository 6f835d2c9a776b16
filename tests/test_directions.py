"""The direction check: measures on known images, and one real run on a tiny request set."""

import colorsys
import json

import numpy as np
import pytest

from editor.cli import main
from editor.directions import (
    default_requests_dir,
    evaluate_requests,
    read_noops,
    read_requests,
)
from editor.errors import EditorError
from editor.model import Student
from editor.picture_measures import (
    BW_CHROMA,
    DIRECTIONS,
    PROPERTIES,
    measures,
    moved,
    range_masks,
    sample_scenes,
    sharpness,
    srgb_to_lab,
    srgb_to_lightness,
)
from editor.pipeline import render_cpu
from editor.pipeline.blur import blur, gaussian_kernel
from editor.pipeline.selective import CENTERS
from editor.schema import COLOR_RANGES, Look
from editor.teacher import get_teacher


@pytest.fixture(scope="module")
def scenes():
    return sample_scenes()


def ramp() -> np.ndarray:
    return np.repeat(np.repeat(np.linspace(0, 1, 256, dtype=np.float32)[None, :, None], 32, 0), 3, 2)


def chart() -> np.ndarray:
    """One 16x16 patch per color range (its center hue, HSV S 0.9, V 0.8), then two greys."""
    patches = [colorsys.hsv_to_rgb(CENTERS[c] / 360, 0.9, 0.8) for c in COLOR_RANGES] + [
        (0.3,) * 3,
        (0.7,) * 3,
    ]
    row = np.concatenate([np.broadcast_to(np.float32(p), (16, 16, 3)) for p in patches], axis=1)
    return np.ascontiguousarray(row, dtype=np.float32)


def test_lab_known_values():
    rgb = np.array([[1, 1, 1], [0, 0, 0], [1, 0, 0], [0.46135613] * 3], np.float32)
    lab = srgb_to_lab(rgb)
    np.testing.assert_allclose(lab[0], [100, 0, 0], atol=0.01)
    np.testing.assert_allclose(lab[1], [0, 0, 0], atol=0.01)
    np.testing.assert_allclose(lab[2], [53.24, 80.09, 67.20], atol=0.02)
    # Middle grey (18 % reflectance): L* = 116 * 0.18^(1/3) - 16.
    np.testing.assert_allclose(lab[3], [49.50, 0, 0], atol=0.02)
    np.testing.assert_allclose(srgb_to_lightness(rgb), lab[:, 0], atol=1e-4)


def test_gray_ramp_brighter_and_more_contrast():
    before = measures(ramp())
    assert before["saturation"] < 0.01 and abs(before["warmth"]) < 0.01 and abs(before["tint"]) < 0.01
    # A linear ramp of encoded values spans L* 0..100.
    assert 45 < before["brightness"] < 60
    brighter = measures(render_cpu(ramp(), Look(adjust={"exposure": 20})))
    assert moved("brightness", "+", before["brightness"], brighter["brightness"])
    assert not moved("brightness", "-", before["brightness"], brighter["brightness"])
    flatter = measures(render_cpu(ramp(), Look(adjust={"contrast": -30})))
    assert moved("contrast", "-", before["contrast"], flatter["contrast"])


def test_hue_masks_pick_the_chart_patches():
    masks = range_masks(chart())
    assert set(masks) == set(COLOR_RANGES)
    for i, color in enumerate(COLOR_RANGES):
        expected = np.zeros((16, 16 * 8), bool)
        expected[:, 16 * i : 16 * (i + 1)] = True
        np.testing.assert_array_equal(masks[color], expected, err_msg=color)


def test_small_ranges_are_not_measurable():
    picture = np.full((100, 100, 3), 0.5, np.float32)
    picture[:2, :2] = (0.1, 0.2, 0.9)  # 4 blue pixels of 10,000, under the 0.5 % floor
    picture[50:, :] = (0.9, 0.1, 0.1)
    assert set(range_masks(picture)) == {"red"}


def test_desaturated_chart_is_black_and_white():
    masks = range_masks(chart())
    before = measures(chart(), masks)
    grey = measures(render_cpu(chart(), Look(adjust={"saturation": -100})), masks)
    assert grey["bw"] < 1.0 < BW_CHROMA < before["bw"]
    assert moved("bw", "+", before["bw"], grey["bw"])
    assert not moved("bw", "+", grey["bw"], grey["bw"])


def test_selective_blue_moves_only_the_blue_patches():
    masks = range_masks(chart())
    before = measures(chart(), masks)
    after = measures(
        render_cpu(chart(), Look(selective_adjust={"blue": {"saturation": -50, "luminance": 40}})), masks
    )
    assert moved("blue.saturation", "-", before["blue.saturation"], after["blue.saturation"])
    assert moved("blue.luminance", "+", before["blue.luminance"], after["blue.luminance"])
    assert after["red.saturation"] == pytest.approx(before["red.saturation"], abs=1e-3)


def test_blurring_lowers_sharpness(scenes):
    photo = scenes[0].full
    blurred = blur(photo, gaussian_kernel(1.5))
    assert sharpness(srgb_to_lightness(blurred)) < 0.7 * sharpness(srgb_to_lightness(photo))


SLIDER_MOVES = [
    ({"exposure": 10}, "brightness"),
    ({"brightness": 10}, "brightness"),
    ({"contrast": 10}, "contrast"),
    ({"saturation": 10}, "saturation"),
    ({"temperature": 10}, "warmth"),
    ({"tint": 10}, "tint"),
    ({"sharpen": 10}, "sharpness"),
    ({"structure": 10}, "sharpness"),
]


@pytest.mark.parametrize("sign", [1, -1])
@pytest.mark.parametrize(("adjust", "key"), SLIDER_MOVES)
def test_a_ten_point_slider_move_passes_on_every_picture(scenes, adjust, key, sign):
    look = Look(adjust={name: sign * value for name, value in adjust.items()})
    direction = "+" if sign > 0 else "-"
    for scene in scenes:
        after = scene.measure(look, sharp=key == "sharpness")
        assert moved(key, direction, scene.before[key], after[key]), (
            scene.name,
            scene.before[key],
            after[key],
        )


@pytest.mark.parametrize("sign", [1, -1])
@pytest.mark.parametrize("prop", ["saturation", "luminance"])
def test_a_ten_point_selective_move_passes_where_measurable(scenes, prop, sign):
    for color in COLOR_RANGES:
        look = Look(selective_adjust={color: {prop: 10 * sign}})
        for scene in scenes:
            if color in scene.masks:
                key = f"{color}.{prop}"
                after = scene.measure(look, sharp=False)[key]
                assert moved(key, "+" if sign > 0 else "-", scene.before[key], after), (scene.name, key)


def eight_bit(rgb: np.ndarray) -> np.ndarray:
    return np.round(rgb * 255) / np.float32(255)


def test_eight_bit_rounding_moves_nothing(scenes):
    for scene in scenes:
        before = measures(scene.preview, scene.masks)
        rounded = measures(eight_bit(scene.preview), scene.masks)
        # Sharpness is graded at the source resolution, where the source is 8-bit already
        # and only a render's fractions can round.
        render = render_cpu(scene.full, Look(adjust={"contrast": -3}))
        before["sharpness"] = sharpness(srgb_to_lightness(render))
        rounded["sharpness"] = sharpness(srgb_to_lightness(eight_bit(render)))
        for key in before:
            for direction in ("+",) if key == "bw" else DIRECTIONS:
                assert not moved(key, direction, before[key], rounded[key]), (scene.name, key, direction)


def test_the_pictures_are_the_photo_and_three_frames(scenes):
    assert [s.name for s in scenes] == ["astronaut", "rocket", "coffee", "chelsea"]
    assert all(max(s.preview.shape[:2]) == 256 for s in scenes)
    # Each frame is one photo, not a crossfade: the coffee cup is warm, the launch sky cool.
    warmth = {s.name: measures(s.preview)["warmth"] for s in scenes}
    assert warmth["coffee"] > 20 and warmth["rocket"] < 0
    # Read on the neutrals, the coffee cup's white balance is still warmer than the launch's.
    assert scenes[2].before["warmth"] > scenes[1].before["warmth"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"request": "x", "expect": {"glow": "+"}}', "unknown property 'glow'"),
        ('{"request": "x", "expect": {"bw": "-"}}', "can only be '\\+'"),
        ('{"request": "x", "expect": {"contrast": "up"}}', "'\\+' or '-'"),
        ('{"request": "x"}', "no 'expect'"),
        ('{"request": "x", "expect": {"contrast": "+"}', "not valid JSON"),
        ('{"text": "x", "expect": {"contrast": "+"}}', "'request' string"),
    ],
)
def test_bad_request_lines_say_where_and_why(tmp_path, line, message):
    path = tmp_path / "requests.jsonl"
    path.write_text('{"request": "ok", "expect": {"red.luminance": "-"}}\n' + line + "\n")
    with pytest.raises(EditorError, match=f"requests.jsonl line 2 .*{message}"):
        read_requests(path)


def test_missing_request_file(tmp_path):
    with pytest.raises(EditorError, match="does not exist"):
        read_noops(tmp_path / "noop.jsonl")


def test_property_keys():
    assert "bw" in PROPERTIES and "cyan.luminance" in PROPERTIES and "cyan.hue" not in PROPERTIES


FIXTURE = [
    {"request": "make it brighter", "expect": {"brightness": "+"}},
    {"request": "make it sharper", "expect": {"sharpness": "+"}},
    {"request": "grayscale", "expect": {"bw": "+", "blue.saturation": "-"}},
    # Deliberately the wrong way: a correct teacher must fail it.
    {"request": "make it darker", "expect": {"brightness": "+"}},
]
NOOPS = ["123456", "no changes"]


@pytest.fixture(scope="module")
def request_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("requests")
    (folder / "requests.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FIXTURE))
    (folder / "noop.jsonl").write_text("".join(json.dumps({"request": r}) + "\n" for r in NOOPS))
    return folder


def test_requests_end_to_end_with_real_renders(request_dir, scenes):
    requests = read_requests(request_dir / "requests.jsonl")
    noops = read_noops(request_dir / "noop.jsonl")
    report = evaluate_requests(requests, noops, Student(), get_teacher("kb"), scenes)
    teacher = report.summary("teacher")
    assert teacher["properties"]["brightness +"] == {"passed": 1, "total": 2, "accuracy": 0.5}
    assert teacher["properties"]["sharpness +"]["passed"] == 1
    assert teacher["properties"]["bw +"]["passed"] == 1
    # Blue is measurable on the astronaut and the launch only: the check has 2 readings.
    grey_checks = report.graded["teacher"].checks[2]
    assert [len(c.readings) for c in grey_checks] == [4, 2]
    assert teacher["checks"] == {"passed": 4, "total": 5, "accuracy": 0.8}
    assert teacher["requests"]["passed"] == 3
    assert teacher["noop"] == {"passed": 2, "total": 2, "accuracy": 1.0}
    failures = [line for line in report.failures() if line.startswith("teacher")]
    assert len(failures) == 1 and "'make it darker': brightness +" in failures[0]
    assert set(report.summary("student")["properties"]) == set(teacher["properties"])


def test_eval_command_prints_the_table_and_writes_json(request_dir, tmp_path, capsys, caplog):
    out = tmp_path / "scores.json"
    caplog.set_level("INFO", logger="editor.commands.eval")
    assert main(["eval", "--split", "requests", "--data", str(request_dir), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "4 requests, 2 no-op requests" in printed
    assert "brightness +" in printed and "No-op: no tool" in printed
    assert "make it darker" not in printed
    assert any("teacher failed 'make it darker'" in r.getMessage() for r in caplog.records)
    data = json.loads(out.read_text())
    assert data["images"] == ["astronaut", "rocket", "coffee", "chelsea"]
    assert data["teacher"]["checks"]["total"] == 5


def test_shipped_model_on_the_requests_split(scenes):
    """The shipped student and the teacher on the hand-written requests and no-op sets,
    against the floors the model card records (the issue's targets are higher)."""
    from editor.model import Student
    from editor.teacher import get_teacher

    folder = default_requests_dir()
    report = evaluate_requests(
        read_requests(folder / "requests.jsonl"), read_noops(folder / "noop.jsonl"),
        Student(), get_teacher("kb"), scenes,
    ).to_dict()
    student, teacher = report["student"], report["teacher"]
    assert student["checks"]["accuracy"] >= 0.92 and student["noop"]["accuracy"] >= 0.94
    assert teacher["checks"]["accuracy"] >= max(0.93, student["checks"]["accuracy"])
    assert teacher["noop"]["accuracy"] >= 0.98
