"""The audit chain and its signed export: every kind of tampering is found, with its seq."""

import hashlib
import json
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import text

from app import cases
from app.audit.export import export_audit, signer_fingerprint
from storage import audit, export_verifier
from tests.conftest import ROOT


@pytest.fixture
def busy_vault(vault):
    """A vault with a few cases: events 1 (vault.create) .. 6."""
    for name in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon"):
        cases.create_case(vault, name)
    assert vault.verify_audit().events == 6
    return vault


def _sql(vault, statements: str) -> None:
    with vault.write() as session:
        for statement in statements.split(";"):
            session.execute(text(statement))


SWAP = ("UPDATE audit_events SET seq = -1 WHERE seq = 3; UPDATE audit_events SET seq = 3 WHERE seq = 4; "
        "UPDATE audit_events SET seq = 4 WHERE seq = -1")


@pytest.mark.parametrize("statement, seq, reason", [
    ("UPDATE audit_events SET outcome = 'failure' WHERE seq = 3", 3, "the event was changed"),
    ("UPDATE audit_events SET ts = replace(ts, '.', ',') WHERE seq = 5", 5, "the event was changed"),
    ("DELETE FROM audit_events WHERE seq = 4", 5, "an event is missing, inserted or out of order"),
    (SWAP, 3, "the link to the previous event is broken"),
])
def test_tampering_with_the_table_is_found_at_the_right_event(busy_vault, statement, seq, reason):
    _sql(busy_vault, statement)
    check = busy_vault.verify_audit()
    assert (check.ok, check.first_broken_seq, check.reason) == (False, seq, reason)


def test_a_rehashed_forgery_is_caught_by_the_hmac(busy_vault):
    """Someone rewrites an event and recomputes its hash (but has no audit key)."""
    with busy_vault.read() as session:
        event = next(e for e in audit.iter_events(session) if e["seq"] == 6)
    event["outcome"] = "failure"
    forged = hashlib.sha256(audit._body(event)).hexdigest()
    _sql(busy_vault, f"UPDATE audit_events SET outcome = 'failure', row_hash = '{forged}' WHERE seq = 6")
    check = busy_vault.verify_audit()
    assert check.first_broken_seq == 6
    assert check.reason == "the event's HMAC is wrong (rewritten without the vault's key)"


def test_an_export_verifies_alone_and_records_itself(busy_vault, tmp_path):
    result = export_audit(busy_vault, tmp_path / "export")
    assert result.events == 6
    assert result.fingerprint == signer_fingerprint(busy_vault)
    manifest = json.loads((tmp_path / "export" / "manifest.json").read_text())
    assert (manifest["count"], manifest["first_seq"], manifest["last_seq"]) == (6, 1, 6)
    assert manifest["chain_verified_with_hmac"] is True
    assert export_verifier.verify_export(tmp_path / "export", result.fingerprint).ok
    with busy_vault.read() as session:
        last = list(audit.iter_events(session))[-1]
    assert last["action"] == "audit.export" and last["objects"]["manifest_sha256"] == result.manifest_sha256

    # The verifier is one small script: run it from a folder where the project cannot be imported.
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(ROOT / "storage" / "export_verifier.py", alone)
    run = subprocess.run([sys.executable, "export_verifier.py", str(tmp_path / "export"),
                          "--fingerprint", result.fingerprint], cwd=alone, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Audit export verified: 6 events")


def _lines(folder):
    return (folder / "audit.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)


def _write(folder, lines):
    (folder / "audit.jsonl").write_text("".join(lines), encoding="utf-8")


def _change_a_byte(lines):
    lines[2] = lines[2].replace('"success"', '"succesS"')
    return lines


@pytest.mark.parametrize("tamper, seq, reason", [
    (_change_a_byte, 3, "the event was changed"),
    (lambda lines: lines[:3] + lines[4:], 5, "an event is missing, inserted or out of order"),
    (lambda lines: lines[:2] + [lines[3], lines[2]] + lines[4:], 4,
     "an event is missing, inserted or out of order"),
    (lambda lines: lines[:-1], 6, "events are missing at the end of the log"),
])
def test_tampering_with_an_export_is_found_at_the_right_event(busy_vault, tmp_path, tamper, seq, reason):
    folder = tmp_path / "export"
    export_audit(busy_vault, folder)
    _write(folder, tamper(_lines(folder)))
    check = export_verifier.verify_export(folder)
    assert (check.ok, check.first_broken_seq, check.reason) == (False, seq, reason)


def test_a_changed_manifest_or_another_key_is_refused(busy_vault, tmp_path):
    folder = tmp_path / "export"
    export_audit(busy_vault, folder)
    assert not export_verifier.verify_export(folder, "00" * 32).ok
    manifest = (folder / "manifest.json").read_bytes()
    (folder / "manifest.json").write_bytes(manifest.replace(b'"count":6', b'"count":5'))
    assert export_verifier.verify_export(folder).reason == "the manifest's signature is not valid"


def test_the_standalone_verifier_hashes_events_as_the_vault_does():
    assert export_verifier.BODY_FIELDS == audit.BODY_FIELDS
    assert export_verifier.GENESIS == audit.GENESIS
    sample = {"b": [1, "é"], "a": {"z": None, "y": 2.5}}
    assert export_verifier.canonical(sample) == audit.canonical(sample)


def test_a_report_pdf_is_written_with_the_events(busy_vault, tmp_path):
    import pymupdf

    export_audit(busy_vault, tmp_path / "export")
    with pymupdf.open(tmp_path / "export" / "report.pdf") as report:
        text_ = "".join(page.get_text(flags=0) for page in report)
    assert "Casefile audit report" in text_ and "Chain verified" in text_
    assert "Gamma" in text_ and "case.create" in text_
    assert signer_fingerprint(busy_vault) in text_.replace("\n", "")


def test_export_refuses_a_folder_with_files(busy_vault, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(Exception, match="not empty"):
        export_audit(busy_vault, tmp_path)


def test_an_export_of_a_broken_chain_never_verifies(busy_vault, tmp_path):
    _sql(busy_vault, "UPDATE audit_events SET outcome = 'failure' WHERE seq = 3")
    export_audit(busy_vault, tmp_path / "export")
    check = export_verifier.verify_export(tmp_path / "export")
    assert not check.ok and check.first_broken_seq == 3  # the recomputed chain finds the change
