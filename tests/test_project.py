"""Projects: look composition (AI look + user overrides), refine, kept flags, JSON files."""

import json

import pytest

from editor.errors import EditorError
from editor.project import EditState, Project, param_keys
from editor.schema import ADJUST_PARAMS, COLOR_RANGES, SELECTIVE_PARAMS, FilterChoice, Look

AI = Look(
    adjust={"contrast": 20, "temperature": 40},
    selective_adjust={"blue": {"saturation": -30}},
    filter=FilterChoice("film_Portra", 60),
)


def test_param_keys_come_from_the_schema():
    keys = list(param_keys())
    assert len(keys) == len(ADJUST_PARAMS) + len(COLOR_RANGES) * len(SELECTIVE_PARAMS) + 2
    assert keys[0] == f"adjust.{ADJUST_PARAMS[0].name}" and "selective_adjust.cyan.hue" in keys


def test_overrides_win_and_survive_a_new_prompt():
    state = EditState(AI).with_value("adjust.contrast", 150).with_value("filter.name", None)
    look = state.look()
    assert look.adjust["contrast"] == 100  # clamped to the spec
    assert look.adjust["temperature"] == 40 and look.filter is None
    new = state.with_suggestion(Look(adjust={"contrast": -10, "exposure": 15}))
    assert new.look().adjust == {**{p.name: 0 for p in ADJUST_PARAMS}, "contrast": 100, "exposure": 15}
    assert new.override_map == {"adjust.contrast": 100, "filter.name": None}


def test_refine_adds_deltas_clamped():
    state = EditState(AI).with_value("adjust.temperature", 90)
    refined = state.with_suggestion(Look(adjust={"temperature": 20, "contrast": -5}), refine=True)
    assert refined.value("adjust.temperature") == 100
    assert refined.override_map["adjust.temperature"] == 100  # the nudge went to the user's value
    assert refined.ai_look.adjust["contrast"] == 15
    assert refined.value("selective_adjust.blue.saturation") == -30
    assert refined.look().filter == FilterChoice("film_Portra", 60)


def test_strength_scales_the_composed_look():
    state = EditState(AI).with_strength(50)
    assert state.look().adjust["temperature"] == 20 and state.look().filter.intensity == 30
    assert EditState(AI).with_strength(500).strength == 200


def test_kept_flags_per_tool():
    state = EditState(AI)
    assert state.kept() == {"adjust": True, "selective_adjust": True, "filter": True}
    state = state.with_value("selective_adjust.blue.saturation", 10).with_value("filter.intensity", 60)
    assert state.kept() == {"adjust": True, "selective_adjust": False, "filter": True}
    assert EditState().kept() == {"adjust": False, "selective_adjust": False, "filter": False}


def test_save_load_round_trip(tmp_path):
    project = Project(tmp_path / "clip.mp4", EditState(AI).with_value("adjust.hue", -7).with_strength(80))
    project.add_prompt("warm film", AI, "student-a")
    path = tmp_path / "p.moodgrade"
    project.save(path)
    data = json.loads(path.read_text())
    assert data["schema_version"] == 1 and data["project_version"] == 1
    loaded = Project.load(path)
    assert loaded.state == project.state and loaded.prompts == project.prompts
    assert loaded.project_id == project.project_id and loaded.model_variant == "student-a"
    assert loaded.source_missing  # the clip does not exist: the app offers to relink it
    assert not list(tmp_path.glob(".*part*"))


@pytest.mark.parametrize(
    "text, message",
    [("{", "cannot be read"), ('{"project_version": 9}', "version 9"), ("[]", "JSON object")],
)
def test_bad_project_files(tmp_path, text, message):
    path = tmp_path / "bad.moodgrade"
    path.write_text(text)
    with pytest.raises(EditorError, match=message):
        Project.load(path)
