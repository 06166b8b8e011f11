"""The context plan: does this case fit the model's window, and what would it cost in memory?

Tokens are counted with the model's own tokenizer (the ``tokenizers`` library reads
``tokenizer.json`` directly; no transformers in this process). Nothing is ever cut: if the set
does not fit, the plan says so with numbers, and asking is refused until the user chooses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from app.answer.memory_plan import MemoryPlan, memory_plan, usable_window, yarn_factor
from app.context import (
    DOCUMENT_FOOTER,
    SYSTEM_INSTRUCTION,
    CaseContext,
    ContextDocument,
    document_header,
    family_of,
    render_document,
    token_key,
)
from app.models.store import ModelInfo
from app.page_report import status_counts
from app.tokens import count_tokens
from storage.records import PageStatus

ANSWER_RESERVE = 512  # tokens kept free for the question and the answer
CHAT_TEMPLATE_OVERHEAD = 32  # role markers the chat template adds around the messages


@dataclass(frozen=True)
class DocumentPlan:
    short_id: str
    name: str
    pages: int
    tokens: int
    included: bool
    family: str | None = None  # a production family (e-mail + attachments): read in one pass
    family_key: str | None = None  # the family across volumes ("VOL001/ABC0000022"): what groups it
    page_statuses: dict[str, int] = field(default_factory=dict)  # what was read: pages per PageStatus

    def as_json(self) -> dict:
        return self.__dict__.copy()


@dataclass(frozen=True)
class RepeatedPage:
    """A page whose text already appears earlier in the set (e-mail threads, re-produced pages)."""

    page: str  # "D3 p2"
    same_as: str  # "D1 p5"
    tokens: int

    def as_json(self) -> dict:
        return self.__dict__.copy()


@dataclass(frozen=True)
class Plan:
    model_id: str
    window: int
    tokens_used: int
    answer_reserve: int
    fits: bool
    documents: tuple[DocumentPlan, ...]
    pages_in: int
    pages_out: int
    manifest: str
    memory: MemoryPlan | None = None  # None: a remote server plans its own memory
    repeated_pages: tuple[RepeatedPage, ...] = ()
    native_window: int = 0
    rope_factor: float = 1.0  # > 1: YaRN stretches the native window to fit this case

    @property
    def memory_fits(self) -> bool:
        """No memory plan (a remote model server plans its own memory) counts as fitting."""
        return self.memory is None or self.memory.fits

    @property
    def repeated_tokens(self) -> int:
        return sum(r.tokens for r in self.repeated_pages)

    def as_json(self) -> dict:
        return {
            "repeated_pages": [r.as_json() for r in self.repeated_pages],
            "repeated_tokens": self.repeated_tokens,
            "model": self.model_id, "tokens_used": self.tokens_used, "window": self.window,
            "native_window": self.native_window, "rope_factor": self.rope_factor,
            "memory_fits": self.memory_fits,
            "answer_reserve": self.answer_reserve, "fits": self.fits,
            "documents": [d.as_json() for d in self.documents], "pages_in": self.pages_in,
            "pages_out": self.pages_out, "manifest": self.manifest,
            "page_statuses": {str(status): sum(d.page_statuses.get(status, 0) for d in self.documents)
                              for status in PageStatus},
            "memory": self.memory.as_json() if self.memory else {},
        }


def document_tokens(model: ModelInfo, document: ContextDocument) -> int:
    """Stored page counts when they were made for this model and template; else count now."""
    pages = document.pages
    if document.record.token_key == token_key(model.model_id) and all(p.tokens is not None for p in pages):
        header = document_header(document.short_id, document.record, len(pages))
        frame = count_tokens(model.path, f"{header}\n{DOCUMENT_FOOTER}")
        return frame + sum(p.tokens for p in pages) + len(pages)  # + the newline after each page
    return count_tokens(model.path, render_document(document.short_id, document.record, list(pages)))


MIN_REPEAT_CHARS = 200  # shorter pages (cover sheets, blank forms) repeat by nature


def repeated_pages(context: CaseContext, model: ModelInfo) -> tuple[RepeatedPage, ...]:
    first_seen: dict[str, str] = {}
    repeats = []
    for document in context.documents:
        for page in document.pages:
            text = " ".join(page.text.split()).casefold()
            if len(text) < MIN_REPEAT_CHARS:
                continue
            key = hashlib.sha256(text.encode()).hexdigest()
            where = f"{document.short_id} p{page.number}"
            if key in first_seen:
                tokens = page.tokens if page.tokens is not None else count_tokens(model.path, page.text)
                repeats.append(RepeatedPage(where, first_seen[key], tokens))
            else:
                first_seen[key] = where
    return tuple(repeats)


def plan_context(context: CaseContext, model: ModelInfo, *, extra_tokens: int = 0,
                 local: bool = True) -> Plan:
    """``extra_tokens``: read with the documents every time (the chat so far). ``local``: False for
    a remote model server, whose memory is not this machine's to plan."""
    per_document = [(d, document_tokens(model, d)) for d in context.documents]
    fixed = count_tokens(model.path, SYSTEM_INSTRUCTION) + CHAT_TEMPLATE_OVERHEAD + extra_tokens
    tokens_used = fixed + sum(tokens for _, tokens in per_document)
    needed = tokens_used + ANSWER_RESERVE
    fits = needed <= usable_window(model)
    factor = yarn_factor(model, needed) if fits else 1.0
    total_pages = context.page_count
    documents = tuple(
        DocumentPlan(d.short_id, d.record.name, len(d.pages), tokens, included=fits,
                     family=d.record.metadata.get("family"), family_key=family_of(d.record),
                     page_statuses=status_counts(d.pages))
        for d, tokens in per_document
    )
    return Plan(
        model_id=model.model_id, window=int(model.window * factor) if fits else usable_window(model),
        native_window=model.window, rope_factor=factor, tokens_used=tokens_used,
        answer_reserve=ANSWER_RESERVE, fits=fits, documents=documents,
        pages_in=total_pages if fits else 0, pages_out=0 if fits else total_pages,
        manifest=context.manifest, memory=memory_plan(model, needed) if local else None,
        repeated_pages=repeated_pages(context, model),
    )
