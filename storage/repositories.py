"""Queries and writes on the vault. Functions take the caller's session (the caller owns the
transaction, so an action and its audit event commit together) and return records."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from storage.records import (
    CaseRecord,
    ChatSessionRecord,
    DocumentRecord,
    MessageRecord,
    NewDocument,
    PageRecord,
    TaskRecord,
)
from storage.schema import (
    CaseRow,
    ChatSessionRow,
    DocumentFileRow,
    DocumentRow,
    MessageRow,
    PageRow,
    TaskResultRow,
    TaskRow,
)
from storage.search_repository import index_page_bates

FILE_CHUNK = 1 << 20


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _case(row: CaseRow) -> CaseRecord:
    return CaseRecord(id=row.id, name=row.name, created_at=row.created_at)


def _document(row: DocumentRow) -> DocumentRecord:
    return DocumentRecord(
        id=row.id, case_id=row.case_id, sha256=row.sha256, name=row.name, kind=row.kind,
        size_bytes=row.size_bytes, page_count=row.page_count, status=row.status,
        warnings=tuple(row.warnings or ()), token_key=row.token_key, metadata=dict(row.meta or {}),
    )


# ----- cases ------------------------------------------------------------------------------


def create_case(session: Session, name: str) -> CaseRecord:
    row = CaseRow(name=name, created_at=utc_now())
    session.add(row)
    session.flush()
    return _case(row)


def find_case(session: Session, name: str) -> CaseRecord | None:
    row = session.scalars(select(CaseRow).where(CaseRow.name == name)).first()
    return _case(row) if row else None


def delete_case(session: Session, case_id: int) -> dict[str, int]:
    """Delete a case and (by cascade) its documents, pages, chats and tasks; returns the counts."""
    documents = select(DocumentRow.id).where(DocumentRow.case_id == case_id)
    chats = select(ChatSessionRow.id).where(ChatSessionRow.case_id == case_id)
    counts = {
        "documents": session.scalar(select(func.count()).select_from(documents.subquery())),
        "pages": session.scalar(select(func.count(PageRow.id)).where(PageRow.document_id.in_(documents))),
        "messages": session.scalar(select(func.count(MessageRow.id)).where(MessageRow.session_id.in_(chats))),
    }
    session.delete(session.get(CaseRow, case_id))
    session.flush()
    return counts


def case_counts(session: Session, case_id: int) -> tuple[int, int]:
    """(documents, pages) of a case, counted in the database."""
    documents, pages = session.execute(
        select(func.count(DocumentRow.id), func.coalesce(func.sum(DocumentRow.page_count), 0))
        .where(DocumentRow.case_id == case_id)).one()
    return documents, pages


def rename_case(session: Session, case_id: int, name: str) -> CaseRecord:
    row = session.get(CaseRow, case_id)
    row.name = name
    session.flush()
    return _case(row)


def list_cases(session: Session) -> list[CaseRecord]:
    return [_case(r) for r in session.scalars(select(CaseRow).order_by(func.lower(CaseRow.name)))]


# ----- documents and pages ----------------------------------------------------------------


def document_hashes(session: Session, case_id: int) -> dict[str, DocumentRecord]:
    """Every document of the case by sha256 (one query for a whole batch's duplicate checks)."""
    rows = session.scalars(select(DocumentRow).where(DocumentRow.case_id == case_id))
    return {row.sha256: _document(row) for row in rows}


def add_document(session: Session, case_id: int, doc: NewDocument) -> DocumentRecord:
    row = DocumentRow(
        case_id=case_id, sha256=doc.sha256, name=doc.name, kind=doc.kind,
        size_bytes=doc.size_bytes, page_count=len(doc.pages), status=doc.status,
        warnings=list(doc.warnings), token_key=doc.token_key, created_at=utc_now(), meta=dict(doc.metadata),
    )
    session.add(row)
    session.flush()
    if doc.pages:  # one executemany, not an ORM object per page: ingest writes thousands
        session.execute(insert(PageRow), [
            {"document_id": row.id, "number": p.number, "label": p.label, "text": p.text, "ocr": p.ocr,
             "needs_ocr": p.needs_ocr, "tokens": p.tokens, "status": p.settled().status,
             "ocr_confidence": p.ocr_confidence, "note": p.note} for p in doc.pages
        ])
        # The full-text index follows by trigger; the Bates index is written here, in the same
        # transaction, so a Bates look-up never misses a stored page.
        index_page_bates(session, case_id, row.id, {p.number: p.label for p in doc.pages if p.label})
    return _document(row)


def list_documents(session: Session, case_id: int) -> list[DocumentRecord]:
    rows = session.scalars(
        select(DocumentRow).where(DocumentRow.case_id == case_id).order_by(DocumentRow.id)
    )
    return [_document(r) for r in rows]


def list_pages(session: Session, document_id: int) -> list[PageRecord]:
    rows = session.scalars(
        select(PageRow).where(PageRow.document_id == document_id).order_by(PageRow.number)
    )
    return [_page(r) for r in rows]


def _page(r: PageRow) -> PageRecord:
    return PageRecord(number=r.number, text=r.text, label=r.label, ocr=r.ocr, needs_ocr=r.needs_ocr,
                      tokens=r.tokens, status=r.status, ocr_confidence=r.ocr_confidence, note=r.note)


def find_document(session: Session, document_id: int) -> DocumentRecord | None:
    row = session.get(DocumentRow, document_id)
    return _document(row) if row else None


def find_page(session: Session, document_id: int, number: int) -> PageRecord | None:
    row = session.scalars(select(PageRow).where(PageRow.document_id == document_id,
                                                PageRow.number == number)).first()
    return _page(row) if row else None


def add_document_file_chunk(session: Session, document_id: int, seq: int, data: bytes) -> None:
    session.execute(insert(DocumentFileRow), [{"document_id": document_id, "seq": seq, "data": data}])


def document_file(session: Session, document_id: int) -> bytes | None:
    """The original file, or None for documents added before originals were kept."""
    query = select(DocumentFileRow.data).where(DocumentFileRow.document_id == document_id)
    chunks = list(session.scalars(query.order_by(DocumentFileRow.seq)))
    return b"".join(chunks) if chunks else None


def set_page_tokens(session: Session, document_id: int, token_key: str, tokens: dict[int, int]) -> None:
    """Store per-page token counts (page number -> tokens) counted under ``token_key``."""
    for row in session.scalars(select(PageRow).where(PageRow.document_id == document_id)):
        row.tokens = tokens.get(row.number)
    session.get(DocumentRow, document_id).token_key = token_key


# ----- chats ------------------------------------------------------------------------------


def create_chat_session(session: Session, case_id: int, title: str) -> ChatSessionRecord:
    row = ChatSessionRow(case_id=case_id, title=title, created_at=utc_now())
    session.add(row)
    session.flush()
    return _chat(row)


def _chat(row: ChatSessionRow) -> ChatSessionRecord:
    return ChatSessionRecord(id=row.id, case_id=row.case_id, title=row.title, created_at=row.created_at)


def list_chat_sessions(session: Session, case_id: int) -> list[ChatSessionRecord]:
    rows = session.scalars(select(ChatSessionRow).where(ChatSessionRow.case_id == case_id)
                           .order_by(ChatSessionRow.id))
    return [_chat(r) for r in rows]


def question_counts(session: Session, case_id: int) -> dict[int, int]:
    """Questions asked in each of a case's chats (chat id -> count), counted in the database."""
    rows = session.execute(
        select(MessageRow.session_id, func.count(MessageRow.id))
        .join(ChatSessionRow, ChatSessionRow.id == MessageRow.session_id)
        .where(ChatSessionRow.case_id == case_id, MessageRow.role == "user")
        .group_by(MessageRow.session_id))
    return dict(rows.all())


def find_chat_session(session: Session, chat_id: int) -> ChatSessionRecord | None:
    row = session.get(ChatSessionRow, chat_id)
    return _chat(row) if row else None


def add_message(session: Session, session_id: int, role: str, content: str, **meta: Any) -> MessageRecord:
    row = MessageRow(session_id=session_id, role=role, content=content, created_at=utc_now(), **meta)
    session.add(row)
    session.flush()
    return _message(row)


def list_messages(session: Session, session_id: int) -> list[MessageRecord]:
    rows = session.scalars(
        select(MessageRow).where(MessageRow.session_id == session_id).order_by(MessageRow.id)
    )
    return [_message(r) for r in rows]


def _message(row: MessageRow) -> MessageRecord:
    names = {f.name for f in dataclasses.fields(MessageRecord)}
    return MessageRecord(**{name: getattr(row, name) for name in names})


# ----- tasks ------------------------------------------------------------------------------


def create_task(session: Session, case_id: int, kind: str, **meta: Any) -> TaskRecord:
    row = TaskRow(case_id=case_id, kind=kind, status="running", created_at=utc_now(), **meta)
    session.add(row)
    session.flush()
    return _task(row, [])


def finish_task(session: Session, task_id: int, status: str, *, rows: list[dict[str, Any]] = (),
                output: str | None = None, error: str | None = None) -> TaskRecord:
    """Close a task with its result rows (in order), the model's raw output, or why it failed."""
    row = session.get(TaskRow, task_id)
    row.status, row.output, row.error, row.finished_at = status, output, error, utc_now()
    if rows:
        session.execute(insert(TaskResultRow), [
            {"task_id": task_id, "position": i, "content": content} for i, content in enumerate(rows)
        ])
    session.flush()
    return _task(row, list(rows))


def find_task(session: Session, task_id: int) -> TaskRecord | None:
    row = session.get(TaskRow, task_id)
    if row is None:
        return None
    results = session.scalars(select(TaskResultRow.content).where(TaskResultRow.task_id == task_id)
                              .order_by(TaskResultRow.position))
    return _task(row, list(results))


def list_tasks(session: Session, case_id: int) -> list[TaskRecord]:
    """A case's tasks, newest last, without their rows (``find_task`` reads those)."""
    rows = session.scalars(select(TaskRow).where(TaskRow.case_id == case_id).order_by(TaskRow.id))
    return [_task(r, []) for r in rows]


def _task(row: TaskRow, results: list[dict[str, Any]]) -> TaskRecord:
    names = {f.name for f in dataclasses.fields(TaskRecord)} - {"rows"}
    return TaskRecord(**{name: getattr(row, name) for name in names}, rows=tuple(results))
