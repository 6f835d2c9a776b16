"""The OpenAI-compatible teacher: the paper's one-shot prompt over chat completions.

Any endpoint that speaks ``POST {url}/chat/completions`` works (OpenAI, vLLM, llama.cpp
server, ...). Settings come from arguments or the environment: ``MOODGRADE_TEACHER_URL``,
``MOODGRADE_TEACHER_MODEL`` and optionally ``MOODGRADE_TEACHER_KEY`` (each also read under its
name from before the rename, ``EDITOR_TEACHER_*``). Each intent is sampled
``n`` times; every answer is parsed strictly into the look schema, and invalid answers
are rejected with the reason (logged and returned in ``Samples.rejected``).
Standard library HTTP only.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from editor.errors import EditorError, LookError
from editor.paths import environ
from editor.schema import ADJUST_NAMES, COLOR_RANGES, SELECTIVE_NAMES, TOOLS, Look
from editor.teacher import TeacherAnswer

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You are a professional colorist inside a video editor. The user describes how their video "
    "should look. You grade it with up to three tools and call only the tools the look needs:\n"
    f"- adjust: integers -100..100 (0 = neutral) for {', '.join(ADJUST_NAMES)}.\n"
    f"- selective_adjust: per color range ({', '.join(COLOR_RANGES)}) integers -100..100 for "
    f"{', '.join(SELECTIVE_NAMES)}.\n"
    "- filter: one preset name from this list with an intensity 0..100: {filters}.\n"
    "Answer with one JSON object only: {{\"rationale\": {{tool: one sentence for each tool you call}}, "
    "\"adjust\": {{...}} or null, \"selective_adjust\": {{...}} or null, \"filter\": "
    "{{\"name\": ..., \"intensity\": ...}} or null}}."
)

ONE_SHOT_INTENT = "Golden hour"
ONE_SHOT_ANSWER: dict[str, Any] = {
    "rationale": {
        "adjust": (
            "Golden hour light is warm and soft, so raise temperature, highlights and saturation a little."
        ),
        "selective_adjust": "The glow lives in the reds, oranges and yellows; greens and cyans step back.",
        "filter": "A faded midday film preset at low intensity adds a gentle sunlit wash.",
    },
    "adjust": {
        "exposure": 0, "contrast": 10, "brightness": 10, "highlights": 20, "shadows": -10,
        "saturation": 15, "vibrance": 15, "temperature": 30, "tint": 10, "hue": 0, "bloom": 0,
        "sharpen": 0, "structure": 0, "linearOffset": 0,
    },
    "selective_adjust": {
        "red": {"saturation": 20, "luminance": 10}, "orange": {"saturation": 30, "luminance": 20},
        "yellow": {"saturation": 40, "luminance": 30}, "green": {"saturation": -20, "luminance": 0},
        "cyan": {"saturation": -20, "luminance": 0}, "blue": {"saturation": 0, "luminance": 0},
    },
    "filter": {"name": "faded_HighNoon", "intensity": 40},
}


@dataclass
class Samples:
    """All answers for one intent: the valid ones and (answer text, reason) for the rest."""

    answers: list[TeacherAnswer] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def parse_answer(text: str) -> TeacherAnswer:
    """Strictly parse one model answer; raises ``LookError`` saying what is wrong."""
    body = re.sub(r"^```(?:json)?\s*|\s*```$", "", text.strip())
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise LookError(f"The answer is not JSON ({exc.msg}).") from exc
    if not isinstance(data, dict):
        raise LookError("The answer is not a JSON object.")
    missing = [k for k in ("rationale", *TOOLS) if k not in data]
    if missing:
        raise LookError(f"The answer lacks {', '.join(missing)}.")
    look = Look.from_dict({t: data[t] for t in TOOLS}, strict=True)
    reasons = data["rationale"]
    if isinstance(reasons, str):
        reasons = {t: reasons for t in look.tools_called}
    if not isinstance(reasons, dict):
        raise LookError("The rationale is neither a sentence nor an object of sentences per tool.")
    rationales = {}
    for tool in look.tools_called:
        reason = reasons.get(tool)
        if not isinstance(reason, str) or not reason.strip():
            raise LookError(f"The answer calls {tool} without a rationale for it.")
        rationales[tool] = reason.strip()
    return TeacherAnswer(look, rationales)


class OpenAITeacher:
    """Labels intents with an OpenAI-compatible chat model (``n`` samples per intent)."""

    name = "openai"

    def __init__(
        self,
        url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        n: int = 3,
        temperature: float = 0.7,
        timeout_s: float = 60.0,
    ) -> None:
        self.url = (url or environ("TEACHER_URL")[1]).rstrip("/")
        self.model = model or environ("TEACHER_MODEL")[1]
        self.api_key = api_key or environ("TEACHER_KEY")[1] or None
        if not self.url or not self.model:
            raise EditorError(
                "The openai teacher needs a URL and a model (--url/--model or MOODGRADE_TEACHER_URL/MODEL)."
            )
        self.n = n
        self.temperature = temperature
        self.timeout_s = timeout_s

    def messages(self, intent: str) -> list[dict[str, str]]:
        from editor.filters import preset_names

        return [
            {"role": "system", "content": SYSTEM_PROMPT.format(filters=", ".join(preset_names()))},
            {"role": "user", "content": ONE_SHOT_INTENT},
            {"role": "assistant", "content": json.dumps(ONE_SHOT_ANSWER)},
            {"role": "user", "content": intent},
        ]

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(
            f"{self.url}/chat/completions", json.dumps(body).encode("utf-8"), headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise EditorError(f"The teacher endpoint answered HTTP {exc.code} ({exc.reason}).") from exc
        except (urllib.error.URLError, TimeoutError) as exc:
            raise EditorError(f"The teacher endpoint {self.url} cannot be reached ({exc}).") from exc
        except json.JSONDecodeError as exc:
            raise EditorError("The teacher endpoint did not answer with JSON.") from exc

    def sample(self, intent: str) -> Samples:
        """``n`` answers for one intent, parsed; invalid ones are logged and kept with the reason."""
        reply = self._post(
            {"model": self.model, "messages": self.messages(intent), "n": self.n,
             "temperature": self.temperature}
        )
        out = Samples()
        for choice in reply.get("choices", []):
            text = str((choice.get("message") or {}).get("content") or "")
            try:
                out.answers.append(parse_answer(text))
            except LookError as exc:
                log.warning("rejected teacher answer for %r: %s", intent, exc)
                out.rejected.append((text, str(exc)))
        return out

    def label(self, intent: str) -> TeacherAnswer:
        """The first valid answer among ``n`` samples."""
        samples = self.sample(intent)
        if not samples.answers:
            reasons = "; ".join(reason for _, reason in samples.rejected) or "no choices returned"
            raise EditorError(f"The teacher gave no valid answer for {intent!r} ({reasons}).")
        return samples.answers[0]
