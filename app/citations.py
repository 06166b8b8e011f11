"""Parse an answer's citations and check every quote against the cited page.

The instruction teaches the model ``[D3 p12]`` (also accepted: ``[D3, p. 12]``, ``[D3 page 12]``,
``[D3 pp. 4-5]``, ``[D3]``). Unknown documents or pages are kept and flagged, never dropped.
A quote is a span in double quotes; it belongs to the first citation after it in the same
sentence, and is verified when its words appear on that page (case, spacing and typographic
quotes ignored). A quote with no citation is searched across the whole set.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.context import CaseContext

CITATION_RE = re.compile(
    r"\[\s*(?P<doc>D\d+)\s*(?:[,;]?\s*(?:pp?\.?|pages?)\s*(?P<page>\d+)(?:\s*[-\u2013]\s*(?P<end>\d+))?)?\s*\]",
    re.IGNORECASE,
)
QUOTE_RE = re.compile(r"[\"\u201c](?P<quote>[^\"\u201c\u201d]{8,}?)[\"\u201d]")
MIN_QUOTE_WORDS = 3
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True)
class Citation:
    short_id: str
    document: str | None  # file name; None when the id is not in the case
    page: int | None
    bates: str | None
    quote: str | None
    verified: bool | None  # None: nothing quoted to check
    known: bool  # the document (and page, if given) exist in the case

    def as_json(self) -> dict:
        return {"id": self.short_id, "document": self.document, "page": self.page,
                "bates": self.bates, "quote": self.quote, "verified": self.verified,
                "known": self.known}


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # ligatures, full-width forms, non-breaking spaces
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00ad", "")
    return " ".join(text.split()).casefold()


def parse_citations(answer: str, context: CaseContext) -> list[Citation]:
    citations: list[Citation] = []
    quotes = [q for q in QUOTE_RE.finditer(answer) if len(q.group("quote").split()) >= MIN_QUOTE_WORDS]
    used_quotes: set[int] = set()
    for match in CITATION_RE.finditer(answer):
        quote = _quote_before(answer, match.start(), quotes, used_quotes)
        citations.append(_resolve(context, match, quote))
    for index, quote in enumerate(quotes):
        if index not in used_quotes:
            citations.append(_locate_uncited(context, quote.group("quote")))
    return citations


def _quote_before(answer: str, position: int, quotes, used: set[int]) -> str | None:
    for index in range(len(quotes) - 1, -1, -1):
        q = quotes[index]
        if q.end() <= position and index not in used:
            between = answer[q.end():position]
            if _SENTENCE_END.search(between):
                return None
            used.add(index)
            return q.group("quote")
    return None


def _resolve(context: CaseContext, match: re.Match, quote: str | None) -> Citation:
    short_id = match.group("doc").upper()
    page_no = int(match.group("page")) if match.group("page") else None
    document = context.document(short_id)
    if document is None:
        return Citation(short_id, None, page_no, None, quote, False if quote else None, known=False)
    page = document.page(page_no) if page_no is not None else None
    known = page_no is None or page is not None
    if quote is None:
        verified = None
    elif page is not None:
        verified = normalize(quote) in normalize(page.text)
    else:  # no page given: the quote must be somewhere in the document
        verified = any(normalize(quote) in normalize(p.text) for p in document.pages)
    return Citation(short_id, document.record.name, page_no, page.label if page else None,
                    quote, verified, known)


def _locate_uncited(context: CaseContext, quote: str) -> Citation:
    needle = normalize(quote)
    for document in context.documents:
        for page in document.pages:
            if needle in normalize(page.text):
                return Citation(document.short_id, document.record.name, page.number, page.label,
                                quote, True, known=True)
    return Citation("", None, None, None, quote, False, known=False)
