"""Open the vault in the data folder: unlock it, or create it on first use.

Headless commands take the passphrase from ``CASEFILE_PASSPHRASE`` (scripts, tests), the
recovery key from ``CASEFILE_RECOVERY_KEY``, or else try the OS keyring and then a terminal
prompt. There is never a plaintext fallback: with none of these, the command stops and says how
to continue. A new vault's recovery key is shown exactly once.
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

RECOVERY_NOTICE = """\
RECOVERY KEY: print it or write it down now, and keep it somewhere safe, apart from this
computer. It is shown only this once. With it you can open the vault if the passphrase is lost
(`python main.py vault recover`); without both, nobody can open it, not even us.

    {key}
"""


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserFacingError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")


def prompt_new_passphrase() -> str:
    if not sys.stdin.isatty():
        raise PassphraseRequired()
    first = getpass.getpass("New Casefile passphrase: ")
    if getpass.getpass("Repeat the passphrase: ") != first:
        raise UserFacingError("The two passphrases differ; nothing was changed.")
    return first


def vault_exists(home: Path | None = None) -> bool:
    return Vault.exists(home or data_home())


def create_vault(passphrase: str, home: Path | None = None) -> tuple[Vault, str]:
    """A new vault and its recovery key (show it to the user once)."""
    check_new_passphrase(passphrase)
    return Vault.create(home or data_home(), passphrase)


def unlock_vault(passphrase: str | None = None, home: Path | None = None, *,
                 recovery_key: str | None = None) -> Vault:
    return Vault.unlock(home or data_home(), passphrase, recovery_key=recovery_key)


def open_vault(home: Path | None = None) -> Vault:
    """The vault for a headless command (created on first use, recovery key on stderr)."""
    home = home or data_home()
    passphrase = os.environ.get("CASEFILE_PASSPHRASE")
    if not vault_exists(home):
        vault, recovery_key = create_vault(passphrase or prompt_new_passphrase(), home)
        print(f"Created a new encrypted vault in {home}.", file=sys.stderr)
        print(RECOVERY_NOTICE.format(key=recovery_key), file=sys.stderr)
        return vault
    if passphrase:
        return unlock_vault(passphrase, home)
    if recovery_key := os.environ.get("CASEFILE_RECOVERY_KEY"):
        return unlock_vault(home=home, recovery_key=recovery_key)
    try:
        return unlock_vault(home=home)  # the OS keyring, where the vault has a keyring slot
    except PassphraseRequired:
        if not sys.stdin.isatty():
            raise
    return unlock_vault(getpass.getpass("Casefile passphrase: "), home)
