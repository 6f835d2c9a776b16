"""The user's own ``.cube`` LUTs: the library they are imported into, finding them, and
turning any of them into the one 3D table the Filter step applies.

Importing copies the file into ``<data dir>/luts`` (``editor.settings.data_dir``), so a
look that names ``my.cube`` keeps working when the original is moved or deleted. A look
names a LUT by that file name, or by a path when it was given one (``moodgrade apply
--lut``). A saved project keeps a copy of its LUT beside it (``<project> LUTs/``), which
goes back into the library when the project is opened where the library lacks it (another
machine, a new user). A LUT that cannot be found raises ``MissingLutError``: the caller
reports it and offers to relink it; nothing renders a missing table as black.

The Filter step feeds its LUT sRGB-encoded values clipped to [0, 1]. A plain 3D table is
used as it is (its domain included); a 1D table or a Resolve shaper + 3D pair is sampled
through the reader's own ``apply_cube`` on a 97^3 grid over [0, 1], so that the GPU and
the numpy reference apply the same single 3D texture.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
from pathlib import Path

import numpy as np

from editor.fileio import atomic_path
from editor.lut import CubeFile, Lut3D, LutError, apply_cube, identity_table, read_cube
from editor.schema import LUT_SUFFIX, FilterChoice, Look, is_user_lut
from editor.settings import data_dir

log = logging.getLogger(__name__)

#: Grid on which a 1D or shaper + 3D file is sampled. A steep shaper (LogC near black)
#: bends inside a grid cell: 65^3 leaves up to 2.07/255 from the file's own reading there,
#: 97^3 1.5/255 (a 15 MB texture, sampled once per file in about 0.3 s).
BAKE_SIZE = 97


class MissingLutError(LutError):
    """A look names a LUT file that is in neither the place it names nor the library."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        where = f"not at {reference} and " if Path(reference).name != reference else ""
        super().__init__(
            f"The LUT {Path(reference).name!r} is missing ({where}not in the LUT library {library_dir()}); "
            "give its .cube file again (Filter \u203a Relink Missing LUT\u2026 in the app, "
            "--lut on the command line)."
        )


def library_dir() -> Path:
    return data_dir() / "luts"


def find(reference: str) -> Path | None:
    """The file a LUT reference means: the path it names, else that name in the library."""
    path = Path(reference).expanduser()
    if path.is_absolute() and path.is_file():
        return path
    in_library = library_dir() / path.name
    return in_library if in_library.is_file() else None


def resolve(reference: str) -> Path:
    found = find(reference)
    if found is None:
        raise MissingLutError(reference)
    return found


def missing(look: Look) -> str | None:
    """The user LUT the look names and that cannot be found, if any."""
    reference = look.user_lut
    return reference if reference is not None and find(reference) is None else None


def anchored(look: Look, folder: str | os.PathLike[str]) -> Look:
    """The look with a relative LUT name that lies in ``folder`` (beside its look file) made absolute."""
    filt = look.filter
    if filt is None or not filt.is_user_lut or Path(filt.name).is_absolute():
        return look
    beside = Path(folder) / filt.name
    if not beside.is_file():
        return look
    return look.with_tool("filter", FilterChoice(str(beside.resolve()), filt.intensity))


def import_lut(source: str | os.PathLike[str], name: str | None = None) -> str:
    """Copy a ``.cube`` file into the library and return the name a look uses for it.

    The file is read first, so a file that is not a LUT raises the reader's ``LutError``.
    ``name`` (relinking a missing LUT) replaces the library's file of that name; otherwise
    a file of the same content is reused and a different one under a taken name gets a
    numbered name.
    """
    source = Path(source)
    read_cube(source)
    data = source.read_bytes()
    folder = library_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if name is None:
        stem = source.stem or "lut"
        for n in range(1, 10_000):
            candidate = f"{stem}{LUT_SUFFIX}" if n == 1 else f"{stem}-{n}{LUT_SUFFIX}"
            target = folder / candidate
            if not target.exists() or _digest(target.read_bytes()) == _digest(data):
                break
        else:
            raise LutError(f"The LUT library {folder} already holds 10000 files named {stem}.")
    else:
        target = folder / Path(name).name
    if not target.exists() or target.read_bytes() != data:
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)
    log.info("imported LUT %s as %s", source, target.name)
    return target.name


def beside(project: str | os.PathLike[str]) -> Path:
    """The folder beside a project file that holds the LUT it uses."""
    project = Path(project)
    return project.with_name(f"{project.stem} LUTs")


def keep_beside(look: Look, project: str | os.PathLike[str]) -> Path | None:
    """Copy the user LUT ``look`` uses into the folder beside ``project``; the copy, if any."""
    found = find(look.user_lut) if look.user_lut is not None else None
    if found is None:
        return None
    target = beside(project) / found.name
    if not target.is_file() or target.read_bytes() != found.read_bytes():
        target.parent.mkdir(exist_ok=True)
        with atomic_path(target) as tmp:
            shutil.copyfile(found, tmp)
    return target


def recover_beside(look: Look, project: str | os.PathLike[str]) -> bool:
    """Put the LUT ``look`` misses back into the library from beside ``project``, if it is there."""
    reference = missing(look)
    if reference is None:
        return False
    copy = beside(project) / Path(reference).name
    if not copy.is_file():
        return False
    import_lut(copy, name=copy.name)
    return True


def library_names() -> list[str]:
    """The LUTs in the library, by name."""
    folder = library_dir()
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and is_user_lut(p.name))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def as_3d(cube: CubeFile) -> Lut3D:
    """The one 3D table that does what ``cube`` does to values in [0, 1]."""
    if cube.shaper is None and cube.lut3d is not None:
        return cube.lut3d
    table = apply_cube(identity_table(BAKE_SIZE), cube)
    return Lut3D(np.ascontiguousarray(table, np.float32), title=cube.title)


@functools.lru_cache(maxsize=16)
def _load(path: str, mtime_ns: int, size: int) -> Lut3D:
    lut = as_3d(read_cube(path))
    lut.table.setflags(write=False)
    return lut


def load(reference: str) -> Lut3D:
    """The 3D table of a user LUT, read once per version of the file (a relinked or edited
    file is read again)."""
    path = resolve(reference)
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)
