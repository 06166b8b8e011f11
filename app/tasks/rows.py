"""Turn a task's model output into table rows, each with its citations and what was checked.

The model is asked for "cell | cell | [D1 p2]" lines; it does not always comply, so the parser
is forgiving (bullets, numbering, Markdown tables, a missing cell) and never drops a row that has
content: a row it cannot tie to a page is kept and marked "no citation". Each row is checked cell
by cell (``app.tasks.cells``): every checkable cell — a date, a name, a drug, each number with its
unit and each frequency in a dose — must be on a cited page, and any quote in it must be on its
page. The check, and which cells were found, is stored with the row and shown in every view and
export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.answer.citations import (
    BATES_CITATION_RE,
    CITATION_RE,
    LINES_CITATION_RE,
    MIN_QUOTE_WORDS,
    Citation,
    PreparedPages,
    parse_citations,
)
from app.answer.quote_check import contains
from app.context import CaseContext, ContextDocument
from app.tasks.cells import DOSE, FOUND, MISSING, VALUE, Fact, check_cells, fact_on, facts_of
from app.tasks.dates import dates_in, first_date_text, parse_date
from app.tasks.templates import TaskTemplate
from storage.records import PageRecord

VERIFIED, CITED, UNCITED, NOT_ON_PAGE, UNKNOWN_SOURCE = (
    "verified", "cited", "uncited", "not_on_page", "unknown_source")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")
_SEPARATOR = re.compile(r"^[\s|:\-_=*]+$")
_PROMPT_ECHO = re.compile(r"^(?:task|question)\s*:", re.IGNORECASE)
_TAG = re.compile(r"</?[a-z][\w-]*>", re.IGNORECASE)
# The context's own markers, echoed back by a model that copies its input: never part of a row.
_OUR_MARKUP = re.compile(r"(?:<|&lt;)/?(?:document|page|chat_history)\b[^>\n]*>?", re.IGNORECASE)
_NONE_FOUND = re.compile(r"^(?:none|no (?:inconsistencies|contradictions)|n/a)\b", re.IGNORECASE)


@dataclass(frozen=True)
class TaskRow:
    fields: dict[str, str]
    citations: list[Citation]
    check: str  # verified | cited | uncited | not_on_page | unknown_source
    note: str  # the check in words, for people
    cells: dict[str, str] = field(default_factory=dict)  # checkable column: found | not on the cited page

    def as_json(self) -> dict:
        return {"fields": self.fields, "citations": [c.as_json() for c in self.citations],
                "check": self.check, "note": self.note, "cells": self.cells}


def parse_rows(output: str, template: TaskTemplate, context: CaseContext,
               document: ContextDocument | None = None, checker: RowChecker | None = None) -> list[TaskRow]:
    """``checker``: pass the task's own, so its pages are prepared once for all its outputs."""
    checker = checker or RowChecker(template, context)
    if template.per_document and document is not None:
        return [_summary_row(output, template, document, checker)]
    titles = {w for c in template.columns for w in (c.key, c.title.casefold())} | {"source", "citation"}
    titles |= {cell.strip().casefold() for cell in template.line_format.split("|")}
    rows = []
    for raw in clean_output(output).splitlines():
        line = _BULLET.sub("", raw).strip()
        if not line or _SEPARATOR.match(line) or _NONE_FOUND.match(line) or _PROMPT_ECHO.match(line):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(strip_citations(c).casefold() in titles or not strip_citations(c) for c in cells):
            continue  # a header row, or the prompt's own example echoed back
        values = [v for v in (strip_citations(c) for c in cells) if v]
        if not values:
            continue
        if len(values) == 1 and len(template.columns) > 1:
            values = _split_single(values[0], template.sort_by_date)
        keys = [c.key for c in template.columns]
        if len(values) > len(keys):
            values = values[:len(keys) - 1] + [" | ".join(values[len(keys) - 1:])]
        fields = dict.fromkeys(keys, "") | dict(zip(keys, values, strict=False))
        if template.sort_by_date and parse_date(fields[keys[0]]) is None:
            continue  # not an event: a chronology row needs a date (the raw output keeps the line)
        rows.append(checker.check(fields, checker.citations(line)))
    return rows


def clean_output(output: str) -> str:
    return _TAG.sub(" ", _OUR_MARKUP.sub(" ", output))


def strip_citations(text: str) -> str:
    for pattern in (CITATION_RE, LINES_CITATION_RE, BATES_CITATION_RE):
        text = pattern.sub(" ", text)
    text = " ".join(text.split())
    return re.sub(r"\s+([.,;:])", r"\1", text).strip(" -–—:;,")


def _split_single(text: str, dated: bool) -> list[str]:
    """A line without "|": "March 4, 2021: contract signed" or "Aspirin - 81 mg daily"; for a
    chronology, an event sentence with a date somewhere in it."""
    match = re.match(r"^(.{2,60}?)(?::\s|\s[-\u2013\u2014]\s)(.+)$", text)
    if match and (not dated or parse_date(match.group(1))):
        return [match.group(1).strip(), match.group(2).strip()]
    if dated and (date := first_date_text(text)):
        return [date, text]
    return [text]


