"""ORM tables of the vault (SQLAlchemy 2.x typed mappings). Rows never leave ``storage``:
repositories turn them into the dataclasses of ``storage.records``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import NullType

# Stable constraint names, so later (batch-mode) migrations can drop and recreate them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    created_at: Mapped[str]


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str]
    name: Mapped[str]
    kind: Mapped[str]  # pdf | text | ...
    size_bytes: Mapped[int]
    page_count: Mapped[int]
    status: Mapped[str]  # ingested | partial
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    token_key: Mapped[str | None]  # model + template that counted pages.tokens
    created_at: Mapped[str]
    # What a production's load file says about it (custodian, dates, Bates range, family)
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int]  # 1-based physical page
    label: Mapped[str | None]  # printed page label or Bates number
    text: Mapped[str]
    ocr: Mapped[bool] = mapped_column(default=False)
    needs_ocr: Mapped[bool] = mapped_column(default=False, server_default=false())
    tokens: Mapped[int | None]
    status: Mapped[str] = mapped_column(default="", server_default="")  # records.PageStatus
    ocr_confidence: Mapped[float | None]
    note: Mapped[str] = mapped_column(default="", server_default="")


class DocumentFileRow(Base):
    """The original file, kept in the vault as evidence and for the page viewer. Stored in 1 MiB
    chunks: SQLite reads and writes a blob whole, and scans can be hundreds of MiB."""

    __tablename__ = "document_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    data: Mapped[bytes]


class ChatSessionRow(Base):
    __tablename__ = "chat_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    title: Mapped[str]
    created_at: Mapped[str]


class MessageRow(Base):
    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("chat_sessions.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str]  # user | assistant
    content: Mapped[str]
    citations: Mapped[list[Any]] = mapped_column(default=list)
    model_id: Mapped[str | None]
    weights_sha256: Mapped[str | None]
    manifest: Mapped[str | None]
    finish_reason: Mapped[str | None]
    timings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    mode: Mapped[dict[str, Any]] = mapped_column(default=dict)  # full | partial | staged, and its label
    located: Mapped[list[Any]] = mapped_column(default=list)  # pages holding the answer's figures
    created_at: Mapped[str]


class TaskRow(Base):
    """A document task run on a case (chronology, summaries, medication list, ...)."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str]
    status: Mapped[str]  # running | done | failed | cancelled
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    model_id: Mapped[str | None]
    weights_sha256: Mapped[str | None]
    manifest: Mapped[str | None]
    mode: Mapped[dict[str, Any]] = mapped_column(default=dict)
    output: Mapped[str | None]  # the model's raw text, kept so a parsed table can be checked against it
    error: Mapped[str | None]  # why a failed task failed, in words for people
    created_at: Mapped[str]
    finished_at: Mapped[str | None]


class TaskResultRow(Base):
    __tablename__ = "task_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)  # one row: fields + citations


class ReviewRow(Base):
    """A review table: one row per document (or family), one column per question (app/reviews)."""

    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    title: Mapped[str]
    columns: Mapped[list[Any]] = mapped_column(default=list)  # [{title, question, type, choices}]
    rows: Mapped[list[Any]] = mapped_column(default=list)  # [{label, document_ids}] fixed at creation
    row_unit: Mapped[str]  # documents | families
    scope: Mapped[str]  # document (each row's own documents) | case (the whole case in view)
    status: Mapped[str]  # running | stopped | done | failed
    model_id: Mapped[str | None]
    weights_sha256: Mapped[str | None]
    manifest: Mapped[str | None]  # the whole case's, when the review was made
    error: Mapped[str | None]
    created_at: Mapped[str]
    finished_at: Mapped[str | None]


