"""``moodgrade install-desktop`` and ``uninstall-desktop``, in a data folder of the test's own
(XDG_DATA_HOME; conftest.py keeps the user's out of reach anyway)."""

from __future__ import annotations

import configparser
import sys
from pathlib import Path

import pytest
from test_packaging import desktop_file_problems, tool

from editor.cli import main
from editor.commands import desktop
from editor.commands.desktop import APP_ID, PROJECT_MIME_TYPE, installed_paths, launcher


@pytest.fixture
def share(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(path))
    return path


def _entry(share: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(share / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_puts_the_entry_icons_and_file_type_in_the_data_folder(share, capsys):
    tool("update-desktop-database")
    tool("update-mime-database")
    assert main(["install-desktop"]) == 0
    assert all(path.is_file() and share in path.parents for path in installed_paths())
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    entry_path = share / "applications" / f"{APP_ID}.desktop"
    assert desktop_file_problems(entry_path) == []
    entry = _entry(share)
    assert entry["Exec"] == f"{launcher()[0]} %f" and Path(entry["TryExec"]).is_absolute()
    # The desktop's caches now know the type and which program opens it.
    assert f"{PROJECT_MIME_TYPE}:*.moodgrade" in (share / "mime" / "globs2").read_text()
    assert f"{PROJECT_MIME_TYPE}={APP_ID}.desktop;" in (share / "applications" / "mimeinfo.cache").read_text()
    assert "moodgrade is in the desktop's menu" in capsys.readouterr().out


def test_install_again_changes_nothing(share, capsys):
    assert main(["install-desktop"]) == 0
    before = {path: path.stat().st_mtime_ns for path in installed_paths()}
    capsys.readouterr()
    assert main(["install-desktop"]) == 0
    assert {path: path.stat().st_mtime_ns for path in installed_paths()} == before
    assert "were already there, unchanged" in capsys.readouterr().out


def test_a_different_file_is_replaced_only_with_overwrite(share, capsys):
    theirs = share / "mime" / "packages" / f"{APP_ID}.xml"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("someone else's\n")
    assert main(["install-desktop"]) == 2
    assert "add --overwrite (or -y)" in capsys.readouterr().err
    # Refused before anything was written.
    assert theirs.read_text() == "someone else's\n"
    assert [path for path in installed_paths() if path.exists()] == [theirs]
    assert main(["install-desktop", "--overwrite"]) == 0
    assert theirs.read_bytes() == (desktop.desktop_sources() / f"{APP_ID}.mime.xml").read_bytes()


def test_uninstall_takes_out_what_install_put_in(share, capsys):
    assert main(["install-desktop"]) == 0
    assert main(["uninstall-desktop"]) == 0
    assert not any(path.exists() for path in installed_paths())
    assert PROJECT_MIME_TYPE not in (share / "mime" / "globs2").read_text()
    capsys.readouterr()
    assert main(["uninstall-desktop"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_a_relative_xdg_data_home_is_ignored(tmp_path, monkeypatch):
    # As the XDG Base Directory Specification says.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_without_the_desktop_tools_it_installs_and_says_so(share, monkeypatch, capsys):
    monkeypatch.setenv("PATH", "")
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    assert (
        "update-desktop-database is not installed" in out and "update-mime-database is not installed" in out
    )
    assert all(path.is_file() for path in installed_paths())


def test_the_bundle_entry_runs_the_bundle_launcher(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "moodgrade" / "moodgrade"))
    assert launcher() == [str(tmp_path / "moodgrade" / "moodgrade")]


@pytest.mark.parametrize("folder", ["/opt/my apps", '/opt/mood$grade\'s "100%"', "/opt/back\\slash"])
def test_an_unusual_launcher_path_is_quoted_so_the_entry_stays_valid(share, folder):
    program = f"{folder}/moodgrade"
    entry = share / f"{APP_ID}.desktop"
    share.mkdir()
    entry.write_text(desktop.desktop_entry([program]), encoding="utf-8")
    assert desktop_file_problems(entry) == []
    # What a launcher reads back: the string value unescaped, then the Exec quoting undone.
    value = _entry_value(entry, "Exec").replace("\\\\", "\\")
    if value.startswith('"'):
        quoted, rest = value[1:].split('" ', 1)
        assert rest == "%f"
        assert (
            quoted.replace('\\"', '"')
            .replace("\\`", "`")
            .replace("\\$", "$")
            .replace("\\\\", "\\")
            .replace("%%", "%")
            == program
        )
    else:
        assert value == f"{program} %f"


def _entry_value(path: Path, key: str) -> str:
    return next(line.split("=", 1)[1] for line in path.read_text().splitlines() if line.startswith(f"{key}="))
