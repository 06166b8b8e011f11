"""The tamper-evident audit chain.

Each event is written in the same transaction as the action it records. Its canonical JSON
body includes ``prev_hash`` (the previous event's ``row_hash``), so editing, deleting or
reordering any event breaks every link after it; ``mac`` (HMAC-SHA256 under a key derived from
the data key, never stored) stops anyone without the key from recomputing the chain.
Events hold ids, counts and hashes, never document or chat text.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.schema import AuditEventRow

GENESIS = "0" * 64

OUTCOME_SUCCESS = "success"
OUTCOME_FAILURE = "failure"


def derive_audit_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"casefile audit v1").derive(
        data_key
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _canonical(row: AuditEventRow) -> bytes:
    body = {
        "seq": row.seq, "ts": row.ts, "os_user": row.os_user, "action": row.action,
        "outcome": row.outcome, "case_id": row.case_id, "objects": row.objects,
        "prev_hash": row.prev_hash,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def append_event(
    session: Session,
    audit_key: bytes,
    *,
    action: str,
    outcome: str = OUTCOME_SUCCESS,
    case_id: int | None = None,
    objects: dict[str, Any] | None = None,
) -> int:
    """Add one event to the chain inside the caller's transaction; returns its seq."""
    last = session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq.desc()).limit(1)).first()
    row = AuditEventRow(
        seq=(last.seq + 1) if last else 1,
        ts=datetime.now(UTC).isoformat(timespec="milliseconds"),
        os_user=_os_user(), action=action, outcome=outcome, case_id=case_id,
        objects=objects or {}, prev_hash=last.row_hash if last else GENESIS,
    )
    body = _canonical(row)
    row.row_hash = hashlib.sha256(body).hexdigest()
    row.mac = hmac.new(audit_key, body, hashlib.sha256).hexdigest()
    session.add(row)
    session.flush()
    return row.seq


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    first_broken_seq: int | None = None
    reason: str = ""


def verify_chain(session: Session, audit_key: bytes) -> ChainCheck:
    """Walk the chain from the start; report the first event that does not check out."""
    expected_prev, expected_seq, count = GENESIS, 1, 0
    for row in session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)):
        body = _canonical(row)
        problem = (
            "missing or reordered event" if row.seq != expected_seq
            else "link to the previous event is broken" if row.prev_hash != expected_prev
            else "event content was changed" if row.row_hash != hashlib.sha256(body).hexdigest()
            else "event signature (HMAC) is wrong"
            if not hmac.compare_digest(row.mac, hmac.new(audit_key, body, hashlib.sha256).hexdigest())
            else ""
        )
        if problem:
            return ChainCheck(False, count, row.seq, problem)
        expected_prev, expected_seq, count = row.row_hash, row.seq + 1, count + 1
    return ChainCheck(True, count)
