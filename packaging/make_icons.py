"""Renders the app icon's PNG sizes from resources/icons/moodgrade.svg, and the Windows .ico
and macOS .icns that packaging/moodgrade.spec gives the bundle on those systems.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

The outputs are committed, so neither a build nor install-desktop needs Qt's SVG renderer;
run this again after changing the SVG.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.commands.desktop import ICON_SIZES, icon_png, icon_svg  # noqa: E402

ICONS = ROOT / "packaging" / "icons"
#: A Windows .ico stops at 256; a macOS .icns goes up to 1024 (512 at 2x), rendered only for it.
ICO_SIZES = [s for s in ICON_SIZES if s <= 256]
ICNS_LARGEST = 1024


def render(renderer: QSvgRenderer, size: int, out: Path) -> None:
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(icon_svg()))
    if not renderer.isValid():
        raise SystemExit(f"{icon_svg()} is not an SVG Qt can render")
    for size in ICON_SIZES:
        render(renderer, size, icon_png(size))
    pngs = {size: Image.open(icon_png(size)) for size in ICON_SIZES}
    # Each size is the one rendered for it, not the largest scaled down: small sizes stay sharp.
    pngs[max(ICO_SIZES)].save(
        ICONS / "moodgrade.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=[pngs[s] for s in ICO_SIZES]
    )
    with tempfile.TemporaryDirectory() as tmp:
        render(renderer, ICNS_LARGEST, Path(tmp) / "largest.png")
        with Image.open(Path(tmp) / "largest.png") as largest:
            largest.save(ICONS / "moodgrade.icns", append_images=list(pngs.values()))
    for path in sorted(ICONS.iterdir()) + [icon_png(s) for s in ICON_SIZES]:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
