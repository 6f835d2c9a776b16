"""The whole student chain on a small hand-checked subset, through the shipped code:
tokenizer -> a few training steps (cancelled and resumed) -> int8 conversion -> load ->
suggest -> offline evaluation."""

from pathlib import Path

import numpy as np
import pytest
import torch
from transformers import T5ForConditionalGeneration

from editor.distill.augment import kb_vocabulary, load_embedder
from editor.distill.convert import convert
from editor.distill.data import read_rows
from editor.distill.tokenizer import load_tokenizer, schema_words
from editor.distill.train import CHECKPOINT_FILE, TrainOptions, semantic_embeddings, train
from editor.errors import Cancelled, EditorError
from editor.evaluate import evaluate
from editor.model import Student
from editor.progress import CancelToken
from editor.prompts import TASKS

TINY = Path(__file__).parent / "data" / "tiny.jsonl"
OPTIONS = TrainOptions(
    size="micro", epochs=4, batch_size=16, warmup_steps=4, max_steps=10, checkpoint_every=4
)


@pytest.fixture(scope="module")
def rows():
    return [(r.intent, r.look, r.mode) for r in read_rows(TINY)]


@pytest.fixture(scope="module")
def trained(rows, tmp_path_factory):
    """One run cancelled after 6 steps and resumed, and one uninterrupted run."""
    resumed = tmp_path_factory.mktemp("resumed")
    cancel = CancelToken()

    def stop_at_six(p):
        if p.done == 6:
            cancel.cancel()

    with pytest.raises(Cancelled):
        train(rows, resumed, OPTIONS, progress=stop_at_six, cancel=cancel)
    state = torch.load(resumed / CHECKPOINT_FILE, weights_only=False)
    assert state["step"] == 7  # cancelled while step 7 was in flight; it finished first
    result = train(rows, resumed, OPTIONS)
    straight = train(rows, tmp_path_factory.mktemp("straight"), OPTIONS)
    return result, straight


def test_tokenizer_keeps_schema_names_whole(trained):
    sp = load_tokenizer(trained[0].tokenizer)
    assert [w for w in schema_words() if len(sp.encode(w)) != 1] == []


def test_resumed_training_equals_uninterrupted(trained):
    result, straight = trained
    assert result.steps == straight.steps == 10
    a = torch.load(result.hf_dir.parent / CHECKPOINT_FILE, weights_only=False)["model"]
    b = torch.load(straight.hf_dir.parent / CHECKPOINT_FILE, weights_only=False)["model"]
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=0, atol=1e-6)


def test_changed_options_refuse_the_checkpoint(rows, trained):
    work = trained[0].hf_dir.parent
    with pytest.raises(EditorError, match="other options or data"):
        train(rows, work, TrainOptions(**{**OPTIONS.__dict__, "learning_rate": 1e-4}))


def test_convert_load_suggest_evaluate(trained, tmp_path):
    out = convert(trained[0].hf_dir, tmp_path / "student")
    assert (out / "model.bin").stat().st_size < 2_000_000
    student = Student(out, device="cpu")
    suggestion = student.suggest("Moody   Winter")
    assert set(suggestion.raw) == set(TASKS)
    assert student.suggest("moody winter").raw == suggestion.raw
    rows = read_rows(TINY)[:8]
    report = evaluate(rows, student)
    assert len(report.samples) == 8
    assert 0.0 <= report.overall <= 1.0


def test_semantic_embeddings_keep_related_words_close():
    words = sorted(set(kb_vocabulary()) | {"winter", "snowy", "neon", "vintage", "retro"})
    table = semantic_embeddings(words, 64, load_embedder())
    assert table.shape == (len(words), 64)
    assert table.std() == pytest.approx(1.0, abs=1e-3)
    unit = table / np.linalg.norm(table, axis=1, keepdims=True)
    row = {word: unit[i] for i, word in enumerate(words)}
    assert row["winter"] @ row["snowy"] > 0.6 > row["winter"] @ row["neon"]
    assert row["vintage"] @ row["retro"] > 0.5 > row["retro"] @ row["snowy"]


def test_unknown_embedding_init_is_refused(rows, tmp_path):
    with pytest.raises(EditorError, match="embedding initialization"):
        train(rows, tmp_path, TrainOptions(**{**OPTIONS.__dict__, "embedding_init": "glove"}))


def test_training_continues_from_a_trained_student(rows, trained, tmp_path):
    """``init_from`` starts from the trained weights and reuses their tokenizer; a student
    of another size is refused in one sentence."""
    start = trained[0].hf_dir
    options = TrainOptions(
        **{**OPTIONS.__dict__, "init_from": str(start), "learning_rate": 1e-12, "max_steps": 1}
    )
    result = train(rows, tmp_path / "more", options)
    assert result.tokenizer.read_bytes() == (start / "spiece.model").read_bytes()
    before = T5ForConditionalGeneration.from_pretrained(start).state_dict()
    after = T5ForConditionalGeneration.from_pretrained(result.hf_dir).state_dict()
    for name in before:
        torch.testing.assert_close(after[name], before[name], rtol=0, atol=1e-6)
    with pytest.raises(EditorError, match="is not of size 'tiny'"):
        train(rows, tmp_path / "tiny", TrainOptions(**{**options.__dict__, "size": "tiny"}))
    with pytest.raises(EditorError, match="holds no trained student"):
        train(rows, tmp_path / "none", TrainOptions(**{**options.__dict__, "init_from": str(tmp_path)}))


def test_rq2_experiment_runs_end_to_end(tmp_path, capsys):
    """``distill augment --rq2`` on a sliver of the train split: the low-data student,
    the augmentation round and the augmented student all run on rows with their modes,
    and the paper's table prints."""
    from editor.cli import main
    from editor.paths import default_model_dir

    args = [
        "distill",
        "augment",
        "--rq2",
        "--train-fraction",
        "0.002",
        "--size",
        "micro",
        "--epochs",
        "1",
        "--work",
        str(tmp_path / "rq2"),
        "--full-model",
        str(default_model_dir()),
    ]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Train %" in out and "0.2%+aug" in out and (tmp_path / "rq2" / "augmented.jsonl").exists()


def test_the_none_refresher_keeps_every_no_op_at_its_share():
    from editor.distill.data import Row
    from editor.distill.train import none_refresher
    from editor.schema import Look

    rows = [Row(f"intent {i}", Look(), {}, None, "kb", "none" if i % 10 == 0 else "new") for i in range(200)]
    mix = none_refresher(rows, 0.25, seed=7)
    none = [r for r in mix if r.mode == "none"]
    assert len(none) == 20 and len(mix) == 80 and len({r.intent for r in mix}) == 80
    assert mix == none_refresher(rows, 0.25, seed=7) != none_refresher(rows, 0.25, seed=8)
    with pytest.raises(EditorError):
        none_refresher(rows, 1.0, seed=7)
    with pytest.raises(EditorError):
        none_refresher([r for r in rows if r.mode != "none"], 0.25, seed=7)
