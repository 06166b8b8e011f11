"""Key slots: the vault's random data key, wrapped with AES-256-GCM under each way to unlock.

The slot file (``vault.keys``) sits beside the vault. It is not secret but it is authenticated:
each slot's associated data binds the vault id, the slot id and the KDF parameters, so a
swapped salt or parameter fails to unwrap instead of weakening the slot.

Slot kinds here: ``passphrase`` (Argon2id, RFC 9106's second recommended parameters:
m=64 MiB, t=3, p=4). The OS keyring and recovery-key slots join in the vault issue.
"""

from __future__ import annotations

import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import StorageError, WrongPassphrase

KEYFILE_VERSION = 1
DATA_KEY_BYTES = 32


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


@dataclass(frozen=True)
class KeyFile:
    vault_id: str
    slots: dict[str, dict]

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StorageError("The vault's key file is missing or damaged.", detail=str(exc)) from None
        if data.get("version") != KEYFILE_VERSION:
            raise StorageError("The vault's key file is from an unknown version of Casefile.")
        return cls(vault_id=data["vault_id"], slots=data["slots"])

    def write(self, path: Path) -> None:
        body = {"version": KEYFILE_VERSION, "vault_id": self.vault_id, "slots": self.slots}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(body, indent=2, sort_keys=True), encoding="utf-8")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)


def _aad(vault_id: str, slot_id: str, params: dict) -> bytes:
    return f"{vault_id}|{slot_id}|{json.dumps(params, sort_keys=True)}".encode()


def _wrap(kek: bytes, data_key: bytes, aad: bytes) -> dict:
    nonce = secrets.token_bytes(12)
    return {"nonce": nonce.hex(), "wrapped": AESGCM(kek).encrypt(nonce, data_key, aad).hex()}


def _unwrap(kek: bytes, slot: dict, aad: bytes) -> bytes:
    return AESGCM(kek).decrypt(bytes.fromhex(slot["nonce"]), bytes.fromhex(slot["wrapped"]), aad)


def passphrase_slot(vault_id: str, data_key: bytes, passphrase: str) -> dict:
    params = Argon2Params(salt_hex=secrets.token_hex(16))
    kdf = asdict(params)
    slot = _wrap(params.derive(passphrase), data_key, _aad(vault_id, "passphrase", kdf))
    return {"kind": "passphrase", "kdf": kdf, **slot}


def create_keyfile(path: Path, passphrase: str) -> tuple[KeyFile, bytes]:
    """A new random data key wrapped under ``passphrase``; returns the key file and the key."""
    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    vault_id = str(uuid.uuid4())
    keyfile = KeyFile(vault_id, {"passphrase": passphrase_slot(vault_id, data_key, passphrase)})
    keyfile.write(path)
    return keyfile, data_key


def unlock_with_passphrase(keyfile: KeyFile, passphrase: str) -> bytes:
    slot = keyfile.slots.get("passphrase")
    if slot is None:
        raise StorageError("This vault has no passphrase slot.")
    params = Argon2Params(**slot["kdf"])
    try:
        return _unwrap(params.derive(passphrase), slot, _aad(keyfile.vault_id, "passphrase", slot["kdf"]))
    except InvalidTag:
        raise WrongPassphrase() from None
