"""Correction clauses drawn from the whole of the reader's lexicon.

``phrasing`` holds the phrasings people use most, with hand-picked words; this module
draws every direction verb, noun, postfix state, adjective, comparative, color and
object the reader knows (``editor.teacher.lexicon``), so that the student sees each
word the teacher reads in more than one construction: "knock back the glow",
"the shadows feel way too heavy", "darken the red car a tad", "there's a weird greenish
tinge from the lights", "the water needs more cyan", "but don't touch the brightness".
Each function returns the clause and whether it reads as a state ("it's too dark")
rather than an action.
"""

from __future__ import annotations

import random

from editor.teacher import lexicon

# Words that only make sense after a described problem, as a postfix, or as a past
# participle are left out of the prefix verbs ("fix the contrast" alone asks nothing).
_PREFIX = sorted(
    w for w in lexicon.DIRECTIONS
    if w not in lexicon.FIXES and not w.endswith("ed")
    and w not in {"minus", "up", "higher", "more", "less", "extra", "fewer", "stronger", "weaker", "more of",
                  "a boost in", "a boost of", "lacks", "back off", "back off on", "improve", "not so much",
                  "too much", "too many"}
    and not w.startswith(("not ", "too ", "has ", "have ", "there", "lack"))
    and " it " not in f" {w} " and " them " not in f" {w} "
)
_NOUNS = sorted(lexicon.NOUNS)
_POSTFIX = sorted(lexicon.POSTFIX)
_ADJECTIVES = sorted(lexicon.ADJECTIVES)
_COMPARATIVES = sorted(w for w in lexicon.CARRIERS if w.endswith("er") or w.startswith(("more ", "less ")))
_VERBS = sorted(w for w in lexicon.CARRIERS if w not in _COMPARATIVES and not w.endswith("ed"))
# Degree words by where they read well: after a verb phrase ("reduce the glow a tad"),
# before a comparative ("a tad warmer") and before an adjective ("kinda dark").
_AFTER = ["", "", "", "", "a tiny bit", "a touch", "a hair", "a smidge", "a tad", "just a touch",
          "very slightly",
          "slightly", "a little", "a little bit", "a bit", "just a bit", "lightly", "subtly", "gently",
          "somewhat",
          "a fair bit", "a lot", "quite a bit", "significantly", "considerably", "heavily", "a ton",
          "a good amount", "noticeably", "a great deal", "loads", "drastically", "massively", "dramatically",
          "like crazy", "as much as possible", "all the way"]
_BEFORE = ["", "", "", "", "a tiny bit", "a touch", "a smidge", "a tad", "a hair", "slightly", "a little",
           "a little bit", "a bit", "just a bit", "somewhat", "a fair bit", "a lot", "much", "way",
           "quite a bit",
           "significantly", "considerably", "noticeably", "drastically", "dramatically", "a ton"]
_TOO = ["", "", "", "a bit", "a little", "slightly", "a tad", "a touch", "way", "much", "a little bit",
        "kinda"]
_PLAIN = ["really", "very", "super", "kinda", "a bit", "slightly", "quite", "so", "somewhat", "extremely",
          "a little", "incredibly", "way too", "too"]
_RANGE_COLORS = {"red": "reds", "orange": "oranges", "yellow": "yellows", "green": "greens", "cyan": "cyans",
                 "blue": "blues", "teal": "teals"}
_CAST_COLORS = sorted(w for w in lexicon.COLORS if w not in lexicon.PLURAL_COLORS)
_OBJECTS = sorted(lexicon.OBJECTS)
#: Things of any color: "the red car" is the red range.
_THINGS = ("car", "dress", "wall", "walls", "jacket", "raincoat", "door", "umbrella", "sign", "lights",
           "shirt", "flowers", "balloons", "house", "boat", "bike", "scarf", "bag", "sofa", "curtains")
_SUBJECTS = ("it's", "it is", "it looks", "it feels", "it seems", "this is", "this looks", "the photo is",
             "the picture looks", "my photo looks", "the clip is", "the video looks", "everything is",
             "everything looks", "the whole thing is", "the image is", "my pic looks", "the shot feels")
_LIGHT_VERBS = {1: ("brighten", "lighten", "lift", "brighten up"), -1: ("darken", "deepen", "dim")}
_SAT_VERBS = {1: ("boost", "saturate", "intensify", "enhance", "bring out", "punch up"),
              -1: ("mute", "desaturate", "tone down", "calm down", "reduce", "dial back")}
_RANGE_STATES = {1: ("too dark", "too dull", "too muted", "too pale", "not vivid enough", "kinda dark",
                     "lifeless"),
                 -1: ("too bright", "too saturated", "too intense", "too strong", "way too vivid", "glowing",
                      "overpowering")}
_SOURCES = ("from the lights", "from the fluorescent lights", "from the window", "from the lamps",
            "from the streetlights", "from the screen", "everywhere", "on everything", "on the skin", "")
