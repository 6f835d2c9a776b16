"""The schema's tables: every parameter of the three tools, the color ranges, the tools,
the keys that address one value, and a filter choice.

Everything that lists parameters (sliders, validation, the model's text, explanations)
derives from these tables; ``editor.schema`` re-exports them with the ``Look`` they make
up, and most code imports them from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.errors import LookError

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

    @property
    def number_spec(self) -> ParamSpec:
        """The spec of a key whose value is a number: every key but the filter name."""
        spec = self.spec
        if spec is None:
            raise LookError(f"{str(self)!r} is not a number.")
        return spec


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


#: The three tools' values that make up a ``Look``, in ``TOOLS`` order: Adjust values by
#: name, Selective Adjust values by color range and name, the filter; ``None`` for a tool
#: not called.
ToolValues = tuple[dict[str, int] | None, dict[str, dict[str, int]] | None, FilterChoice | None]
