"""PDF pages with PyMuPDF: text per page (``page.get_text()``; never ``get_text(sort=True)``,
which is 10-15x slower), the page label where the PDF has one, and pages that need OCR.

Malformed files can raise from ``open``, ``page_count`` and any single page: each is caught on
its own, so a bad page costs that page, not the file.
"""

from __future__ import annotations

import pymupdf

from app.errors import IngestError, PasswordNeeded
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.ocr import ocr_reason, page_ranges, tidy
from storage.records import PageRecord

SUFFIXES = (".pdf",)

# Ligatures come out as plain letters ("fi", not U+FB01), so quotes and searches match the page.
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES

# MuPDF raises its own exception classes (FzErrorFormat, ...) that share no base with ours
# beyond Exception; on untrusted files every call can raise one, so we catch broadly, per page.
MUPDF_ERRORS = (Exception,)

pymupdf.TOOLS.mupdf_display_errors(False)  # MuPDF's own messages would go to stderr unasked
pymupdf.TOOLS.mupdf_display_warnings(False)


def open_document(source: Source, filetype: str | None = None, what: str = "PDF") -> pymupdf.Document:
    """Open ``source`` with PyMuPDF; damaged or password-protected files become IngestErrors."""
    try:
        if source.data is not None:
            document = pymupdf.open(stream=source.data, filetype=filetype or source.suffix.lstrip("."))
        else:
            document = pymupdf.open(source.path, filetype=filetype)
    except MUPDF_ERRORS as exc:
        raise IngestError(f"Not a readable {what} (the file is damaged).", detail=str(exc)) from None
    if document.needs_pass:
        if source.password is None:
            document.close()
            raise PasswordNeeded()
        if not document.authenticate(source.password):
            document.close()
            raise IngestError("The PDF's password is wrong; nothing was read.")
    return document


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
