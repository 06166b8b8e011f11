"""Parse an answer's citations and check every quote against the cited page.

The instruction teaches the model ``[D3 p12]`` (also accepted: ``[D3, p. 12]``, ``[D3 page 12]``,
``[D3 pp. 4-5]``, ``[D3]``). Unknown documents or pages are kept and flagged, never dropped.
A quote is a span in double quotes; it belongs to the first citation after it in the same
sentence, and is checked against that page by ``quote_check``: verified only when its words are
the page's (formatting aside, and OCR's own misreadings on an OCR'd page), "differs" with the
difference named when the passage is there with another number, name, negation or word. A quote
that is not on the cited page but elsewhere in the set is reported with the page where it really
is (``found_on``). A quote with no citation is searched across the whole set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.answer.quote_check import (
    MIN_QUOTE_WORDS,
    CheckedPage,
    QuoteCheck,
    QuoteProbe,
    Verdict,
    check_page,
    check_quote,
)
from app.context import CaseContext, is_bates_label
from app.productions.bates import parse_bates, parse_bates_query
from app.transcripts.lines import MAX_LINES, cited_lines, line_span, transcript_of, words_of
from inference.quote_text import MIN_QUOTE_CHARACTERS
from storage.records import PageRecord

CITATION_RE = re.compile(
    r"\[\s*(?P<doc>D\d+)\s*(?:[,;]?\s*(?:pp?\.?|pages?)\s*(?P<page>\d+)(?:\s*[-\u2013]\s*(?P<end>\d+))?)?\s*\]",
    re.IGNORECASE,
)
# [ABC0001234] or [ABC0001234-ABC0001236] / [ABC0001234-36]: a page by its Bates number.
# Upper case and no space inside the number, so "[ISO 27001]" or "[Case No 12345]" is not one; and
# only a number of a Bates series the set really has counts as a citation (see ``_bates_matches``).
BATES_CITATION_RE = re.compile(
    r"\[\s*(?P<bates>[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*?[-_]?\d{4,}"
    r"(?:\s*(?:[-\u2013\u2014]|to|through)\s*(?:[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*?[-_]?)?\d{2,})?)\s*\]",
)
# [D4 45:12], [D4 45:12-20], [D4 45:12-46:3] (also "p. 45:12"): a transcript's page and lines.
LINES_CITATION_RE = re.compile(
    r"\[\s*(?P<tdoc>D\d+)\s*,?\s*(?:pp?\.?\s*)?(?P<tpage>\d+)\s*:\s*(?P<tline>\d+)"
    r"(?:\s*[-\u2013]\s*(?:(?P<tpage2>\d+)\s*:\s*)?(?P<tline2>\d+))?\s*\]", re.IGNORECASE)
_QUOTE_MARK = re.compile("[\"\u201c\u201d]")
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
    fuzzy: bool = False  # verified against OCR text, with OCR's misreadings allowed for
    found_on: str | None = None  # "D2 p7": where a quote that is not on the cited page really is
    document_id: int | None = None  # the vault's id of the cited document (the viewer opens it)
    span: tuple[int, int] | None = None  # where the citation is in the answer (it becomes a link there)
    check: str | None = None  # the quote's quote_check.Verdict (None: nothing quoted)
    difference: str | None = None  # for "differs": what the page says and what the quote says
    lines: str | None = None  # a transcript citation's "45:12-46:3" (its page is the stored page of 45)

    @property
    def verdict(self) -> str:
        """One phrase for people: what the quote check found ("" when nothing was quoted)."""
        return check_phrase(self.as_json())

    @property
    def page_words(self) -> str:
        """What to mark on the cited page: the page's own reading where the quote differs from it."""
        if self.check == Verdict.DIFFERS and self.difference and (
                said := re.match(r"the page says “(.*?)”", self.difference)):
            return said.group(1)
        return self.quote or ""

    @classmethod
    def from_json(cls, stored: dict) -> Citation:
        """A citation as stored with its message (answers stored before a field existed lack it)."""
        span = stored.get("span")
        return cls(short_id=stored.get("id") or "", document=stored.get("document"), page=stored.get("page"),
                   bates=stored.get("bates"), quote=stored.get("quote"), verified=stored.get("verified"),
                   known=bool(stored.get("known")), fuzzy=bool(stored.get("fuzzy")),
                   found_on=stored.get("found_on"), document_id=stored.get("document_id"),
                   span=(span[0], span[1]) if span else None, check=stored.get("check"),
                   difference=stored.get("difference"), lines=stored.get("lines"))

    def as_json(self) -> dict:
        return {"id": self.short_id, "document": self.document, "page": self.page,
                "bates": self.bates, "quote": self.quote, "verified": self.verified,
                "known": self.known, "fuzzy": self.fuzzy, "found_on": self.found_on,
                "document_id": self.document_id, "span": list(self.span) if self.span else None,
                "check": self.check, "difference": self.difference, "lines": self.lines}


