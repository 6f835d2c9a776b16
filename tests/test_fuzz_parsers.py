"""Fuzzing the parsers of untrusted text: looks, ``.cube`` files, projects and the model's
outputs. Whatever the input, the only exception is the project's own one-sentence error
(``LookError``, ``LutError``, ``EditorError``); the model-output parser never raises."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.errors import EditorError, LookError
from editor.filters import preset_names
from editor.lut import LutError, read_cube
from editor.model import parse_outputs
from editor.project import Project, param_keys
from editor.schema import ADJUST_NAMES, COLOR_RANGES, NOT_CALLED, SELECTIVE_NAMES, TOOLS, Look

FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = [
    *TOOLS,
    *ADJUST_NAMES,
    *COLOR_RANGES,
    *SELECTIVE_NAMES,
    "schema_version",
    "name",
    "intensity",
    "project_version",
    "overrides",
    "strength",
    "prompts",
    "intent",
    "look",
    "variant",
    "ts",
    "source",
    "ai_look",
    *param_keys(),
    *preset_names()[:4],
]
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True),
    st.sampled_from([0, 1, -1, 100, 101, -101, 1e9, -1e9, 10**30]),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=12), st.sampled_from(NAMES))
KEYS = st.one_of(st.sampled_from(NAMES), st.text(max_size=8))
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=30,
)


def _dumps(value) -> str:
    return json.dumps(value)  # NaN and Infinity come out as JSON's common extension, as editors write them


@FUZZ
@given(st.one_of(JSON.map(_dumps), st.text(max_size=200)))
def test_look_parser_raises_only_look_errors(text):
    try:
        look = Look.from_json(text)
    except LookError:
        return
    assert all(-100 <= v <= 100 for v in look.adjust_vector())


@FUZZ
@given(JSON)
def test_lenient_look_parser_raises_only_look_errors(data):
    notes: list[str] = []
    try:
        Look.from_dict(data, strict=False, notes=notes)
    except LookError:
        pass
    assert all(isinstance(n, str) and "\n" not in n for n in notes)


@FUZZ
@given(st.dictionaries(KEYS, JSON, max_size=8).map(lambda d: {"project_version": 1, **d}) | JSON)
def test_project_parser_raises_only_editor_errors(data):
    try:
        project = Project.from_dict(data)
    except EditorError as exc:
        assert "\n" not in str(exc)
        return
    look = project.state.look()
    assert all(-100 <= v <= 100 for v in look.adjust_vector())
    assert 0 <= project.state.strength <= 200


CUBE_WORDS = st.sampled_from(
    [
        "TITLE",
        "LUT_3D_SIZE",
        "LUT_1D_SIZE",
        "DOMAIN_MIN",
        "DOMAIN_MAX",
        "LUT_1D_INPUT_RANGE",
        "LUT_3D_INPUT_RANGE",
        "#",
        '"',
        "2",
        "3",
        "0",
        "1",
        "-1",
        "0.5",
        "1e300",
        "nan",
        "inf",
        "\u00b2",
        "9" * 50,
        "X",
        "\t",
    ]
)
CUBE_LINE = st.one_of(
    st.lists(CUBE_WORDS, max_size=5).map(" ".join),
    st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), min_size=3, max_size=3).map(
        lambda xs: " ".join(map(repr, xs))
    ),
    st.text(max_size=20),
)
CUBE = st.one_of(
    st.lists(CUBE_LINE, max_size=14).map("\n".join),
    st.tuples(
        st.sampled_from(["LUT_3D_SIZE 2", "LUT_1D_SIZE 2\nLUT_3D_SIZE 2"]), st.lists(CUBE_LINE, max_size=12)
    ).map(lambda t: t[0] + "\n" + "\n".join(t[1])),
)


@pytest.fixture(scope="module")
def cube_path(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz") / "fuzz.cube"


@FUZZ
@given(text=CUBE)
def test_cube_parser_raises_only_lut_errors(cube_path, text):
    cube_path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        cube = read_cube(cube_path)
    except LutError as exc:
        assert "\n" not in str(exc)
        return
    for table in (cube.shaper, cube.lut3d):
        if table is not None:
            assert all(math.isfinite(float(v)) for v in table.table.ravel())


MODEL_TOKENS = st.sampled_from(
    [
        *ADJUST_NAMES,
        *COLOR_RANGES,
        *SELECTIVE_NAMES,
        *preset_names()[:4],
        NOT_CALLED,
        "0",
        "10",
        "-100",
        "1000",
        "+5",
        "3.5",
        "9" * 400,
        "1e9",
        "nan",
        "\u0663",
        ":",
        "adjust:",
        "bw_Nope",
    ]
)
MODEL_TEXT = st.one_of(st.lists(MODEL_TOKENS, max_size=12).map(" ".join), st.text(max_size=60))


@FUZZ
@given(st.fixed_dictionaries({}, optional={tool: MODEL_TEXT for tool in TOOLS}))
def test_model_output_parser_never_raises(raw):
    look, warnings = parse_outputs(raw)
    assert all(-100 <= v <= 100 for v in look.adjust_vector())
    assert all(-100 <= v <= 100 for v in look.selective_vector())
    assert all(isinstance(w, str) for w in warnings)
