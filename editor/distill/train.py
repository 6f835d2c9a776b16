"""Supervised fine-tuning of the student: a small T5 trained from scratch on CPU.

The student is a T5 encoder-decoder built from a ``transformers.T5Config`` (nothing
downloaded; random init except the token embeddings, which start from the bundled
sentence-embedding model's vectors of each piece) and trained multi-task on the four
prompts of every training row, the three tools' and the mode's (``editor.prompts``).
Training is seeded and resumable: a checkpoint (model, optimizer, schedule, RNG and
step) is written every ``checkpoint_every`` steps and when the work is cancelled or
interrupted, and a new run with the same options and data continues from it.

Work directory layout: ``spiece.model`` (tokenizer), ``checkpoint.pt`` (resume
state), ``hf/`` (the finished Hugging Face model, input of ``editor.distill.convert``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import torch
from transformers import T5Config, T5ForConditionalGeneration

from editor.distill.prompts import examples
from editor.distill.tokenizer import EOS_ID, PAD_ID, TOKENIZER_FILE, load_tokenizer, train_tokenizer
from editor.errors import Cancelled, EditorError
from editor.fileio import atomic_path
from editor.intent import NONE
from editor.progress import CancelToken, ProgressCallback, ProgressTracker
from editor.schema import Look

log = logging.getLogger(__name__)

CHECKPOINT_FILE = "checkpoint.pt"
HF_DIR = "hf"


@dataclass(frozen=True)
class ModelSize:
    """The shape of a student T5 (relu feed-forward, tied embeddings)."""

    d_model: int
    d_ff: int
    num_layers: int
    num_heads: int


SIZES: dict[str, ModelSize] = {
    "micro": ModelSize(d_model=64, d_ff=256, num_layers=2, num_heads=4),
    "tiny": ModelSize(d_model=128, d_ff=512, num_layers=2, num_heads=4),
    "mini": ModelSize(d_model=128, d_ff=512, num_layers=3, num_heads=4),
    "small": ModelSize(d_model=256, d_ff=1024, num_layers=3, num_heads=4),
}

EMBEDDING_INITS = ("sentence", "random")


@dataclass(frozen=True)
class TrainOptions:
    # The shipped recipe (models/student/MODEL_CARD.md). At lr 2e-3 and above a model
    # trained from scratch sits for thousands of steps on the targets' marginal (the
    # same grade whatever the intent); at 1e-3 it reads the intent early, and embeddings
    # that start from the words' meaning get there sooner still.
    size: str = "mini"
    epochs: int = 24
    batch_size: int = 64
    learning_rate: float = 1e-3
    warmup_steps: int = 200
    dropout: float = 0.0
    vocab_size: int = 2000
    seed: int = 0
    #: Stop after this many optimizer steps (``None`` = all epochs); the schedule still
    #: spans ``epochs`` so that a capped run is a prefix of the full one.
    max_steps: int | None = None
    checkpoint_every: int = 250
    threads: int = 1
    #: ``sentence``: token embeddings start from the sentence-embedding model's vectors of
    #: each piece's text (reduced to ``d_model`` by PCA), so pieces of similar meaning
    #: ("dimmer", "darker") start close; ``random``: T5's own initialization.
    embedding_init: str = "sentence"
    #: A trained student's Hugging Face directory (``hf/`` of a work directory, or
    #: ``models/student-hf``) to continue from: its weights and its tokenizer are the
    #: start, so a longer or broader run does not pay again for what it already learned.
    init_from: str | None = None


@dataclass
class TrainResult:
    hf_dir: Path
    tokenizer: Path
    steps: int
    loss: float
    seconds: float
    parameters: int
    history: list[float] = field(default_factory=list)


def build_config(size: ModelSize, vocab_size: int, dropout: float) -> T5Config:
    # tie_word_embeddings and decoder_start_token_id reach PretrainedConfig through T5Config's
    # **kwargs, which transformers' annotations do not declare.
    return T5Config(  # type: ignore[call-arg]
        vocab_size=vocab_size,
        d_model=size.d_model,
        d_kv=size.d_model // size.num_heads,
        d_ff=size.d_ff,
        num_layers=size.num_layers,
        num_decoder_layers=size.num_layers,
        num_heads=size.num_heads,
        relative_attention_num_buckets=32,
        relative_attention_max_distance=128,
        dropout_rate=dropout,
        feed_forward_proj="relu",
        tie_word_embeddings=True,
        pad_token_id=PAD_ID,
        eos_token_id=EOS_ID,
        decoder_start_token_id=PAD_ID,
    )


def semantic_embeddings(
    pieces: Sequence[str], dim: int, embed: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Initial token embeddings, ``(len(pieces), dim)``, from the meaning of each piece.

    Each piece's text (SentencePiece's word-start mark dropped) is embedded by ``embed``,
    the centered vectors are projected on their ``dim`` principal axes, and the result is
    scaled to unit variance per coordinate, the spread of T5's own N(0, 1) initialization.
    """
    texts = [piece.replace("\u2581", " ").strip() or piece for piece in pieces]
    vectors = np.asarray(embed(texts), dtype=np.float64)
    centered = vectors - vectors.mean(axis=0)
    _, _, axes = np.linalg.svd(centered, full_matrices=False)
    if axes.shape[0] < dim:
        raise EditorError(
            f"The sentence embeddings of {len(pieces)} pieces have {axes.shape[0]} axes; "
            f"d_model {dim} needs that many."
        )
    projected = centered @ axes[:dim].T
    return (projected / projected.std()).astype(np.float32)