PHRASES = {Verdict.EXACT: "verified (exact)", Verdict.FORMATTING: "verified (formatting only)",
           Verdict.OCR: "verified against OCR text", Verdict.NOT_FOUND: "quote NOT FOUND in the documents"}


def check_phrase(citation: dict) -> str:
    """What the quote check found, from a stored citation ("" when nothing was quoted). Answers
    stored before the verdicts existed keep the words they were checked with."""
    if citation.get("verified") is None:
        return ""
    check = citation.get("check")
    if check == Verdict.DIFFERS:
        return f"DIFFERS from the page: {citation.get('difference')}"
    if citation.get("found_on") and not citation["verified"]:
        where = "the cited lines" if citation.get("lines") else "this page"
        return f"quote NOT on {where} (it is on {citation['found_on']})"
    if check in PHRASES:
        return PHRASES[Verdict(check)]
    if citation["verified"]:
        return "verified (near match)" if citation.get("fuzzy") else "verified"
    return PHRASES[Verdict.NOT_FOUND]


class PreparedPages:
    """Prepared pages of one context, made on first use and kept for the rest of the answer (or of
    a task, whose rows are all checked against the same pages)."""

    def __init__(self, context: CaseContext) -> None:
        self.context = context
        self._prepared: dict[tuple[str, int], CheckedPage] = {}
        self._bates: dict[str, tuple[str, int]] | None = None
        self._series: set[str] = set()
        self._bates_numbers: list | None = None

    def by_bates(self, bates: str) -> tuple[str, int] | None:
        """(document id, page number) of the page with this Bates number, if it is in the set."""
        return self._bates_index()[0].get(bates.casefold())

    def in_bates_range(self, first, last):
        """(document id, page) of every page whose Bates number lies in first..last, in order."""
        for number, short_id, page in self._bates_pages():
            if number.same_series(first) and first.number <= number.number <= last.number:
                yield short_id, page

    def has_series(self, cited: str) -> bool:
        """Whether the set has Bates numbers of this one's series (its prefix)."""
        query = parse_bates_query(cited)
        return query is not None and query[0].prefix.casefold() in self._bates_index()[1]

    def _bates_pages(self) -> list:
        """(parsed Bates number, document id, page) of every Bates-labelled page, parsed once."""
        if self._bates_numbers is None:
            self._bates_numbers = [(parse_bates(p.label), d.short_id, p) for d in self.context.documents
                                   for p in d.pages if is_bates_label(p.label)]
        return self._bates_numbers

    def _bates_index(self) -> tuple[dict[str, tuple[str, int]], set[str]]:
        if self._bates is None:
            pages = self._bates_pages()
            self._bates = {page.label.casefold(): (short_id, page.number) for _, short_id, page in pages}
            self._series = {number.prefix.casefold() for number, _, _ in pages}
        return self._bates, self._series

    def get(self, short_id: str, page: PageRecord) -> CheckedPage:
        key = (short_id, page.number)
        if key not in self._prepared:
            document = self.context.document(short_id)
            text = page.text
            if document is not None and document.record.metadata.get("transcript"):
                text = words_of(page.text)  # a quote runs across lines: not across their numbers
            self._prepared[key] = check_page(text, ocr=page.ocr)
        return self._prepared[key]

    def walk(self):
        """(document id, page, prepared page) for every page of the context, in order."""
        for document in self.context.documents:
            for page in document.pages:
                yield document.short_id, page, self.get(document.short_id, page)

    def find(self, quote: str, first: str | None = None) -> tuple[str, int] | None:
        """Where ``quote`` is: (document id, page), looking in document ``first`` before the rest."""
        probe = QuoteProbe(quote)
        preferred = self.context.document(first) if first else None
        if preferred is not None:
            for page in preferred.pages:
                if probe.on(self.get(preferred.short_id, page)):
                    return preferred.short_id, page.number
        for short_id, page, prepared in self.walk():
            if short_id != first and probe.on(prepared):
                return short_id, page.number
        return None


