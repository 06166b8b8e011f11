"""One review cell: the prompt that asks it, the answer read from the model's text, and its check.

The check is what the grid shows beside the value. Its rule: a ✓ (``verified``) only when the
value itself was found on the cited page — the same date, the same amount, the answer's words —
or a quote in it was; ``differs`` when the cited page holds a value of the same kind that is not
this one (another date, another amount, a quote whose numbers changed): that is where a model's
slip hides, so it is never shown as a ✓. A judgement (yes/no, a choice, a paraphrase) that
cites a real page is ``cited``: the page is there to read, nothing was proven.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.answer.citations import Citation, PreparedPages, parse_citations
from app.answer.quote_check import contains
from app.context import CaseContext, ContextDocument
from app.reviews.columns import NOT_STATED, ReviewColumn
from app.tasks.dates import dates_in, first_date_text, parse_date
from app.tasks.rows import clean_output, strip_citations

VERIFIED, DIFFERS, NOT_ON_PAGE, UNKNOWN_SOURCE = "verified", "differs", "not_on_page", "unknown_source"
CITED, UNCITED, EMPTY, EDITED, FAILED = "cited", "uncited", "not_stated", "edited", "failed"
MARKS = {VERIFIED: "✓", DIFFERS: "≠", NOT_ON_PAGE: "✗", UNKNOWN_SOURCE: "✗", CITED: "·", UNCITED: "?",
         EMPTY: "–", EDITED: "✎", FAILED: "!"}
GOOD_CHECKS, BAD_CHECKS = (VERIFIED,), (DIFFERS, NOT_ON_PAGE, UNKNOWN_SOURCE, UNCITED, FAILED)

_NOT_STATED = re.compile(r"^(?:not stated|not found|not given|not specified|not mentioned|unknown"
                         r"|none|n/?a|the (?:document|documents|record|records) (?:does|do) not "
                         r"(?:say|state|mention))\b",
                         re.IGNORECASE)
_ANSWER_PREFIX = re.compile(r"^\s*(?:answer|a)\s*:\s*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
_YES_NO = re.compile(r"^(yes|no)\b[\s,.:;\-\u2013\u2014]*(.*)$", re.IGNORECASE | re.DOTALL)
_CURRENCY = {"$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR",
             "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP"}
_AMOUNT = re.compile(r"(?P<pre>[$€£]|\b(?:USD|EUR|GBP)\b)?\s?"
                     r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                     r"(?:\s?(?P<post>USD|EUR|GBP|dollars?|euros?|pounds)\b)?", re.IGNORECASE)


@dataclass(frozen=True)
class CellAnswer:
    value: str
    detail: str  # a yes/no's reason; a date's or an amount's normal form
    citations: list[Citation]
    check: str
    note: str

    def citations_json(self) -> list[dict]:
        return [c.as_json() for c in self.citations]


def cell_prompt(column: ReviewColumn, documents: list[ContextDocument]) -> str:
    """The question for one cell, after the documents (so the documents stay the kept prefix)."""
    ids = ", ".join(d.short_id for d in documents)
    names = "; ".join(f"{d.short_id} “{d.record.name}”" for d in documents)
    about = f"document {names}" if len(documents) == 1 else f"documents {names} (one family)"
    first = documents[0].short_id
    return (f"About {about} only: {column.question}\n"
            f"{column.answer_shape()}, and end with the page that says it in square brackets, like "
            f"[{first} p1]. If {ids} {'does' if len(documents) == 1 else 'do'} not say, reply only: "
            f"{NOT_STATED}")


# ----- reading the answer ----------------------------------------------------------------------
def _lines(output: str) -> list[str]:
    lines = []
    for raw in clean_output(output).splitlines():
        line = _ANSWER_PREFIX.sub("", _BULLET.sub("", raw)).strip()
        if line and not re.match(r"^(?:about|question)\b.*:", line, re.IGNORECASE):
            lines.append(line)
    return lines


def _amounts(text: str):
    """(value, currency or "") of each amount in ``text``, in order."""
    for match in _AMOUNT.finditer(text):
        try:
            value = Decimal(match.group("number").replace(",", ""))
        except InvalidOperation:
            continue
        yield value, _CURRENCY.get((match.group("pre") or match.group("post") or "").lower(), "")


def amount_key(text: str) -> tuple[Decimal, str] | None:
    return next(_amounts(text), None)


def amounts_in(text: str) -> set[tuple[Decimal, str]]:
    """Each amount with its currency and without (an answer may leave the currency out)."""
    return {key for value, currency in _amounts(text) for key in ((value, currency), (value, ""))}


def read_value(column: ReviewColumn, output: str) -> tuple[str, str, str]:
    """(value, detail, problem): the answer in the column's shape; ``problem`` says why it is not
    in that shape ("" when it is). ``value`` is "" when the model found no answer."""
    lines = _lines(output)
    first = strip_citations(lines[0]) if lines else ""
    if not first or _NOT_STATED.match(first):
        return "", "", ""
    kind = column.type
    if kind == "yesno":
        match = _YES_NO.match(first)
        if not match:
            return first, "", "not a yes/no answer"
        return match.group(1).capitalize(), match.group(2).strip(), ""
    if kind == "choice":
        folded = first.casefold()
        hits = [c for c in sorted(column.choices, key=len, reverse=True) if c.casefold() in folded]
        return (hits[0], "", "") if hits else (first, "", "not one of the choices")
    if kind == "date":
        written = first_date_text(first)
        key = parse_date(written or first)
        if key is None:
            return first, "", "no date in the answer"
        return written or first, "-".join(f"{part:02d}" for part in key if part is not None), ""
    if kind == "amount":
        key = amount_key(first)
        if key is None:
            return first, "", "no amount in the answer"
        return first, f"{key[0]} {key[1]}".strip(), ""
    if kind == "list":
        items = [strip_citations(item).strip(" .") for line in lines for item in line.split(";")]
        items = [i for i in items if i and not _NOT_STATED.match(i)]
        return "; ".join(dict.fromkeys(items)), "", ""
    return first, "", ""


# ----- checking it -------------------------------------------------------------------------------
class CellChecker:
    """Checks cells against one context (a row's documents, or the whole case); pages are
    prepared once for all the cells that read the same context."""

    def __init__(self, context: CaseContext) -> None:
        self.context = context
        self.pages = PreparedPages(context)

    def answer(self, column: ReviewColumn, output: str) -> CellAnswer:
        value, detail, problem = read_value(column, output)
        citations = parse_citations(clean_output(output), self.context, self.pages)
        check, note = self.check(column, value, citations)
        if problem and check in (VERIFIED, CITED):
            check, note = CITED, note if problem in note else f"{problem}; {note}"
        return CellAnswer(value, detail, citations, check, note)

    def _cited_pages(self, citations: list[Citation]):
        for citation in citations:
            document = self.context.document(citation.short_id)
            if document is None:
                continue
            pages = document.pages if citation.page is None else [p for p in document.pages
                                                                  if p.number == citation.page]
            for page in pages:
                yield document.short_id, page

    def _where(self, found) -> str:
        places = [f"{sid} p{page.number}" for sid, page, prepared in self.pages.walk()
                  if found(page, prepared)]
        return f" (it is on {', '.join(places[:3])})" if 0 < len(places) <= 3 else ""

    def check(self, column: ReviewColumn, value: str, citations: list[Citation]) -> tuple[str, str]:
        if not value:
            return EMPTY, "the model found no answer in what it read"
        if not citations:
            return UNCITED, f"no citation{self._located(column, value)}: not checked against a cited page"
        unknown = [c for c in citations if not c.known]
        if unknown:
            where = ", ".join(f"{c.short_id} p{c.page}" if c.page else (c.short_id or "?") for c in unknown)
            return UNKNOWN_SOURCE, f"cites {where}, which is not in what was read"
        for citation in citations:
            if citation.check == "differs":  # the passage is on the page, with another word or number
                return DIFFERS, citation.verdict
            if citation.verified is False:
                return NOT_ON_PAGE, citation.verdict
        cited = list(self._cited_pages(citations))
        if column.type in ("date", "amount"):
            return self._check_value(column.type, value, cited)
        if any(c.verified for c in citations):
            return VERIFIED, "quote found on the cited page"
        if column.type in ("text", "list") and self._words_on(value, cited):
            return VERIFIED, "the answer's words are on the cited page"
        if column.type in ("yesno", "choice"):
            return CITED, "a judgement: read the cited page"
        return CITED, "cited; not word for word on the page: read it against the page"

    def _located(self, column: ReviewColumn, value: str) -> str:
        """Where an uncited value appears, if on a few pages only: a lead for the reader, not a ✓."""
        if column.type == "date" and (key := parse_date(value)) is not None:
            return self._where(lambda page, _prepared: key in dates_in(page.text))
        if column.type == "amount" and (key := amount_key(value)) is not None:
            return self._where(lambda page, _prepared: key in amounts_in(page.text))
        if column.type == "text" and len(value) >= 4:
            return self._where(lambda _page, prepared: contains(value, prepared))
        return ""

    def _check_value(self, kind: str, value: str, cited) -> tuple[str, str]:
        if kind == "date":
            key, read, label = parse_date(value), dates_in, "date"
        else:
            key, read, label = amount_key(value), amounts_in, "amount"
        if key is None:
            return CITED, f"no {label} in the answer"
        on_pages = [read(page.text) for _, page in cited]
        if any(key in found for found in on_pages):
            return VERIFIED, f"{label} found on the cited page"
        where = self._where(lambda page, _prepared: key in read(page.text))
        if any(on_pages):
            return DIFFERS, f"the cited page gives another {label}{where}"
        return NOT_ON_PAGE, f"{label} not on the cited page{where or ' (nor anywhere in what was read)'}"

    def _words_on(self, value: str, cited) -> bool:
        items = [i for i in value.split("; ") if i] if "; " in value else [value]
        prepared = [self.pages.get(sid, page) for sid, page in cited]
        return all(any(contains(item, page) for page in prepared) for item in items)
