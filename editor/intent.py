"""What a typed request is, before and after the model reads it.

A request is either a **new** look ("moody winter"), a **relative** change to the look on
screen ("a bit warmer", "and more contrast"), or **none**: nothing the three tools can
do ("asdfgh", "no changes", "what time is it", text in a language the model does not
read). The student writes one of ``MODES`` for every request (its fourth prompt,
``editor.prompts``); ``none`` calls no tool and the user is told so in one
plain sentence, ``NOT_UNDERSTOOD``.

``readable`` is the check before the model: text with no Latin letters at all (empty,
emoji, Hebrew, Chinese ...) never reaches it, since the tokenizer would see only
unknown pieces.
"""

from __future__ import annotations

import re
import unicodedata

MODES: tuple[str, ...] = ("new", "relative", "none")
NEW, RELATIVE, NONE = MODES

NOT_UNDERSTOOD = (
    "I couldn\u2019t turn that into a look; try words like \u2018warmer\u2019 or \u2018golden hour\u2019."
)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD.

    Python turns the bytes of an argument or input line that are not UTF-8 into lone
    surrogates; the tokenizer, SQLite and the terminal all refuse those.
    """
    return _SURROGATE.sub("\ufffd", text)


_DECADE = re.compile(r"\d0\s*'?s\b", re.IGNORECASE)


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


def readable(intent: str) -> bool:
    """Whether the request can be read at all: at least two Latin letters (or a decade,
    "80s": one letter after a number), and Latin letters are most of its letters (so a
    Hebrew sentence with one English word is not)."""
    text = unicodedata.normalize("NFKC", intent)
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(_latin_letter(ch) for ch in letters)
    decade = _DECADE.search(text) is not None
    return (latin >= 2 or decade) and latin * 2 > len(letters)


def parse_mode(text: str) -> str | None:
    """The model's mode output as one of ``MODES``, or ``None`` when it is none of them."""
    word = text.strip().lower()
    return word if word in MODES else None
