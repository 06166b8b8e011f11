"""The OCR step: a document's scanned pages read in the pool, page by page, each with a limit.

Pages that need OCR come from the reader as jobs; every one ends with text or an honest warning
(OCR off, tesseract missing, a page that failed or ran too long), never silently without text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.extract import ExtractedDocument
from app.extract.ocr import INSTALL_HINT, page_ranges, tesseract_available
from app.extract.pool import OCR_PAGE_TIMEOUT_S, JobTimeout, ReadingPool, Rejected
from storage.records import PageRecord


class OcrStep:
    def __init__(self, *, requested: bool, should_stop: Callable[[], bool],
                 on_page: Callable[[Path], None]) -> None:
        self.requested = requested
        self.enabled = requested and tesseract_available()
        self.should_stop, self.on_page = should_stop, on_page

    def read_scans(self, pool: ReadingPool, path: Path, document: ExtractedDocument,
                   after_restart: Callable[[], None]) -> tuple[list[PageRecord] | None, list[str]]:
        """The document's pages with OCR text where it was needed, and its warnings; ``None`` for
        the pages when the batch was stopped. A timed-out page restarts the pool, which kills
        every read in flight: ``after_restart`` starts the batch's other reads again."""
        pages = list(document.pages)
        warnings = list(document.warnings)
        needing = sorted(document.ocr_jobs)
        if needing and not self.enabled:
            numbers = page_ranges([pages[i].number for i in needing])
            why = INSTALL_HINT if self.requested else "OCR was switched off for this batch."
            warnings.append(f"{len(needing)} page(s) are scans without text and were not read "
                            f"(pages {numbers}). {why}")
            return pages, warnings
        pending = {position: pool.ocr(document.ocr_jobs[position]) for position in needing}
        failed = []
        for position, result in pending.items():
            if self.should_stop():
                pool.restart()
                return None, warnings
            self.on_page(path)
            try:
                text = pool.wait(result, OCR_PAGE_TIMEOUT_S)
            except JobTimeout:
                text = Rejected("OCR took too long")
                for later in pending:
                    if later > position:
                        pending[later] = pool.ocr(document.ocr_jobs[later])
                after_restart()
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
