"""Several matched concepts -> one look.

Each concept comes with a weight ``m`` (from modifiers: "a bit", "less") and a confidence
``c`` (1 for an exact name, else the cosine similarity of its meaning). Each parameter is
the confidence-weighted mean of ``m * value`` over the concepts that set it, so shared
parameters average and distinct ones add up; values are rounded, clamped and tiny ones
(|v| < 3) dropped. The filter is the strongest concept's (largest ``c * m``, first on
ties) at ``m`` times its intensity. A tool left with only neutral values is not called.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.schema import (
    ADJUST_NAMES,
    ADJUST_SPECS,
    COLOR_RANGES,
    FILTER_INTENSITY,
    SELECTIVE_NAMES,
    SELECTIVE_SPECS,
    FilterChoice,
    Look,
)
from editor.teacher.knowledge import Concept


@dataclass(frozen=True)
class Match:
    """A concept found in an intent: modifier weight and match confidence (0..1)."""

    concept: Concept
    weight: float
    confidence: float
    phrase: str
    #: Scaled by "more" / "less": a change of the current look rather than a new one.
    comparative: bool = False


def _mean(pairs: list[tuple[float, float]]) -> float:
    """Confidence-weighted mean of (confidence, value) pairs."""
    total = sum(c for c, _ in pairs)
    return sum(c * v for c, v in pairs) / total if total else 0.0


def settle(value: float, spec) -> int:
    """A parameter's value rounded and clamped to its range; tiny ones (|v| < 3) are 0."""
    v = spec.clamp(int(round(value)))
    return 0 if abs(v) < 3 else v


def blend(matches: list[Match]) -> Look:
    """One look from several weighted concepts (see the module docstring for the rule)."""
    adjust: dict[str, list[tuple[float, float]]] = {}
    selective: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for m in matches:
        look = m.concept.look
        # "less sepia" takes the brown tone back; the opposite of no color at all is no look.
        drained = m.weight < 0 and look.adjust_value("saturation") <= -100
        for name in ADJUST_NAMES:
            if look.adjust_value(name) and not (drained and name == "saturation"):
                adjust.setdefault(name, []).append((m.confidence, m.weight * look.adjust_value(name)))
        for color in COLOR_RANGES:
            for prop in SELECTIVE_NAMES:
                if look.selective_value(color, prop):
                    selective.setdefault((color, prop), []).append(
                        (m.confidence, m.weight * look.selective_value(color, prop))
                    )
    adj = {n: settle(_mean(v), ADJUST_SPECS[n]) for n, v in adjust.items()}
    sel: dict[str, dict[str, int]] = {}
    for (color, prop), v in selective.items():
        sel.setdefault(color, {})[prop] = settle(_mean(v), SELECTIVE_SPECS[prop])
    # A picture is black and white or it is not: a monochrome concept is not averaged
    # into a half-saturated blend ("black and white, like an old film photo").
    if any(m.weight > 0 and m.concept.look.adjust_value("saturation") <= -100 for m in matches):
        adj["saturation"] = -100
        sel = {c: {p: v for p, v in props.items() if p != "saturation"} for c, props in sel.items()}
        sel = {c: props for c, props in sel.items() if props}
    filt = None
    candidates = [m for m in matches if m.weight > 0 and m.concept.look.filter is not None]
    if candidates:
        top = max(candidates, key=lambda m: m.confidence * m.weight)
        base = top.concept.look.filter
        assert base is not None
        filt = FilterChoice(base.name, FILTER_INTENSITY.clamp(int(round(base.intensity * top.weight))))
    return Look(adj or None, sel or None, filt)


def _top_adjust(look: Look) -> str:
    changes = sorted(((abs(v), n, v) for n, v in (look.adjust or {}).items() if v), reverse=True)[:2]
    return " and ".join(f"{n} {v:+d}" for _, n, v in changes)


def _top_colors(look: Look) -> str:
    strength = {c: sum(abs(v) for v in props.values()) for c, props in (look.selective_adjust or {}).items()}
    colors = [c for c in sorted(strength, key=lambda c: -strength[c]) if strength[c]][:2]
    return " and ".join(f"{c}s" for c in colors)


def rationales(look: Look, matches: list[Match], asked: str = "") -> dict[str, str]:
    """One short sentence per called tool: the strongest concept's reason and what was
    asked, then what the tool does."""
    reasons = []
    if matches:
        strongest = max(matches, key=lambda m: m.confidence * abs(m.weight))
        reason = strongest.concept.rationale.rstrip(".")
        if strongest.weight < 0:
            reason = f"Less of this: {reason[0].lower()}{reason[1:]}"
        reasons.append(reason)
    if asked:
        reasons.append(f"asked for {asked}")
    reason = "; ".join(reasons)
    reason = reason[:1].upper() + reason[1:]
    out = {}
    if look.adjust is not None:
        out["adjust"] = f"{reason}; mainly {_top_adjust(look)}."
    if look.selective_adjust is not None:
        out["selective_adjust"] = f"The look lives in the {_top_colors(look)}."
    if look.filter is not None:
        out["filter"] = f"{look.filter.name} at {look.filter.intensity}% carries the overall look."
    return out
