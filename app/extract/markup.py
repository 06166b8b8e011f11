"""Plain text, Markdown and HTML. Text files split at form feeds (their only page break)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from app.errors import IngestError
from app.extract import ExtractedDocument, Source
from app.limits import MAX_TEXT_BYTES, MAX_XML_BYTES, refuse_size
from storage.records import PageRecord

SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
               "article", "blockquote", "pre", "hr", "title"}


def decode_text(raw: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), ["Not UTF-8; read as Windows-1252."]


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def extract_markup(source: Source) -> ExtractedDocument:
    html = source.suffix in (".html", ".htm")
    refuse_size(source.size(), MAX_XML_BYTES if html else MAX_TEXT_BYTES,
                "HTML page" if html else "text file", "save it as PDF (or split it) and add that")
    text, warnings = decode_text(source.read_bytes())
    kind = "text"
    if html:
        text, kind = html_to_text(text), "html"
    if not text.strip():
        raise IngestError("The file has no text.")
    chunks = [c for c in text.split("\f")] if kind == "text" else [text]
    pages = tuple(PageRecord(number=i + 1, text=chunk) for i, chunk in enumerate(chunks))
    return ExtractedDocument(kind, pages, tuple(warnings))
