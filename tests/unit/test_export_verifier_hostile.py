"""Hostile audit exports (#23): every tamper kind is named at the right seq, and no input, however
malformed, makes the verifier (stand-alone or `audit verify --export`) fail with a traceback.

The exports are real: a vault made with the project's fixtures' recipe, cases created through
``app.cases``, exported by ``app.audit.export.export_audit``; each test tampers with a copy.

ROW_HASHES: the manifest field ``row_hashes`` (every exported event's ``row_hash``, in order, signed
with the rest) is what lets the verifier name the first event of a re-hashed, re-chained tail.
Cases that hold only because of that field are marked ``# NEEDS row_hashes``; exports made before
it (``head-only``) are still checked, naming no event for those.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app import cases
from app.audit.export import export_audit
from app.cli.admin import cmd_audit_verify
from storage import audit, export_verifier
from storage.export_verifier import FORGED, ORDER, UNKNOWN, ExportCheck, verify_export
from tests.conftest import TEST_PASSPHRASE, run_cli

EVENTS = 12  # vault.create and eleven cases
CHANGED = "the event was changed"
LINK = "the link to the previous event is broken"
FIELDS = "a field was added to or removed from the event"
TWICE = "the event appears a second time"
AT_END = "events are missing at the end of the log"
ADDED = "events were added after the end of the log"
BAD_SIG = "the manifest's signature is not valid"
CORE = ("format", "count", "first_seq", "last_seq", "first_prev_hash", "chain_head", "jsonl_sha256",
        "report_sha256", "chain_verified_with_hmac")
ATTACKER = Ed25519PrivateKey.generate()
ATTACKER_FINGERPRINT = export_verifier.key_fingerprint(ATTACKER.public_key())


def _fill(vault) -> None:
    for n in range(EVENTS - 1):
        cases.create_case(vault, f"Case {n}")


def _manifest(folder) -> dict:
    return json.loads((folder / "manifest.json").read_bytes())


def _events(folder) -> list[dict]:
    return [json.loads(line) for line in (folder / "audit.jsonl").read_bytes().splitlines()]


def _sign(folder, manifest: dict | bytes, key) -> None:
    data = manifest if isinstance(manifest, bytes) else export_verifier.canonical(manifest)
    (folder / "manifest.json").write_bytes(data)
    (folder / "manifest.sig").write_bytes(key.sign(data))
    (folder / "public_key.pem").write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """One 12-event vault's real export, with signed row hashes and (as exports made before them
    were) without. Made once, as the `vault` fixture makes a vault: a vault per test would cost
    most of this file's time in key derivation."""
    from storage.vault import Vault

    root = tmp_path_factory.mktemp("pristine")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CASEFILE_HOME", str(root / "home"))
        vault, _ = Vault.create(root / "home", TEST_PASSPHRASE)
        try:
            _fill(vault)
            export_audit(vault, root / "signed")
            shutil.copytree(root / "signed", root / "head-only")
            manifest = _manifest(root / "head-only")
            del manifest["row_hashes"]
            _sign(root / "head-only", manifest, vault.signing_key())
        finally:
            vault.lock()
    return {"signed": root / "signed", "head-only": root / "head-only"}


@pytest.fixture
def export(pristine, tmp_path):
    return shutil.copytree(pristine["signed"], tmp_path / "export")


@pytest.fixture
def old_export(pristine, tmp_path):
    return shutil.copytree(pristine["head-only"], tmp_path / "export")


# ----- tampering with the events -----------------------------------------------------------


def _rehash(event: dict) -> dict:
    event["row_hash"] = hashlib.sha256(audit._body(event)).hexdigest()  # the vault's own rule
    return event


def _rechain(events: list[dict], start: int) -> list[dict]:
    for i in range(start, len(events)):
        if i:
            events[i]["prev_hash"] = events[i - 1]["row_hash"]
        _rehash(events[i])
    return events


def _renumber(events: list[dict], start: int) -> list[dict]:
    for i in range(start, len(events)):
        events[i]["seq"] = i + 1
    return _rechain(events, start)


def _forged(events: list[dict], index: int) -> dict:
    return {**events[index], "action": "case.delete", "mac": "0" * 64}


