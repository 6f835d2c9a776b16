"""The request reader: directions, degrees, numbers, negation, ranges, no-ops, modes."""

from __future__ import annotations

import numpy as np
import pytest

from editor.teacher import lexicon
from editor.teacher.kb import KnowledgeTeacher


@pytest.fixture(scope="module")
def teacher() -> KnowledgeTeacher:
    return KnowledgeTeacher()


def _adjust(teacher, intent, name):
    return teacher.label(intent).look.adjust_value(name)


@pytest.mark.parametrize(
    ("intent", "name", "sign"),
    [
        ("please decrease the contrast", "contrast", -1),
        ("lighten it up a lot", "exposure", 1),
        ("less colorful please", "saturation", -1),
        ("reduce the saturation", "saturation", -1),
        ("tone down the colors a bit", "saturation", -1),
        ("too dark, brighten it a little", "exposure", 1),
        ("it's way too bright", "exposure", -1),
        ("the contrast is too high", "contrast", -1),
        ("saturation down", "saturation", -1),
        ("it looks flat", "contrast", 1),
        ("not warm enough", "temperature", 1),
        ("there is a green cast", "tint", 1),
        ("too magenta", "tint", -1),
        ("underexposed, help", "exposure", 1),
        ("the contrast is harsh, tone it down", "contrast", -1),
        ("soften the contrast", "contrast", -1),
        ("warm it up", "temperature", 1),
        ("cool it down a bit", "temperature", -1),
        ("brightness +20", "exposure", 1),
        ("the glow seems too intense", "bloom", -1),
        ("the shadows are so deep you can't see anyone's face, can you open them up", "shadows", 1),
        ("the sky is blown out and white", "highlights", -1),
        ("bring the highlights down so there's some detail again", "sharpen", 1),
        # Forum shorthand: a plus between requests, a sign before the noun, "ev".
        ("green cast + too dark", "exposure", 1),
        ("-30 saturation", "saturation", -1),
        ("-0.7 ev", "exposure", -1),
        ("contrast is cranked, back it off", "contrast", -1),
        ("the hallway is a cave. light it up", "exposure", 1),
        # "so" and a "too" that runs on describe the problem.
        ("so washed out", "contrast", 1),
        ("too bright and washed out looking", "linearOffset", -1),
        # What comes from the light is its cause, not a target.
        ("skin looks a bit green from the light bouncing off the hedge, fix the tint", "tint", 1),
        # How the scene was in real life is wanted; a white gone cream is a yellow cast.
        ("it was so much brighter in person", "exposure", 1),
        ("my white kitchen looks cream colored in this, it's bright white irl", "temperature", -1),
    ],
)
def test_direction_of_plain_requests(teacher, intent, name, sign):
    assert _adjust(teacher, intent, name) * sign > 0


def test_clauses_keep_their_own_directions(teacher):
    look = teacher.label("darken the image and increase the contrast").look
    assert look.adjust_value("exposure") < 0 < look.adjust_value("contrast")
    look = teacher.label("decrease brightness and increase contrast").look
    assert look.adjust_value("exposure") < 0 < look.adjust_value("contrast")
    # A clause with a target but no direction takes the previous clause's.
    look = teacher.label("increase the brightness and contrast").look
    assert look.adjust_value("exposure") > 0 and look.adjust_value("contrast") > 0


def test_negation_cancels_its_edit_only(teacher):
    look = teacher.label("don't make it darker, just more contrast").look
    assert look.adjust_value("exposure") == 0 and look.adjust_value("contrast") > 0
    look = teacher.label("add contrast without making it darker").look
    assert look.adjust_value("exposure") == 0 and look.adjust_value("contrast") > 0
    assert teacher.label("without the yellow").look.adjust_value("temperature") < 0


@pytest.mark.parametrize("keep", ["without changing the colors", "without touching the saturation",
                                  "but don't touch the colors"])
