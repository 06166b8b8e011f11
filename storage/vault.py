"""The vault: one encrypted SQLCipher file plus its key-slot file, in the data folder.

``Vault.create`` / ``Vault.unlock`` give an open vault; ``read()`` and ``write()`` give a
session in one transaction (writes take the write lock up front); ``audit`` appends to the
tamper-evident chain inside the caller's write transaction. ``lock()`` drops the key.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.errors import StorageError, VaultLocked
from storage import audit as audit_chain
from storage.db import open_engine
from storage.keyslots import KeyFile, create_keyfile, unlock_with_passphrase
from storage.schema import SCHEMA_VERSION, Base, SettingRow

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"


class Vault:
    def __init__(self, home: Path, engine: Engine, vault_id: str, audit_key: bytes) -> None:
        self.home = home
        self.vault_id = vault_id
        self._engine: Engine | None = engine
        self._write_engine: Engine | None = engine.execution_options(casefile_write=True)
        self._audit_key: bytes | None = audit_key
        self._write_lock = threading.Lock()  # one writer at a time within this process

    # ----- opening ------------------------------------------------------------------------

    @staticmethod
    def exists(home: Path) -> bool:
        return (home / KEYS_NAME).is_file()

    @classmethod
    def create(cls, home: Path, passphrase: str) -> Vault:
        home.mkdir(parents=True, exist_ok=True)
        home.chmod(0o700)  # the vault is encrypted; the folder is still nobody else's business
        if cls.exists(home) or (home / DB_NAME).exists():
            raise StorageError("A vault already exists in this data folder.")
        keyfile, data_key = create_keyfile(home / KEYS_NAME, passphrase)
        engine = open_engine(home / DB_NAME, data_key)
        Base.metadata.create_all(engine)
        vault = cls(home, engine, keyfile.vault_id, audit_chain.derive_audit_key(data_key))
        with vault.write() as session:
            session.add(SettingRow(key="schema", value={"version": SCHEMA_VERSION}))
            vault.audit(session, "vault.create", objects={"vault_id": keyfile.vault_id})
        return vault

    @classmethod
    def unlock(cls, home: Path, passphrase: str) -> Vault:
        keyfile = KeyFile.read(home / KEYS_NAME)
        data_key = unlock_with_passphrase(keyfile, passphrase)
        engine = open_engine(home / DB_NAME, data_key)
        vault = cls(home, engine, keyfile.vault_id, audit_chain.derive_audit_key(data_key))
        with vault.write() as session:
            vault.audit(session, "vault.unlock", objects={"slot": "passphrase"})
        return vault

    # ----- sessions -----------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        if self._engine is None:
            raise VaultLocked()
        with Session(self._engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self._write_engine is None:
            raise VaultLocked()
        with self._write_lock, Session(self._write_engine, expire_on_commit=False) as session, \
                session.begin():
            yield session

    def audit(self, session: Session, action: str, *, outcome: str = audit_chain.OUTCOME_SUCCESS,
              case_id: int | None = None, objects: dict[str, Any] | None = None) -> int:
        if self._audit_key is None:
            raise VaultLocked()
        return audit_chain.append_event(session, self._audit_key, action=action, outcome=outcome,
                                        case_id=case_id, objects=objects)

    def verify_audit(self) -> audit_chain.ChainCheck:
        if self._audit_key is None:
            raise VaultLocked()
        with self.read() as session:
            return audit_chain.verify_chain(session, self._audit_key)

    # ----- locking ------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self._engine is None

    def lock(self) -> None:
        """Record the lock, then drop the key and every connection."""
        if self._engine is None:
            return
        with self.write() as session:
            self.audit(session, "vault.lock")
        self._engine.dispose()
        self._engine = self._write_engine = None
        self._audit_key = None