def _init_embeddings(model: T5ForConditionalGeneration, sp, mode: str) -> None:
    if mode == "random":
        return
    from editor.distill.augment import load_embedder

    special = {sp.pad_id(), sp.eos_id(), sp.unk_id()}
    ids = [i for i in range(sp.get_piece_size()) if i not in special]
    table = semantic_embeddings([sp.id_to_piece(i) for i in ids], model.config.d_model, load_embedder())
    with torch.no_grad():
        model.shared.weight[ids] = torch.from_numpy(table)


def training_pairs(rows: Sequence[tuple[str, Look, str]]) -> list[tuple[str, str]]:
    """(prompt, target) pairs of (intent, look, mode) rows, one per task."""
    return [pair for intent, look, mode in rows for pair in examples(intent, look, mode)]


def _fingerprint(options: TrainOptions, pairs: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    settings = {k: v for k, v in asdict(options).items() if k not in ("max_steps", "checkpoint_every",
                                                                      "threads")}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    for source, target in pairs:
        digest.update(f"{source}\t{target}\n".encode())
    return digest.hexdigest()


#: Each epoch's order is shuffled, then cut into pools of this many batches, each pool
#: sorted by length before it is cut into batches: a batch then holds intents of about
#: one length (little padding) while what lands in it is still drawn at random, which
#: sorting the whole epoch would give up.
_POOL_BATCHES = 32
#: A prime above any epoch count: ``seed * _SEED_STRIDE + epoch`` gives each (seed,
#: epoch) pair its own batch order.
_SEED_STRIDE = 100_003
#: Steps between two points of ``TrainResult.history``.
_HISTORY_EVERY = 50
#: The reported loss is a moving average that gives the newest step this weight, about
#: the last ``_HISTORY_EVERY`` steps: one batch's loss is too noisy to read.
_LOSS_SMOOTHING = 0.02
#: Gradients are clipped to this norm (Hugging Face Trainer's default), so one batch of
#: rare long targets cannot throw a model trained from scratch far.
_MAX_GRAD_NORM = 1.0
#: AdamW's decoupled weight decay, the common value for transformers.
_WEIGHT_DECAY = 0.01
#: After warm-up the learning rate falls linearly to this fraction of its peak and stays
#: there instead of reaching zero, so the last steps of a run still move the weights.
_MIN_LR_FACTOR = 0.02


def _batches(lengths: Sequence[int], batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """One epoch's batches: shuffled, then length-bucketed to cut padding (seeded)."""
    rng = random.Random(seed * _SEED_STRIDE + epoch)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * _POOL_BATCHES
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: lengths[i])
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def _pad(seqs: list[list[int]], value: int) -> torch.Tensor:
    width = max(len(s) for s in seqs)
    return torch.tensor([s + [value] * (width - len(s)) for s in seqs], dtype=torch.long)


@dataclass(frozen=True)
class _Encoded:
    """The training pairs as token ids, each ending in EOS."""

    sources: list[list[int]]
    targets: list[list[int]]

    @property
    def lengths(self) -> list[int]:
        """The key pairs are bucketed by: source length plus twice the target length."""
        return [len(s) + 2 * len(t) for s, t in zip(self.sources, self.targets, strict=True)]


@dataclass
class _Run:
    """What a checkpoint holds besides the options and data it was made with."""

    model: T5ForConditionalGeneration
    optimizer: torch.optim.AdamW
    scheduler: torch.optim.lr_scheduler.LambdaLR
    step: int = 0
    history: list[float] = field(default_factory=list)
    #: Seconds trained by the runs this one resumes.
    seconds_before: float = 0.0
    #: ``time.monotonic()`` when this process started training.
    started: float = 0.0

    @property
    def seconds(self) -> float:
        return self.seconds_before + time.monotonic() - self.started

    def restore(self, state: dict) -> None:
        self.model.load_state_dict(state["model"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.scheduler.load_state_dict(state["scheduler"])
        torch.set_rng_state(state["rng"])
        self.step, self.history, self.seconds_before = state["step"], state["history"], state["seconds"]

    def save(self, path: Path, fingerprint: str, options: TrainOptions) -> None:
        payload = {
            "fingerprint": fingerprint,
            "options": asdict(options),
            "model": self.model.state_dict(),
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "rng": torch.get_rng_state(),
            "step": self.step,
            "history": self.history,
            "seconds": self.seconds,
        }
        with atomic_path(path) as tmp:
            torch.save(payload, tmp)
        log.info("checkpoint at step %d", self.step)


def _check(rows: Sequence[tuple[str, Look, str]], options: TrainOptions) -> None:
    if options.size not in SIZES:
        raise EditorError(f"Unknown model size {options.size!r}; expected one of {', '.join(SIZES)}.")
    if options.embedding_init not in EMBEDDING_INITS:
        expected = ", ".join(EMBEDDING_INITS)
        raise EditorError(
            f"Unknown embedding initialization {options.embedding_init!r}; expected one of {expected}."
        )
    if not rows:
        raise EditorError("There are no training rows.")


def _checkpoint(work_dir: Path, fingerprint: str) -> dict | None:
    """The checkpoint to resume from, if ``work_dir`` holds one; one made with other
    options or data is refused."""
    path = work_dir / CHECKPOINT_FILE
    if not path.exists():
        return None
    state = torch.load(path, map_location="cpu", weights_only=False)
    if state.get("fingerprint") != fingerprint:
        raise EditorError(
            f"The checkpoint in {str(work_dir)!r} was made with other options or data; "
            "use another work directory or --restart."
        )
    log.info("resuming from step %d", state["step"])
    return state


def _start_dir(options: TrainOptions) -> Path | None:
    """``options.init_from`` once it holds a trained student."""
    if not options.init_from:
        return None
    init_dir = Path(options.init_from)
    if not (init_dir / TOKENIZER_FILE).exists():
        raise EditorError(f"{str(init_dir)!r} holds no trained student ({TOKENIZER_FILE} is missing).")
    return init_dir


def _tokenizer(
    work_dir: Path, pairs: list[tuple[str, str]], options: TrainOptions, init_dir: Path | None, resuming: bool
) -> Path:
    """The run's tokenizer file: kept when resuming, else the start student's or a new one."""
    path = work_dir / TOKENIZER_FILE
    if not resuming or not path.exists():
        if init_dir is not None:
            shutil.copy2(init_dir / TOKENIZER_FILE, path)
        else:
            train_tokenizer([text for pair in pairs for text in pair], path, options.vocab_size)
    return path


def _new_model(
    sp, options: TrainOptions, init_dir: Path | None, resuming: bool
) -> T5ForConditionalGeneration:
    """The model at step 0: the start student's weights, or seeded initial ones (its
    embeddings from the pieces' meaning unless ``embedding_init`` is ``random``); a resumed
    run loads the checkpoint's over them."""
    torch.manual_seed(options.seed)
    config = build_config(SIZES[options.size], sp.get_piece_size(), options.dropout)
    model = T5ForConditionalGeneration(config)
    if not resuming and init_dir is not None:
        start = T5ForConditionalGeneration.from_pretrained(init_dir)
        shape = ("vocab_size", "d_model", "d_ff", "num_layers", "num_decoder_layers", "num_heads")
        if any(getattr(start.config, k) != getattr(config, k) for k in shape):
            raise EditorError(f"The student in {str(init_dir)!r} is not of size {options.size!r}.")
        model.load_state_dict(start.state_dict())
    elif not resuming:
        _init_embeddings(model, sp, options.embedding_init)
    return model


def _schedule(
    optimizer: torch.optim.AdamW, warmup_steps: int, total_steps: int
) -> torch.optim.lr_scheduler.LambdaLR:
    """Linear warm-up over ``warmup_steps``, then linear decay to ``_MIN_LR_FACTOR`` of the
    peak at ``total_steps``."""

    def factor(step: int) -> float:
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        return max(_MIN_LR_FACTOR, (total_steps - step) / max(1, total_steps - warmup_steps))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def _fit(
    run: _Run,
    data: _Encoded,
    options: TrainOptions,
    last_step: int,
    save: Callable[[], None],
    tracker: ProgressTracker,
) -> float:
    """Train ``run`` up to ``last_step``, saving every ``checkpoint_every`` steps; returns
    the smoothed loss."""
    steps_per_epoch = math.ceil(len(data.sources) / options.batch_size)
    lengths = data.lengths
    model = run.model
    model.train()
    running = run.history[-1] if run.history else 0.0
    plan_epoch, plan = -1, []
    while run.step < last_step:
        epoch, offset = divmod(run.step, steps_per_epoch)
        if epoch != plan_epoch:
            # The plan depends only on (seed, epoch): build it once per epoch, not per step.
            plan_epoch, plan = epoch, _batches(lengths, options.batch_size, options.seed, epoch)
        batch = plan[offset]
        input_ids = _pad([data.sources[i] for i in batch], PAD_ID)
        labels = _pad([data.targets[i] for i in batch], -100)
        loss = model(input_ids=input_ids, attention_mask=input_ids.ne(PAD_ID), labels=labels).loss
        run.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), _MAX_GRAD_NORM)
        run.optimizer.step()
        run.scheduler.step()
        run.step += 1
        if run.step == 1:
            running = loss.item()
        else:
            running = (1 - _LOSS_SMOOTHING) * running + _LOSS_SMOOTHING * loss.item()
        if run.step % _HISTORY_EVERY == 0:
            run.history.append(round(running, 4))
        if run.step % options.checkpoint_every == 0 and run.step < last_step:
            save()
        tracker.advance()
    return running


def _save_hf(model: T5ForConditionalGeneration, tokenizer: Path, work_dir: Path) -> Path:
    """Write the finished model and its tokenizer to ``work_dir/hf``, replacing it whole."""
    hf_dir = work_dir / HF_DIR
    tmp_dir = work_dir / f".{HF_DIR}.part"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    model.eval()
    model.save_pretrained(tmp_dir)
    shutil.copy2(tokenizer, tmp_dir / TOKENIZER_FILE)
    shutil.rmtree(hf_dir, ignore_errors=True)
    tmp_dir.rename(hf_dir)
    return hf_dir


def train(
    rows: Sequence[tuple[str, Look, str]],
    work_dir: Path,
    options: TrainOptions = TrainOptions(),
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> TrainResult:
    """Train (or resume training) the student on ``(intent, look, mode)`` rows in ``work_dir``.

    Args:
        rows: The labelled intents; each gives one (prompt, target) pair per task.
        work_dir: Where the tokenizer, the checkpoint and the finished ``hf/`` model go
            (created if missing). A checkpoint there made with the same options and rows
            is resumed; one made with others is refused.
        options: Model size, schedule, seed and the rest (``TrainOptions``).
        progress: Called after every optimizer step with a ``Progress``: steps done of
            the steps to take.
        cancel: Stops training once the step in flight is done; the checkpoint is saved,
            then ``Cancelled`` is raised (as for Ctrl-C, ``KeyboardInterrupt``).

    Returns:
        Where the model and tokenizer are, the steps taken, the smoothed loss, the time
        spent over every run it resumes, the parameter count and the loss history.

    Raises:
        EditorError: Unknown size or embedding initialization, no rows, a checkpoint
            made with other options or data, or ``init_from`` that is not a student of
            this size.
    """
    _check(rows, options)
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(options.threads)
    pairs = training_pairs(rows)
    fingerprint = _fingerprint(options, pairs)
    state = _checkpoint(work_dir, fingerprint)
    resuming = state is not None
    init_dir = _start_dir(options)
    tok_path = _tokenizer(work_dir, pairs, options, init_dir, resuming)
    sp = load_tokenizer(tok_path)
    data = _Encoded([sp.encode(s) + [EOS_ID] for s, _ in pairs], [sp.encode(t) + [EOS_ID] for _, t in pairs])

    model = _new_model(sp, options, init_dir, resuming)
    optimizer = torch.optim.AdamW(model.parameters(), lr=options.learning_rate, weight_decay=_WEIGHT_DECAY)
    total_steps = math.ceil(len(pairs) / options.batch_size) * options.epochs
    last_step = total_steps if options.max_steps is None else min(total_steps, options.max_steps)
    run = _Run(model, optimizer, _schedule(optimizer, options.warmup_steps, total_steps))
    if state is not None:
        run.restore(state)
    save = partial(run.save, work_dir / CHECKPOINT_FILE, fingerprint, options)
    tracker = ProgressTracker(last_step, progress, cancel)
    tracker.done = run.step
    run.started = time.monotonic()
    try:
        loss = _fit(run, data, options, last_step, save, tracker)
    except (Cancelled, KeyboardInterrupt):
        save()
        raise
    save()

    hf_dir = _save_hf(model, tok_path, work_dir)
    seconds = run.seconds
    params = sum(p.numel() for p in model.parameters())
    log.info("trained %d steps in %.0f s, loss %.4f, %d parameters", run.step, seconds, loss, params)
    return TrainResult(hf_dir, tok_path, run.step, loss, seconds, params, run.history)


def none_refresher(rows: Sequence, share: float, seed: int) -> list:
    """Every ``none`` row and a seeded sample of the others, so that ``none`` rows are
    ``share`` of the result, shuffled: a short run on it reminds a trained student of the
    requests that ask for nothing, which are a few percent of the corpus."""
    if not 0 < share < 1:
        raise EditorError(f"The share of no-op rows must be in (0, 1), not {share}.")
    none = [r for r in rows if r.mode == NONE]
    rest = [r for r in rows if r.mode != NONE]
    if not none:
        raise EditorError("The training data has no no-op rows to refresh.")
    rng = random.Random(seed)
    mix = none + rng.sample(rest, min(len(rest), round(len(none) * (1 - share) / share)))
    rng.shuffle(mix)
    return mix


def subsample(rows: Sequence, fraction: float, seed: int) -> list:
    """A seeded random ``fraction`` of ``rows`` (at least one), in their original order."""
    if not 0 < fraction <= 1:
        raise EditorError(f"The training fraction must be in (0, 1], not {fraction}.")
    if fraction == 1:
        return list(rows)
    keep = sorted(random.Random(seed).sample(range(len(rows)), max(1, round(fraction * len(rows)))))
    return [rows[i] for i in keep]
