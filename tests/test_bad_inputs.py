"""Bad and unusual inputs through the real command line, as a hostile new user types them.

Every refusal is one line on stderr starting with ``moodgrade:``, exit status 2, no traceback,
and leaves the folder exactly as it was: no source changed, no output or partial file
written. Commands run in-process through ``editor.cli.main`` (what the ``moodgrade`` script
calls); what needs a real process (signals, argv bytes that are not UTF-8) runs one.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from editor.cli import main
from editor.export import output_size
from editor.samples import sample_video

GOOD_LOOK = {"schema_version": 1, "adjust": {"contrast": 20, "temperature": -25}}


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
        if not p.is_fifo()
    }


def cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def refused(capsys, folder: Path, *args: str, says: str) -> str:
    """Run a command that must be refused in one line and leave ``folder`` untouched."""
    before = _snapshot(folder)
    code, out, err = cli(capsys, *args)
    lines = [line for line in err.strip().splitlines() if not line.startswith("[")]  # the progress bar
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("moodgrade: "), err
    assert says in lines[0], lines[0]
    assert _snapshot(folder) == before
    return lines[0]


@pytest.fixture
def look(tmp_path) -> Path:
    path = tmp_path / "look.json"
    path.write_text(json.dumps(GOOD_LOOK))
    return path


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "photo.png"
    rng = np.random.default_rng(0)
    Image.fromarray(rng.integers(0, 255, (48, 64, 3), dtype=np.uint8)).save(path)
    return path


def _bomb_jpeg(path: Path, width: int, height: int) -> Path:
    """A tiny valid JPEG whose header claims ``width`` x ``height`` (a decompression bomb)."""
    import io

    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 100, 50)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 7] = height.to_bytes(2, "big")
    data[sof + 7 : sof + 9] = width.to_bytes(2, "big")
    path.write_bytes(bytes(data))
    return path


# -- looks (case 11, 12, 19) ------------------------------------------------------------

BAD_LOOKS = {
    "empty": (b"", "not valid JSON (it is empty)"),
    "half an object": (b"{", "not valid JSON"),
    "a list": (b"[]", "must be a JSON object"),
    "a string": (b'"golden hour"', "must be a JSON object"),
    "null": (b"null", "must be a JSON object"),
    "5000-digit number": (b"1" * 5000, "too many digits"),
    "5000-digit value": (b'{"adjust": {"contrast": ' + b"9" * 5000 + b"}}", "too many digits"),
    "200000 nested": (b"[" * 200_000, "nested too deeply"),
    "deep object": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    "version as text": (b'{"schema_version": "1"}', "must be the number 1, not '1'"),
    "version true": (b'{"schema_version": true}', "must be the number 1, not True"),
    "version 9": (b'{"schema_version": 9}', "version 9 is not supported"),
    "value abc": (b'{"adjust": {"contrast": "abc"}}', "Adjust contrast must be a number, not 'abc'"),
    "value list": (b'{"adjust": {"contrast": [1, 2]}}', "must be a number, not [1, 2]"),
    "value true": (b'{"adjust": {"contrast": true}}', "must be a number, not True"),
    "value NaN": (b'{"adjust": {"contrast": NaN}}', "must be a finite number"),
    "value Infinity": (b'{"adjust": {"contrast": -Infinity}}', "must be a finite number"),
    "value 1e400": (b'{"adjust": {"contrast": 1e400}}', "must be a finite number"),
    "unknown parameter": (b'{"adjust": {"glow": 10}}', "Unknown Adjust parameter 'glow'"),
    "adjust a list": (b'{"adjust": [10]}', "'adjust' must be an object"),
    "unknown color": (b'{"selective_adjust": {"purple": {"hue": 5}}}', "Unknown color range 'purple'"),
    "color a number": (b'{"selective_adjust": {"red": 5}}', "'red' must be an object"),
    "unknown filter": (b'{"filter": {"name": "bw_Nope"}}', "Unknown filter 'bw_Nope'"),
    "filter a string": (b'{"filter": "faded"}', "'filter' must be an object"),
    "unknown tool": (b'{"paint": {}}', "Unknown tool 'paint'"),
    "UTF-16": (json.dumps(GOOD_LOOK).encode("utf-16"), "saved as UTF-16; save it as UTF-8"),
    "Latin-1": ('{"adjust": {"contrast": 10}, "caf\u00e9": 1}'.encode("latin-1"), "is not UTF-8 text"),
    "a PNG renamed": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is not UTF-8 text"),
    "a .cube": (
        b'# from Resolve\nTITLE "warm"\nLUT_3D_SIZE 2\n' + b"0 0 0\n" * 8,
        "is a .cube LUT, not a look",
    ),
}


@pytest.mark.parametrize("content, says", BAD_LOOKS.values(), ids=BAD_LOOKS.keys())
def test_bad_look_files_are_one_sentence_in_every_command(tmp_path, capsys, photo, content, says):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    refused(capsys, tmp_path, "look-to-cube", str(bad), "-o", str(tmp_path / "out.cube"), says=says)
    refused(
        capsys, tmp_path, "apply", str(photo), "-o", str(tmp_path / "out.jpg"), "--look", str(bad), says=says
    )


def test_look_paths_that_are_not_look_files(tmp_path, capsys):
    out = str(tmp_path / "out.cube")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    (tmp_path / "folder.json").mkdir()
    refused(capsys, tmp_path, "look-to-cube", str(tmp_path / "nope.json"), "-o", out, says="does not exist")
    refused(capsys, tmp_path, "look-to-cube", str(tmp_path / "folder.json"), "-o", out, says="is a folder")
    refused(capsys, tmp_path, "look-to-cube", str(fifo), "-o", out, says="not a regular file")
    refused(capsys, tmp_path, "look-to-cube", "/dev/zero", "-o", out, says="not a regular file")


def test_a_utf8_bom_look_is_read(tmp_path, capsys):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(GOOD_LOOK).encode())
    code, out, err = cli(capsys, "look-to-cube", str(path), "-o", str(tmp_path / "look.cube"))
    assert code == 0 and (tmp_path / "look.cube").is_file(), err


def test_clamped_look_values_are_noted_in_one_line(tmp_path, capsys):
    path = tmp_path / "loud.json"
    path.write_text(json.dumps({"adjust": {"contrast": 500, "exposure": -1e9}}))
    code, out, err = cli(capsys, "look-to-cube", str(path), "-o", str(tmp_path / "loud.cube"))
    assert code == 0
    assert err.strip() == (
        "Note: Adjust contrast 500 is outside -100..100; used 100. "
        "Adjust exposure -1000000000 is outside -100..100; used -100."
    )


# -- inputs (cases 2, 12) --------------------------------------------------------------


def _audio_only(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\x00\x00" * 8000)
    return path


BAD_MEDIA = {
    "text renamed .mp4": ("holiday.mp4", b"not a video", "is not a video or photo this editor can read"),
    "empty .mp4": ("empty.mp4", b"", "is empty (0 bytes)"),
    "random bytes .mov": ("noise.mov", bytes(range(256)) * 40, "is not a video or photo"),
    "text renamed .jpg": ("cat.jpg", b"meow", "is not a JPEG photo"),
    "text renamed .png": ("cat.png", b"meow", "is not a PNG photo"),
    "truncated PNG": ("cut.png", b"\x89PNG\r\n\x1a\n\x00\x00", "is not a PNG photo"),
    "text renamed .tif": ("scan.tif", b"II*\x00garbage", "is not a TIF photo"),
    "upper-case .JPG text": ("CAT.JPG", b"meow", "is not a JPEG photo"),
}


@pytest.mark.parametrize("name, content, says", BAD_MEDIA.values(), ids=BAD_MEDIA.keys())
def test_bad_media_files(tmp_path, capsys, look, name, content, says):
    src = tmp_path / name
    src.write_bytes(content)
    out = tmp_path / ("out.mp4" if name.lower().endswith((".mp4", ".mov")) else "out.png")
    refused(capsys, tmp_path, "apply", str(src), "-o", str(out), "--look", str(look), says=says)


def test_inputs_that_are_not_media_files(tmp_path, capsys, look):
    out = str(tmp_path / "out.mp4")
    fifo = tmp_path / "pipe.mp4"
    os.mkfifo(fifo)
    (tmp_path / "clips").mkdir()
    audio = _audio_only(tmp_path / "voice.wav")
    for src, says in [
        (tmp_path / "missing.mp4", "does not exist"),
        (tmp_path / "clips", "no videos or photos in"),
        (fifo, "not a regular file"),
        (Path("/dev/zero"), "not a regular file"),
        (audio, "has no video track"),
    ]:
        refused(capsys, tmp_path, "apply", str(src), "-o", out, "--look", str(look), says=says)


@pytest.mark.parametrize(
    "size", [(60000, 60000), (12000, 12000), (17000, 64)], ids=["60000^2", "12000^2", "17000x64"]
)
def test_photo_headers_that_claim_more_than_the_file_holds(tmp_path, capsys, look, size):
    bomb = _bomb_jpeg(tmp_path / "bomb.jpg", *size)
    start = time.monotonic()
    with _no_warnings():
        refused(
            capsys,
            tmp_path,
            "apply",
            str(bomb),
            "-o",
            str(tmp_path / "out.jpg"),
            "--look",
            str(look),
            says="is too large or damaged",
        )
    assert time.monotonic() - start < 5


class _no_warnings:
    def __enter__(self):
        import warnings

        self._catch = warnings.catch_warnings(record=True)
        self.seen = self._catch.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        self._catch.__exit__(*exc)
        assert not self.seen, [str(w.message) for w in self.seen]


def _clip(
    path: Path, fmt: str, *, audio_tracks: int = 0, start_s: float = 0.0, hdr_transfer: int | None = None
) -> Path:
    """A small H.264 clip (160x120, 25 fps, 1 s) with silent AAC tracks; ``start_s`` moves
    its first timestamps as a broadcast stream's clock does, ``hdr_transfer`` tags it HDR."""
    with av.open(str(path), "w", format=fmt) as c:
        video = c.add_stream("libx264", rate=25)
        video.width, video.height = 160, 120
        video.pix_fmt = "yuv420p10le" if hdr_transfer else "yuv420p"
        if hdr_transfer:
            ctx = video.codec_context
            ctx.color_trc, ctx.color_primaries, ctx.colorspace = hdr_transfer, 9, 9
        tracks = [c.add_stream("aac", rate=44100) for _ in range(audio_tracks)]
        for track in tracks:
            track.layout = "mono"
        for i in range(25):
            frame = av.VideoFrame.from_ndarray(np.full((120, 160, 3), i * 9, np.uint8), format="rgb24")
            frame = frame.reformat(format=video.pix_fmt)
            frame.pts = i + round(start_s * 25)
            c.mux(video.encode(frame))
        c.mux(video.encode(None))
        for track in tracks:
            for j in range(43):
                frame = av.AudioFrame.from_ndarray(
                    np.zeros((1, 1024), np.float32), format="fltp", layout="mono"
                )
                frame.sample_rate, frame.pts = 44100, j * 1024 + round(start_s * 44100)
                c.mux(track.encode(frame))
            c.mux(track.encode(None))
    return path


