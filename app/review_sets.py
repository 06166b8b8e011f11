"""Review sets: the documents of a case that matter for a question, saved under a name.

Reviewers do not ask questions of a whole production: they search, filter, pick, and then work on
the set that matters. A set is saved from a search (every matching document, not only the pages
shown) or from a hand-picked list of documents (``D3``, ``D7`` as ``plan`` names them), and is
what a question, a task or a review table reads (``ask --set NAME``): the documents outside it
are left out, the plan shows whether the set fits the window (it is never cut), and the answer's
reading mode names the set beside the manifest of what was read.

Saving and deleting a set are actions on case data, audited with the set's id and counts — never
its name or its search, which are the user's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import NotFound, UserFacingError
from app.search import search
from app.search.run import reading_order
from storage import search_repository as sets_repo
from storage.records import CaseRecord, ReviewSetRecord
from storage.vault import Vault

MAX_NAME = 80


@dataclass(frozen=True)
class ReviewSet:
    name: str
    query: str  # the search it was made from ("" for a hand-picked set)
    documents: tuple[str, ...]  # short ids (D3, D7), in the case's reading order
    created_at: str
    updated_at: str

    def as_json(self) -> dict:
        return {"name": self.name, "query": self.query, "documents": list(self.documents),
                "created_at": self.created_at, "updated_at": self.updated_at}


def _as_set(record: ReviewSetRecord, short_ids: dict[int, str]) -> ReviewSet:
    order = {document_id: index for index, document_id in enumerate(short_ids)}
    kept = sorted((i for i in record.document_ids if i in short_ids), key=order.__getitem__)
    return ReviewSet(record.name, record.query, tuple(short_ids[i] for i in kept), record.created_at,
                     record.updated_at)


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserFacingError("A review set needs a name.")
    if len(name) > MAX_NAME:
        raise UserFacingError(f"A review set's name can have at most {MAX_NAME} characters.")
    return name


def save_from_search(vault: Vault, case: CaseRecord, name: str, query: str) -> ReviewSet:
    """Save every document that ``query`` finds in ``case`` as the set ``name`` (replacing a set
    of that name). A search that finds nothing makes no set."""
    name = _checked_name(name)
    found = search(vault, case, query, limit=1, all_documents=True)
    if not found.document_ids:
        raise UserFacingError("The search finds no document, so there is nothing to save as a set.")
    return _save(vault, case, name, list(found.document_ids), query=query, source="search")


def save_selection(vault: Vault, case: CaseRecord, name: str, documents: list[str]) -> ReviewSet:
    """Save the documents ``documents`` (short ids such as D3) as the set ``name``."""
    name = _checked_name(name)
    with vault.read() as session:
        by_short = {short: document_id for document_id, short in reading_order(session, case).items()}
    wanted = [d.strip().upper() for d in documents if d.strip()]
    unknown = [d for d in wanted if d not in by_short]
    if unknown:
        raise UserFacingError(f"No document {', '.join(unknown)} in this case (see `plan`).")
    if not wanted:
        raise UserFacingError("Choose at least one document for the set.")
    return _save(vault, case, name, [by_short[d] for d in dict.fromkeys(wanted)], query="",
                 source="selection")


def _save(vault: Vault, case: CaseRecord, name: str, document_ids: list[int], *, query: str,
          source: str) -> ReviewSet:
    with vault.write() as session:
        record = sets_repo.save_review_set(session, case.id, name, document_ids, query=query)
        vault.audit(session, "review_set.save", case_id=case.id,
                    objects={"set_id": record.id, "documents": len(document_ids), "from": source})
        return _as_set(record, reading_order(session, case))


def list_sets(vault: Vault, case: CaseRecord) -> list[ReviewSet]:
    with vault.read() as session:
        short_ids = reading_order(session, case)
        return [_as_set(record, short_ids) for record in sets_repo.list_review_sets(session, case.id)]


def _named(session, case: CaseRecord, name: str) -> ReviewSetRecord:
    """The set called ``name``, written in any case ("meds" finds "Meds")."""
    wanted = " ".join(name.split())
    every = sets_repo.list_review_sets(session, case.id)
    found = next((s for s in every if s.name == wanted), None) or next(
        (s for s in every if s.name.casefold() == wanted.casefold()), None)
    if found is None:
        known = ", ".join(s.name for s in every)
        raise NotFound(f"No review set “{wanted}” in this case"
                       + (f" (it has: {known})." if known else " (it has none yet)."))
    return found


def find_set(vault: Vault, case: CaseRecord, name: str) -> ReviewSet:
    with vault.read() as session:
        return _as_set(_named(session, case, name), reading_order(session, case))


def delete_set(vault: Vault, case: CaseRecord, name: str) -> None:
    with vault.write() as session:
        record = _named(session, case, name)
        sets_repo.delete_review_set(session, case.id, record.name)
        vault.audit(session, "review_set.delete", case_id=case.id, objects={"set_id": record.id})


def left_out_by(vault: Vault, case: CaseRecord, name: str) -> tuple[ReviewSet, list[str]]:
    """The set ``name`` and the documents of the case outside it (what ``exclude`` leaves out)."""
    chosen = find_set(vault, case, name)
    if not chosen.documents:
        raise UserFacingError(f"The review set “{chosen.name}” has no document of this case left.")
    with vault.read() as session:
        every = list(reading_order(session, case).values())
    kept = set(chosen.documents)
    return chosen, [d for d in every if d not in kept]
