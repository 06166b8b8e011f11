"""The OCR step: a document's scanned pages read in the pool, page by page, each with a limit.

Pages that need OCR come from the reader as jobs; every one ends with text or an honest warning
(OCR off, tesseract missing, a page that failed or ran too long), never silently without text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.extract import ExtractedDocument
from app.extract.ocr import INSTALL_HINT, OcrText, tesseract_available
from app.extract.pool import OCR_PAGE_TIMEOUT_S, JobTimeout, ReadingPool, Rejected
from app.extract.wording import count_of, numbered_pages
from storage.records import PageRecord, PageStatus


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
            why = INSTALL_HINT if self.requested else "OCR was switched off for this batch."
            for i in needing:
                pages[i] = replace(pages[i], note=f"Not read by OCR: {why}")
            warnings.append(f"{count_of(len(needing), 'page')} with scanned areas "
                            f"{'was' if len(needing) == 1 else 'were'} not read "
                            f"({numbered_pages([pages[i].number for i in needing])}). {why}")
            return pages, warnings
        pending = {position: pool.ocr(document.ocr_jobs[position]) for position in needing}
        failed = []
        for position, result in pending.items():
            if self.should_stop():
                pool.restart()
                return None, warnings
            self.on_page(path)
            try:
                read = pool.wait(result, OCR_PAGE_TIMEOUT_S)
            except JobTimeout:
                read = Rejected("OCR took too long on this page.")
                for later in pending:
                    if later > position:
                        pending[later] = pool.ocr(document.ocr_jobs[later])
                after_restart()
            if isinstance(read, Rejected):
                failed.append(pages[position].number)
                pages[position] = replace(pages[position], note=f"OCR failed: {read.reason}")
                continue
            pages[position] = read_by_ocr(pages[position], read, document.ocr_jobs[position].keep_layer)
        done = [pages[i].number for i in needing if pages[i].ocr]
        if done:
            warnings.append(f"{count_of(len(done), 'page')} read by OCR ({numbered_pages(done)}).")
        if failed:
            warnings.append(f"OCR failed on {count_of(len(failed), 'page')} ({numbered_pages(failed)}); "
                            f"{'it is' if len(failed) == 1 else 'they are'} kept without that text.")
        return pages, warnings


def read_by_ocr(page: PageRecord, read: OcrText, kept_layer: bool) -> PageRecord:
    """The page with what OCR read: status ``ocr``, or ``text+ocr`` where its own text was kept."""
    status = PageStatus.TEXT_OCR if kept_layer and page.text.strip() else PageStatus.OCR
    note = "" if read.text.strip() else ("OCR found no words (the page shows only a picture, a signature "
                                         "or marks).")
    return replace(page, text=read.text.strip(), ocr=True, needs_ocr=False, status=status,
                   ocr_confidence=read.confidence, note=note)
