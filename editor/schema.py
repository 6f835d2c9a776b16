"""The three tools' schema, in one place.

Prompts, sliders, shader uniforms, validation and the model's target text are all
derived from the tables here; nothing else lists the parameters.

A *look* is any subset of the three tools:

- **Adjust**: global tone and color parameters, integers in -100..100, 0 = neutral.
- **Selective Adjust**: per color range (red .. blue), saturation, luminance and hue,
  integers in -100..100, 0 = neutral.
- **Filter**: a named preset look (a 3D LUT from the filter library), or the user's own
  ``.cube`` file, and an intensity 0..100.

A tool whose parameters are all neutral does nothing, so it counts as *not called*:
``Look`` normalizes such a tool to ``None``. That keeps "was the tool called" (tool
selection in the offline metrics) and "does the tool change the picture" the same
question.

JSON form (``Look.to_dict``)::

    {"schema_version": 1,
     "adjust": {"contrast": 10, "temperature": 30, ...},
     "selective_adjust": {"orange": {"saturation": 30, "luminance": 20, "hue": 0}, ...},
     "filter": {"name": "faded_HighNoon", "intensity": 40}}

A user's LUT is a filter that names its file instead of a preset:
``{"filter": {"lut": "my.cube", "intensity": 60}}``; a bare file name is looked up in the
user's LUT library (``editor.user_luts``). Such a look is written with schema_version 2;
every other look keeps version 1, so that older versions still read it.

A tool that is not called is absent (or ``null``). Compact text form, one line per
tool, only non-neutral values, ``none`` for a tool not called (``Look.to_text``)::

    adjust: contrast 10 temperature 30
    selective_adjust: orange saturation 30 luminance 20 yellow saturation 40
    filter: faded_HighNoon 40
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from editor.errors import LookError

log = logging.getLogger(__name__)

#: The version of a look without a user LUT; looks that name one need LUT_SCHEMA_VERSION.
SCHEMA_VERSION = 1
LUT_SCHEMA_VERSION = 2
SCHEMA_VERSIONS = (SCHEMA_VERSION, LUT_SCHEMA_VERSION)
#: A user LUT's file name ends so; preset names (``family_Name``) never hold a dot.
LUT_SUFFIX = ".cube"

#: The word the model writes for a tool the look does not need.
NOT_CALLED = "none"


@dataclass(frozen=True)
class ParamSpec:
    """One integer parameter: its range, neutral value and the words that describe it."""

    name: str
    label: str
    raise_words: str
    lower_words: str
    minimum: int = -100
    maximum: int = 100
    default: int = 0

    def clamp(self, value: int) -> int:
        return max(self.minimum, min(self.maximum, value))


ADJUST_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("exposure", "Exposure", "brighter overall exposure", "darker overall exposure"),
    ParamSpec("contrast", "Contrast", "more contrast", "less contrast"),
    ParamSpec("brightness", "Brightness", "brighter midtones", "darker midtones"),
    ParamSpec("highlights", "Highlights", "brighter highlights", "recovered highlights"),
    ParamSpec("shadows", "Shadows", "lifted shadows", "deeper shadows"),
    ParamSpec("saturation", "Saturation", "more saturated colors", "muted colors"),
    ParamSpec("vibrance", "Vibrance", "richer muted colors", "softer muted colors"),
    ParamSpec("temperature", "Temperature", "warmer", "cooler"),
    ParamSpec("tint", "Tint", "more magenta", "more green"),
    ParamSpec(
        "hue", "Hue", "every hue rotated, reds toward yellow", "every hue rotated, reds toward magenta"
    ),
    ParamSpec("bloom", "Bloom", "a glow around bright areas", "less glow"),
    ParamSpec("sharpen", "Sharpen", "crisper detail", "softer detail"),
    ParamSpec("structure", "Structure", "more local contrast", "smoother local contrast"),
    ParamSpec("linearOffset", "Black Level", "lifted, faded blacks", "crushed blacks"),
)
ADJUST_NAMES: tuple[str, ...] = tuple(p.name for p in ADJUST_PARAMS)
ADJUST_SPECS: dict[str, ParamSpec] = {p.name: p for p in ADJUST_PARAMS}



@dataclass(frozen=True)
class ColorRange:
    """One Selective Adjust color range: everything the code knows about it."""

    name: str
    #: HSV hue of the range's center in degrees; ranges are in increasing hue.
    hue: float
    #: The color of its button in the app.
    swatch: str


COLOR_RANGE_TABLE: tuple[ColorRange, ...] = (
    ColorRange("red", 0.0, "#e5484d"),
    ColorRange("orange", 30.0, "#f08c2e"),
    ColorRange("yellow", 60.0, "#e9c530"),
    ColorRange("green", 120.0, "#46a758"),
    ColorRange("cyan", 180.0, "#3cb7c8"),
    ColorRange("blue", 240.0, "#3e63dd"),
)
COLOR_RANGES: tuple[str, ...] = tuple(r.name for r in COLOR_RANGE_TABLE)
COLOR_RANGE_SPECS: dict[str, ColorRange] = {r.name: r for r in COLOR_RANGE_TABLE}

SELECTIVE_PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec("saturation", "Saturation", "more saturated", "less saturated"),
    ParamSpec("luminance", "Luminance", "brighter", "darker"),
    ParamSpec("hue", "Hue", "turned toward the next color (orange toward yellow)",
              "turned toward the previous color (orange toward red)"),
)
SELECTIVE_NAMES: tuple[str, ...] = tuple(p.name for p in SELECTIVE_PARAMS)
SELECTIVE_SPECS: dict[str, ParamSpec] = {p.name: p for p in SELECTIVE_PARAMS}

FILTER_INTENSITY = ParamSpec(
    "intensity", "Intensity", "stronger", "weaker", minimum=0, maximum=100, default=100
)

TOOLS: tuple[str, ...] = ("adjust", "selective_adjust", "filter")
TOOL_LABELS: dict[str, str] = {
    "adjust": "Adjust",
    "selective_adjust": "Selective Adjust",
    "filter": "Filter",
}



class ParamKey(str):
    """The address of one editable value: its tool, its name and, in Selective Adjust, its
    color range.

    A key is its own dotted text (``adjust.contrast``, ``selective_adjust.red.hue``,
    ``filter.name``, ``filter.intensity``), the form project files and Qt signals carry,
    so a plain string compares and hashes equal to it. ``ParamKey(tool, name, color)`` is
    the one constructor and ``ParamKey.parse(text)`` the one parser; ``PARAM_KEYS`` holds
    every key in schema order.
    """

    tool: str
    name: str
    color: str | None

    def __new__(cls, tool: str, name: str, color: str | None = None) -> ParamKey:
        key = super().__new__(cls, ".".join((tool, name) if color is None else (tool, color, name)))
        tool_names = {"adjust": ADJUST_NAMES, "selective_adjust": SELECTIVE_NAMES, "filter": _FILTER_VALUES}
        names = tool_names.get(tool, ())
        colors = COLOR_RANGES if tool == "selective_adjust" else (None,)
        if name not in names or color not in colors:
            raise LookError(f"Unknown parameter {str(key)!r}.")
        key.tool, key.name, key.color = tool, name, color
        return key

    def __getnewargs__(self) -> tuple[str, str, str | None]:  # type: ignore[override]
        # copy and pickle rebuild a key from its parts, not from its text.
        return self.tool, self.name, self.color

    @classmethod
    def parse(cls, text: str) -> ParamKey:
        """The key ``text`` names; ``LookError`` when it names none."""
        key = _KEYS_BY_TEXT.get(text)
        if key is None:
            raise LookError(f"Unknown parameter {text!r}.")
        return key

    @property
    def spec(self) -> ParamSpec | None:
        """The value's integer spec; ``None`` for the filter name, which is text."""
        if self.tool == "adjust":
            return ADJUST_SPECS[self.name]
        if self.tool == "selective_adjust":
            return SELECTIVE_SPECS[self.name]
        return FILTER_INTENSITY if self.name == FILTER_INTENSITY.name else None


