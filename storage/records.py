"""Plain dataclasses that cross the storage boundary (ORM rows never do)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class CaseRecord:
    id: int
    name: str
    created_at: str


class PageStatus(StrEnum):
    """What Casefile read on a page: every stored page has exactly one."""

    TEXT = "text"  # the PDF's (or the format's) own text
    OCR = "ocr"  # read by OCR: a scan, or a text layer too garbled to use
    TEXT_OCR = "text+ocr"  # both: a stamp in the text layer, the scan under it by OCR
    BLANK = "blank"  # no ink at all (checked by rendering the page)
    NEEDS_OCR = "needs ocr"  # a scan not read: OCR missing, switched off or failed (``note`` says)
    UNREADABLE = "unreadable"  # the page itself could not be read (``note`` says why)


@dataclass(frozen=True)
class PageRecord:
    number: int
    text: str
    label: str | None = None
    ocr: bool = False  # some of the text came from OCR
    needs_ocr: bool = False  # ink the text does not account for, not read yet
    tokens: int | None = None  # the rendered page's tokens under DocumentRecord.token_key
    status: str = ""  # a PageStatus; "" until the reader or the store step settles it
    ocr_confidence: float | None = None  # Tesseract's mean word confidence (0-100) where OCR ran
    note: str = ""  # why a page is unreadable or not read, or what failed beside its text

    def settled(self) -> PageRecord:
        """This page with its status decided from what it holds, where the reader left it open."""
        if self.status:
            return self
        if self.needs_ocr:
            status = PageStatus.NEEDS_OCR
        elif self.ocr:
            status = PageStatus.OCR
        else:
            status = PageStatus.TEXT if self.text.strip() else PageStatus.BLANK
        return replace(self, status=str(status))


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    case_id: int
    sha256: str
    name: str
    kind: str
    size_bytes: int
    page_count: int
    status: str
    warnings: tuple[str, ...] = ()
    token_key: str | None = None  # model + template the page token counts belong to
    metadata: dict[str, str] = field(default_factory=dict)  # a production's custodian, dates, family


@dataclass(frozen=True)
class NewDocument:
    """A document read from disk, ready to store."""

    sha256: str
    name: str
    kind: str
    size_bytes: int
    pages: tuple[PageRecord, ...]
    status: str = "ingested"
    warnings: tuple[str, ...] = ()
    token_key: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChatSessionRecord:
    id: int
    case_id: int
    title: str
    created_at: str


@dataclass(frozen=True)
class MessageRecord:
    id: int
    session_id: int
    role: str
    content: str
    created_at: str
    citations: list[dict[str, Any]] = field(default_factory=list)
    model_id: str | None = None
    weights_sha256: str | None = None
    manifest: str | None = None
    finish_reason: str | None = None
    timings: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    mode: dict[str, Any] = field(default_factory=dict)
    located: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class TaskRecord:
    """A document task run on a case; ``rows`` are its results (fields, citations, check)."""

    id: int
    case_id: int
    kind: str
    status: str  # running | done | failed | cancelled
    created_at: str
    finished_at: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    model_id: str | None = None
    weights_sha256: str | None = None
    manifest: str | None = None
    mode: dict[str, Any] = field(default_factory=dict)
    output: str | None = None
    error: str | None = None
    rows: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class ReviewRecord:
    """A review: columns (questions) by rows (documents or families), answered cell by cell."""

    id: int
    case_id: int
    title: str
    columns: tuple[dict[str, Any], ...]
    rows: tuple[dict[str, Any], ...]  # {"label": ..., "document_ids": [...]}
    row_unit: str
    scope: str
    status: str  # running | stopped | done | failed
    created_at: str
    finished_at: str | None = None
    model_id: str | None = None
    weights_sha256: str | None = None
    manifest: str | None = None
    error: str | None = None

    @property
    def cell_count(self) -> int:
        return len(self.rows) * len(self.columns)


@dataclass(frozen=True)
class ReviewCellRecord:
    review_id: int
    row: int
    column: int
    value: str
    detail: str
    citations: tuple[dict[str, Any], ...]
    check: str
    note: str
    finished_at: str
    output: str | None = None
    edited: bool = False
    manifest: str | None = None


@dataclass(frozen=True)
class EvalRunRecord:
    """A qualification run; its scored questions are kept by (set, item) as they finish."""

    id: int
    model_id: str
    weights_sha256: str
    plan: dict[str, Any]  # size, seed, lengths, template
    status: str  # running | stopped | done
    seconds: float
    started_at: str
    finished_at: str | None = None


@dataclass(frozen=True)
class PageHitRecord:
    """One page found by a search: where it is, how well it matched, and a passage of it."""

    page_id: int
    document_id: int
    number: int
    label: str | None
    rank: float | None  # FTS5 bm25: lower is better; None when no words were searched
    snippet: str  # the best passage, each hit between the caller's markers (or the page's start)


@dataclass(frozen=True)
class PageSearchRecord:
    """The pages shown (at most the limit asked for) and how many matched in all."""

    hits: tuple[PageHitRecord, ...]
    pages: int
    documents: int
    document_ids: tuple[int, ...] = ()  # every matching document, when asked for (a review set)


@dataclass(frozen=True)
class BatesPageRecord:
    """A page found through the Bates index."""

    page_id: int
    document_id: int
    number: int
    label: str


@dataclass(frozen=True)
class BatesClaimRecord:
    """One Bates number that pages of more than one document carry (a production error, or a
    document ingested twice under different hashes)."""

    prefix: str  # upper-cased, with its separator
    number: int
    labels: tuple[str, ...]  # as each page writes it
    document_ids: tuple[int, ...]


@dataclass(frozen=True)
class ReviewSetRecord:
    """A saved selection of a case's documents, by hand or from a search (``query``)."""

    id: int
    case_id: int
    name: str
    query: str
    document_ids: tuple[int, ...]
    created_at: str
    updated_at: str