def _set(ev, index, **fields):
    ev[index].update(fields)
    return ev


def _appended(ev):
    return ev + [_rehash({**_forged(ev, -1), "seq": EVENTS + 1, "prev_hash": ev[-1]["row_hash"]})]


EVENT_TAMPERS = {  # name: (tamper on the parsed events, seq named, reason, events before it)
    "changed in place": (lambda ev: _set(ev, 3, outcome="failure"), 4, CHANGED, 3),
    "changed and re-chained": (  # NEEDS row_hashes
        lambda ev: _rechain(_set(ev, 3, outcome="failure"), 3), 4, FORGED, 3),
    "deleted in the middle": (lambda ev: ev[:3] + ev[4:], 5, ORDER, 3),
    "deleted, renumbered and re-chained": (  # NEEDS row_hashes
        lambda ev: _renumber(ev[:3] + ev[4:], 3), 4, FORGED, 3),
    "inserted, edited copy": (lambda ev: ev[:3] + [_forged(ev, 2)] + ev[3:], 4, CHANGED, 3),
    "inserted, re-hashed": (  # NEEDS row_hashes
        lambda ev: ev[:3] + [_rehash({**_forged(ev, 3)})] + ev[3:], 4, FORGED, 3),
    "inserted, renumbered and re-chained": (  # NEEDS row_hashes
        lambda ev: _renumber(ev[:3] + [_forged(ev, 3)] + ev[3:], 3), 4, FORGED, 3),
    "reordered": (lambda ev: ev[:2] + [ev[3], ev[2]] + ev[4:], 4, ORDER, 2),
    "reordered and re-chained": (  # NEEDS row_hashes
        lambda ev: _renumber(ev[:2] + [ev[3], ev[2]] + ev[4:], 2), 3, FORGED, 2),
    "duplicated": (lambda ev: ev[:5] + [dict(ev[4])] + ev[5:], 5, TWICE, 5),
    "last event duplicated": (lambda ev: ev + [dict(ev[-1])], EVENTS, TWICE, EVENTS),
    "truncated at the end": (lambda ev: ev[:-2], EVENTS - 1, AT_END, EVENTS - 2),
    "event appended after the end": (_appended, EVENTS + 1, ADDED, EVENTS),
    "field added": (lambda ev: _set(ev, 6, note="harmless?"), 7, FIELDS, 6),
    "field removed": (lambda ev: [*ev[:6], {k: v for k, v in ev[6].items() if k != "os_user"}, *ev[7:]],
                      7, FIELDS, 6),
    "seq changed": (lambda ev: _set(ev, 4, seq=50), 5, CHANGED, 4),
    "seq changed and re-hashed": (  # NEEDS row_hashes
        lambda ev: [*ev[:4], _rehash({**ev[4], "seq": 9}), *ev[5:]], 5, FORGED, 4),
    "seq of the wrong type": (lambda ev: _set(ev, 5, seq="6"), 6,
                              "the event's seq or hashes are not of the right type", 5),
    "prev_hash changed": (lambda ev: _set(ev, 4, prev_hash="ab" * 32), 5, CHANGED, 4),
    "prev_hash changed and re-hashed": (lambda ev: [*ev[:4], _rehash({**ev[4], "prev_hash": "ab" * 32}),
                                                    *ev[5:]], 5, LINK, 4),
}


@pytest.mark.parametrize("name", EVENT_TAMPERS)
def test_each_tamper_kind_is_named_at_the_first_changed_event(export, name):
    tamper, seq, reason, before = EVENT_TAMPERS[name]
    events = tamper(_events(export))
    (export / "audit.jsonl").write_bytes(b"".join(export_verifier.canonical(e) + b"\n" for e in events))
    fingerprint = _manifest(export)["signer_fingerprint"]
    assert verify_export(export) == ExportCheck(False, before, seq, reason, fingerprint)


def _line(index: int, replacement: bytes):
    return lambda lines: [*lines[:index], replacement, *lines[index + 1:]]


