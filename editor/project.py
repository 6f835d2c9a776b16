"""A project: one source file and the edits made to it (Qt-free).

The look shown and exported is composed from three parts, so that the AI's work and
the user's stay distinguishable:

- ``ai_look``: what the model suggested (a new prompt replaces it; "Refine" nudges it);
- ``overrides``: the parameters the user set by hand, keyed by ``editor.schema.ParamKey``
  (``adjust.contrast``, ``selective_adjust.red.hue``, ``filter.name`` (a preset or a
  user LUT's ``.cube`` name), ``filter.intensity``); they win over the AI's values and survive new prompts;
- ``strength``: the overall strength in percent (0..200), applied with ``Look.scaled``.

A project file is a small JSON document written atomically; ``PROJECT_VERSION`` and the
look ``schema_version`` are stored in it.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from editor.errors import EditorError, LookError
from editor.fileio import JSON_ERRORS, json_reason, read_text, write_text_atomic
from editor.schema import (
    FILTER_INTENSITY,
    FILTER_INTENSITY_KEY,
    FILTER_NAME_KEY,
    PARAM_KEYS,
    SCHEMA_VERSION,
    TOOLS,
    FilterChoice,
    Look,
    ParamKey,
    as_int,
    filter_names,
    is_user_lut,
    lut_reference,
)

log = logging.getLogger(__name__)

PROJECT_VERSION = 1
PROJECT_SUFFIX = ".moodgrade"
#: What is opened as a project, in any case: ours, and the extension from before the rename.
PROJECT_SUFFIXES = (PROJECT_SUFFIX, ".editorproj")
STRENGTH_RANGE = (0, 200)

#: A parameter's value: a number, or for the filter name its name (``None``: no filter).
Value = int | str | None


def _number(value: Value) -> int:
    """The value of a key that holds a number (``ParamKey.number_spec``)."""
    if value is None:
        raise TypeError("a number parameter has no value")
    return int(value)


def is_project_path(path: Path) -> bool:
    return path.suffix.lower() in PROJECT_SUFFIXES


def param_keys() -> Iterator[ParamKey]:
    """Every editable parameter's key, in schema order."""
    return iter(PARAM_KEYS)


def look_value(look: Look, key: str) -> Value:
    """The value a look gives a key; the filter name is ``None`` when no filter is called."""
    key = ParamKey.parse(key)
    if key.tool == "adjust":
        return look.adjust_value(key.name)
    if key.tool == "selective_adjust" and key.color is not None:  # (every such key has a color)
        return look.selective_value(key.color, key.name)
    if key == FILTER_NAME_KEY:
        return look.filter.name if look.filter is not None else None
    return look.filter.intensity if look.filter is not None else FILTER_INTENSITY.default


def look_from_values(values: Mapping[str, Value]) -> Look:
    """Build a look from a full key -> value mapping (missing keys are neutral)."""
    adjust: dict[str, int] = {}
    selective: dict[str, dict[str, int]] = {}
    for key in PARAM_KEYS:
        if key.tool == "adjust":
            adjust[key.name] = int(values.get(key, 0) or 0)
        elif key.tool == "selective_adjust" and key.color is not None:
            selective.setdefault(key.color, {})[key.name] = int(values.get(key, 0) or 0)
    name = values.get(FILTER_NAME_KEY)
    intensity = values.get(FILTER_INTENSITY_KEY, FILTER_INTENSITY.default)
    filt = FilterChoice(str(name), _number(intensity)) if name else None
    return Look(adjust, selective, filt)


@dataclass(frozen=True)
class EditState:
    """The undoable part of a project: AI look, user overrides and overall strength."""

    ai_look: Look = field(default_factory=Look)
    overrides: tuple[tuple[str, Value], ...] = ()
    strength: int = 100

    @property
    def override_map(self) -> dict[str, Value]:
        return dict(self.overrides)

    def base_look(self) -> Look:
        """AI look with the user's overrides, before the overall strength."""
        values: dict[str, Value] = {key: look_value(self.ai_look, key) for key in param_keys()}
        values.update(self.overrides)
        return look_from_values(values)

    def look(self) -> Look:
        """The look that is shown and exported."""
        base = self.base_look()
        return base if self.strength == 100 else base.scaled(self.strength / 100)

    def value(self, key: str) -> Value:
        return look_value(self.base_look(), key)

    def with_value(self, key: str, value: Value) -> EditState:
        """The user set one parameter by hand (clamped)."""
        spec = ParamKey.parse(key).spec
        if spec is not None:
            value = spec.clamp(_number(value))
        overrides = self.override_map
        overrides[key] = value
        return replace(self, overrides=_ordered(overrides))

    def with_strength(self, strength: int) -> EditState:
        return replace(self, strength=max(STRENGTH_RANGE[0], min(STRENGTH_RANGE[1], int(strength))))

    def with_suggestion(self, look: Look, *, refine: bool = False) -> EditState:
        """Apply a model suggestion.

        Without ``refine`` it replaces the AI look and keeps the user's overrides. With
        ``refine`` the suggestion's values are added as deltas to the current values
        (clamped): to the override where the user set one, else to the AI value; a
        suggested filter replaces the current one.
        """
        if not refine:
            return replace(self, ai_look=look)
        ai: dict[str, Value] = {key: look_value(self.ai_look, key) for key in param_keys()}
        overrides = self.override_map
        for key in param_keys():
            if key.tool == "filter":
                continue
            delta = look_value(look, key)
            if not delta:
                continue
            target = overrides if key in overrides else ai
            target[key] = key.number_spec.clamp(_number(target[key]) + _number(delta))
        if look.filter is not None:
            ai[FILTER_NAME_KEY] = look.filter.name
            ai[FILTER_INTENSITY_KEY] = look.filter.intensity
            overrides.pop(FILTER_NAME_KEY, None)
            overrides.pop(FILTER_INTENSITY_KEY, None)
        return replace(self, ai_look=look_from_values(ai), overrides=_ordered(overrides))

    def kept(self) -> dict[str, bool]:
        """Per tool: the AI called it and its values are still the AI's in the look."""
        base = self.base_look()
        return {t: self.ai_look.called(t) and getattr(base, t) == getattr(self.ai_look, t) for t in TOOLS}


