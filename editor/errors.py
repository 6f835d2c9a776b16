"""Errors that carry a plain sentence a user can read.

Every failure the user can cause (bad file, bad look, missing model) is raised as an
``EditorError`` whose message is one sentence; the CLI prints it and the app shows it,
and the details go to the log.
"""


class EditorError(Exception):
    """A failure with a message meant for the user."""


class LookError(EditorError):
    """A look (JSON or compact text) that cannot be used."""


class MediaError(EditorError):
    """An input that cannot be decoded or an output that cannot be written."""


class Cancelled(EditorError):
    """Long work stopped because the user asked."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class Stopped(KeyboardInterrupt):
    """A stop signal (Ctrl+C, ``kill``, a closed terminal) outside work that checks a
    ``CancelToken``: it unwinds the command like Ctrl+C, carrying the reason."""
