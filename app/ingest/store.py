"""The per-file store step: each file's outcome committed on its own, with its audit event.

A document, its pages, its kept original and the ``doc.ingest`` event go in one transaction, so a
cancel or a crash keeps every finished file and never half of one. Duplicates (same content as a
document of the case) and rejections are audited too.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from app.errors import IngestError
from app.extract import ExtractedDocument
from app.extract.wording import count_of, numbered_pages
from app.ingest.outcome import IngestOutcome, IngestStatus, Pending
from app.ingest.page_tokens import PageCounter
from app.page_report import status_counts
from app.productions.bates import document_stamps
from storage import repositories as repo
from storage.audit import OUTCOME_FAILURE
from storage.records import CaseRecord, DocumentRecord, NewDocument, PageRecord, PageStatus
from storage.vault import Vault


class DocumentStore:
    """Stores one batch's files into ``case``; remembers what the case holds to catch duplicates."""

    def __init__(self, vault: Vault, case: CaseRecord, counter: PageCounter | None) -> None:
        self.vault, self.case, self.counter = vault, case, counter
        self.known: dict[str, DocumentRecord] = {}  # sha256 -> document already in the case
        self.failed: dict[str, str] = {}  # sha256 -> why it was rejected in this batch

    def load_known(self) -> None:
        with self.vault.read() as session:
            self.known = repo.document_hashes(session, self.case.id)

    def audit(self, action: str, objects: dict) -> None:
        with self.vault.write() as session:
            self.vault.audit(session, action, case_id=self.case.id, objects=objects)

    def duplicate(self, item: Pending) -> IngestOutcome:
        existing = self.known[item.sha256]
        self.audit("doc.ingest", {"duplicate_of": existing.id, "sha256": item.sha256})
        return IngestOutcome(str(item.path), IngestStatus.DUPLICATE, existing.page_count,
                             reason=f"Already in the case as {existing.name}.", document_id=existing.id,
                             sha256=item.sha256)

    def rejected(self, item: Pending, reason: str, *, needs_password: bool = False,
                 kind: str = "unreadable") -> IngestOutcome:
        """A file not kept. The audit event has the kind of refusal, never the reason's words: a
        reason may quote a file name, and the exported log goes to auditors."""
        if item.sha256:
            self.failed.setdefault(item.sha256, reason)
        with self.vault.write() as session:
            self.vault.audit(session, "doc.ingest", outcome=OUTCOME_FAILURE, case_id=self.case.id,
                             objects={"sha256": item.sha256,
                                      "reason": "password" if needs_password else kind})
        return IngestOutcome(str(item.path), IngestStatus.REJECTED, reason=reason, sha256=item.sha256,
                             needs_password=needs_password)

    def store(self, item: Pending, document: ExtractedDocument, pages: list[PageRecord],
              warnings: list[str], *, name: str | None = None, original: bytes | None = None,
              metadata: dict[str, str] | None = None, first_label: str | None = None) -> IngestOutcome:
        """Store one document; ``original`` is the file to keep when it is not ``item.path`` (a
        production document's pages as one PDF)."""
        metadata = {**document.metadata, **(metadata or {})}  # a transcript's, then a production's
        pages = [p.settled() for p in pages]
        if first_label and pages:  # a native is cited by the Bates number its slip sheet carried
            pages[0] = replace(pages[0], label=first_label)
        if document.kind == "pdf" and (stamps := document_stamps([p.text for p in pages])):
            pages = [replace(p, label=stamp) for p, stamp in zip(pages, stamps, strict=True)]
            metadata["bates"] = f"{stamps[0]}–{stamps[-1]}" if len(stamps) > 1 else stamps[0]
            warnings.append(f"Bates numbers stamped on its pages: {metadata['bates']}.")
        blank = [p.number for p in pages if p.status == PageStatus.BLANK]
        if blank and len(blank) < len(pages):
            warnings.append(f"{count_of(len(blank), 'blank page')} ({numbered_pages(blank)}).")
        elif blank:
            warnings.append("Every page is blank (no ink on any page).")
        token_key = None
        if self.counter is not None:  # most pages were counted while read; OCR'd ones are not yet
            pages, token_key = self.counter.count(pages, recount=False), self.counter.key
        needs_ocr = any(p.needs_ocr for p in pages)
        new = NewDocument(sha256=item.sha256, name=stored_name(name or item.path.name), kind=document.kind,
                          size_bytes=len(original) if original is not None else item.path.stat().st_size,
                          pages=tuple(pages), status="needs OCR" if needs_ocr else "ingested",
                          warnings=tuple(warnings), token_key=token_key, metadata=metadata)
        try:
            with self.vault.write() as session:
                record = repo.add_document(session, self.case.id, new)
                if original is not None:
                    for seq, start in enumerate(range(0, len(original), repo.FILE_CHUNK)):
                        repo.add_document_file_chunk(session, record.id, seq,
                                                     original[start:start + repo.FILE_CHUNK])
                else:
                    keep_original(session, record.id, item.path, item.sha256)
                self.vault.audit(session, "doc.ingest", case_id=self.case.id,
                                 objects={"document_id": record.id, "sha256": item.sha256,
                                          "pages": record.page_count,
                                          "ocr_pages": sum(1 for p in pages if p.ocr)})
        except IngestError as exc:  # rolled back: no half-kept document
            return self.rejected(item, exc.user_message)
        self.known[item.sha256] = record
        return IngestOutcome(str(item.path), IngestStatus.INGESTED, record.page_count, tuple(warnings),
                             document_id=record.id, sha256=item.sha256,
                             ocr_pages=sum(1 for p in pages if p.ocr), page_statuses=status_counts(pages))


def stored_name(name: str) -> str:
    """A file name as the vault keeps it: an undecodable byte of the name on disk (a lone surrogate
    from the file system) becomes U+FFFD instead of failing the whole file."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def keep_original(session, document_id: int, path: Path, sha256: str) -> None:
    """Copy the file into the vault in chunks (never whole in memory), checking that it is still
    the file that was read: a file changed mid-ingest must not be kept under the old hash."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for seq, chunk in enumerate(iter(lambda: handle.read(repo.FILE_CHUNK), b"")):
                digest.update(chunk)
                repo.add_document_file_chunk(session, document_id, seq, chunk)
    except OSError as exc:
        raise IngestError(f"The file could not be read again to keep a copy ({exc.strerror}).") from exc
    if digest.hexdigest() != sha256:
        raise IngestError("The file changed while it was being read: add it again.")
