"""Changing how the vault unlocks: passphrase, recovery key, rekey (also interrupted), keyring."""

import pytest

from storage import keyslots as ks
from storage import repositories as repo
from storage import vault_keys
from storage.db import open_engine
from storage.errors import KeyChangeRefused, WrongPassphrase
from storage.keyslots import KeyFile
from storage.vault import DB_NAME, KEYS_NAME, Vault
from tests.conftest import TEST_PASSPHRASE
from tests.unit.test_vault import CANARY, audit_actions, store_canary


@pytest.fixture
def vault_and_recovery(casefile_home):
    vault, recovery_key = Vault.create(casefile_home, TEST_PASSPHRASE)
    store_canary(vault)
    return vault, recovery_key


def _canary(vault) -> str:
    with vault.read() as session:
        return repo.list_pages(session, 1)[0].text


def test_passphrase_change_rewraps_only(vault_and_recovery, casefile_home):
    vault, recovery_key = vault_and_recovery
    db_before = (casefile_home / DB_NAME).read_bytes()[:4096]
    vault_keys.change_passphrase(vault, "a-brand-new-passphrase")
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(casefile_home, TEST_PASSPHRASE)
    assert _canary(Vault.unlock(casefile_home, "a-brand-new-passphrase")) == CANARY
    assert _canary(Vault.unlock(casefile_home, recovery_key=recovery_key)) == CANARY
    assert (casefile_home / DB_NAME).read_bytes()[:4096] == db_before  # same data key, same pages


def test_new_recovery_key_retires_the_old_one(vault_and_recovery, casefile_home):
    vault, old_key = vault_and_recovery
    new_key = vault_keys.new_recovery_key(vault)
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(casefile_home, recovery_key=old_key)
    assert _canary(Vault.unlock(casefile_home, recovery_key=new_key)) == CANARY


def test_rekey_rotates_the_data_key_and_every_slot(vault_and_recovery, casefile_home):
    vault, old_recovery = vault_and_recovery
    old_key = vault.data_key
    with pytest.raises(WrongPassphrase):
        vault_keys.rekey(vault, "not-the-passphrase")
    new_recovery = vault_keys.rekey(vault, TEST_PASSPHRASE)
    assert vault.data_key != old_key and new_recovery != old_recovery
    assert _canary(vault) == CANARY  # the open vault goes on working
    vault.lock()
    with pytest.raises(WrongPassphrase):
        open_engine(casefile_home / DB_NAME, old_key)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(casefile_home, recovery_key=old_recovery)
    reopened = Vault.unlock(casefile_home, recovery_key=new_recovery)
    assert _canary(reopened) == CANARY
    assert reopened.verify_audit().ok  # past events still verify: the audit key is not the data key
    assert ("vault.rekey", "success") in audit_actions(reopened)
    assert KeyFile.read(casefile_home / KEYS_NAME).pending == {}


def _start_rekey(vault, casefile_home, *, reencrypt: bool) -> bytes:
    """The first steps of a rekey, then a 'crash' (we stop before the slots are settled)."""
    new_key = ks.new_data_key()
    vault.keyfile.pending = {ks.PASSPHRASE: ks.passphrase_slot(vault.vault_id, new_key, TEST_PASSPHRASE)}
    vault.keyfile.write(casefile_home / KEYS_NAME)
    if reencrypt:
        raw = vault._engine.raw_connection()
        raw.driver_connection.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        raw.close()
    vault._engine.dispose()
    return new_key


@pytest.mark.parametrize("reencrypt", [True, False], ids=["after-reencrypt", "before-reencrypt"])
def test_an_interrupted_rekey_never_locks_the_user_out(vault_and_recovery, casefile_home, reencrypt):
    vault, _ = vault_and_recovery
    _start_rekey(vault, casefile_home, reencrypt=reencrypt)
    reopened = Vault.unlock(casefile_home, TEST_PASSPHRASE)
    assert _canary(reopened) == CANARY
    keyfile = KeyFile.read(casefile_home / KEYS_NAME)
    assert keyfile.pending == {}
    assert (("vault.rekey", "success") in audit_actions(reopened)) is reencrypt
    reopened.lock()
    assert _canary(Vault.unlock(casefile_home, TEST_PASSPHRASE)) == CANARY


def test_keyring_cannot_be_enabled_without_a_real_keyring(vault_and_recovery):
    vault, _ = vault_and_recovery
    with pytest.raises(KeyChangeRefused, match="No OS keyring"):
        vault_keys.set_keyring(vault, True)
    assert ks.KEYRING not in vault.keyfile.slots


def test_slot_parameters_are_authenticated(vault_and_recovery, casefile_home):
    vault, _ = vault_and_recovery
    vault.lock()
    keyfile = KeyFile.read(casefile_home / KEYS_NAME)
    keyfile.slots[ks.PASSPHRASE]["params"]["time_cost"] = 1  # a downgrade attempt
    keyfile.write(casefile_home / KEYS_NAME)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(casefile_home, TEST_PASSPHRASE)


def test_recovery_keys_round_trip_through_their_printed_form():
    secret = bytes(range(32))
    printed = ks.format_recovery_key(secret)
    assert ks.parse_recovery_key(printed) == secret
    assert ks.parse_recovery_key(printed.lower().replace("-", "  ")) == secret
    assert ks.parse_recovery_key("too-short") is None
