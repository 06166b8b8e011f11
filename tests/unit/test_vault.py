"""The encrypted vault on real SQLCipher files: encryption, unlocking, and bad files."""

import sqlite3

import pytest
from sqlalchemy import text

from app.errors import PassphraseRequired, StorageError, VaultLocked, WrongPassphrase
from storage import repositories as repo
from storage.db import open_engine
from storage.keyslots import KEYRING, PASSPHRASE, RECOVERY
from storage.records import NewDocument, PageRecord
from storage.unlock_log import FAILURES_NAME
from storage.vault import DB_NAME, KEYS_NAME, Vault
from tests.conftest import TEST_PASSPHRASE

CANARY = "CANARY-7f3a-Quarry-Road-secret"


def store_canary(vault, case_name="Canary case"):
    with vault.write() as session:
        case = repo.create_case(session, case_name)
        repo.add_document(session, case.id, NewDocument(
            sha256="ab" * 32, name="c.txt", kind="text", size_bytes=10,
            pages=(PageRecord(number=1, text=CANARY),)))
        vault.audit(session, "doc.ingest", case_id=case.id)
    return case


def audit_actions(vault):
    with vault.read() as session:
        rows = session.execute(text("SELECT action, outcome FROM audit_events ORDER BY seq"))
        return [tuple(r) for r in rows]


def test_vault_file_is_encrypted_and_holds_no_plaintext(vault, casefile_home):
    store_canary(vault)
    vault.lock()
    for path in casefile_home.iterdir():
        data = path.read_bytes()
        assert CANARY.encode() not in data, path.name
        assert b"Canary case" not in data, path.name
    assert not (casefile_home / DB_NAME).read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(casefile_home / DB_NAME).execute("SELECT * FROM sqlite_master").fetchall()
    assert (casefile_home / DB_NAME).stat().st_mode & 0o077 == 0
    assert (casefile_home / KEYS_NAME).stat().st_mode & 0o077 == 0


def test_pragmas_are_as_designed(vault):
    with vault.read() as session:
        pragma = lambda name: session.execute(text(f"PRAGMA {name}")).scalar()
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("cipher_version").startswith("4.")


def test_data_survives_lock_and_unlock_with_passphrase_and_recovery_key(casefile_home):
    vault, recovery_key = Vault.create(casefile_home, TEST_PASSPHRASE)
    assert len(recovery_key.split("-")) == 13 and all(len(g) == 4 for g in recovery_key.split("-"))
    store_canary(vault)
    vault.lock()
    for opened in (Vault.unlock(casefile_home, TEST_PASSPHRASE),
                   Vault.unlock(casefile_home, recovery_key=recovery_key.lower().replace("-", " "))):
        with opened.read() as session:
            case = repo.find_case(session, "Canary case")
            assert repo.list_pages(session, repo.list_documents(session, case.id)[0].id)[0].text == CANARY
        opened.lock()


def test_wrong_secrets_change_nothing_and_are_audited_at_the_next_unlock(vault, casefile_home):
    vault.lock()
    before = {p.name: p.read_bytes() for p in casefile_home.iterdir()}
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(casefile_home, "not-the-passphrase")
    assert caught.value.user_message == "Wrong passphrase: the vault stays locked."
    with pytest.raises(WrongPassphrase, match="recovery key"):
        Vault.unlock(casefile_home, recovery_key="AAAA-BBBB")
    assert {n: (casefile_home / n).read_bytes() for n in before} == before
    assert (casefile_home / FAILURES_NAME).is_file()

    reopened = Vault.unlock(casefile_home, TEST_PASSPHRASE)
    assert audit_actions(reopened)[-3:] == [("vault.unlock", "failure"), ("vault.unlock", "failure"),
                                            ("vault.unlock", "success")]
    assert not (casefile_home / FAILURES_NAME).exists()
    assert reopened.verify_audit().ok


def test_a_locked_vault_refuses_work(vault):
    vault.lock()
    with pytest.raises(VaultLocked), vault.read():
        pass


