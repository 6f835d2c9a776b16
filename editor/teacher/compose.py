"""Edits on top of a style: the request reader's corrections applied to a blended look.

Each edit is its target's grade (``lexicon.TARGETS``, ``plus`` or ``minus``) scaled by
its degree, or, with a number, scaled so that the target's main parameter moves by that
number. A color-range edit moves that range's saturation by 35 or its luminance by 30
per plain step (an object's second range by half). The edits add up; a range whose
luminance goes against the whole picture's change of light (exposure, brightness and shadows
added) also takes that change back.

Against a style, an edit wins on what it names: "golden hour but less saturated" is the
style with its saturation replaced by the edit's, so the picture moves the asked way,
while the style's other parameters stay; "not too ..." is a mild edit the other way
("black and white, but not so contrasty" ends a touch under the original contrast). A
filter mostly carries color, so an edit that lowers
saturation also halves the style's filter intensity. Values are rounded, clamped, and
tiny ones (|v| < 3) dropped.
"""

from __future__ import annotations

from editor.schema import ADJUST_SPECS, FILTER_INTENSITY, SELECTIVE_SPECS, FilterChoice, Look, parse_tool_text
from editor.teacher import lexicon as lx
from editor.teacher.blend import settle
from editor.teacher.reader import Edit

#: A plain step of a color-range edit, per Selective Adjust property.
RANGE_STEP = {"saturation": 35, "luminance": 30}
#: The degree ("completely", "at all") at which less saturation means none at all.
ALL_THE_WAY = 2.0
#: Filter intensity kept when an edit lowers saturation.
FILTER_DESATURATED = 0.5
#: Share of a darkening moved from exposure to the shadows when more contrast is asked.
SPREAD_SHIFT = 0.5
#: Extra temperature or tint per unit of asked exposure when a cast change is asked with it.
CAST_PER_EXPOSURE = 0.6


def _grade(edit: Edit) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """The Adjust and Selective Adjust values of one edit, before clamping."""
    adjust: dict[str, float] = {}
    selective: dict[tuple[str, str], float] = {}
    if edit.ranges and edit.prop:
        step = RANGE_STEP[edit.prop]
        scale = edit.number / step if edit.number is not None else edit.degree
        scale = min(scale, lx.MAX_NUMBER_DEGREE)
        for i, color in enumerate(edit.ranges):
            selective[(color, edit.prop)] = edit.sign * step * scale * (1.0 if i == 0 else 0.5)
        return adjust, selective
    target = lx.TARGETS[edit.target]
    text = target.plus if edit.sign > 0 else target.minus
    parts = {}
    for chunk in text.split(" | "):
        tool, _, values = chunk.partition(": ")
        parts[tool] = parse_tool_text(tool, values, strict=True)
    main = abs(parts.get("adjust", {}).get(target.main, 0)) if "adjust" in parts else 0
    scale = edit.degree
    if edit.target == "saturation" and edit.sign < 0 and edit.number is None and scale >= ALL_THE_WAY:
        # "desaturate completely", "no color at all": no color left, not just less of it.
        return {"saturation": -100.0, "vibrance": -100.0}, selective
    if edit.number is not None and main:
        scale = min(edit.number / main, lx.MAX_NUMBER_DEGREE)
    for name, value in (parts.get("adjust") or {}).items():
        adjust[name] = value * scale
    for color, props in (parts.get("selective_adjust") or {}).items():
        for prop, value in props.items():
            selective[(color, prop)] = value * scale
    return adjust, selective


