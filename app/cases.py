"""Cases: create, find, list, and read a case's documents for the context. Each action audited."""

from __future__ import annotations

from app import prefix_files
from app.errors import NotFound, UserFacingError
from storage import repositories as repo
from storage.records import CaseRecord, DocumentRecord, PageRecord
from storage.vault import Vault


def of_case(case: CaseRecord, record, what: str, ident: int):
    """``record`` (a chat, task or review looked up by id) if it belongs to ``case``; else the
    one-line NotFound every command gives for an id from another case or none."""
    if record is None or record.case_id != case.id:
        raise NotFound(f"No {what} {ident} in the case “{case.name}”.")
    return record

MAX_NAME = 200


def create_case(vault: Vault, name: str) -> CaseRecord:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise UserFacingError(f"A case name needs 1 to {MAX_NAME} characters.")
    with vault.write() as session:
        if repo.find_case(session, name) is not None:
            raise UserFacingError(f"A case named “{name}” already exists.")
        case = repo.create_case(session, name)
        vault.audit(session, "case.create", case_id=case.id)
    return case


def rename_case(vault: Vault, case: CaseRecord, new_name: str) -> CaseRecord:
    new_name = " ".join(new_name.split())
    if not new_name or len(new_name) > MAX_NAME:
        raise UserFacingError(f"A case name needs 1 to {MAX_NAME} characters.")
    with vault.write() as session:
        existing = repo.find_case(session, new_name)
        if existing is not None and existing.id != case.id:
            raise UserFacingError(f"A case named “{new_name}” already exists.")
        renamed = repo.rename_case(session, case.id, new_name)
        vault.audit(session, "case.rename", case_id=case.id)  # names are content: not in the log
    return renamed


def open_case(vault: Vault, name: str, *, create: bool = False) -> CaseRecord:
    """The case called ``name`` (created first when ``create``); audited as ``case.open``."""
    with vault.read() as session:
        case = repo.find_case(session, " ".join(name.split()))
    if case is None:
        if not create:
            raise NotFound(f"No case named “{name}”.")
        return create_case(vault, name)
    with vault.write() as session:
        vault.audit(session, "case.open", case_id=case.id)
    return case


def delete_case(vault: Vault, name: str) -> dict[str, int]:
    """Delete a case and everything in it; the audit log keeps the fact (counts, not content).

    SQLCipher's ``secure_delete`` zeroes the freed pages, so the text is not left in the file.
    """
    case = open_case(vault, name)
    with vault.write() as session:
        counts = repo.delete_case(session, case.id)
        vault.audit(session, "case.delete", case_id=case.id, objects=counts)
    prefix_files.forget(vault, case.id)  # the worker's sealed caches of its documents go too
    return counts


def list_cases(vault: Vault) -> list[CaseRecord]:
    with vault.read() as session:
        return repo.list_cases(session)


def list_documents(vault: Vault, case: CaseRecord) -> list[DocumentRecord]:
    with vault.read() as session:
        return repo.list_documents(session, case.id)


def documents_with_pages(vault: Vault, case: CaseRecord) -> list[tuple[DocumentRecord, list[PageRecord]]]:
    with vault.read() as session:
        return [(doc, repo.list_pages(session, doc.id)) for doc in repo.list_documents(session, case.id)]
