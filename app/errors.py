"""The one error hierarchy of Casefile.

Every error carries two texts: ``user_message``, one plain sentence that is safe to show a user
(it never contains document text or internals), and ``str(error)``, the internal detail for the
log. ``storage`` and ``inference`` own their errors (``storage/errors.py``, ``inference/errors.py``)
and import nothing of ``app``; they are re-exported here, and ``CASEFILE_ERRORS`` is what the
command line and the window catch and show by their ``user_message``.
"""

from __future__ import annotations

from inference.errors import BackendError, InferenceError, WorkerDied
from storage.errors import (
    KeyChangeRefused,
    PassphraseRequired,
    StorageError,
    VaultLocked,
    WrongPassphrase,
)

__all__ = ["AppError", "UserFacingError", "NotFound", "NoDisplay", "Cancelled", "ExportError",
           "IngestError", "InputTooLarge", "PasswordNeeded", "ModelNotReady", "ContextTooLarge",
           "StorageError", "WrongPassphrase", "PassphraseRequired", "VaultLocked", "KeyChangeRefused",
           "BackendError", "InferenceError",
           "WorkerDied", "CASEFILE_ERRORS", "user_message"]


class AppError(Exception):
    """Root of every error Casefile raises on purpose."""

    default_message = "Something went wrong."

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        super().__init__(detail or self.user_message)


class UserFacingError(AppError):
    """Bad input or a state the user can fix; the message says how."""


class NotFound(UserFacingError):
    default_message = "Not found."


class NoDisplay(UserFacingError):
    default_message = (
        "Casefile needs a display: run it on a desktop session (or set QT_QPA_PLATFORM=offscreen),"
        " or use the headless commands, e.g. `python main.py ingest --help`."
    )


class Cancelled(AppError):
    """The user stopped the work. Never shown as an error dialog."""

    default_message = "Cancelled."


# ----- storage (the storage layer's own errors, counted as Casefile's) ---------------------

class ExportError(AppError):
    """An export file could not be written (nothing half-written is left under its name)."""

    default_message = "The export could not be written."


# ----- ingestion --------------------------------------------------------------------------


class IngestError(UserFacingError):
    """One file could not be read; the message is the one-line reason shown for it."""

    default_message = "The file could not be read."


class InputTooLarge(IngestError):
    """A file (or a part of it) would expand past one of the limits in ``app.limits``."""

    default_message = "The file is too large to read."


class PasswordNeeded(IngestError):
    """A password-protected file: asked for, never guessed."""

    default_message = ("The PDF is protected by a password: add it again with its password "
                       "(ingest --password, or the prompt in the app).")


# ----- inference -------------------------------------------------------------------------

class ModelNotReady(UserFacingError):
    default_message = "No model is ready: run `python main.py models prepare` (or `make run`) first."


class ContextTooLarge(UserFacingError):
    default_message = "The documents do not fit in the model's context window."


# Every error Casefile raises on purpose, whichever layer raised it.
CASEFILE_ERRORS = (AppError, StorageError, BackendError)


def user_message(exc: BaseException) -> str | None:
    """The one sentence to show for ``exc``; None for an error Casefile did not raise on purpose."""
    return exc.user_message if isinstance(exc, CASEFILE_ERRORS) else None
