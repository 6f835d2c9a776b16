"""``moodgrade look-to-cube LOOK.json -o OUT.cube [--size 33]``: the pointwise part of a look as a .cube.

Spatial operations (sharpen, structure, bloom) depend on neighboring pixels, so they
cannot be part of a LUT; the command says so when the look uses them.
"""

from __future__ import annotations

import argparse

from editor.commands.apply import add_overwrite, load_look
from editor.errors import LookError
from editor.fileio import check_output
from editor.lut import LUT_3D_SIZES, write_cube
from editor.pipeline import LUT_SIZE, active_spatial, bake_pointwise

SPATIAL_NOTE = "Spatial operations (sharpen, structure, bloom) cannot be part of a LUT and are left out."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Bake the pointwise part of a look (Adjust tone and color, Selective Adjust, Filter) into a "
        "3D LUT .cube file for sRGB-encoded RGB. " + SPATIAL_NOTE
    )
    parser.add_argument("look", help="look JSON file")
    parser.add_argument("-o", "--output", required=True, help="output .cube file")
    parser.add_argument("--size", type=int, default=LUT_SIZE, help=f"LUT size per axis (default {LUT_SIZE})")
    add_overwrite(parser)


def run(args: argparse.Namespace) -> int:
    if args.size not in LUT_3D_SIZES:
        raise LookError(
            f"--size must be between {LUT_3D_SIZES.start} and {LUT_3D_SIZES.stop - 1}, not {args.size}."
        )
    check_output(args.output, overwrite=args.overwrite, sources=[args.look])
    look = load_look(args.look)
    lut = bake_pointwise(look, args.size)
    write_cube(args.output, lut, title=f"moodgrade look {look.to_text().replace(chr(10), '; ')}")
    spatial = [op.NAME for op in active_spatial(look)]
    print(f"Wrote {args.output} ({args.size}^3).")
    if spatial:
        print(f"Left out {', '.join(spatial)}: {SPATIAL_NOTE}")
    return 0
