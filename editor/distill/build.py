"""``build-data``: corpus -> teacher labels -> splits -> ``resources/data/v2``.

Reproducible: the same seed and knowledge base give the same bytes in every file.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from editor.distill.corpus import CorpusOptions, generate_intents, intent_key
from editor.distill.data import DATA_VERSION, SPLITS, Row, default_data_dir, read_rows, write_rows
from editor.distill.splits import Holdout, Splits, choose_holdout, key_words, split_rows
from editor.errors import EditorError
from editor.fileio import read_jsonl, write_text_atomic
from editor.intent import MODES
from editor.paths import resources_dir
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import TOOLS
from editor.teacher.kb import KnowledgeTeacher

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildOptions:
    seed: int = 0
    corpus_size: int = 56_000
    test_size: int = 1000
    holdout_per_category: int = 1
    #: A data directory a student was trained on: its held-out concepts are kept and its
    #: training intents stay out of the new test and unseen splits, so that student can
    #: be trained further on the new data and still be measured on intents it never saw.
    continue_from: Path | None = None


def hand_written_requests(folder: Path | None = None) -> list[str]:
    """Every request of the hand-written sets (``resources/data/requests/*.jsonl``)."""
    folder = folder or resources_dir() / "data" / "requests"
    return [
        row["request"]
        for path in sorted(folder.glob("*.jsonl"))
        for _, row in read_jsonl(path, "Request file")
    ]


def label_corpus(
    intents: list[str],
    teacher: KnowledgeTeacher,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> tuple[list[Row], list[tuple[str, ...]]]:
    """Teacher rows for the intents, with their concepts; an intent the teacher finds
    nothing to do in is kept as a ``none`` row, so the student learns to call no tool."""
    teacher.prepare(intents)
    tracker = ProgressTracker(len(intents), progress, cancel)
    rows, concepts = [], []
    for intent in intents:
        answer = teacher.label(intent)
        tracker.advance()
        rows.append(Row(intent, answer.look, answer.rationales, None, "kb", answer.mode))
        concepts.append(answer.concepts)
    return rows, concepts


def prior_holdout(kb, data_dir: Path) -> tuple[Holdout, frozenset[str]]:
    """The held-out concepts of ``data_dir`` (with today's key words) and the keys of its training intents."""
    manifest = data_dir / "manifest.json"
    if not manifest.exists():
        raise EditorError(f"{str(manifest)!r} is missing; --continue-from needs a built data directory.")
    chosen = tuple(json.loads(manifest.read_text(encoding="utf-8"))["held_out_concepts"])
    keys = key_words(kb)
    unknown = [c for c in chosen if c not in keys]
    if unknown:
        raise EditorError(f"The knowledge base no longer has the held-out concepts {', '.join(unknown)}.")
    trained = frozenset(intent_key(r.intent) for r in read_rows(data_dir / "train.jsonl"))
    return Holdout(chosen, frozenset(w for c in chosen for w in keys[c])), trained


def build_dataset(
    out_dir: Path | None = None,
    options: BuildOptions = BuildOptions(),
    teacher: KnowledgeTeacher | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Splits:
    """Generate, label, split and write the dataset; returns the splits."""
    out_dir = Path(out_dir or default_data_dir())
    teacher = teacher or KnowledgeTeacher()
    corpus = CorpusOptions(size=options.corpus_size, seed=options.seed)
    intents = list(generate_intents(teacher.kb, corpus, hand_written_requests()))
    rows, concepts = label_corpus(intents, teacher, progress, cancel)
    trained: frozenset[str] = frozenset()
    if options.continue_from is None:
        holdout = choose_holdout(teacher.kb, options.holdout_per_category, options.seed)
    else:
        holdout, trained = prior_holdout(teacher.kb, Path(options.continue_from))
    splits = split_rows(rows, concepts, holdout, options.test_size, options.seed, trained)
    out_dir.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name in SPLITS:
        path = out_dir / f"{name}.jsonl"
        write_rows(path, getattr(splits, name))
        digests[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = {
        "data_version": DATA_VERSION,
        "seed": options.seed,
        "teacher": teacher.name,
        "corpus_size": options.corpus_size,
        "counts": {name: len(getattr(splits, name)) for name in SPLITS},
        "modes": {
            name: {m: sum(r.mode == m for r in getattr(splits, name)) for m in MODES} for name in SPLITS
        },
        "held_out_concepts": list(holdout.concepts),
        "held_out_words": sorted(holdout.words),
        "continues_from": str(options.continue_from) if options.continue_from else None,
        "sha256": digests,
    }
    write_text_atomic(out_dir / "manifest.json", json.dumps(manifest, indent=2) + "\n")
    return splits


def tool_usage(rows: list[Row]) -> dict[str, int]:
    """Per tool, the number of rows whose look calls it."""
    return {tool: sum(row.look.called(tool) for row in rows) for tool in TOOLS}


def stats_table(splits: dict[str, list[Row]]) -> str:
    """The paper's table: per split and tool, rows using the tool / all rows."""
    header = f"{'Set':<8}" + "".join(f"{label:>22}" for label in ("Adjust", "Selective Adjust", "Filter"))
    sub = f"{'':<8}" + "".join(f"{'Used':>11}{'All':>11}" for _ in TOOLS)
    lines = [header, sub]
    for name, rows in splits.items():
        used = tool_usage(rows)
        lines.append(f"{name.capitalize():<8}" + "".join(f"{used[t]:>11}{len(rows):>11}" for t in TOOLS))
    return "\n".join(lines)
