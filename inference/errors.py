"""The inference layer's own errors. Each carries ``user_message`` (one plain sentence, safe to
show) apart from ``str(error)`` (internal detail). ``app.errors`` re-exports them and counts them
among Casefile's errors; this module imports only the protocol's closed set of error kinds.

``InferenceError``: the backend refused or failed one request and is still there to take the
next. ``WorkerDied``: the worker process is gone; a new one must be started. They are siblings,
so a handler for the first never swallows the second by accident.
"""

from __future__ import annotations

from inference.protocol import ErrorKind


class BackendError(Exception):
    """Root of the inference layer's errors."""

    default_message = "The model could not answer."

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        super().__init__(detail or self.user_message)


class InferenceError(BackendError):
    """One request refused or failed; the backend is still alive."""

    def __init__(self, user_message: str | None = None, *, kind: ErrorKind | str = ErrorKind.INTERNAL,
                 detail: str | None = None, remote_traceback: str = "") -> None:
        super().__init__(user_message, detail=detail)
        self.kind = ErrorKind(kind)
        self.remote_traceback = remote_traceback


class WorkerDied(BackendError):
    """The worker process is gone. Unrecoverable for this client: start a new worker."""

    default_message = "The model worker stopped unexpectedly. Restart it to continue; no data was lost."
