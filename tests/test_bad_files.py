"""Bad project and ``.cube`` files, read as the app and the filter library read them:
each is one ``EditorError`` sentence (``LutError`` for a LUT) or, for values out of range,
clamped on load; the file itself is never changed."""

from __future__ import annotations

import json
import os

import pytest

from editor.errors import EditorError
from editor.lut import LutError, read_cube
from editor.project import Project

OK = {"project_version": 1, "schema_version": 1}

BAD_PROJECTS = {
    "override abc": (
        {**OK, "overrides": {"adjust.contrast": "abc"}},
        "override adjust.contrast must be a number",
    ),
    "override list": ({**OK, "overrides": {"adjust.contrast": [1, 2]}}, "must be a number, not [1, 2]"),
    "override object": ({**OK, "overrides": {"selective_adjust.red.hue": {}}}, "must be a number, not {}"),
    "override NaN": ({**OK, "overrides": {"adjust.exposure": float("nan")}}, "must be a finite number"),
    "override true": ({**OK, "overrides": {"adjust.exposure": True}}, "must be a number, not True"),
    "overrides a list": ({**OK, "overrides": [[1, 2]]}, "'overrides' must be an object"),
    "overrides a string": ({**OK, "overrides": "contrast"}, "'overrides' must be an object"),
    "filter name unknown": ({**OK, "overrides": {"filter.name": "bw_Nope"}}, "names no filter preset"),
    "filter name a number": ({**OK, "overrides": {"filter.name": 7}}, "names no filter preset"),
    "strength Infinity": ({**OK, "strength": float("inf")}, "strength must be a finite number"),
    "strength text": ({**OK, "strength": "full"}, "strength must be a number"),
    "strength list": ({**OK, "strength": [100]}, "strength must be a number"),
    "prompts an object": ({**OK, "prompts": {"intent": "x"}}, "'prompts' must be a list"),
    "prompt a number": ({**OK, "prompts": [1]}, "each prompt must be an object"),
    "prompt intent number": ({**OK, "prompts": [{"intent": 3, "look": {}}]}, "with an 'intent' text"),
    "prompt ts text": ({**OK, "prompts": [{"intent": "x", "ts": "noon"}]}, "is not a timestamp"),
    "prompt ts huge": ({**OK, "prompts": [{"intent": "x", "ts": 10**400}]}, "is not a timestamp"),
    "prompt bad look": (
        {**OK, "prompts": [{"intent": "x", "look": {"adjust": 5}}]},
        "'adjust' must be an object",
    ),
    "ai_look unknown tool": ({**OK, "ai_look": {"paint": {}}}, "Unknown tool 'paint'"),
    "ai_look a list": ({**OK, "ai_look": [1]}, "must be a JSON object"),
    "source a number": ({**OK, "source": 5}, "'source' must be a file path"),
    "source with NUL": ({**OK, "source": "clip\u0000.mp4"}, "'source' must be a file path"),
    "future version": ({"project_version": 2}, "Project version 2 is not supported"),
    "version as text": ({"project_version": "1"}, "Project version '1' is not supported"),
    "version true": ({"project_version": True}, "Project version True is not supported"),
    "no version": ({}, "Project version None is not supported"),
    "a list": ([], "must hold a JSON object"),
}


@pytest.mark.parametrize("data, says", BAD_PROJECTS.values(), ids=BAD_PROJECTS.keys())
def test_bad_project_values_are_one_sentence(tmp_path, data, says):
    path = tmp_path / "bad.moodgrade"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(EditorError) as info:
        Project.load(path)
    assert says in str(info.value) and "\n" not in str(info.value)
    assert path.read_bytes() == before


BAD_PROJECT_TEXTS = {
    "empty": (b"", "cannot be read (it is empty)"),
    "blank": (b" \n\n", "cannot be read (it is empty)"),
    "not JSON": (b"project: clip.mp4", "cannot be read (Expecting value at line 1)"),
    "200000 nested": (b"[" * 200_000, "nested too deeply"),
    "5000 digits": (b'{"project_version": 1, "strength": ' + b"9" * 5000 + b"}", "too many digits"),
    "UTF-16": (json.dumps(OK).encode("utf-16"), "saved as UTF-16"),
    "Latin-1": (b'{"project_version": 1, "source": "caf\xe9.mp4"}', "is not UTF-8 text"),
}


@pytest.mark.parametrize("content, says", BAD_PROJECT_TEXTS.values(), ids=BAD_PROJECT_TEXTS.keys())
def test_bad_project_texts_are_one_sentence(tmp_path, content, says):
    path = tmp_path / "bad.moodgrade"
    path.write_bytes(content)
    with pytest.raises(EditorError) as info:
        Project.load(path)
    assert says in str(info.value)