def _ordered(overrides: Mapping[str, Value]) -> tuple[tuple[str, Value], ...]:
    return tuple((key, overrides[key]) for key in param_keys() if key in overrides)


@dataclass(frozen=True)
class PromptEntry:
    intent: str
    look: Look
    variant: str
    refine: bool = False
    ts: float = 0.0


@dataclass
class Project:
    """One source file, its edit state and the prompts typed for it."""

    source: Path | None = None
    state: EditState = field(default_factory=EditState)
    prompts: list[PromptEntry] = field(default_factory=list)
    project_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def source_missing(self) -> bool:
        return self.source is not None and not self.source.is_file()

    @property
    def model_variant(self) -> str | None:
        """The variant of the last prompt (``None`` before any prompt)."""
        return self.prompts[-1].variant if self.prompts else None

    def add_prompt(self, intent: str, look: Look, variant: str, refine: bool = False) -> None:
        self.prompts.append(PromptEntry(intent, look, variant, refine, time.time()))

    # -- JSON ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "project_version": PROJECT_VERSION,
            "schema_version": SCHEMA_VERSION,
            "project_id": self.project_id,
            "source": str(self.source) if self.source is not None else None,
            "ai_look": self.state.ai_look.to_dict(),
            "overrides": dict(self.state.overrides),
            "strength": self.state.strength,
            "prompts": [
                {
                    "intent": p.intent,
                    "look": p.look.to_dict(),
                    "variant": p.variant,
                    "refine": p.refine,
                    "ts": p.ts,
                }
                for p in self.prompts
            ],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Project:
        """Validate untrusted project data; values out of range are clamped, anything else
        that is wrong is one ``EditorError`` sentence."""
        if not isinstance(data, Mapping):
            raise _malformed("it must hold a JSON object")
        version = data.get("project_version")
        if isinstance(version, bool) or version != PROJECT_VERSION:
            raise EditorError(f"Project version {version!r} is not supported (expected {PROJECT_VERSION}).")
        try:
            overrides = _overrides_from(data.get("overrides"))
            state = EditState(Look.from_dict(data.get("ai_look") or {}), overrides)
            state = state.with_strength(as_int(data.get("strength", 100), "the strength"))
            raw_prompts = data.get("prompts") or []
            if not isinstance(raw_prompts, list):
                raise _malformed("'prompts' must be a list")
            prompts = [_prompt_from(p) for p in raw_prompts]
        except LookError as exc:
            raise _malformed(str(exc).rstrip(".")) from exc
        source = data.get("source")
        if source is not None and (not isinstance(source, str) or "\0" in source):
            raise _malformed("'source' must be a file path")
        project_id = str(data.get("project_id") or uuid.uuid4().hex)
        return cls(Path(source) if source else None, state, prompts, project_id)

    def save(self, path: str | os.PathLike[str]) -> None:
        write_text_atomic(path, json.dumps(self.to_dict(), indent=2) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Project:
        path = Path(path)
        text = read_text(path, "Project file")
        try:
            data = json.loads(text)
        except JSON_ERRORS as exc:
            raise EditorError(f"Project file {str(path)!r} cannot be read ({json_reason(exc)}).") from exc
        return cls.from_dict(data)


def _malformed(reason: str) -> EditorError:
    return EditorError(f"The project file is malformed ({reason}).")


def _overrides_from(raw: Any) -> tuple[tuple[str, Value], ...]:
    """The user's overrides, clamped to their ranges; keys of other versions are dropped."""
    if raw is None:
        return ()
    if not isinstance(raw, Mapping):
        raise _malformed("'overrides' must be an object")
    known = set(param_keys())
    out: dict[str, Value] = {}
    for key, value in raw.items():
        if key not in known:
            log.info("project override %r dropped: not a parameter", key)
        elif key == FILTER_NAME_KEY:
            if isinstance(value, str) and is_user_lut(value):
                try:
                    value = lut_reference(value)
                except LookError as exc:
                    raise _malformed(str(exc).rstrip(".")) from exc
            elif value is not None and (not isinstance(value, str) or value not in filter_names()):
                raise _malformed(f"the override {key} names no filter preset ({value!r})")
            out[key] = value
        else:
            out[key] = ParamKey.parse(key).number_spec.clamp(as_int(value, f"the override {key}"))
    return _ordered(out)


def _prompt_from(raw: Any) -> PromptEntry:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("intent"), str):
        raise _malformed("each prompt must be an object with an 'intent' text")
    ts = raw.get("ts", 0.0)
    if isinstance(ts, bool) or not isinstance(ts, (int, float)) or abs(ts) > 1e12 or not math.isfinite(ts):
        raise _malformed(f"the time of prompt {raw['intent']!r} is not a timestamp")
    look = Look.from_dict(raw.get("look") or {})
    return PromptEntry(raw["intent"], look, str(raw.get("variant", "")), bool(raw.get("refine")), float(ts))
