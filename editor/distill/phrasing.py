"""How people phrase an edit: generated correction clauses and request frames.

The words come from the reader's lexicon (``editor.teacher.lexicon``), so the corpus
covers its grammar rather than a few fixed templates: a direction verb and a noun
("tone down the saturation"), a comparative ("a bit warmer"), a complaint ("it's way
too dark", "the contrast is too high", "looks flat"), numbers ("brightness +20",
"increase exposure by 15%"), casts and color ranges ("less yellow", "make the greens
pop", "bluer sky"), negations ("don't make it darker") and "not too ..." tempering.
No-ops are in ``noops``. Everything is drawn from one ``random.Random``, so a seed gives the
same phrases.
"""

from __future__ import annotations

import random

from editor.distill import grammar

_SIGNED_VERBS = {
    1: ("increase", "raise", "boost", "bump up", "add", "add more", "enhance", "more", "crank up", "turn up",
        "push", "bring up", "up the", "pump up", "amp up", "intensify", "give it more", "i need more"),
    -1: ("decrease", "lower", "reduce", "cut", "tone down", "dial back", "turn down", "less", "bring down",
         "remove some", "take down", "ease off the", "soften", "tame", "pull back", "drop", "minimize",
         "get rid of some of the"),
}
_NOUNS = {
    "light": ("brightness", "lighting", "light", "the brightness", "the light"),
    "exposure": ("exposure", "the exposure"),
    "contrast": ("contrast", "the contrast", "punch"),
    "saturation": ("saturation", "the saturation", "the colors", "the colours", "color", "colour saturation",
                   "color intensity"),
    "vibrance": ("vibrance", "the vibrance"),
    "warmth": ("warmth", "the warmth", "temperature", "the white balance", "warm tones"),
    "tint": ("tint", "the tint"),
    "sharpness": ("sharpness", "the sharpness", "detail", "the details", "definition"),
    "clarity": ("clarity", "structure", "texture"),
    "glow": ("glow", "bloom", "the glow"),
    "highlights": ("highlights", "the highlights", "the whites", "the bright areas"),
    "shadows": ("shadows", "the shadows", "the dark areas", "shadow detail"),
    "blacks": ("the blacks", "black level", "blacks"),
    "pop": ("pop", "color pop"),
}
_COMPARATIVES = {
    1: ("brighter", "lighter", "warmer", "punchier", "sharper", "crisper", "more vivid", "more colorful",
        "more saturated", "richer", "bluer", "greener", "more contrasty", "clearer", "redder", "pinker"),
    -1: ("darker", "dimmer", "cooler", "colder", "softer", "smoother", "less saturated", "less vivid",
         "duller", "flatter", "less colorful", "paler", "more muted"),
}
_VERBS = ("brighten it", "darken it", "lighten it up", "warm it up", "cool it down", "sharpen it",
          "soften it", "desaturate it", "saturate it", "brighten the image", "darken the photo",
          "blur it a bit", "dehaze it", "denoise it", "brighten", "darken", "sharpen")
_COMPLAINT_ADJECTIVES = ("dark", "bright", "flat", "dull", "warm", "cold", "cool", "saturated", "muted",
                         "harsh", "soft", "blurry", "yellow", "blue", "green", "orange", "red", "pink",
                         "contrasty",
                         "washed out", "gloomy", "faded", "hazy", "noisy", "grainy", "vivid", "intense",
                         "magenta", "purple", "dim", "pale", "orangey", "greenish", "bluish")
_COMPLAINTS = ("underexposed", "overexposed", "blown out", "oversaturated", "oversharpened", "out of focus",
               "muddy", "washed out", "lifeless")
_SUBJECTS = ("it's", "its", "it is", "the photo is", "this looks", "it looks", "looks", "the image looks",
             "my pic is", "this is", "the video is", "the footage looks", "everything is", "this seems",
             "it came out", "the shot is", "it feels")
_STATE = {1: ("too low", "too weak", "lacking", "not strong enough", "way too low"),
          -1: ("too high", "too strong", "way too much", "too intense", "overpowering", "too much",
               "a bit too strong", "kinda high")}
_WISH_POSTFIX = {1: ("up", "higher", "up a bit", "up a lot"),
                 -1: ("down", "lower", "down a bit", "down a notch")}
_COLOR_WORDS = ("red", "orange", "yellow", "green", "blue", "cyan", "teal", "magenta", "pink", "purple")
#: Neutral things whose color shows a cast ("everyone looks green", "the snow looks blue").
_CAST_SUBJECTS = ("everyone looks", "my skin looks", "her skin looks", "his face looks", "the snow looks",
                  "we all look", "the people look", "our faces look", "the faces look", "my face looks",
                  "the clouds look", "everybody looks", "the kids look", "my skin came out")
