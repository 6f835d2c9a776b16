"""The three tools' schema, in one place.

Prompts, sliders, shader uniforms, validation and the model's target text are all
derived from the schema's tables; nothing else lists the parameters. This module is its
one entry point: the tables live in ``editor.schema_params``, the reading of untrusted
data in ``editor.schema_input``, and both are re-exported here beside ``Look``.

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
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from editor.errors import LookError
from editor.schema_input import (
    as_int,
    filter_names,
    lut_reference,
    parse_tool_text,
    shown,
    tools_from_dict,
    tools_from_text,
)
from editor.schema_params import (
    ADJUST_NAMES,
    ADJUST_PARAMS,
    ADJUST_SPECS,
    COLOR_RANGE_SPECS,
    COLOR_RANGE_TABLE,
    COLOR_RANGES,
    FILTER_INTENSITY,
    FILTER_INTENSITY_KEY,
    FILTER_NAME_KEY,
    LUT_SCHEMA_VERSION,
    LUT_SUFFIX,
    NOT_CALLED,
    PARAM_KEYS,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
    SELECTIVE_NAMES,
    SELECTIVE_PARAMS,
    SELECTIVE_SPECS,
    TOOL_LABELS,
    TOOLS,
    ColorRange,
    FilterChoice,
    ParamKey,
    ParamSpec,
    is_user_lut,
)

# The schema's API, in one import: the tables (editor.schema_params), the readers of
# untrusted data (editor.schema_input), and the look with its explanation (here).
__all__ = [
    "ADJUST_NAMES",
    "ADJUST_PARAMS",
    "ADJUST_SPECS",
    "COLOR_RANGES",
    "COLOR_RANGE_SPECS",
    "COLOR_RANGE_TABLE",
    "FILTER_INTENSITY",
    "FILTER_INTENSITY_KEY",
    "FILTER_NAME_KEY",
    "LUT_SCHEMA_VERSION",
    "LUT_SUFFIX",
    "NOT_CALLED",
    "PARAM_KEYS",
    "SCHEMA_VERSION",
    "SCHEMA_VERSIONS",
    "SELECTIVE_NAMES",
    "SELECTIVE_PARAMS",
    "SELECTIVE_SPECS",
    "TOOLS",
    "TOOL_LABELS",
    "ColorRange",
    "FilterChoice",
    "Look",
    "ParamKey",
    "ParamSpec",
    "as_int",
    "describe",
    "filter_names",
    "is_user_lut",
    "lut_reference",
    "parse_tool_text",
    "shown",
]

#: How a .cube file starts (its keywords, after any comment lines), told apart from JSON.
_CUBE_START = re.compile(r"^\s*(#[^\n]*\n\s*)*(TITLE|LUT_[13]D_SIZE|DOMAIN_M)")


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
        return cls(*tools_from_dict(data, strict=strict, notes=notes, known_filters=known_filters))

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
                f"{path} is a .cube LUT, not a look; "
                "a look is the JSON that 'moodgrade suggest' or the app saves."
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
        return cls(**tools_from_text(text, **kwargs))


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
    if look.filter is not None and look.filter.is_user_lut:
        lines.append(f"Filter: your LUT {Path(look.filter.name).name} at {look.filter.intensity}% intensity.")
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

