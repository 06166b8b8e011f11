"""Ingest files and folders into a case: one outcome per file, in order, whatever happens.

Each file is hashed here (duplicates are caught before any reading), read in the process pool
(``app.ingest_pool``, with a time limit), OCR'd page by page where it needs it, its pages'
tokens counted with the case model's tokenizer, then committed on its own — document, pages
and audit event in one transaction — so a cancel or a crash keeps every finished file. A few
files are read ahead so both cores work; nothing else of the set is held in memory.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from app.errors import IngestError
from app.extract import ExtractedDocument, Source
from app.extract.ocr import INSTALL_HINT, OCR_DPI, OCR_DPI_BY_QUALITY, page_ranges, tesseract_available
from app.ingest_paths import split_volumes
from app.ingest_pool import (
    FILE_TIMEOUT_S,
    OCR_PAGE_TIMEOUT_S,
    JobTimeout,
    ReadingPool,
    Rejected,
    shared_pool,
)
from app.page_tokens import PageCounter
from app.production_ingest import (
    ProductionSummary,
    content_hash,
    document_metadata,
    document_name,
    extracted,
    original_pdf,
    summarise,
)
from app.productions.bates import document_stamps
from app.productions.volume import read_volume
from app.settings import preferences
from inference.manifest import sha256_file
from storage import repositories as repo
from storage.audit import OUTCOME_FAILURE
from storage.records import CaseRecord, DocumentRecord, NewDocument, PageRecord
from storage.vault import Vault


class IngestStatus(StrEnum):
    """What happened to one file: each file of a batch gets exactly one."""

    INGESTED = "ingested"
    DUPLICATE = "duplicate"  # already in the case (same content): nothing stored twice
    REJECTED = "rejected"  # not read; ``reason`` says why in one line


@dataclass(frozen=True)
class IngestOutcome:
    path: str
    status: IngestStatus
    pages: int = 0
    warnings: tuple[str, ...] = ()
    reason: str = ""
    document_id: int | None = None
    sha256: str = ""
    ocr_pages: int = 0
    needs_password: bool = False

    def as_json(self) -> dict:
        return {"path": self.path, "status": str(self.status), "pages": self.pages,
                "warnings": list(self.warnings), "reason": self.reason}


@dataclass(frozen=True)
class IngestProgress:
    files_done: int
    files_total: int
    pages_done: int
    pages_per_s: float
    eta_s: float | None
    current: str
    phase: str  # reading | ocr


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0
    productions: list[ProductionSummary] = field(default_factory=list)  # with their findings

    def count(self, status: IngestStatus | str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def pages(self) -> int:
        return sum(o.pages for o in self.outcomes if o.status == IngestStatus.INGESTED)


@dataclass
class _Pending:
    """One file on its way through: decided already (``outcome``) or being read (``reading``)."""

    path: Path
    sha256: str = ""
    outcome: IngestOutcome | None = None
    reading: object | None = None  # AsyncResult
    stored_as: dict = field(default_factory=dict)  # a production's native: its name, metadata, Bates


class Ingest:
    """One batch. ``run()`` returns the report; ``should_stop`` is polled between steps."""

    def __init__(self, vault: Vault, case: CaseRecord, *, password: str | None = None, ocr: bool = True,
                 on_outcome: Callable[[IngestOutcome], None] | None = None,
                 on_progress: Callable[[IngestProgress], None] | None = None,
                 should_stop: Callable[[], bool] = lambda: False, pool: ReadingPool | None = None,
                 ocr_language: str = "eng", ocr_dpi: int | None = None) -> None:
        self.vault, self.case, self.password = vault, case, password
        self.ocr_language = ocr_language
        self.ocr_dpi = ocr_dpi or OCR_DPI_BY_QUALITY.get(preferences(vault).ocr_quality, OCR_DPI)
        self.ocr = ocr and tesseract_available()
        self.ocr_requested = ocr
        self.on_outcome, self.on_progress, self.should_stop = on_outcome, on_progress, should_stop
        self.pool = pool
        self.counter = PageCounter.for_default_model(vault)
        self.report = IngestReport()
        self._known: dict[str, DocumentRecord] = {}  # sha256 -> document already in the case
        self._failed: dict[str, str] = {}  # sha256 -> why it was rejected in this batch
        self._batch: dict[str, Path] = {}  # sha256 -> first file with it in this batch
        self._started = 0.0
        self._files_total = 0

    # ----- the batch ----------------------------------------------------------------------

    def run(self, paths: Iterable[Path]) -> IngestReport:
        volumes, found = split_volumes(paths)
        files = deque(found)
        self._files_total = len(files)
        self._started = time.perf_counter()
        pool = self.pool or shared_pool()
        with self.vault.read() as session:
            self._known = repo.document_hashes(session, self.case.id)
        for volume in volumes:
            if self.report.cancelled or not self._ingest_volume(pool, volume):
                self.report.cancelled = True
                self.report.seconds = time.perf_counter() - self._started
                return self.report
        queue: deque[_Pending] = deque()
        try:
            while files or queue:
                if self.should_stop():
                    self.report.cancelled = True
                    break
                while files and len(queue) <= pool.workers:
                    queue.append(self._start(pool, files.popleft()))
                item = queue.popleft()
                outcome = item.outcome or self._finish(pool, item, queue)
                if outcome is None:  # cancelled during OCR
                    self.report.cancelled = True
                    break
                self._emit(outcome)
        except BaseException:
            pool.restart()  # reads still in flight are worthless now: stop them
            raise
        if self.report.cancelled and queue:
            pool.restart()
        self.report.seconds = time.perf_counter() - self._started
        return self.report

    def _start(self, pool: ReadingPool, path: Path) -> _Pending:
        item = _Pending(path)
        if not path.is_file():
            item.outcome = self._rejected(item, "No such file.")
            return item
        try:
            item.sha256 = sha256_file(path)
        except OSError as exc:
            item.outcome = self._rejected(item, f"The file cannot be read ({exc.strerror}).")
            return item
        if item.sha256 in self._known:
            item.outcome = self._duplicate(item)
        elif item.sha256 not in self._batch:
            self._batch[item.sha256] = path
            item.reading = self._read(pool, path)
        # else: the same content is being read for an earlier file; decided when that one is
        return item

    def _duplicate(self, item: _Pending) -> IngestOutcome:
        existing = self._known[item.sha256]
        with self.vault.write() as session:
            self.vault.audit(session, "doc.ingest", case_id=self.case.id,
                             objects={"duplicate_of": existing.id, "sha256": item.sha256})
        return IngestOutcome(str(item.path), IngestStatus.DUPLICATE, existing.page_count,
                             reason=f"Already in the case as {existing.name}.", document_id=existing.id,
                             sha256=item.sha256)

    def _read(self, pool: ReadingPool, path: Path):
        tokenizer_dir = self.counter.model.path if self.counter is not None else None
        return pool.read(Source(name=path.name, path=path, password=self.password,
                                ocr_language=self.ocr_language, ocr_dpi=self.ocr_dpi), tokenizer_dir)

    def _finish(self, pool: ReadingPool, item: _Pending, queue: deque[_Pending]) -> IngestOutcome | None:
        if item.reading is None:  # a copy of an earlier file of this batch, which is decided now
            if item.sha256 in self._known:
                return self._duplicate(item)
            first = self._batch[item.sha256].name
            return self._rejected(item, f"Same content as {first}, which could not be read: "
                                        f"{self._failed.get(item.sha256, 'see that file')}")
        self._progress(item.path, "reading")
        try:
            result = pool.wait(item.reading, FILE_TIMEOUT_S)
        except JobTimeout:
            self._reread(pool, queue)
            return self._rejected(item, f"Reading took longer than {FILE_TIMEOUT_S:.0f} s; the file "
                                        "was skipped (it may be damaged).")
        if isinstance(result, Rejected):
            return self._rejected(item, result.reason, needs_password=result.needs_password)
        pages, warnings = self._read_scans(pool, item, result, queue)
        if pages is None:
            return None
        return self._store(item, result, pages, warnings, **item.stored_as)

    # ----- production volumes -------------------------------------------------------------

    def _ingest_volume(self, pool: ReadingPool, folder: Path) -> bool:
        """Every document of a production volume, in its order (families together); False when
        cancelled. The volume's findings go into the report and the audit log, never stop it."""
        try:
            volume = read_volume(folder)
        except IngestError as exc:
            self._emit(self._rejected(_Pending(folder), exc.user_message))
            return True
        summary = summarise(volume)
        self.report.productions.append(summary)
        self._files_total += len(volume.documents)
        with self.vault.write() as session:
            self.vault.audit(session, "production.read", case_id=self.case.id, objects={
                "volume": volume.name, "documents": summary.documents, "pages": summary.pages,
                "findings": sorted({f.kind for f in volume.findings})})
        for document in volume.documents:
            if self.should_stop():
                return False
            item = _Pending(folder / document_name(document))
            try:
                outcome = self._production_document(pool, item, document)
            except (OSError, IngestError) as exc:  # one unreadable file costs its document, not the batch
                reason = exc.user_message if isinstance(exc, IngestError) else (
                    f"A file of it cannot be read ({exc.strerror or exc}).")
                outcome = self._rejected(item, reason)
            if outcome is None:
                return False
            self._emit(outcome)
        return True

    def _production_document(self, pool: ReadingPool, item: _Pending, document) -> IngestOutcome | None:
        if not document.pages:  # produced natively (a spreadsheet, an e-mail): read the native file
            native = document.native_path
            if native is None or not native.is_file():
                return self._rejected(item, "The production has no page images, text or native file for it.")
            item = _Pending(native, sha256_file(native), stored_as={
                "name": f"{document_name(document)} ({native.name})", "metadata": document_metadata(document),
                "first_label": document.begbates})
            if item.sha256 in self._known:
                return self._duplicate(item)
            item.reading = self._read(pool, native)
            return self._finish(pool, item, deque())
        item.sha256 = content_hash(document)
        if item.sha256 in self._known:
            return self._duplicate(item)
        read = extracted(document, self.ocr_language, self.ocr_dpi)
        pages, warnings = self._read_scans(pool, item, read, deque())
        if pages is None:
            return None
        original, unreadable = original_pdf(document)
        if unreadable:
            shown = ", ".join(unreadable[:5])
            warnings.append(f"{len(unreadable)} page image(s) could not be read ({shown}); the produced text "
                            "is shown for them.")
        return self._store(item, read, pages, warnings, name=document_name(document), original=original,
                           metadata=document_metadata(document))

    # ----- OCR ----------------------------------------------------------------------------

    def _read_scans(self, pool: ReadingPool, item: _Pending, document: ExtractedDocument,
                    queue: deque[_Pending]) -> tuple[list[PageRecord] | None, list[str]]:
        pages = list(document.pages)
        warnings = list(document.warnings)
        needing = sorted(document.ocr_jobs)
        if needing and not self.ocr:
            numbers = page_ranges([pages[i].number for i in needing])
            why = INSTALL_HINT if self.ocr_requested else "OCR was switched off for this batch."
            warnings.append(f"{len(needing)} page(s) are scans without text and were not read "
                            f"(pages {numbers}). {why}")
            return pages, warnings
        pending = {position: pool.ocr(document.ocr_jobs[position]) for position in needing}
        failed = []
        for position, result in pending.items():
            if self.should_stop():
                pool.restart()
                return None, warnings
            self._progress(item.path, "ocr")
            try:
                text = pool.wait(result, OCR_PAGE_TIMEOUT_S)
            except JobTimeout:
                text = Rejected("OCR took too long")
                self._resubmit_after_restart(pool, document, pending, position, queue)
            if isinstance(text, Rejected):
                failed.append(pages[position].number)
                continue
            page = pages[position]
            pages[position] = PageRecord(number=page.number, text=text.strip(), label=page.label, ocr=True)
        done = len(needing) - len(failed)
        if done:
            warnings.append(f"{done} page(s) read by OCR (pages "
                            f"{page_ranges([pages[i].number for i in needing if pages[i].ocr])}).")
        if failed:
            warnings.append(f"OCR failed on {len(failed)} page(s) (pages {page_ranges(failed)}); "
                            "they are kept without text.")
        return pages, warnings

    def _resubmit_after_restart(self, pool, document, pending, after, queue) -> None:
        for position in pending:
            if position > after:
                pending[position] = pool.ocr(document.ocr_jobs[position])
        self._reread(pool, queue)

    def _reread(self, pool: ReadingPool, queue: deque[_Pending]) -> None:
        """A timeout restarted the pool and killed the reads in flight: start them again."""
        for other in queue:
            if other.reading is not None:
                other.reading = self._read(pool, other.path)

    # ----- storing ------------------------------------------------------------------------

    def _store(self, item: _Pending, document: ExtractedDocument, pages: list[PageRecord],
               warnings: list[str], *, name: str | None = None, original: bytes | None = None,
               metadata: dict[str, str] | None = None, first_label: str | None = None) -> IngestOutcome:
        """Store one document; ``original`` is the file to keep when it is not ``item.path`` (a
        production document's pages as one PDF)."""
        metadata = dict(metadata or {})
        if first_label and pages:  # a native is cited by the Bates number its slip sheet carried
            pages[0] = replace(pages[0], label=first_label)
        if document.kind == "pdf" and (stamps := document_stamps([p.text for p in pages])):
            pages = [replace(p, label=stamp) for p, stamp in zip(pages, stamps, strict=True)]
            metadata["bates"] = f"{stamps[0]}–{stamps[-1]}" if len(stamps) > 1 else stamps[0]
            warnings.append(f"Bates numbers stamped on its pages: {metadata['bates']}.")
        blank = [p.number for p in pages if not p.text.strip() and not p.needs_ocr]
        if blank and len(blank) < len(pages):
            warnings.append(f"{len(blank)} blank page(s) (pages {page_ranges(blank)}).")
        elif blank:
            warnings.append("No page has any text.")
        token_key = None
        if self.counter is not None:  # most pages were counted while read; OCR'd ones are not yet
            pages, token_key = self.counter.count(pages, recount=False), self.counter.key
        needs_ocr = any(p.needs_ocr for p in pages)
        new = NewDocument(sha256=item.sha256, name=name or item.path.name, kind=document.kind,
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
            return self._rejected(item, exc.user_message)
        self._known[item.sha256] = record
        return IngestOutcome(str(item.path), IngestStatus.INGESTED, record.page_count, tuple(warnings),
                             document_id=record.id, sha256=item.sha256,
                             ocr_pages=sum(1 for p in pages if p.ocr))

    def _rejected(self, item: _Pending, reason: str, *, needs_password: bool = False) -> IngestOutcome:
        if item.sha256:
            self._failed.setdefault(item.sha256, reason)
        with self.vault.write() as session:
            self.vault.audit(session, "doc.ingest", outcome=OUTCOME_FAILURE, case_id=self.case.id,
                             objects={"sha256": item.sha256, "reason": reason})
        return IngestOutcome(str(item.path), IngestStatus.REJECTED, reason=reason, sha256=item.sha256,
                             needs_password=needs_password)

    # ----- reporting ----------------------------------------------------------------------

    def _emit(self, outcome: IngestOutcome) -> None:
        self.report.outcomes.append(outcome)
        if self.on_outcome:
            self.on_outcome(outcome)
        self._progress(Path(outcome.path), "reading")

    def _progress(self, path: Path, phase: str) -> None:
        if self.on_progress is None:
            return
        elapsed = max(time.perf_counter() - self._started, 1e-6)
        done = len(self.report.outcomes)
        eta = elapsed / done * (self._files_total - done) if done else None
        self.on_progress(IngestProgress(done, self._files_total, self.report.pages,
                                        round(self.report.pages / elapsed, 1), eta, str(path), phase))


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


def ingest_paths(vault: Vault, case: CaseRecord, paths: Iterable[Path], **options) -> IngestReport:
    """Ingest ``paths`` (files or folders) into ``case``; see ``Ingest`` for the options."""
    return Ingest(vault, case, **options).run(paths)