def test_a_broadcast_stream_starts_at_zero_and_dropped_tracks_are_named(tmp_path, capsys, look):
    src = _clip(tmp_path / "broadcast.ts", "mpegts", audio_tracks=3, start_s=1.45)
    out = tmp_path / "graded.mp4"
    code, _, err = cli(capsys, "apply", str(src), "-o", str(out), "--look", str(look))
    assert code == 0, err
    assert "Note: 2 more audio tracks left out (only the first is kept)." in err
    with av.open(str(out)) as container:
        assert container.start_time / av.time_base < 0.05
        assert container.duration / av.time_base == pytest.approx(1.0, abs=0.1)


@pytest.mark.parametrize("transfer, name", [(16, "PQ"), (18, "HLG")])
def test_hdr_video_is_refused_not_graded_as_sdr(tmp_path, capsys, look, transfer, name):
    src = _clip(tmp_path / "iphone.mp4", "mp4", hdr_transfer=transfer)
    refused(
        capsys,
        tmp_path,
        "apply",
        str(src),
        "-o",
        str(tmp_path / "out.mp4"),
        "--look",
        str(look),
        says=f"is HDR video ({name}",
    )


@pytest.mark.parametrize("name", ["deep.png", "deep.tif", "deep_alpha.png", "alpha.png", "alpha.tif"])
def test_photo_depth_and_alpha_survive_a_grade(tmp_path, capsys, look, name):
    from editor.media import read_photo_alpha, write_photo

    ramp = np.tile(np.linspace(0, 65535, 1000).astype(np.uint16), (8, 1))
    rgb = np.stack([ramp] * 3, axis=-1)
    if "deep" not in name:
        rgb, ramp = (rgb >> 8).astype(np.uint8), (ramp >> 8).astype(np.uint8)
    src = tmp_path / name
    write_photo(src, np.dstack([rgb, ramp[..., ::-1]]) if "alpha" in name else rgb)
    out = tmp_path / f"graded_{name}"
    code, _, err = cli(capsys, "apply", str(src), "-o", str(out), "--look", str(look))
    assert code == 0, err
    graded, alpha = read_photo_alpha(out)
    assert graded.dtype == rgb.dtype
    if "deep" in name:
        assert len(np.unique(graded[..., 1])) > 256, "16 bits in, 16 bits out"
    if "alpha" in name:
        assert np.array_equal(alpha, ramp[..., ::-1])
    code, _, err = cli(capsys, "apply", str(src), "-o", str(tmp_path / "flat.jpg"), "--look", str(look))
    assert code == 0 and read_photo_alpha(tmp_path / "flat.jpg")[1] is None