class ReviewCellRow(Base):
    """One answered cell, stored as soon as it is answered (a review resumes from these)."""

    __tablename__ = "review_cells"
    __table_args__ = (UniqueConstraint("review_id", "row_index", "column_index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    row_index: Mapped[int]
    column_index: Mapped[int]
    value: Mapped[str]
    detail: Mapped[str]  # a yes/no's reason, a date's or amount's normal form
    citations: Mapped[list[Any]] = mapped_column(default=list)
    check: Mapped[str]  # app.reviews.checks: verified | differs | not_on_page | cited | ...
    note: Mapped[str]  # the check in words, for people
    output: Mapped[str | None]  # the model's raw text for this cell
    edited: Mapped[bool] = mapped_column(default=False)  # the value was typed by the user
    manifest: Mapped[str | None]  # of what the cell read (its document, or the case)
    finished_at: Mapped[str]


class EvalRunRow(Base):
    """A qualification run (app/evaluation): what was asked of which model, so a stopped run resumes."""

    __tablename__ = "eval_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    model_id: Mapped[str] = mapped_column(index=True)
    weights_sha256: Mapped[str]
    plan: Mapped[dict[str, Any]] = mapped_column(default=dict)  # size, seed, lengths, template
    status: Mapped[str]  # running | stopped | done
    seconds: Mapped[float] = mapped_column(default=0.0)  # spent so far, over every sitting
    started_at: Mapped[str]
    finished_at: Mapped[str | None]


class EvalItemRow(Base):
    """One scored question of a run, stored as soon as it is scored."""

    __tablename__ = "eval_items"
    __table_args__ = (UniqueConstraint("run_id", "set_index", "item_index"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("eval_runs.id", ondelete="CASCADE"), index=True)
    set_index: Mapped[int]
    item_index: Mapped[int]
    result: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PageBatesRow(Base):
    """The Bates number of a page whose label is one (``storage.search_repository.parse_bates_label``),
    so a number or range is found by index instead of by reading every label of the case."""

    __tablename__ = "page_bates"
    page_id: Mapped[int] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    prefix: Mapped[str]  # upper-cased, with its separator ("ABC-"): one series whatever the case
    number: Mapped[int]
    width: Mapped[int]  # digits as written, so the label can be written back


Index("ix_page_bates_case_id_prefix_number", PageBatesRow.case_id, PageBatesRow.prefix, PageBatesRow.number)


class ReviewSetRow(Base):
    """A saved selection of a case's documents: picked by hand, or resolved from a search."""

    __tablename__ = "review_sets"
    __table_args__ = (UniqueConstraint("case_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    name: Mapped[str]
    query: Mapped[str] = mapped_column(default="", server_default="")  # the search it came from, if any
    document_ids: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[str]
    updated_at: Mapped[str]


# The full-text index of pages.text (FTS5, created by migration 0009 with its triggers): a
# virtual table and the shadow tables SQLite keeps for it. Declared here only so that the
# models-match-migrations check and a future autogenerate know them (rather than proposing to
# drop them); never create_all()'d: they exist only as the migration makes them.
PAGE_INDEX = "pages_fts"
Table(PAGE_INDEX, Base.metadata, Column("text", NullType()))
# (``id INTEGER PRIMARY KEY`` as FTS5 writes it: SQLite reports it nullable, so it is declared so.)
Table(f"{PAGE_INDEX}_data", Base.metadata, Column("id", Integer, primary_key=True, nullable=True),
      Column("block", LargeBinary))
Table(f"{PAGE_INDEX}_idx", Base.metadata, Column("segid", NullType(), primary_key=True),
      Column("term", NullType(), primary_key=True), Column("pgno", NullType()))
Table(f"{PAGE_INDEX}_docsize", Base.metadata, Column("id", Integer, primary_key=True, nullable=True),
      Column("sz", LargeBinary))
Table(f"{PAGE_INDEX}_config", Base.metadata, Column("k", NullType(), primary_key=True),
      Column("v", NullType()))


class AuditEventRow(Base):
    """Append-only. No foreign keys: deleting a case must not delete its audit trail."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    ts: Mapped[str]
    os_user: Mapped[str]
    action: Mapped[str]
    outcome: Mapped[str]
    case_id: Mapped[int | None]
    objects: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str]
    row_hash: Mapped[str]
    mac: Mapped[str]


Index("ix_audit_events_case_id", AuditEventRow.case_id)


class VaultSecretRow(Base):
    """Keys that live inside the encrypted vault: the audit HMAC key and the export signing key.

    Kept here (not derived from the data key) so that rotating the data key (rekey) leaves every
    past audit event verifiable and every past export's signer the same.
    """

    __tablename__ = "vault_secrets"
    name: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
