"""The storage layer's own errors. Like every Casefile error each carries ``user_message``, one
plain sentence safe to show a user, apart from ``str(error)``, the internal detail for the log.
``app.errors`` re-exports them and counts them among Casefile's errors (``CASEFILE_ERRORS``);
this module imports nothing, so ``storage`` depends on nothing above it."""

from __future__ import annotations


class StorageError(Exception):
    default_message = "The vault could not be read or written."

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        super().__init__(detail or self.user_message)


class WrongPassphrase(StorageError):
    default_message = "Wrong passphrase: the vault stays locked."


class PassphraseRequired(StorageError):
    default_message = (
        "A passphrase is needed to open the vault: set CASEFILE_PASSPHRASE or run in a terminal."
    )


class VaultLocked(StorageError):
    default_message = "The vault is locked."


class KeyChangeRefused(StorageError):
    """A key-slot change the user asked for cannot be made as asked; the message says why."""

    default_message = "The vault's keys were not changed."
