"""Detached Ed25519 signatures over a sums file: the site's signed model manifests and the
offline bundle's ``SHA256SUMS``.

The format is the one OpenSSL 3 reads, so a target machine can check a bundle before any Python
package is installed: a PEM public key, and ``FILE.sig`` holding the 64 raw signature bytes of
FILE (``openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in FILE -sigfile FILE.sig``).
The fingerprint shown to people is sha256 of the raw 32-byte public key, as for audit exports.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.errors import UserFacingError
from storage.export_verifier import key_fingerprint

SIGNATURE_SUFFIX = ".sig"


class SignatureRefused(UserFacingError):
    default_message = "The signature does not match."


def generate_key(private_path: Path, public_path: Path) -> str:
    """A new signing key: the private key PEM (owner-only) and the public key PEM. Returns the
    fingerprint to publish."""
    key = Ed25519PrivateKey.generate()
    private_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    public_path.write_bytes(public_pem(key.public_key()))
    return key_fingerprint(key.public_key())


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.PEM,
                                   serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        raise SignatureRefused("That is not a PEM public key.") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SignatureRefused("The key is not an Ed25519 key.")
    return key


def fingerprint(pem: bytes) -> str:
    return key_fingerprint(load_public_key(pem))


def sign_file(path: Path, private_key_path: Path) -> Path:
    """Write ``path.sig``: the raw signature of the file's bytes."""
    try:
        key = serialization.load_pem_private_key(private_key_path.read_bytes(), password=None)
    except OSError as exc:
        raise SignatureRefused(f"The key {private_key_path} cannot be read ({exc.strerror}).") from None
    except (ValueError, TypeError):
        raise SignatureRefused(f"{private_key_path.name} is not an unencrypted PEM private key.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SignatureRefused(f"{private_key_path.name} is not an Ed25519 private key.")
    signature_path = path.with_name(path.name + SIGNATURE_SUFFIX)
    signature_path.write_bytes(key.sign(path.read_bytes()))
    return signature_path


def verify_bytes(data: bytes, signature: bytes, public_key_pem: bytes, name: str) -> str:
    """Check a signature of ``data`` (the file ``name``) against the key; returns the key's
    fingerprint, or raises SignatureRefused."""
    key = load_public_key(public_key_pem)
    try:
        key.verify(signature, data)
    except InvalidSignature:
        raise SignatureRefused(f"{name}{SIGNATURE_SUFFIX} is not a valid signature of {name} by the key "
                               f"{key_fingerprint(key)[:16]}… (altered, or signed by another key).") from None
    return key_fingerprint(key)
