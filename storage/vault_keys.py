"""Changing how the vault is unlocked: passphrase, recovery key, OS keyring, and rekey.

A passphrase change or a new recovery key re-wraps the same data key (the database is not
touched). ``rekey`` rotates the data key itself (``PRAGMA rekey`` re-encrypts every page) and
every slot; it writes the new slots as ``pending`` first, so a crash at any point leaves a key
file that still opens the database (``settle_interrupted_rekey`` finishes the job on unlock).
Every change is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage import keyslots as ks
from storage.db import open_engine
from storage.errors import KeyChangeRefused, WrongPassphrase

if TYPE_CHECKING:  # the vault calls settle_interrupted_rekey when it opens: no import cycle
    from storage.vault import Vault


def _save(vault: Vault, action: str, objects: dict) -> None:
    vault.keyfile.write(vault.keys_path)
    with vault.write() as session:
        vault.audit(session, action, objects=objects)


def change_passphrase(vault: Vault, new_passphrase: str) -> None:
    vault.keyfile.slots[ks.PASSPHRASE] = ks.passphrase_slot(vault.vault_id, vault.data_key, new_passphrase)
    _save(vault, "vault.passphrase_change", {"slot": ks.PASSPHRASE})


def new_recovery_key(vault: Vault) -> str:
    """Replace the recovery slot; the old recovery key stops working. Returns the new key."""
    vault.keyfile.slots[ks.RECOVERY], recovery_key = ks.recovery_slot(vault.vault_id, vault.data_key)
    _save(vault, "vault.recovery_reset", {"slot": ks.RECOVERY})
    return recovery_key


def set_keyring(vault: Vault, enabled: bool) -> None:
    old = vault.keyfile.slots.pop(ks.KEYRING, None)
    if enabled:
        slot = ks.keyring_slot(vault.vault_id, vault.data_key)
        if slot is None:
            if old is not None:
                vault.keyfile.slots[ks.KEYRING] = old
            raise KeyChangeRefused(
                "No OS keyring is available on this machine: the passphrase stays required.")
        vault.keyfile.slots[ks.KEYRING] = slot
    if old is not None:
        ks.forget_keyring_entry(old)
    _save(vault, "settings.keyring", {"enabled": enabled})


def rekey(vault: Vault, passphrase: str) -> str:
    """Rotate the data key and every slot; returns the new recovery key (show it once)."""
    current = vault.keyfile.slots.get(ks.PASSPHRASE)
    if current is None or ks.unwrap_passphrase(current, vault.vault_id, passphrase) != vault.data_key:
        raise WrongPassphrase("Wrong passphrase: the key was not changed.")
    new_key = ks.new_data_key()
    pending = {ks.PASSPHRASE: ks.passphrase_slot(vault.vault_id, new_key, passphrase)}
    pending[ks.RECOVERY], recovery_key = ks.recovery_slot(vault.vault_id, new_key)
    if ks.KEYRING in vault.keyfile.slots and (slot := ks.keyring_slot(vault.vault_id, new_key)):
        pending[ks.KEYRING] = slot
    vault.keyfile.pending = pending
    vault.keyfile.write(vault.keys_path)  # 1: both keys can open, whatever happens next

    with vault.driver_connection() as connection:  # PRAGMA rekey must run outside BEGIN
        connection.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    vault.replace_engine(open_engine(vault.db_path, new_key), new_key)  # 2: the file uses the new key
    settle_interrupted_rekey(vault, rekeyed=True)  # 3: only the new slots remain
    return recovery_key


def settle_interrupted_rekey(vault: Vault, *, rekeyed: bool) -> None:
    """Keep whichever set of slots opens the database; forget the other (and its keyring entry)."""
    keyfile = vault.keyfile
    keep, drop = (keyfile.pending, keyfile.slots) if rekeyed else (keyfile.slots, keyfile.pending)
    if ks.KEYRING in drop:
        ks.forget_keyring_entry(drop[ks.KEYRING])
    keyfile.slots, keyfile.pending = keep, {}
    if rekeyed:
        _save(vault, "vault.rekey", {"slots": sorted(keep)})
    else:
        keyfile.write(vault.keys_path)
