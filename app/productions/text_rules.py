"""A production document's text: where it lies (decided from paths while the volume is read) and
its pages' texts (read when the document is ingested). The rules are ``volume``'s docstring's.

The split keeps a volume's memory flat: the volume holds one ``DocumentText`` per document, and
``read_pages`` reads one document's text at a time. What only the text can show (an empty file,
form feeds that do not match the pages, a file over the limit) is therefore found at ingest, and
comes back with the pages as findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.limits import MAX_TEXT_FIELD_CHARS, MAX_TEXT_FILE_BYTES, MiB, megabytes
from app.productions.bates import bates_range, bates_span
from app.productions.loadfiles import read_text_file, text_file_too_large
from app.productions.records import (
    DocumentPages,
    DocumentText,
    Finding,
    PageText,
    ProductionDocument,
    ProductionPage,
)
from app.productions.resolver import PathResolver

# A text column names a file (not the text itself) when it is one short line ending in a text
# file's name: "TEXT\001\ABC0000001.txt" is a file; "and/or 1.5" and longer text are text.
_PATH_LIKE = re.compile(r"[^\n]{1,400}\.(?:txt|text)", re.IGNORECASE)
_LISTED = 10  # Bates numbers named in one finding before "and N more"


def names(bates: list[str]) -> str:
    more = len(bates) - _LISTED
    return ", ".join(bates[:_LISTED]) + (f" and {more} more" if more > 0 else "")


def count(pages: int) -> str:
    return f"{pages} page" + ("" if pages == 1 else "s")


def split_pages(text: str, pages: int) -> list[str] | None:
    parts = text.split("\f")
    while len(parts) > pages and not parts[-1].strip():  # a form feed that ends the last page
        parts.pop()
    if len(parts) == pages:
        return parts
    return ["\n\n".join(parts)] if pages == 1 else None


def usable(text: str | None) -> str | None:
    return text if text is not None and text.strip() else None


@dataclass
class TextFinder:
    """Where each document's text lies, from the DAT's text column and the volume's .txt files."""

    resolver: PathResolver
    texts: dict[str, Path]  # lower-case stem -> .txt file
    per_page_volume: bool  # some page other than a document's first has its own text file
    # The volume's findings list itself (a callback into the builder would make a reference cycle
    # that keeps every load-file row alive after the volume is read, until the next collection).
    findings: list[Finding]

    def document_source(self, written: str, begbates: str) -> tuple[DocumentText, str | None]:
        """(source, why there is none) from the DAT's text column, else ``<BEGBATES>.txt``."""
        if len(written) > MAX_TEXT_FIELD_CHARS:
            return DocumentText(), (f"its text in the DAT is {len(written) / MiB:,.0f} M characters, over "
                                    f"Casefile's {MAX_TEXT_FIELD_CHARS // MiB} M limit")
        if written and not _PATH_LIKE.fullmatch(written):
            return DocumentText(inline=written), None  # the column holds the text itself
        path = self.resolver.resolve(written) if written else None
        path = path or self.texts.get(begbates.lower())
        if path is None:
            return DocumentText(), (f"text file {written} not found" if written else "no text supplied")
        return DocumentText(path=path), None

    def pages(self, doc: str, pages: list[tuple[str, Path | None]],
              written: str) -> tuple[tuple[ProductionPage, ...], DocumentText]:
        """The pages with their own text files where the document has per-page text, and the
        document's text source."""
        files = [self.texts.get(bates.lower()) for bates, _ in pages]
        if len(pages) > 1 and any(files[1:]):
            lacking = [bates for (bates, _), f in zip(pages, files, strict=True) if f is None]
            if lacking:
                self.findings.append(Finding("missing_text", f"{doc}: no text file for {names(lacking)}; "
                                             "OCR needed", lacking[0]))
            return (tuple(ProductionPage(b, image, f) for (b, image), f in zip(pages, files, strict=True)),
                    DocumentText(per_page=True))
        plain = tuple(ProductionPage(b, image) for b, image in pages)
        if len(pages) > 1 and files[0] and not written and self.per_page_volume:
            return plain, DocumentText(path=files[0], first_page_only=True)
        source, problem = self.document_source(written, doc)
        if problem:
            self.findings.append(Finding("missing_text", f"{doc}: {problem}; {count(len(pages))} need OCR",
                                         doc))
        return plain, source


