"""A search over every page of a case, inside the vault: the pages that match, best first, each
with a passage that marks the hits, and how many pages and documents match in all.

The words go to the FTS5 index (``storage.search_repository``); the fields of documents'
metadata are checked here, in Python, because load files write dates every which way
(``app.search.fields``); bates: goes through the Bates index. Documents are named by the short
ids ``plan`` and citations use (D1, D2, ... in the case's reading order).

A search reads case data, so it is audited (``search.run``) in the same transaction as the read,
with counts only: the words searched for can name a patient or a client, and the audit log goes
to auditors.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from app.context import is_bates_label, order_documents
from app.errors import UserFacingError
from app.search.fields import FieldFilter, document_passes
from app.search.query import parse_query
from storage import search_repository as search_repo
from storage.records import CaseRecord, DocumentRecord, PageSearchRecord
from storage.vault import Vault

DEFAULT_LIMIT = 200
MAX_LIMIT = 10_000
SNIPPET_TOKENS = 25  # about twelve words either side of the hit
# Hit markers as storage writes them; parsed into pieces at once and never shown as such.
_OPEN, _CLOSE = "\x02", "\x03"
_HIT = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.DOTALL)

Snippet = tuple[tuple[str, bool], ...]  # (text, is a hit) pieces, in order


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    short_id: str  # "D12", as plan and citations name the document
    document: str  # its name (shown through app.safe_text.shown: it comes from outside)
    page: int
    label: str | None
    bates: str | None  # the label, when it is a Bates number
    rank: float | None  # bm25: lower is better; None when no words were searched
    snippet: Snippet

    def marked(self, before: str = "[[", after: str = "]]", escape=str) -> str:
        """The passage with each hit between ``before`` and ``after``; ``escape`` is applied to
        the page's text only (``shown`` for a terminal), never to the markers."""
        return "".join(f"{before}{escape(text)}{after}" if hit else escape(text)
                       for text, hit in self.snippet)

    def as_json(self) -> dict:
        return {"document": self.short_id, "document_id": self.document_id, "name": self.document,
                "page": self.page, "label": self.label, "bates": self.bates, "rank": self.rank,
                "snippet": self.marked()}


@dataclass(frozen=True)
class DocumentHits:
    document_id: int
    short_id: str
    document: str
    pages: tuple[int, ...]  # its shown pages, best first
    best_rank: float | None


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]  # at most ``limit``, best first
    pages: int  # pages that match in all, shown or not
    documents: int  # documents those pages are in
    highlight: tuple[str, ...]  # words and phrases to mark on an opened page (load_page's mark)
    ms: int
    limit: int
    document_ids: tuple[int, ...] = ()  # every matching document (vault ids), when asked for

    @property
    def truncated(self) -> bool:
        return len(self.hits) < self.pages

    def by_document(self) -> list[DocumentHits]:
        """The shown pages grouped by document, documents in the order of their best page."""
        grouped: dict[int, list[SearchHit]] = {}
        for hit in self.hits:
            grouped.setdefault(hit.document_id, []).append(hit)
        return [DocumentHits(first.document_id, first.short_id, first.document,
                             tuple(h.page for h in hits), first.rank)
                for hits in grouped.values() for first in hits[:1]]

    def as_json(self) -> dict:
        return {"query": self.query, "pages": self.pages, "documents": self.documents,
                "shown": len(self.hits), "limit": self.limit, "ms": self.ms,
                "highlight": list(self.highlight), "hits": [hit.as_json() for hit in self.hits]}


def search(vault: Vault, case: CaseRecord, query: str, *, limit: int = DEFAULT_LIMIT,
           document_ids: list[int] | None = None, all_documents: bool = False) -> SearchResult:
    """Search every page of ``case`` (or of ``document_ids`` only, vault ids) for ``query``;
    ``all_documents``: also list every matching document, however many (a review set's).

    Raises UserFacingError, one sentence, for a search it cannot read; nothing is audited then,
    as nothing was read."""
    started = time.perf_counter()
    if not 0 < limit <= MAX_LIMIT:
        raise UserFacingError(f"The limit must be 1 to {MAX_LIMIT:,} pages.")
    parsed = parse_query(query)
    bates = [f.bates for f in parsed.filters if f.field == "bates" and not f.negated and f.bates]
    not_bates = [f.bates for f in parsed.filters if f.field == "bates" and f.negated and f.bates]
    with vault.write() as session:
        short_ids = reading_order(session, case)
        restricted = document_ids is not None or any(f.field != "bates" for f in parsed.filters)
        chosen = None  # every document of the case: no list to pass (ranked hits need no order)
        if restricted or not parsed.match:  # pages listed without words come in reading order
            ordered = _documents_in_order(session, case) if restricted else None
            chosen = (list(short_ids) if ordered is None else
                      [r.id for r in _chosen_documents(ordered, short_ids, parsed.filters, document_ids)])
        found = PageSearchRecord((), 0, 0)
        if chosen is None or chosen:
            try:
                found = search_repo.search_pages(
                    session, case.id, match=parsed.match, exclude=parsed.exclude,
                    document_ids=chosen, bates=bates, not_bates=not_bates,
                    limit=limit, markers=(_OPEN, _CLOSE), snippet_tokens=SNIPPET_TOKENS,
                    all_documents=all_documents)
            except search_repo.MatchSyntaxError as exc:  # not expected: every word is quoted
                raise UserFacingError("The search could not be read: check its quotes, parentheses and "
                                      "operators.", detail=str(exc)) from None
        ms = round((time.perf_counter() - started) * 1000)
        vault.audit(session, "search.run", case_id=case.id,
                    objects={"hits": found.pages, "documents": found.documents, "ms": ms})
        names = search_repo.document_names(session, {hit.document_id for hit in found.hits})
    hits = tuple(SearchHit(hit.document_id, short_ids[hit.document_id], names[hit.document_id], hit.number,
                           hit.label, hit.label if is_bates_label(hit.label) else None, hit.rank,
                           _pieces(hit.snippet) if parsed.match else _opening(hit.snippet))
                 for hit in found.hits)
    return SearchResult(query, hits, found.pages, found.documents, parsed.highlight, ms, limit,
                        found.document_ids)