LINE_TAMPERS = {  # name: (tamper on the lines' bytes, seq named, reason)
    "not JSON": (_line(5, b"not json\n"), 6, "the event's line is not valid JSON"),
    "not UTF-8": (lambda lines: _line(5, lines[5].replace(b"case.create", b"case.\xff"))(lines), 6,
                  "the event's line is not UTF-8 text"),
    "nested 100,000 deep": (_line(5, b"[" * 100_000 + b"]" * 100_000 + b"\n"), 6,
                            "the event's line is nested too deeply to be genuine"),
    "not an object": (_line(5, b"[1, 2]\n"), 6, "the event's line is not a JSON object"),
    "longer than the bound": (_line(5, b"x" * (export_verifier.MAX_LINE + 1) + b"\n"), 6,
                              "the event's line is longer than 8 MB"),
    "a lone surrogate": (lambda ls: _line(5, ls[5].replace(b'"os_user":"', b'"os_user":"\\ud800'))(ls), 6,
                         "the event holds text that is not valid Unicode"),
    "last line cut short": (lambda lines: [*lines[:-1], lines[-1][:40]], EVENTS,
                            "the event's line is not valid JSON"),
}


@pytest.mark.parametrize("name", LINE_TAMPERS)
def test_an_unreadable_line_is_named_at_its_place(export, name):
    tamper, seq, reason = LINE_TAMPERS[name]
    lines = (export / "audit.jsonl").read_bytes().splitlines(keepends=True)
    (export / "audit.jsonl").write_bytes(b"".join(tamper(lines)))
    check = verify_export(export)
    assert (check.ok, check.first_broken_seq, check.reason, check.events) == (False, seq, reason, seq - 1)


def test_a_rechained_tail_in_an_old_export_is_refused_without_a_guessed_seq(old_export):
    events = _rechain(_set(_events(old_export), 3, outcome="failure"), 3)
    (old_export / "audit.jsonl").write_bytes(b"".join(export_verifier.canonical(e) + b"\n" for e in events))
    check = verify_export(old_export)
    assert (check.ok, check.first_broken_seq, check.reason) == (False, None, UNKNOWN)


@pytest.mark.parametrize("name", [n for n in EVENT_TAMPERS if "re-" not in n])
def test_an_old_export_still_names_what_needs_no_row_hashes(old_export, name):
    tamper, seq, reason, before = EVENT_TAMPERS[name]
    events = tamper(_events(old_export))
    (old_export / "audit.jsonl").write_bytes(b"".join(export_verifier.canonical(e) + b"\n" for e in events))
    check = verify_export(old_export)
    assert (check.ok, check.first_broken_seq, check.reason, check.events) == (False, seq, reason, before)


# ----- the files as a whole ----------------------------------------------------------------

ALL_OUT = f"all {EVENTS} events check out, but"
SAME_EVENTS = {  # audit.jsonl's bytes changed, every event's hashed body the same
    "whitespace inside a line": lambda data: data.replace(b',"', b', "', 1),
    "CRLF line ends": lambda data: data.replace(b"\n", b"\r\n"),
    "a blank line": lambda data: data.replace(b"\n", b"\n\n", 1),
    "a changed mac (outside the hashed body)": lambda data: data.replace(b'"mac":"', b'"mac":"0', 1),
}


@pytest.mark.parametrize("name", SAME_EVENTS)
def test_changed_bytes_with_the_same_events_are_stated_truthfully(export, name):
    (export / "audit.jsonl").write_bytes(SAME_EVENTS[name]((export / "audit.jsonl").read_bytes()))
    check = verify_export(export)
    assert (check.ok, check.first_broken_seq, check.events) == (False, None, EVENTS)
    assert check.reason == f"{ALL_OUT} audit.jsonl does not match the signed manifest"


def test_a_changed_report_is_stated_truthfully_in_both_wordings(export, capsys):
    with open(export / "report.pdf", "ab") as report:
        report.write(b"%% appended\n")
    reason = f"{ALL_OUT} report.pdf does not match the signed manifest"
    assert verify_export(export).reason == reason
    assert export_verifier.main([str(export)]) == 1
    assert capsys.readouterr().out == f"Audit export NOT verified: {reason}.\n"
    assert cmd_audit_verify(argparse.Namespace(export=export, fingerprint=None, json=False)) == 1
    assert capsys.readouterr().out == f"Audit export {export} BROKEN: {reason}.\n"


