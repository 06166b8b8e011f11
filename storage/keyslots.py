"""Key slots: the vault's random data key, wrapped with AES-256-GCM under each way to unlock.

The slot file (``vault.keys``) sits beside the vault. It is not secret but it is authenticated:
each slot's associated data binds the vault id, the slot kind and its parameters, so a swapped
salt, parameter or slot fails to unwrap instead of weakening anything.

Slots:
- ``passphrase``: Argon2id, RFC 9106's second recommended parameters (m=64 MiB, t=3, p=4).
- ``recovery``: a random 256-bit key shown once as 13 groups of 4 characters to print; high
  entropy, so HKDF-SHA256 suffices.
- ``keyring``: a random key-encryption key kept in the OS keyring, only when ``keyring`` has a
  real backend (``storage.os_keyring``); the backend's name is recorded to notice a change.

``pending`` holds a second set of slots for a new data key while ``rekey`` runs, so a crash
between re-encrypting the database and rewriting this file can never lock the user out.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage import os_keyring
from storage.errors import StorageError

KEYFILE_VERSION = 1
DATA_KEY_BYTES = 32
PASSPHRASE, RECOVERY, KEYRING = "passphrase", "recovery", "keyring"


@dataclass(frozen=True)
class Argon2Params:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4
    salt_hex: str = ""

    def derive(self, passphrase: str) -> bytes:
        return hash_secret_raw(
            passphrase.encode("utf-8"), bytes.fromhex(self.salt_hex),
            time_cost=self.time_cost, memory_cost=self.memory_kib,
            parallelism=self.parallelism, hash_len=32, type=Type.ID,
        )


@dataclass
class KeyFile:
    vault_id: str
    slots: dict[str, dict]
    pending: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        if not path.is_file():
            raise StorageError(f"The vault's key file {path} is missing: the vault cannot be opened "
                               "without it. Restore it from a backup; nothing was changed.")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            keyfile = cls(vault_id=data["vault_id"], slots=data["slots"], pending=data.get("pending") or {})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(f"The vault's key file {path} is damaged; nothing was changed.",
                               detail=str(exc)) from None
        if data.get("version") != KEYFILE_VERSION:
            raise StorageError(f"The key file {path} is from an unknown version of Casefile.")
        return keyfile

    def write(self, path: Path) -> None:
        """Replace the file atomically (write, fsync, rename), readable by its owner only."""
        body = {"version": KEYFILE_VERSION, "vault_id": self.vault_id, "slots": self.slots,
                "pending": self.pending}
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(body, indent=2, sort_keys=True))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        if hasattr(os, "O_DIRECTORY"):  # the rename itself must reach the disk before a rekey goes on
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def new_vault_id() -> str:
    return str(uuid.uuid4())


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


# ----- wrapping ---------------------------------------------------------------------------


def _aad(vault_id: str, kind: str, params: dict) -> bytes:
    return f"{vault_id}|{kind}|{json.dumps(params, sort_keys=True)}".encode()


def _wrap(kek: bytes, data_key: bytes, vault_id: str, kind: str, params: dict) -> dict:
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(vault_id, kind, params))
    return {"kind": kind, "params": params, "nonce": nonce.hex(), "wrapped": wrapped.hex()}


def _unwrap(kek: bytes, slot: dict, vault_id: str) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(bytes.fromhex(slot["nonce"]), bytes.fromhex(slot["wrapped"]),
                                   _aad(vault_id, slot["kind"], slot["params"]))
    except (InvalidTag, ValueError, KeyError):
        return None


# ----- passphrase -------------------------------------------------------------------------


def passphrase_slot(vault_id: str, data_key: bytes, passphrase: str) -> dict:
    params = Argon2Params(salt_hex=secrets.token_hex(16))
    return _wrap(params.derive(passphrase), data_key, vault_id, PASSPHRASE, asdict(params))


def unwrap_passphrase(slot: dict, vault_id: str, passphrase: str) -> bytes | None:
    return _unwrap(Argon2Params(**slot["params"]).derive(passphrase), slot, vault_id)


# ----- recovery key -----------------------------------------------------------------------


def _recovery_kek(secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"casefile recovery slot v1").derive(secret)


def format_recovery_key(secret: bytes) -> str:
    text = base64.b32encode(secret).decode().rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes | None:
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    try:
        secret = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        return None
    return secret if len(secret) == 32 else None


def recovery_slot(vault_id: str, data_key: bytes) -> tuple[dict, str]:
    """A new recovery slot and the recovery key to show the user (once)."""
    secret = secrets.token_bytes(32)
    return _wrap(_recovery_kek(secret), data_key, vault_id, RECOVERY, {}), format_recovery_key(secret)


def unwrap_recovery(slot: dict, vault_id: str, recovery_key: str) -> bytes | None:
    secret = parse_recovery_key(recovery_key)
    return None if secret is None else _unwrap(_recovery_kek(secret), slot, vault_id)


# ----- OS keyring -------------------------------------------------------------------------


def keyring_slot(vault_id: str, data_key: bytes) -> dict | None:
    """A slot whose key lives in the OS keyring, or None when no real keyring exists."""
    backend = os_keyring.usable_backend()
    if backend is None:
        return None
    entry = f"{vault_id}/{secrets.token_hex(8)}"
    kek = secrets.token_bytes(32)
    if not os_keyring.store(backend, entry, kek):
        return None
    return _wrap(kek, data_key, vault_id, KEYRING, {"entry": entry, "backend": os_keyring.name(backend)})


def unwrap_keyring(slot: dict, vault_id: str) -> bytes | None:
    backend = os_keyring.usable_backend()
    if backend is None:
        return None
    kek = os_keyring.load(backend, slot["params"]["entry"])
    return None if kek is None else _unwrap(kek, slot, vault_id)


def forget_keyring_entry(slot: dict) -> None:
    backend = os_keyring.usable_backend()
    if backend is not None:
        os_keyring.delete(backend, slot["params"]["entry"])
