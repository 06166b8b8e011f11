"""The context plan: does this case fit the model's window, and what would it cost in memory?

Tokens are counted with the model's own tokenizer (the ``tokenizers`` library reads
``tokenizer.json`` directly; no transformers in this process). Nothing is ever cut: if the set
does not fit, the plan says so with numbers, and asking is refused until the user chooses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import psutil

from app.context import (
    DOCUMENT_FOOTER,
    SYSTEM_INSTRUCTION,
    CaseContext,
    ContextDocument,
    document_header,
    render_document,
    token_key,
)
from app.model_store import ModelInfo
from app.tokens import count_tokens

ANSWER_RESERVE = 512  # tokens kept free for the question and the answer
CHAT_TEMPLATE_OVERHEAD = 32  # role markers the chat template adds around the messages
CPU_DTYPE_BYTES = 4  # fp32 on CPU; bf16 (2) on GPU is reported by the worker later


@dataclass(frozen=True)
class DocumentPlan:
    short_id: str
    name: str
    pages: int
    tokens: int
    included: bool

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
    memory: dict[str, int] = field(default_factory=dict)
    repeated_pages: tuple[RepeatedPage, ...] = ()

    @property
    def repeated_tokens(self) -> int:
        return sum(r.tokens for r in self.repeated_pages)

    def as_json(self) -> dict:
        return {
            "repeated_pages": [r.as_json() for r in self.repeated_pages],
            "repeated_tokens": self.repeated_tokens,
            "model": self.model_id, "tokens_used": self.tokens_used, "window": self.window,
            "answer_reserve": self.answer_reserve, "fits": self.fits,
            "documents": [d.as_json() for d in self.documents], "pages_in": self.pages_in,
            "pages_out": self.pages_out, "memory": self.memory, "manifest": self.manifest,
        }


def kv_bytes_per_token(model: ModelInfo, dtype_bytes: int = CPU_DTYPE_BYTES) -> int:
    """Full-attention layers x 2 (K and V) x kv heads x head dim x dtype bytes."""
    cfg = model.text_config
    layers = int(cfg.get("num_hidden_layers", 0))
    layer_types = cfg.get("layer_types")
    if layer_types:
        layers = sum(1 for t in layer_types if t == "full_attention")
    heads = int(cfg.get("num_attention_heads", 1))
    kv_heads = int(cfg.get("num_key_value_heads") or heads)
    head_dim = int(cfg.get("head_dim") or int(cfg.get("hidden_size", 0)) // max(heads, 1))
    return layers * 2 * kv_heads * head_dim * dtype_bytes


def memory_plan(model: ModelInfo, tokens: int) -> dict[str, int]:
    kv_per_token = kv_bytes_per_token(model)
    weights = model.size_bytes
    return {
        "weights_bytes": weights,
        "kv_bytes_per_token": kv_per_token,
        "kv_bytes": kv_per_token * tokens,
        "needed_bytes": weights + kv_per_token * tokens,
        "available_bytes": int(psutil.virtual_memory().available),
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


def plan_context(context: CaseContext, model: ModelInfo) -> Plan:
    per_document = [(d, document_tokens(model, d)) for d in context.documents]
    fixed = count_tokens(model.path, SYSTEM_INSTRUCTION) + CHAT_TEMPLATE_OVERHEAD
    tokens_used = fixed + sum(tokens for _, tokens in per_document)
    fits = tokens_used + ANSWER_RESERVE <= model.window
    total_pages = context.page_count
    documents = tuple(
        DocumentPlan(d.short_id, d.record.name, len(d.pages), tokens, included=fits)
        for d, tokens in per_document
    )
    return Plan(
        model_id=model.model_id, window=model.window, tokens_used=tokens_used,
        answer_reserve=ANSWER_RESERVE, fits=fits, documents=documents,
        pages_in=total_pages if fits else 0, pages_out=0 if fits else total_pages,
        manifest=context.manifest, memory=memory_plan(model, tokens_used + ANSWER_RESERVE),
        repeated_pages=repeated_pages(context, model),
    )
