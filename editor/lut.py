"""Lookup tables: the in-memory forms, trilinear application (CPU reference) and ``.cube`` files.

A ``Lut3D`` holds ``table`` with shape (N, N, N, 3), float32, indexed
``table[b, g, r]``: the order in which a ``.cube`` file lists its rows (red varies
fastest), and the order in which a GL 3D texture of width N takes them (x = red).
Input values are mapped from ``[domain_min, domain_max]`` onto the grid and clamped at
its edges; output values are stored as they are (they may lie outside [0, 1]).

A ``Lut1D`` holds ``table`` with shape (N, 3), float32: one curve per channel sampled at
N evenly spaced inputs over ``[domain_min, domain_max]``, linearly interpolated.

``.cube`` files follow the Adobe *Cube LUT Specification 1.0* (``TITLE``,
``LUT_1D_SIZE``/``LUT_3D_SIZE``, ``DOMAIN_MIN``/``DOMAIN_MAX``) plus the DaVinci Resolve
variant, which puts a 1D *shaper* and a 3D table in one file (1D rows first) with
``LUT_1D_INPUT_RANGE``/``LUT_3D_INPUT_RANGE``. The tables are unitless: the file says
nothing about the color space, the code that picks a LUT does.
"""

from __future__ import annotations

import logging
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from editor.errors import EditorError
from editor.fileio import atomic_path, read_text

log = logging.getLogger(__name__)

#: Sizes a reader accepts. 65 is the largest 3D size in common use (Resolve, Nuke);
#: 65536 covers a 16-bit 1D curve. Checked before any table is allocated.
LUT_3D_SIZES = range(2, 66)
LUT_1D_SIZES = range(2, 65537)
#: Table values are stored as float32; a larger magnitude would become infinity.
_FLOAT32_MAX = float(np.finfo(np.float32).max)


class LutError(EditorError):
    """A ``.cube`` file that cannot be read."""


def _unit_vector(value: float) -> np.ndarray:
    return np.full(3, value, np.float32)


@dataclass
class Lut3D:
    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3, np.float32))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3, np.float32))
    title: str = ""

    @property
    def size(self) -> int:
        return int(self.table.shape[0])

    @classmethod
    def identity(cls, size: int) -> Lut3D:
        return cls(identity_table(size))


@dataclass
class Lut1D:
    """Three per-channel curves: ``table`` (N, 3) float32 sampled over the domain."""

    table: np.ndarray
    domain_min: np.ndarray = field(default_factory=lambda: np.zeros(3, np.float32))
    domain_max: np.ndarray = field(default_factory=lambda: np.ones(3, np.float32))
    title: str = ""

    @property
    def size(self) -> int:
        return int(self.table.shape[0])


@dataclass
class CubeFile:
    """What one ``.cube`` file holds: a 1D table, a 3D table, or a 1D shaper then a 3D table."""

    title: str = ""
    shaper: Lut1D | None = None
    lut3d: Lut3D | None = None


def identity_table(size: int) -> np.ndarray:
    """The (size, size, size, 3) identity grid, indexed [b, g, r], float32."""
    axis = np.linspace(0.0, 1.0, size, dtype=np.float32)
    b, g, r = np.meshgrid(axis, axis, axis, indexing="ij")
    return np.stack([r, g, b], axis=-1)