def test_a_chain_the_vault_found_broken_is_stated_truthfully(vault, tmp_path):
    _fill(vault)
    with vault.write() as session:  # the last event rewritten and re-hashed, without the audit key
        last = list(audit.iter_events(session))[-1]
        forged = _rehash({**last, "outcome": "failure"})["row_hash"]
        session.execute(text(f"UPDATE audit_events SET outcome = 'failure', row_hash = '{forged}' "
                             f"WHERE seq = {last['seq']}"))
    export_audit(vault, tmp_path / "export")
    check = verify_export(tmp_path / "export")
    assert (check.ok, check.first_broken_seq, check.events) == (False, None, EVENTS)
    assert check.reason == (f"{ALL_OUT} the vault found its own chain broken when it exported them "
                            "(see report.pdf)")


# ----- the manifest, its signature and the key ---------------------------------------------


def _forge(folder, edit) -> None:
    """A manifest signed with another key, as a forger would: it passes the signature check."""
    manifest = {**_manifest(folder), "signer_fingerprint": ATTACKER_FINGERPRINT}
    _sign(folder, edit(manifest), ATTACKER)


def _without(field):
    return lambda manifest: {k: v for k, v in manifest.items() if k != field}


def _no(field: str) -> str:
    return f'the signed manifest has no valid "{field}"'


MANIFEST_TAMPERS = {
    "no first_seq": (_without("first_seq"), _no("first_seq")),
    "no count": (_without("count"), _no("count")),
    "count as text": (lambda m: {**m, "count": "12"}, _no("count")),
    "first_seq as a bool": (lambda m: {**m, "first_seq": True}, _no("first_seq")),
    "chain head not hex": (lambda m: {**m, "chain_head": "Z" * 64}, _no("chain_head")),
    "another format": (lambda m: {**m, "format": "casefile-audit-export/9"}, _no("format")),
    "row_hashes too short": (lambda m: {**m, "row_hashes": m["row_hashes"][:-1]}, _no("row_hashes")),
    "row_hashes null": (lambda m: {**m, "row_hashes": None}, _no("row_hashes")),  # absent is the old format
    "last_seq contradicts count": (lambda m: {**m, "last_seq": 99}, "the signed manifest contradicts itself "
                                   "(its count, seqs and chain head disagree)"),
    "not an object": (lambda m: b"[1, 2, 3]", "the manifest is not a JSON object"),
    "not JSON": (lambda m: b'{"count": 12', "the manifest is not valid JSON"),
    "not UTF-8": (lambda m: b'{"count": "\xff"}', "the manifest is not UTF-8 text"),
    "nested 100,000 deep": (lambda m: b"[" * 100_000 + b"]" * 100_000,
                            "the manifest is nested too deeply to be genuine"),
}


@pytest.mark.parametrize("name", MANIFEST_TAMPERS)
def test_a_malformed_signed_manifest_is_refused_in_one_sentence(export, name):
    edit, reason = MANIFEST_TAMPERS[name]
    _forge(export, edit)
    check = verify_export(export)
    assert (check.ok, check.first_broken_seq, check.events, check.reason) == (False, None, 0, reason)


