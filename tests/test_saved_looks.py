"""Looks the user keeps (editor.saved_looks): save, list, rename, delete, import, export."""

from __future__ import annotations

import json

import numpy as np
import pytest

from editor import saved_looks
from editor.errors import EditorError
from editor.lut import apply_trilinear, read_cube
from editor.pipeline import bake_pointwise
from editor.schema import FilterChoice, Look

WARM = Look({"temperature": 30, "contrast": 10}, None, FilterChoice("faded_HighNoon", 40))


def test_saved_looks_round_trip_and_are_plain_look_files():
    saved = saved_looks.save_look("Warm evening", WARM)
    assert saved.path == saved_looks.looks_dir() / "Warm evening.json"
    assert Look.load(saved.path) == WARM
    saved_looks.save_look("apple", Look({"exposure": 5}))
    shelf = saved_looks.saved_looks()
    assert [(s.name, s.look) for s in shelf] == [("apple", Look({"exposure": 5})), ("Warm evening", WARM)]
    with pytest.raises(EditorError, match="already a look named 'apple'"):
        saved_looks.save_look("apple", WARM)
    assert saved_looks.save_look("apple", WARM, replace=True).look == WARM


def test_rename_and_delete():
    saved = saved_looks.save_look("one", WARM)
    saved_looks.save_look("two", WARM)
    with pytest.raises(EditorError, match="already a look named 'two'"):
        saved_looks.rename_look(saved, "two")
    renamed = saved_looks.rename_look(saved, "  three ")
    assert renamed.name == "three" and not saved.path.exists()
    saved_looks.delete_look(renamed)
    assert [s.name for s in saved_looks.saved_looks()] == ["two"]


@pytest.mark.parametrize(("name", "says"), [
    ("", "Give the look a name"), ("a/b", "cannot hold '/'"), (".hidden", "cannot hold '.'"),
    ("x" * 81, "at most 80"), ("tab\there", "control character"),
])
def test_names_a_file_cannot_hold_are_one_sentence(name, says):
    with pytest.raises(EditorError, match=says):
        saved_looks.save_look(name, WARM)


def test_an_unreadable_file_on_the_shelf_is_left_out():
    saved_looks.save_look("good", WARM)
    (saved_looks.looks_dir() / "broken.json").write_text("{")
    assert [s.name for s in saved_looks.saved_looks()] == ["good"]


def test_import_takes_a_look_json_and_refuses_anything_else(tmp_path):
    path = tmp_path / "From a friend.json"
    path.write_text(json.dumps(WARM.to_dict()))
    assert saved_looks.import_look(path).name == "From a friend"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    with pytest.raises(EditorError, match="must be a JSON object"):
        saved_looks.import_look(bad)


def test_export_cube_is_the_baked_look(tmp_path):
    look = Look({"temperature": 30, "sharpen": 40}, None, FilterChoice("faded_HighNoon", 40))
    left_out = saved_looks.export_cube(look, tmp_path / "warm.cube")
    assert left_out == ["sharpen"]
    lut = read_cube(tmp_path / "warm.cube").lut3d
    rgb = np.random.default_rng(0).random((500, 3), dtype=np.float32)
    np.testing.assert_allclose(
        apply_trilinear(rgb, lut), apply_trilinear(rgb, bake_pointwise(look)), atol=2e-6
    )


def test_an_imported_look_keeps_a_lut_that_lies_beside_it(tmp_path):
    (tmp_path / "beside.cube").write_text("LUT_3D_SIZE 2\n" + "0 0 0\n" * 8)
    path = tmp_path / "with lut.json"
    path.write_text(json.dumps({"schema_version": 2, "filter": {"lut": "beside.cube", "intensity": 50}}))
    saved = saved_looks.import_look(path)
    assert saved.look.filter == FilterChoice(str(tmp_path / "beside.cube"), 50)
