"""The words a request is read with: targets, directions, degrees, negation, no-ops.

A **target** is something a creator can ask to change (light, contrast, a yellow cast,
the greens, ...) with the grade one step of it makes in each direction, written in the
schema's compact text. Words reach a target in four ways:

- a **noun** names it without a direction ("contrast", "the shadows"): the direction
  comes from the words around it ("increase", "more", "is too high", "up");
- an **adjective** names it with a polarity ("dark" = light, -1): "too dark" means the
  opposite (+1), "less dark" +1, "more dark" and "make it dark" -1;
- a **comparative** or a **verb** carries target and direction ("brighter", "darken");
- a **color word** is a cast of the whole picture when singular ("less yellow", "a green
  cast") and a color range when plural or tied to an object ("the greens", "bluer sky").

**Degrees** form one monotone scale, ``DEGREES`` (slightly < plain < a lot); a number
("by 20", "20%", "+20") sets the target's main parameter to about that value.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """Something a request can change, and the Adjust / Selective Adjust grade of one
    plain step up (``plus``) or down (``minus``); ``main`` is the parameter a number sets."""

    id: str
    plus: str
    minus: str
    main: str
    label: tuple[str, str]


def _t(id: str, plus: str, minus: str, main: str, up: str, down: str) -> Target:
    return Target(id, plus, minus, main, (up, down))


#: Each grade is "adjust: ..." and/or "selective_adjust: ..." separated by " | ".
TARGETS: dict[str, Target] = {t.id: t for t in (
    _t("light", "adjust: exposure 25 brightness 15 shadows 10",
       "adjust: exposure -25 brightness -10 highlights -10", "exposure", "brighter", "darker"),
    _t("exposure", "adjust: exposure 35", "adjust: exposure -35", "exposure", "more exposure",
       "less exposure"),
    _t("contrast", "adjust: contrast 30 structure 10", "adjust: contrast -30 highlights -5 shadows 10",
       "contrast", "more contrast", "less contrast"),
    _t("saturation", "adjust: saturation 30 vibrance 15", "adjust: saturation -35 vibrance -15",
       "saturation", "more saturated", "less saturated"),
    _t("pop", "adjust: contrast 15 saturation 20 vibrance 25 structure 10",
       "adjust: contrast -15 saturation -20 vibrance -10", "vibrance", "more pop", "less pop"),
    _t("vibrance", "adjust: vibrance 40", "adjust: vibrance -35", "vibrance", "more vibrance",
       "less vibrance"),
    _t("warmth", "adjust: temperature 35", "adjust: temperature -35", "temperature", "warmer", "cooler"),
    _t("tint", "adjust: tint 30", "adjust: tint -30", "tint", "more magenta", "more green"),
    _t("sharpness", "adjust: sharpen 40 structure 20", "adjust: sharpen -35 structure -20",
       "sharpen", "sharper", "softer"),
    _t("clarity", "adjust: structure 40 contrast 5", "adjust: structure -35", "structure",
       "more clarity", "less clarity"),
    _t("glow", "adjust: bloom 45", "adjust: bloom -40", "bloom", "more glow", "less glow"),
    _t("highlights", "adjust: highlights 35", "adjust: highlights -45", "highlights",
       "brighter highlights", "softer highlights"),
    _t("shadows", "adjust: shadows 45", "adjust: shadows -35 contrast 5", "shadows",
       "brighter shadows", "deeper shadows"),
    _t("blacks", "adjust: linearOffset 35", "adjust: linearOffset -30 shadows -10", "linearOffset",
       "lifted blacks", "deeper blacks"),
    _t("fade", "adjust: linearOffset 35 contrast -15 saturation -10",
       "adjust: linearOffset -25 contrast 15 saturation 10", "linearOffset", "more faded", "less faded"),
    _t("hue", "adjust: hue 25", "adjust: hue -25", "hue", "hues shifted", "hues shifted back"),
    _t("noise", "adjust: sharpen 20", "adjust: sharpen -25 structure -15", "sharpen", "more grain",
       "less noise"),
    _t("cast_yellow", "adjust: temperature 25 | selective_adjust: yellow saturation 20",
       "adjust: temperature -30 tint 5 | selective_adjust: yellow saturation -30 orange saturation -10",
       "temperature", "more yellow", "less yellow"),
    _t("cast_orange", "adjust: temperature 20 | selective_adjust: orange saturation 25",
       "adjust: temperature -20 | selective_adjust: orange saturation -30", "temperature",
       "more orange", "less orange"),
    _t("cast_red", "adjust: tint 10 | selective_adjust: red saturation 30",
       "adjust: temperature -10 tint -10 | selective_adjust: red saturation -35 orange saturation -10",
       "tint", "more red", "less red"),
    _t("cast_green", "adjust: tint -25 | selective_adjust: green saturation 25",
       "adjust: tint 30 | selective_adjust: green saturation -25", "tint", "more green", "less green"),
    _t("cast_blue", "adjust: temperature -30 | selective_adjust: blue saturation 20",
       "adjust: temperature 30 | selective_adjust: blue saturation -25 cyan saturation -10",
       "temperature", "more blue", "less blue"),
    _t("cast_cyan", "adjust: temperature -10 | selective_adjust: cyan saturation 30",
       "adjust: temperature 10 | selective_adjust: cyan saturation -30", "temperature", "more cyan",
       "less cyan"),
    _t("cast_magenta", "adjust: tint 30", "adjust: tint -30 | selective_adjust: red saturation -10", "tint",
       "more magenta", "less magenta"),
)}

#: Noun phrases naming a target (no direction of their own).
NOUNS: dict[str, str] = {
    **dict.fromkeys("brightness lightness light lighting luminosity luminance brights lum luma".split(),
                    "light"),
    "exposure": "exposure", "expo": "exposure", "ev": "exposure", "exp": "exposure",
    # "knock off a third of a stop": a photographer's unit of exposure.
    **dict.fromkeys(["a stop", "of a stop", "stops"], "exposure"),
    **dict.fromkeys(["contrast", "contrasts", "punch", "depth", "snap", "separation"], "contrast"),
    **dict.fromkeys(["pop", "color pop", "colour pop"], "pop"),
    **dict.fromkeys(
        "saturation colors colours color colour vividness vibrancy colorfulness chroma sat".split(),
        "saturation",
    ),
    "color intensity": "saturation", "colour intensity": "saturation", "color saturation": "saturation",
    "vibrance": "vibrance",
    **dict.fromkeys(
        ["warmth", "temperature", "white balance", "warm tones", "color temperature", "temp", "wb", "kelvin"],
        "warmth",
    ),
    **dict.fromkeys(["tint", "green magenta", "magenta green"], "tint"),
    **dict.fromkeys("sharpness detail details definition crispness focus bite".split(), "sharpness"),
    **dict.fromkeys(["clarity", "structure", "texture", "local contrast", "microcontrast"], "clarity"),
    **dict.fromkeys(["glow", "bloom", "halo", "dreamy glow"], "glow"),
    **dict.fromkeys(["highlights", "highlight", "whites", "bright areas", "bright parts", "bright spots"],
                    "highlights"),
    **dict.fromkeys(["shadows", "shadow", "dark areas", "dark parts", "shadow detail", "midtones"],
                    "shadows"),
    **dict.fromkeys(["blacks", "black level", "black point", "black levels"], "blacks"),
    # A colorist's shorthand for the dark and the light tones ("the darks darker").
    **dict.fromkeys(["darks", "lows"], "shadows"), "highs": "highlights",
    **dict.fromkeys(["fade", "haze", "matte"], "fade"),
    "hue": "hue",
    **dict.fromkeys(["noise", "grain", "graininess"], "noise"),
}

#: Adjectives with the target they name and its polarity.
ADJECTIVES: dict[str, tuple[str, int]] = {
    **dict.fromkeys("bright light lit".split(), ("light", 1)), "white": ("highlights", 1),
    **dict.fromkeys("dark dim".split(), ("light", -1)),
    "underexposed": ("light", -1), "under exposed": ("light", -1), "out of focus": ("sharpness", -1),
    "oversaturated": ("saturation", 1), "over saturated": ("saturation", 1),
    "undersaturated": ("saturation", -1),
    **dict.fromkeys(["oversharpened", "over sharpened", "oversharpening"], ("sharpness", 1)),
    "overexposed": ("light", 1), "over exposed": ("light", 1), "blown out": ("highlights", 1),
    **dict.fromkeys(["almost black", "nearly black", "pitch black", "basically black"], ("light", -1)),
    **dict.fromkeys(["blinding", "glaring"], ("light", 1)),
    **dict.fromkeys("contrasty punchy harsh".split(), ("contrast", 1)),
    **dict.fromkeys("flat".split(), ("contrast", -1)),
    **dict.fromkeys("saturated colorful colourful vivid vibrant intense bold rich poppy neon garish".split(),
                    ("saturation", 1)),
    **dict.fromkeys("radioactive screaming loud".split(), ("saturation", 1)),
    **dict.fromkeys(
        "muted desaturated pale understated grey gray greyish grayish colorless colourless lifeless".split(),
        ("saturation", -1),
    ),
    "faded": ("fade", 1), "washed out": ("fade", 1),
    **dict.fromkeys("warm hot".split(), ("warmth", 1)),
    **dict.fromkeys("cool cold icy chilly".split(), ("warmth", -1)),
    **dict.fromkeys("sharp crisp detailed crunchy".split(), ("sharpness", 1)),
    **dict.fromkeys("soft blurry blurred smooth fuzzy mushy".split(), ("sharpness", -1)),
    **dict.fromkeys("hazy foggy milky".split(), ("fade", 1)),
    **dict.fromkeys("glowy glowing dreamy".split(), ("glow", 1)),
    **dict.fromkeys("noisy grainy".split(), ("noise", 1)),
}

#: Comparatives and verbs that carry a target and a direction.
CARRIERS: dict[str, tuple[str, int]] = {
    **dict.fromkeys("brighter lighter brighten lighten brightened lightened".split(), ("light", 1)),
    "brighten up": ("light", 1), "lighten up": ("light", 1), "light up": ("light", 1),
    **dict.fromkeys(["light it up", "light this up", "light things up"], ("light", 1)),
    "open it up": ("light", 1), "open up": ("light", 1),
    **dict.fromkeys(["dim it", "dim this", "dim things"], ("light", -1)),
    # A wished level before its noun ("soft and low contrast"); after it, "low" says it is lacking.
    "low contrast": ("contrast", -1), "high contrast": ("contrast", 1),
    "low saturation": ("saturation", -1), "high saturation": ("saturation", 1),
    "more light": ("light", 1), "less light": ("light", -1),
    **dict.fromkeys("darker dimmer darken darkened deepen murkier".split(), ("light", -1)),
    "dim down": ("light", -1),
    "tone down the brightness": ("light", -1),
    **dict.fromkeys(["punchier", "contrastier", "harder contrast", "hard contrast"], ("contrast", 1)),
    "flatter": ("contrast", -1),
    **dict.fromkeys("saturate richer vivider bolder".split(), ("saturation", 1)),
    "brighter colors": ("saturation", 1), "brighter colours": ("saturation", 1),
    **dict.fromkeys("desaturate desaturated duller paler mute greyer grayer".split(), ("saturation", -1)),
    "more vivid": ("saturation", 1), "more colorful": ("saturation", 1), "more colourful": ("saturation", 1),
    "more vibrant": ("saturation", 1), "more saturated": ("saturation", 1),
    "less saturated": ("saturation", -1), "less vivid": ("saturation", -1),
    "less colorful": ("saturation", -1),
    "less colourful": ("saturation", -1), "less vibrant": ("saturation", -1),
    **dict.fromkeys("warmer hotter warmed".split(), ("warmth", 1)),
    "warm it up": ("warmth", 1), "warm up": ("warmth", 1),
    **dict.fromkeys("cooler colder chillier cooled".split(), ("warmth", -1)),
    "cool it down": ("warmth", -1), "cool down": ("warmth", -1),
    # Adjectives used as verbs ("cool it", "warm things up"): a wish, never a description.
    **dict.fromkeys(["cool it", "cool things", "cool this"], ("warmth", -1)),
    **dict.fromkeys(["warm it", "warm things", "warm this"], ("warmth", 1)),
    **dict.fromkeys("sharper crisper sharpen crispen clearer".split(), ("sharpness", 1)),
    **dict.fromkeys("softer smoother soften blur blurrier".split(), ("sharpness", -1)),
    **dict.fromkeys(["deeper blacks", "deep blacks", "crushed blacks", "crush the blacks", "richer blacks",
                     "inkier blacks", "inky blacks", "rich inky blacks"], ("blacks", -1)),
    **dict.fromkeys(["deeper shadows", "deep shadows"], ("shadows", -1)),
    "smooth out": ("sharpness", -1),
    "dehaze": ("fade", -1), "denoise": ("noise", -1),
    **dict.fromkeys("bluer".split(), ("cast_blue", 1)),
    **dict.fromkeys("greener".split(), ("cast_green", 1)),
    **dict.fromkeys("redder".split(), ("cast_red", 1)),
    **dict.fromkeys("yellower".split(), ("cast_yellow", 1)),
    **dict.fromkeys("pinker".split(), ("cast_magenta", 1)),
    "more orange": ("cast_orange", 1), "more amber": ("cast_orange", 1),
}

#: Color words: singular = a cast of the whole picture, plural or with an object = a range.
COLORS: dict[str, tuple[str, str | None]] = {
    "red": ("cast_red", "red"), "reds": ("cast_red", "red"), "reddish": ("cast_red", "red"),
    "orange": ("cast_orange", "orange"), "oranges": ("cast_orange", "orange"), "orangey": ("cast_orange",
                                                                                           "orange"),
    "yellow": ("cast_yellow", "yellow"), "yellows": ("cast_yellow", "yellow"), "yellowish": ("cast_yellow",
                                                                                             "yellow"),
    "yellowed": ("cast_yellow", "yellow"), "yellowy": ("cast_yellow", "yellow"),
    "green": ("cast_green", "green"), "greens": ("cast_green", "green"), "greenish": ("cast_green", "green"),
    "cyan": ("cast_cyan", "cyan"), "cyans": ("cast_cyan", "cyan"), "teal": ("cast_cyan", "cyan"),
    "teals": ("cast_cyan", "cyan"), "aqua": ("cast_cyan", "cyan"),
    "blue": ("cast_blue", "blue"), "blues": ("cast_blue", "blue"), "blueish": ("cast_blue", "blue"),
    "bluish": ("cast_blue", "blue"), "amber": ("cast_orange", "orange"), "turquoise": ("cast_cyan", "cyan"),
    "magenta": ("cast_magenta", None), "pink": ("cast_magenta", None), "purple": ("cast_magenta", None),
    "pinkish": ("cast_magenta", None), "purplish": ("cast_magenta", None), "violet": ("cast_magenta", None),
    "rosy": ("cast_magenta", None),
}
#: Things people compare a cast to ("we look like smurfs", "my skin looks like an oompa loompa").
COLORS.update({
    **dict.fromkeys(["smurf", "smurfs"], ("cast_blue", None)),
    **dict.fromkeys(["shrek", "hulk", "grinch"], ("cast_green", None)),
    **dict.fromkeys(
        ["oompa loompa", "oompa loompas", "cheeto", "cheetos", "tangerine", "spray tan", "fake tan", "fanta"],
        ("cast_orange", "orange"),
    ),
    "lobster": ("cast_red", "red"), "pumpkin": ("cast_orange", "orange"),
})
#: Shades and "-ness" nouns of the six colors ("a mustard filter", "the redness in my cheeks").
COLORS.update({
    **dict.fromkeys(["redness", "crimson", "scarlet"], ("cast_red", "red")),
    **dict.fromkeys(["orangeness", "peach", "rust"], ("cast_orange", "orange")),
    **dict.fromkeys(["yellowness", "mustard"], ("cast_yellow", "yellow")),
    # "my white kitchen looks cream colored": a white gone cream is a yellow cast.
    **dict.fromkeys(["cream", "ivory"], ("cast_yellow", None)),
    **dict.fromkeys(["greenness", "lime", "emerald"], ("cast_green", "green")),
    **dict.fromkeys(["blueness", "navy", "cobalt", "azure"], ("cast_blue", "blue")),
    **dict.fromkeys(["pinkness"], ("cast_magenta", None)),
})
PLURAL_COLORS: frozenset[str] = frozenset({"reds", "oranges", "yellows", "greens", "cyans", "teals", "blues"})
#: Words after a singular color that make it a range ("the green tones").
RANGE_NOUNS: frozenset[str] = frozenset({"tones", "colors", "colours", "hues", "areas", "parts", "channel"})
#: Words after a singular color that make it a cast ("a green cast").
CAST_NOUNS: frozenset[str] = frozenset(
    {"cast", "tint", "tinge", "hue", "tone", "shift", "filter", "overlay", "haze", "film", "veil", "colored",
     "coloured"}
)
#: Of those, the ones people name to be rid of them ("a green cast").
UNWANTED_CASTS: frozenset[str] = frozenset({"cast", "tinge", "shift", "haze", "film", "veil"})
#: Words that make a clause a description of a problem ("a weird purple hue", "the cyan looks fake").
UNWANTED: frozenset[str] = frozenset(
    """weird strange odd ugly nasty awful horrible unnatural funky sickly gross fake annoying distracting
    wrong""".split()
)

#: Objects of a photo and the color ranges they live in (first = main).
OBJECTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("sky skies clouds".split(), ("blue", "cyan")),
    **dict.fromkeys("water ocean sea lake river pool waves".split(), ("blue", "cyan")),
    **dict.fromkeys(
        """grass leaves trees foliage plants greenery lawn bushes hills vegetation vines ivy moss
        shrubs""".split(),
        ("green", "yellow"),
    ),
    **dict.fromkeys("skin face faces complexion cheeks skintones".split(), ("orange", "red")),
    "skin tones": ("orange", "red"),
    "skin tone": ("orange", "red"), "lips": ("red",), "flowers": ("red", "yellow"),
}

#: Direction words: +1 more, -1 less. ``POSTFIX`` ones follow the noun ("contrast up").
DIRECTIONS: dict[str, int] = {
    **dict.fromkeys(
        """increase raise boost bump add enhance more up higher amp crank push pump intensify strengthen
        heighten lift extra increased improve maximize emphasize accentuate stronger""".split(), 1),
    **dict.fromkeys(["turn up", "bring up", "bump up", "crank up", "amp up", "pump up", "dial up", "more of",
                     "add some", "add more", "give it more", "needs more", "need more", "want more",
                     "bring out", "max out", "a boost in", "a boost of"], 1),
    **dict.fromkeys(
        """decrease lower reduce cut less lessen drop minimize diminish remove kill weaken subdue tame
        fewer reduced lowered decreased eliminate eliminated minus weaker correct fix neutralize
        counteract pull dial knock scale roll drain strip halve suck""".split(), -1),
    **dict.fromkeys(["pull up", "pull out"], 1),
    **dict.fromkeys(["tone down", "dial back", "dial down", "turn down", "bring down", "pull down",
                     "pull back", "take out", "take away", "get rid of", "back off", "back off on",
                     "calm down", "cut down", "cut back", "knock down", "knock back", "ease off",
                     "ease up on", "not so much", "take down", "scale back", "rein in", "tone it down",
                     "too much", "too many", "bring it down", "turn it down", "dial it back", "dial it down",
                     "pull it back", "bring them down", "tone them down", "knock it down", "knock it back",
                     "pull them back", "dial them back", "dial them down", "turn them down",
                     "knock them back", "back it off", "back them off", "knock off", "shave off"], -1),
    **dict.fromkeys(["not enough", "too little", "lacks", "lacking", "needs more", "bring it up",
                     "turn it up", "crank it up", "pump it up", "bump it up", "open up", "open it up",
                     "open them up", "bring them up", "has no", "have no", "there is no", "theres no"], 1),
}
#: After the noun, a wish ("contrast up") or a state to correct ("contrast is too high"),
#: as the asked direction.
POSTFIX: dict[str, int] = {
    **dict.fromkeys("up higher stronger more back".split(), 1),
    **dict.fromkeys("down lower weaker less".split(), -1),
    **dict.fromkeys("high strong much intense heavy overpowering extreme excessive crazy".split(), -1),
    **dict.fromkeys("low weak little lacking missing lame".split(), 1),
    **dict.fromkeys("insane wild nuts bonkers unreal cranked overdone maxed".split(), -1),
    "too much": -1, "too high": -1, "too strong": -1, "too low": 1, "too little": 1, "too weak": 1,
    "not enough": 1, "off the charts": -1, "over the top": -1, "a bit much": -1, "a little much": -1,
}
#: Adjectives that name a problem even without "too" ("overexposed, help").
COMPLAINTS: frozenset[str] = frozenset(
    {"underexposed", "under exposed", "overexposed", "over exposed", "blown out", "oversaturated",
     "over saturated", "oversharpened", "over sharpened", "oversharpening", "undersaturated", "blurry",
     "blurred", "out of focus", "noisy"}
)

#: Adjectives that name a problem when a later request asks the opposite ("pale and washed
#: out. more color"), where a style's adjective ("warm and cozy, but less warm") is wanted.
PROBLEMS: frozenset[str] = frozenset(
    """pale washed out dull flat lifeless colorless colourless muddy murky dim blurry fuzzy mushy grainy
    noisy hazy milky greyish grayish underexposed overexposed""".split()
) | {"washed out", "out of focus", "blown out"}

#: Degree words on one monotone scale (1 = a plain request).
DEGREES: dict[str, float] = {
    **dict.fromkeys(["a tiny bit", "tiny bit", "a touch", "a hair", "a smidge", "a smidgen", "very slightly",
                     "ever so slightly", "barely", "marginally", "a tad", "tad", "a teeny bit", "a wee bit",
                     "just a touch", "a little touch", "hint of", "a hint of", "a hint", "the slightest"],
                     0.35),
    **dict.fromkeys(["slightly", "a little", "a little bit", "a bit", "little bit", "bit", "lightly",
                     "subtly", "mildly", "gently", "just a bit", "some",
                     "softly", "just slightly", "a lil", "lil bit", "slight", "a slight", "small",
                     "a small"], 0.5),
    **dict.fromkeys(["somewhat", "kind of", "kinda", "sort of", "sorta", "moderately", "fairly",
                     "a fair bit", "reasonably", "partially"], 0.7),
    **dict.fromkeys(["a lot", "much", "very", "really", "lots", "quite a bit", "way", "significantly",
                     "considerably", "substantially", "heavily", "strongly", "a ton", "tons", "super",
                     "a good amount", "noticeably", "seriously", "so much", "quite", "a great deal",
                     "loads", "heaps"], 1.5),
    **dict.fromkeys(["extremely", "drastically", "massively", "hugely", "insanely", "dramatically",
                     "like crazy", "as much as possible", "all the way", "max", "maximum", "a huge amount",
                     "crazy", "ridiculously", "incredibly", "super duper", "intensely", "totally",
                     "completely", "hella", "at all"], 2.0),
}
#: Degree words that, before an adjective, describe the picture rather than ask for it
#: ("kinda dim, fix?", "... also pretty dark").
HEDGES: frozenset[str] = frozenset({"kinda", "kind of", "sorta", "sort of", "pretty", "rather"})
#: A number in a request is capped to this many times the plain step.
MAX_NUMBER_DEGREE = 3.0

#: Words that cancel the edit of their clause ("don't make it darker").
NEGATIONS: tuple[str, ...] = (
    "dont", "do not", "never", "no need to", "not", "without", "without making it", "avoid", "nor",
    "doesnt need", "does not need", "shouldnt", "should not", "no", "without going", "but not",
    "keep", "leave", "preserve", "retain", "untouched", "as they are", "as it is",
    "without changing", "without touching", "without affecting", "without altering", "without messing with",
    "without messing up", "without ruining", "without losing",
)
#: Direction words that only ask to correct what the request already described ("fix pls").
FIXES: frozenset[str] = frozenset({"fix", "correct", "neutralize", "counteract"})
#: "not too warm", "not so bright": the target at a mild degree, against a style's excess.
DAMPERS: tuple[str, ...] = ("not too", "not so", "not overly", "not that", "not super", "not very")

#: Verbs that keep what they name ("keep the colors and the exposure").
HOLD: frozenset[str] = frozenset({"keep", "preserve", "maintain", "retain", "leave", "hold"})
#: What a kept thing is kept as ("leave the highlights alone").
KEPT: frozenset[str] = frozenset({"alone", "intact", "untouched", "same", "original", "unchanged", "as",
                                  "is"})
#: Requests to change nothing, matched on the whole normalized request.
NO_CHANGE: tuple[str, ...] = (
    "no change", "no changes", "nothing", "none", "leave it", "leave it as is", "leave it alone",
    "keep it", "keep it the same", "keep it as is", "as is", "dont change", "dont change anything",
    "dont change it", "do nothing", "no edit", "no edits", "dont edit", "dont edit it", "never mind",
    "nevermind", "nvm", "its fine", "its perfect", "its good", "looks good", "looks fine", "perfect",
    "unchanged", "same", "same as before", "no thanks", "cancel", "stop", "skip", "forget it",
    "original", "no filter", "no grading", "dont touch it", "leave as is", "its great as is",
    "happy with it", "im happy with it", "ok cool", "okay cool", "cool thanks", "good like this",
    "keep the original", "dont grade it", "no need to change it", "leave the colors alone",
)

#: Work the tools do not do (cutting, sharing): a clause about it is no grade, even with a
#: look word in it ("split the clip in half" is no split toning).
OTHER_TASKS: frozenset[str] = frozenset(
    """crop rotate trim split flip resize export upload share send erase stabilize zoom straighten
    compress merge loop reverse search remind translate write play delete download print save
    slideshow transition transitions smaller bigger larger shorter longer person censor pixelate
    shorten mirror duplicate speed slowmo stick slap hide cover extend""".split()
)
#: Things that are not the picture's colors: a clause about them has no edit either
#: ("mute the audio" does not desaturate, "make the text brighter" is not ours to do).
OFF_PICTURE: frozenset[str] = frozenset(
    """audio sound volume music song voice text font subtitle subtitles caption captions watermark
    logo sticker stickers battery app software program website button menu interface file files
    mode letters lettering title titles emoji emojis meme transition transitions border borders
    voiceover countdown timestamp arrow arrows bubble confetti fps resolution slowmo ex photobomber
    photobombing photobombed redeye numberplate voices shake pimple pimples zit zits bokeh canvas
    ratio""".split()
)
#: Kinds of file or clip: making the picture one is no grade ("turn it into a gif"), while a
#: clip of that kind may still be graded ("the timelapse is overexposed").
FORMATS: frozenset[str] = frozenset(
    """slideshow timelapse boomerang gif gifs reel reels collage png jpg jpeg pdf mp4 loop meme sticker
    short""".split()
)
#: Verbs that make the picture into something ("convert it to a gif").
MAKING: frozenset[str] = frozenset("make turn convert change export render save into".split())
#: People and pets a chat sentence is about ("my cat is asleep", "my mom loves this photo").
#: Things that light a scene and so cause its casts ("the lamp makes it orange").
LIGHT_SOURCES: frozenset[str] = frozenset(
    "light lighting sun flash lamp bulb screen sign window fire fluorescent neon led tungsten".split()
)
#: Subjects "look" and "feel" follow when they describe rather than ask ("we look orange").
SUBJECTS: frozenset[str] = frozenset({"i", "we", "you", "u", "they", "all", "both", "people"})
PEOPLE: frozenset[str] = frozenset(
    """mom dad mum mother father brother sister friend friends boss neighbor neighbour grandpa
    grandma cat dog kids kid son daughter wife husband boyfriend girlfriend baby family""".split()
)
#: Openings of the story behind a picture ("took this at the beach"): a place or an event
#: named there is where the picture is from, not a look asked for.
BACKSTORY: tuple[str, ...] = (
    "this was taken", "it was taken", "taken at", "taken on", "taken in", "took this", "i took", "we took",
    "shot this", "i shot", "shot on", "photo of", "picture of", "pic of", "this is from", "from our",
    "from my", "we were", "i was at", "this is my", "this is our", "at my", "at our", "photo from",
    "my friend", "my mom", "my dad", "my sister", "my brother", "we went", "i went",
    "we shot", "shot in", "shot at", "i filmed", "we filmed", "filmed this", "filmed at", "filmed in",
)
#: "it looks like midnight", "my phone made it look like midnight": beside an edit, the
#: look named after one of these and "like" is the problem, not a request.
LIKENESS_VERBS: frozenset[str] = frozenset({"look", "looks", "feel", "feels", "seem", "seems", "looking"})
#: Openings of chat, not of a request ("tell me about paris", "do you like film noir").
CHAT_OPENERS: tuple[str, ...] = (
    "tell me", "do you", "did you", "are you", "is there", "search for", "remind me", "write a", "write me",
    "play a", "play some", "i miss", "i watched", "i was thinking", "fun fact", "who", "is",
    "good morning", "good night", "good evening", "good afternoon", "happy birthday",
)

def phrase_words() -> frozenset[str]:
    """Every word of a phrase the request reader reads (targets, directions, degrees, colors, objects)."""
    tables = (NOUNS, ADJECTIVES, CARRIERS, COLORS, OBJECTS, DIRECTIONS, POSTFIX, DEGREES)
    return frozenset(w for table in tables for phrase in table for w in phrase.split())


#: Contractions as the tokenizer leaves them ("can't" -> "cant"): words, never typos of
#: a look word ("cant" is not "cat").
CONTRACTIONS: frozenset[str] = frozenset(
    """cant dont wont isnt doesnt didnt couldnt shouldnt wouldnt arent wasnt werent havent hasnt
    hadnt theres thats whats im ive youre theyre lets heres wheres aint""".split()
)

#: Words that only glue a request together (requests, media nouns, politeness).
GLUE: frozenset[str] = frozenset(
    """a an the it its this that these those my our your me us i im ive id we you he she they them his
    her make makes made making look looks looking like as please pls plz plez can could would will do
    does some with and but or to for in on at into onto from by be is are was were been want wanna
    need needs love lets let go get got put set just bit little touch ish something thing stuff
    photo photos picture pictures image images pic pics shot shots video videos clip clips footage
    frame frames scene scenes edit edited version hey hi hello thanks thank thx ty okay ok now here
    there then than also too all over whole entire overall maybe bro dude lol omg guys folks
    someone anyone somebody help if possible able try trying tried idk you guys kindly mind of
    so really just seems seem bit overall abit image's whole thing currently right now gonna
    should think feel feels looks like way sure maybe please thanks in advance first time posting
    any tips new here quick request appreciated appreciate slider sliders nudge tones tone
    ugh everything tbh af rn literally honestly insta ig brb ttyl gtg""".split()
)
