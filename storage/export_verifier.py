#!/usr/bin/env python3
"""Verify a Casefile audit export, without Casefile and without the vault.

    python export_verifier.py EXPORT_DIR [--fingerprint SHA256_OF_PUBLIC_KEY]

Needs only Python 3.11+ and the ``cryptography`` package. It checks, in order:
1. ``manifest.sig`` is a valid Ed25519 signature of ``manifest.json`` by ``public_key.pem``,
   and that key's fingerprint is the one in the manifest (and the one you expect, if given:
   compare it with the fingerprint printed by `python main.py audit key` or on an earlier report);
2. every event's hash, its link to the previous event and the sequence numbers, from the first
   event to the chain head named in the manifest (naming the first event that fails);
3. the sha256 of ``audit.jsonl`` and ``report.pdf`` match the manifest.
Exit status 0 when everything checks out; otherwise 1, naming the first problem.

The chain rules (canonical JSON, the hashed fields) repeat ``storage/audit.py`` on purpose, so
that this file stands alone; a test keeps them in step.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization

GENESIS = "0" * 64
BODY_FIELDS = ("seq", "ts", "os_user", "action", "outcome", "case_id", "objects", "prev_hash")
FILES = ("audit.jsonl", "manifest.json", "manifest.sig", "public_key.pem", "report.pdf")


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def key_fingerprint(public_key) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class ExportCheck:
    ok: bool
    events: int = 0
    first_broken_seq: int | None = None
    reason: str = ""
    fingerprint: str = ""


def verify_export(folder: Path, expected_fingerprint: str | None = None) -> ExportCheck:
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        return ExportCheck(False, reason=f"missing file(s): {', '.join(missing)}")
    manifest_bytes = (folder / "manifest.json").read_bytes()
    try:
        public_key = serialization.load_pem_public_key((folder / "public_key.pem").read_bytes())
        public_key.verify((folder / "manifest.sig").read_bytes(), manifest_bytes)
    except (InvalidSignature, ValueError, TypeError):
        return ExportCheck(False, reason="the manifest's signature is not valid")
    fingerprint = key_fingerprint(public_key)
    manifest = json.loads(manifest_bytes)
    if manifest.get("signer_fingerprint") != fingerprint:
        return ExportCheck(False, reason="the manifest names another signing key", fingerprint=fingerprint)
    if expected_fingerprint and expected_fingerprint.lower() != fingerprint:
        return ExportCheck(False, reason="signed by a key other than the one you expect",
                           fingerprint=fingerprint)
    expected_seq, expected_prev, count = manifest["first_seq"], manifest["first_prev_hash"], 0
    with open(folder / "audit.jsonl", encoding="utf-8") as lines:
        for line in lines:
            try:
                event = json.loads(line)
                body = canonical({name: event[name] for name in BODY_FIELDS})
                problem = (
                    "an event is missing, inserted or out of order" if event["seq"] != expected_seq
                    else "the link to the previous event is broken" if event["prev_hash"] != expected_prev
                    else "the event was changed" if event["row_hash"] != hashlib.sha256(body).hexdigest()
                    else ""
                )
            except (ValueError, KeyError, TypeError):
                return ExportCheck(False, count, expected_seq, "an event line is unreadable", fingerprint)
            if problem:
                return ExportCheck(False, count, event["seq"], problem, fingerprint)
            expected_seq, expected_prev, count = event["seq"] + 1, event["row_hash"], count + 1
    if count != manifest["count"] or expected_prev != manifest["chain_head"]:
        return ExportCheck(False, count, expected_seq, "events are missing at the end of the log",
                           fingerprint)
    if manifest.get("chain_verified_with_hmac") is not True:
        return ExportCheck(False, count, reason="the vault found its own chain broken when it exported "
                                                "this log (see report.pdf)", fingerprint=fingerprint)
    for name, field in (("audit.jsonl", "jsonl_sha256"), ("report.pdf", "report_sha256")):
        if sha256_file(folder / name) != manifest.get(field):
            return ExportCheck(False, reason=f"{name} does not match the signed manifest",
                               fingerprint=fingerprint)
    return ExportCheck(True, count, fingerprint=fingerprint)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Verify a Casefile audit export.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--fingerprint", help="the signing key fingerprint you expect (sha256 hex)")
    args = parser.parse_args(argv)
    check = verify_export(args.folder, args.fingerprint)
    if check.ok:
        print(f"Audit export verified: {check.events} events, signed by key {check.fingerprint}.")
        if not args.fingerprint:
            print("Compare that fingerprint with the one you recorded: without --fingerprint, a "
                  "consistent forgery signed with another key would also pass.")
        return 0
    where = f" at event {check.first_broken_seq}" if check.first_broken_seq is not None else ""
    print(f"Audit export NOT verified{where}: {check.reason}.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