def _summary_row(output: str, template: TaskTemplate, document: ContextDocument,
                 checker: RowChecker) -> TaskRow:
    label = f"{document.short_id} {document.record.name}" + (f" ({document.part})" if document.part else "")
    output = clean_output(output)
    fields = {template.columns[0].key: label, template.columns[1].key: strip_citations(output)}
    return checker.check(fields, checker.citations(output))


class RowChecker:
    """Checks the rows of one task against one context: each page is prepared (normalised, split
    into words, its dates read) once for all the rows, not once per row."""

    def __init__(self, template: TaskTemplate, context: CaseContext) -> None:
        self.template, self.context = template, context
        self.pages = PreparedPages(context)
        self._dates: dict[tuple[str, int], set] = {}

    def citations(self, text: str) -> list[Citation]:
        return parse_citations(text, self.context, self.pages)

    def on_page(self, anchor: str, short_id: str, page: PageRecord) -> bool:
        if self.template.sort_by_date and (key := parse_date(anchor)) is not None \
                and key in self._page_dates(short_id, page):
            return True
        return contains(anchor, self.pages.get(short_id, page))

    def anchor_pages(self, anchor: str, limit: int = 3) -> list[str]:
        """Where the anchor appears, if on only a few pages (a term on many pages points nowhere)."""
        found = [f"{sid} p{page.number}" for sid, page, _ in self.pages.walk()
                 if self.on_page(anchor, sid, page)]
        return found if len(found) <= limit else []

    def find_exact(self, text: str) -> str | None:
        return next((f"{sid} p{page.number}" for sid, page, prepared in self.pages.walk()
                     if contains(text, prepared)), None)

    def cited_pages(self, citations: list[Citation]):
        for citation in citations:
            document = self.context.document(citation.short_id)
            if document is None:
                continue
            if citation.page is None:
                yield from ((document.short_id, page) for page in document.pages)
            elif (page := document.page(citation.page)) is not None:
                yield document.short_id, page

    def check(self, fields: dict[str, str], citations: list[Citation]) -> TaskRow:
        """What could be checked about one row, as a state and a phrase."""
        template = self.template

        def row(check: str, note: str) -> TaskRow:
            return TaskRow(fields, citations, check, note)

        anchor = fields.get(template.anchor or "", "").strip()
        if not citations:
            longest = max(fields.values(), key=len, default="")
            if len(longest.split()) >= MIN_QUOTE_WORDS and (where := self.find_exact(longest)):
                return row(UNCITED, f"no citation (the text is on {where})")
            if anchor and (pages := self.anchor_pages(anchor)):
                return row(UNCITED, f"no citation (the {_title(template)} appears on {', '.join(pages)})")
            return row(UNCITED, "no citation: not checked against the documents")
        unknown = [c for c in citations if not c.known and c.short_id]  # (a bare quote is checked below)
        if unknown:
            where = ", ".join(f"{c.short_id} p{c.page}" if c.page else c.short_id for c in unknown)
            return row(UNKNOWN_SOURCE, f"cites {where}, which is not in this case")
        wrong = [c for c in citations if c.verified is False]
        if wrong:
            return row(NOT_ON_PAGE, wrong[0].verdict)
        facts = [f for column in template.columns
                 for f in facts_of(column.key, column.check, fields[column.key])]
        if not facts:
            quoted = any(c.verified for c in citations)
            return row(VERIFIED if quoted else CITED,
                       "quote found on the cited page" if quoted else "cited; nothing in the row to check")
        cited = [(self.pages.get(sid, page), self._page_dates(sid, page))
                 for sid, page in self.cited_pages(citations)]
        cells = check_cells(facts, cited, frozenset(c.key for c in template.columns if c.check == DOSE))
        missing = [c for c in template.columns if cells.get(c.key) == MISSING]
        if not missing:
            found = [c.title.lower() for c in template.columns if cells.get(c.key) == FOUND]
            return TaskRow(fields, citations, VERIFIED, f"found on the cited page: {'; '.join(found)}", cells)
        first = missing[0]
        lost = [f for f in facts if f.column == first.key and not any(fact_on(f, *page) for page in cited)]
        if not lost:  # each part is there, but not together (two medicines' doses pieced into one)
            note = f"not together on the cited page: {first.title.lower()} “{fields[first.key]}”"
            return TaskRow(fields, citations, NOT_ON_PAGE, note, cells)
        note = f"not on the cited page: {'; '.join(c.title.lower() for c in missing)}"
        if first.check != VALUE and len(lost) == 1 and lost[0].text.strip() != fields[first.key].strip():
            note = f"not on the cited page: {first.title.lower()} “{lost[0].text}”"
        return TaskRow(fields, citations, NOT_ON_PAGE, note + self._elsewhere(lost[0]), cells)

    def _page_dates(self, short_id: str, page: PageRecord) -> set:
        where = (short_id, page.number)
        if where not in self._dates:
            self._dates[where] = dates_in(page.text)
        return self._dates[where]

    def _elsewhere(self, fact: Fact) -> str:
        for sid, page, prepared in self.pages.walk():
            if fact_on(fact, prepared, self._page_dates(sid, page)):
                return f" (it is on {sid} p{page.number})"
        return " (nor anywhere in the documents)"


def _title(template: TaskTemplate) -> str:
    return next(c.title for c in template.columns if c.key == template.anchor).lower()