def test_keeping_a_target_never_edits_it(teacher, keep):
    look = teacher.label(f"make it brighter {keep}").look
    assert look.adjust_value("exposure") > 0 and look.adjust_value("saturation") == 0


def test_a_contraction_is_no_typo(teacher):
    # "can't" is read as "cant", which is one letter from "cat" but never corrected to it.
    words = [w for clause in teacher.read("it's so dark you can't see a thing") for w in clause.words]
    assert "cant" in words and "cat" not in words


def test_magnitudes_are_monotone(teacher):
    steps = ["a tad brighter", "slightly brighter", "brighter", "much brighter", "extremely brighter"]
    values = [_adjust(teacher, s, "exposure") for s in steps]
    assert values == sorted(values) and len(set(values)) == len(values)
    assert _adjust(teacher, "about 5% brighter", "exposure") < _adjust(teacher, "a lot brighter", "exposure")
    assert lexicon.DEGREES["slightly"] < 1 < lexicon.DEGREES["a lot"] < lexicon.DEGREES["extremely"]


@pytest.mark.parametrize("n", [5, 20, 50])
def test_a_number_sets_the_main_parameter(teacher, n):
    assert _adjust(teacher, f"increase the brightness by {n}%", "exposure") == n
    assert _adjust(teacher, f"contrast +{n}", "contrast") == n


def test_color_ranges(teacher):
    look = teacher.label("make the greens more vivid").look
    assert look.selective_value("green", "saturation") > 0 and look.adjust is None
    assert teacher.label("less red in the skin").look.selective_value("red", "saturation") < 0
    assert teacher.label("bluer sky").look.selective_value("blue", "saturation") > 0
    assert teacher.label("the sky is too bright").look.selective_value("blue", "luminance") < 0
    assert teacher.label("the greens are too vivid").look.selective_value("green", "saturation") < 0


def test_a_correction_wins_over_its_style(teacher):
    golden = teacher.label("golden hour")
    fixed = teacher.label("golden hour but less saturated")
    assert golden.look.adjust_value("saturation") > 0 > fixed.look.adjust_value("saturation")
    assert fixed.look.adjust_value("temperature") == golden.look.adjust_value("temperature")
    assert fixed.mode == "new"
    assert teacher.label("moody but brighter").look.adjust_value("exposure") > 0
    tempered = teacher.label("golden hour, not too warm").look.adjust_value("temperature")
    # Less warm than the style gives: a touch under the original.
    assert tempered < 0 < golden.look.adjust_value("temperature")


@pytest.mark.parametrize(
    ("intent", "prop", "way"),
    [
        ("vintage look but not so yellow", "warmth", "-"),
        ("black and white, but not so contrasty", "contrast", "-"),
        ("golden hour, not too warm", "warmth", "-"),
        ("golden hour but less saturated", "saturation", "-"),
    ],
)
def test_a_styles_filter_never_undoes_the_edit(teacher, intent, prop, way):
    """Rendered on a grey ramp and color patches, the named property moves the asked way
    although the style's filter pulls the other way (it is weakened or dropped)."""
    from editor.directions import measures, moved
    from editor.pipeline import render_cpu
    from editor.teacher.verify import chart

    rgb, neutral, before = chart()
    answer = teacher.label(intent)
    after = measures(render_cpu(rgb, answer.look), neutral=neutral)
    assert moved(prop, way, before[prop], after[prop]), (answer.look.to_text(), before[prop], after[prop])
    style = teacher.label(intent.split(",")[0].split(" but")[0]).look
    assert answer.look.filter is None or answer.look.filter.intensity < style.filter.intensity