def apply_trilinear(rgb: np.ndarray, lut: Lut3D) -> np.ndarray:
    """Apply ``lut`` to an (..., 3) float32 array with trilinear interpolation.

    Inputs are clamped to the domain. The eight corners are gathered from the flat
    [b, g, r] table with ``np.take`` and blended as three lerps (red, green, blue),
    all in float32. Returns float32 (..., 3).
    """
    n = lut.size
    shape = np.shape(rgb)
    dmin = np.asarray(lut.domain_min, np.float32)
    scale = np.float32(n - 1) / (np.asarray(lut.domain_max, np.float32) - dmin)
    pos = np.asarray(rgb, np.float32).reshape(-1, 3) - dmin
    pos *= scale
    np.clip(pos, 0.0, np.float32(n - 1), out=pos)
    base = np.minimum(pos.astype(np.int32), n - 2)
    frac = np.empty((len(pos), 4), np.float32)
    np.subtract(pos, base, out=frac[:, :3])
    index = (base[:, 2] * n + base[:, 1]) * n + base[:, 0]
    # Rows padded to 4 float32 are one complex128 each: a 1-D take gathers a whole
    # RGB(A) entry per index, several times faster than take(axis=0) on (n^3, 3).
    rows = np.zeros((n * n * n, 4), np.float32)
    rows[:, :3] = lut.table.reshape(-1, 3)
    entries = rows.view(np.complex128).ravel()
    fr, fg, fb = frac[:, 0:1], frac[:, 1:2], frac[:, 2:3]

    def corner(offset: int) -> np.ndarray:
        return np.take(entries, index + offset).view(np.float32).reshape(-1, 4)

    def lerp(lo: np.ndarray, hi: np.ndarray, f: np.ndarray) -> np.ndarray:
        hi -= lo
        hi *= f
        hi += lo
        return hi

    def lerp_green(offset: int) -> np.ndarray:
        lo = lerp(corner(offset), corner(offset + 1), fr)
        return lerp(lo, lerp(corner(offset + n), corner(offset + n + 1), fr), fg)

    out = lerp(lerp_green(0), lerp_green(n * n), fb)
    return np.ascontiguousarray(out[:, :3]).reshape(shape)


def apply_1d(rgb: np.ndarray, lut: Lut1D) -> np.ndarray:
    """Apply ``lut`` to an (..., 3) array, each channel through its own curve.

    Inputs are clamped to the domain; between samples the curve is linear. Returns float32.
    """
    rgb = np.asarray(rgb, np.float32)
    out = np.empty(rgb.shape, np.float32)
    for c in range(3):
        xp = np.linspace(float(lut.domain_min[c]), float(lut.domain_max[c]), lut.size)
        out[..., c] = np.interp(rgb[..., c], xp, lut.table[:, c])
    return out


def apply_cube(rgb: np.ndarray, cube: CubeFile) -> np.ndarray:
    """Apply a ``.cube`` file's tables to an (..., 3) float32 array: the shaper, then the 3D table."""
    out = np.asarray(rgb, np.float32)
    if cube.shaper is not None:
        out = apply_1d(out, cube.shaper)
    if cube.lut3d is not None:
        out = apply_trilinear(out, cube.lut3d)
    return out


# -- reading -------------------------------------------------------------------------

_KEYWORD_RE = re.compile(r"^[A-Z][A-Z0-9_]*(\s|$)")
_KNOWN_KEYWORDS = frozenset(
    {
        "TITLE",
        "LUT_1D_SIZE",
        "LUT_3D_SIZE",
        "DOMAIN_MIN",
        "DOMAIN_MAX",
        "LUT_1D_INPUT_RANGE",
        "LUT_3D_INPUT_RANGE",
    }
)