def read_pages(document: ProductionDocument) -> DocumentPages:
    """The document's pages with their produced text, read now, and what the text showed."""
    findings: list[Finding] = []
    doc, source = document.begbates, document.text

    def read(path: Path, bates: str) -> str | None:
        if text_file_too_large(path):
            findings.append(Finding("over_limit", f"{bates}: text file {path.name} is over Casefile's "
                                    f"{megabytes(MAX_TEXT_FILE_BYTES)} limit; not read", bates))
            return None
        text = read_text_file(path)
        if text is None:
            findings.append(Finding("missing_text", f"{bates}: text file {path.name} could not be read;"
                                    " OCR needed", bates))
        return text

    if source.per_page:
        return DocumentPages(tuple(_page(p, read(p.text_path, p.bates) if p.text_path else None, "page-text")
                                   for p in document.pages), tuple(findings))
    text = source.inline if source.inline is not None else (
        read(source.path, doc) if source.path is not None else None)
    if document.pages_from_text:
        return DocumentPages(_pages_from_text(document, text, findings), tuple(findings))
    pages = document.pages
    if source.first_page_only and (text is None or split_pages(text, len(pages)) is None):
        # A lone <BEGBATES>.txt that its form feeds do not split: the first page's text.
        findings.append(Finding("missing_text", f"{doc}: no text file for "
                                f"{names([p.bates for p in pages[1:]])}; OCR needed", pages[1].bates))
        texts = [text, *[None] * (len(pages) - 1)]
        return DocumentPages(tuple(_page(p, t, "page-text") for p, t in zip(pages, texts, strict=True)),
                             tuple(findings))
    if text is not None and not text.strip():
        text = None
        findings.append(Finding("missing_text", f"{doc}: its text is empty; {count(len(pages))} need OCR",
                                doc))
    elif text is not None and (parts := split_pages(text, len(pages))) is not None:
        return DocumentPages(tuple(_page(p, t, "document-text") for p, t in zip(pages, parts, strict=True)),
                             tuple(findings))
    elif text is not None:
        findings.append(Finding("text_not_split", f"{doc}: the document text ({text.count(chr(12))} form "
                                f"feeds) cannot be split into its {len(pages)} pages; they need OCR", doc))
    return DocumentPages(tuple(_page(p, None, None) for p in pages), tuple(findings))


def _page(page: ProductionPage, text: str | None, source: str | None) -> PageText:
    text = usable(text)
    return PageText(page.bates, page.image_path, text, source if text is not None else None)


def _pages_from_text(document: ProductionDocument, text: str | None,
                     findings: list[Finding]) -> tuple[PageText, ...]:
    """A row without page images: one page per Bates number when its form feeds match the range,
    else one page; none when its text turns out empty (its native, if any, is read instead)."""
    begbates, endbates = document.begbates, document.endbates
    if usable(text) is None:
        then = ("its native file is read instead" if document.native_path
                else "it has no page images or native file")
        if text is not None:  # unreadable files are a finding already
            findings.append(Finding("missing_text", f"{begbates}: its text is empty; {then}", begbates))
        return ()
    assert text is not None
    span = bates_span(begbates, endbates)
    parts = split_pages(text, span) if span and span > 1 else None
    labels = bates_range(begbates, endbates) if parts else [begbates]
    parts = parts or ["\n\n".join(text.split("\f"))]
    return tuple(_page(ProductionPage(label, None), part, "document-text")
                 for label, part in zip(labels, parts, strict=True))
