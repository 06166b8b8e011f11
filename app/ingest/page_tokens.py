"""Page token counts under the case model, stored with the pages (see ``app.tokens``).

Counts are kept per page under a key (model + page template), so the plan is exact without
re-tokenizing a case; a change of model or template re-counts and stores the new counts.
"""

from __future__ import annotations

from dataclasses import replace

from app.context import token_key
from app.models.choice import ready_model
from app.models.store import ModelInfo, prepared_model
from app.tokens import tokenizer, with_page_tokens
from storage import repositories as repo
from storage.records import DocumentRecord, PageRecord
from storage.vault import Vault


def preload_tokenizer() -> None:
    """Load the default model's tokenizer now. Parsing tokenizer.json takes about 0.1 s and holds
    the GIL throughout, so a window loads it before it is shown, not in the middle of an ingest
    (where it would freeze the event loop for that long)."""
    if (model := prepared_model()) is not None:
        tokenizer(model.path)


class PageCounter:
    def __init__(self, model: ModelInfo) -> None:
        self.model = model
        self.key = token_key(model.model_id)

    @classmethod
    def for_default_model(cls, vault: Vault) -> PageCounter | None:
        """A counter for the vault's default model, or None while it is not prepared (counted later)."""
        model = ready_model(vault)
        return cls(model) if model is not None else None

    def count(self, pages: list[PageRecord], *, recount: bool = True) -> list[PageRecord]:
        return with_page_tokens(self.model.path, pages, recount=recount)


def refresh_page_tokens(vault: Vault, documents: list[tuple[DocumentRecord, list[PageRecord]]],
                        model: ModelInfo) -> list[tuple[DocumentRecord, list[PageRecord]]]:
    """Re-count and store the pages of documents counted under another model or template."""
    counter = PageCounter(model)
    fresh = []
    for record, pages in documents:
        if record.token_key != counter.key or any(p.tokens is None for p in pages):
            pages = counter.count(pages)
            with vault.write() as session:
                repo.set_page_tokens(session, record.id, counter.key, {p.number: p.tokens for p in pages})
            record = replace(record, token_key=counter.key)
        fresh.append((record, pages))
    return fresh
