#!/usr/bin/env python3
"""Verify a Casefile audit export, without Casefile and without the vault.

    python export_verifier.py EXPORT_DIR [--fingerprint SHA256_OF_PUBLIC_KEY]

Needs only Python 3.11+ and the ``cryptography`` package. It checks, in order:
1. ``manifest.sig`` is a valid Ed25519 signature of ``manifest.json`` by ``public_key.pem``,
   and that key's fingerprint is the one in the manifest (and the one you expect, if given:
   compare it with the fingerprint printed by `python main.py audit key` or on an earlier report);
2. every event's hash, its link to the previous event and the sequence numbers, from the first
   event to the chain head named in the manifest, naming the first event that fails. A manifest
   that signs every event's hash (``row_hashes``) also names a changed event whose successors were
   all re-hashed; an older one signs only the chain head, and then the verdict cannot say which;
3. the sha256 of ``audit.jsonl`` and ``report.pdf`` match the manifest.
Exit status 0 when everything checks out; otherwise 1 and one sentence on the first problem. The
files are hostile until checked: sizes, line lengths and nesting are bounded, and nothing in them
ends in a traceback.

The chain rules (canonical JSON, the hashed fields) repeat ``storage/audit.py`` on purpose, so
that this file stands alone; a test keeps them in step.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

GENESIS = "0" * 64
BODY_FIELDS = ("seq", "ts", "os_user", "action", "outcome", "case_id", "objects", "prev_hash")
EVENT_FIELDS = frozenset((*BODY_FIELDS, "row_hash", "mac"))
FILES = ("audit.jsonl", "manifest.json", "manifest.sig", "public_key.pem", "report.pdf")
EXPORT_FORMAT = "casefile-audit-export/1"
MAX_LINE = 8 * 2**20  # events hold ids, counts and hashes: a real line is a few kB at most
MAX_MANIFEST = 128 * 2**20  # row_hashes costs 67 bytes an event: room for about two million
MAX_SMALL = 64 * 2**10  # the PEM key and the 64-byte signature

FORGED = "the event is not the one the manifest signed (it was rewritten and re-hashed)"
ORDER = "an event is missing, inserted or out of order"
UNKNOWN = ("an event was changed and every later event re-hashed; this export's manifest signs only "
           "the chain head, so which event cannot be said")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


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


class _Refused(Exception):
    """One sentence on why the export is refused, raised from deep in the checks."""


def _open(folder: Path, name: str):
    path = folder / name
    if path.is_symlink():  # an export is written as plain files; a link could point at anything
        raise _Refused(f"{name} is a symbolic link, not a file")
    # O_NOFOLLOW closes the gap after the check above; O_NONBLOCK keeps a FIFO from hanging the open.
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise _Refused(f"the export has no {name}") from None
    except OSError as exc:
        raise _Refused(f"{name} cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _Refused(f"{name} is not a regular file")
    return os.fdopen(fd, "rb")


def _read(folder: Path, name: str, limit: int) -> bytes:
    with _open(folder, name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _Refused(f"{name} is larger than {limit:,} bytes, far more than an export writes")
    return data


def _json(data: bytes, what: str):
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Refused(f"{what} is not UTF-8 text") from None
    except RecursionError:  # the C parser's depth guard (~1,000 levels); a real export nests four
        raise _Refused(f"{what} is nested too deeply to be genuine") from None
    except ValueError:
        raise _Refused(f"{what} is not valid JSON") from None


def _check_manifest(manifest: dict) -> None:
    count = lambda v: type(v) is int and v >= 0  # type(): True is an int to isinstance
    hex64 = lambda v: isinstance(v, str) and _HEX64.fullmatch(v) is not None
    rules = {"format": lambda v: v == EXPORT_FORMAT, "count": count, "first_seq": count, "last_seq": count,
             "first_prev_hash": hex64, "chain_head": hex64, "jsonl_sha256": hex64, "report_sha256": hex64,
             "chain_verified_with_hmac": lambda v: isinstance(v, bool)}
    for field, rule in rules.items():
        if not rule(manifest.get(field)):
            raise _Refused(f'the signed manifest has no valid "{field}"')
    hashes = manifest.get("row_hashes")
    if "row_hashes" in manifest and not (isinstance(hashes, list) and len(hashes) == manifest["count"]
                                         and all(hex64(h) for h in hashes)):
        raise _Refused('the signed manifest has no valid "row_hashes"')
    heads = hashes if manifest["count"] else [manifest["first_prev_hash"]]  # the signed hash to end on
    if (manifest["last_seq"] != manifest["first_seq"] + manifest["count"] - 1
            or (heads is not None and heads[-1] != manifest["chain_head"])):
        raise _Refused("the signed manifest contradicts itself (its count, seqs and chain head disagree)")


def _event(raw: bytes) -> dict:
    """The event on one line, or _Refused saying why the line is not an intact event."""
    event = _json(raw, "the event's line")
    if not isinstance(event, dict):
        raise _Refused("the event's line is not a JSON object")
    if set(event) != EVENT_FIELDS:
        raise _Refused("a field was added to or removed from the event")
    if type(event["seq"]) is not int or not all(isinstance(event[k], str) for k in ("prev_hash", "row_hash")):
        raise _Refused("the event's seq or hashes are not of the right type")
    try:
        body = canonical({name: event[name] for name in BODY_FIELDS})
    except (ValueError, RecursionError):  # a lone surrogate ("\ud800") has no UTF-8 form
        raise _Refused("the event holds text that is not valid Unicode") from None
    if hashlib.sha256(body).hexdigest() != event["row_hash"]:
        raise _Refused("the event was changed")
    return event


def _walk(handle, manifest: dict, fingerprint: str, jsonl_digest) -> ExportCheck | None:
    """None when every line holds the signed event for its place. A failure is named by its place's
    seq, except an intact event out of place, named by its own (hashed) seq: deleting event 4 is
    found at 5, as the vault's own check finds it."""
    first, count, head = manifest["first_seq"], manifest["count"], manifest["chain_head"]
    signed = manifest.get("row_hashes")
    seen: list[str] = []  # without signed hashes, a repeated line is told from a forged one by these
    known = signed if signed is not None else seen
    prev, place = manifest["first_prev_hash"], first
    fail = lambda seq, reason: ExportCheck(False, place - first, seq, reason, fingerprint)
    unknown = ExportCheck(False, 0, None, UNKNOWN, fingerprint)
    while raw := handle.readline(MAX_LINE + 1):
        jsonl_digest.update(raw)
        if len(raw) > MAX_LINE:
            return fail(place, f"the event's line is longer than {MAX_LINE // 2**20} MB")
        if not raw.strip():  # carries no event; the file's signed sha256 still covers the bytes
            continue
        try:
            event = _event(raw)
        except _Refused as refused:
            return fail(place, str(refused))
        seq, row_hash = event["seq"], event["row_hash"]
        if first <= seq < place and known[seq - first] == row_hash:
            return fail(seq, "the event appears a second time")
        if place - first >= count:
            return unknown if prev != head else fail(place, "events were added after the end of the log")
        if seq != place:
            later = place < seq <= manifest["last_seq"]  # an intact event from further on: one was skipped
            genuine = later and (signed is None or signed[seq - first] == row_hash)
            return fail(seq, ORDER) if genuine else fail(place, FORGED)
        if event["prev_hash"] != prev:
            return fail(place, "the link to the previous event is broken")
        if signed is not None and row_hash != signed[place - first]:
            return fail(place, FORGED)
        if signed is None:
            seen.append(row_hash)
        prev, place = row_hash, place + 1
    if place - first < count:
        return fail(place, "events are missing at the end of the log")
    return unknown if prev != head else None


