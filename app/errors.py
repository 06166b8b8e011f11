"""The one error hierarchy of Casefile.

Every error carries two texts: ``user_message``, one plain sentence that is safe to show a user
(it never contains document text or internals), and ``str(error)``, the internal detail for the
log. This module imports nothing from the project, so ``storage`` and ``inference.client`` may
raise these errors without depending on the rest of ``app``.
"""

from __future__ import annotations


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


# ----- storage ----------------------------------------------------------------------------


class StorageError(AppError):
    default_message = "The vault could not be read or written."


class ExportError(AppError):
    """An export file could not be written (nothing half-written is left under its name)."""

    default_message = "The export could not be written."


class WrongPassphrase(StorageError):
    default_message = "Wrong passphrase: the vault stays locked."


class PassphraseRequired(StorageError):
    default_message = (
        "A passphrase is needed to open the vault: set CASEFILE_PASSPHRASE or run in a terminal."
    )


class VaultLocked(StorageError):
    default_message = "The vault is locked."


# ----- ingestion --------------------------------------------------------------------------


class IngestError(UserFacingError):
    """One file could not be read; the message is the one-line reason shown for it."""

    default_message = "The file could not be read."


class PasswordNeeded(IngestError):
    """A password-protected file: asked for, never guessed."""

    default_message = ("The PDF is protected by a password: add it again with its password "
                       "(ingest --password, or the prompt in the app).")


# ----- inference --------------------------------------------------------------------------


class InferenceError(AppError):
    """The worker refused or failed one request; the worker itself is still alive."""

    default_message = "The model could not answer."

    def __init__(
        self,
        user_message: str | None = None,
        *,
        kind: str = "internal",
        detail: str | None = None,
        remote_traceback: str = "",
    ) -> None:
        super().__init__(user_message, detail=detail)
        self.kind = kind
        self.remote_traceback = remote_traceback


class WorkerDied(InferenceError):
    """The worker process is gone. Unrecoverable for this client: start a new worker."""

    default_message = "The model worker stopped unexpectedly. Restart it to continue; no data was lost."


class ModelNotReady(UserFacingError):
    default_message = "No model is ready: run `python main.py models prepare` (or `make run`) first."


class ContextTooLarge(UserFacingError):
    default_message = "The documents do not fit in the model's context window."