def test_a_changed_manifest_or_a_swapped_key_is_refused(export):
    fingerprint = _manifest(export)["signer_fingerprint"]
    data = (export / "manifest.json").read_bytes()
    (export / "manifest.json").write_bytes(data.replace(b'"count":12', b'"count":11'))
    assert verify_export(export).reason == BAD_SIG
    (export / "manifest.json").write_bytes(data)
    (export / "public_key.pem").write_bytes(ATTACKER.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    assert verify_export(export).reason == BAD_SIG  # the key alone swapped
    _sign(export, data, ATTACKER)  # re-signed, but the manifest still names the vault's key
    assert verify_export(export).reason == "the manifest names another signing key"
    _forge(export, lambda manifest: manifest)  # a consistent forgery: only the fingerprint tells
    assert verify_export(export, fingerprint).reason == "signed by a key other than the one you expect"
    assert verify_export(export).ok and verify_export(export).fingerprint != fingerprint
    (export / "public_key.pem").write_bytes(ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    assert verify_export(export).reason == "public_key.pem is not an Ed25519 key"
    (export / "public_key.pem").write_bytes(b"-----BEGIN PUBLIC KEY-----\nnonsense\n")
    assert verify_export(export).reason == "public_key.pem is not a readable public key"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX symlinks and FIFOs")
def test_files_that_are_not_plain_files_are_refused(export, tmp_path, monkeypatch):
    (export / "report.pdf").rename(tmp_path / "report.pdf")
    assert verify_export(export).reason == "the export has no report.pdf"
    (export / "report.pdf").symlink_to(tmp_path / "report.pdf")
    assert verify_export(export).reason == "report.pdf is a symbolic link, not a file"
    (export / "report.pdf").unlink()
    (export / "report.pdf").mkdir()
    assert verify_export(export).reason == "report.pdf is not a regular file"
    (export / "report.pdf").rmdir()
    shutil.copy(tmp_path / "report.pdf", export / "report.pdf")
    (export / "audit.jsonl").unlink()
    os.mkfifo(export / "audit.jsonl")  # opening it must not wait for a writer
    assert verify_export(export).reason == "audit.jsonl is not a regular file"
    assert verify_export(export / "manifest.json").reason == f"{export / 'manifest.json'} is not a folder"
    monkeypatch.setattr(export_verifier, "MAX_MANIFEST", 100)
    assert verify_export(export).reason == ("manifest.json is larger than 100 bytes, far more than an "
                                            "export writes")


def test_the_real_export_signs_every_row_hash(vault, tmp_path):
    _fill(vault)
    export_audit(vault, tmp_path / "export")
    events = _events(tmp_path / "export")
    assert _manifest(tmp_path / "export")["row_hashes"] == [event["row_hash"] for event in events]


# ----- the reported cases, end to end: stand-alone main() and `python main.py audit verify` -----

NESTED = "at event 6: the event's line is nested too deeply to be genuine"
NO_FIRST_SEQ = 'the signed manifest has no valid "first_seq"'


def _nest_line_6(folder) -> None:
    lines = (folder / "audit.jsonl").read_bytes().splitlines(keepends=True)
    (folder / "audit.jsonl").write_bytes(b"".join(LINE_TAMPERS["nested 100,000 deep"][0](lines)))


@pytest.mark.parametrize("tamper, standalone, cli", [
    (_nest_line_6, f"NOT verified {NESTED}.", f"BROKEN {NESTED} (5 events before it check out)."),
    (lambda folder: _forge(folder, _without("first_seq")), f"NOT verified: {NO_FIRST_SEQ}.",
     f"BROKEN: {NO_FIRST_SEQ}."),
])
def test_the_reported_inputs_are_refused_cleanly_by_both_entry_points(export, capsys, tamper, standalone,
                                                                       cli):
    tamper(export)
    assert export_verifier.main([str(export)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (f"Audit export {standalone}\n", "")
    run = run_cli("audit", "verify", "--export", str(export), timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (1, f"Audit export {export} {cli}\n", "")


# ----- fuzzing: random damage to a real export never raises and never passes ---------------

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                max_size=3), max_leaves=8)
FIELD_NAMES = st.sampled_from(sorted(export_verifier.EVENT_FIELDS) + ["extra"])
JSONL_EDITS = st.lists(st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**5), st.integers(0, 255)),
    st.tuples(st.just("truncate"), st.integers(0, 10**5)),
    st.tuples(st.just("insert"), st.integers(0, 10**5), st.binary(max_size=12)),
    st.tuples(st.just("drop line"), st.integers(0, 99)),
    st.tuples(st.just("duplicate line"), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("swap lines"), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("json line"), st.integers(0, 99), JSON),
    st.tuples(st.just("set field"), st.integers(0, 99), FIELD_NAMES, JSON | st.integers(-2, 20),
              st.booleans()),
), min_size=1, max_size=4)
FUZZ = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _edit_jsonl(data: bytes, edit) -> bytes:
    kind, *args = edit
    at = args[0] % (len(data) + 1)
    if kind == "flip":
        return data[:at] + bytes([args[1]]) + data[at + 1:]
    if kind == "truncate":
        return data[:at]
    if kind == "insert":
        return data[:at] + args[1] + data[at:]
    lines = data.splitlines(keepends=True) or [b"\n"]
    i, n = args[0] % len(lines), len(lines)
    if kind == "drop line":
        del lines[i]
    elif kind == "duplicate line":
        lines.insert(args[1] % n, lines[i])
    elif kind == "swap lines":
        lines[i], lines[args[1] % n] = lines[args[1] % n], lines[i]
    elif kind == "json line":
        lines[i] = json.dumps(args[1]).encode() + b"\n"
    else:
        try:
            event = json.loads(lines[i])
            event[args[1]] = args[2]
            lines[i] = json.dumps(_rehash(event) if args[3] else event).encode() + b"\n"
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            pass  # the line was already damaged by an earlier edit, or the event lacks a body field now
    return b"".join(lines)


