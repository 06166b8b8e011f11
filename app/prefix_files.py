"""The worker's sealed prefix caches on disk, one per case: named so they can be found and removed.

A file is ``<case tag>-<manifest>.kv``. The tag is a hash of the vault and case ids (it says
nothing about the case); when a case's documents change, its older caches are removed, and
deleting a case removes them all, so a deleted case's tensors do not outlive it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.paths import data_home
from storage.vault import Vault

FOLDER = "prefix-cache"


def cache_dir() -> Path:
    return data_home() / FOLDER


def case_tag(vault: Vault, case_id: int) -> str:
    return hashlib.sha256(f"{vault.vault_id}|{case_id}".encode()).hexdigest()[:16]


def cache_id(vault: Vault, case_id: int, manifest: str) -> str:
    return f"{case_tag(vault, case_id)}-{manifest}"


def forget(vault: Vault, case_id: int, keep: set[str] = frozenset()) -> int:
    """Remove the case's cache files, except those in ``keep`` (cache ids); returns how many went."""
    removed = 0
    for path in cache_dir().glob(f"{case_tag(vault, case_id)}-*.kv"):
        if path.stem not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
