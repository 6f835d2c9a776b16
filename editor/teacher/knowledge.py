"""The look knowledge base: concepts a creator may name, each with a colorist's grade.

Data lives in ``resources/knowledge/<category>.json``::

    {"category": "times of day",
     "concepts": [{"id": "golden_hour", "names": ["golden hour", "magic hour"],
                   "rationale": "Low golden sunlight is warm ...",
                   "adjust": "contrast 10 temperature 30 ...",
                   "selective_adjust": "orange saturation 30 luminance 20 ...",
                   "filter": "warm_Golden 40"}]}

Tool values use the schema's compact text form (``editor.schema.parse_tool_text``);
an absent tool is not called by that concept.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from editor.errors import EditorError, LookError
from editor.paths import resources_dir
from editor.schema import Look, parse_tool_text

log = logging.getLogger(__name__)


def knowledge_dir() -> Path:
    return resources_dir() / "knowledge"


def normalize(text: str) -> str:
    """Lower case, apostrophes dropped, other punctuation and emoji as spaces, single-spaced."""
    text = unicodedata.normalize("NFKC", text).lower().replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", text).split())


@dataclass(frozen=True)
class Concept:
    """One nameable look: its names (first = canonical), rationale, grade and category."""

    id: str
    names: tuple[str, ...]
    rationale: str
    look: Look
    category: str

    @property
    def corrective(self) -> bool:
        return self.category == "corrective requests"


@dataclass(frozen=True)
class KnowledgeBase:
    concepts: tuple[Concept, ...]

    @functools.cached_property
    def by_id(self) -> dict[str, Concept]:
        return {c.id: c for c in self.concepts}

    @functools.cached_property
    def by_name(self) -> dict[str, Concept]:
        """Normalized name -> concept."""
        return {normalize(n): c for c in self.concepts for n in c.names}

    @property
    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.category for c in self.concepts))


def _concept(raw: dict, category: str, where: str) -> Concept:
    try:
        parts = {
            tool: parse_tool_text(tool, raw[tool], strict=True)
            for tool in ("adjust", "selective_adjust", "filter")
            if tool in raw
        }
        names = tuple(raw["names"])
        if not names or not raw["rationale"]:
            raise EditorError(f"{where}: concept {raw.get('id')!r} needs names and a rationale.")
        return Concept(raw["id"], names, raw["rationale"], Look(**parts), category)
    except (KeyError, TypeError) as exc:
        raise EditorError(f"{where}: concept {raw.get('id')!r} is missing {exc}.") from exc
    except LookError as exc:
        raise EditorError(f"{where}: concept {raw.get('id')!r} has an invalid grade ({exc})") from exc


@functools.cache
def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read and validate every ``*.json`` under ``directory`` (default: the bundled base)."""
    directory = Path(directory) if directory is not None else knowledge_dir()
    files = sorted(directory.glob("*.json"))
    if not files:
        raise EditorError(f"No knowledge base files (*.json) in {str(directory)!r}.")
    concepts: list[Concept] = []
    names: dict[str, str] = {}
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EditorError(f"Knowledge base file {str(path)!r} cannot be read: {exc}.") from exc
        for raw in data["concepts"]:
            concept = _concept(raw, data["category"], path.name)
            for name in concept.names:
                key = normalize(name)
                if names.get(key, concept.id) != concept.id:
                    raise EditorError(
                        f"{path.name}: name {name!r} of {concept.id!r} is already used by {names[key]!r}."
                    )
                names[key] = concept.id
            concepts.append(concept)
    ids = [c.id for c in concepts]
    if len(set(ids)) != len(ids):
        raise EditorError("The knowledge base has duplicate concept ids.")
    log.info("knowledge base: %d concepts from %d files", len(concepts), len(files))
    return KnowledgeBase(tuple(concepts))