@pytest.mark.parametrize(
    "adjust",
    [{"contrast": 20, "temperature": 30}, {"contrast": 20, "sharpen": 30, "bloom": 20}],
    ids=["pointwise (GPU tiles)", "spatial (CPU reference)"],
)
def test_a_panorama_wider_than_the_gpu_texture_limit_is_graded(tmp_path, capsys, adjust):
    wide = tmp_path / "panorama.png"
    rng = np.random.default_rng(3)
    Image.fromarray(rng.integers(0, 255, (64, 17000, 3), dtype=np.uint8)).save(wide)
    look = tmp_path / "look.json"
    look.write_text(json.dumps({"adjust": adjust, "filter": {"name": "faded_HighNoon", "intensity": 40}}))
    out = tmp_path / "graded.png"
    code, _, err = cli(capsys, "apply", str(wide), "-o", str(out), "--look", str(look))
    assert code == 0, err
    graded = np.asarray(Image.open(out))
    assert graded.shape == (64, 17000, 3) and graded.std() > 10


# -- outputs (cases 5, 6, 8, 12, 13) ---------------------------------------------------


def test_bad_output_paths_for_apply(tmp_path, capsys, look, photo):
    taken = tmp_path / "taken.jpg"
    taken.write_bytes(b"the user's own photo")
    cases = [
        (photo, "is the input file"),
        (tmp_path / "missing" / "out.jpg", "folder " + str(tmp_path / "missing") + " does not exist"),
        (taken, "already exists; add --overwrite (or -y)"),
        (Path("/dev/null"), "is not a regular file"),
        (Path("/sys/out.jpg"), "/sys"),
        (tmp_path / "out.mp4", "Cannot export a photo as '.mp4'"),
        (tmp_path / "out", "Cannot export a photo as 'out'"),
    ]
    for target, says in cases:
        refused(capsys, tmp_path, "apply", str(photo), "-o", str(target), "--look", str(look), says=says)