_RANGE_PLURALS = ("reds", "oranges", "yellows", "greens", "blues", "cyans", "teals")
_OBJECTS = ("sky", "skin", "grass", "trees", "water", "ocean", "face", "leaves", "foliage", "skin tones",
            "lips", "clouds", "sea", "lake", "greenery")
_RANGE_PROPS = ("more vivid", "less vivid", "brighter", "darker", "more saturated", "less saturated",
                "pop more", "richer", "duller", "deeper", "lighter", "more muted", "stand out", "pop")
_DEGREES = ("", "", "", "", "slightly", "a bit", "a little", "a little bit", "a tad", "a touch", "somewhat",
            "a lot", "much", "way", "really", "very", "significantly", "super", "extremely", "kinda",
            "just a bit", "a tiny bit", "quite a bit", "drastically", "noticeably")
_NUMBERS = ("by {n}", "by {n}%", "{n}%", "+{n}", "by about {n}", "{n} points", "around {n}%", "like {n}%")

FRAMES: tuple[str, ...] = (
    "{x}", "{x}", "{x}", "{x}", "{x}", "{x} please", "please {x}", "could you {x}", "can you {x}",
    "can you please {x}", "could you please {x}", "can someone {x}", "i want to {x}", "i'd like to {x}",
    "i need to {x}", "{x} thanks", "{x} pls", "pls {x}", "hey, {x}", "hi! {x}", "idk just {x}",
    "{x} if possible", "{x}, thanks in advance", "would it be possible to {x}", "help me {x}",
    "i would love it if you could {x}", "first time posting, can you {x}", "{x} for me", "just {x}",
    "ok so {x}", "hmm {x}", "{x} i think", "maybe {x}", "{x}?", "quick one: {x}", "{x} thx",
    "any chance you could {x}", "try to {x}", "{x} lol", "i wanted to ask if you could {x}",
)
#: The story people tell before the request; places and events in it are not looks.
BACKSTORIES: tuple[str, ...] = (
    "this was taken at my sister's wedding", "took this at the beach yesterday", "shot this on my phone",
    "photo of my dog", "this is from our trip to italy", "took this at a concert", "i shot this at sunset",
    "picture of my grandma's garden", "we were at a friend's birthday", "this was taken in a dark bar",
    "took this in the forest", "shot on an old iphone", "this is my first wedding shoot",
    "pic of my car at night", "from my holiday in greece", "this was taken indoors",
    "i took this at the zoo", "photo of the city skyline", "this is our new baby", "taken at the lake",
    "took this at a music festival last weekend", "shot this at midnight",
    "this is from a christmas party", "took this in the snow", "photo from our winter trip to iceland",
    "this was taken in a hospital waiting room", "shot this in my office", "we were at the beach at sunset",
    "this is from a rainy day in london", "taken at a candlelit dinner", "my friend shot this at a rave",
    "took this at golden hour", "this was taken in a forest at dusk", "shot this underwater on vacation",
    "it was a sunny day", "photo of my grandparents from the 70s", "we were at a horror themed party",
    "took this on a foggy morning", "i'm not a pro so whatever you think", "not a photographer lol",
    "first time editing anything", "my mom wants to print this", "it's for my instagram",
)

#: Frames for descriptions rather than actions ("it's too dark").
STATE_FRAMES: tuple[str, ...] = (
    "{x}", "{x}", "{x}", "{x}, can you fix it", "{x}, help", "{x}, please fix", "{x} :(", "hmm {x}",
    "i feel like {x}", "honestly {x}", "{x} lol", "{x}, any ideas?", "{x}, fix pls", "ugh {x}",
)
JOINERS: tuple[str, ...] = (", ", " and ", ", and ", " but ", ". ", " then ", ", also ", " and also ",
                            " plus ", "; ", " & ", ", then ")


#: Share of requests told after a story about the picture.
BACKSTORY_RATE = 0.16
#: Share of correction clauses drawn from the whole lexicon (``grammar``) rather than
#: from the common phrasings here.
GRAMMAR_SHARE = 0.5


def degree(rng: random.Random) -> str:
    return rng.choice(_DEGREES)


def _join(*words: str) -> str:
    return " ".join(w for w in words if w)


