"""Failed unlocks, noted beside the vault until the next successful unlock audits them.

A wrong passphrase cannot write to the vault (it is still locked), so the attempt is noted in
``unlock-failures.jsonl`` (time, OS user and slot kind only: nothing secret, no content). The
next successful unlock turns each note into a ``vault.unlock`` failure event in the audit chain
and removes the file. Deleting the file by hand hides attempts from the audit log; it does not
help anyone open the vault.
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import UTC, datetime
from pathlib import Path

FAILURES_NAME = "unlock-failures.jsonl"


def record_failed_unlock(home: Path, slot_kind: str) -> None:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    note = {"attempted_at": datetime.now(UTC).isoformat(timespec="seconds"), "slot": slot_kind,
            "os_user": user}
    fd = os.open(home / FAILURES_NAME, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(note, sort_keys=True) + "\n")


def read_failed_unlocks(home: Path) -> list[dict]:
    """The noted failures, oldest first."""
    path = home / FAILURES_NAME
    if not path.is_file():
        return []
    notes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            notes.append(json.loads(line))
        except ValueError:
            notes.append({"note": "unreadable failed-unlock record"})
    return notes


def clear_failed_unlocks(home: Path) -> None:
    """Called once the notes are in the audit chain."""
    (home / FAILURES_NAME).unlink(missing_ok=True)
