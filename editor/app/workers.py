"""Work that must not block the UI: the student model, exports and batches.

The model is loaded once, lazily, in the worker thread on the first prompt, and
reloaded only when the model directory or device setting changes. An export or a batch
is a ``BackgroundJob``: one worker thread, cancellable. Results come back as Qt signals
(queued into the UI thread).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from editor.errors import Cancelled, EditorError
from editor.progress import CancelToken, Progress
from editor.schema import Look

if TYPE_CHECKING:
    # Only for the annotation: editor.model loads CTranslate2, which the app defers to
    # the first prompt.
    from editor.model import Suggestion

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PromptAnswer:
    """The model's answer to one prompt, as ``ModelService.suggested`` carries it."""

    #: The prompt as the user typed it.
    intent: str
    #: The student's look, mode, explanation and parse warnings for it.
    suggestion: Suggestion
    #: Whether Refine was ticked when the prompt was sent: apply it as a change to the
    #: look on screen whatever mode the model read.
    refine: bool
    #: The model variant that answered, for the event log.
    variant: str


class ModelService(QObject):
    """Runs ``Student.suggest`` off the UI thread, one prompt at a time."""

    #: A ``PromptAnswer``.
    suggested = Signal(object)
    failed = Signal(str, str)
    loading = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._lock = threading.Lock()
        self._student = None
        self._key: tuple[Path, str] | None = None

    def suggest(self, intent: str, model_dir: Path, device: str, refine: bool = False) -> None:
        self._pool.start(lambda: self._run(intent, model_dir, device, refine))

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _load(self, model_dir: Path, device: str):
        key = (Path(model_dir), device)
        if self._student is None or self._key != key:
            from editor.model import Student

            self.loading.emit()
            self._student = Student(model_dir, device=device)
            self._key = key
            log.info("loaded student %s on %s", self._student.variant, device)
        return self._student

    def _run(self, intent: str, model_dir: Path, device: str, refine: bool) -> None:
        try:
            with self._lock:
                student = self._load(model_dir, device)
                suggestion = student.suggest(intent)
        except EditorError as exc:
            log.warning("prompt %r failed: %s", intent, exc, exc_info=True)
            self.failed.emit(intent, str(exc))
            return
        except Exception:
            log.exception("prompt %r failed", intent)
            self.failed.emit(intent, "The model failed on this prompt; details are in the log file.")
            return
        self.suggested.emit(PromptAnswer(intent, suggestion, refine, student.variant))


class BackgroundJob(QObject):
    """``work()`` in a worker thread, cancellable through ``token``; it ends in exactly one
    of ``finished(result)``, ``failed(message)`` or ``cancelled()``.

    A subclass implements ``work`` (which raises ``Cancelled`` once the token is
    cancelled) and ``describe`` (what it does, for the log), and names its thread and the
    sentence a failure that is not an ``EditorError`` shows.
    """

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    #: The worker thread's name.
    thread_name: str
    #: What the user reads when ``work`` fails with anything but an ``EditorError``.
    failure: str

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.token.cancel()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def describe(self) -> str:
        raise NotImplementedError

    def work(self) -> object:
        raise NotImplementedError

    def _run(self) -> None:
        try:
            result = self.work()
        except Cancelled:
            log.info("%s cancelled", self.describe())
            self.cancelled.emit()
            return
        except EditorError as exc:
            log.warning("%s failed: %s", self.describe(), exc, exc_info=True)
            self.failed.emit(str(exc))
            return
        except Exception:
            log.exception("%s failed", self.describe())
            self.failed.emit(self.failure)
            return
        self.finished.emit(result)


class ExportJob(BackgroundJob):
    """One export, with progress."""

    progressed = Signal(object)
    thread_name = "export"
    failure = "The export failed; details are in the log file."

    def __init__(
        self, source: Path, target: Path, look: Look, settings, parent: QObject | None = None, *,
        overwrite: bool = False,
    ):
        super().__init__(parent)
        self.source, self.target, self.look, self.settings = source, target, look, settings
        #: Whether the user agreed to replace an existing target.
        self.overwrite = overwrite

    def describe(self) -> str:
        return f"export to {self.target}"

    def _progress(self, progress: Progress) -> None:
        self.progressed.emit(progress)

    def work(self) -> object:
        from editor.export import export

        return export(
            self.source, self.target, self.look, settings=self.settings, progress=self._progress,
            cancel=self.token, overwrite=self.overwrite,
        )
