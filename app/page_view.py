"""One page of a stored document, ready to show: the rendered image (PDFs and scans) with the
quoted span highlighted, and the page's text with the same span marked.

Rendering uses PyMuPDF on the original file kept in the vault (no other PDF engine). A page read
by OCR has no text layer to search, so its quote is marked in the OCR text beside the image, and
the view says the text came from OCR. Documents with no fixed pages (Word, e-mail, plain text)
are shown as text only.

A search result opens its page with ``search_mark(terms)`` as the mark: then every occurrence of
every term is highlighted (a term ending in ``*`` matches words that start with it), not only the
first place a quoted phrase is found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pymupdf

from app.errors import InputTooLarge, NotFound
from app.extract.mupdf import check_page_images
from app.transcripts.lines import SHEET_PAGES_KEY
from storage import repositories as repo
from storage.records import DocumentRecord, PageRecord
from storage.vault import Vault

RENDERED_KINDS = {"pdf", "image", "production"}  # a production keeps its page images as a PDF
DEFAULT_ZOOM = 1.5
CHUNK_WORDS = 4  # a quote that is not on the page verbatim is looked for in pieces of this size

Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageView:
    document: str
    number: int
    page_count: int
    label: str | None
    text: str
    text_spans: list[tuple[int, int]] = field(default_factory=list)  # marked ranges of ``text``
    image_png: bytes | None = None
    image_size: tuple[int, int] = (0, 0)
    highlights: list[Rect] = field(default_factory=list)  # in image pixels
    ocr: bool = False
    needs_ocr: bool = False
    status: str = ""  # what was read on the page (storage.records.PageStatus)
    ocr_confidence: float | None = None
    note: str = ""  # why a page is unreadable or unread, or what failed beside its text

    @property
    def found(self) -> bool:
        return bool(self.text_spans or self.highlights)


SEARCH_SEPARATOR = "\x1f"  # between the terms of a search's mark: no page text holds it


def search_mark(terms: list[str] | tuple[str, ...]) -> str:
    """The mark that highlights every occurrence of each of ``terms`` (a search's words and phrases)."""
    return SEARCH_SEPARATOR + SEARCH_SEPARATOR.join(t for t in terms if t.strip())


def _search_terms(mark: str) -> list[str] | None:
    if not mark.startswith(SEARCH_SEPARATOR):
        return None
    return [t for t in mark.split(SEARCH_SEPARATOR) if t.strip()]


def _term_pattern(term: str) -> re.Pattern | None:
    words = re.findall(r"\w+", term)
    if not words:
        return None
    prefix = term.rstrip().endswith("*")
    body = r"[\W_]*".join(re.escape(w) for w in words)
    return re.compile(r"\b" + body + (r"\w*" if prefix else r"\b"), re.IGNORECASE)


def search_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Every place any of ``terms`` is in ``text``, in order."""
    spans = {m.span() for term in terms if (pattern := _term_pattern(term)) for m in pattern.finditer(text)}
    return sorted(spans)


def _word_pattern(words: list[str]) -> re.Pattern:
    # Words in order, anything non-word (spaces, line breaks, hyphens, quotes) between them.
    return re.compile(r"[\W_]*".join(re.escape(w) for w in words), re.IGNORECASE)


def _pieces(phrase: str) -> list[list[str]]:
    words = re.findall(r"\w+", phrase)
    if len(words) <= CHUNK_WORDS:
        return [words] if words else []
    return [words[i:i + CHUNK_WORDS] for i in range(0, len(words) - CHUNK_WORDS + 1, CHUNK_WORDS)]


def text_spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where ``phrase`` is in ``text``: the whole phrase if it is there, else its pieces."""
    words = re.findall(r"\w+", phrase)
    if not words:
        return []
    whole = _word_pattern(words).search(text)
    if whole:
        return [whole.span()]
    return [m.span() for piece in _pieces(phrase) if (m := _word_pattern(piece).search(text))]


def _image_highlights(page: pymupdf.Page, phrase: str, zoom: float) -> list[Rect]:
    hits = page.search_for(phrase)
    if not hits:
        hits = [r for piece in _pieces(phrase) for r in page.search_for(" ".join(piece))]
    return _scaled(hits, zoom)


def _scaled(rects: list[pymupdf.Rect], zoom: float) -> list[Rect]:
    return [(r.x0 * zoom, r.y0 * zoom, r.x1 * zoom, r.y1 * zoom) for r in rects]


def load_page(vault: Vault, document_id: int, number: int, *, mark: str | None = None,
              zoom: float = DEFAULT_ZOOM) -> PageView:
    """Read the page and its document's original from the vault and render it (run off the GUI
    thread: rendering a scan takes a moment)."""
    with vault.read() as session:
        record = repo.find_document(session, document_id)
        page = repo.find_page(session, document_id, number) if record else None
        if record is None or page is None:
            raise NotFound(f"Page {number} of that document is not in the vault.")
        original = repo.document_file(session, document_id) if record.kind in RENDERED_KINDS else None
    try:
        return view_page(record, page, original, mark=mark, zoom=zoom)
    except (RuntimeError, ValueError):  # a damaged original: its stored text is still shown
        return view_page(record, page, None, mark=mark, zoom=zoom)


def view_page(record: DocumentRecord, page: PageRecord, original: bytes | None, *,
              mark: str | None = None, zoom: float = DEFAULT_ZOOM) -> PageView:
    """The page with ``mark`` (a quote, or words to find) highlighted wherever it can be found."""
    terms = _search_terms(mark or "")
    if terms is not None:
        spans = search_spans(page.text, terms)
    else:
        spans = text_spans(page.text, mark) if mark else []
    base = dict(document=record.name, number=page.number, page_count=record.page_count, label=page.label,
                text=page.text, text_spans=spans, ocr=page.ocr, needs_ocr=page.needs_ocr,
                status=page.settled().status, ocr_confidence=page.ocr_confidence, note=page.note)
    if original is None or record.kind not in RENDERED_KINDS:
        return PageView(**base)
    suffix = record.name.rsplit(".", 1)[-1].lower() if "." in record.name else "pdf"
    with pymupdf.open(stream=original, filetype=suffix) as document:
        sheet = (page.number - 1) // int(record.metadata.get(SHEET_PAGES_KEY) or 1)  # condensed: 4 a sheet
        if document.needs_pass or not 0 <= sheet < document.page_count:
            return PageView(**base)
        pdf_page = document.load_page(sheet)
        try:
            check_page_images(pdf_page)  # the window must not decode a picture of gigabytes
        except InputTooLarge:
            return PageView(**base)
        if terms is not None and not page.ocr:
            found = [r for term in terms for r in pdf_page.search_for(term.rstrip("*").strip('"'))]
            highlights = _scaled(found, zoom)
        else:
            highlights = _image_highlights(pdf_page, mark, zoom) if mark and not page.ocr else []
        pixmap = pdf_page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return PageView(**base, image_png=pixmap.tobytes("png"), image_size=(pixmap.width, pixmap.height),
                        highlights=highlights)