def test_without_a_real_keyring_the_passphrase_is_required(vault, casefile_home):
    assert set(vault.keyfile.slots) == {PASSPHRASE, RECOVERY}  # this machine has no keyring
    assert KEYRING not in vault.keyfile.slots
    vault.lock()
    with pytest.raises(PassphraseRequired):
        Vault.unlock(casefile_home)


def test_a_file_that_is_not_a_vault_is_named_and_left_alone(vault, casefile_home):
    vault.lock()
    db = casefile_home / DB_NAME
    db.write_bytes(b"this is not a database at all" * 500)
    junk = db.read_bytes()
    with pytest.raises(StorageError) as caught:
        Vault.unlock(casefile_home, TEST_PASSPHRASE)
    assert str(db) in caught.value.user_message and "not this Casefile vault" in caught.value.user_message
    assert db.read_bytes() == junk


def test_a_truncated_vault_gives_a_clear_error(vault, casefile_home):
    store_canary(vault)
    vault.lock()
    db = casefile_home / DB_NAME
    db.write_bytes(db.read_bytes()[: 4096 * 3 + 100])
    with pytest.raises(StorageError) as caught:
        opened = Vault.unlock(casefile_home, TEST_PASSPHRASE)
        with opened.read() as session:
            repo.list_pages(session, 1)
    assert str(db) in caught.value.user_message


def test_missing_files_are_named(vault, casefile_home):
    vault.lock()
    (casefile_home / KEYS_NAME).rename(casefile_home / "elsewhere")
    with pytest.raises(StorageError) as caught:
        Vault.unlock(casefile_home, TEST_PASSPHRASE)
    assert "key file" in caught.value.user_message and KEYS_NAME in caught.value.user_message
    (casefile_home / "elsewhere").rename(casefile_home / KEYS_NAME)
    (casefile_home / DB_NAME).rename(casefile_home / "elsewhere")
    with pytest.raises(StorageError, match="vault file"):
        Vault.unlock(casefile_home, TEST_PASSPHRASE)


def test_creating_over_an_existing_vault_is_refused(vault, casefile_home):
    with pytest.raises(StorageError, match="already exists"):
        Vault.create(casefile_home, "another-passphrase")


def test_migrations_match_the_models():
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from storage.migrate import upgrade_to_head
    from storage.schema import Base

    engine = create_engine("sqlite://")
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_pages_stored_before_page_statuses_get_the_status_their_fields_imply():
    from alembic import command
    from sqlalchemy import create_engine, text

    from storage.migrate import alembic_config

    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0006")
        connection.execute(text("INSERT INTO cases (id, name, created_at) VALUES (1, 'Old', '2026')"))
        connection.execute(text(
            "INSERT INTO documents (id, case_id, sha256, name, kind, size_bytes, page_count, status, "
            "warnings, created_at, meta) "
            "VALUES (1, 1, 'h', 'old.pdf', 'pdf', 1, 4, 'ingested', '[]', '2026', '{}')"))
        old_pages = ((1, "words", 0, 0), (2, "read", 1, 0), (3, "", 0, 1), (4, " ", 0, 0))
        for number, words, ocr, needs_ocr in old_pages:
            connection.execute(text("INSERT INTO pages (document_id, number, text, ocr, needs_ocr) "
                                    f"VALUES (1, {number}, '{words}', {ocr}, {needs_ocr})"))
        command.upgrade(alembic_config(connection), "head")
        statuses = connection.execute(text("SELECT status FROM pages ORDER BY number")).scalars().all()
    assert statuses == ["text", "ocr", "needs ocr", "blank"]


def test_the_head_revision_is_read_without_alembic_as_alembic_reads_it():
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from storage.migrate import alembic_config, current_revision, head_revision, upgrade_to_head

    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        assert current_revision(connection) is None  # a new vault: Alembic runs
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_raw_key_engine_refuses_a_wrong_key(vault, casefile_home):
    vault.lock()
    with pytest.raises(WrongPassphrase):
        open_engine(casefile_home / DB_NAME, b"\x00" * 32)
