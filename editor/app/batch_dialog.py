"""File › Apply Look to Files…: the current look onto many files, as a queue in the background.

The files and the output folder are chosen first; the queue then runs ``editor.batch``
(the same as ``moodgrade apply A B C -o OUTDIR/``) in a worker thread, so the window stays
usable. The dialog shows the file being graded, the overall progress and one line per
file; Cancel stops the file being written (nothing of it is left) and the rest of the queue.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QVBoxLayout,
)

from editor.batch import BatchReport, run_batch
from editor.export import ExportResult, ExportSettings
from editor.schema import Look

from .workers import BackgroundJob

_STEPS = 1000


class BatchJob(BackgroundJob):
    """``run_batch``; every callback comes back as a queued signal."""

    started = Signal(int, str)
    progressed = Signal(float)
    file_done = Signal(int, str, object)
    thread_name = "batch"
    failure = "Applying the look to the files failed; details are in the log file."

    def __init__(self, sources: list[Path], folder: Path, look: Look, overwrite: bool, parent=None) -> None:
        super().__init__(parent)
        self.sources, self.folder, self.look, self.overwrite = sources, folder, look, overwrite

    def describe(self) -> str:
        return f"batch into {self.folder}"

    def work(self) -> BatchReport:
        return run_batch(
            self.sources, self.folder, self.look, settings=ExportSettings(), overwrite=self.overwrite,
            on_start=lambda i, s: self.started.emit(i, s.name),
            on_done=lambda i, s, outcome: self.file_done.emit(i, s.name, outcome),
            progress=lambda p: self.progressed.emit(p.fraction), cancel=self.token,
            replace_hint="tick Replace files that exist to replace it",
        )


class BatchDialog(QDialog):
    """The queue's progress; ``done_with(report)`` once every file was tried."""

    done_with = Signal(object)

    def __init__(self, sources: list[Path], folder: Path, look: Look, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Apply Look to Files")
        self.setMinimumWidth(520)
        self.sources, self.folder, self.look = sources, folder, look
        self.job: BatchJob | None = None
        self.report: BatchReport | None = None
        self.heading = QLabel(f"{len(sources)} file(s) into {folder}")
        self.heading.setWordWrap(True)
        self.overwrite = QCheckBox("Replace files that exist")
        self.current = QLabel("")
        self.progress = QProgressBar()
        self.progress.setRange(0, _STEPS * max(1, len(sources)))
        self.lines = QListWidget()
        self.lines.addItems([f"waiting: {s.name}" for s in sources])
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton("Start", QDialogButtonBox.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.Cancel)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.overwrite, self.current, self.progress, self.lines, self.buttons):
            layout.addWidget(widget)
        self._index = 0

    def start(self) -> None:
        if self.job is not None:
            return
        self.start_button.setEnabled(False)
        self.overwrite.setEnabled(False)
        self.job = BatchJob(self.sources, self.folder, self.look, self.overwrite.isChecked(), self)
        self.job.started.connect(self._on_started)
        self.job.progressed.connect(self._on_progress)
        self.job.file_done.connect(self._on_file_done)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.start()

    def _on_started(self, index: int, name: str) -> None:
        self._index = index
        self.current.setText(f"Grading {index + 1} of {len(self.sources)}: {name}")
        self.lines.item(index).setText(f"grading: {name}")
        self.progress.setValue(index * _STEPS)

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(self._index * _STEPS + round(fraction * _STEPS))

    def _on_file_done(self, index: int, name: str, outcome) -> None:
        if isinstance(outcome, ExportResult):
            self.lines.item(index).setText(f"done: {name} \u2192 {outcome.target.name}")
        else:
            self.lines.item(index).setText(f"failed: {name}: {outcome}")
        self.progress.setValue((index + 1) * _STEPS)

    def _on_finished(self, report: BatchReport) -> None:
        self.report = report
        failed = f"; {len(report.failed)} failed (listed above)" if report.failed else ""
        self.current.setText(f"Graded {len(report.written)} of {report.total} file(s){failed}.")
        self._finish()
        self.done_with.emit(report)

    def _on_failed(self, message: str) -> None:
        self.current.setText(message)
        self._finish()

    def _on_cancelled(self) -> None:
        self.current.setText("Cancelled; the files already graded are kept.")
        for row in range(self.lines.count()):
            item = self.lines.item(row)
            if item.text().startswith(("waiting:", "grading:")):
                item.setText("cancelled: " + item.text().split(": ", 1)[1])
        self._finish()

    def _finish(self) -> None:
        self.cancel_button.setText("Close")

    def _cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            return
        self.reject()

    def closeEvent(self, event) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.job.join(10)
        super().closeEvent(event)

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            return
        super().reject()
