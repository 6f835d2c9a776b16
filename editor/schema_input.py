"""Reading untrusted look data: numbers and names checked, values clamped, and the
model's compact per-tool text parsed.

``Look.from_dict`` and ``Look.from_text`` (``editor.schema``) come here; so does the
student's output, one tool at a time (``parse_tool_text``). Unknown names raise
``LookError`` when strict and are dropped with a note otherwise; out-of-range values are
clamped with a note.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from editor.errors import LookError
from editor.schema_params import (
    ADJUST_NAMES,
    ADJUST_SPECS,
    COLOR_RANGES,
    FILTER_INTENSITY,
    LUT_SCHEMA_VERSION,
    NOT_CALLED,
    SCHEMA_VERSION,
    SCHEMA_VERSIONS,
    SELECTIVE_NAMES,
    SELECTIVE_SPECS,
    TOOL_LABELS,
    TOOLS,
    FilterChoice,
    ParamSpec,
    ToolValues,
    is_user_lut,
)


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
            expected = ", ".join(ADJUST_NAMES)
            _reject(f"Unknown Adjust parameter {name!r}; expected one of {expected}.", strict, notes)
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
            expected = ", ".join(COLOR_RANGES)
            _reject(f"Unknown color range {color!r}; expected one of {expected}.", strict, notes)
            continue
        if not isinstance(props, Mapping):
            raise LookError(f"Selective Adjust {color!r} must be an object of property values.")
        out[color] = {}
        for prop, value in props.items():
            spec = SELECTIVE_SPECS.get(prop)
            if spec is None:
                _reject(
                    f"Unknown Selective Adjust property {prop!r}; "
                    f"expected one of {', '.join(SELECTIVE_NAMES)}.",
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
            message = f"Unknown filter {shown(name)}; run 'moodgrade filters' to list the presets."
            _reject(message, strict, notes)
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


def _pairs(
    tokens: list[str], names: set[str], strict: bool, notes: list[str] | None, tool: str
) -> dict[str, str]:
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
        value_follows = i + 1 < len(tokens) and _INT_RE.match(tokens[i + 1])
        if color is not None and tok in SELECTIVE_SPECS and value_follows:
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


def tools_from_dict(
    data: Any,
    *,
    strict: bool = True,
    notes: list[str] | None = None,
    known_filters: Iterable[str] | None = None,
) -> ToolValues:
    """The three tools' values of untrusted look data, for ``Look.from_dict`` (which says how)."""
    if not isinstance(data, Mapping):
        raise LookError("A look must be a JSON object with 'adjust', 'selective_adjust' and/or 'filter'.")
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, (int, float)):
        raise LookError(
            f"The look's schema_version must be the number {SCHEMA_VERSION}, not {shown(version)}."
        )
    if version not in SCHEMA_VERSIONS:
        raise LookError(
            f"Look schema version {shown(version)} is not supported "
            f"(expected {SCHEMA_VERSION} or {LUT_SCHEMA_VERSION})."
        )
    for key in data:
        if key not in TOOLS and key != "schema_version":
            _reject(f"Unknown tool {key!r}; expected one of {', '.join(TOOLS)}.", strict, notes)
    adjust = _adjust_from(data.get("adjust"), strict, notes)
    selective = _selective_from(data.get("selective_adjust"), strict, notes)
    filt = _filter_from(data.get("filter"), strict, notes, known_filters)
    return adjust, selective, filt


def tools_from_text(text: str, **kwargs: Any) -> dict[str, Any]:
    """The tools' values of the multi-line compact form, by tool, for ``Look.from_text``."""
    parts: dict[str, Any] = {}
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        tool, sep, rest = line.partition(":")
        tool = tool.strip()
        if not sep or tool not in TOOLS:
            raise LookError(f"Line {line.strip()!r} does not start with a tool name and a colon.")
        parts[tool] = parse_tool_text(tool, rest, **kwargs)
    return parts
