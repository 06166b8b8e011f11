"""Read one file into pages of text. Every failure is an ``IngestError`` with a one-line reason.

PDFs are read with PyMuPDF page by page (``page.get_text()``; never ``get_text(sort=True)``,
which is 10-15x slower). Plain text is split at form feeds, the only page break it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

from app.errors import IngestError
from storage.records import PageRecord

PDF_SUFFIXES = {".pdf"}
TEXT_SUFFIXES = {".txt", ".md", ".text"}
SUPPORTED_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES

# Ligatures come out as plain letters ("fi", not U+FB01), so quotes and searches match the page.
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES
# A page with fewer visible characters than this has no usable text layer.
MIN_PAGE_CHARS = 16

pymupdf.TOOLS.mupdf_display_errors(False)  # MuPDF's own warnings would go to stderr unasked
pymupdf.TOOLS.mupdf_display_warnings(False)


@dataclass(frozen=True)
class ExtractedDocument:
    kind: str
    pages: tuple[PageRecord, ...]
    warnings: tuple[str, ...] = ()


def extract(path: Path) -> ExtractedDocument:
    suffix = path.suffix.lower()
    if path.stat().st_size == 0:
        raise IngestError("The file is empty.")
    if suffix in PDF_SUFFIXES:
        return _extract_pdf(path)
    if suffix in TEXT_SUFFIXES:
        return _extract_text(path)
    raise IngestError(f"Unsupported file type ({suffix or 'no extension'}).")


def _extract_pdf(path: Path) -> ExtractedDocument:
    try:
        document = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, pymupdf.EmptyFileError, RuntimeError, ValueError) as exc:
        raise IngestError("Not a readable PDF (the file is damaged).", detail=str(exc)) from None
    with document:
        if document.needs_pass:
            raise IngestError("The PDF is encrypted: a password is needed to open it.")
        if document.page_count == 0:
            raise IngestError("The PDF has no pages.")
        pages, empty = [], []
        for index in range(document.page_count):
            try:
                page = document.load_page(index)
                text = page.get_text(flags=TEXT_FLAGS)
                label = page.get_label() or None
            except (RuntimeError, ValueError) as exc:
                raise IngestError(
                    f"Page {index + 1} of the PDF is damaged and cannot be read.", detail=str(exc)
                ) from None
            if len(text.strip()) < MIN_PAGE_CHARS:
                empty.append(index + 1)
            pages.append(PageRecord(number=index + 1, text=text, label=label))
    warnings = []
    if empty:
        warnings.append(f"{len(empty)} of {len(pages)} pages have no text layer and need OCR "
                        f"(pages {_ranges(empty)}).")
    return ExtractedDocument("pdf", tuple(pages), tuple(warnings))


def _extract_text(path: Path) -> ExtractedDocument:
    raw = path.read_bytes()
    warnings = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        warnings.append("Not UTF-8; read as Windows-1252.")
    if not text.strip():
        raise IngestError("The file has no text.")
    chunks = text.split("\f")
    pages = tuple(PageRecord(number=i + 1, text=chunk) for i, chunk in enumerate(chunks))
    return ExtractedDocument("text", pages, tuple(warnings))


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)
