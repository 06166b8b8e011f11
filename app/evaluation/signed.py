"""The qualification report as signed files a committee can check offline: ``report.json``
(canonical JSON, holding the sha256 of ``report.pdf``), ``report.sig`` (its Ed25519 signature by
the vault's signing key, the same key that signs audit exports), ``public_key.pem`` and the PDF.
Writing it is audited."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization

from app import __version__
from app.context import TEMPLATE_VERSION
from app.errors import UserFacingError
from app.evaluation.report_pdf import report_pdf
from app.evaluation.run import EvalReport
from storage.export_verifier import canonical, key_fingerprint
from storage.vault import Vault

FILES = ("report.json", "report.sig", "public_key.pem", "report.pdf")


@dataclass(frozen=True)
class ReportCheck:
    ok: bool
    reason: str = ""
    fingerprint: str = ""


def write_signed_report(vault: Vault, report: EvalReport, out: Path, *, backend: str = "") -> Path:
    if not out.is_dir():
        raise UserFacingError(f"The folder {out} does not exist.")
    key = vault.signing_key()
    fingerprint = key_fingerprint(key.public_key())
    report_pdf(report, out / "report.pdf", backend=backend, fingerprint=fingerprint)
    body = canonical({**report.as_json(), "app_version": __version__, "prompt_template": TEMPLATE_VERSION,
                      "backend": backend, "vault_id": vault.vault_id, "signer_fingerprint": fingerprint,
                      "pdf_sha256": hashlib.sha256((out / "report.pdf").read_bytes()).hexdigest()})
    (out / "report.json").write_bytes(body)
    (out / "report.sig").write_bytes(key.sign(body))
    (out / "public_key.pem").write_bytes(key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    with vault.write() as session:
        vault.audit(session, "eval.report", objects={"model": report.model_id, "size": report.size,
                                                     "report_sha256": hashlib.sha256(body).hexdigest()})
    return out / "report.json"


def verify_signed_report(folder: Path, expected_fingerprint: str | None = None) -> ReportCheck:
    """Whether ``folder`` holds a qualification report signed by the key it carries (and, given
    ``expected_fingerprint``, by that very key): nothing but the files and ``cryptography``."""
    missing = [name for name in FILES if not (folder / name).is_file()]
    if missing:
        return ReportCheck(False, f"missing file(s): {', '.join(missing)}")
    body = (folder / "report.json").read_bytes()
    try:
        public_key = serialization.load_pem_public_key((folder / "public_key.pem").read_bytes())
        public_key.verify((folder / "report.sig").read_bytes(), body)
    except (InvalidSignature, ValueError, TypeError):
        return ReportCheck(False, "the report's signature is not valid (it was changed, or signed by "
                                  "another key)")
    fingerprint = key_fingerprint(public_key)
    signed = json.loads(body)
    if signed.get("signer_fingerprint") != fingerprint:
        return ReportCheck(False, "the report names another signing key", fingerprint)
    if hashlib.sha256((folder / "report.pdf").read_bytes()).hexdigest() != signed.get("pdf_sha256"):
        return ReportCheck(False, "report.pdf does not match the signed report", fingerprint)
    if expected_fingerprint and expected_fingerprint.lower() != fingerprint:
        return ReportCheck(False, "signed by a key other than the one you expect", fingerprint)
    return ReportCheck(True, fingerprint=fingerprint)
