"""PDF pages with PyMuPDF: text per page (``page.get_text()``; never ``get_text(sort=True)``,
which is 10-15x slower), the page label where the PDF has one, and pages that need OCR.

Malformed files can raise from ``open``, ``page_count`` and any single page: each is caught on
its own, so a bad page costs that page, not the file.
"""

from __future__ import annotations

import pymupdf

from app.errors import IngestError
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.mupdf import MUPDF_ERRORS, TEXT_FLAGS, open_document
from app.extract.ocr import ocr_reason, page_ranges, tidy
from storage.records import PageRecord

SUFFIXES = (".pdf",)

def extract_pdf(source: Source) -> ExtractedDocument:
    with open_document(source, "pdf") as document:
        try:
            count = document.page_count
        except MUPDF_ERRORS as exc:
            raise IngestError("The PDF's page tree is broken; no page can be found.",
                              detail=str(exc)) from None
        if count == 0:
            raise IngestError("The PDF has no pages.")
        return read_pages(document, source, kind="pdf")


def read_pages(document: pymupdf.Document, source: Source, *, kind: str) -> ExtractedDocument:
    """Every page's text and label; pages with no usable text get an OCR job."""
    pages: list[PageRecord] = []
    jobs: dict[int, OcrJob] = {}
    damaged: list[int] = []
    for index in range(document.page_count):
        number = index + 1
        try:
            page = document.load_page(index)
            text = page.get_text(flags=TEXT_FLAGS)
            label = page.get_label() or None
            reason = ocr_reason(page, text)
        except MUPDF_ERRORS:
            damaged.append(number)
            pages.append(PageRecord(number=number, text="", needs_ocr=False))
            continue
        if reason is not None:
            jobs[index] = OcrJob(source, index)
            text = "" if reason == "garbled" else text
        text = tidy(text)
        pages.append(PageRecord(number=number, text=text, label=label, needs_ocr=reason is not None))
    warnings = []
    if damaged:
        warnings.append(f"{len(damaged)} damaged page(s) could not be read (pages {page_ranges(damaged)}).")
    if len(damaged) == len(pages):
        raise IngestError("Every page of the PDF is damaged; nothing could be read.")
    return ExtractedDocument(kind, tuple(pages), tuple(warnings), jobs)
