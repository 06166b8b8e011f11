"""Read one file (or an e-mail attachment) into pages of text.

``extract(source)`` picks the reader by file type and returns an ``ExtractedDocument``: pages
in order, each with its number and (where the format has one) a label to cite — a PDF page
label, a Word heading, a C-CDA section title — plus warnings, and an OCR job for every page
with no usable text layer. Every failure is an ``IngestError`` with a one-line reason; the
readers never write a byte to disk (attachments stay in memory).

Formats: PDF; TIFF/PNG/JPEG/BMP/GIF (one page per frame, OCR); DOCX; EML (attachments read
recursively); TXT/MD/HTML; C-CDA XML (section titles and narrative, not the raw XML).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.errors import IngestError
from app.limits import MAX_FILE_BYTES
from storage.records import PageRecord

MAX_ATTACHMENT_DEPTH = 5


@dataclass(frozen=True)
class Source:
    """A file on disk, or bytes in memory (an attachment), with the name it goes by."""

    name: str
    path: Path | None = None
    data: bytes | None = None
    password: str | None = None
    depth: int = 0  # how deep inside e-mail attachments this source sits
    ocr_language: str = "eng"  # Tesseract languages for its scanned pages, e.g. "eng+deu"
    ocr_dpi: int = 150  # resolution its scanned pages are read at (app.extract.ocr.OCR_DPI_BY_QUALITY)

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    def read_bytes(self) -> bytes:
        return self.data if self.data is not None else self.path.read_bytes()

    def size(self) -> int:
        return len(self.data) if self.data is not None else self.path.stat().st_size

    def head(self, n: int = 8) -> bytes:
        if self.data is not None:
            return self.data[:n]
        with open(self.path, "rb") as handle:
            return handle.read(n)


@dataclass(frozen=True)
class OcrJob:
    """Where to find one page that needs OCR: a page of a PDF or image source, and which parts.

    ``regions`` (page points: x0, y0, x1, y1) are the areas whose ink the text layer does not
    account for; empty means the whole page. With ``keep_layer`` the page's own text is kept and
    the OCR'd text merged into it in reading order (a filing stamp over a scanned opinion)."""

    source: Source
    page_index: int
    regions: tuple[tuple[float, float, float, float], ...] = ()
    keep_layer: bool = False


@dataclass(frozen=True)
class ExtractedDocument:
    kind: str
    pages: tuple[PageRecord, ...]
    warnings: tuple[str, ...] = ()
    ocr_jobs: dict[int, OcrJob] = field(default_factory=dict)  # position in pages -> job
    metadata: dict[str, str] = field(default_factory=dict)  # what reading found (a transcript's pages)


def extract(source: Source) -> ExtractedDocument:
    from app.extract import ccda, email_doc, images, legacy, markup, office, pdf

    size = source.size()
    if size == 0:
        raise IngestError("The file is empty.")
    if size > MAX_FILE_BYTES:
        raise IngestError(f"The file is too large ({size / 1024**3:.1f} GiB; the limit is "
                          f"{MAX_FILE_BYTES // 1024**3} GiB): split it and add the parts.")
    suffix = source.suffix
    readers = {
        **dict.fromkeys(pdf.SUFFIXES, pdf.extract_pdf),
        **dict.fromkeys(images.SUFFIXES, images.extract_image),
        **dict.fromkeys(office.SUFFIXES, office.extract_docx),
        **dict.fromkeys(email_doc.SUFFIXES, email_doc.extract_eml),
        **dict.fromkeys(markup.SUFFIXES, markup.extract_markup),
        **dict.fromkeys(ccda.SUFFIXES, ccda.extract_ccda),
        **dict.fromkeys(legacy.SUFFIXES, legacy.extract_legacy),
    }
    reader = readers.get(suffix)
    if reader is None and source.head(5) == b"%PDF-":
        reader = pdf.extract_pdf  # a PDF under another name
    if reader is None:
        raise IngestError(unsupported_reason(suffix))
    from app.extract.transcript import as_transcript

    return as_transcript(source, reader(source))


def unsupported_reason(suffix: str) -> str:
    hints = {
        ".msg": "Outlook .msg: save the message as .eml (or PDF) and add that",
        ".zip": "archive: unpack it and add the folder",
    }
    hint = hints.get(suffix)
    return f"Unsupported file type ({suffix or 'no extension'})" + (f": {hint}." if hint else ".")


SUPPORTED_SUFFIXES = (".pdf", ".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".docx",
                      ".eml", ".txt", ".text", ".md", ".html", ".htm", ".xml",
                      ".doc", ".wpd", ".rtf", ".odt", ".wps", ".xls", ".xlsx", ".ods")  # with LibreOffice
