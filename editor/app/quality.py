"""The export quality in plain words; the encoder's number shows only in the tooltip.

Each level is an x264 CRF for video (lower: better and larger) or a JPEG quality for
photos; "High" is the export default (``ExportSettings``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from editor.export import ExportSettings

VIDEO_LEVELS = (
    ("Best \u2014 largest file", 14),
    ("High \u2014 recommended", ExportSettings.crf),
    ("Good \u2014 smaller file", 23),
    ("Draft \u2014 smallest file", 28),
)
PHOTO_LEVELS = (
    ("Best \u2014 largest file", 100),
    ("High \u2014 recommended", ExportSettings.photo_quality),
    ("Good \u2014 smaller file", 85),
    ("Draft \u2014 smallest file", 70),
)


class QualityBox(QComboBox):
    """``value()`` is the CRF (video) or JPEG quality (photo) of the chosen level."""

    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(parent)
        self._video = kind == "video"
        for words, value in VIDEO_LEVELS if self._video else PHOTO_LEVELS:
            self.addItem(words, value)
        default = ExportSettings.crf if self._video else ExportSettings.photo_quality
        self.setCurrentIndex(self.findData(default))
        self.currentIndexChanged.connect(self._explain)
        self._explain()

    def value(self) -> int:
        return int(self.currentData())

    def _explain(self) -> None:
        if self._video:
            self.setToolTip(f"H.264 at CRF {self.value()} (lower CRF: better quality and a larger file).")
        else:
            self.setToolTip(f"JPEG quality {self.value()} of 100 (higher: better quality and a larger file).")
