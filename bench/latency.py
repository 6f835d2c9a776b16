"""Student latency: text -> look (three tool prompts, one batch) on CPU.

In one run, over the same intents and the same decoding lengths:

- the shipped CTranslate2 int8 student (``models/student``), with one intra-op thread
  (the runtime's setting) and with CTranslate2's default thread count;
- a CTranslate2 int8 model of FlanT5-base's shape (d_model 768, d_ff 2048, 12+12
  layers, 12 heads, vocab 32128, gated-gelu), randomly initialized and converted in a
  temporary directory. Latency does not depend on the weights; the decode length is
  forced to the shipped model's output length with ``min/max_decoding_length``;
- the shipped student's Hugging Face weights (``models/student-hf``) through
  transformers' PyTorch ``generate`` (greedy, one thread).

It also measures load time and peak RSS of a fresh process that only loads the model
and suggests once. Targets: p50 <= 15 ms, p99 <= 40 ms, >= 10x faster than the
FlanT5-base shape, load <= 300 ms, peak RSS <= 150 MB.

    python bench/latency.py [--intents 200]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from editor.model import Student
from editor.paths import REPO_ROOT, default_model_dir
from editor.prompts import prompts

HF_DIR = REPO_ROOT / "models" / "student-hf"

_CHILD = """
import json, resource, time
t = time.perf_counter()
from editor.model import Student
imported = time.perf_counter()
s = Student()
loaded = time.perf_counter()
s.suggest("moody winter")
print(json.dumps({
    "import_ms": (imported - t) * 1000,
    "load_ms": (loaded - imported) * 1000,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def percentiles(times_s: list[float]) -> tuple[float, float]:
    ms = np.asarray(times_s) * 1000
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 99))


def intents(n: int) -> list[str]:
    from editor.distill.data import load_split

    rows = load_split("test")
    return [r.intent for r in rows[:n]]


def time_student(student: Student, texts: list[str]) -> list[float]:
    student.suggest(texts[0])
    out = []
    for text in texts:
        t = time.perf_counter()
        student.suggest(text)
        out.append(time.perf_counter() - t)
    return out


def flan_base_shape(tmp: Path, tokenizer: Path):
    import ctranslate2
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    from editor.distill.convert import convert

    torch.manual_seed(0)
    config = T5Config(
        vocab_size=32128, d_model=768, d_kv=64, d_ff=2048, num_layers=12, num_decoder_layers=12,
        num_heads=12, feed_forward_proj="gated-gelu", tie_word_embeddings=False,
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
    )
    hf = tmp / "flan-base-shape"
    T5ForConditionalGeneration(config).save_pretrained(hf)
    (hf / "spiece.model").write_bytes(tokenizer.read_bytes())
    convert(hf, tmp / "flan-base-shape-ct2")
    return ctranslate2.Translator(
        str(tmp / "flan-base-shape-ct2"), device="cpu", compute_type="int8", intra_threads=1
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--intents", type=int, default=200)
    args = parser.parse_args()
    texts = intents(args.intents)
    model_dir = default_model_dir()

    child_run = subprocess.run([sys.executable, "-c", _CHILD], check=True, capture_output=True, text=True)
    child = json.loads(child_run.stdout)
    print(
        f"fresh process: import {child['import_ms']:.0f} ms, "
        f"model load {child['load_ms']:.0f} ms (target <= 300), "
        f"peak RSS {child['rss_mb']:.0f} MB (target <= 150)"
    )

    student = Student(model_dir)
    ours = time_student(student, texts)
    p50, p99 = percentiles(ours)
    print(f"shipped student, 1 thread:       p50 {p50:6.2f} ms  p99 {p99:6.2f} ms (targets 15 / 40)")
    default_threads = time_student(Student(model_dir, intra_threads=0), texts)
    d50, d99 = percentiles(default_threads)
    print(
        f"shipped student, default threads: p50 {d50:6.2f} ms  p99 {d99:6.2f} ms  "
        f"({d50 / p50:.1f}x slower)"
    )

    sp = student._sp
    # The peers decode as long as the student did; text the student reads without the
    # model (no Latin letters) has no decode to match and is left out of the comparison.
    decoded = [(t, s) for t, s in zip(texts, student.suggest_many(texts), strict=True) if s.raw]
    texts = [t for t, _ in decoded]
    batches = [[sp.encode(p, out_type=str) + ["</s>"] for p in prompts(t)] for t in texts]
    lengths = [max(len(sp.encode(r)) for r in s.raw.values()) + 1 for _, s in decoded]

    with tempfile.TemporaryDirectory() as tmp:
        print("building the FlanT5-base-shaped int8 model ...", flush=True)
        flan = flan_base_shape(Path(tmp), model_dir / "spiece.model")
        flan.translate_batch(
            batches[0], beam_size=1, min_decoding_length=lengths[0], max_decoding_length=lengths[0]
        )
        times = []
        for batch, length in zip(batches, lengths, strict=True):
            t = time.perf_counter()
            flan.translate_batch(batch, beam_size=1, min_decoding_length=length, max_decoding_length=length)
            times.append(time.perf_counter() - t)
    f50, f99 = percentiles(times)
    print(
        f"FlanT5-base shape, int8, 1 thread: p50 {f50:6.2f} ms  p99 {f99:6.2f} ms  "
        f"({f50 / p50:.1f}x slower; target >= 10x)"
    )

    if not (HF_DIR / "config.json").is_file():
        print(f"no Hugging Face weights in {HF_DIR}; skipped the PyTorch generate comparison")
        return
    import torch
    from transformers import T5ForConditionalGeneration

    torch.set_num_threads(1)
    model = T5ForConditionalGeneration.from_pretrained(HF_DIR).eval()
    times = []
    with torch.inference_mode():
        for text, length in zip(texts, lengths, strict=True):
            ids = [sp.encode(p) + [1] for p in prompts(text)]
            width = max(map(len, ids))
            input_ids = torch.tensor([i + [0] * (width - len(i)) for i in ids])
            t = time.perf_counter()
            model.generate(
                input_ids=input_ids, attention_mask=input_ids.ne(0),
                max_new_tokens=length, do_sample=False, num_beams=1,
            )
            times.append(time.perf_counter() - t)
    h50, h99 = percentiles(times)
    print(
        f"shipped student, PyTorch generate: p50 {h50:6.2f} ms  p99 {h99:6.2f} ms  "
        f"({h50 / p50:.1f}x slower)"
    )


if __name__ == "__main__":
    main()
