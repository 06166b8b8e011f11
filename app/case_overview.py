"""What the window shows about cases and documents, read in one go off the GUI thread.

Plain dataclasses built from the vault: the case list with counts, a case's documents with their
pages, tokens, OCR and warnings, and the context gauge (the plan in a form the window can show
before anyone asks: tokens used of the window, pages in and out, memory, what happens if the set
does not fit).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.answer.citations import Citation
from app.answer.planning import plan_context
from app.answer.provenance import Located
from app.cases import documents_with_pages
from app.context import build_context, subset
from app.evaluation.qualification import Qualification, last_qualification
from app.ingest.page_tokens import refresh_page_tokens
from app.models.store import ModelInfo
from app.page_report import status_counts
from storage import repositories as repo
from storage.records import CaseRecord, MessageRecord
from storage.vault import Vault


@dataclass(frozen=True)
class CaseSummary:
    case: CaseRecord
    documents: int
    pages: int


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    short_id: str  # as the model sees and cites it (D1, D2, ... in the set's order)
    name: str
    kind: str
    pages: int
    tokens: int | None
    status: str
    ocr_pages: int
    unread_pages: int  # scanned pages with no text (no OCR available)
    warnings: tuple[str, ...]
    page_statuses: dict[str, int] = field(default_factory=dict)  # pages per PageStatus


@dataclass(frozen=True)
class Gauge:
    tokens_used: int
    window: int
    fits: bool
    pages_in: int
    pages_out: int
    memory_needed: int
    memory_available: int
    memory_fits: bool
    repeated_pages: int
    advice: str  # what happens when the user asks, in one sentence


def case_summaries(vault: Vault) -> list[CaseSummary]:
    with vault.read() as session:
        return [CaseSummary(case, *repo.case_counts(session, case.id)) for case in repo.list_cases(session)]


def case_view(vault: Vault, case: CaseRecord, model: ModelInfo | None,
              exclude: frozenset[str] = frozenset()) -> tuple[list[DocumentSummary], Gauge | None]:
    """A case's documents (ids as the model sees them) and its gauge under ``model``, from one read
    of its pages; no gauge without a model or without documents. ``exclude``: documents the user
    left out (ids such as "D3"); the gauge measures the rest, as a question would read it."""
    documents = documents_with_pages(vault, case)
    if model is not None:
        documents = refresh_page_tokens(vault, documents, model)
    context = build_context(documents, model.model_id if model else "")
    summaries = [DocumentSummary(
        id=d.record.id, short_id=d.short_id, name=d.record.name, kind=d.record.kind, pages=len(d.pages),
        tokens=sum(p.tokens for p in d.pages) if all(p.tokens is not None for p in d.pages) else None,
        status=d.record.status, ocr_pages=sum(p.ocr for p in d.pages),
        unread_pages=sum(p.needs_ocr for p in d.pages), warnings=d.record.warnings,
        page_statuses=status_counts(d.pages))
        for d in context.documents]
    if model is None or not documents:
        return summaries, None
    kept = [d.short_id for d in context.documents if d.short_id not in exclude]
    if not kept:
        return summaries, None
    if len(kept) < len(context.documents):
        context = subset(context, kept)
    qualified = last_qualification(vault, model.model_id, model.weights_sha256)
    return summaries, _gauge(plan_context(context, model), qualified)


def _gauge(plan, qualified: Qualification | None = None) -> Gauge:
    memory = plan.memory
    if not plan.fits:
        advice = (f"Does not fit: {plan.tokens_used:,} tokens for a {plan.window:,}-token window. Nothing "
                  "will be cut — leave documents out, or ask in staged passes (labelled as such).")
    elif not plan.memory_fits:
        advice = "Fits the window but not the free memory: leave documents out or use the site's server."
    else:
        advice = "The whole case is read for every question."
    if qualified is not None and plan.fits and not qualified.covers(plan.tokens_used):
        advice += (f" This case ({plan.tokens_used:,} tokens) is longer than {plan.model_id} qualified for "
                   f"({qualified.phrase()}): read its answers against the pages with care.")
    return Gauge(plan.tokens_used, plan.window, plan.fits, plan.pages_in, plan.pages_out,
                 memory.needed_bytes if memory else 0, memory.available_bytes if memory else 0,
                 plan.memory_fits,
                 len(plan.repeated_pages), advice)


@dataclass(frozen=True)
class ChatSummary:
    id: int
    title: str
    created_at: str
    questions: int


def chat_summaries(vault: Vault, case: CaseRecord) -> list[ChatSummary]:
    """The case's chats, newest first."""
    with vault.read() as session:
        chats = repo.list_chat_sessions(session, case.id)
        asked = repo.question_counts(session, case.id)
    return [ChatSummary(chat.id, chat.title, chat.created_at, asked.get(chat.id, 0))
            for chat in reversed(chats)]


@dataclass(frozen=True)
class ChatMessage:
    """One message of a stored chat, as the window shows it: an answer's citations and the pages
    Casefile found for it are typed again, as they were when it was given."""

    role: str  # user | assistant
    content: str
    citations: tuple[Citation, ...] = ()
    located: tuple[Located, ...] = ()
    model_id: str = ""
    manifest: str = ""
    mode_label: str = ""  # how the case was read: whole, without some documents, staged
    finish_reason: str = ""
    timings: dict = field(default_factory=dict)  # an answer's: ttft_s, decode tokens/s, total_s
    created_at: str = ""
    # How it was written and what of it the pages do not hold (answers stored before: "" and ()).
    style: str = ""  # app.answer.styles: quoted | free | quote-first
    quotes: str = ""  # how its quotes stand, in words: copied from the pages, or checked after
    unsupported: tuple[str, ...] = ()  # its figures found on none of its cited pages
    unsupported_where: str = ""  # "cited pages", or "documents" when nothing was cited


def chat_messages(vault: Vault, case: CaseRecord, chat_id: int) -> list[ChatMessage]:
    """A chat's messages, oldest first, if the chat belongs to ``case``."""
    with vault.read() as session:
        chat = repo.find_chat_session(session, chat_id)
        stored = repo.list_messages(session, chat_id) if chat is not None and chat.case_id == case.id else []
    return [_message(m) for m in stored]


def _message(m: MessageRecord) -> ChatMessage:
    mode = m.mode or {}
    return ChatMessage(m.role, m.content, tuple(map(Citation.from_json, m.citations)),
                       tuple(map(Located.from_json, m.located)), m.model_id or "", m.manifest or "",
                       mode.get("label") or "", m.finish_reason or "", dict(m.timings or {}), m.created_at,
                       style=str(mode.get("style") or ""), quotes=str(mode.get("quotes") or ""),
                       unsupported=tuple(str(term) for term in mode.get("unsupported") or ()),
                       unsupported_where=str(mode.get("unsupported_where") or ""))
