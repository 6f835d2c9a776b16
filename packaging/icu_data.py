"""ICU's data library cut to what Qt reads, for the Linux bundle (`moodgrade.spec` runs it).

PySide6's Qt links ICU, and `libicudata.so.73` (32 MB, the bundle's largest file after
CTranslate2's library) holds all of ICU's data: one "common data" package in one symbol.
Qt calls ICU for four things only (the ICU symbols `libQt6Core` imports, the one Qt library
that imports any): collation (`ucol_*`: QCollator, with which the file dialogs sort names),
text encodings other than UTF and Latin-1 (`ucnv_*`: QStringConverter), time-zone display
names (`ucal_*`: QTimeZone::displayName) and case mapping (`u_strToUpper`/`u_strToLower`,
whose tables are in `libicuuc`, not in the data). So the package keeps the collation tree,
the converters, the time-zone names, the locales' own bundles (a time-zone name takes its
digits from them) and ICU's core, and leaves out the trees only ICU's other services read:
the display names of languages, regions, currencies and units, spelled-out numbers, break
iterators and transliterators (15 MB). `tests/test_packaging.py` makes those Qt calls with
both libraries and compares.

The library is rebuilt with binutils (`as`, `ld`); the spec already needs its `readelf` and
`strip`.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

#: Trees of the package no Qt call reads.
DROPPED_TREES = ("brkitr/", "curr/", "lang/", "rbnf/", "region/", "translit/", "unit/")
#: Items start at multiples of 16 and the gap before the first is filled with this byte,
#: as ICU's pkgdata writes a package.
_ALIGN = 16
_PAD = b"\xaa"


def kept(item: str) -> bool:
    """Whether the package item ``item`` ("icudt73l/coll/de.res") stays."""
    return not item.split("/", 1)[1].startswith(DROPPED_TREES)


def read_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of a little-endian ICU common data package;
    each item's bytes run to the next item's start, its padding included."""
    header_size = struct.unpack_from("<H", package)[0]
    if package[2:4] != b"\xda\x27" or package[8] != 0 or package[12:16] != b"CmnD":
        raise ValueError("not a little-endian ICU common data package")
    count = struct.unpack_from("<I", package, header_size)[0]
    toc = struct.unpack_from(f"<{2 * count}I", package, header_size + 4)
    names = [
        package[header_size + at : package.index(b"\0", header_size + at)].decode("ascii")
        for at in toc[0::2]
    ]
    starts = [header_size + at for at in toc[1::2]] + [len(package)]
    return package[:header_size], [
        (name, package[start:end]) for name, start, end in zip(names, starts[:-1], starts[1:], strict=True)
    ]


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package of ``items`` (sorted by name, as ICU looks them up) under ``header``."""
    names = [name.encode("ascii") + b"\0" for name, _ in items]
    name_at = 4 + 8 * len(items)
    data_at = -(-(name_at + sum(map(len, names))) // _ALIGN) * _ALIGN
    toc = []
    for name, (_, data) in zip(names, items, strict=True):
        toc += [name_at, data_at]
        name_at += len(name)
        data_at += len(data)
    table = struct.pack(f"<I{len(toc)}I", len(items), *toc) + b"".join(names)
    gap = -len(table) % _ALIGN
    return header + table + _PAD * gap + b"".join(data for _, data in items)


def _readelf(flag: str, lib: Path) -> str:
    done = subprocess.run(["readelf", flag, "-W", str(lib)], capture_output=True, text=True, check=True)
    return done.stdout


def read_library(lib: Path) -> tuple[str, str, bytes]:
    """The soname, the data symbol ("icudt73_dat") and the package of an ICU data library."""
    soname = re.search(r"\(SONAME\)\s+Library soname: \[(.+)\]", _readelf("-d", lib))
    symbol = re.search(
        r"\s([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+OBJECT\s+GLOBAL\s+\S+\s+\d+\s+(icudt\d+_dat)$",
        _readelf("--dyn-syms", lib),
        re.M,
    )
    if soname is None or symbol is None:
        raise ValueError(f"{lib} is not an ICU data library")
    address, size = int(symbol[1], 16), int(symbol[2], 0)
    for line in _readelf("-l", lib).splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, vaddr, filesize = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if vaddr <= address and address + size <= vaddr + filesize:
                start = offset + address - vaddr
                return soname[1], symbol[3], lib.read_bytes()[start : start + size]
    raise ValueError(f"{lib}: {symbol[3]} lies in no loaded segment")


def write_library(out: Path, soname: str, symbol: str, package: bytes) -> None:
    """A shared library named ``soname`` that exports ``package`` as ``symbol``, as ICU's
    own data library does."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "package.dat").write_bytes(package)
        Path(tmp, "data.s").write_text(
            "\t.section .rodata\n"
            f"\t.balign {_ALIGN}\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"{symbol}:\n"
            '\t.incbin "package.dat"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack, "", @progbits\n'
        )
        subprocess.run(["as", "-o", "data.o", "data.s"], cwd=tmp, check=True)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out.resolve()), "data.o"],
            cwd=tmp,
            check=True,
        )


def trim(lib: Path, out: Path) -> None:
    """Write to ``out`` the ICU data library ``lib`` with only the items ``kept`` names."""
    soname, symbol, package = read_library(lib)
    header, items = read_items(package)
    write_library(out, soname, symbol, write_items(header, [item for item in items if kept(item[0])]))