def test_bad_output_paths_for_look_to_cube(tmp_path, capsys, look):
    (tmp_path / "folder").mkdir()
    taken = tmp_path / "taken.cube"
    taken.write_text("LUT_3D_SIZE 2\n")
    for target, says in [
        (look, "is the input file"),
        (tmp_path / "missing" / "out.cube", "does not exist"),
        (tmp_path / "folder", "is a folder"),
        (f"{tmp_path}/newfolder/", "is a folder"),
        (taken, "already exists"),
        (Path("/proc/out.cube"), "Cannot write /proc/out.cube"),
        (Path("/sys/out.cube"), "Cannot write /sys/out.cube: permission denied"),
        (Path("/dev/full"), "is not a regular file"),
    ]:
        refused(capsys, tmp_path, "look-to-cube", str(look), "-o", str(target), says=says)


@pytest.mark.parametrize("name", ["out.cube", "out.png", "out.mp4"])
def test_a_full_disk_is_one_sentence_and_leaves_nothing(tmp_path, capsys, look, photo, monkeypatch, name):
    import errno

    def full(*_):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    target = tmp_path / name
    command = {
        "out.cube": ["look-to-cube", str(look)],
        "out.png": ["apply", str(photo), "--look", str(look)],
        "out.mp4": ["apply", str(sample_video()), "--look", str(look), "--max-height", "64"],
    }[name]
    refused(
        capsys, tmp_path, *command, "-o", str(target), says=f"Cannot write {target}: no space left on device."
    )


