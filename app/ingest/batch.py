"""Ingest files and folders into a case: one outcome per file, in order, whatever happens.

The batch scheduler. Each file is hashed here (duplicates are caught before any reading), read in
the process pool (``app.extract.pool``, with a time limit), OCR'd page by page where it needs it
(``ocr_step``), its pages' tokens counted with the case model's tokenizer, then committed on its
own (``store``). Production volumes go through their load files first (``production``). A few
files are read ahead so both cores work; nothing else of the set is held in memory.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

from app.extract import Source
from app.extract.ocr import OCR_DPI, OCR_DPI_BY_QUALITY
from app.extract.pool import FILE_TIMEOUT_S, JobTimeout, ReadingPool, Rejected, shared_pool
from app.ingest.ocr_step import OcrStep
from app.ingest.outcome import IngestOutcome, IngestProgress, IngestReport, Pending
from app.ingest.page_tokens import PageCounter
from app.ingest.paths import LINK_OUTSIDE, split_volumes
from app.ingest.production import ProductionSummary, ingest_volume
from app.ingest.store import DocumentStore
from app.settings import preferences
from inference.manifest import sha256_file
from storage.records import CaseRecord
from storage.vault import Vault


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
        self.on_outcome, self.on_progress, self.should_stop = on_outcome, on_progress, should_stop
        self.pool: ReadingPool = pool  # type: ignore[assignment]  # the shared pool when run() starts
        self.counter = PageCounter.for_default_model(vault)
        self.store = DocumentStore(vault, case, self.counter)
        self.ocr = OcrStep(requested=ocr, should_stop=should_stop,
                           on_page=lambda path: self._progress(path, "ocr"))
        self.report = IngestReport()
        self._batch: dict[str, Path] = {}  # sha256 -> first file with it in this batch
        self._outside: set[Path] = set()  # links in folders that lead out of them
        self._queue: deque[Pending] = deque()  # files being read ahead
        self._started = 0.0
        self._files_total = 0

    def run(self, paths: Iterable[Path]) -> IngestReport:
        batch = split_volumes(paths)
        volumes, files, self._outside = batch.volumes, deque(batch.files), batch.outside
        self._files_total = len(files)
        self._started = time.perf_counter()
        self.pool = self.pool or shared_pool()
        self.store.load_known()
        for volume in volumes:
            if self.report.cancelled or not ingest_volume(self, volume):
                self.report.cancelled = True
                self.report.seconds = time.perf_counter() - self._started
                return self.report
        queue = self._queue
        try:
            while files or queue:
                if self.should_stop():
                    self.report.cancelled = True
                    break
                while files and len(queue) <= self.pool.workers:
                    queue.append(self._start(files.popleft()))
                item = queue.popleft()
                outcome = item.outcome or self.read_now(item)
                if outcome is None:  # cancelled during OCR
                    self.report.cancelled = True
                    break
                self.emit(outcome)
        except BaseException:
            self.pool.restart()  # reads still in flight are worthless now: stop them
            raise
        if self.report.cancelled and queue:
            self.pool.restart()
        self.report.seconds = time.perf_counter() - self._started
        return self.report

    # ----- one file -----------------------------------------------------------------------

    def pending(self, path: Path, sha256: str = "", stored_as: dict | None = None) -> Pending:
        return Pending(path, sha256, stored_as=stored_as or {})

    def _start(self, path: Path) -> Pending:
        item = Pending(path)
        if path in self._outside:  # never opened: its target's content is not the folder's
            item.outcome = self.store.rejected(item, LINK_OUTSIDE, kind="link_outside")
            return item
        if not path.is_file():
            item.outcome = self.store.rejected(item, "No such file.", kind="missing")
            return item
        try:
            item.sha256 = sha256_file(path)
        except OSError as exc:
            item.outcome = self.store.rejected(item, f"The file cannot be read ({exc.strerror}).")
            return item
        if item.sha256 in self.store.known:
            item.outcome = self.store.duplicate(item)
        elif item.sha256 not in self._batch:
            self._batch[item.sha256] = path
            item.reading = self._read(path)
        # else: the same content is being read for an earlier file; decided when that one is
        return item

    def _read(self, path: Path):
        tokenizer_dir = self.counter.model.path if self.counter is not None else None
        return self.pool.read(Source(name=path.name, path=path, password=self.password,
                                     ocr_language=self.ocr_language, ocr_dpi=self.ocr_dpi), tokenizer_dir)

    def read_now(self, item: Pending) -> IngestOutcome | None:
        """Wait for ``item``'s read (starting it if needed), OCR its scans and store it; ``None``
        when the batch was stopped during OCR."""
        store = self.store
        if item.reading is None:  # a copy of an earlier file of this batch, which is decided now
            if item.sha256 in store.known:
                return store.duplicate(item)
            first = self._batch[item.sha256].name
            return store.rejected(item, f"Same content as {first}, which could not be read: "
                                        f"{store.failed.get(item.sha256, 'see that file')}",
                                  kind="copy_of_unreadable")
        self._progress(item.path, "reading")
        try:
            result = self.pool.wait(item.reading, FILE_TIMEOUT_S)
        except JobTimeout:
            self._reread()
            return store.rejected(item, f"Reading took longer than {FILE_TIMEOUT_S:.0f} s; the file "
                                        "was skipped (it may be damaged).", kind="timeout")
        if isinstance(result, Rejected):
            return store.rejected(item, result.reason, needs_password=result.needs_password, kind=result.kind)
        pages, warnings = self.ocr.read_scans(self.pool, item.path, result, after_restart=self._reread)
        if pages is None:
            return None
        return store.store(item, result, pages, warnings, **item.stored_as)

    def read_native(self, item: Pending) -> IngestOutcome | None:
        """A production's native file, read now, on its own (volumes go before the files)."""
        item.reading = self._read(item.path)
        return self.read_now(item)

    def _reread(self) -> None:
        """A timeout restarted the pool and killed the reads in flight: start them again."""
        for other in self._queue:
            if other.reading is not None:
                other.reading = self._read(other.path)

    # ----- reporting ----------------------------------------------------------------------

    def volume_found(self, summary: ProductionSummary) -> None:
        self.report.productions.append(summary)
        self._files_total += summary.documents

    def emit(self, outcome: IngestOutcome) -> None:
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


def ingest_paths(vault: Vault, case: CaseRecord, paths: Iterable[Path], **options) -> IngestReport:
    """Ingest ``paths`` (files or folders) into ``case``; see ``Ingest`` for the options."""
    return Ingest(vault, case, **options).run(paths)