def _verify(folder: Path, expected_fingerprint: str | None) -> ExportCheck:
    if not folder.is_dir():
        raise _Refused(f"{folder} is not a folder")
    missing = [name for name in FILES if not os.path.lexists(folder / name)]
    if missing:
        raise _Refused(f"the export has no {', '.join(missing)}")
    manifest_bytes = _read(folder, "manifest.json", MAX_MANIFEST)
    try:
        public_key = serialization.load_pem_public_key(_read(folder, "public_key.pem", MAX_SMALL))
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise _Refused("public_key.pem is not a readable public key") from None
    if not isinstance(public_key, Ed25519PublicKey):
        raise _Refused("public_key.pem is not an Ed25519 key")
    try:
        public_key.verify(_read(folder, "manifest.sig", MAX_SMALL), manifest_bytes)
    except InvalidSignature:
        raise _Refused("the manifest's signature is not valid") from None
    fingerprint = key_fingerprint(public_key)
    try:
        if expected_fingerprint and expected_fingerprint.strip().lower() != fingerprint:
            raise _Refused("signed by a key other than the one you expect")
        manifest = _json(manifest_bytes, "the manifest")
        if not isinstance(manifest, dict):
            raise _Refused("the manifest is not a JSON object")
        if manifest.get("signer_fingerprint") != fingerprint:
            raise _Refused("the manifest names another signing key")
        _check_manifest(manifest)
    except _Refused as refused:
        return ExportCheck(False, reason=str(refused), fingerprint=fingerprint)
    jsonl_digest = hashlib.sha256()
    with _open(folder, "audit.jsonl") as handle:
        broken = _walk(handle, manifest, fingerprint, jsonl_digest)
    if broken:
        return broken
    count = manifest["count"]
    all_events = f"all {count} event{'s' if count != 1 else ''} check out"
    if manifest["chain_verified_with_hmac"] is not True:
        return ExportCheck(False, count, reason=f"{all_events}, but the vault found its own chain broken "
                           "when it exported them (see report.pdf)", fingerprint=fingerprint)
    with _open(folder, "report.pdf") as handle:
        report_digest = hashlib.file_digest(handle, "sha256")
    for name, digest, field in (("audit.jsonl", jsonl_digest, "jsonl_sha256"),
                                ("report.pdf", report_digest, "report_sha256")):
        if digest.hexdigest() != manifest[field]:
            return ExportCheck(False, count, reason=f"{all_events}, but {name} does not match the signed "
                               "manifest", fingerprint=fingerprint)
    return ExportCheck(True, count, fingerprint=fingerprint)


def verify_export(folder: Path, expected_fingerprint: str | None = None) -> ExportCheck:
    try:
        return _verify(Path(folder), expected_fingerprint)
    except _Refused as refused:
        return ExportCheck(False, reason=str(refused))
    except OSError as exc:  # a disk error mid-read: refused, not a traceback
        return ExportCheck(False, reason=f"the export cannot be read ({exc.strerror or exc})")


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
