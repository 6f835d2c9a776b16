"""Generated requests that call no tool: chat, other tasks, other languages, "no changes".

A fixed list of a hundred such sentences teaches a student those hundred sentences; once
deduplicated they are a few hundred rows of a 44K corpus, and the student answers a
fresh off-topic sentence with a grade. These are composed from parts, so the corpus has
thousands of different ones, including sentences that carry look words without asking
for a look ("what does golden hour mean", "i watched a film noir last night", "my cat
is orange"): those teach that a word is not a request. Every row is still labeled by the
teacher; a composition the teacher reads as a grade is kept with the teacher's answer.
"""

from __future__ import annotations

import random
import string

#: Other kinds of edit, composed as verb + thing (+ where): "remove" + "the guy in the back" +
#: "from this pic". A fixed list of tasks taught the student those tasks only, and it graded
#: "make it slow motion" or "add lofi music to the clip" as looks.
_TASK_PARTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("remove", "erase", "get rid of", "delete", "take out", "cut out", "edit out", "photoshop out",
      "clean up", "hide"),
     ("the person on the left", "the guy in the back", "my ex", "the photobomber", "the people behind us",
      "the tourists", "the power lines", "the wires", "the trash can", "the car", "the sign", "the text",
      "the logo", "the watermark", "the date stamp", "the pimple on my chin", "the red eye",
      "the dust spots", "that random stranger", "the scratches", "the reflection in the glass",
      "the cables", "the lamp post", "the bird", "the crowd")),
    (("add", "put", "insert", "throw in", "stick", "slap on", "overlay"),
     ("music", "some music", "background music", "a song", "a sound effect", "a voiceover", "subtitles",
      "captions", "a title", "some text", "my name", "emojis", "stickers", "a border",
      "a logo", "a watermark", "a countdown", "a fade in", "a fade out", "a transition", "a zoom effect",
      "a shake effect", "confetti", "sparkles", "hearts", "an arrow", "a timestamp", "a speech bubble",
      "a face filter", "bunny ears")),
    (("make it", "turn it into", "convert it to", "change it to", "export it as", "render it as",
      "save it as"),
     ("slow motion", "slow mo", "a boomerang", "a gif", "a loop", "a timelapse", "a reel", "a short",
      "4k", "1080p", "60fps", "30 fps", "square", "vertical", "portrait mode", "a pdf", "a png",
      "a smaller file", "a collage", "a slideshow", "a meme", "a sticker")),
    (("speed up", "slow down", "trim", "shorten", "crop", "rotate", "flip", "mirror", "zoom into",
      "reverse", "loop", "stabilize", "straighten", "resize", "split", "duplicate", "compress"),
     ("it", "the clip", "the video", "the photo", "the intro", "the ending", "the last part",
      "the first few seconds", "the middle bit", "the whole thing")),
    (("blur", "censor", "pixelate", "hide", "cover"),
     ("his face", "the faces", "the license plate", "my address", "the kids faces", "the screen",
      "the logo", "the house number")),
    (("mute", "turn down", "remove", "fade out", "cut", "lower"),
     ("the audio", "the sound", "the music", "the wind noise", "the background noise", "the voices",
      "the mic noise")),
)
#: Words that go with a sound ("some chill music") or with a thing drawn on top ("a white border").
_SOUND_ADJECTIVES = ("chill", "lofi", "upbeat", "sad", "happy", "epic", "trending", "jazzy", "piano")
_OVERLAY_ADJECTIVES = ("funny", "cute", "big", "small", "white", "black", "thin", "gold")
_SOUNDS = frozenset({"music", "song", "sound effect", "voiceover"})
_TASK_PLACES = ("", "", "", " from this pic", " from the photo", " in the clip", " to the video",
                " to the clip", " at the end", " at the start", " in the corner", " for my story",
                " for tiktok", " behind us", " on the left", " in the background", " before i post it")
_TASK_FRAMES = (
    "{t}", "{t} please", "can you {t}", "could you {t}", "pls {t}", "how do i {t}", "i need to {t}",
    "is there a way to {t}", "help me {t}", "just {t}", "i want to {t}", "how can i {t}", "{t} thanks",
    "can this app {t}", "where do i go to {t}", "is it possible to {t}", "i'd like to {t}",
    "can you please {t}", "now {t}", "ok now {t}", "quickly {t}", "{t} asap", "{t}?",
)


def task(rng: random.Random) -> str:
    """A request for another kind of edit (cut, remove, add music, slow motion): no look."""
    verbs, things = rng.choice(_TASK_PARTS)
    thing = rng.choice(things)
    if rng.random() < 0.25 and thing.startswith(("a ", "some ")) and not thing.startswith("a fade"):
        article, rest = thing.split(" ", 1)
        adjective = rng.choice(_SOUND_ADJECTIVES if rest in _SOUNDS else _OVERLAY_ADJECTIVES)
        article = "an" if article == "a" and adjective[0] in "aeiou" else article
        thing = f"{article} {adjective} {rest}"
    return rng.choice(_TASK_FRAMES).format(t=f"{rng.choice(verbs)} {thing}{rng.choice(_TASK_PLACES)}")


