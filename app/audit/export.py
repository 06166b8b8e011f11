"""Export the audit log as a signed, independently checkable folder.

    audit.jsonl      every event, canonical JSON, one per line (ids and hashes, never content)
    report.pdf       the same, readable: period, users, cases, verification result, fingerprint
    manifest.json    count, first/last seq, chain head, sha256 of the two files above, signer
    manifest.sig     Ed25519 signature of manifest.json by the vault's signing key
    public_key.pem   that key; publish its fingerprint out of band (`audit key`)

``storage/export_verifier.py`` checks such a folder with nothing but ``cryptography``. The export
is itself an audited action: its event (with the manifest's hash) is the first one after the
exported range, so the next export shows it.
"""

from __future__ import annotations

import getpass
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from app import __version__
from app.audit.report import render_report
from app.errors import UserFacingError
from storage import repositories as repo
from storage.audit import GENESIS, canonical, iter_events
from storage.export_verifier import key_fingerprint
from storage.vault import Vault

EXPORT_FORMAT = "casefile-audit-export/1"


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    events: int
    fingerprint: str
    manifest_sha256: str


def signer_fingerprint(vault: Vault) -> str:
    return key_fingerprint(vault.signing_key().public_key())


def export_audit(vault: Vault, out: Path) -> ExportResult:
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise UserFacingError(f"The export folder {out} is not empty; choose an empty or new folder.")
    with vault.read() as session:  # one snapshot: the events exported are the events checked
        events = list(iter_events(session))
        check = vault.check_events(events)  # with the HMAC key: the report states the result
        case_names = {c.id: c.name for c in repo.list_cases(session)}
    jsonl = b"".join(canonical(event) + b"\n" for event in events)
    (out / "audit.jsonl").write_bytes(jsonl)

    signing_key = vault.signing_key()
    fingerprint = key_fingerprint(signing_key.public_key())
    exported_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        exported_by = getpass.getuser()
    except (KeyError, OSError):
        exported_by = "unknown"
    render_report(out / "report.pdf", events, check=check, case_names=case_names,
                  fingerprint=fingerprint, vault_id=vault.vault_id, exported_at=exported_at,
                  exported_by=exported_by)
    manifest = {
        "format": EXPORT_FORMAT,
        "app_version": __version__,
        "vault_id": vault.vault_id,
        "exported_at": exported_at,
        "exported_by": exported_by,
        "count": len(events),
        "first_seq": events[0]["seq"] if events else 1,
        "last_seq": events[-1]["seq"] if events else 0,
        "first_prev_hash": events[0]["prev_hash"] if events else GENESIS,
        "chain_head": events[-1]["row_hash"] if events else GENESIS,
        # Every event's hash, signed: a tail rewritten and re-chained is then named at its first
        # event, not only at the end (about 67 bytes an event).
        "row_hashes": [event["row_hash"] for event in events],
        "chain_verified_with_hmac": check.ok,
        "jsonl_sha256": hashlib.sha256(jsonl).hexdigest(),
        "report_sha256": hashlib.sha256((out / "report.pdf").read_bytes()).hexdigest(),
        "signer_fingerprint": fingerprint,
    }
    manifest_bytes = canonical(manifest)
    (out / "manifest.json").write_bytes(manifest_bytes)
    (out / "manifest.sig").write_bytes(signing_key.sign(manifest_bytes))
    (out / "public_key.pem").write_bytes(signing_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    manifest_sha = hashlib.sha256(manifest_bytes).hexdigest()
    with vault.write() as session:
        vault.audit(session, "audit.export", objects={"events": len(events), "manifest_sha256": manifest_sha,
                                                      "last_seq": manifest["last_seq"]})
    return ExportResult(out, len(events), fingerprint, manifest_sha)
