"""The filter library: every preset exists, is reproducible, is not identity, and looks like its name."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image

from editor import cli, filter_recipes
from editor.errors import LookError
from editor.filters import (
    CODE_MAX,
    filters_dir,
    load_preset,
    preset_description,
    preset_label,
    preset_names,
    read_preset,
    thumbnail_path,
    write_preset,
)
from editor.lut import Lut3D, LutError, apply_trilinear, identity_table

NAMES = preset_names()


def _rgb(*values: float) -> np.ndarray:
    return np.array([values], np.float32)


def _grade(name: str, *rgb: float) -> np.ndarray:
    return apply_trilinear(_rgb(*rgb), load_preset(name))[0]


def _chroma(rgb: np.ndarray) -> float:
    return float(rgb.max() - rgb.min())


def test_catalog_and_recipes_name_the_same_32_presets():
    assert len(NAMES) == 32
    assert set(filter_recipes.RECIPES) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_preset_has_a_33_table_titled_by_name_and_a_thumbnail(name):
    lut = load_preset(name)  # checks it is a plain 3D LUT
    assert lut.title == name and lut.table.shape == (33, 33, 33, 3)
    assert 0.0 <= lut.table.min() and lut.table.max() <= 1.0
    with Image.open(thumbnail_path(name)) as thumb:
        assert thumb.size == (160, 100) and thumb.mode == "RGB"


def test_regenerating_reproduces_the_committed_files(tmp_path):
    for name in NAMES:
        write_preset(tmp_path / f"{name}.npz", filter_recipes.build_lut(name))
        again = read_preset(tmp_path / f"{name}.npz")
        committed = load_preset(name)
        assert again.title == committed.title
        assert np.array_equal(again.table, committed.table), f"{name}.npz differs from its recipe"


def test_a_preset_file_holds_its_recipe_within_half_a_16_bit_step():
    # The file keeps 16-bit codes: half a code (1/131070) off the float64 recipe at most,
    # plus float32's rounding of code/65535.
    for name in ("cinematic_TealOrange", "bw_TriX", "neon_Cyberpunk"):
        recipe = filter_recipes.build_lut(name).table.astype(np.float64)
        stored = load_preset(name).table.astype(np.float64)
        assert np.abs(stored - recipe).max() <= 0.5 / CODE_MAX + 1e-7


def test_a_preset_file_round_trips_exactly_and_refuses_what_it_cannot_hold(tmp_path):
    rng = np.random.default_rng(7)
    codes = rng.integers(0, CODE_MAX + 1, (5, 5, 5, 3))  # rough, so every difference wraps somewhere
    lut = Lut3D((codes / CODE_MAX).astype(np.float32), title="rough")
    write_preset(tmp_path / "rough.npz", lut)
    back = read_preset(tmp_path / "rough.npz")
    assert back.title == "rough" and back.table.dtype == np.float32
    assert np.array_equal(np.round(back.table.astype(np.float64) * CODE_MAX), codes)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        write_preset(tmp_path / "over.npz", Lut3D(np.full((2, 2, 2, 3), 1.5, np.float32)))
    shifted = Lut3D(identity_table(2), domain_max=np.full(3, 2.0, np.float32))
    with pytest.raises(ValueError, match="domain"):
        write_preset(tmp_path / "domain.npz", shifted)
    assert not (tmp_path / "over.npz").exists() and not (tmp_path / "domain.npz").exists()


def test_a_damaged_preset_file_is_one_lut_error(tmp_path):
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes((filters_dir() / "bw_Classic.npz").read_bytes()[:1000])
    not_a_table = tmp_path / "flat.npz"
    np.savez_compressed(not_a_table, title=np.array("flat"), deltas=np.zeros((4, 3), np.uint16))
    for path in (truncated, not_a_table, tmp_path / "missing.npz"):
        with pytest.raises(LutError, match=str(path.name)):
            read_preset(path)


def test_generate_writes_cube_and_thumbnail_like_the_committed_ones(tmp_path):
    pytest.importorskip("skimage")
    name = "cinematic_TealOrange"
    written = filter_recipes.generate([name], out_dir=tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        f"{name}.npz",
        f"thumbs/{name}.png",
    ]
    assert np.array_equal(read_preset(tmp_path / f"{name}.npz").table, load_preset(name).table)
    with Image.open(tmp_path / "thumbs" / f"{name}.png") as new, Image.open(thumbnail_path(name)) as old:
        np.testing.assert_array_equal(np.asarray(new), np.asarray(old))


def test_presets_are_not_identity_and_differ_from_each_other():
    grid = identity_table(33)
    tables = {name: load_preset(name).table for name in NAMES}
    for name, table in tables.items():
        assert np.abs(table - grid).mean() > 0.02, f"{name} barely changes the picture"
    names = list(tables)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert np.abs(tables[a] - tables[b]).mean() > 0.01, f"{a} and {b} look the same"


def test_load_preset_is_cached_read_only_and_rejects_unknown_names():
    lut = load_preset("bw_Classic")
    assert load_preset("bw_Classic") is lut and lut.title == "bw_Classic"
    with pytest.raises(ValueError):
        lut.table[0, 0, 0, 0] = 1.0
    with pytest.raises(LookError, match="Unknown filter 'bw_Nope'"):
        load_preset("bw_Nope")


# -- each look does what its description says ----------------------------------------

SKIN = (0.85, 0.6, 0.48)
SKY = (0.35, 0.55, 0.85)
FOLIAGE = (0.3, 0.55, 0.2)


@pytest.mark.parametrize("name", ["bw_Classic", "bw_TriX", "bw_Soft"])
def test_black_and_white_presets_are_neutral_grey(name):
    for color in (SKIN, SKY, FOLIAGE, (0.9, 0.1, 0.1)):
        out = _grade(name, *color)
        assert _chroma(out) < 0.01, f"{name} leaves color in {color}"


def test_black_and_white_contrast_order():
    def spread(name):
        return float(_grade(name, 0.8, 0.8, 0.8)[0] - _grade(name, 0.2, 0.2, 0.2)[0])

    assert spread("bw_TriX") > spread("bw_Classic") > spread("bw_Soft")
    assert _grade("bw_Soft", 0, 0, 0)[0] > 0.05  # soft lifts the blacks
    assert _grade("bw_TriX", 0.05, 0.05, 0.05)[0] < 0.01  # Tri-X crushes them


def test_sepia_and_noir_tones():
    sepia = _grade("sepia_Antique", 0.5, 0.5, 0.5)
    assert sepia[0] > sepia[1] > sepia[2] + 0.05
    noir = _grade("noir_Shadow", 0.3, 0.3, 0.3)
    assert noir[2] > noir[0] + 0.03 and _grade("noir_Shadow", 0.1, 0.1, 0.1).max() < 0.05


def test_teal_orange_splits_shadows_and_skin():
    shadow = _grade("cinematic_TealOrange", 0.2, 0.2, 0.2)
    assert shadow[2] > shadow[0] + 0.03 and shadow[1] > shadow[0] + 0.03  # teal
    skin = _grade("cinematic_TealOrange", *SKIN)
    assert skin[0] > skin[1] > skin[2]  # still orange
    blue = _grade("cinematic_TealOrange", 0.2, 0.35, 0.7)
    assert blue[1] > 0.35 + 0.05  # blues pulled toward teal


@pytest.mark.parametrize(
    "name, factor",
    [
        ("bleach_Bypass", 0.75),
        ("cinematic_Blockbuster", 0.85),
        ("dramatic_Storm", 0.7),
        ("horror_Bleak", 0.7),
    ],
)
def test_desaturating_presets(name, factor):
    colors = (SKIN, SKY, FOLIAGE, (0.7, 0.3, 0.3))
    before = np.mean([_chroma(np.array(c)) for c in colors])
    assert np.mean([_chroma(_grade(name, *c)) for c in colors]) < factor * before


@pytest.mark.parametrize("name", ["film_Velvia", "film_Ektar", "vivid_Pop", "film_Kodachrome"])
def test_saturating_presets(name):
    for color in (SKY, FOLIAGE, (0.7, 0.3, 0.3)):
        assert _chroma(_grade(name, *color)) > 1.1 * _chroma(np.array(color))


@pytest.mark.parametrize(
    "name, warm",
    [
        ("warm_Sunset", True),
        ("warm_Golden", True),
        ("vintage_70s", True),
        ("cool_Arctic", False),
        ("cool_Moonlight", False),
    ],
)
def test_warm_and_cool_casts_on_grey(name, warm):
    out = _grade(name, 0.6, 0.6, 0.6)
    assert (out[0] - out[2] > 0.04) if warm else (out[2] - out[0] > 0.04), out


@pytest.mark.parametrize(
    "name",
    ["faded_HighNoon", "faded_Matte", "pastel_Dream", "dreamy_Haze", "vintage_Polaroid", "film_Expired"],
)
def test_faded_presets_lift_black(name):
    black = _grade(name, 0, 0, 0)
    assert black @ [0.2126, 0.7152, 0.0722] > 0.06 and black.min() > 0.03


def test_green_casts():
    for name in ("cinematic_Matrix", "horror_Bleak"):
        out = _grade(name, 0.5, 0.5, 0.5)
        assert out[1] > out[0] + 0.02 and out[1] > out[2] + 0.02, name


def test_cyberpunk_and_80s_push_toward_magenta_and_cyan():
    shadow = _grade("neon_Cyberpunk", 0.2, 0.2, 0.2)
    assert shadow[2] > shadow[1] + 0.05 and shadow[0] > shadow[1]  # purple-blue shadows
    high = _grade("neon_Cyberpunk", 0.8, 0.8, 0.8)
    assert high[2] > high[0] and high[1] > high[0]  # cyan highlights
    pink = _grade("retro_80s", 0.75, 0.75, 0.75)
    assert pink[0] > pink[1] and pink[2] > pink[1]  # magenta-pink


def test_moody_forest_mutes_and_darkens_greens():
    out = _grade("moody_Forest", *FOLIAGE)
    assert _chroma(out) < 0.8 * _chroma(np.array(FOLIAGE)) and out @ [0.2126, 0.7152, 0.0722] < 0.45


# -- the command -------------------------------------------------------------------


def test_filters_command_lists_aligned_names_and_json(capsys):
    assert cli.main(["filters"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 32
    column = lines[0].index(preset_description(NAMES[0]))
    assert all(line[column:] == preset_description(line.split()[0]) for line in lines)
    assert cli.main(["filters", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data] == list(NAMES)
    assert data[7] == {"name": NAMES[7], "description": preset_description(NAMES[7])}


def test_display_names_read_as_words():
    labels = [preset_label(name) for name in NAMES]
    assert len(set(labels)) == len(NAMES)
    assert all("_" not in label for label in labels)
    assert preset_label("moody_Forest") == "Moody Forest"
    assert preset_label("cinematic_TealOrange") == "Cinematic Teal Orange"
    assert preset_label("bw_Classic") == "B&W Classic" and preset_label("retro_80s") == "Retro 80s"
    with pytest.raises(LookError):
        preset_label("no_Such")