#: The Filter's two values: which filter (a name, or nothing) and its intensity.
_FILTER_VALUES = ("name", FILTER_INTENSITY.name)
FILTER_NAME_KEY = ParamKey("filter", "name")
FILTER_INTENSITY_KEY = ParamKey("filter", FILTER_INTENSITY.name)
PARAM_KEYS: tuple[ParamKey, ...] = (
    *(ParamKey("adjust", name) for name in ADJUST_NAMES),
    *(ParamKey("selective_adjust", prop, color) for color in COLOR_RANGES for prop in SELECTIVE_NAMES),
    FILTER_NAME_KEY,
    FILTER_INTENSITY_KEY,
)
_KEYS_BY_TEXT: dict[str, ParamKey] = {key: key for key in PARAM_KEYS}

_FILTER_NAME_RE = re.compile(r"^[a-z]+_[A-Za-z0-9]+$")
#: How a .cube file starts (its keywords, after any comment lines), told apart from JSON.
_CUBE_START = re.compile(r"^\s*(#[^\n]*\n\s*)*(TITLE|LUT_[13]D_SIZE|DOMAIN_M)")


def is_user_lut(name: str) -> bool:
    """Whether a filter name is a user's ``.cube`` file rather than a preset."""
    return name.lower().endswith(LUT_SUFFIX)


