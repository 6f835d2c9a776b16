"""``moodgrade distill average HF_DIR HF_DIR... --hf-out DIR --out DIR``: a model soup.

Averages the float weights of students continued from the same student
(``editor.distill.average``), writes the mean as a Hugging Face directory (``--hf-out``,
the start of a later continued run) and converts it to the int8 CTranslate2 model the
app loads (``--out``).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("students", type=Path, nargs="+", help="Hugging Face student directories (2 or more)")
    parser.add_argument("--hf-out", type=Path, required=True, help="where to write the mean float weights")
    parser.add_argument("--out", type=Path, required=True, help="where to write the int8 CTranslate2 model")


def run(args: argparse.Namespace) -> int:
    from editor.distill.average import average
    from editor.distill.convert import convert

    average(args.students, args.hf_out)
    convert(args.hf_out, args.out)
    print(f"averaged {len(args.students)} students into {args.hf_out} and {args.out}")
    return 0
