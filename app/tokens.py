"""Counting tokens with a model's own ``tokenizer.json`` (the ``tokenizers`` library: no
transformers in the app process). Light on purpose: the reading processes import it too."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from tokenizers import Tokenizer

from app.context import render_page
from storage.records import PageRecord


@lru_cache(maxsize=4)
def tokenizer(model_dir: Path) -> Tokenizer:
    return Tokenizer.from_file(str(model_dir / "tokenizer.json"))


def count_tokens(model_dir: Path, text: str) -> int:
    return len(tokenizer(model_dir).encode(text, add_special_tokens=False).ids)


def with_page_tokens(model_dir: Path, pages: list[PageRecord], *, recount: bool = False) -> list[PageRecord]:
    """The pages with ``tokens`` set for each rendered page (those without a count, or all)."""
    todo = [i for i, p in enumerate(pages) if recount or p.tokens is None]
    if not todo:
        return list(pages)
    rendered = [render_page(pages[i]) for i in todo]
    encoded = tokenizer(model_dir).encode_batch_fast(rendered, add_special_tokens=False)  # no offsets
    counted = list(pages)
    for i, encoding in zip(todo, encoded, strict=True):
        counted[i] = replace(counted[i], tokens=len(encoding.ids))
    return counted
