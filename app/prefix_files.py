"""The worker's sealed prefix caches on disk: named so they can be found, held to a budget, listed
and cleared.

A file is ``<case tag>-<manifest>.kv``. The tag is a hash of the vault and case ids (it says
nothing about the case); when a case's documents change, its older caches are removed, and
deleting a case removes them all, so a deleted case's tensors do not outlive it.

A kept cache turns the next first question on a case from a full read (tens of seconds on a
CPU) into a load (about a second), but it costs disk: ~130 MiB per 6,000 tokens on the embedded
model in bf16, GiBs for a long case on a large model. So the caches are held to a budget, in
total and per case (half the total, so one case's staged passes cannot push out every other
case), least recently used out first. The budget is the user's (``cache budget``, Settings), or
by default a fifth of the free disk, between 1 and 50 GiB.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from app.config import data_home
from storage.vault import Vault

FOLDER = "prefix-cache"
GIB = 2**30
AUTO_SHARE, AUTO_MIN, AUTO_MAX = 0.2, 1 * GIB, 50 * GIB
STALE_PARTIAL_S = 3600  # a half-written copy this old belongs to a worker that died mid-write


def cache_dir() -> Path:
    return data_home() / FOLDER


def case_tag(vault: Vault, case_id: int) -> str:
    return hashlib.sha256(f"{vault.vault_id}|{case_id}".encode()).hexdigest()[:16]


def cache_id(vault: Vault, case_id: int, manifest: str) -> str:
    return f"{case_tag(vault, case_id)}-{manifest}"


@dataclass(frozen=True)
class KeptCache:
    cache_id: str
    case_id: int | None  # None: a case of another vault, or one deleted while its copy was in use
    size: int
    last_used: float  # seconds since the epoch

    def as_json(self) -> dict:
        return {"cache_id": self.cache_id, "case_id": self.case_id, "size_bytes": self.size,
                "last_used": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.last_used))}


@dataclass(frozen=True)
class Budget:
    total: int
    per_case: int
    automatic: bool  # True: derived from the free disk space, not set by the user

    def as_json(self) -> dict:
        return {"total_bytes": self.total, "per_case_bytes": self.per_case, "automatic": self.automatic}


def kept(vault: Vault, case_ids: list[int]) -> list[KeptCache]:
    """The cache files on disk, most recently used first, with the case each belongs to."""
    tags = {case_tag(vault, case_id): case_id for case_id in case_ids}
    found = []
    for path in cache_dir().glob("*.kv"):
        try:
            stat = path.stat()
        except OSError:  # removed meanwhile
            continue
        found.append(KeptCache(path.stem, tags.get(path.stem.split("-", 1)[0]), stat.st_size, stat.st_mtime))
    return sorted(found, key=lambda k: k.last_used, reverse=True)


def budget(budget_gib: float = 0.0, held: int = 0) -> Budget:
    """The user's budget (GiB; 0 = automatic), or a fifth of the free disk (1 to 50 GiB),
    counting what is kept already (``held`` bytes, from ``kept``) as free."""
    if budget_gib > 0:
        total = int(budget_gib * GIB)
        return Budget(total, total // 2, automatic=False)
    folder = cache_dir()
    probe = folder if folder.is_dir() else data_home() if data_home().is_dir() else Path.home()
    total = int(min(AUTO_MAX, max(AUTO_MIN, (shutil.disk_usage(probe).free + held) * AUTO_SHARE)))
    return Budget(total, total // 2, automatic=True)


def over_budget(caches: list[KeptCache], limit: Budget, keep: set[str]) -> list[KeptCache]:
    """Which caches to remove, least recently used first, so that each case and the total fit;
    never one in ``keep`` (the run under way)."""
    removed: set[str] = set()
    by_case: dict[int | None, int] = {}
    for cache in caches:  # most recent first: a case's older copies are the ones over its share
        by_case[cache.case_id] = by_case.get(cache.case_id, 0) + cache.size
        if by_case[cache.case_id] > limit.per_case and cache.cache_id not in keep:
            removed.add(cache.cache_id)
    total = 0
    for cache in caches:
        if cache.cache_id in removed:
            continue
        total += cache.size
        if total > limit.total and cache.cache_id not in keep:
            removed.add(cache.cache_id)
    return [c for c in reversed(caches) if c.cache_id in removed]


def remove(cache_ids: list[str]) -> int:
    """Delete these cache files; returns the bytes freed."""
    freed = 0
    for name in cache_ids:
        path = cache_dir() / f"{name}.kv"
        try:
            size = path.stat().st_size
            path.unlink()
            freed += size
        except FileNotFoundError:
            continue
    return freed


def drop_stale_partials() -> None:
    now = time.time()
    for path in cache_dir().glob("*.partial"):
        try:
            if now - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()
        except OSError:
            continue


def touch(cache_ids: set[str]) -> None:
    """Mark these caches as just used (least recently used goes first)."""
    for name in cache_ids:
        try:
            os.utime(cache_dir() / f"{name}.kv")
        except OSError:  # not written yet (the worker seals after the answer) or removed
            continue


def forget(vault: Vault, case_id: int, keep: set[str] = frozenset()) -> int:
    """Remove the case's cache files, except those in ``keep`` (cache ids); returns how many went."""
    removed = 0
    for path in cache_dir().glob(f"{case_tag(vault, case_id)}-*.kv"):
        if path.stem not in keep:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