@dataclass(frozen=True)
class FilterChoice:
    """A filter and how strongly it is blended in (0..100).

    ``name`` is a preset of the filter library or, ending in ``.cube``, a user's LUT file
    (a name in the LUT library or a path): one string, so that the project's overrides
    and the gallery handle both alike.
    """

    name: str
    intensity: int = FILTER_INTENSITY.default

    @property
    def is_user_lut(self) -> bool:
        return is_user_lut(self.name)


def shown(value: Any, limit: int = 40) -> str:
    """``repr(value)`` short enough for a one-line message."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**limit else "a huge number"
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def as_int(value: Any, where: str) -> int:
    """Accept ints and finite numbers (rounded); reject anything else with the reason."""
    if isinstance(value, bool):
        raise LookError(f"{where} must be a number, not {shown(value)}.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise LookError(f"{where} must be a finite number, not {shown(value)}.")
        return int(round(value))
    if isinstance(value, str):
        try:
            return as_int(float(value.strip()), where)
        except ValueError:
            pass
    raise LookError(f"{where} must be a number, not {shown(value)}.")


def _clamped(spec: ParamSpec, value: int, where: str, notes: list[str] | None) -> int:
    clamped = spec.clamp(value)
    if clamped != value and notes is not None:
        notes.append(f"{where} {shown(value)} is outside {spec.minimum}..{spec.maximum}; used {clamped}.")
    return clamped


def filter_names() -> tuple[str, ...]:
    """Names of the filter presets in the bundled library."""
    from editor.filters import preset_names

    return preset_names()


@dataclass(frozen=True)
class Look:
    """A color grade: the calls of the three tools (``None`` = tool not called).

    ``adjust`` maps every Adjust parameter name to its value; ``selective_adjust`` maps
    every color range to ``{saturation, luminance, hue}``. Missing entries are filled
    with the neutral value, and a tool with only neutral values becomes ``None``.
    Construction checks names but does not clamp; use ``Look.from_dict`` or the text
    parsers for untrusted input.
    """

    adjust: Mapping[str, int] | None = None
    selective_adjust: Mapping[str, Mapping[str, int]] | None = None
    filter: FilterChoice | None = None

    def __post_init__(self) -> None:
        if self.adjust is not None:
            unknown = set(self.adjust) - set(ADJUST_NAMES)
            if unknown:
                raise LookError(f"Unknown Adjust parameter {sorted(unknown)[0]!r}.")
            full = {n: int(self.adjust.get(n, 0)) for n in ADJUST_NAMES}
            object.__setattr__(self, "adjust", full if any(full.values()) else None)
        if self.selective_adjust is not None:
            unknown = set(self.selective_adjust) - set(COLOR_RANGES)
            if unknown:
                raise LookError(f"Unknown color range {sorted(unknown)[0]!r}.")
            full_sel: dict[str, dict[str, int]] = {}
            for color in COLOR_RANGES:
                props = self.selective_adjust.get(color, {})
                bad = set(props) - set(SELECTIVE_NAMES)
                if bad:
                    raise LookError(f"Unknown Selective Adjust property {sorted(bad)[0]!r}.")
                full_sel[color] = {p: int(props.get(p, 0)) for p in SELECTIVE_NAMES}
            any_set = any(v for props in full_sel.values() for v in props.values())
            object.__setattr__(self, "selective_adjust", full_sel if any_set else None)
        if self.filter is not None and self.filter.intensity == 0:
            object.__setattr__(self, "filter", None)

    # -- queries -----------------------------------------------------------------

    def called(self, tool: str) -> bool:
        return getattr(self, tool) is not None

    @property
    def tools_called(self) -> tuple[str, ...]:
        return tuple(t for t in TOOLS if self.called(t))

    @property
    def is_neutral(self) -> bool:
        return not self.tools_called

    def adjust_value(self, name: str) -> int:
        return self.adjust[name] if self.adjust is not None else 0

    def selective_value(self, color: str, prop: str) -> int:
        return self.selective_adjust[color][prop] if self.selective_adjust is not None else 0

    # -- edits -------------------------------------------------------------------

    def with_tool(self, tool: str, value: Any) -> Look:
        """A copy with one tool replaced (``None`` removes it)."""
        if tool not in TOOLS:
            raise LookError(f"Unknown tool {tool!r}.")
        parts = {t: getattr(self, t) for t in TOOLS}
        parts[tool] = value
        return Look(**parts)

    def scaled(self, strength: float) -> Look:
        """The look at ``strength`` (0..1+): every value and the filter intensity scaled.

        Used by the overall strength slider; results are rounded and clamped.
        """
        adjust = None
        if self.adjust is not None:
            adjust = {n: ADJUST_SPECS[n].clamp(round(v * strength)) for n, v in self.adjust.items()}
        selective = None
        if self.selective_adjust is not None:
            selective = {
                c: {p: SELECTIVE_SPECS[p].clamp(round(v * strength)) for p, v in props.items()}
                for c, props in self.selective_adjust.items()
            }
        filt = None
        if self.filter is not None:
            intensity = FILTER_INTENSITY.clamp(round(self.filter.intensity * strength))
            filt = FilterChoice(self.filter.name, intensity)
        return Look(adjust, selective, filt)

    @property
    def user_lut(self) -> str | None:
        """The user LUT the look's filter names, if it names one."""
        return self.filter.name if self.filter is not None and self.filter.is_user_lut else None

    # -- vectors for metrics -----------------------------------------------------

    def adjust_vector(self) -> np.ndarray:
        """Adjust values in schema order (zeros when not called), float64, shape (14,)."""
        return np.array([self.adjust_value(n) for n in ADJUST_NAMES], dtype=np.float64)

    def selective_vector(self) -> np.ndarray:
        """Selective Adjust values flattened range-major, float64, shape (18,)."""
        return np.array(
            [self.selective_value(c, p) for c in COLOR_RANGES for p in SELECTIVE_NAMES],
            dtype=np.float64,
        )

    # -- JSON --------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        version = LUT_SCHEMA_VERSION if self.user_lut else SCHEMA_VERSION
        data: dict[str, Any] = {"schema_version": version}
        if self.adjust is not None:
            data["adjust"] = dict(self.adjust)
        if self.selective_adjust is not None:
            data["selective_adjust"] = {c: dict(p) for c, p in self.selective_adjust.items()}
        if self.filter is not None:
            key = "lut" if self.filter.is_user_lut else "name"
            data["filter"] = {key: self.filter.name, "intensity": self.filter.intensity}
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(
        cls,
        data: Any,
        *,
        strict: bool = True,
        notes: list[str] | None = None,
        known_filters: Iterable[str] | None = None,
    ) -> Look:
        """Validate untrusted look data.

        Out-of-range values are clamped (a note is appended to ``notes``). Unknown tool,
        parameter, color or filter names raise ``LookError`` with the reason when
        ``strict``; otherwise they are dropped with a note. ``known_filters`` defaults
        to the bundled filter library.
        """
        if not isinstance(data, Mapping):
            raise LookError("A look must be a JSON object with 'adjust', 'selective_adjust' and/or 'filter'.")
        version = data.get("schema_version", SCHEMA_VERSION)
        if isinstance(version, bool) or not isinstance(version, (int, float)):
            raise LookError(f"The look's schema_version must be the number {SCHEMA_VERSION}, not {shown(version)}.")
        if version not in SCHEMA_VERSIONS:
            raise LookError(
                f"Look schema version {shown(version)} is not supported (expected {SCHEMA_VERSION} or {LUT_SCHEMA_VERSION})."
            )
        for key in data:
            if key not in TOOLS and key != "schema_version":
                _reject(f"Unknown tool {key!r}; expected one of {', '.join(TOOLS)}.", strict, notes)
        adjust = _adjust_from(data.get("adjust"), strict, notes)
        selective = _selective_from(data.get("selective_adjust"), strict, notes)
        filt = _filter_from(data.get("filter"), strict, notes, known_filters)
        return cls(adjust, selective, filt)

    @classmethod
    def from_json(cls, text: str, **kwargs: Any) -> Look:
        from editor.fileio import JSON_ERRORS, json_reason

        try:
            data = json.loads(text)
        except JSON_ERRORS as exc:
            raise LookError(f"The look is not valid JSON ({json_reason(exc)}).") from exc
        return cls.from_dict(data, **kwargs)

    @classmethod
    def load(cls, path: str | os.PathLike[str], **kwargs: Any) -> Look:
        from editor.fileio import read_text

        path = Path(path)
        text = read_text(path, "Look file", LookError)
        if _CUBE_START.match(text):
            raise LookError(
                f"{path} is a .cube LUT, not a look; a look is the JSON that 'moodgrade suggest' or the app saves."
            )
        return cls.from_json(text, **kwargs)

    def save(self, path: str | os.PathLike[str]) -> None:
        from editor.fileio import write_text_atomic

        write_text_atomic(path, self.to_json() + "\n")

    # -- compact text ------------------------------------------------------------

    def tool_text(self, tool: str) -> str:
        """The compact text of one tool: only non-neutral values, or ``none``."""
        if tool == "adjust":
            if self.adjust is None:
                return NOT_CALLED
            return " ".join(f"{n} {v}" for n, v in self.adjust.items() if v != 0)
        if tool == "selective_adjust":
            if self.selective_adjust is None:
                return NOT_CALLED
            parts = []
            for color, props in self.selective_adjust.items():
                values = [f"{p} {v}" for p, v in props.items() if v != 0]
                if values:
                    parts.append(" ".join([color, *values]))
            return " ".join(parts)
        if tool == "filter":
            if self.filter is None:
                return NOT_CALLED
            return f"{self.filter.name} {self.filter.intensity}"
        raise LookError(f"Unknown tool {tool!r}.")

    def to_text(self) -> str:
        return "\n".join(f"{tool}: {self.tool_text(tool)}" for tool in TOOLS)

    @classmethod
    def from_text(cls, text: str, **kwargs: Any) -> Look:
        """Parse the multi-line compact form (``tool: values`` per line)."""
        parts: dict[str, Any] = {}
        for line in text.strip().splitlines():
            if not line.strip():
                continue
            tool, sep, rest = line.partition(":")
            tool = tool.strip()
            if not sep or tool not in TOOLS:
                raise LookError(f"Line {line.strip()!r} does not start with a tool name and a colon.")
            parts[tool] = parse_tool_text(tool, rest, **kwargs)
        return cls(**parts)