def test_overwrite_only_when_asked(tmp_path, capsys, look, photo):
    for args in (["look-to-cube", str(look)], ["apply", str(photo), "--look", str(look)]):
        target = tmp_path / ("out.cube" if args[0] == "look-to-cube" else "out.png")
        target.write_bytes(b"keep me")
        refused(capsys, tmp_path, *args, "-o", str(target), says="already exists")
        assert target.read_bytes() == b"keep me"
        for flag in ("-y", "--overwrite"):
            code, _, err = cli(capsys, *args, "-o", str(target), flag)
            assert code == 0, err
            assert target.read_bytes() != b"keep me"
            target.write_bytes(b"keep me")


def test_demo_output_problems(tmp_path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    refused(capsys, tmp_path, "demo", "--no-window", "-o", str(a_file), says="is a file")
    done = tmp_path / "done"
    done.mkdir()
    (done / "rocket_coffee_cat_golden_hour.mp4").write_bytes(b"earlier run")
    refused(capsys, tmp_path, "demo", "--no-window", "-o", str(done), says="already exists; add --overwrite")
    code, _, err = cli(capsys, "demo", "--no-window", "-o", str(done), "-y")
    assert code == 0, err
    assert (done / "rocket_coffee_cat_golden_hour.mp4").read_bytes() != b"earlier run"


@pytest.mark.parametrize("kind, length", [("photo", 255), ("photo", 226), ("video", 255), ("video", 241)])
def test_long_output_names_work(tmp_path, capsys, look, photo, kind, length):
    ext = ".png" if kind == "photo" else ".mp4"
    target = tmp_path / ("n" * (length - len(ext)) + ext)
    src = photo if kind == "photo" else sample_video()
    code, _, err = cli(
        capsys, "apply", str(src), "-o", str(target), "--look", str(look), "--max-height", "64"
    )
    assert code == 0, err
    assert target.is_file() and not [p for p in tmp_path.iterdir() if ".part" in p.name]


def test_stale_temp_files_of_ours_are_removed_at_the_next_write(tmp_path, capsys, look):
    stale = tmp_path / ".clip.ab_cd123.part.mp4"
    fresh = tmp_path / ".clip.zz9zz9zz.part.mp4"
    mine = tmp_path / ".notes.part"
    for path in (stale, fresh, mine):
        path.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 86400
    for path in (stale, mine):
        os.utime(path, (two_days_ago, two_days_ago))
    code, _, err = cli(capsys, "look-to-cube", str(look), "-o", str(tmp_path / "look.cube"))
    assert code == 0, err
    assert not stale.exists() and fresh.exists() and mine.exists()


# -- prompts and commands (cases 4, 12, 14, 15, 17) -------------------------------------


def _editor(
    *args: str | bytes, stdin: bytes | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env=None if env is None else {**os.environ, **env},
    )


@pytest.mark.parametrize(
    "variable, value, says",
    [
        ("MOODGRADE_RESOURCES", "{tmp}/nowhere", "which is not a folder"),
        ("MOODGRADE_RESOURCES", "{tmp}", "which has no filters/catalog.json"),
        ("MOODGRADE_MODELS", "{tmp}/look.json", "which is not a folder"),
        ("MOODGRADE_MODEL_DIR", "{tmp}", "No student model in"),
        ("MOODGRADE_DATA_DIR", "{tmp}/look.json", "(MOODGRADE_DATA_DIR) cannot be used: File exists"),
        ("MOODGRADE_DATA_DIR", "/proc/editor", "(MOODGRADE_DATA_DIR) cannot be used"),
    ],
)
def test_misconfigured_folders_are_one_sentence(tmp_path, look, variable, value, says):
    command = ["stats"] if variable == "MOODGRADE_DATA_DIR" else ["suggest", "golden hour"]
    done = _editor(*command, env={variable: value.format(tmp=tmp_path)})
    err = done.stderr.decode()
    assert (
        done.returncode == 2 and err.count("\n") == 1 and err.startswith("moodgrade: ") and says in err
    ), err


@pytest.mark.parametrize("name", ["RESOURCES", "MODELS", "MODEL_DIR", "DATA_DIR"])
def test_the_environment_variables_from_before_the_rename_are_still_read(tmp_path, monkeypatch, name):
    from editor.paths import environ

    monkeypatch.delenv(f"MOODGRADE_{name}", raising=False)
    monkeypatch.setenv(f"EDITOR_{name}", str(tmp_path))
    assert environ(name) == (f"EDITOR_{name}", str(tmp_path))
    monkeypatch.setenv(f"MOODGRADE_{name}", str(tmp_path / "new"))
    assert environ(name) == (f"MOODGRADE_{name}", str(tmp_path / "new"))


def test_an_old_variable_is_named_in_its_refusal(tmp_path):
    (tmp_path / "look.json").touch()
    done = _editor("stats", env={"MOODGRADE_DATA_DIR": "", "EDITOR_DATA_DIR": str(tmp_path / "look.json")})
    assert done.returncode == 2 and "(EDITOR_DATA_DIR) cannot be used" in done.stderr.decode(), done.stderr


def test_prompts_that_are_not_utf8(tmp_path, photo):
    done = _editor("suggest", b"golden \xff\xfe hour")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema_version"] == 1
    out = tmp_path / "graded.png"
    done = _editor("apply", str(photo), "-o", str(out), "--prompt", b"warmer \xc3")
    assert done.returncode == 0 and out.is_file(), done.stderr
    taken = tmp_path / "demo"
    taken.mkdir()
    (taken / "rocket_coffee_cat_golden_hour.mp4").write_bytes(b"x")
    done = _editor("demo", "--no-window", "-o", str(taken), "--prompt", b"golden \xff hour")
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert done.stderr.decode().startswith("moodgrade: ") and "already exists" in done.stderr.decode()
    done = _editor("suggest", "--jsonl", "-", stdin=b"moody \xff winter\n\xfe\xfe\ngolden hour\n")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and [line["intent"] for line in lines] == [
        "moody \ufffd winter",
        "\ufffd\ufffd",
        "golden hour",
    ]


def test_suggest_jsonl_answers_every_line_with_its_intent(tmp_path, capsys):
    intents = tmp_path / "intents.txt"
    intents.write_text("\nmoody winter\n   \nasdfgh\ngolden hour\n")
    code, out, err = cli(capsys, "suggest", "--jsonl", str(intents))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0, err
    assert [line["intent"] for line in lines] == ["", "moody winter", "", "asdfgh", "golden hour"]
    assert [line["mode"] for line in lines][:3] == ["none", "new", "none"]
    intents.write_bytes("golden hour".encode("utf-16"))
    refused(capsys, tmp_path, "suggest", "--jsonl", str(intents), says="saved as UTF-16")


@pytest.mark.parametrize(
    "word, says",
    [
        ("aply", "did you mean 'apply'"),
        ("sugest", "did you mean 'suggest'"),
        ("filtrs", "did you mean 'filters'"),
        ("look2cube", "did you mean 'look-to-cube'"),
        ("frobnicate", "is not a command or a file"),
    ],
)
def test_mistyped_commands_get_the_closest_one(tmp_path, capsys, word, says):
    refused(capsys, tmp_path, word, "in.mp4", "-o", "out.mp4", says=says)


@pytest.mark.parametrize(("limit", "expected"), [(239, 238), (3, 2), (181, 180), (540, 540)])
def test_max_height_is_a_limit(limit, expected):
    assert output_size(960, 540, limit)[1] == expected


def test_max_height_239_through_apply(tmp_path, capsys, look):
    out = tmp_path / "small.mp4"
    code, _, err = cli(
        capsys, "apply", str(sample_video()), "-o", str(out), "--look", str(look), "--max-height", "239"
    )
    assert code == 0, err
    with av.open(str(out)) as container:
        assert container.streams.video[0].codec_context.height == 238


def test_tests_never_touch_the_users_folders():
    import platformdirs

    from editor.settings import data_dir

    real = Path.home() / ".local" / "share"
    for name in ("moodgrade", "editor"):
        assert real not in data_dir().parents and real not in Path(platformdirs.user_data_dir(name)).parents
        assert Path.home() / ".config" not in Path(platformdirs.user_config_dir(name)).parents


def test_the_data_folder_from_before_the_rename_is_carried_over(monkeypatch):
    import platformdirs

    from editor.settings import data_dir

    monkeypatch.delenv("MOODGRADE_DATA_DIR")
    old = Path(platformdirs.user_data_dir("editor"))
    (old / "looks").mkdir(parents=True)
    (old / "looks" / "mine.json").write_text("{}")
    assert data_dir() == Path(platformdirs.user_data_dir("moodgrade"))
    assert (data_dir() / "looks" / "mine.json").read_text() == "{}" and not old.exists()


def test_another_programs_editor_folder_is_left_alone(monkeypatch):
    import platformdirs

    from editor.settings import data_dir

    monkeypatch.delenv("MOODGRADE_DATA_DIR")
    other = Path(platformdirs.user_data_dir("editor"))
    other.mkdir(parents=True)
    (other / "notes.txt").write_text("not ours")
    assert not (data_dir() / "notes.txt").exists() and (other / "notes.txt").exists()


def test_python_m_editor_cli_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "editor.cli", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("moodgrade ")


# -- signals (case 7) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "signum, reason",
    [
        (signal.SIGTERM, "terminated"),
        (signal.SIGHUP, "the terminal was closed"),
        (signal.SIGINT, "interrupted"),
    ],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_stop_signals_during_an_export_cancel_and_leave_nothing(tmp_path, look, signum, reason):
    out = tmp_path / "out" / "graded.mp4"
    out.parent.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor", "apply", str(sample_video()), "-o", str(out), "--look", str(look)],
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stderr.readline()
    assert "frames" in first, first
    proc.send_signal(signum)
    rest = proc.stderr.read()
    assert proc.wait(60) == 130
    assert rest.strip().splitlines()[-1] == f"moodgrade: Cancelled ({reason}); no output was written."
    assert "Traceback" not in rest
    assert list(out.parent.iterdir()) == []


def test_a_stop_signal_outside_an_export_is_one_line():
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor", "suggest", "--jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    proc.stdin.write("golden hour\n" * 32)  # one batch: answered, then it waits for more
    proc.stdin.flush()
    assert json.loads(proc.stdout.readline())["intent"] == "golden hour"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 130
    assert proc.stderr.read().strip() == "moodgrade: stopped (terminated)."