_KEEP = ("don't touch the {n}", "dont change the {n}", "keep the {n} as is", "leave the {n} alone",
         "without changing the {n}", "keep the {n} the same", "don't mess with the {n}",
         "but leave the {n}", "the {n} is fine")


def _join(*words: str) -> str:
    return " ".join(" ".join(w for w in words if w).split())


def _the(noun: str, rng: random.Random) -> str:
    return f"the {noun}" if rng.random() < 0.5 else noun


def _after(rng: random.Random) -> str:
    return rng.choice(_AFTER)


def verb_noun(rng: random.Random) -> tuple[str, bool]:
    """"knock back the glow a bit", "dial up the vibrance a touch"."""
    return _join(rng.choice(_PREFIX), _the(rng.choice(_NOUNS), rng), _after(rng)), False


#: Postfix states by how they read after "is": "the glow is too strong", "contrast is lacking".
_WISHES = ("up", "down", "higher", "lower")
_TOO_STATES = ("high", "strong", "intense", "heavy", "extreme", "low", "weak", "much", "little")
_BARE_STATES = ("too much", "too high", "too strong", "too low", "too little", "too weak", "overpowering",
                "excessive", "off the charts", "over the top", "lacking", "missing", "not enough", "lame")


def noun_state(rng: random.Random) -> tuple[str, bool]:
    """"the shadows feel way too harsh", "contrast up a notch", "the glow is over the top"."""
    noun = _the(rng.choice(_NOUNS), rng)
    roll = rng.random()
    if roll < 0.3:
        return _join(noun, rng.choice(_WISHES), rng.choice(("", "", "a bit", "a notch", "a lot",
                                                            "please"))), False
    be = rng.choice(("is", "looks", "seems", "feels", "is just", "is kinda", ""))
    if roll < 0.65:
        return _join(noun, be, rng.choice(("too", "way too", "a bit too", "a little too", "much too")),
                     rng.choice(_TOO_STATES)), True
    return _join(noun, be, rng.choice(_BARE_STATES)), True


#: Adjectives for "not ... enough": the ones with a plain opposite.
_ENOUGH = sorted(w for w in lexicon.ADJECTIVES if w not in lexicon.COMPLAINTS and w not in ("lit", "hot"))


def adjective(rng: random.Random) -> tuple[str, bool]:
    """"the photo is a little too dim", "make it less grainy", "not crisp enough"."""
    adj, roll, subject = rng.choice(_ADJECTIVES), rng.random(), rng.choice(_SUBJECTS)
    if roll < 0.45:
        frame = rng.choice(("{s} {d} too {a}", "{d} too {a}", "{s} too {a}"))
        return _join(frame.format(s=subject, d=rng.choice(_TOO), a=adj)), True
    if adj in lexicon.COMPLAINTS or roll < 0.6:
        degree = rng.choice(_PLAIN) if adj not in lexicon.COMPLAINTS else ""
        return _join(subject, degree, adj), True
    if roll < 0.75:
        adj = rng.choice(_ENOUGH)
        return _join(rng.choice(("not {a} enough", "{s} not {a} enough")).format(a=adj, s=subject)), True
    return _join(rng.choice(("make it less {a}", "{d} less {a}", "can it be less {a}",
                             "i want it less {a}")).format(
        d=rng.choice(_BEFORE), a=adj)), False


def carrier(rng: random.Random) -> tuple[str, bool]:
    """"a smidge punchier", "desaturate it heavily", "cool it down"."""
    if rng.random() < 0.5:
        word = rng.choice(_COMPARATIVES)
        frame = rng.choice(("{d} {w}", "make it {d} {w}", "i want it {d} {w}", "needs to be {d} {w}",
                            "could be {d} {w}", "{w} please", "{w}, {a}"))
        return _join(frame.format(d=rng.choice(_BEFORE), w=word, a=_after(rng))), False
    word = rng.choice(_VERBS)
    obj = "" if " " in word else rng.choice(("it", "it", "the photo", "the image", "this", "everything", ""))
    return _join(word, obj, _after(rng)), False


def _range_ref(rng: random.Random) -> tuple[str, str]:
    """A color range named the ways people name one: "the greens", "the red car", "the grass"."""
    color = rng.choice(list(_RANGE_COLORS))
    roll = rng.random()
    if roll < 0.3:
        return f"the {_RANGE_COLORS[color]}", color
    if roll < 0.45:
        return f"the {color} {rng.choice(('tones', 'colors', 'hues'))}", color
    if roll < 0.75:
        return f"the {color} {rng.choice(_THINGS)}", color
    obj = rng.choice(_OBJECTS)
    return f"the {obj}", lexicon.OBJECTS[obj][0]


_RANGE_COMPARATIVES = ("brighter", "darker", "more vivid", "less vivid", "more saturated", "less saturated",
                       "duller", "lighter", "richer", "more muted")