def test_project_paths_that_are_not_project_files(tmp_path):
    fifo = tmp_path / "pipe.moodgrade"
    os.mkfifo(fifo)
    for path, says in [
        (fifo, "not a regular file"),
        ("/dev/zero", "not a regular file"),
        (tmp_path, "is a folder"),
    ]:
        with pytest.raises(EditorError, match=says):
            Project.load(path)


def test_out_of_range_project_values_are_clamped_on_load(tmp_path):
    path = tmp_path / "loud.moodgrade"
    path.write_text(
        json.dumps(
            {
                **OK,
                "strength": 1e9,
                "overrides": {"adjust.contrast": 1e9, "adjust.exposure": -1e9, "filter.intensity": 900},
            }
        )
    )
    state = Project.load(path).state
    assert state.strength == 200
    assert dict(state.overrides) == {"adjust.exposure": -100, "adjust.contrast": 100, "filter.intensity": 100}


def test_a_bom_project_is_read(tmp_path):
    path = tmp_path / "notepad.moodgrade"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(OK).encode())
    assert Project.load(path).state.look().is_neutral


BAD_CUBES = {
    "size of 5000 digits": ("LUT_3D_SIZE " + "9" * 5000 + "\n", "needs one whole number (digits 0-9)"),
    "size superscript two": ("LUT_3D_SIZE \u00b2\n", "needs one whole number (digits 0-9), found '\u00b2'"),
    "size Arabic-Indic": ("LUT_3D_SIZE \u0663\n", "needs one whole number (digits 0-9)"),
    "size negative": ("LUT_3D_SIZE -3\n", "needs one whole number"),
    "size 1.5": ("LUT_3D_SIZE 1.5\n", "needs one whole number"),
    "size 0": ("LUT_3D_SIZE 0\n", "LUT_3D_SIZE 0 is out of range"),
    "1D size huge": ("LUT_1D_SIZE 999999999\n", "LUT_1D_SIZE 999999999 is out of range"),
    "value 1e300": ("LUT_3D_SIZE 2\n" + "1e300 0 0\n" * 8, "'1e300', which is too large for a LUT value"),
    "value -1e39": ("LUT_3D_SIZE 2\n" + "0 -1e39 0\n" * 8, "too large for a LUT value"),
    "value nan": ("LUT_3D_SIZE 2\n" + "nan 0 0\n" * 8, "not a finite number"),
    "value inf": ("LUT_3D_SIZE 2\n" + "0 0 inf\n" * 8, "not a finite number"),
    "domain 1e300": ("DOMAIN_MAX 1e300 1 1\nLUT_3D_SIZE 2\n", "too large for a LUT value"),
    "rows missing": ("LUT_3D_SIZE 2\n0 0 0\n", "ends after 1 of the 8 rows"),
    "rows extra": ("LUT_3D_SIZE 2\n" + "0 0 0\n" * 9, "more than the 8 rows"),
    "two numbers a row": ("LUT_3D_SIZE 2\n0 0\n", "needs 3 numbers"),
    "rows first": ("0 0 0\nLUT_3D_SIZE 2\n", "rows begin before LUT_3D_SIZE"),
    "keyword late": ("LUT_3D_SIZE 2\n0 0 0\nDOMAIN_MIN 0 0 0\n", "comes after the table rows began"),
    "domain reversed": ("DOMAIN_MIN 1 1 1\nDOMAIN_MAX 0 0 0\nLUT_3D_SIZE 2\n", "DOMAIN_MIN must be below"),
    "no size": ('TITLE "x"\n', "ends without LUT_3D_SIZE"),
    "empty": ("", "ends without LUT_3D_SIZE"),
}


@pytest.mark.parametrize("text, says", BAD_CUBES.values(), ids=BAD_CUBES.keys())
def test_bad_cube_files_are_one_sentence(tmp_path, text, says):
    path = tmp_path / "bad.cube"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LutError) as info:
        read_cube(path)
    assert says in str(info.value) and "\n" not in str(info.value)


def test_cube_paths_that_are_not_cube_files(tmp_path):
    fifo = tmp_path / "pipe.cube"
    os.mkfifo(fifo)
    utf16 = tmp_path / "utf16.cube"
    utf16.write_bytes("LUT_3D_SIZE 2\n".encode("utf-16"))
    for path, says in [
        (fifo, "not a regular file"),
        ("/dev/zero", "not a regular file"),
        (tmp_path, "is a folder"),
        (utf16, "saved as UTF-16"),
    ]:
        with pytest.raises(LutError, match=says):
            read_cube(path)
