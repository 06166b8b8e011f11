"""Counting tokens with a model's own ``tokenizer.json`` (the ``tokenizers`` library: no
transformers in the app process). Light on purpose: the reading processes import it too."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from tokenizers import Tokenizer

from app.context import render_page
from storage.records import PageRecord

PIECE_CHARS = 64 * 1024  # counted in pieces of this size, so memory stays flat whatever the page
PIECES_AT_ONCE = 64  # at most 4 M characters in the encoder at once


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
    counts = dict.fromkeys(todo, 0)
    batch: list[tuple[int, str]] = []  # (page, piece): many pages a batch, so the encoder's threads work

    def encode() -> None:
        encoded = tokenizer(model_dir).encode_batch_fast([piece for _, piece in batch],
                                                         add_special_tokens=False)  # no offsets
        for (i, _), encoding in zip(batch, encoded, strict=True):
            counts[i] += len(encoding.ids)
        batch.clear()

    for i in todo:  # each page in pieces: a 100 MB page must not cost gigabytes
        for piece in text_pieces(render_page(pages[i])):
            batch.append((i, piece))
            if len(batch) == PIECES_AT_ONCE:
                encode()
    if batch:
        encode()
    return [replace(p, tokens=counts[i]) if i in counts else p for i, p in enumerate(pages)]


def text_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, each cut just before a single space
    between two words: the byte-level BPE of our models starts a token there anyway (" word"), so
    the pieces' counts add up to the whole text's."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = start + size
        while cut > start + size // 2 and not (text[cut] == " " and not text[cut - 1].isspace()
                                                 and not text[cut + 1:cut + 2].isspace()):
            cut -= 1
        if cut <= start + size // 2:  # no such space (one long "word"): cut anywhere
            cut = start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