def _reject(message: str, strict: bool, notes: list[str] | None) -> None:
    if strict:
        raise LookError(message)
    if notes is not None:
        notes.append(message)


def _adjust_from(raw: Any, strict: bool, notes: list[str] | None) -> dict[str, int] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise LookError("'adjust' must be an object of parameter values.")
    out: dict[str, int] = {}
    for name, value in raw.items():
        spec = ADJUST_SPECS.get(name)
        if spec is None:
            _reject(f"Unknown Adjust parameter {name!r}; expected one of {', '.join(ADJUST_NAMES)}.", strict, notes)
            continue
        out[name] = _clamped(spec, as_int(value, f"Adjust {name}"), f"Adjust {name}", notes)
    return out


def _selective_from(raw: Any, strict: bool, notes: list[str] | None) -> dict[str, dict[str, int]] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise LookError("'selective_adjust' must be an object keyed by color range.")
    out: dict[str, dict[str, int]] = {}
    for color, props in raw.items():
        if color not in COLOR_RANGES:
            _reject(f"Unknown color range {color!r}; expected one of {', '.join(COLOR_RANGES)}.", strict, notes)
            continue
        if not isinstance(props, Mapping):
            raise LookError(f"Selective Adjust {color!r} must be an object of property values.")
        out[color] = {}
        for prop, value in props.items():
            spec = SELECTIVE_SPECS.get(prop)
            if spec is None:
                _reject(
                    f"Unknown Selective Adjust property {prop!r}; expected one of {', '.join(SELECTIVE_NAMES)}.",
                    strict,
                    notes,
                )
                continue
            where = f"Selective Adjust {color} {prop}"
            out[color][prop] = _clamped(spec, as_int(value, where), where, notes)
    return out


