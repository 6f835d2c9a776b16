"""The look schema: validation, normalization, JSON and compact text round trips."""

import json
import random

import numpy as np
import pytest

from editor.errors import LookError
from editor.schema import (
    ADJUST_NAMES,
    COLOR_RANGES,
    NOT_CALLED,
    SCHEMA_VERSION,
    SELECTIVE_NAMES,
    TOOLS,
    FilterChoice,
    Look,
    describe,
    parse_tool_text,
)

GOLDEN_HOUR = Look(
    adjust={
        "contrast": 10,
        "brightness": 10,
        "highlights": 20,
        "shadows": -10,
        "saturation": 15,
        "vibrance": 15,
        "temperature": 30,
        "tint": 10,
    },
    selective_adjust={
        "red": {"saturation": 20, "luminance": 10},
        "orange": {"saturation": 30, "luminance": 20},
        "yellow": {"saturation": 40, "luminance": 30},
        "green": {"saturation": -20},
        "cyan": {"saturation": -20},
    },
    filter=FilterChoice("faded_HighNoon", 40),
)


def test_the_schema_lists_the_papers_parameters():
    assert ADJUST_NAMES == (
        "exposure",
        "contrast",
        "brightness",
        "highlights",
        "shadows",
        "saturation",
        "vibrance",
        "temperature",
        "tint",
        "hue",
        "bloom",
        "sharpen",
        "structure",
        "linearOffset",
    )
    assert COLOR_RANGES == ("red", "orange", "yellow", "green", "cyan", "blue")
    assert SELECTIVE_NAMES == ("saturation", "luminance", "hue")


def test_neutral_tools_count_as_not_called():
    look = Look(
        adjust={"contrast": 0}, selective_adjust={"red": {"hue": 0}}, filter=FilterChoice("bw_Classic", 0)
    )
    assert look.tools_called == ()
    assert look.is_neutral
    assert look.to_dict() == {"schema_version": SCHEMA_VERSION}


def test_json_round_trip_keeps_every_value():
    text = GOLDEN_HOUR.to_json()
    assert json.loads(text)["schema_version"] == SCHEMA_VERSION
    assert Look.from_json(text) == GOLDEN_HOUR


def test_compact_text_lists_only_non_neutral_values():
    assert GOLDEN_HOUR.tool_text("adjust") == (
        "contrast 10 brightness 10 highlights 20 shadows -10 saturation 15 vibrance 15 temperature 30 tint 10"
    )
    assert GOLDEN_HOUR.tool_text("filter") == "faded_HighNoon 40"
    assert Look().tool_text("selective_adjust") == NOT_CALLED
    assert Look.from_text(GOLDEN_HOUR.to_text()) == GOLDEN_HOUR


def test_out_of_range_values_are_clamped_with_a_note():
    notes = []
    look = Look.from_dict(
        {"adjust": {"exposure": 250, "hue": -101.6}, "filter": {"name": "bw_Classic", "intensity": 180}},
        notes=notes,
    )
    assert look.adjust["exposure"] == 100 and look.adjust["hue"] == -100
    assert look.filter == FilterChoice("bw_Classic", 100)
    assert len(notes) == 3 and "outside -100..100" in notes[0]


@pytest.mark.parametrize(
    "data, reason",
    [
        ({"adjust": {"glow": 3}}, "Unknown Adjust parameter 'glow'"),
        ({"selective_adjust": {"purple": {"saturation": 3}}}, "Unknown color range 'purple'"),
        ({"selective_adjust": {"red": {"chroma": 3}}}, "Unknown Selective Adjust property 'chroma'"),
        ({"filter": {"name": "nope_Nothing", "intensity": 50}}, "Unknown filter 'nope_Nothing'"),
        ({"curves": {}}, "Unknown tool 'curves'"),
        ({"adjust": {"contrast": "lots"}}, "must be a number"),
        ({"adjust": {"contrast": float("nan")}}, "finite"),
        ({"schema_version": 99}, "not supported"),
        ([1, 2], "must be a JSON object"),
    ],
)
def test_bad_looks_are_rejected_with_the_reason(data, reason):
    with pytest.raises(LookError, match=reason):
        Look.from_dict(data)


def test_lenient_parsing_drops_unknown_names_and_keeps_the_rest():
    notes = []
    adjust = parse_tool_text("adjust", "contrast 10 glow 5 temperature 300 exposure", notes=notes)
    assert adjust == {"contrast": 10, "temperature": 100}
    assert any("glow" in n for n in notes) and any("outside" in n for n in notes)
    selective = parse_tool_text("selective_adjust", "orange saturation 30 purple luminance 5 blue hue -10")
    assert selective["orange"] == {"saturation": 30} and selective["blue"] == {"hue": -10}
    assert parse_tool_text("filter", "bw_TriX 70") == FilterChoice("bw_TriX", 70)
    assert parse_tool_text("filter", NOT_CALLED) is None


@pytest.mark.parametrize(
    "tool, text",
    [
        ("adjust", ""),
        ("adjust", "contrast"),
        ("selective_adjust", "hue 4"),
        ("filter", "bw_Nope 10"),
        ("filter", "a b c"),
    ],
)
def test_unusable_tool_text_raises_look_error(tool, text):
    with pytest.raises(LookError):
        parse_tool_text(tool, text)


def test_random_token_soup_never_raises_anything_but_look_error():
    rng = random.Random(7)
    vocab = [
        *ADJUST_NAMES,
        *COLOR_RANGES,
        *SELECTIVE_NAMES,
        "bw_Classic",
        "none",
        "-5",
        "17",
        "1e9",
        "9" * 40,
        "",
        ":",
        "nan",
        "ü",
    ]
    for _ in range(2000):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12)))
        for tool in TOOLS:
            try:
                value = parse_tool_text(tool, text)
            except LookError:
                continue
            Look().with_tool(tool, value)


def test_scaled_look_scales_values_and_intensity():
    half = GOLDEN_HOUR.scaled(0.5)
    assert half.adjust["temperature"] == 15 and half.filter.intensity == 20
    assert half.selective_adjust["yellow"]["saturation"] == 20
    assert GOLDEN_HOUR.scaled(0.0).is_neutral


def test_vectors_follow_schema_order():
    v = GOLDEN_HOUR.adjust_vector()
    assert v.shape == (14,) and v[ADJUST_NAMES.index("temperature")] == 30
    s = GOLDEN_HOUR.selective_vector()
    assert s.shape == (18,) and s[COLOR_RANGES.index("yellow") * 3] == 40
    assert np.all(Look().adjust_vector() == 0)


def test_describe_says_what_each_called_tool_does():
    lines = describe(GOLDEN_HOUR)
    assert len(lines) == 3
    assert lines[0].startswith("Adjust: warmer (temperature +30)")
    assert lines[2].startswith("Filter: Faded High Noon (") and "40%" in lines[2]
    assert "faded_HighNoon" not in lines[2]
    assert describe(Look()) == []


def test_describe_names_the_color_a_range_turns_toward():
    look = Look(selective_adjust={"red": {"hue": -10}, "orange": {"hue": 20}, "blue": {"hue": 15}})
    assert describe(look) == [
        "Selective Adjust: reds shifted toward magenta, oranges shifted toward yellow "
        "and blues shifted toward magenta."
    ]
