"""Vault benchmarks: audit append rate, verify time at 100,000 events, vault open time."""

from __future__ import annotations

import statistics
import time
from pathlib import Path


def bench_vault(folder: Path, events: int = 100_000) -> dict:
    """Audit append rate (one fsync'd transaction per event, as in use), verify time at 100k
    events, and vault open time with the raw key (what start-up pays) and with Argon2id."""

    from storage.db import open_engine
    from storage.vault import Vault

    vault, _ = Vault.create(folder, "bench-passphrase")
    single = 300
    started = time.perf_counter()
    for i in range(single):
        with vault.write() as session:
            vault.audit(session, "bench.event", objects={"i": i})
    append_per_s = single / (time.perf_counter() - started)

    started = time.perf_counter()
    for first in range(single, events, 10_000):
        with vault.write() as session:
            for i in range(first, min(first + 10_000, events)):
                vault.audit(session, "bench.event", objects={"i": i, "sha256": "ab" * 32})
    bulk_s = time.perf_counter() - started

    started = time.perf_counter()
    check = vault.verify_audit()
    verify_s = time.perf_counter() - started

    opens = []
    for _ in range(15):
        started = time.perf_counter()
        open_engine(vault.db_path, vault.data_key).dispose()
        opens.append(time.perf_counter() - started)
    vault.lock()
    started = time.perf_counter()
    Vault.unlock(folder, "bench-passphrase").lock()
    unlock_s = time.perf_counter() - started
    return {
        "audit_append_events_per_s": round(append_per_s, 1),
        "audit_bulk_append_s": round(bulk_s, 2),
        "audit_events": check.events, "audit_chain_ok": check.ok,
        "audit_verify_s": round(verify_s, 3),
        "audit_verify_goal_s": 2.0,
        "vault_open_raw_key_ms": round(statistics.median(opens) * 1000, 2),
        "vault_open_goal_ms": 50,
        "vault_unlock_with_passphrase_s": round(unlock_s, 3),
    }