def _filter_from(
    raw: Any, strict: bool, notes: list[str] | None, known: Iterable[str] | None
) -> FilterChoice | None:
    if raw is None:
        return None
    if isinstance(raw, Mapping) and "lut" in raw and "name" not in raw:
        name = lut_reference(raw["lut"])
    elif not isinstance(raw, Mapping) or "name" not in raw or "lut" in raw:
        raise LookError("'filter' must be an object with a 'name' (or a 'lut' file) and an 'intensity'.")
    else:
        name = raw["name"]
        names = tuple(known) if known is not None else filter_names()
        if not isinstance(name, str) or name not in names:
            _reject(f"Unknown filter {shown(name)}; run 'moodgrade filters' to list the presets.", strict, notes)
            return None
    intensity = as_int(raw.get("intensity", FILTER_INTENSITY.default), "Filter intensity")
    return FilterChoice(name, _clamped(FILTER_INTENSITY, intensity, "Filter intensity", notes))


def lut_reference(value: Any) -> str:
    """A user LUT's file name or path from untrusted data; whether it exists is asked when it is used."""
    if not isinstance(value, str) or not is_user_lut(value.strip()) or "\0" in value or len(value) > 4096:
        raise LookError(f"A filter's 'lut' must name a .cube file, not {shown(value)}.")
    return value.strip()