@dataclass
class _Order:
    short_ids: dict[int, str]  # document id -> D1, D2, … in reading order
    documents: list[DocumentRecord] | None = None  # with their metadata, read at the first fielded search


_ORDERS: dict[tuple, _Order] = {}  # (vault, case, documents' stamp) -> the case's order


def _order(session, case: CaseRecord) -> _Order:
    """Kept while the case's documents are the same ones (documents are only added or deleted), so
    a search of a 20,000-document case does not read and sort them all again."""
    key = (id(session.get_bind()), case.id, search_repo.case_documents_stamp(session, case.id))
    if key not in _ORDERS:
        briefs = search_repo.document_briefs(session, case.id, metadata=False)
        ordered = [record for record, _ in order_documents([(record, []) for record in briefs])]
        _ORDERS.clear()  # one case at a time is enough
        _ORDERS[key] = _Order({record.id: f"D{index}" for index, record in enumerate(ordered, start=1)})
    return _ORDERS[key]


def reading_order(session, case: CaseRecord) -> dict[int, str]:
    """document id -> short id (D1, D2, … as ``plan`` and citations name them), in reading order."""
    return _order(session, case).short_ids


def _documents_in_order(session, case: CaseRecord) -> list[DocumentRecord]:
    order = _order(session, case)
    if order.documents is None:
        by_id = {r.id: r for r in search_repo.document_briefs(session, case.id, metadata=True)}
        order.documents = [by_id[i] for i in order.short_ids]
    return order.documents


def _chosen_documents(ordered: list[DocumentRecord], short_ids: dict[int, str],
                      filters: tuple[FieldFilter, ...],
                      document_ids: list[int] | None) -> list[DocumentRecord]:
    """The documents the fields (and ``document_ids``) leave, in reading order. One field given
    twice is either value (custodian:Park custodian:Lee); different fields must all hold."""
    by_short_id = {short: document_id for document_id, short in short_ids.items()}
    for field in filters:
        if field.field == "doc" and field.value not in by_short_id:
            raise UserFacingError(f"No document {field.value} in this case (it has D1–D{len(ordered)})."
                                  if ordered else "This case has no documents yet.")

    def passes(record: DocumentRecord, field: FieldFilter) -> bool:
        if field.field == "doc":
            return by_short_id[field.value] == record.id
        return document_passes(record, field)

    wanted: dict[str, list[FieldFilter]] = {}
    for field in filters:
        if not field.negated and field.field != "bates":
            wanted.setdefault(field.field, []).append(field)
    unwanted = [f for f in filters if f.negated and f.field != "bates"]
    allowed = set(document_ids) if document_ids is not None else None
    return [record for record in ordered
            if (allowed is None or record.id in allowed)
            and all(any(passes(record, f) for f in group) for group in wanted.values())
            and not any(passes(record, f) for f in unwanted)]


def _pieces(snippet: str) -> Snippet:
    """Storage's marked passage as (text, hit) pieces, the page's line breaks and runs of spaces
    as single spaces."""
    text = " ".join(snippet.split())
    parts = _HIT.split(text)  # text, hit, text, hit, ..., text
    return tuple((part, index % 2 == 1) for index, part in enumerate(parts) if part)


def _opening(text: str) -> Snippet:
    """The start of a page, for a page listed without words searched (fields alone, NOT ...)."""
    words = text.split()
    shown = " ".join(words[:SNIPPET_TOKENS]) + ("…" if len(words) > SNIPPET_TOKENS else "")
    return ((shown, False),) if shown else ()
