"""Ingest files and folders into a case: hash, extract, store, audit; one outcome per file.

Each file is committed on its own (document, pages and audit event in one transaction), so a
cancel or a crash keeps what was done, and one bad file never stops the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import Cancelled, IngestError
from app.extract import extract
from inference.manifest import sha256_file
from storage import repositories as repo
from storage.audit import OUTCOME_FAILURE
from storage.records import CaseRecord, NewDocument
from storage.vault import Vault

STATUS_INGESTED = "ingested"
STATUS_DUPLICATE = "duplicate"
STATUS_REJECTED = "rejected"


@dataclass(frozen=True)
class IngestOutcome:
    path: str
    status: str
    pages: int = 0
    warnings: tuple[str, ...] = ()
    reason: str = ""
    document_id: int | None = None
    sha256: str = ""

    def as_json(self) -> dict:
        return {"path": self.path, "status": self.status, "pages": self.pages,
                "warnings": list(self.warnings), "reason": self.reason}


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus every file under folders named (recursively, sorted, no hidden ones)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            files.append(path)
    return files


def ingest_paths(
    vault: Vault,
    case: CaseRecord,
    paths: Iterable[Path],
    *,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> IngestReport:
    report = IngestReport()
    for path in collect_files(paths):
        if should_stop():
            raise Cancelled()
        outcome = ingest_file(vault, case, path)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return report


def ingest_file(vault: Vault, case: CaseRecord, path: Path) -> IngestOutcome:
    shown = str(path)
    if not path.is_file():
        return _rejected(vault, case, shown, "", "No such file.")
    try:
        sha256 = sha256_file(path)
    except OSError as exc:
        return _rejected(vault, case, shown, "", f"The file cannot be read ({exc.strerror}).")
    with vault.read() as session:
        existing = repo.find_document(session, case.id, sha256)
    if existing is not None:
        with vault.write() as session:
            vault.audit(session, "doc.ingest", case_id=case.id,
                        objects={"duplicate_of": existing.id, "sha256": sha256})
        return IngestOutcome(shown, STATUS_DUPLICATE, existing.page_count,
                             reason=f"Already in the case as {existing.name}.",
                             document_id=existing.id, sha256=sha256)
    try:
        extracted = extract(path)
    except IngestError as exc:
        return _rejected(vault, case, shown, sha256, exc.user_message)
    new = NewDocument(sha256=sha256, name=path.name, kind=extracted.kind,
                      size_bytes=path.stat().st_size, pages=extracted.pages,
                      status=STATUS_INGESTED, warnings=extracted.warnings)
    with vault.write() as session:
        record = repo.add_document(session, case.id, new)
        vault.audit(session, "doc.ingest", case_id=case.id,
                    objects={"document_id": record.id, "sha256": sha256, "pages": record.page_count})
    return IngestOutcome(shown, STATUS_INGESTED, record.page_count, extracted.warnings,
                         document_id=record.id, sha256=sha256)


def _rejected(vault: Vault, case: CaseRecord, shown: str, sha256: str, reason: str) -> IngestOutcome:
    with vault.write() as session:
        vault.audit(session, "doc.ingest", outcome=OUTCOME_FAILURE, case_id=case.id,
                    objects={"sha256": sha256, "reason": reason})
    return IngestOutcome(shown, STATUS_REJECTED, reason=reason, sha256=sha256)
