"""``moodgrade apply A B C -o OUTDIR/``: each file graded into the folder, a broken one listed
and passed, a non-zero exit when any failed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import av
import numpy as np
from PIL import Image

from editor.batch import run_batch, target_for
from editor.cli import main
from editor.samples import sample_photo, sample_video
from editor.schema import Look

LOOK = {"schema_version": 1, "adjust": {"contrast": 20, "temperature": 30}}


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(sample_video(), folder / "clip.mp4")
    shutil.copyfile(sample_photo(), folder / f"photo{sample_photo().suffix}")
    Image.fromarray(np.full((40, 60, 3), 128, np.uint8)).save(folder / "grey.png")
    (folder / "broken.mov").write_bytes(b"\x00\x00\x00\x18ftypqt  " + b"garbage" * 100)
    return folder


def test_a_folder_with_a_broken_file_grades_the_rest_and_lists_the_failure(tmp_path, capsys):
    """The folder stands for its videos and photos, by name; a text file in it is not one."""
    folder = _inputs(tmp_path)
    look = tmp_path / "look.json"
    look.write_text(json.dumps(LOOK))
    out = tmp_path / "out"
    out.mkdir()
    (folder / "notes.txt").write_text("not a picture, and not taken for one")
    code = main(["apply", str(folder), "-o", f"{out}/", "--look", str(look), "--max-height", "90"])
    captured = capsys.readouterr()
    assert code == 1
    lines = captured.out.splitlines()
    assert [line.split("] ")[0] for line in lines[:4]] == ["[1/4", "[2/4", "[3/4", "[4/4"]
    assert "broken.mov failed:" in lines[0]
    assert "Graded 3 of 4 file(s)" in captured.out
    assert "1 failed:" in captured.out and "broken.mov" in captured.out.split("1 failed:")[1]
    assert "Traceback" not in captured.out + captured.err
    photo_name = f"photo{sample_photo().suffix.lower()}"
    assert sorted(p.name for p in out.iterdir()) == sorted(["clip.mp4", "grey.png", photo_name])
    with av.open(str(out / "clip.mp4")) as c:
        assert c.streams.video[0].codec_context.height == 90
    grey = np.asarray(Image.open(out / "grey.png"))
    assert not np.all(grey == 128)


def test_all_good_exits_zero_and_an_existing_output_needs_overwrite(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    grey = tmp_path / "grey.png"
    Image.fromarray(np.full((20, 30, 3), 100, np.uint8)).save(grey)
    look = tmp_path / "look.json"
    look.write_text(json.dumps(LOOK))
    assert main(["apply", str(grey), "-o", str(out), "--look", str(look)]) == 0
    assert main(["apply", str(grey), "-o", str(out), "--look", str(look)]) == 1
    assert "already exists; add --overwrite" in capsys.readouterr().out
    assert main(["apply", str(grey), "-o", str(out), "--look", str(look), "-y"]) == 0


def test_a_missing_output_folder_is_one_sentence(tmp_path, capsys):
    look = tmp_path / "look.json"
    look.write_text(json.dumps(LOOK))
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    for p in (a, b):
        Image.fromarray(np.zeros((8, 8, 3), np.uint8)).save(p)
    assert main(["apply", str(a), str(b), "-o", str(tmp_path / "nope"), "--look", str(look)]) == 2
    assert "The output folder" in capsys.readouterr().err


def test_targets_keep_the_photo_format_and_never_collide(tmp_path):
    taken: set[Path] = set()
    assert target_for(Path("a/clip.mov"), "video", tmp_path, taken).name == "clip.mp4"
    assert target_for(Path("b/clip.mp4"), "video", tmp_path, taken).name == "clip-mp4.mp4"
    assert target_for(Path("c/clip.mp4"), "video", tmp_path, taken).name == "clip-2.mp4"
    assert target_for(Path("shot.TIFF"), "photo", tmp_path, taken).name == "shot.tiff"


def test_run_batch_reports_each_file(tmp_path):
    grey = tmp_path / "grey.png"
    Image.fromarray(np.full((20, 30, 3), 100, np.uint8)).save(grey)
    missing = tmp_path / "gone.jpg"
    out = tmp_path / "out"
    out.mkdir()
    seen = []
    report = run_batch(
        [missing, grey], out, Look.from_dict(LOOK), on_done=lambda i, s, o: seen.append((i, s.name))
    )
    assert seen == [(0, "gone.jpg"), (1, "grey.png")]
    assert [r.target.name for r in report.written] == ["grey.png"]
    assert report.failed[0][0] == missing and "gone.jpg" in report.failed[0][1]


def test_a_batch_with_a_lut_grades_each_file_through_it(tmp_path, capsys):
    from editor.lut import Lut3D, identity_table, write_cube

    lut = tmp_path / "half_red.cube"
    write_cube(lut, Lut3D(identity_table(3) * [0.5, 1.0, 1.0]))
    sources = []
    for name in ("a.png", "b.png"):
        sources.append(tmp_path / name)
        Image.fromarray(np.full((10, 10, 3), 200, np.uint8)).save(sources[-1])
    out = tmp_path / "out"
    out.mkdir()
    assert main(["apply", *map(str, sources), "-o", str(out), "--lut", str(lut)]) == 0
    for name in ("a.png", "b.png"):
        assert np.asarray(Image.open(out / name))[0, 0].tolist() == [100, 200, 200]
    assert "Graded 2 of 2 file(s)" in capsys.readouterr().out


def test_an_empty_folder_is_one_sentence(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    look = tmp_path / "look.json"
    look.write_text(json.dumps(LOOK))
    assert main(["apply", str(tmp_path / "empty"), "-o", str(tmp_path), "--look", str(look)]) == 2
    assert "There are no videos or photos in" in capsys.readouterr().err
