"""Progress reporting and cancellation shared by export, training and evaluation."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from editor.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """A snapshot of long work: ``done`` of ``total`` units (total 0 = unknown)."""

    done: int
    total: int
    elapsed_s: float

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total > 0 else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds left at the average rate so far; ``None`` until it can be estimated."""
        if self.total <= 0 or self.done <= 0:
            return None
        return self.elapsed_s * (self.total - self.done) / self.done


ProgressCallback = Callable[[Progress], None]


class CancelToken:
    """Set from any thread to ask long work to stop at its next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


class ProgressTracker:
    """Turns unit counts into ``Progress`` callbacks and checks for cancellation."""

    def __init__(
        self,
        total: int,
        callback: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.total = total
        self.done = 0
        self._callback = callback
        self._cancel = cancel
        self._start = time.monotonic()

    def advance(self, n: int = 1) -> None:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        self.done += n
        if self._callback is not None:
            self._callback(Progress(self.done, self.total, time.monotonic() - self._start))
