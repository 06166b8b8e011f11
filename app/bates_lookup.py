"""Find pages by Bates number or Bates range in a case (the window's "Go to Bates" box)."""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import UserFacingError
from app.productions.bates import parse_bates_query
from storage import search_repository as search_repo
from storage.records import CaseRecord
from storage.vault import Vault


@dataclass(frozen=True)
class BatesHit:
    document_id: int
    page: int
    bates: str


@dataclass(frozen=True)
class BatesResult:
    query: str
    first: str
    last: str
    hits: tuple[BatesHit, ...]  # in document and page order

    @property
    def document_ids(self) -> list[int]:
        return list(dict.fromkeys(hit.document_id for hit in self.hits))


def find_bates(vault: Vault, case: CaseRecord, query: str) -> BatesResult:
    """The pages of ``case`` whose Bates number is ``query`` (``ABC0001234``) or lies in its range
    (``ABC0001230-ABC0001240``, ``ABC0001230-1240``)."""
    parsed = parse_bates_query(query)
    if parsed is None:
        raise UserFacingError(f"“{query.strip()}” is not a Bates number or range (e.g. ABC0001234, or "
                              "ABC0001230-ABC0001240).")
    first, last = parsed
    # Through the Bates index (one series: the prefix upper-cased, as same_series compares it),
    # not a scan of every label of the case.
    with vault.read() as session:
        pages = search_repo.bates_pages(session, case.id, [(first.prefix.upper(), first.number, last.number)])
    hits = tuple(BatesHit(page.document_id, page.number, page.label) for page in pages)
    return BatesResult(query.strip(), first.text, last.text, hits)