@pytest.mark.parametrize(
    "intent",
    [
        "asdfgh",
        "",
        "   ",
        "no changes",
        "leave it as it is",
        "keep it the same",
        "שלום עולם",
        "你好世界",
        "haz la foto más cálida",
        "who won the game last night",
        "12345",
        # Look words that ask for no look: chat, other work, sound, keyboard mashes.
        "what does golden hour mean",
        "tell me about film noir",
        "my cat is asleep",
        "good night",
        "split the clip in half",
        "trim the end",
        "mute the audio",
        "make it smaller",
        "bwww",
        "zenkw",
        "nah i'm happy with it",
        "keep the original colors and exposure",
        "leave the shadows and highlights alone",
        "what does vibrance mean",
        "we went to paris last summer",
        "happy birthday mom",
        "fade to black at the end",
    ],
)
def test_nothing_to_do_calls_no_tool(teacher, intent):
    answer = teacher.label(intent)
    assert answer.look.is_neutral and answer.mode == "none" and answer.rationales == {}


@pytest.mark.parametrize(
    ("intent", "name"),
    [
        ("it's fine but a bit dark", "exposure"),
        ("crop it and make it brighter", "exposure"),
        ("keep the warmth, more contrast", "contrast"),
        ("seashore", "saturation"),
    ],
)
def test_a_request_beside_chat_or_keeping_still_edits(teacher, intent, name):
    assert teacher.label(intent).look.adjust_value(name) != 0


@pytest.mark.parametrize(
    ("intent", "mode"),
    [
        ("make it brighter", "relative"),
        ("a bit warmer", "relative"),
        ("and more contrast", "relative"),
        ("less yellow", "relative"),
        ("moody winter", "new"),
        ("golden hour but less saturated", "new"),
    ],
)
def test_relative_or_new(teacher, intent, mode):
    assert teacher.label(intent).mode == mode


def test_rationale_says_what_was_asked(teacher):
    answer = teacher.label("slightly warmer and more contrast")
    assert (
        "warmer (a little)" in answer.rationales["adjust"] and "more contrast" in answer.rationales["adjust"]
    )