def correction(rng: random.Random) -> tuple[str, bool]:
    """One correction clause and whether it reads as a state ("it's too dark") rather than an action."""
    if rng.random() < GRAMMAR_SHARE:
        return grammar.clause(rng)
    kind = rng.random()
    if kind < 0.22:
        sign = rng.choice((1, -1))
        noun = rng.choice(_NOUNS[rng.choice(list(_NOUNS))])
        verb = rng.choice(_SIGNED_VERBS[sign])
        d = degree(rng)
        if rng.random() < 0.5:
            return _join(verb, noun, d), False
        return _join(verb, d, noun) if verb in ("more", "less") else _join(d, verb, noun), False
    if kind < 0.40:
        sign = rng.choice((1, -1))
        comp = rng.choice(_COMPARATIVES[sign])
        frame = rng.choice(("{d} {c}", "make it {d} {c}", "{d} {c} please", "a {d} {c} look", "{c}, {d}",
                            "can it be {d} {c}", "i want it {d} {c}", "slightly {c}", "{c}"))
        return " ".join(frame.format(d=degree(rng), c=comp).split()), False
    if kind < 0.48:
        return _join(rng.choice(_VERBS), degree(rng)), False
    if kind < 0.62:
        adj = rng.choice(_COMPLAINT_ADJECTIVES)
        frame = rng.choice(("{s} {d} too {a}", "{s} too {a}", "too {a}", "{s} way too {a}", "{s} {a}",
                            "{s} kinda {a}", "way too {a}", "{s} a little too {a}", "not {a} enough"))
        return " ".join(frame.format(s=rng.choice(_SUBJECTS), a=adj, d=degree(rng)).split()), True
    if kind < 0.67:
        return _join(rng.choice(_SUBJECTS), rng.choice(_COMPLAINTS)), True
    if kind < 0.75:
        target = rng.choice(list(_NOUNS))
        noun = rng.choice(_NOUNS[target])
        sign = rng.choice((1, -1))
        if rng.random() < 0.5:
            return _join(noun, rng.choice(("is", "seems", "looks", "")), rng.choice(_STATE[sign])), True
        return _join(noun, rng.choice(_WISH_POSTFIX[sign])), False
    if kind < 0.81:
        noun = rng.choice(_NOUNS[rng.choice(("light", "exposure", "contrast", "saturation", "warmth",
                                             "shadows", "highlights", "sharpness", "vibrance", "tint"))])
        sign = rng.choice((1, -1))
        number = rng.choice(_NUMBERS).format(n=rng.choice((5, 10, 15, 20, 25, 30, 40, 50, 60, 75)))
        verb = rng.choice(_SIGNED_VERBS[sign][:8])
        if number.startswith("+"):
            number = number if sign > 0 else "-" + number[1:]
            return _join(noun, number), False
        return _join(verb, noun, number), False
    if kind < 0.88:
        color = rng.choice(_COLOR_WORDS)
        frame = rng.choice(("less {c}", "too {c}", "{s} too {c}", "remove the {c} cast", "there's a {c} cast",
                            "fix the {c} tint", "more {c}", "a bit more {c}", "{d} less {c}", "a {c} tint",
                            "reduce the {c}", "without the {c}", "get rid of the {c} tinge",
                            "add a {d} {c} tone",
                            "{s} {d} {c}", "{w} {d} {c}", "{w} {c}", "{w} way too {c}", "{w} kinda {c}ish"))
        text = frame.format(c=color, s=rng.choice(_SUBJECTS), d=degree(rng), w=rng.choice(_CAST_SUBJECTS))
        return " ".join(text.split()), "too" in frame or "{w}" in frame
    if kind < 0.96:
        prop = rng.choice(_RANGE_PROPS)
        if rng.random() < 0.5:
            target = rng.choice(_RANGE_PLURALS)
        else:
            target = rng.choice(_OBJECTS)
        frame = rng.choice(("make the {t} {d} {p}", "the {t} {d} {p}", "{d} {p} {t}",
                            "can the {t} be {d} {p}", "the {t} {v} too {a}", "{t} {p}", "make {t} {p}"))
        adj = rng.choice(("bright", "dark", "saturated", "dull", "vivid", "pale", "muted", "orange", "red",
                          "yellow", "green"))
        text = frame.format(t=target, d=degree(rng), p=prop, a=adj, v=rng.choice(("is", "are", "look",
                                                                                  "looks")))
        return " ".join(text.split()), "too" in frame
    adj = rng.choice(("warm", "dark", "bright", "saturated", "contrasty", "sharp", "blue", "faded"))
    frame = rng.choice(("not too {a}", "but not too {a}", "don't make it {c}", "without making it {c}",
                        "no need to make it {c}", "not so {a}"))
    comp = rng.choice(_COMPARATIVES[rng.choice((1, -1))])
    return frame.format(a=adj, c=comp), False


def frame_request(clause: str, state: bool, rng: random.Random) -> str:
    text = rng.choice(STATE_FRAMES if state else FRAMES).format(x=clause)
    if rng.random() < BACKSTORY_RATE:
        text = f"{rng.choice(BACKSTORIES)}{rng.choice((', ', '. ', ' and ', ' - '))}{text}"
    return text