_INT_RE = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_tool_text(
    tool: str,
    text: str,
    *,
    strict: bool = False,
    notes: list[str] | None = None,
    known_filters: Iterable[str] | None = None,
) -> Any:
    """Parse one tool's compact text into that tool's value for ``Look`` (or ``None``).

    Lenient by default, as it reads model output: unknown names and dangling tokens
    are dropped with a note and values are clamped. Raises ``LookError`` only when
    nothing usable can be read (the caller then treats the tool as not called).
    """
    tokens = text.split()
    if not tokens:
        raise LookError(f"The {TOOL_LABELS.get(tool, tool)} output is empty.")
    if tokens == [NOT_CALLED]:
        return None
    if tool == "adjust":
        return _adjust_from(_pairs(tokens, set(ADJUST_NAMES), strict, notes, tool), strict, notes)
    if tool == "selective_adjust":
        return _selective_tokens(tokens, strict, notes)
    if tool == "filter":
        if len(tokens) > 2 or (len(tokens) == 2 and not _INT_RE.match(tokens[1])):
            raise LookError(f"The Filter output {text.strip()!r} is not 'name intensity'.")
        raw = {"name": tokens[0]}
        if len(tokens) == 2:
            raw["intensity"] = tokens[1]
        filt = _filter_from(raw, strict, notes, known_filters)
        if filt is None:
            raise LookError(f"The Filter output names no known preset ({tokens[0]!r}).")
        return filt
    raise LookError(f"Unknown tool {tool!r}.")