def citation_matches(text: str, pages: PreparedPages) -> list[re.Match]:
    """Every citation in the text, ``[D3 p2]`` and ``[ABC0001234]`` alike, in reading order. A
    bracket that only looks like a Bates number, in a series the set does not have, is left as
    text; where one bracket reads both ways ("[D000123]"), a Bates number the set has wins."""
    ids = [*CITATION_RE.finditer(text), *LINES_CITATION_RE.finditer(text)]
    bates = [m for m in BATES_CITATION_RE.finditer(text) if pages.has_series(m.group("bates"))]
    resolved = [m for m in bates if pages.by_bates(_first_number(m.group("bates")))]
    ids = [m for m in ids if not any(_overlap(m, b) for b in resolved)]
    bates = [m for m in bates if m in resolved or not any(_overlap(m, i) for i in ids)]
    return sorted([*ids, *bates], key=lambda m: m.start())


def _overlap(a: re.Match, b: re.Match) -> bool:
    return a.start() < b.end() and b.start() < a.end()


def _first_number(cited: str) -> str:
    query = parse_bates_query(cited)
    return query[0].text if query else cited.strip()


def parse_citations(answer: str, context: CaseContext, pages: PreparedPages | None = None) -> list[Citation]:
    citations: list[Citation] = []
    pages = pages or PreparedPages(context)
    quotes = [q for q in quotations(answer) if len(q.quote.split()) >= MIN_QUOTE_WORDS]
    used_quotes: set[int] = set()
    for match in citation_matches(answer, pages):
        quote = _quote_before(answer, match.start(), quotes, used_quotes)
        if "bates" in match.groupdict():
            citation = _resolve_bates(pages, match.group("bates"), quote)
        elif "tdoc" in match.groupdict():
            citation = resolve_lines(pages, match, quote)
        else:
            page_no = int(match.group("page")) if match.group("page") else None
            last = int(match.group("end")) if match.group("end") else page_no  # [D3 pp. 4-5]
            citation = _resolve(pages, match.group("doc").upper(), page_no, last, quote)
        citations.append(replace(citation, span=(match.start(), match.end())))
    for index, quote in enumerate(quotes):
        if index not in used_quotes:
            citations.append(_locate_uncited(pages, quote.quote))
    return citations


@dataclass(frozen=True)
class Quotation:
    start: int  # the opening mark
    end: int  # just after the closing mark
    quote: str


def quotations(answer: str) -> list[Quotation]:
    """The answer's quotations, its marks paired in order: " or “ opens, any mark closes (so a
    short quoted term, "D3", is one quotation, not the opening of the text after it). Those of at
    least ``MIN_QUOTE_CHARACTERS`` characters."""
    found, opened = [], None
    for mark in _QUOTE_MARK.finditer(answer):
        if opened is None:
            if mark.group() != "\u201d":
                opened = mark
            continue
        body = answer[opened.end():mark.start()]
        if len(body) >= MIN_QUOTE_CHARACTERS:
            found.append(Quotation(opened.start(), mark.end(), body))
        opened = None
    return found


def _quote_before(answer: str, position: int, quotes, used: set[int]) -> str | None:
    for index in range(len(quotes) - 1, -1, -1):
        q = quotes[index]
        if q.end <= position and index not in used:
            between = answer[q.end:position]
            if _SENTENCE_END.search(between):
                return None
            used.add(index)
            return q.quote
    return None


def _resolve_bates(pages: PreparedPages, cited: str, quote: str | None) -> Citation:
    """A Bates citation is the page that carries that number; a range, the pages of the first
    one's document up to the last number."""
    query = parse_bates_query(cited)
    first = pages.by_bates(query[0].text) if query else None
    if first is None:
        shown = query[0].text if query else cited.strip()
        return Citation(shown, None, None, shown, quote, False if quote else None, known=False)
    last = pages.by_bates(query[1].text)
    end = last[1] if last and last[0] == first[0] else None
    document = pages.context.document(first[0])
    if end is None and query[1].number > query[0].number:  # the range runs past this document
        end = document.pages[-1].number
        if quote is not None:  # an e-mail and its attachment cited as one range: a quote may be in either
            for short_id, page in pages.in_bates_range(query[0], query[1]):
                if short_id != first[0] and check_quote(quote, pages.get(short_id, page)).verified:
                    return _resolve(pages, short_id, page.number, page.number, quote)
    return _resolve(pages, first[0], first[1], end or first[1], quote)


