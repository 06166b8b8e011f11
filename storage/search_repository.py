"""Full-text search of pages, the Bates index, and saved review sets.

The index (``pages_fts``, FTS5, made by migration 0009) lives inside the encrypted vault and is
kept in step with ``pages`` by triggers, so nothing here writes it. ``search_pages`` takes an
FTS5 MATCH expression already built by the caller (``app.search`` turns what a reviewer types
into one) plus document, page and Bates filters. As in ``storage.repositories``, the caller owns
the transaction and every function returns records, never rows.

This module imports nothing of ``storage.repositories`` (which calls ``index_page_bates`` from
``add_document``), so the two never form a cycle.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from storage.records import (
    BatesClaimRecord,
    BatesPageRecord,
    DocumentRecord,
    PageHitRecord,
    PageSearchRecord,
    ReviewSetRecord,
)
from storage.schema import PAGE_INDEX, PageBatesRow, PageRow, ReviewSetRow

BatesRange = tuple[str, int, int]  # (prefix upper-cased with its separator, first, last)

# The Bates rule of ``app.productions.bates.parse_bates`` with ``app.context.is_bates_label``'s
# conditions (a prefix, the label exactly as parsed), copied because storage cannot import app;
# tests/unit/test_search_query.py checks that the two agree.
_BATES = re.compile(r"(?P<prefix>.*?)(?P<digits>\d{4,})")
_PREFIX = re.compile(r"(?:[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*[-_ ]?)?")
_DIGIT_RUN = re.compile(r"\d{4}")
_MAX_LABEL = 64
_EXCERPT_CHARS = 400  # the start of a page shown when no words were searched


class MatchSyntaxError(ValueError):
    """SQLite refused the MATCH expression (``fts5: syntax error ...``); the caller words it."""


def parse_bates_label(label: str | None) -> tuple[str, int, int] | None:
    """(prefix upper-cased, number, width) of a page label that is a Bates number; else None."""
    if not label or label != label.strip() or len(label) > _MAX_LABEL:
        return None
    match = _BATES.fullmatch(label)
    if match is None or not match["prefix"] or not _PREFIX.fullmatch(match["prefix"]) \
            or _DIGIT_RUN.search(match["prefix"]):
        return None
    return match["prefix"].upper(), int(match["digits"]), len(match["digits"])


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ----- the Bates index --------------------------------------------------------------------


def index_page_bates(session: Session, case_id: int, document_id: int, labels: dict[int, str | None]) -> int:
    """Index the Bates-numbered pages of a document just added (page number -> label); returns
    how many were indexed. One query for the page ids, one executemany: ingest writes thousands."""
    parsed = {number: bates for number, label in labels.items() if (bates := parse_bates_label(label))}
    if not parsed:
        return 0
    ids = session.execute(select(PageRow.number, PageRow.id).where(PageRow.document_id == document_id))
    rows = [{"page_id": page_id, "case_id": case_id, "prefix": parsed[number][0], "number": parsed[number][1],
             "width": parsed[number][2]} for number, page_id in ids if number in parsed]
    session.execute(insert(PageBatesRow), rows)
    return len(rows)


def bates_pages(session: Session, case_id: int, ranges: Iterable[BatesRange]) -> list[BatesPageRecord]:
    """The case's pages whose Bates number lies in any of ``ranges`` (inclusive), in document and
    page order, through the index."""
    where, params = _bates_condition(list(ranges))
    if not where:
        return []
    rows = session.execute(text(
        "SELECT pages.id, pages.document_id, pages.number, pages.label FROM page_bates "
        "JOIN pages ON pages.id = page_bates.page_id "
        f"WHERE page_bates.case_id = :case AND ({where}) ORDER BY pages.document_id, pages.number"),
        {"case": case_id, **params})
    return [BatesPageRecord(*row) for row in rows]


def bates_claimed_twice(session: Session, case_id: int) -> list[BatesClaimRecord]:
    """Every Bates number of the case that pages of two or more documents carry."""
    rows = session.execute(text(
        "SELECT b.prefix, b.number, pages.document_id, pages.label FROM page_bates AS b "
        "JOIN pages ON pages.id = b.page_id "
        "WHERE b.case_id = :case AND (b.prefix, b.number) IN (SELECT prefix, number FROM page_bates "
        "  WHERE case_id = :case GROUP BY prefix, number HAVING count(*) > 1) "
        "ORDER BY b.prefix, b.number, pages.document_id"), {"case": case_id})
    claims: dict[tuple[str, int], tuple[dict[str, None], dict[int, None]]] = {}
    for prefix, number, document_id, label in rows:
        labels, documents = claims.setdefault((prefix, number), ({}, {}))
        labels[label] = None
        documents[document_id] = None
    return [BatesClaimRecord(prefix, number, tuple(labels), tuple(documents))
            for (prefix, number), (labels, documents) in claims.items() if len(documents) > 1]


def _bates_condition(ranges: Sequence[BatesRange], alias: str = "page_bates",
                     key: str = "b") -> tuple[str, dict]:
    terms, params = [], {}
    for i, (prefix, first, last) in enumerate(ranges):
        terms.append(f"({alias}.prefix = :{key}p{i} AND {alias}.number BETWEEN :{key}f{i} AND :{key}l{i})")
        params.update({f"{key}p{i}": prefix, f"{key}f{i}": first, f"{key}l{i}": last})
    return " OR ".join(terms), params


# ----- full-text search -------------------------------------------------------------------


def search_pages(session: Session, case_id: int, *, match: str | None = None, exclude: str | None = None,
                 document_ids: Sequence[int] | None = None, bates: Sequence[BatesRange] = (),
                 not_bates: Sequence[BatesRange] = (), limit: int = 200,
                 markers: tuple[str, str] = ("[", "]"), ellipsis: str = "…",
                 snippet_tokens: int = 25, all_documents: bool = False) -> PageSearchRecord:
    """Pages of the case that match the FTS5 expression ``match``, best first (bm25), with a
    snippet around the hits; and how many pages and documents match in all.

    ``exclude``: an FTS5 expression whose pages are left out (a search that is only NOT ...).
    ``document_ids``: only these documents (no repeats), in the order that lists pages when no
    words are searched. ``bates`` / ``not_bates``: only / not the pages whose Bates number is in
    one of these ranges. With neither ``match`` nor ``exclude``, each document's first page that
    passes the filters stands for it (a search by fields alone).
    ``all_documents``: also the ids of every matching document, however many (for a review set).
    Raises MatchSyntaxError when SQLite refuses an expression.

    How it stays fast (20,000 pages, a word on half of them: ~25 ms): the pages in question are
    read from the covering index on pages (document_id, number), never from the table, and each
    condition is a set SQLite builds once (the MATCH, the Bates ranges); bm25 is computed by the
    index alone; only the shown pages are read, and only they get a snippet.
    """
    params: dict = {"case": case_id, "limit": max(0, limit)}
    if document_ids is not None:
        # One JSON parameter, whatever the number of documents (no limit on bound variables);
        # its array index is the order the caller lists documents in.
        pages_of = "json_each(:documents) AS j CROSS JOIN pages AS p ON p.document_id = j.value"
        where = ["p.document_id IN (SELECT id FROM documents WHERE case_id = :case)"]
        params["documents"], position = json.dumps([int(i) for i in document_ids]), "j.key"
    else:
        pages_of = "documents AS d CROSS JOIN pages AS p ON p.document_id = d.id"
        where, position = ["d.case_id = :case"], "d.id"
    for ranges, key, test in ((bates, "b", "IN"), (not_bates, "nb", "NOT IN")):
        if ranges:
            condition, values = _bates_condition(ranges, key, key)
            where.append(f"p.id {test} (SELECT {key}.page_id FROM page_bates AS {key} "
                         f"WHERE {key}.case_id = :case AND ({condition}))")
            params.update(values)
    if exclude:
        where.append(f"p.id NOT IN (SELECT rowid FROM {PAGE_INDEX} WHERE {PAGE_INDEX} MATCH :exclude)")
        params["exclude"] = exclude
    if match:
        where.append(f"p.id IN (SELECT rowid FROM {PAGE_INDEX} WHERE {PAGE_INDEX} MATCH :match)")
        params["match"] = match
    try:
        found = (_matched(session, params, pages_of, " AND ".join(where[:-1]), markers, ellipsis,
                          snippet_tokens) if match
                 else _unmatched(session, params, pages_of, " AND ".join(where), position,
                                 first_only=not exclude))
        if all_documents:
            found = replace(found, document_ids=tuple(document_id for (document_id,) in session.execute(text(
                f"SELECT DISTINCT p.document_id FROM {pages_of} WHERE {' AND '.join(where)} "
                "ORDER BY p.document_id"), params)))
        return found
    except OperationalError as exc:
        if "fts5" in str(exc.orig):
            raise MatchSyntaxError(str(exc.orig)) from None
        raise


def _matched(session: Session, params: dict, pages_of: str, where: str, markers: tuple[str, str],
             ellipsis: str, snippet_tokens: int) -> PageSearchRecord:
    matched = f"p.id IN (SELECT rowid FROM {PAGE_INDEX} WHERE {PAGE_INDEX} MATCH :match)"
    pages, documents = session.execute(text(
        f"SELECT count(*), count(DISTINCT p.document_id) FROM {pages_of} WHERE {where} AND {matched}"),
        params).one()
    if not pages or not params["limit"]:
        return PageSearchRecord((), pages, documents)
    # "+rowid": a filter on the index's rows, not a constraint SQLite would hand the index (which
    # would then run the MATCH once per page of the case).
    top = session.execute(text(
        f"SELECT rowid, bm25({PAGE_INDEX}) AS score FROM {PAGE_INDEX} WHERE {PAGE_INDEX} MATCH :match "
        f"AND +rowid IN (SELECT p.id FROM {pages_of} WHERE {where}) ORDER BY score, rowid LIMIT :limit"),
        params).all()
    shown = [page_id for page_id, _ in top]
    snippets = dict(session.execute(text(
        f"SELECT rowid, snippet({PAGE_INDEX}, 0, :open, :close, :ellipsis, :tokens) FROM {PAGE_INDEX} "
        f"WHERE {PAGE_INDEX} MATCH :match AND +rowid IN (SELECT value FROM json_each(:ids))"),
        {"match": params["match"], "open": markers[0], "close": markers[1], "ellipsis": ellipsis,
         "tokens": max(1, min(64, snippet_tokens)), "ids": json.dumps(shown)}).all())
    places = _places(session, shown, excerpt=False)
    hits = tuple(PageHitRecord(page_id, *places[page_id][:3], score, snippets.get(page_id) or "")
                 for page_id, score in top)
    return PageSearchRecord(hits, pages, documents)


def _unmatched(session: Session, params: dict, pages_of: str, where: str, position: str, *,
               first_only: bool) -> PageSearchRecord:
    # A search by fields alone: each document's first page that passes the filters (min() picks
    # the row whose id the bare column gives); a search that is only NOT ...: every page it leaves.
    if first_only:
        listed = (f"SELECT p.id AS id, {position} AS position, min(p.number) AS number FROM {pages_of} "
                  f"WHERE {where} GROUP BY p.document_id")
    else:
        listed = (f"SELECT p.id AS id, {position} AS position, p.number AS number FROM {pages_of} "
                  f"WHERE {where}")
    pages, documents = session.execute(text(
        f"SELECT count(*), count(DISTINCT p.document_id) FROM {pages_of} WHERE {where}"), params).one()
    if first_only:
        pages = documents
    ids = [page_id for (page_id,) in session.execute(text(
        f"SELECT id FROM ({listed}) ORDER BY position, number LIMIT :limit"), params)]
    places = _places(session, ids, excerpt=True)
    return PageSearchRecord(tuple(PageHitRecord(page_id, *places[page_id][:3], None, places[page_id][3])
                                  for page_id in ids), pages, documents)


def _places(session: Session, page_ids: list[int], *, excerpt: bool) -> dict[int, tuple]:
    """(document id, number, label, start of its text) of the shown pages, by page id."""
    opening = f"substr(text, 1, {_EXCERPT_CHARS})" if excerpt else "''"
    rows = session.execute(text(f"SELECT id, document_id, number, label, {opening} FROM pages "
                                "WHERE id IN (SELECT value FROM json_each(:ids))"),
                           {"ids": json.dumps(page_ids)})
    return {row[0]: tuple(row[1:]) for row in rows}


def index_entries(session: Session, page_ids: Collection[int]) -> int:
    """How many of these pages the full-text index still holds terms for (a deleted page must
    leave none: checked by the tests through the index's own docsize table)."""
    return session.scalar(text(f"SELECT count(*) FROM {PAGE_INDEX}_docsize WHERE id IN "
                               "(SELECT value FROM json_each(:ids))"), {"ids": json.dumps(list(page_ids))})


# ----- review sets ------------------------------------------------------------------------


def _review_set(row: ReviewSetRow) -> ReviewSetRecord:
    return ReviewSetRecord(row.id, row.case_id, row.name, row.query, tuple(row.document_ids or ()),
                           row.created_at, row.updated_at)


def save_review_set(session: Session, case_id: int, name: str, document_ids: Sequence[int], *,
                    query: str = "") -> ReviewSetRecord:
    """Create the case's review set ``name``, or replace its selection (its id and creation time
    stay)."""
    row = session.scalars(select(ReviewSetRow).where(ReviewSetRow.case_id == case_id,
                                                     ReviewSetRow.name == name)).first()
    now = utc_now()
    if row is None:
        row = ReviewSetRow(case_id=case_id, name=name, created_at=now)
        session.add(row)
    row.query, row.document_ids, row.updated_at = query, [int(i) for i in document_ids], now
    session.flush()
    return _review_set(row)


def list_review_sets(session: Session, case_id: int) -> list[ReviewSetRecord]:
    rows = session.scalars(select(ReviewSetRow).where(ReviewSetRow.case_id == case_id)
                           .order_by(func.lower(ReviewSetRow.name), ReviewSetRow.id))
    return [_review_set(r) for r in rows]


def find_review_set(session: Session, case_id: int, name: str) -> ReviewSetRecord | None:
    row = session.scalars(select(ReviewSetRow).where(ReviewSetRow.case_id == case_id,
                                                     ReviewSetRow.name == name)).first()
    return _review_set(row) if row else None


def delete_review_set(session: Session, case_id: int, name: str) -> bool:
    """Delete the case's review set ``name``; False when there was none."""
    result = session.execute(delete(ReviewSetRow).where(ReviewSetRow.case_id == case_id,
                                                        ReviewSetRow.name == name))
    return bool(result.rowcount)


def case_documents_stamp(session: Session, case_id: int) -> tuple[int, int]:
    """(how many documents, the highest id): documents are only ever added or deleted, so this
    pair changes whenever the case's set of documents does (a cache key for their order)."""
    count, highest = session.execute(text("SELECT count(*), coalesce(max(id), 0) FROM documents "
                                          "WHERE case_id = :case"), {"case": case_id}).one()
    return int(count), int(highest)


def document_briefs(session: Session, case_id: int, *, metadata: bool) -> list[DocumentRecord]:
    """The case's documents without their warnings, read by the driver rather than the ORM (20,000
    documents in tens of milliseconds, not most of a second): with ``metadata`` their whole
    load-file metadata, else only what orders them (family, family key, role)."""
    meta = ("meta" if metadata else
            "json_object('family', json_extract(meta, '$.family'), 'family_key', "
            "json_extract(meta, '$.family_key'), 'role', json_extract(meta, '$.role'))")
    rows = session.connection().exec_driver_sql(
        f"SELECT id, sha256, name, kind, size_bytes, page_count, status, token_key, {meta} "
        "FROM documents WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()
    return [DocumentRecord(id=r[0], case_id=case_id, sha256=r[1], name=r[2], kind=r[3], size_bytes=r[4],
                           page_count=r[5], status=r[6], token_key=r[7],
                           metadata={k: v for k, v in json.loads(r[8] or "{}").items() if v is not None})
            for r in rows]


def document_names(session: Session, document_ids: Collection[int]) -> dict[int, str]:
    listed = "SELECT value FROM json_each(:ids)"
    rows = session.execute(text(f"SELECT id, name FROM documents WHERE id IN ({listed})"),
                           {"ids": json.dumps(sorted(document_ids))})
    return {row[0]: row[1] for row in rows}
