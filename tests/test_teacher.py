"""The knowledge-base teacher (composition, modifiers, tool selection, semantic fallback)
and the OpenAI-compatible teacher's protocol against a local replaying server."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from editor.errors import EditorError
from editor.filters import preset_names
from editor.schema import TOOLS
from editor.teacher import get_teacher
from editor.teacher.embedding import SIMILARITY_THRESHOLD
from editor.teacher.kb import KnowledgeTeacher
from editor.teacher.knowledge import load_knowledge, normalize
from editor.teacher.openai import ONE_SHOT_ANSWER, OpenAITeacher


@pytest.fixture(scope="module")
def teacher() -> KnowledgeTeacher:
    return get_teacher("kb")


def test_knowledge_base_covers_the_categories_with_valid_concepts():
    kb = load_knowledge()
    assert len(kb.concepts) >= 300
    assert set(kb.categories) == {
        "times of day", "weather", "seasons", "places", "moods and emotions", "film genres",
        "eras and film stocks", "color palettes", "photographic styles", "corrective requests",
    }
    filters = set(preset_names())
    for concept in kb.concepts:
        assert concept.rationale and concept.names
        assert not concept.look.is_neutral, concept.id
        if concept.look.filter is not None:
            assert concept.look.filter.name in filters
        if concept.corrective:
            assert concept.look.filter is None, concept.id


def test_golden_hour_matches_the_posters_calibration(teacher):
    answer = teacher.label("Golden hour")
    look = answer.look
    assert look.adjust_value("temperature") == 30 and look.adjust_value("highlights") == 20
    assert look.selective_value("yellow", "saturation") == 40
    assert look.filter.name == "warm_Golden"
    assert set(answer.rationales) == set(TOOLS)


def test_names_with_digits_and_compounds_match_their_own_sense(teacher):
    # "80s" is split into "80 s" like any intent; "sun-bleached" is faded, not bleach bypass.
    assert teacher.label("80s neon").concepts == ("eighties", "neon")
    assert teacher.label("sun-bleached").concepts == ("sun_bleached",)
    assert teacher.label("bleach bypass").concepts == ("bleach_bypass",)
    assert "candlelight" in teacher.label("warm candlelit dinner").concepts
    # Sun compounds: "drenched" is not after the rain, "baked" not a kitchen.
    assert teacher.label("sun-drenched").concepts == ("sunny",)
    assert teacher.label("sunkissed").concepts == ("sunny",)
    assert teacher.label("sun-baked").concepts == ("hot",)


def test_washed_out_is_a_look_when_asked_for_and_a_fix_when_described(teacher):
    look = teacher.label("washed out")
    assert look.concepts == ("washed_out_look",) and look.mode == "new"
    assert look.look.adjust_value("contrast") < 0 and look.look.adjust_value("linearOffset") > 0
    for complaint in ("it looks washed out", "too washed out", "the colors are washed out"):
        fix = teacher.label(complaint).look
        assert fix.adjust_value("contrast") > 0 and fix.adjust_value("linearOffset") < 0, complaint


def test_tool_selection_corrective_vs_look(teacher):
    bw = teacher.label("black and white")
    assert bw.called("adjust") and bw.called("filter") and not bw.called("selective_adjust")
    assert bw.look.adjust_value("saturation") == -100
    brighter = teacher.label("brighter please")
    assert brighter.look.tools_called == ("adjust",)
    assert brighter.look.adjust_value("exposure") > 0
    assert set(brighter.rationales) == {"adjust"}
    yellow = teacher.label("less yellow")
    assert yellow.look.selective_value("yellow", "saturation") < 0 and yellow.look.filter is None


def test_composition_blends_shared_and_adds_distinct_parameters(teacher):
    kb = teacher.kb
    moody, winter = kb.by_id["moody"].look, kb.by_id["winter"].look
    both = teacher.label("moody winter").look
    # Shared: the mean; one-sided: that concept's value.
    t = (moody.adjust_value("temperature") + winter.adjust_value("temperature")) / 2
    assert both.adjust_value("temperature") == round(t)
    assert both.adjust_value("exposure") == moody.adjust_value("exposure")
    assert winter.selective_value("cyan", "saturation") and not moody.selective_value("cyan", "saturation")
    assert both.selective_value("cyan", "saturation") == winter.selective_value("cyan", "saturation")
    # One filter only: the first of equally strong concepts.
    assert both.filter == moody.filter
    assert teacher.label("moody winter").concepts == ("moody", "winter")


def test_modifiers_scale_the_next_style(teacher):
    moody = teacher.label("moody").look
    assert teacher.label("very moody").look.adjust_value("shadows") == round(
        1.4 * moody.adjust_value("shadows")
    )
    less = teacher.label("less moody")
    assert less.look.adjust_value("exposure") == round(-0.5 * moody.adjust_value("exposure"))
    assert less.look.filter is None
    # "less" of a style is a change to the current look; the style itself is a new one.
    assert less.mode == "relative" and teacher.label("moody").mode == "new"


def test_values_are_clamped(teacher):
    look = teacher.label("extremely black and white").look
    assert look.adjust_value("saturation") == -100
    assert look.filter.intensity == 100
    heavy = teacher.label("extremely high contrast black and white").look
    assert all(-100 <= v <= 100 for v in heavy.adjust_vector())


def test_casual_phrasing_case_typos_and_emoji(teacher):
    plain = teacher.label("cozy autumn evening")
    assert teacher.label("Can you make this COZY autumn evening pls!! \u2728").look == plain.look
    assert teacher.label("cozy autunm evening").look == plain.look
    assert normalize("It's  B&W!!") == "its b&w"


@pytest.mark.parametrize(
    ("word", "concept"),
    [
        ("wintery", "winter"),
        ("seashore", "ocean"),
        ("terrifying", "horror"),
        ("gleeful", "happy"),
        ("thunderous", "stormy"),
        ("melancholia", "melancholic"),
        ("beachfront", "beach"),
    ],
)
def test_semantic_fallback_maps_unlisted_synonyms(teacher, word, concept):
    assert normalize(word) not in teacher.kb.by_name
    assert teacher.label(f"make it {word} pls").concepts == (concept,)


@pytest.mark.parametrize("word", ["banana", "keyboard", "tuesday", "car", "spreadsheet"])
def test_words_without_a_look_fall_below_the_threshold(teacher, word):
    assert teacher.index.nearest(word)[1] < SIMILARITY_THRESHOLD
    assert teacher.label(f"{word} please").look.is_neutral


def test_semantic_matches_combine_with_exact_ones(teacher):
    assert teacher.label("terrifying seashore at midnight").concepts == ("horror", "ocean", "midnight")


def test_teacher_is_deterministic(teacher):
    again = KnowledgeTeacher()
    for intent in ("moody winter morning", "a bit more film noir", "sunny beach but less yellow"):
        assert again.label(intent) == teacher.label(intent)


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(EditorError, match="Unknown teacher backend"):
        get_teacher("gpt-9")


# -- OpenAI-compatible backend ----------------------------------------------------------


class _Replay(BaseHTTPRequestHandler):
    answers: list[str] = []
    requests: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "body": body}
        )
        choices = [
            {"index": i, "message": {"role": "assistant", "content": a}} for i, a in enumerate(self.answers)
        ]
        data = json.dumps({"choices": choices}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def replay_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Replay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Replay.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_openai_teacher_protocol_and_strict_parsing(replay_server, caplog):
    good = dict(ONE_SHOT_ANSWER, filter=None, rationale={"adjust": "a", "selective_adjust": "b"})
    no_reason = dict(ONE_SHOT_ANSWER, rationale={"adjust": "only adjust"})
    bad_filter = dict(ONE_SHOT_ANSWER, filter={"name": "nope_Filter", "intensity": 10})
    _Replay.answers = [
        "```json\n" + json.dumps(good) + "\n```",
        "Sure! Here is a warm grade.",
        json.dumps(no_reason),
        json.dumps(bad_filter),
    ]
    teacher = OpenAITeacher(url=replay_server, model="teacher-model", api_key="k", n=4)
    samples = teacher.sample("sunset glow")
    assert len(samples.answers) == 1
    assert samples.answers[0].look.filter is None and samples.answers[0].called("selective_adjust")
    reasons = [r for _, r in samples.rejected]
    assert "not JSON" in reasons[0]
    assert "without a rationale" in reasons[1]
    assert "nope_Filter" in reasons[2]
    assert len([r for r in caplog.records if "rejected teacher answer" in r.getMessage()]) == 3
    request = _Replay.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer k"
    body = request["body"]
    assert body["model"] == "teacher-model" and body["n"] == 4
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]
    assert (
        body["messages"][1]["content"] == "Golden hour" and body["messages"][-1]["content"] == "sunset glow"
    )
    assert json.loads(body["messages"][2]["content"])["filter"] == {"name": "faded_HighNoon", "intensity": 40}


def test_openai_teacher_without_a_valid_answer_raises(replay_server):
    _Replay.answers = ["{}"]
    with pytest.raises(EditorError, match="no valid answer"):
        OpenAITeacher(url=replay_server, model="m", n=1).label("moody")