def range_edit(rng: random.Random) -> tuple[str, bool]:
    """"darken the red car a tad", "the grass looks too dull", "the water needs more cyan"."""
    ref, color = _range_ref(rng)
    sign, roll = rng.choice((1, -1)), rng.random()
    if roll < 0.35:
        verbs = _LIGHT_VERBS if rng.random() < 0.5 else _SAT_VERBS
        return _join(rng.choice(verbs[sign]), ref, _after(rng)), False
    if roll < 0.55:
        return _join(ref, rng.choice(("is", "looks", "are", "look")), rng.choice(_RANGE_STATES[sign])), True
    if roll < 0.7:
        frame = rng.choice(("make {r} {d} {c}", "can you make {r} {d} {c}", "{r} {d} {c}",
                            "{r} {d} {c} please"))
        return _join(frame.format(r=ref, d=rng.choice(_BEFORE), c=rng.choice(_RANGE_COMPARATIVES))), False
    if roll < 0.8:
        # "darker sky", "a bit brighter faces": the comparative before its object.
        return _join(rng.choice(_BEFORE), rng.choice(_RANGE_COMPARATIVES), rng.choice(_OBJECTS)), False
    obj = rng.choice(_OBJECTS)
    hue = rng.choice([c for c in _RANGE_COLORS if c in lexicon.OBJECTS[obj]])
    frame = rng.choice(("the {o} needs more {c}", "{v} the {c} in the {o}", "less {c} in the {o}",
                        "more {c} in the {o}", "the {o} has too much {c}"))
    return _join(frame.format(o=obj, c=hue, v=rng.choice(_SAT_VERBS[sign]))), "too" in frame


def cast(rng: random.Random) -> tuple[str, bool]:
    """"there's a weird greenish tinge from the lights", "my skin looks orange"."""
    color = rng.choice(_CAST_COLORS)
    odd = rng.choice(sorted(lexicon.UNWANTED)) if rng.random() < 0.4 else ""
    noun = rng.choice(sorted(lexicon.UNWANTED_CASTS | {"tint"}))
    frame = rng.choice((
        "there's a {o} {c} {n} {src}", "it has a {o} {c} {n}", "{s} {d} too {c}", "{s} too {c}",
        "{fix} the {c} {n}", "get rid of the {c} {n}", "my skin looks too {c}", "the faces look too {c}",
        "remove the {c} {n} {src}", "there is a {c} {n} {src}", "too much {c}", "{d} less {c}",
    ))
    fix = rng.choice(("fix", "correct", "neutralize", "neutralise", "remove"))
    text = frame.format(o=odd, c=color, n=noun, src=rng.choice(_SOURCES), s=rng.choice(_SUBJECTS),
                        d=rng.choice(_TOO), fix=fix)
    return _join(text), not frame.startswith(("{fix}", "get rid", "remove", "{d}"))


def number(rng: random.Random) -> tuple[str, bool]:
    """"exposure -0.5", "temp +10", "set contrast to 20", "raise shadows by 15"."""
    noun = rng.choice(("brightness", "exposure", "contrast", "saturation", "vibrance", "temp", "temperature",
                       "warmth", "tint", "shadows", "highlights", "sharpness", "clarity", "blacks", "glow"))
    n = rng.choice((5, 8, 10, 12, 15, 20, 25, 30, 40, 50))
    sign = rng.choice(("+", "-"))
    roll = rng.random()
    if noun == "exposure" and roll < 0.35:
        return f"exposure {sign}{rng.choice(('0.3', '0.5', '0.7', '1', '1.5'))}", False
    if roll < 0.55:
        return f"{noun} {sign}{n}", False
    if roll < 0.8:
        verb = rng.choice(lexicon_verbs(1 if sign == "+" else -1))
        return _join(verb, noun, rng.choice(("by", "by about", "")),
                     f"{n}{rng.choice(('', '%', ' points'))}"), False
    return f"{sign}{n} {noun}", False


def lexicon_verbs(sign: int) -> list[str]:
    return [w for w in ("increase", "raise", "boost", "bump up", "add", "decrease", "lower", "reduce", "cut",
                        "drop", "bring down", "turn up") if lexicon.DIRECTIONS[w] == sign]


_NOT = ("don't make it {c}", "dont make it {c}", "not {c}", "no need to make it {c}", "i don't want it {c}",
        "don't go {c}", "it shouldn't get {c}")


def negated(rng: random.Random) -> str:
    """A change asked not to be made ("don't make it warmer"), said before what is asked."""
    return rng.choice(_NOT).format(c=rng.choice(_COMPARATIVES))


def keep(rng: random.Random) -> str:
    """A clause that keeps something as it is ("but don't touch the brightness")."""
    return rng.choice(_KEEP).format(n=rng.choice(("brightness", "colors", "colours", "contrast", "exposure",
                                                   "skin tones", "highlights", "shadows", "warmth",
                                                   "saturation")))


#: Clause kinds and how often each is drawn.
KINDS = ((verb_noun, 0.2), (noun_state, 0.15), (adjective, 0.17), (carrier, 0.13), (range_edit, 0.17),
         (cast, 0.1), (number, 0.08))


def clause(rng: random.Random) -> tuple[str, bool]:
    kinds, weights = zip(*KINDS, strict=True)
    return rng.choices(kinds, weights)[0](rng)
