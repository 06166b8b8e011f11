"""Open the vault in the data folder: unlock it, or create it on first use.

Headless commands take the passphrase from ``CASEFILE_PASSPHRASE`` (scripts, tests), the
recovery key from ``CASEFILE_RECOVERY_KEY``, or else try the OS keyring and then a terminal
prompt. There is never a plaintext fallback: with none of these, the command stops and says how
to continue. A new vault's recovery key is shown exactly once.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from app.config import data_home, script_passphrase, script_recovery_key
from app.errors import PassphraseRequired, UserFacingError
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


def passphrase_strength(passphrase: str) -> tuple[str, str]:
    """("weak" | "fair" | "strong", a hint for people). A rough guide, not a guarantee: length
    matters most, so several unrelated words beat a short string of symbols."""
    words = len(passphrase.split())
    classes = sum(any(test(c) for c in passphrase) for test in (str.islower, str.isupper, str.isdigit,
                                                                  lambda c: not c.isalnum()))
    if len(passphrase) < MIN_PASSPHRASE:
        return "weak", f"Too short: use at least {MIN_PASSPHRASE} characters."
    if len(passphrase) >= 20 or words >= 4 or (len(passphrase) >= 14 and classes >= 3):
        return "strong", "Strong."
    if len(passphrase) >= 12 and classes >= 2:
        return "fair", "Fair: a few more words would make it strong."
    return "weak", "Weak: four or more unrelated words are easy to remember and hard to guess."


def keyring_available() -> str | None:
    """The OS keyring's name when a real one is there (never a plaintext file store)."""
    from storage import os_keyring

    backend = os_keyring.usable_backend()
    return os_keyring.name(backend) if backend is not None else None


def write_recovery_sheet(path: Path, recovery_key: str, vault_id: str) -> None:
    """A one-page PDF to print and keep apart from the computer (the user chose to write it)."""
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    text = (f"Casefile recovery key\n\nVault {vault_id}\n\n{recovery_key}\n\n"
            + RECOVERY_NOTICE.split("\n\n")[0].replace("RECOVERY KEY: ", "").replace("\n", " "))
    page.insert_textbox(pymupdf.Rect(50, 60, 560, 780), text, fontsize=11, fontname="cour")
    document.save(path)
    document.close()


def prompt_new_passphrase() -> str:
    if not sys.stdin.isatty():
        raise PassphraseRequired()
    first = getpass.getpass("New Casefile passphrase: ")
    if getpass.getpass("Repeat the passphrase: ") != first:
        raise UserFacingError("The two passphrases differ; nothing was changed.")
    return first


def vault_exists(home: Path | None = None) -> bool:
    return Vault.exists(home or data_home())


def create_vault(passphrase: str, home: Path | None = None, *, use_keyring: bool = True) -> tuple[Vault, str]:
    """A new vault and its recovery key (show it to the user once)."""
    check_new_passphrase(passphrase)
    return Vault.create(home or data_home(), passphrase, use_keyring=use_keyring)


def unlock_vault(passphrase: str | None = None, home: Path | None = None, *,
                 recovery_key: str | None = None) -> Vault:
    return Vault.unlock(home or data_home(), passphrase, recovery_key=recovery_key)


def open_vault(home: Path | None = None) -> Vault:
    """The vault for a headless command (created on first use, recovery key on stderr)."""
    home = home or data_home()
    passphrase = script_passphrase()
    if not vault_exists(home):
        vault, recovery_key = create_vault(passphrase or prompt_new_passphrase(), home)
        print(f"Created a new encrypted vault in {home}.", file=sys.stderr)
        print(RECOVERY_NOTICE.format(key=recovery_key), file=sys.stderr)
        return vault
    if passphrase:
        return unlock_vault(passphrase, home)
    if recovery_key := script_recovery_key():
        return unlock_vault(home=home, recovery_key=recovery_key)
    try:
        return unlock_vault(home=home)  # the OS keyring, where the vault has a keyring slot
    except PassphraseRequired:
        if not sys.stdin.isatty():
            raise
    return unlock_vault(getpass.getpass("Casefile passphrase: "), home)