def compose(style: Look, edits: list[Edit]) -> Look:
    """``style`` with ``edits`` applied on top (see the module docstring)."""
    if not edits:
        return style
    adjust = {n: float(v) for n, v in (style.adjust or {}).items() if v}
    selective = {
        (c, p): float(v) for c, props in (style.selective_adjust or {}).items() for p, v in props.items() if v
    }
    add_adjust: dict[str, float] = {}
    add_selective: dict[tuple[str, str], float] = {}
    named_adjust: set[str] = set()
    named_selective: set[tuple[str, str]] = set()
    for edit in edits:
        a, s = _grade(edit)
        for name, v in a.items():
            add_adjust[name] = add_adjust.get(name, 0.0) + v
        for key, v in s.items():
            add_selective[key] = add_selective.get(key, 0.0) + v
        named_adjust |= set(a)
        named_selective |= set(s)
    light = sum(add_adjust.get(n, 0.0) for n in ("exposure", "brightness", "shadows"))
    for (color, prop), v in add_selective.items():
        if prop == "luminance" and v * light < 0:
            # "brighter overall but darken the blues": the range also takes back the whole
            # picture's move, or it would end up going the other way.
            add_selective[(color, prop)] = v + (1 if v > 0 else -1) * abs(light)
    for cast in ("temperature", "tint"):
        if cast in named_adjust and add_adjust.get(cast) and add_adjust.get("exposure"):
            # Exposure scales a* and b* with L*: brightening turns a bluish white bluer and
            # darkening a green cast weaker to the eye but no less green, so a warmth or
            # tint change asked beside it must outgrow that.
            t = add_adjust[cast]
            add_adjust[cast] = t + (1 if t > 0 else -1) * CAST_PER_EXPOSURE * abs(add_adjust["exposure"])
    for name, v in add_adjust.items():
        base = adjust.get(name, 0.0)
        if name in named_adjust and base * v < 0:
            base = 0.0
        adjust[name] = base + v
    _keep_spread(adjust, edits)
    for key, v in add_selective.items():
        base = selective.get(key, 0.0)
        if key in named_selective and base * v < 0:
            base = 0.0
        selective[key] = base + v
    adj = {n: settle(v, ADJUST_SPECS[n]) for n, v in adjust.items()}
    sel: dict[str, dict[str, int]] = {}
    for (color, prop), v in selective.items():
        sel.setdefault(color, {})[prop] = settle(v, SELECTIVE_SPECS[prop])
    filt = style.filter
    if filt is not None and any(e.target == "saturation" and e.sign < 0 for e in edits):
        filt = FilterChoice(filt.name, FILTER_INTENSITY.clamp(round(filt.intensity * FILTER_DESATURATED)))
    return Look(adj or None, sel or None, filt)


def _keep_spread(adjust: dict[str, float], edits: list[Edit]) -> None:
    """Darken through the shadows when more contrast is asked ("darker, more contrast").

    Exposure multiplies linear light, which shrinks every L* by the same factor and so
    the picture's spread with it: -25 takes more spread away than contrast +30 adds.
    Brightness, bending the midtones toward black, and a style's lowered highlights
    narrow it too. Deeper shadows darken and widen at once, as a colorist darkens for
    punch."""
    asked = sum(e.sign for e in edits if e.target == "contrast" and not e.ranges)
    if asked <= 0:
        return
    # What the user named stays ("less brightness, more contrast").
    named = {lx.TARGETS[e.target].main for e in edits}
    exposure = adjust.get("exposure", 0.0)
    moved = SPREAD_SHIFT * exposure if exposure < 0 else 0.0
    adjust["exposure"] = exposure - moved
    brightness = adjust.get("brightness", 0.0)
    if brightness < 0 and "brightness" not in named:
        moved += brightness
        adjust["brightness"] = 0.0
    if adjust.get("highlights", 0.0) < 0 and "highlights" not in named:
        adjust["highlights"] = 0.0
    if moved:
        adjust["shadows"] = adjust.get("shadows", 0.0) + moved


def edit_phrases(edits: list[Edit]) -> str:
    """The edits in a creator's words, for the rationale: "brighter (a little), more contrast"."""
    words = []
    for edit in edits:
        label = lx.TARGETS[edit.target].label[0 if edit.sign > 0 else 1]
        if edit.ranges:
            label = f"{'more' if edit.sign > 0 else 'less'} {edit.prop} in the {edit.ranges[0]}s"
        if edit.number is not None:
            label += f" (by {edit.number:g})"
        elif edit.degree < 1:
            label += " (a little)"
        elif edit.degree > 1:
            label += " (a lot)"
        words.append(label)
    return ", ".join(dict.fromkeys(words))
