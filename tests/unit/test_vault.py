import sqlite3

import pytest
from sqlalchemy import text

from app.errors import VaultLocked, WrongPassphrase
from storage import repositories as repo
from storage.records import NewDocument, PageRecord
from storage.vault import DB_NAME, Vault
from tests.conftest import TEST_PASSPHRASE

CANARY = "CANARY-7f3a-Quarry-Road-secret"


def _store_canary(vault):
    with vault.write() as session:
        case = repo.create_case(session, "Canary case")
        repo.add_document(session, case.id, NewDocument(
            sha256="ab" * 32, name="c.txt", kind="text", size_bytes=10,
            pages=(PageRecord(number=1, text=CANARY),)))
        vault.audit(session, "doc.ingest", case_id=case.id)


def test_vault_file_is_encrypted_and_holds_no_plaintext(vault, casefile_home):
    _store_canary(vault)
    vault.lock()
    for path in casefile_home.iterdir():
        data = path.read_bytes()
        assert CANARY.encode() not in data, path.name
        assert b"Canary case" not in data, path.name
    assert not (casefile_home / DB_NAME).read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(casefile_home / DB_NAME).execute("SELECT * FROM sqlite_master").fetchall()


def test_data_survives_lock_and_unlock(vault, casefile_home):
    _store_canary(vault)
    vault.lock()
    reopened = Vault.unlock(casefile_home, TEST_PASSPHRASE)
    with reopened.read() as session:
        case = repo.find_case(session, "Canary case")
        assert repo.list_pages(session, repo.list_documents(session, case.id)[0].id)[0].text == CANARY
    reopened.lock()


def test_wrong_passphrase_is_refused_with_a_clear_message(vault, casefile_home):
    vault.lock()
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(casefile_home, "not-the-passphrase")
    assert caught.value.user_message == "Wrong passphrase: the vault stays locked."


def test_a_locked_vault_refuses_work(vault):
    vault.lock()
    with pytest.raises(VaultLocked), vault.read():
        pass


def test_audit_chain_verifies_and_finds_the_first_tampered_event(vault):
    _store_canary(vault)
    with vault.write() as session:
        vault.audit(session, "case.open", case_id=1)
    check = vault.verify_audit()
    assert check.ok and check.events == 3  # vault.create, doc.ingest, case.open
    with vault.write() as session:
        session.execute(text("UPDATE audit_events SET action = 'case.view' WHERE seq = 2"))
    broken = vault.verify_audit()
    assert not broken.ok
    assert broken.first_broken_seq == 2
    assert broken.reason == "event content was changed"


def test_deleting_an_audit_event_breaks_the_chain(vault):
    _store_canary(vault)
    with vault.write() as session:
        vault.audit(session, "case.open", case_id=1)
        session.execute(text("DELETE FROM audit_events WHERE seq = 2"))
    broken = vault.verify_audit()
    assert (broken.ok, broken.first_broken_seq) == (False, 3)
