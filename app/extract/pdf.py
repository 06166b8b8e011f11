"""PDF pages with PyMuPDF: text per page (``page.get_text()``; never ``get_text(sort=True)``,
which is 10-15x slower), the page label where the PDF has one, and what needs OCR.

Malformed files can raise from ``open``, ``page_count`` and any single page: each is caught on
its own, so a bad page costs that page, not the file. Side details (the page label, the check
for scanned areas) are read each in its own guard: a failure there is a note on the page, and
its text stays.
"""

from __future__ import annotations

import pymupdf

from app.errors import IngestError, InputTooLarge
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.mupdf import MUPDF_ERRORS, TEXT_FLAGS, check_page_images, open_document
from app.extract.ocr import tidy
from app.extract.ocr_need import ocr_need, visible_chars
from app.extract.wording import count_of, numbered_pages
from storage.records import PageRecord, PageStatus

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
        read = read_pages(document, source, kind="pdf")
        restriction = permissions_note(document)
    return read if restriction is None else ExtractedDocument(
        read.kind, read.pages, (*read.warnings, restriction), read.ocr_jobs)


def permissions_note(document: pymupdf.Document) -> str | None:
    """A PDF whose owner forbids copying its text is still read (the firm holds it for the case),
    and the restriction is noted on the document."""
    try:
        allowed = document.permissions
    except MUPDF_ERRORS:
        return None
    forbidden = [what for flag, what in ((pymupdf.PDF_PERM_COPY, "copying or extracting its text"),
                                         (pymupdf.PDF_PERM_PRINT, "printing"))
                 if not allowed & flag]  # -1 (every bit) where nothing is restricted
    if not forbidden:
        return None
    return (f"The PDF's owner forbids {' and '.join(forbidden)} (a permission setting); Casefile read "
            "its text for this case all the same.")


def read_pages(document: pymupdf.Document, source: Source, *, kind: str) -> ExtractedDocument:
    """Every page's text, label and status; areas with ink the text does not account for get an
    OCR job."""
    pages: list[PageRecord] = []
    jobs: dict[int, OcrJob] = {}
    not_loaded: list[int] = []
    for index in range(document.page_count):
        number = index + 1
        try:
            page = document.load_page(index)
            pymupdf.TOOLS.reset_mupdf_warnings()  # from here on, what MuPDF says is about this page
            text = page.get_text(flags=TEXT_FLAGS)
        except MUPDF_ERRORS as exc:
            not_loaded.append(number)
            pages.append(PageRecord(number=number, text="", status=PageStatus.UNREADABLE,
                                    note=f"The page is damaged and cannot be read ({type(exc).__name__})."))
            continue
        notes: list[str] = []
        try:
            label = page.get_label() or None
        except MUPDF_ERRORS as exc:
            label = None
            notes.append(f"the page label could not be read ({type(exc).__name__})")
        try:
            check_page_images(page, "picture on this page")  # before the ink check decodes it
            need, checked = ocr_need(page, text), True
        except InputTooLarge as exc:
            need, checked = None, False
            notes.append(exc.user_message[:1].lower() + exc.user_message[1:].rstrip("."))
        except MUPDF_ERRORS as exc:
            need, checked = None, False
            notes.append(f"the check for scanned areas failed ({type(exc).__name__})")
        if need is not None:
            jobs[index] = OcrJob(source, index, need.regions, need.keep_layer)
            text = "" if need.reason == "garbled" else text
            status = PageStatus.NEEDS_OCR
        elif visible_chars(text):
            status = PageStatus.TEXT
        else:  # blank only when the check rendered it and found no ink
            status = PageStatus.BLANK if checked else PageStatus.UNREADABLE
        if status == PageStatus.BLANK and (complaint := mupdf_complaint()):
            status = PageStatus.UNREADABLE  # nothing drawn because its content is broken: not blank
            notes.append(f"the page's content is damaged and nothing on it could be drawn ({complaint})")
        pages.append(PageRecord(number=number, text=tidy(text), label=label, needs_ocr=need is not None,
                                status=status, note=_sentence(notes)))
    warnings = []
    unreadable = [p.number for p in pages if p.status == PageStatus.UNREADABLE]
    if unreadable:
        warnings.append(f"{count_of(len(unreadable), 'damaged page')} could not be read "
                        f"({numbered_pages(unreadable)}; the `pages` command shows why).")
    if len(not_loaded) == len(pages):
        raise IngestError("Every page of the PDF is damaged; nothing could be read.")
    side = [p.number for p in pages if p.note and p.status != PageStatus.UNREADABLE]
    if side:
        warnings.append(f"A detail beside the text could not be read on {numbered_pages(side)}; the text "
                        "is kept (the `pages` command shows what failed).")
    return ExtractedDocument(kind, tuple(pages), tuple(warnings), jobs)


def mupdf_complaint() -> str:
    """MuPDF's first complaint since the last reset, in a few words ("" when it had none)."""
    try:
        said = pymupdf.TOOLS.mupdf_warnings(reset=True)
    except MUPDF_ERRORS:
        return ""
    lines = [line for line in said.splitlines() if line.strip() and not line.startswith("...")]
    return lines[0][:100] if lines else ""


def _sentence(notes: list[str]) -> str:
    joined = "; ".join(notes)
    return joined[:1].upper() + joined[1:] + "." if joined else ""
