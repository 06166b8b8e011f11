"""The context plan: does this case fit the model's window, and what would it cost in memory?

Tokens are counted with the model's own tokenizer (the ``tokenizers`` library reads
``tokenizer.json`` directly; no transformers in this process). Nothing is ever cut: if the set
does not fit, the plan says so with numbers, and asking is refused until the user chooses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import psutil
from tokenizers import Tokenizer

from app.context import SYSTEM_INSTRUCTION, CaseContext, ContextDocument, render_document
from app.model_store import ModelInfo

ANSWER_RESERVE = 512  # tokens kept free for the question and the answer
CHAT_TEMPLATE_OVERHEAD = 32  # role markers the chat template adds around the messages
CPU_DTYPE_BYTES = 4  # fp32 on CPU; bf16 (2) on GPU is reported by the worker later


@lru_cache(maxsize=4)
def _tokenizer(model_dir: Path) -> Tokenizer:
    return Tokenizer.from_file(str(model_dir / "tokenizer.json"))


def count_tokens(model: ModelInfo, text: str) -> int:
    return len(_tokenizer(model.path).encode(text, add_special_tokens=False).ids)


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

    def as_json(self) -> dict:
        return {
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


def _document_text_tokens(model: ModelInfo, document: ContextDocument) -> int:
    return count_tokens(model, render_document(document.short_id, document.record, list(document.pages)))


def plan_context(context: CaseContext, model: ModelInfo) -> Plan:
    per_document = [(d, _document_text_tokens(model, d)) for d in context.documents]
    fixed = count_tokens(model, SYSTEM_INSTRUCTION) + CHAT_TEMPLATE_OVERHEAD
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
    )