@pytest.mark.parametrize("intent", ["it looks too gloomy", "way too moody", "too cinematic, tone it down"])
def test_too_much_of_a_look_takes_some_of_it_back(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.filter is None and not answer.look.is_neutral


@pytest.mark.parametrize(
    "intent",
    [
        "it looks like midnight, can you brighten it",
        "My phone made it look like midnight but it was 5pm! please lighten it",
    ],
)
def test_a_look_the_picture_has_is_not_applied(teacher, intent):
    look = teacher.label(intent).look
    assert look.filter is None and look.adjust_value("exposure") > 0 and look.adjust_value("temperature") == 0


@pytest.mark.parametrize(
    "intent",
    [
        "it looks cold and sad, warm it up",
        "the blue sky looks too dark, like a storm is coming",
    ],
)
def test_a_look_that_describes_the_problem_is_not_applied(teacher, intent):
    assert teacher.label(intent).look.filter is None


def test_a_likeness_beside_a_wish_is_the_problem(teacher):
    look = teacher.label("looks like a horror movie, make it cheerful").look
    assert look.filter is not None and not look.filter.name.startswith("horror")
    assert look.adjust_value("exposure") > 0


def test_a_look_named_before_a_range_only_says_which_colors(teacher):
    look = teacher.label("less saturation overall but more vivid sunset oranges").look
    assert look.filter is None and look.selective_value("orange", "saturation") > 0
    oompa = teacher.label("my skin looks like an oompa loompa lol").look
    assert oompa.selective_value("orange", "saturation") < 0


def test_a_range_against_the_whole_picture_still_moves_its_way(teacher):
    """"brighter overall but darken the sky": rendered, the blues end darker although the
    exposure rises."""
    from editor.directions import measures, moved
    from editor.pipeline import render_cpu
    from editor.teacher.verify import chart

    rgb, neutral, _ = chart()
    # The chart's last nine patches are its blues (hue 240).
    blues = np.zeros(rgb.shape[:2], dtype=bool)
    blues[:, -9:] = True
    look = teacher.label("brighter overall but darken the sky").look
    before = measures(rgb, {"blue": blues}, neutral)
    after = measures(render_cpu(rgb, look), {"blue": blues}, neutral)
    assert look.adjust_value("exposure") > 0
    assert moved("blue.luminance", "-", before["blue.luminance"], after["blue.luminance"]), look.to_text()


def test_a_look_asked_for_by_likeness_is_applied(teacher):
    assert teacher.label("i want it to look like midnight and brighter").look.filter is not None


@pytest.mark.parametrize(
    ("intent", "name", "sign"),
    [
        # Complaints in words the reader did not know, or hedged ("kinda dim").
        ("help!! photo from the concert is almost black", "exposure", 1),
        ("the beach pic is blinding lol, bring it down", "exposure", -1),
        ("kinda dim, fix?", "exposure", 1),
        ("the ice looks blue, should be white. also kinda dark", "exposure", 1),
        # "looks like" compares; it asks for nothing.
        ("everyone looks like smurfs lol its so blue", "temperature", 1),
        # A white or grey thing with a cast is the cast's problem, not the highlights'.
        ("the white dress looks yellow, fix?", "temperature", -1),
        ("there's a green tint from the fluorescent lights", "tint", 1),
        ("it's like there's a yellow film over everything", "temperature", -1),
        ("the old scan is faded and yellowed", "temperature", -1),
        ("pull the saturation back", "saturation", -1),
        ("deeper blacks and brighter whites", "linearOffset", -1),
        ("deeper blacks and brighter whites", "highlights", 1),
        ("exposure +1 stop pls", "exposure", 1),
        ("dial the saturation back", "saturation", -1),
        ("bring the colors back", "saturation", 1),
        ("slightly greener tint pls", "tint", -1),
        # Found on requests_dev4: typos, stops, "not ... enough" in a description, a style
        # name made of lexicon words that names the problem, adjectives used as verbs.
        ("ugh evrything is so dimm, brightr pls", "exposure", 1),
        ("its like 2 stops underexposed", "exposure", 1),
        ("its not bright enough for insta tbh", "exposure", 1),
        ("its giving nicotine stain yellow, cool it", "temperature", -1),
        ("it's got a weird icy blue cast, can you neutralize that", "temperature", 1),
        ("get rid of the green tint and bring the exposure down", "tint", 1),
        ("the phone's auto HDR made the colors insane, dial them back", "saturation", -1),
        ("make the darks darker", "shadows", -1),
        ("make the shadows brighter", "shadows", 1),
        ("contrast -10 saturation -10", "contrast", -1),
        ("contrast -10 saturation -10", "saturation", -1),
        ("it's way too warm, everything's orange", "temperature", -1),
        ("the white wall looks mint green", "tint", 1),
        ("we look like shrek in this", "tint", 1),
        ("everyone looks like smurfs", "temperature", 1),
        ("can u sharpen the text on the sign", "sharpen", 1),
        # Found on requests_dev5.
        ("open it up a stop maybe?", "exposure", 1),
        ("exposure +1 i think??", "exposure", 1),
        ("its glaring. dim it", "exposure", -1),
        ("kelvin up like 500?", "temperature", 1),
        ("the basement party shots r basically black", "exposure", 1),
        ("stage lights at the school concert turned my son bright orange, can that be fixed", "temperature",
         -1),
        ("looks like someone slapped a mustard filter on it", "temperature", -1),
        ("the fluorescent tubes made it go all green, can you correct", "tint", 1),
        ("pinkish magenta haze all over, neutralize it", "tint", -1),
        ("turn it black n white, soft and low contrast", "contrast", -1),
        ("indoor lighting made everything look like a pumpkin, fix pls", "temperature", -1),
    ],
)
def test_complaints_casts_and_colorist_words(teacher, intent, name, sign):
    assert _adjust(teacher, intent, name) * sign > 0


@pytest.mark.parametrize("intent", ["exposure +1 stop", "exposure +1 i think??"])
def test_a_stop_of_exposure_is_the_documented_step(teacher, intent):
    assert _adjust(teacher, intent, "exposure") == 40


@pytest.mark.parametrize(
    "intent", ["desaturate completely", "no color at all, just grey tones", "B+W", "b/w", "b & w",
               "b n w", "blk n white", "colorless pls", "remove all the color", "drain all the color out"]
)
def test_all_the_way_less_color_is_black_and_white(teacher, intent):
    assert _adjust(teacher, intent, "saturation") == -100


@pytest.mark.parametrize(
    "intent",
    [
        "www.instagram.com",
        "vacation_final_v2.mp4",
        'put "happy bday jess" in big letters on top',
        "ok cool, brb",
        "add a fade transition between the clips",
        "can i edit raw files",
        "tiktok.com/r/photography",
        "is there a dark mode",
        "vacation_2023_final_FINAL(2).jpg",
    ],
)
def test_addresses_and_files_are_no_request(teacher, intent):
    assert teacher.label(intent).mode == "none"


def test_a_wanted_tint_stays_a_style(teacher):
    assert _adjust(teacher, "old film look with a slight green tint", "tint") < 0


@pytest.mark.parametrize(("intent", "name"), [("80s", "retro_80s"), ("70s", "vintage_70s")])
def test_a_decade_alone_is_its_look(teacher, intent, name):
    assert teacher.label(intent).look.filter.name == name


@pytest.mark.parametrize(
    "intent",
    ["darker, more contrast", "less exposure and more contrast, dark and punchy",
     "more contrast and saturation, less brightness", "make it darker and moodier, more contrast"],
)
def test_darker_with_more_contrast_keeps_the_spread(teacher, intent):
    """Exposure shrinks the spread of L* as it darkens; rendered on the chart, the picture
    ends both darker and more contrasty."""
    from editor.directions import measures, moved
    from editor.pipeline import render_cpu
    from editor.teacher.verify import chart

    rgb, neutral, before = chart()
    look = teacher.label(intent).look
    after = measures(render_cpu(rgb, look), neutral=neutral)
    for key, way in (("contrast", "+"), ("brightness", "-")):
        assert moved(key, way, before[key], after[key]), (key, look.to_text(), before[key], after[key])


@pytest.mark.parametrize(("light", "cast"), [("brighten it", "warm it up"), ("darker", "cooler")])
def test_a_cast_asked_beside_the_light_is_stronger(teacher, light, cast):
    """Exposure scales a* and b* with L*, so brightening turns a bluish white bluer: a
    warmth change asked beside a change of light outgrows it."""
    alone = _adjust(teacher, cast, "temperature")
    both = _adjust(teacher, f"{light} and {cast}", "temperature")
    assert abs(both) > abs(alone) and both * alone > 0


def test_a_comparative_before_a_named_sky_is_its_range(teacher):
    """"darker blue sky please": the sky's blues darken; "blue sky" alone is still a look."""
    look = teacher.label("darker blue sky please").look
    assert look.selective_value("blue", "luminance") < 0 and look.adjust_value("exposure") == 0
    assert teacher.label("a blue sky").mode == "new"


def test_how_a_thing_looks_beside_an_edit_is_the_problem(teacher):
    """"i look sunburnt", "the tomatoes look almost brown" beside an edit describe the
    picture; they ask for no warm or sepia look."""
    look = teacher.label("tone down the red in my cheeks, i look sunburnt").look
    assert look.selective_value("red", "saturation") < 0 and look.adjust_value("temperature") <= 0
    look = teacher.label("the tomatoes look almost brown, can you brighten the reds a bit").look
    assert look.filter is None and look.selective_value("red", "luminance") > 0
    assert teacher.label("can it look more cinematic, and brighter").look.filter is not None
    # "look", "feel" and "looking" after a look's name are no verbs.
    for intent in ("vintage look please, warm and kinda faded", "a cozy feel, brighter",
                   "a vintage looking photo, brighter"):
        assert teacher.label(intent).look.filter is not None, intent


def test_a_tint_asked_beside_the_light_is_stronger(teacher):
    alone = _adjust(teacher, "get rid of the green tint", "tint")
    both = _adjust(teacher, "get rid of the green tint and bring the exposure down", "tint")
    assert both > alone > 0


@pytest.mark.parametrize(
    "intent",
    ["phone pic from the aquarium tunnel, super dim, can you lighten it up",
     "shot at the beach at dusk, brighter please"],
)
def test_where_it_was_taken_is_no_look_beside_a_request(teacher, intent):
    """The place names a look ("aquarium", "beach"); beside a request it only says where."""
    answer = teacher.label(intent)
    assert answer.look.adjust_value("exposure") > 0 and answer.look.filter is None
    assert answer.mode == "relative"


def test_an_ish_color_is_what_it_looks_like(teacher):
    look = teacher.label("bluish everywhere, everyone looks like a smurf").look
    assert look.adjust_value("temperature") > 0 and look.filter is None
    assert teacher.label("make it bluish").look.adjust_value("temperature") < 0


@pytest.mark.parametrize(
    "intent",
    ["tone down the vintage look", "can you please reduce the cinematic effect", "get rid of the sepia",
     "remove the moody look", "too much vintage"],
)
def test_taking_a_look_out_takes_some_of_it_back(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.filter is None and not answer.look.is_neutral


@pytest.mark.parametrize(
    "intent",
    ["make it slow motion", "add some chill lofi music to the video", "can you remove my ex from this pic",
     "add a white border around it", "get rid of the power lines", "edit out the lamp post please",
     "turn it into a gif", "add a fade in at the start", "blur the license plate", "mute the video",
     "remove the wind noise", "make it 60fps"],
)
def test_other_kinds_of_edit_are_no_grade(teacher, intent):
    assert teacher.label(intent).mode == "none"


def test_a_clip_of_some_kind_is_still_graded(teacher):
    assert teacher.label("black and white for my reel").look.filter is not None
    assert teacher.label("the timelapse is way too dark").look.adjust_value("exposure") > 0
    assert teacher.label("fade the colours a bit").look.adjust_value("saturation") < 0


@pytest.mark.parametrize(
    "intent", ["dark dark dark. fix??", "i look like im standing in a cave, can we fix that"]
)
def test_a_look_described_then_fixed_is_taken_back(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.adjust_value("exposure") > 0


def test_a_look_described_beside_a_fix_is_taken_back_too(teacher):
    answer = teacher.label("green cast and soft focus, fix both")
    assert answer.mode == "relative" and answer.look.adjust_value("sharpen") > 0


@pytest.mark.parametrize(
    "intent", ["the blacks look grey, make them deeper", "the blacks look grey and milky"]
)
def test_grey_blacks_are_lifted_blacks(teacher, intent):
    look = teacher.label(intent).look
    assert look.adjust_value("linearOffset") < 0 and look.adjust_value("saturation") <= 0


def test_a_colour_over_everything_is_a_cast(teacher):
    look = teacher.label("there's a weird swampy green color over the whole thing").look
    assert look.adjust_value("tint") > 0


@pytest.mark.parametrize(
    "intent",
    ["sunset pic - the oranges should be richer and the whole thing a bit darker",
     "tone down the orange in the autumn leaves a bit, it's too much", "more vibrant greens in the forest"],
)
def test_what_the_picture_shows_is_no_look_beside_an_edit(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.filter is None


def test_a_style_before_a_picture_word_or_in_the_style_of_is_still_a_look(teacher):
    assert teacher.label("vintage photo, a bit brighter").look.filter is not None
    assert teacher.label("brighter, in the style of the 80s").mode == "new"
    assert teacher.label("give the whole thing a honey glow").look.adjust_value("temperature") > 0


@pytest.mark.parametrize(
    "intent",
    ["why does my phone make everything look like 2am, it was literally noon",
     "this looks like it was shot on the surface of the sun, bring it down"],
)
def test_a_likeness_undone_by_what_was_real_or_by_bring_it_down_is_taken_back(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.filter is None


def test_tone_it_down_after_a_style_is_not_its_opposite(teacher):
    assert teacher.label("technicolor and tone it down.").look.adjust_value("saturation") > 0


@pytest.mark.parametrize(
    ("intent", "name", "sign"),
    [
        # Adjectives joined to a request are asked for; after a description, to a request, too.
        ("vintage look please, warm and kinda faded", "linearOffset", 1),
        ("shot on an overcast day and it looks so bleak and blue, warm + brighten", "temperature", 1),
        # Problems named by what they look like.
        ("concert pic is basically a black rectangle w a few dots of light lol", "exposure", 1),
        ("the bonfire should feel hot but it looks like a fridge in here lol", "temperature", 1),
        ("this looks like it was shot during a power outage", "exposure", 1),
        ("my navy jacket is just black in the pic, lighten it", "exposure", 1),
        ("it came out much darker than expected", "exposure", 1),
        ("pale and washed out. more color and contrast please", "saturation", 1),
        ("strawberries look kinda sad and pale, can they be redder", "saturation", 1),
        ("it has a rosy cast like the lens is pink, remove that and brighten", "tint", -1),
        ("neutral white balance pls, it's leaning warm", "temperature", -1),
        # Photographers' shorthand.
        ("knock off a third of a stop", "exposure", -1),
        ("take like 15 off the sharpening", "sharpen", -1),
        ("half the saturation pls", "saturation", -1),
        ("a touch more green in the tint please", "tint", -1),
        ("more amber tones in the candlelight pic pls", "temperature", 1),
        ("there's a weird white outline around everything from oversharpening, less pls", "sharpen", -1),
    ],
)
def test_how_people_put_problems_and_wishes(teacher, intent, name, sign):
    assert np.sign(_adjust(teacher, intent, name)) == sign


def test_snow_blue_instead_of_white_is_a_blue_cast(teacher):
    assert _adjust(teacher, "all the snow in my ski pics is baby blue instead of white", "temperature") > 0
    assert _adjust(teacher, "make it warm instead of cold", "temperature") > 0


def test_a_color_said_to_be_too_much_is_less_of_it_not_its_look(teacher):
    answer = teacher.label("lighten the sky a little, the blue is too heavy")
    assert answer.mode == "relative" and answer.look.filter is None
    assert answer.look.selective_value("blue", "saturation") < 0
    look = teacher.label("the blue car looks fake, tone the blue down").look
    assert look.selective_value("blue", "saturation") < 0


def test_a_bare_comparative_goes_on_about_the_range_before_it(teacher):
    look = teacher.label("the sky should be a deeper blue and darker").look
    assert look.selective_value("blue", "luminance") < 0 and look.adjust_value("exposure") == 0
    look = teacher.label("the sky bluer and brighter overall").look
    assert look.adjust_value("exposure") > 0


@pytest.mark.parametrize(
    "intent",
    ["green tinge from the lights in the parking garage",
     "pink cast from the neon sign all over our faces, remove it",
     "kitchen under-cabinet lights make everything look greenish, fix the tint",
     "ok so i shot my friend's band at a tiny bar and the red stage lights make everyone look like they're "
     "in hell lol, can u tone down the reds"],
)
def test_the_light_that_caused_a_cast_and_where_it_was_shot_are_no_look(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.filter is None


@pytest.mark.parametrize(
    "intent", ["mute the audio from 0:30 to 0:45", "leave this one alone, i like it raw"]
)
def test_times_in_a_clip_and_leaving_it_alone_are_no_grade(teacher, intent):
    assert teacher.label(intent).look.is_neutral


def test_mono_and_every_drop_of_colour_are_black_and_white(teacher):
    assert _adjust(teacher, "mono + sharpen", "saturation") == -100
    assert _adjust(teacher, "suck every drop of colour out of it lol", "saturation") == -100


def test_a_plural_before_its_look_still_names_a_look(teacher):
    for intent in ("a deep 60s feel", "sixties look but more vibrance", "deep vhs look"):
        assert teacher.label(intent).mode == "new", intent


def test_taking_out_a_monochrome_look_takes_its_tone_not_its_color_count(teacher):
    look = teacher.label("everything looks like it's been dipped in tea, less sepia pls").look
    assert look.adjust_value("temperature") < 0 and look.adjust_value("saturation") == 0


def test_where_the_picture_goes_is_no_look(teacher):
    answer = teacher.label("more contrast & a bit darker for the youtube thumbnail")
    assert answer.mode == "relative" and answer.look.adjust_value("exposure") < 0


def test_what_happened_to_a_thing_is_the_result_of_the_problem(teacher):
    look = teacher.label("it's so overexposed the clouds just disappeared, tone it down").look
    assert look.adjust_value("exposure") < 0


def test_lifting_a_color_lightens_it(teacher):
    look = teacher.label("the blue sky is too heavy and dark, lift the blues").look
    assert look.selective_value("blue", "luminance") > 0 and look.filter is None


@pytest.mark.parametrize(
    "intent",
    ["i need more separation between the sky and the buildings, it all looks the same grey",
     "needs more separation between the darks and the lights"],
)
def test_things_compared_are_neither_ranges_nor_looks(teacher, intent):
    answer = teacher.label(intent)
    assert answer.mode == "relative" and answer.look.adjust_value("contrast") > 0
    assert answer.look.selective_adjust is None and answer.look.adjust_value("shadows") == 0


def test_the_light_a_place_had_is_no_look(teacher):
    answer = teacher.label("the restaurant had those orange edison bulbs and we all look like fake tans")
    assert answer.mode == "relative" and answer.look.adjust_value("temperature") < 0


def test_shifting_the_tint_is_no_tilt_shift(teacher):
    answer = teacher.label("shift the tint toward green a little")
    assert answer.mode == "relative" and answer.look.adjust_value("tint") < 0


@pytest.mark.parametrize(
    ("intent", "name", "sign"),
    [
        ("cn u mak it warmr", "temperature", 1),
        ("contrast ⬆️ brightness ⬇️", "exposure", -1),
        ("saturation 100 -> 70", "saturation", -1),
        ("sharpening 40 → 20", "sharpen", -1),
        ("exp -0.5, contrast -10", "exposure", -1),
        ("the second photo looks darker than the rest of the carousel, bring it up to match", "exposure", 1),
        ("make it look like the previous clip, this one is way more saturated", "saturation", -1),
        ("make it look like the one i posted yesterday, that one was darker and contrastier", "exposure", -1),
        ("the interview cuts between two cameras and one angle is noticeably bluer, warm that angle up to "
         "match", "temperature", 1),
        ("light bounced green off the leaves onto her face, can you just take the green out", "tint", 1),
        ("summery look yes, but it's blown out, darker by half a stop", "exposure", -1),
        ("basically noir without going b&w: darker and harder contrast", "contrast", 1),
        ("we thought it'd look cool. it did not. everyone's skin is magenta, fix that", "temperature", 0),
    ],
)
def test_forum_shorthand_and_comparisons_with_other_shots(teacher, intent, name, sign):
    assert np.sign(_adjust(teacher, intent, name)) == sign


@pytest.mark.parametrize(
    "intent",
    ["how do i get the original back after i hit save", "should i be shooting raw or jpeg on my a6400",
     "how do pros get that creamy blurry background", "extend the canvas so it fits 16:9 with blurred sides",
     "stick my logo watermark top left, small"],
)
def test_questions_and_other_edits_with_a_look_word_are_no_grade(teacher, intent):
    assert teacher.label(intent).look.is_neutral


def test_a_look_asked_by_name_among_unknown_words_is_read(teacher):
    look = teacher.label("make the courtroom reenactment clip b&w like archival footage").look
    assert look.adjust_value("saturation") == -100
    assert teacher.label("turn it grey-scale and sharpen the details").look.adjust_value("saturation") == -100
