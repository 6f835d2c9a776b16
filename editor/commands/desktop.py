"""The desktop integration that ``moodgrade install-desktop`` puts in the user's data folder
(``$XDG_DATA_HOME``, else ``~/.local/share``) and ``moodgrade uninstall-desktop`` takes out,
so that moodgrade is in the desktop's menu and the file manager opens videos, photos and
projects with it; no root, nothing outside that folder:

    applications/APP_ID.desktop          the menu entry, run through this very launcher
    icons/hicolor/NxN/apps/APP_ID.png    the icon in each size (scalable/apps/APP_ID.svg too)
    mime/packages/APP_ID.xml             the project file type (.moodgrade, .editorproj)

The committed sources are ``packaging/desktop/`` and ``resources/icons/``; the bundle
carries both (packaging/moodgrade.spec).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from editor.errors import EditorError
from editor.fileio import atomic_path
from editor.paths import REPO_ROOT, resources_dir

#: The reverse-DNS id of the desktop entry, the AppStream component, the icon and macOS's bundle.
APP_ID = "io.github.moodgrade.Moodgrade"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
#: The project file type the mime XML declares.
PROJECT_MIME_TYPE = "application/x-moodgrade-project"
#: Characters that an Exec argument may hold only quoted (Desktop Entry Specification).
_EXEC_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def desktop_sources() -> Path:
    return REPO_ROOT / "packaging" / "desktop"


def icon_svg() -> Path:
    return resources_dir() / "icons" / "moodgrade.svg"


def icon_png(size: int) -> Path:
    return resources_dir() / "icons" / f"moodgrade-{size}.png"


def data_home() -> Path:
    # The XDG Base Directory Specification says a relative XDG_DATA_HOME is to be ignored.
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this moodgrade: the bundle's launcher, else the console
    script installed beside this Python, else this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).parent / "moodgrade"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "editor"]


def _exec_argument(arg: str) -> str:
    """``arg`` as the Exec key's value writes it: quoted where it must be, then escaped as
    any string value is (so a backslash is written four times)."""
    if "\n" in arg or "\r" in arg:
        raise EditorError(f"moodgrade's path {arg!r} has a line break, which a desktop entry cannot hold.")
    if _EXEC_RESERVED.search(arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: list[str]) -> str:
    """The committed entry with Exec and TryExec pointing at ``command``: by absolute path,
    as a menu entry runs without the user's PATH, and TryExec hides the entry once that
    launcher is gone (the bundle's folder deleted). Exec keeps the committed field codes."""
    program = " ".join(_exec_argument(arg) for arg in command)
    lines = []
    for line in (desktop_sources() / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = " ".join([f"Exec={program}", *line.split(" ")[1:]])
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_paths() -> list[Path]:
    """Every file install-desktop writes, in the order ``planned_files`` gives their content."""
    home = data_home()
    icons = home / "icons" / "hicolor"
    return [
        home / "applications" / f"{APP_ID}.desktop",
        *(icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        home / "mime" / "packages" / f"{APP_ID}.xml",
    ]


def planned_files(command: list[str]) -> list[tuple[Path, bytes]]:
    """(where, what) for every file install-desktop writes, the entry run by ``command``."""
    try:
        entry = desktop_entry(command).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise EditorError(
            f"moodgrade's path {command[0]!r} is not UTF-8, which a desktop entry needs."
        ) from exc
    contents = [
        entry,
        *(icon_png(s).read_bytes() for s in ICON_SIZES),
        icon_svg().read_bytes(),
        (desktop_sources() / f"{APP_ID}.mime.xml").read_bytes(),
    ]
    return list(zip(installed_paths(), contents, strict=True))


def _existing(path: Path) -> bytes | None:
    if not (path.exists() or path.is_symlink()):
        return None
    if not path.is_file():
        raise EditorError(f"{path} exists and is not a regular file; move it away and run this again.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise EditorError(f"{path} cannot be read ({exc.strerror or exc}).") from exc


def install(overwrite: bool) -> tuple[list[Path], list[Path]]:
    """(written, already there): every file is checked before any is written, so a refusal
    leaves the folder as it was."""
    files = planned_files(launcher())
    changed = []
    for path, data in files:
        existing = _existing(path)
        if existing == data:
            continue
        if existing is not None and not overwrite:
            raise EditorError(
                f"{path} already exists and differs from this moodgrade's; "
                "add --overwrite (or -y) to replace it."
            )
        changed.append((path, data))
    for path, data in changed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EditorError(f"Cannot make the folder {path.parent} ({exc.strerror or exc}).") from exc
        with atomic_path(path) as tmp:
            tmp.write_bytes(data)
    written = [path for path, _ in changed]
    return written, [path for path, _ in files if path not in written]


def uninstall() -> list[Path]:
    """The files removed: those install-desktop writes, by name, whatever their content."""
    removed = []
    for path in installed_paths():
        if path.is_file() or path.is_symlink():
            try:
                path.unlink()
            except OSError as exc:
                raise EditorError(f"Cannot remove {path} ({exc.strerror or exc}).") from exc
            removed.append(path)
    return removed


def refresh_caches() -> list[str]:
    """Rebuilds the menu's and the file types' caches in the data folder with the desktop's
    own tools, where it has them; a sentence for each that is missing or fails."""
    home = data_home()
    notes = []
    for tool, folder, why in (
        ("update-desktop-database", home / "applications", "which programs open which files"),
        ("update-mime-database", home / "mime", "the project file type"),
    ):
        path = shutil.which(tool)
        if path is None:
            notes.append(f"{tool} is not installed; the desktop may not learn {why} until it runs.")
            continue
        try:
            folder.mkdir(parents=True, exist_ok=True)
            done = subprocess.run([path, str(folder)], capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            notes.append(f"{tool} could not run ({exc}).")
            continue
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or [f"status {done.returncode}"])[-1]
            notes.append(f"{tool} failed ({reason}).")
    return notes