def _resolve(pages: PreparedPages, short_id: str, page_no: int | None, last: int | None,
             quote: str | None) -> Citation:
    context = pages.context
    document = context.document(short_id)
    if document is None:
        return Citation(short_id, None, page_no, None, quote, False if quote else None, known=False)
    page = document.page(page_no) if page_no is not None else None
    known = page_no is None or page is not None
    cited = [p for p in document.pages if page_no is not None and page_no <= p.number <= (last or 0)]
    checked, found_on = None, None
    if quote is not None:
        candidates = cited if page_no is not None else list(document.pages)
        checked = best_check([check_quote(quote, pages.get(short_id, p)) for p in candidates])
        if not checked.verified and checked.verdict != Verdict.DIFFERS and (elsewhere := pages.find(quote)):
            found_on = f"{elsewhere[0]} p{elsewhere[1]}"
            checked = QuoteCheck(Verdict.ELSEWHERE)
    return Citation(short_id, document.record.name, page_no, page.label if page else None, quote,
                    None if checked is None else checked.verified, known,
                    checked is not None and checked.verdict == Verdict.OCR, found_on, document.record.id,
                    check=None if checked is None else str(checked.verdict),
                    difference=None if checked is None else checked.difference)


def best_check(checks: list[QuoteCheck]) -> QuoteCheck:
    """Over the cited pages: the best verdict (a quote across pp. 4-5 is on one of them)."""
    order = list(Verdict)
    return min(checks, key=lambda c: order.index(c.verdict), default=QuoteCheck(Verdict.NOT_FOUND))


def _locate_uncited(pages: PreparedPages, quote: str) -> Citation:
    where = pages.find(quote)
    if where is None:
        return Citation("", None, None, None, quote, False, known=False, check=str(Verdict.NOT_FOUND))
    document = pages.context.document(where[0])
    page = document.page(where[1])
    checked = check_quote(quote, pages.get(document.short_id, page))
    return Citation(document.short_id, document.record.name, page.number, page.label, quote, True,
                    known=True, fuzzy=checked.verdict == Verdict.OCR, document_id=document.record.id,
                    check=str(checked.verdict))


def resolve_lines(pages: PreparedPages, match: re.Match, quote: str | None) -> Citation:
    """[D4 45:12-46:3]: the stored pages of transcript pages 45 and 46, and a quote checked against
    exactly lines 45:12 through 46:3 (a quote that is elsewhere in the transcript says where)."""
    short_id = match.group("tdoc").upper()
    first_page, first_line = int(match.group("tpage")), int(match.group("tline"))
    last_page = int(match.group("tpage2") or first_page)
    last_line = int(match.group("tline2") or first_line)
    lines = line_span(first_page, first_line, last_page, last_line)
    document = pages.context.document(short_id)
    if document is None or not document.record.metadata.get("transcript"):
        name = document.record.name if document else None
        return Citation(short_id, name, None, None, quote, False if quote else None, known=False,
                        document_id=document.record.id if document else None, lines=lines)
    transcript = transcript_of(document.pages)
    first = next((p for p in document.pages if p.label == str(first_page)), None)
    known = first is not None and bool(cited_lines(transcript, first_page, first_line, last_page, last_line))
    checked, found_on = None, None
    if quote is not None:
        cited = cited_lines(transcript, first_page, first_line, last_page, last_line)
        checked = check_quote(quote, check_page(cited))
        settled = checked.verified or checked.verdict == Verdict.DIFFERS
        if not settled and (where := _line_of(pages, quote, short_id)):
            found_on, checked = where, QuoteCheck(Verdict.ELSEWHERE)
    return Citation(short_id, document.record.name, first.number if first else None, None, quote,
                    None if checked is None else checked.verified, known, False, found_on, document.record.id,
                    check=None if checked is None else str(checked.verdict),
                    difference=None if checked is None else checked.difference, lines=lines)


def _line_of(pages: PreparedPages, quote: str, cited: str) -> str | None:
    """Where a quote is — in the cited transcript first: "D4 45:20" in a transcript, "D2 p7" elsewhere."""
    where = pages.find(quote, first=cited)
    if where is None:
        return None
    document = pages.context.document(where[0])
    page = document.page(where[1])
    if not document.record.metadata.get("transcript") or not page.label:
        return f"{where[0]} p{where[1]}"
    (transcript_page,) = transcript_of([page])
    def from_line(number: int) -> str:
        return "\n".join(transcript_page.between(number, MAX_LINES))

    starts = [number for number, _ in transcript_page.lines  # the last line the quote can start on
              if check_quote(quote, check_page(from_line(number))).verified]
    return f"{where[0]} {page.label}:{starts[-1]}" if starts else f"{where[0]} {page.label}"