def _pairs(tokens: list[str], names: set[str], strict: bool, notes: list[str] | None, tool: str) -> dict[str, str]:
    out: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        name = tokens[i]
        if name in names and i + 1 < len(tokens) and _INT_RE.match(tokens[i + 1]):
            out[name] = tokens[i + 1]
            i += 2
            continue
        _reject(f"Dropped {name!r} from the {TOOL_LABELS[tool]} output.", strict, notes)
        i += 1
    if not out:
        raise LookError(f"The {TOOL_LABELS[tool]} output has no 'name value' pairs.")
    return out


def _selective_tokens(tokens: list[str], strict: bool, notes: list[str] | None) -> dict[str, dict[str, int]]:
    raw: dict[str, dict[str, str]] = {}
    color: str | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in COLOR_RANGES:
            color = tok
            raw.setdefault(color, {})
            i += 1
            continue
        if color is not None and tok in SELECTIVE_SPECS and i + 1 < len(tokens) and _INT_RE.match(tokens[i + 1]):
            raw[color][tok] = tokens[i + 1]
            i += 2
            continue
        _reject(f"Dropped {tok!r} from the Selective Adjust output.", strict, notes)
        if not _INT_RE.match(tok):
            # An unknown word in a color's place (say "purple"): the values after it
            # belong to that unknown range, not to the previous color.
            color = None
        i += 1
    if not any(raw.values()):
        raise LookError("The Selective Adjust output has no 'color property value' entries.")
    return _selective_from(raw, strict, notes) or {}


def describe(look: Look) -> list[str]:
    """One plain sentence per called tool, saying what it does to the picture."""
    lines = []
    if look.adjust is not None:
        changes = sorted(((abs(v), n, v) for n, v in look.adjust.items() if v), reverse=True)
        words = [
            f"{ADJUST_SPECS[n].raise_words if v > 0 else ADJUST_SPECS[n].lower_words} "
            f"({ADJUST_SPECS[n].label.lower()} {v:+d})"
            for _, n, v in changes[:4]
        ]
        lines.append(f"Adjust: {_join(words)}.")
    if look.selective_adjust is not None:
        words = []
        for color, props in look.selective_adjust.items():
            effects = [_selective_words(color, p, v) for p, v in props.items() if v]
            if effects:
                words.append(f"{color}s {_join(effects)}")
        lines.append(f"Selective Adjust: {_join(words[:4])}.")
    if look.user_lut is not None:
        lines.append(f"Filter: your LUT {Path(look.user_lut).name} at {look.filter.intensity}% intensity.")
    elif look.filter is not None:
        from editor.filters import preset_description, preset_label

        lines.append(
            f"Filter: {preset_label(look.filter.name)} ({preset_description(look.filter.name)}) "
            f"at {look.filter.intensity}% intensity."
        )
    return lines


def _selective_words(color: str, prop: str, value: int) -> str:
    """A range's change in plain words; a hue shift names the color it moves toward."""
    if prop != "hue":
        spec = SELECTIVE_SPECS[prop]
        return spec.raise_words if value > 0 else spec.lower_words
    # Positive turns a range toward the next one on the wheel; past either end of the
    # six ranges the wheel closes through magenta.
    i = COLOR_RANGES.index(color) + (1 if value > 0 else -1)
    return f"shifted toward {COLOR_RANGES[i] if 0 <= i < len(COLOR_RANGES) else 'magenta'}"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]