def _fresh(pristine, tmp_path):
    work = tmp_path / "work"
    shutil.rmtree(work, ignore_errors=True)
    return shutil.copytree(pristine["signed"], work)


def _check(folder, **kwargs) -> ExportCheck:
    check = verify_export(folder, **kwargs)
    assert isinstance(check, ExportCheck)
    assert check.ok or (check.reason and "\n" not in check.reason)
    assert check.first_broken_seq is None or type(check.first_broken_seq) is int
    return check


@FUZZ
@given(edits=JSONL_EDITS)
def test_fuzzed_audit_jsonl_never_raises_and_never_passes(pristine, tmp_path, edits):
    folder = _fresh(pristine, tmp_path)
    original = (folder / "audit.jsonl").read_bytes()
    data = original
    for edit in edits:
        data = _edit_jsonl(data, edit)
    (folder / "audit.jsonl").write_bytes(data)
    assert _check(folder).ok == (data == original)


MANIFEST_EDITS = st.one_of(
    st.tuples(st.just("drop"), st.sampled_from(CORE + ("row_hashes", "signer_fingerprint"))),
    st.tuples(st.just("set"), st.sampled_from(CORE + ("row_hashes", "extra")), JSON),
    st.tuples(st.just("replace"), JSON),
    st.tuples(st.just("bytes"), st.integers(0, 10**4), st.binary(min_size=1, max_size=8)),
)


@FUZZ
@given(edit=MANIFEST_EDITS, resign=st.booleans())
def test_fuzzed_manifests_never_raise_and_pass_only_when_unchanged(pristine, tmp_path, edit, resign):
    folder = _fresh(pristine, tmp_path)
    original = _manifest(folder)
    manifest = {**original, "signer_fingerprint": ATTACKER_FINGERPRINT}
    kind, *args = edit
    if kind == "drop":
        manifest.pop(args[0])
    elif kind == "set":
        manifest[args[0]] = args[1]
    data = json.dumps(args[0] if kind == "replace" else manifest, sort_keys=True).encode()
    if kind == "bytes":
        raw = (folder / "manifest.json").read_bytes()
        data = raw[:args[0] % len(raw)] + args[1] + raw[args[0] % len(raw) + len(args[1]):]
    if resign:  # as a forger with their own key: the manifest's contents are then what is tested
        _sign(folder, data, ATTACKER)
    else:
        (folder / "manifest.json").write_bytes(data)
    check = _check(folder)
    if check.ok:  # only the fields the verifier holds the log to can have stayed the same
        accepted = json.loads(data)
        assert all(accepted[field] == original[field] for field in CORE)
        assert accepted.get("row_hashes", original["row_hashes"]) == original["row_hashes"]


@FUZZ
@given(name=st.sampled_from(["manifest.sig", "public_key.pem", "report.pdf"]), at=st.integers(0, 10**4),
       patch=st.binary(min_size=1, max_size=8), cut=st.booleans())
def test_fuzzed_signature_key_and_report_never_raise(pristine, tmp_path, name, at, patch, cut):
    folder = _fresh(pristine, tmp_path)
    raw = (folder / name).read_bytes()
    at %= len(raw)
    data = raw[:at] if cut else raw[:at] + patch + raw[at + len(patch):]
    (folder / name).write_bytes(data)
    check = _check(folder)
    fingerprint = _manifest(pristine["signed"])["signer_fingerprint"]
    assert not check.ok or (check.fingerprint == fingerprint and (data == raw or name == "public_key.pem"))