_TOPICS = (
    "golden hour", "film noir", "the winter olympics", "summer vacation", "a rainy day", "the ocean",
    "sunsets", "autumn leaves", "my wedding", "cyberpunk 2077", "the eighties", "vintage cars", "neon signs",
    "snow", "the beach", "paris", "tokyo", "my birthday", "christmas", "halloween", "coffee", "my cat",
    "my dog", "a forest", "the desert", "the moon", "old movies", "instagram", "this app", "my camera",
    "wes anderson", "horror movies", "the mountains", "spring", "the city at night", "pizza", "football",
)
_TOPIC_FRAMES = (
    "what is {x}", "what does {x} mean", "tell me about {x}", "who invented {x}",
    "i watched something about {x} last night", "do you like {x}", "my friend talks about {x} a lot",
    "what's your opinion on {x}", "i was thinking about {x}", "write a poem about {x}",
    "remind me to look up {x}", "how far is {x}", "when is {x}", "i miss {x}", "fun fact about {x}?",
    "is {x} popular", "search for {x}", "play a song about {x}",
)
_PEOPLE = ("my mom", "my brother", "my friend", "my boss", "my cat", "my dog", "my neighbor", "my sister",
           "my grandpa", "the kids", "everyone at work")
_DOINGS = ("is asleep", "loves this photo", "took this picture", "is coming over later", "said hi",
           "is on vacation", "made dinner", "bought a new camera", "hates selfies",
           "is getting married", "lost their keys", "is watching tv")
_CHAT = (
    "hi", "hello", "hey there", "good morning", "good night", "thanks", "thank you so much", "ok",
    "okay cool",
    "lol", "haha", "wow", "yes", "no", "maybe", "hmm", "nice", "cool", "great", "awesome", "blah blah", "meh",
    "oops", "brb", "omg", "yay", "idk", "whatever", "sure", "good job", "well done", "this app is cool",
    "what", "huh?", "sorry", "bye", "test", "testing 123",
    "who are you", "are you a robot", "how are you", "what can you do", "what's the time", "is this thing on",
    "tell me a joke", "i'm bored", "what day is it", "how much does this cost", "the app is slow",
    "why is it loading", "where are my files", "open the settings", "undo that feature please explain",
    "i don't know what to type", "what should i write here", "can i talk to a human",
)
#: Questions about the app itself, not about the picture's look.
_APP_QUESTIONS = (
    "can i edit raw files", "does it work offline", "does this support 4k", "can it open heic photos",
    "is there a dark mode", "how do i save my project", "where do the exports go", "can i use my own luts",
    "does it work on mac", "how much space does it need", "can i edit several clips at once",
    "is it free", "what file types does it support", "why won't my video open", "can i change the language",
    "how long does exporting take", "does it keep the audio", "can i undo", "where is the export button",
    "what's new in this version", "can i open a project from yesterday", "does it use my gpu",
)
_FILE_STEMS = ("IMG", "DSC", "VID", "PXL", "GOPR", "MVI", "vacation", "wedding_final", "clip", "export",
               "beach_trip", "birthday_v2", "untitled", "Screenshot_2024-06-01", "final_final", "draft")
_FILE_EXTENSIONS = ("jpg", "JPG", "jpeg", "png", "heic", "mp4", "MOV", "mov", "mkv", "webm", "tif")
_SITES = ("instagram", "youtube", "tiktok", "google", "reddit", "vimeo", "example", "dropbox", "facebook")


def address(rng: random.Random) -> str:
    """A file name or a web address, as pasted into the prompt box by mistake."""
    if rng.random() < 0.6:
        stem = rng.choice(_FILE_STEMS)
        number = f"{rng.choice(('_', '', '-'))}{rng.randint(1, 9999):04d}" if rng.random() < 0.7 else ""
        return f"{stem}{number}.{rng.choice(_FILE_EXTENSIONS)}"
    site = rng.choice(_SITES)
    path = rng.choice(("", "/", "/watch", "/p/Cx81k", "/r/photography", "/home"))
    return f"{rng.choice(('www.', 'https://', 'https://www.', ''))}{site}.com{path}"


_NO_CHANGE = (
    "no changes", "no change please", "leave it as it is", "leave it", "keep it as is",
    "don't change anything",
    "nothing", "do nothing", "it's fine as it is", "looks good already", "no edits needed",
    "keep it the same",
    "never mind", "nvm", "forget it", "it's perfect", "leave it alone please", "don't touch it", "no thanks",
    "keep everything as it is", "don't edit anything", "no grading", "i like it as is", "it's good like this",
    "don't do anything to it", "keep it exactly how it is", "actually leave it", "it's fine, thanks",
    "no need to change it", "perfect as it is", "all good, no edits", "i'm happy with it", "stop, it's fine",
    "don't grade it", "keep the original", "leave the colors alone", "don't change the colors",
    "keep the exposure as it is", "leave the brightness alone", "i don't want any changes",
)
_NO_CHANGE_LEADS = ("", "", "actually ", "hmm ", "nah ", "on second thought ", "you know what, ", "ok ",
                    "please ", "honestly ")
