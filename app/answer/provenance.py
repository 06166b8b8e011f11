"""Where an answer's figures appear, when the model did not say.

Small models often answer correctly without citing. Rather than show such an answer as if it
were sourced, or bare, Casefile looks up the answer's distinctive terms — amounts, dates,
numbers, identifiers — in the set and lists the pages that contain them, labelled as found by
Casefile, not cited by the model. A term found on more than a few pages is too common to point
anywhere and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.answer.quote_check import normalize
from app.context import CaseContext

MAX_PAGES_PER_TERM = 3
MAX_TERMS = 8
_TERMS = [
    re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d+)?"),  # amounts
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"),  # numeric dates
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
               r"December)\s+\d{1,2},?\s+\d{4}\b"),  # written dates
    re.compile(r"\b[A-Z]{1,5}-?\d{3,}\b|\b\d+(?:[.,]\d+)+\b|\b\d{3,}\b"),  # ids, decimals, long numbers
    re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|g|ml|mL|%|percent)\b"),  # doses, rates
]


@dataclass(frozen=True)
class Located:
    term: str
    short_id: str
    page: int
    document: str
    document_id: int

    def as_json(self) -> dict:
        return self.__dict__.copy()

    @classmethod
    def from_json(cls, stored: dict) -> Located:
        return cls(**{name: stored[name] for name in ("term", "short_id", "page", "document", "document_id")})


def terms_in(answer: str, question: str = "") -> list[str]:
    """Distinctive terms of the answer, in order, that the question did not already contain."""
    asked = normalize(question)
    found: list[tuple[int, str]] = []
    for pattern in _TERMS:
        found.extend((m.start(), m.group().strip()) for m in pattern.finditer(answer))
    terms: list[str] = []
    for _, _, term in sorted((start, -len(term), term) for start, term in found):  # "250 mg" before "250"
        key = normalize(term)
        if key not in asked and not any(key in normalize(t) for t in terms):
            terms.append(term)
    return terms[:MAX_TERMS]


def locate(answer: str, context: CaseContext, question: str = "") -> list[Located]:
    located: list[Located] = []
    pages = [(d, p, normalize(p.text)) for d in context.documents for p in d.pages]
    for term in terms_in(answer, question):
        needle = normalize(term)
        hits = [(d, p) for d, p, text in pages if needle in text]
        if 0 < len(hits) <= MAX_PAGES_PER_TERM:
            located.extend(Located(term, d.short_id, p.number, d.record.name, d.record.id) for d, p in hits)
    return located


def not_on_cited_pages(answer: str, citations: list, context: CaseContext, question: str = "") -> list[str]:
    """The answer's amounts, dates, doses and identifiers that none of its cited pages (quoted or
    not) holds; with nothing cited, those that no page of the set holds. A figure the model wrote
    from nowhere is shown as such, beside the answer."""
    cited: set[tuple[str, int | None]] = {(c.short_id, c.page) for c in citations if c.known and c.short_id}
    if cited:
        pages = [p for d in context.documents for p in d.pages
                 if (d.short_id, p.number) in cited or (d.short_id, None) in cited]
    else:
        pages = [p for d in context.documents for p in d.pages]
    texts = [normalize(p.text) for p in pages]
    return [term for term in terms_in(answer, question) if not any(normalize(term) in t for t in texts)]
