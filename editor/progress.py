"""Progress reporting and cancellation shared by export, training and evaluation."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any

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
        self._reason: str | None = None

    def cancel(self, reason: str | None = None) -> None:
        """Ask the work to stop; ``reason`` ("the terminal was closed") goes into its message."""
        self._reason = self._reason or reason
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            if self._reason is None:
                raise Cancelled()
            raise Cancelled(f"Cancelled ({self._reason}); no output was written.")


#: The signals that ask a command to stop (Ctrl+C, ``kill``, a closed terminal or a
#: logout), with the words a message gives for each.
STOP_SIGNALS: dict[signal.Signals, str] = {
    signal.SIGINT: "interrupted",
    signal.SIGTERM: "terminated",
    signal.SIGHUP: "the terminal was closed",
}


#: What ``signal.signal`` takes: a function of the signal and the frame, or SIG_DFL/SIG_IGN.
_Handler = Callable[[int, FrameType | None], Any] | int

_PYTHON_DEFAULTS: dict[signal.Signals, _Handler] = {
    signal.SIGINT: signal.default_int_handler,
    signal.SIGTERM: signal.SIG_DFL,
    signal.SIGHUP: signal.SIG_DFL,
}


@contextlib.contextmanager
def on_stop_signals(action: Callable[[str], None] | None) -> Iterator[None]:
    """Call ``action(reason)`` for each of ``STOP_SIGNALS`` received inside the block.

    ``None`` gives the block Python's own handling back (the Qt app's event loop runs no
    Python between events, so a handler there would only run late). Outside the main
    thread, where Python cannot set handlers, this does nothing. The previous handlers
    are back when the block ends.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum, reason in STOP_SIGNALS.items():
        handler = _PYTHON_DEFAULTS[signum] if action is None else _calling(action, reason)
        previous[signum] = signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _calling(action: Callable[[str], None], reason: str) -> _Handler:
    """A signal handler that calls ``action(reason)``."""

    def handler(signum: int, frame: FrameType | None) -> None:
        action(reason)

    return handler


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