#: Short requests in languages the model does not read: (words that ask, properties).
_FOREIGN = {
    "es": (("hazlo", "ponlo", "quiero que sea", "un poco", "mucho", "déjalo"),
           ("más brillante", "más oscuro", "más cálido", "más frío", "más saturado", "con más contraste",
            "menos saturado", "más vivo", "en blanco y negro", "más suave")),
    "fr": (("rends-le", "fais-le", "je veux une image", "un peu", "beaucoup", "rends l'image"),
           ("plus lumineuse", "plus sombre", "plus chaude", "plus froide", "plus saturée", "moins saturée",
            "plus contrastée", "en noir et blanc", "plus douce", "plus nette")),
    "de": (("mach es", "mach das bild", "bitte", "etwas", "viel", "ich möchte es"),
           ("heller", "dunkler", "wärmer", "kälter", "bunter", "weniger bunt", "kontrastreicher",
            "schwarz-weiß", "schärfer", "weicher")),
    "pt": (("deixa", "faz ficar", "quero mais", "um pouco", "bem", "deixe a foto"),
           ("mais clara", "mais escura", "mais quente", "mais fria", "mais saturada", "com mais contraste",
            "preto e branco", "mais nítida", "menos saturada", "mais suave")),
    "it": (("rendila", "falla", "vorrei", "un po'", "molto", "rendi la foto"),
           ("più luminosa", "più scura", "più calda", "più fredda", "più satura", "meno satura",
            "più contrastata", "in bianco e nero", "più nitida", "più morbida")),
    "nl": (("maak het", "maak de foto", "graag", "iets", "veel", "ik wil het"),
           ("lichter", "donkerder", "warmer", "kouder", "feller", "minder fel", "meer contrast",
            "zwart-wit", "scherper", "zachter")),
}
_FOREIGN_SCRIPTS = (
    "сделай ярче", "теплее пожалуйста", "темнее", "更亮一点", "让它更暖", "黑白", "もっと明るく",
    "暖かくして",
    "더 밝게 해줘", "좀 더 따뜻하게", "اجعلها أكثر إشراقا", "תעשה את זה בהיר יותר", "और चमकीला बनाओ",
    "κάνε το πιο φωτεινό", "ทำให้สว่างขึ้น", "daha parlak yap", "lebih terang dong", "làm cho sáng hơn",
    "gawin mong mas maliwanag", "zrób to jaśniejsze", "gör bilden ljusare", "gjør det varmere",
)


def mash(rng: random.Random) -> str:
    """A keyboard mash, a run of symbols or digits."""
    kind = rng.random()
    if kind < 0.4:
        row = rng.choice(("qwertyuiop", "asdfghjkl", "zxcvbnm", "qazwsx", "poiuytrewq", "lkjhgfdsa"))
        start = rng.randrange(len(row) - 3)
        return row[start : start + rng.randint(3, len(row) - start)]
    if kind < 0.7:
        letters = string.ascii_lowercase
        return "".join(rng.choice(letters) for _ in range(rng.randint(4, 12)))
    if kind < 0.85:
        return "".join(rng.choice("!?.,-_*#@ ") for _ in range(rng.randint(1, 6))).strip() or "?"
    return "".join(rng.choice(string.digits) for _ in range(rng.randint(2, 8)))


def _foreign(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(_FOREIGN_SCRIPTS)
    leads, props = _FOREIGN[rng.choice(list(_FOREIGN))]
    return f"{rng.choice(leads)} {rng.choice(props)}"


def noop(rng: random.Random) -> str:
    """One request that should call no tool."""
    kind = rng.random()
    if kind < 0.06:
        return address(rng)
    if kind < 0.1:
        return rng.choice(_APP_QUESTIONS)
    if kind < 0.24:
        return mash(rng)
    if kind < 0.38:
        return task(rng)
    if kind < 0.56:
        return rng.choice(_TOPIC_FRAMES).format(x=rng.choice(_TOPICS))
    if kind < 0.64:
        return f"{rng.choice(_PEOPLE)} {rng.choice(_DOINGS)}"
    if kind < 0.72:
        # Chat comes in runs ("lol nice", "ok thanks!! bye"), so a single word is not all
        # the student sees of it.
        return " ".join(rng.choice(_CHAT) for _ in range(rng.choice((1, 1, 2, 2, 3))))
    if kind < 0.84:
        return rng.choice(_NO_CHANGE_LEADS) + rng.choice(_NO_CHANGE)
    return _foreign(rng)
