"""A request's text before it is read: normalized, split into parts at punctuation, and
cut into tokens the way the lexicon and the knowledge base's names are."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[+-]?\d+(?:\.\d+)?\s*%?|[a-z&]+")
_SPLIT = re.compile(r"[,;!?:\n()\[\]/]+|\.+(?!\d)|\s-\s|\s+\u2014\s*|\s+-+\s+")
#: "green cast + too dark", "warm + brighten": a plus between words joins two requests, like "and".
_PLUS = re.compile(r"\s\+\s")
#: A web address or a file name names no look ("www.instagram.com", "trip_final.mp4").
_ADDRESS = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\s?\(\d+\))?\.(?:com|org|net|io|co|mp4|mov|m4v|avi|mkv|webm|jpe?g|png|heic|tiff?|gif)\b(?:/\S*)?"
)
#: "b/w", "b+w", "b & w", "bnw": the short forms of black and white ("b&w" is the knowledge base's).
_BLACK_AND_WHITE = re.compile(r"\bb\s*[+/&]\s*w\b|\bbnw\b|\bb\s+n\s+w\b")
#: "blk n white", "black n white": the spoken short forms.
_BLACK_N_WHITE = re.compile(r"\bbla?c?k\s+(?:n|an|and|&|\+)\s+white\b")

#: Other kinds of edit, renamed to the word the reader sets aside ("fade to black at the end"
#: and "add a fade in" are transitions, not a faded look; "wind noise" is sound, not grain;
#: "60fps" is no sixties).
_OTHER_EDITS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"\bfade\s+to\s+(?:black|white)\b", "transition"),
    (r"\bslow[- ]?mo(?:tion)?\b|\bslo[- ]?mo\b", "slowmo"),
    (r"\bfade[- ]?(?:in|out)\b(?!\s+(?:the\s+|all\s+the\s+)?(?:colou?rs?|highlights|shadows|blacks|whites"
     r"|saturation|contrast|tones?)\b)", "transition"),
    (r"\b(?:wind|background|audio|mic|traffic|crowd)\s+noise\b", "sound"),
    (r"\bface\s+filters?\b", "sticker"),
    (r"\bred[- ]?eyes?\b", "redeye"),
    (r"\b(?:licen[cs]e|number)\s+plates?\b", "numberplate"),
    (r"\b(?:dust\s+(?:spots?|specks?)|sensor\s+dust)\b", "spots"),
    # "clean up the trash can" takes a thing out; "clean up the colors" is a clean look.
    (r"\bclean\s+up\s+(?=(?:the|that|those|this|these|all\s+the)\s+(?!(?:image|photo|picture|pic|colou?rs"
     r"|shot|video|clip|footage|look|tones?|skin|whites|blacks|shadows|highlights|edit|grade)\b))",
     "remove "),
    (r"\b\d+\s*fps\b", "fps"),
    # "from 0:30 to 0:45" names a time in the clip, not an amount.
    (r"\b\d{1,2}:\d{2}(?::\d{2})?\b", "time"),
    (r"\bmute\s+(?:the\s+(?:video|clip|vid|reel|audio|sound|music|intro|ending|first|last|middle"
     r"|whole|end|start|beginning)\b)", "mute the audio"),
    # Blurring a face or a number plate hides it; blurring the picture softens it.
    (r"\bblur(?=(?:\s+\w+){0,3}?\s+(?:face|faces|numberplate|names?|numbers?|kids|people|eyes"
     r"|logo|screen|address)\b)", "censor"),
    (r"\bfade\s+(?:out\s+)?(?=(?:the\s+)?colou?rs\b)", "desaturate "),
))

#: How people name what the tools call a cast or lifted blacks ("a green color over everything",
#: "the blacks look grey"), in the words the reader reads as such.
_CAST_COLORS = r"(red|orange|yellow|green|blue|purple|pink|magenta|cyan|teal|brown)"
_NAMED_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (rf"\b{_CAST_COLORS}(?:ish|y)?\s+(?:colou?r\s+)?(?:colou?r|hue|tone|tint|haze)\s+(?:over|on|across|covering)\b",
     r"\1 cast over"),
    (rf"\b{_CAST_COLORS}\s+colou?r\s+(cast|tint|tinge)\b", r"\1 \2"),
    (r"\b(blacks?|shadows?)\s+(?:look|looks|are|is|seem|seems|appear|appears|came\s+out|come\s+out|got|get"
     r"|went)\s+(?:(?:a\s+)?(?:bit|little|kinda|kind\s+of|sort\s+of|too|so|really|very|pretty|all|super|way)\s+)*"
     r"(?:{0})(?:\s+(?:and|&|n)\s+(?:{0}))?\b".format(
         r"gr[ae]y|gr[ae]yish|lifted|milky|muddy|faded|washed[\s-]+out|hazy|flat|weak"), r"\1 are too high"),
    (rf"\b{_CAST_COLORS}\s+(?:in|into|to)\s+the\s+tint\b", r"\1 tint"),
    (r"\b(?:basically|just|only|literally)?\s*(?:a|one)\s+(?:big\s+)?(?:black|dark)\s+"
     r"(?:rectangle|square|screen|box|void|hole|blob|smudge|mess|abyss)\b", " too dark"),
    (r"\bleave\s+(?:this|that|the\s+\w+|this\s+one|that\s+one|them)\s+(alone|as\s+is)\b", r"leave it \1"),
    (r"\b(?:a\s+)?(?:power\s+outage|power\s+cut|blackout)\b", "too dark"),
    (r"\bneutral(?:i[sz]e)?\s+(?:the\s+)?(?:white\s+balance|wb|temperature|temp)\b", "neutral"),
    (r"\btake\s+(?:like\s+|about\s+|around\s+|maybe\s+)?(\d+)\s*%?\s+off\b", r"reduce by \1"),
    (r"\bhalf\s+(?:of\s+)?the\s+(?=(?:saturation|contrast|brightness|exposure|warmth|colou?rs?|sharpness"
     r"|sharpening|vibrance|glow|grain)\b)", "halve the "),
    (r"\bmono\b", "monochrome"),
    (r"\b(?:desat|de-?sat)\b", "desaturate"),
    # A colorist lifts a color's tones ("lift the blues"): lighter, not more of it.
    (r"\blift\s+(?=(?:the\s+|all\s+the\s+)?(?:reds|oranges|yellows|greens|cyans|blues|teals"
     r"|(?:red|orange|yellow|green|cyan|blue|teal)\s+(?:tones|colou?rs|hues))\b)", "lighten "),
    # "tone the blue down", "turn the reds up": the particle goes with its verb ("bring the
    # colors back" restores them, so "bring" takes no "back"; "dial the orange back" takes some away).
    *((rf"\b({verbs})\s+((?:{owners}|all\s+the)\s+[a-z]+)\s+{particle}\b", rf"\1 {particle} \2")
      for verbs, particle, owners in (
          ("tone|turn|bring|dial|knock|pull|calm|cut|cool", "down", "the|those|that"),
          ("dial|knock|pull|cut|scale", "back", "the|those|that"),
          ("turn|bring|crank|pump|bump|amp|dial|warm", "up", "the|those|that"),
          ("take|get|pull|suck|strip", "out", "the|that|this"),
      )),
    # "... bring it up to match": matching other shots is the reason, not a look.
    (r"\s+to\s+match(?:\s+(?:it|them|the\s+others|the\s+rest(?:\s+of\s+the\s+\w+)?))?\b", ""),
    (r"\bgr[ae]y[\s-]scale\b", "grayscale"),
    # "shot in color" says how it was taken, not that it should be more colorful.
    (r"\b(scanned|shot|taken|printed|filmed|photographed)\s+in\s+colou?r\b", r"\1"),
    (r"\b(?:blurry|blurred|creamy|soft)\s+(?:background|sides|edges|bars|borders)\b"
     r"|\bblur\s+(?:the\s+)?background\b|\bbokeh\b", "bokeh"),
    (r"\b\d{1,2}\s*:\s*\d{1,2}\b", "ratio"),
    (r"\b(?:just|all|totally|completely)\s+black\b(?!\s+(?:and|&|n)\s+white)", "pitch black"),
    # "a few dots of light" are things in the picture, not its brightness.
    (r"\b(?:dots|spots|specks|points|pinpricks|pinpoints|bits)\s+of\s+light\b", "lamps"),
    (r"\b(?:like\s+)?(?:a|the|an)\s+(?:fridge|freezer|icebox|ice\s+box|igloo|morgue)\b", " too cold"),
))


#: Chat shorthand too short to be typo-corrected ("cn u mak it warmr").
_SHORTHAND = (
    *((re.compile(rf"\b(?:{p})\b"), r) for p, r in (
        ("cn", "can"), ("mak|mke", "make"), ("abt", "about"), ("lil", "little"), ("rly|rlly", "really"))),
    (re.compile("\u2b06\ufe0f?|\u2191"), " up "), (re.compile("\u2b07\ufe0f?|\u2193"), " down "),
)


#: "saturation 100 -> 70", "sharpening 40 → 20": from one value to another is the change between them.
_FROM_TO = re.compile(r"([+-]?\d+)\s*%?\s*(?:->|-->|=>|\u2192)\s*([+-]?\d+)\s*%?")


def _change(match: re.Match[str]) -> str:
    delta = int(match.group(2)) - int(match.group(1))
    return f" {delta:+d} " if delta else " "


def normalize(text: str) -> str:
    """Lower case, NFKC, apostrophes dropped ("don't" -> "dont"), web addresses and file
    names removed, the short forms of black and white spelled out, a fade to black and
    other kinds of edit called what they are."""
    text = _ADDRESS.sub(" ", unicodedata.normalize("NFKC", text).lower())
    text = _BLACK_N_WHITE.sub("black and white", _BLACK_AND_WHITE.sub("b&w", text))
    text = _PLUS.sub(" and ", _FROM_TO.sub(_change, text))
    for pattern, name in (*_SHORTHAND, *_OTHER_EDITS, *_NAMED_PROBLEMS):
        text = pattern.sub(name, text)
    return text.replace("'", "").replace("\u2019", "").replace("\u2018", "").replace("`", "")


def tokens(text: str) -> list[str]:
    return [t.replace(" ", "") for t in _TOKEN.findall(normalize(text))]


def parts(text: str) -> list[str]:
    """The request cut at punctuation ("too dark, brighten it" -> two parts), normalized."""
    return [p for p in _SPLIT.split(normalize(text)) if p.strip()]