class _CubeParser:
    """One pass over the lines of a ``.cube`` file; errors name the file and the line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.title = ""
        self.size_1d: int | None = None
        self.size_3d: int | None = None
        self.domain_min: np.ndarray | None = None
        self.domain_max: np.ndarray | None = None
        self.range_1d: tuple[float, float] | None = None
        self.range_3d: tuple[float, float] | None = None
        #: Data rows as (line number, text), kept as text until the end so that the
        #: numbers can be converted in one vectorized step.
        self.rows: list[tuple[int, str]] | None = None
        self.expected = 0

    def fail(self, line_no: int, reason: str) -> LutError:
        return LutError(f"{self.name} line {line_no}: {reason}")

    def numbers(self, line_no: int, tokens: list[str], n: int, what: str) -> list[float]:
        if len(tokens) != n:
            raise self.fail(line_no, f"{what} needs {n} numbers, found {len(tokens)}.")
        values = []
        for token in tokens:
            try:
                value = float(token)
            except ValueError:
                raise self.fail(line_no, f"{what} has {token!r}, which is not a number.") from None
            if not math.isfinite(value):
                raise self.fail(line_no, f"{what} has {token!r}, which is not a finite number.")
            if abs(value) > _FLOAT32_MAX:
                raise self.fail(line_no, f"{what} has {token!r}, which is too large for a LUT value.")
            values.append(value)
        return values

    def size(self, line_no: int, tokens: list[str], keyword: str, allowed: range) -> int:
        if len(tokens) != 1 or not re.fullmatch(r"[0-9]{1,9}", tokens[0]):
            found = " ".join(tokens)
            found = found if len(found) <= 20 else found[:19] + "\u2026"
            raise self.fail(line_no, f"{keyword} needs one whole number (digits 0-9), found {found!r}.")
        size = int(tokens[0])
        if size not in allowed:
            raise self.fail(
                line_no, f"{keyword} {size} is out of range; sizes {allowed.start}..{allowed.stop - 1} work."
            )
        return size

    def keyword(self, line_no: int, line: str) -> None:
        word, rest = (line.split(None, 1) + [""])[:2]
        tokens = rest.split()
        if word == "TITLE":
            match = re.fullmatch(r'\s*"(.*)"\s*', rest)
            self.title = match.group(1) if match else rest.strip()
        elif word == "LUT_3D_SIZE":
            self.size_3d = self.size(line_no, tokens, word, LUT_3D_SIZES)
        elif word == "LUT_1D_SIZE":
            self.size_1d = self.size(line_no, tokens, word, LUT_1D_SIZES)
        elif word in ("DOMAIN_MIN", "DOMAIN_MAX"):
            value = np.array(self.numbers(line_no, tokens, 3, word), np.float32)
            if word == "DOMAIN_MIN":
                self.domain_min = value
            else:
                self.domain_max = value
            if self.domain_min is not None and self.domain_max is not None:
                if np.any(self.domain_min >= self.domain_max):
                    raise self.fail(line_no, "DOMAIN_MIN must be below DOMAIN_MAX in every channel.")
        elif word in ("LUT_1D_INPUT_RANGE", "LUT_3D_INPUT_RANGE"):
            low, high = self.numbers(line_no, tokens, 2, word)
            if low >= high:
                raise self.fail(line_no, f"{word} minimum {low:g} must be below its maximum {high:g}.")
            if word == "LUT_1D_INPUT_RANGE":
                self.range_1d = (low, high)
            else:
                self.range_3d = (low, high)
        else:
            log.warning("%s line %d: ignored unknown keyword %s", self.name, line_no, word)

    def row(self, line_no: int, line: str) -> None:
        if self.rows is None:
            if self.size_1d is None and self.size_3d is None:
                raise self.fail(line_no, "table rows begin before LUT_3D_SIZE or LUT_1D_SIZE.")
            # Sizes were range-checked when read, so this is at most 65536 + 65^3 rows.
            self.expected = (self.size_1d or 0) + (self.size_3d or 0) ** 3
            self.rows = []
        if len(self.rows) == self.expected:
            raise self.fail(line_no, f"there are more than the {self.expected} rows the sizes declare.")
        tokens = line.split()
        if len(tokens) != 3:
            self.numbers(line_no, tokens, 3, "a table row")
        self.rows.append((line_no, line))

    def table(self) -> np.ndarray:
        """All rows as an (n, 3) float32 array; the first bad row raises with its line."""
        assert self.rows is not None
        texts = [text for _, text in self.rows]
        try:
            values = np.array(" ".join(texts).split(), dtype=np.float64)
        except ValueError:
            values = None
        if values is None or not np.all(np.abs(values) <= _FLOAT32_MAX):
            # Row by row: names the offending row (or takes a spelling numpy refuses, such as "1_0").
            values = np.array([self.numbers(n, text.split(), 3, "a table row") for n, text in self.rows])
        return values.reshape(-1, 3).astype(np.float32)

    def finish(self, last_line: int) -> CubeFile:
        if self.size_1d is None and self.size_3d is None:
            raise self.fail(last_line, "the file ends without LUT_3D_SIZE or LUT_1D_SIZE.")
        expected = (self.size_1d or 0) + (self.size_3d or 0) ** 3
        rows = self.table() if self.rows else np.empty((0, 3), np.float32)
        if len(rows) != expected:
            raise self.fail(
                last_line, f"the file ends after {len(rows)} of the {expected} rows its sizes declare."
            )
        if self.domain_min is not None and self.domain_max is None:
            self.domain_max = _unit_vector(1.0)
        if self.domain_max is not None and self.domain_min is None:
            self.domain_min = _unit_vector(0.0)
            if np.any(self.domain_min >= self.domain_max):
                raise self.fail(last_line, "DOMAIN_MAX must be above the default DOMAIN_MIN 0 0 0.")
        cube = CubeFile(title=self.title)
        split = self.size_1d or 0
        if self.size_1d is not None:
            dmin, dmax = self.domain(self.range_1d)
            cube.shaper = Lut1D(rows[:split].copy(), dmin, dmax, self.title)
        if self.size_3d is not None:
            n = self.size_3d
            dmin, dmax = self.domain(self.range_3d)
            cube.lut3d = Lut3D(rows[split:].reshape(n, n, n, 3).copy(), dmin, dmax, self.title)
        return cube

    def domain(self, input_range: tuple[float, float] | None) -> tuple[np.ndarray, np.ndarray]:
        if input_range is not None:
            return _unit_vector(input_range[0]), _unit_vector(input_range[1])
        if self.domain_min is not None and self.domain_max is not None:
            return self.domain_min.copy(), self.domain_max.copy()
        return _unit_vector(0.0), _unit_vector(1.0)


def read_cube(path: str | os.PathLike[str]) -> CubeFile:
    """Read a ``.cube`` file (Adobe 1D or 3D, or Resolve 1D shaper + 3D).

    Raises ``LutError`` with the file name, line number and reason for anything that
    does not follow the format. Sizes are checked before a table is allocated.
    """
    path = Path(path)
    lines = read_text(path, "LUT file", LutError).splitlines()
    parser = _CubeParser(path.name)
    for line_no, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        # A quoted title may hold "#"; anywhere else "#" starts a comment.
        line = stripped if stripped.startswith("TITLE") else stripped.split("#", 1)[0].strip()
        if not line:
            continue
        if parser.rows is None and _KEYWORD_RE.match(line) and not _looks_numeric(line):
            parser.keyword(line_no, line)
        elif parser.rows is not None and line[0].isalpha() and line.split()[0] in _KNOWN_KEYWORDS:
            raise parser.fail(line_no, f"keyword {line.split()[0]} comes after the table rows began.")
        else:
            parser.row(line_no, line)
    return parser.finish(len(lines))


def _looks_numeric(line: str) -> bool:
    """A row such as ``nan 0 0`` or ``inf 1 1`` starts with letters but is a (bad) table row."""
    try:
        float(line.split()[0])
    except ValueError:
        return False
    return True


# -- writing -------------------------------------------------------------------------


def format_cube(lut: Lut3D | Lut1D, title: str = "", decimals: int = 6) -> str:
    """The text of a ``.cube`` file holding ``lut``; the same table always gives the same text.

    ``title`` (or, when empty, ``lut.title``) becomes the TITLE line; DOMAIN lines are
    written only when the domain is not [0, 1].
    """
    title = title or lut.title
    if '"' in title or "\n" in title:
        raise LutError(f"A .cube title cannot hold quotes or line breaks: {title!r}.")
    header = []
    if title:
        header.append(f'TITLE "{title}"')
    if isinstance(lut, Lut3D):
        header.append(f"LUT_3D_SIZE {lut.size}")
    else:
        header.append(f"LUT_1D_SIZE {lut.size}")
    dmin = np.asarray(lut.domain_min, np.float32)
    dmax = np.asarray(lut.domain_max, np.float32)
    if np.any(dmin != 0.0) or np.any(dmax != 1.0):
        header.append("DOMAIN_MIN " + " ".join(f"{v:.{decimals}f}" for v in dmin))
        header.append("DOMAIN_MAX " + " ".join(f"{v:.{decimals}f}" for v in dmax))
    # Adding 0.0 turns -0.0 into 0.0, so that tiny negatives do not print as "-0.000000".
    rows = np.round(np.asarray(lut.table, np.float64).reshape(-1, 3), decimals) + 0.0
    fmt = f"{{:.{decimals}f}} {{:.{decimals}f}} {{:.{decimals}f}}"
    body = "\n".join(fmt.format(*row) for row in rows.tolist())
    return "\n".join(header) + "\n" + body + "\n"


def write_cube(path: str | os.PathLike[str], lut: Lut3D | Lut1D, title: str = "", decimals: int = 6) -> None:
    """Write ``lut`` as a ``.cube`` file, atomically (see ``format_cube``)."""
    text = format_cube(lut, title, decimals)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
