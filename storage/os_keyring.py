"""The OS keyring, used only when ``keyring`` has a real backend.

Real: macOS Keychain, Windows Credential Locker, Secret Service (GNOME Keyring, KeePassXC), KWallet.
Not real: ``keyring.backends.fail`` (what a headless Linux box has), the null backend, anything
from ``keyrings.alt`` (plaintext or weakly protected files), or any backend with priority < 1.
Without a real one there is no keyring slot and the passphrase is required: never a plaintext
fallback.
"""

from __future__ import annotations

import logging

log = logging.getLogger("casefile.vault")

SERVICE = "Casefile vault"


def _is_real(backend) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or module in ("keyring.backends.fail", "keyring.backends.null"):
        return False
    try:
        return float(backend.priority) >= 1
    except Exception:  # noqa: BLE001 - a backend whose priority check fails is not usable
        return False


def usable_backend():
    """The real keyring backend, or None."""
    try:
        import keyring
        from keyring.backends.chainer import ChainerBackend

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - keyring discovery can fail in many ways
        log.info("no OS keyring: %s", type(exc).__name__)
        return None
    candidates = backend.backends if isinstance(backend, ChainerBackend) else [backend]
    return next((b for b in candidates if _is_real(b)), None)


def name(backend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def store(backend, entry: str, secret: bytes) -> bool:
    """Keep ``secret`` in the keyring; False when the keyring refuses (locked, dismissed prompt)."""
    try:
        backend.set_password(SERVICE, entry, secret.hex())
    except Exception as exc:  # noqa: BLE001 - any refusal means "no keyring slot", never a crash
        log.info("keyring write failed: %s", type(exc).__name__)
        return False
    return True


def load(backend, entry: str) -> bytes | None:
    try:
        value = backend.get_password(SERVICE, entry)
    except Exception as exc:  # noqa: BLE001 - a locked or absent keyring means "not this way"
        log.info("keyring read failed: %s", type(exc).__name__)
        return None
    return bytes.fromhex(value) if value else None


def delete(backend, entry: str) -> None:
    try:
        backend.delete_password(SERVICE, entry)
    except Exception as exc:  # noqa: BLE001 - already gone is fine
        log.info("keyring delete failed: %s", type(exc).__name__)
