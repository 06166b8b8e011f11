"""The vault: one encrypted SQLCipher file plus its key-slot file, in the data folder.

``Vault.create`` / ``Vault.unlock`` give an open vault; ``read()`` and ``write()`` give a
session in one transaction (writes take the write lock up front, one writer at a time);
``audit`` appends to the tamper-evident chain inside the caller's write transaction; ``lock()``
drops the key and every connection. Key-slot changes (passphrase, recovery key, keyring, rekey)
live in ``storage.vault_keys``.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from storage import audit as audit_chain
from storage import keyslots as ks
from storage.db import open_engine
from storage.errors import PassphraseRequired, StorageError, VaultLocked, WrongPassphrase
from storage.migrate import upgrade_to_head
from storage.owner_only import make_private
from storage.schema import VaultSecretRow
from storage.unlock_log import clear_failed_unlocks, read_failed_unlocks, record_failed_unlock

DB_NAME = "vault.db"
KEYS_NAME = "vault.keys"
AUDIT_KEY, SIGNING_KEY = "audit_hmac_key", "export_signing_key"


class Vault:
    def __init__(self, home: Path, engine: Engine, keyfile: ks.KeyFile, data_key: bytes) -> None:
        self.home = home
        self.keyfile = keyfile
        self._data_key: bytes | None = data_key
        self._engine: Engine | None = engine
        self._write_engine: Engine | None = engine.execution_options(casefile_write=True)
        self._write_lock = threading.Lock()
        self._audit_key: bytes | None = None

    @property
    def vault_id(self) -> str:
        return self.keyfile.vault_id

    @property
    def db_path(self) -> Path:
        return self.home / DB_NAME

    @property
    def keys_path(self) -> Path:
        return self.home / KEYS_NAME

    # ----- opening ------------------------------------------------------------------------

    @staticmethod
    def exists(home: Path) -> bool:
        return (home / KEYS_NAME).exists() or (home / DB_NAME).exists()

    @classmethod
    def create(cls, home: Path, passphrase: str, *, use_keyring: bool = True) -> tuple[Vault, str]:
        """A new vault; returns it and the recovery key, which the user must see exactly once."""
        home.mkdir(parents=True, exist_ok=True)
        make_private(home)  # the vault is encrypted; the folder is still nobody else's business
        if cls.exists(home):
            raise StorageError(f"A vault already exists in {home}; it was left untouched.")
        vault_id, data_key = ks.new_vault_id(), ks.new_data_key()
        slots = {ks.PASSPHRASE: ks.passphrase_slot(vault_id, data_key, passphrase)}
        slots[ks.RECOVERY], recovery_key = ks.recovery_slot(vault_id, data_key)
        if use_keyring and (slot := ks.keyring_slot(vault_id, data_key)) is not None:
            slots[ks.KEYRING] = slot
        keyfile = ks.KeyFile(vault_id, slots)
        engine = open_engine(home / DB_NAME, data_key)
        make_private(home / DB_NAME)
        vault = cls(home, engine, keyfile, data_key)
        upgrade_to_head(vault._write_engine)
        with vault.write() as session:
            session.add(VaultSecretRow(name=AUDIT_KEY, value=secrets.token_hex(32)))
            private = Ed25519PrivateKey.generate().private_bytes_raw()
            session.add(VaultSecretRow(name=SIGNING_KEY, value=private.hex()))
            session.flush()
            vault.audit(session, "vault.create", objects={"vault_id": vault_id, "slots": sorted(slots)})
        keyfile.write(home / KEYS_NAME)  # last: a vault without a key file never looks usable
        return vault, recovery_key

    @classmethod
    def unlock(cls, home: Path, passphrase: str | None = None, *, recovery_key: str | None = None) -> Vault:
        """Open with the passphrase, the recovery key, or (given neither) the OS keyring."""
        db_path = home / DB_NAME
        keyfile = ks.KeyFile.read(home / KEYS_NAME)
        if not db_path.is_file():
            raise StorageError(f"The vault file {db_path} is missing; the key file was left untouched.")
        if passphrase is not None:
            slot_kind, unwrap = ks.PASSPHRASE, lambda s: ks.unwrap_passphrase(s, keyfile.vault_id, passphrase)
        elif recovery_key is not None:
            slot_kind, unwrap = ks.RECOVERY, lambda s: ks.unwrap_recovery(s, keyfile.vault_id, recovery_key)
        elif ks.KEYRING in keyfile.slots:
            slot_kind, unwrap = ks.KEYRING, lambda s: ks.unwrap_keyring(s, keyfile.vault_id)
        else:
            raise PassphraseRequired()

        unwrapped = False
        for candidates in (keyfile.slots, keyfile.pending):
            slot = candidates.get(slot_kind)
            try:
                data_key = unwrap(slot) if slot else None
            except (KeyError, TypeError, ValueError) as exc:
                raise StorageError(f"The vault's key file {home / KEYS_NAME} is damaged; nothing was "
                                   "changed.", detail=f"slot {slot_kind}: {exc!r}") from None
            if data_key is None:
                continue
            unwrapped = True
            try:
                engine = open_engine(db_path, data_key)
            except WrongPassphrase:
                continue  # a key from an interrupted rekey: try the other set of slots
            vault = cls(home, engine, keyfile, data_key)
            if keyfile.pending:
                from storage.vault_keys import settle_interrupted_rekey

                settle_interrupted_rekey(vault, rekeyed=candidates is keyfile.pending)
            vault._after_unlock(slot_kind)
            return vault

        if unwrapped:  # the key is right (AES-GCM says so) but the file does not open with it
            raise StorageError(f"{db_path} is not this Casefile vault or is damaged; it was left untouched.")
        if slot_kind == ks.KEYRING:
            raise PassphraseRequired("The OS keyring did not open the vault: enter the passphrase.")
        if slot_kind not in keyfile.slots:
            raise StorageError(f"This vault has no {slot_kind} slot.")
        record_failed_unlock(home, slot_kind)
        if slot_kind == ks.RECOVERY:
            raise WrongPassphrase("Wrong recovery key: the vault stays locked.")
        raise WrongPassphrase()

    def _after_unlock(self, slot_kind: str) -> None:
        upgrade_to_head(self._write_engine)
        failures = read_failed_unlocks(self.home)
        with self.write() as session:
            for failure in failures:
                self.audit(session, "vault.unlock", outcome=audit_chain.OUTCOME_FAILURE, objects=failure)
            self.audit(session, "vault.unlock", objects={"slot": slot_kind})
        clear_failed_unlocks(self.home)

    # ----- sessions -----------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        if self._engine is None:
            raise VaultLocked()
        with _storage_errors(self.db_path), Session(self._engine, expire_on_commit=False) as session, \
                session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self._write_engine is None:
            raise VaultLocked()
        with self._write_lock, _storage_errors(self.db_path), \
                Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def driver_connection(self) -> Iterator[Any]:
        """The SQLCipher driver's own connection, under the write lock and outside any
        transaction (``PRAGMA rekey`` must run so); closed afterwards."""
        if self._engine is None:
            raise VaultLocked()
        with self._write_lock:
            raw = self._engine.raw_connection()
            try:
                yield raw.driver_connection
            finally:
                raw.close()

    # ----- audit --------------------------------------------------------------------------

    def _secret(self, session: Session, name: str) -> bytes:
        row = session.scalars(select(VaultSecretRow).where(VaultSecretRow.name == name)).first()
        if row is None:
            raise StorageError(detail=f"vault secret {name} is missing")
        return bytes.fromhex(row.value)

    def audit(self, session: Session, action: str, *, outcome: str = audit_chain.OUTCOME_SUCCESS,
              case_id: int | None = None, objects: dict[str, Any] | None = None) -> int:
        if self._engine is None:
            raise VaultLocked()
        if self._audit_key is None:
            self._audit_key = self._secret(session, AUDIT_KEY)
        return audit_chain.append_event(session, self._audit_key, action=action, outcome=outcome,
                                        case_id=case_id, objects=objects)

    def check_events(self, events: list[dict[str, Any]]) -> audit_chain.ChainCheck:
        """Check events already read (e.g. in the caller's transaction) with the audit key."""
        if self._audit_key is None:
            with self.read() as session:
                self._audit_key = self._secret(session, AUDIT_KEY)
        return audit_chain.check_events(iter(events), self._audit_key)

    def verify_audit(self) -> audit_chain.ChainCheck:
        with self.read() as session:
            if self._audit_key is None:
                self._audit_key = self._secret(session, AUDIT_KEY)
            return audit_chain.verify_chain(session, self._audit_key)

    def prefix_cache_key(self) -> bytes:
        """The key that seals the worker's on-disk prefix caches (derived: a rekey retires them)."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"casefile prefix cache v1").derive(self.data_key)

    def signing_key(self) -> Ed25519PrivateKey:
        with self.read() as session:
            return Ed25519PrivateKey.from_private_bytes(self._secret(session, SIGNING_KEY))

    # ----- keys and locking ---------------------------------------------------------------

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise VaultLocked()
        return self._data_key

    def replace_engine(self, engine: Engine, data_key: bytes) -> None:
        """After a rekey: every new connection uses the new key."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine, self._write_engine = engine, engine.execution_options(casefile_write=True)
        self._data_key = data_key

    @property
    def locked(self) -> bool:
        return self._engine is None

    def lock(self) -> None:
        """Record the lock, then drop the keys and every connection."""
        if self._engine is None:
            return
        with self.write() as session:
            self.audit(session, "vault.lock")
        self._engine.dispose()
        self._engine = self._write_engine = None
        self._data_key = self._audit_key = None


@contextmanager
def _storage_errors(db_path: Path) -> Iterator[None]:
    try:
        yield
    except IntegrityError:
        raise  # a constraint the code broke: a bug to surface, not a damaged file
    except OperationalError as exc:
        if "disk is full" in str(exc) or "database or disk is full" in str(exc):
            raise StorageError("The disk is full: nothing was saved. Free some space and try again.",
                               detail=str(exc)) from exc
        raise StorageError(f"The vault {db_path} could not be read or written.", detail=str(exc)) from exc
    except DatabaseError as exc:
        raise StorageError(f"The vault {db_path} is damaged ({exc.orig}); it was left untouched.",
                           detail=str(exc)) from exc
