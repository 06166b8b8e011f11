"""Open the vault in the data folder for a headless command: create it on first use.

The passphrase comes from ``CASEFILE_PASSPHRASE`` (scripts, tests) or a terminal prompt. There
is never a plaintext fallback: with neither, the command stops and says how to continue.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from app.errors import PassphraseRequired, UserFacingError
from app.paths import data_home
from storage.vault import Vault

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserFacingError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")


def _passphrase(creating: bool) -> str:
    from_env = os.environ.get("CASEFILE_PASSPHRASE")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise PassphraseRequired()
    if not creating:
        return getpass.getpass("Casefile passphrase: ")
    first = getpass.getpass("New Casefile passphrase: ")
    if getpass.getpass("Repeat the passphrase: ") != first:
        raise UserFacingError("The two passphrases differ; nothing was created.")
    return first


def open_vault(home: Path | None = None) -> Vault:
    home = home or data_home()
    if Vault.exists(home):
        return Vault.unlock(home, _passphrase(creating=False))
    vault = create_vault(_passphrase(creating=True), home)
    print(f"Created a new encrypted vault in {home}.", file=sys.stderr)
    return vault


def vault_exists(home: Path | None = None) -> bool:
    return Vault.exists(home or data_home())


def create_vault(passphrase: str, home: Path | None = None) -> Vault:
    check_new_passphrase(passphrase)
    return Vault.create(home or data_home(), passphrase)


def unlock_vault(passphrase: str, home: Path | None = None) -> Vault:
    return Vault.unlock(home or data_home(), passphrase)
