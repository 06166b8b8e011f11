"""Quotes copied from the record, by construction: the copy constraint on the decode loop.

While the answer is outside a quotation the model writes freely. When it opens one (a token
holding " or “), decoding switches to copy mode: of the model's top candidates, only those that
keep the quote a passage of some page of the case — the page's words and punctuation, case and
spacing aside (``inference.quote_index`` over ``inference.quote_text.surface``, which implies the
verifier's own match) — are allowed, and the best-scoring allowed one is taken (sampled among them
at a temperature). The model closes the quote when it chooses, once it holds ``min_words`` words
and ends on a whole word; a close it attempts earlier is not allowed. A mark right after "="
(markup the model echoes: id="D1") is not a quotation. Casefile then writes the
closing mark and the citation of the page the words are on ("[D3 p2]", "[ABC0001234]",
"[D4 45:12-20]"), so a quote's citation is always right.

When none of the model's candidates is allowed, Casefile continues the quote with the page's next
word (so a quote the model tries to invent becomes the real passage it began), or closes it once
it is long enough. The tokens Casefile chose are counted (``forced``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import torch

from inference.quote_index import Occurrence, QuoteIndex
from inference.quote_text import MIN_QUOTE_CHARACTERS, MIN_QUOTE_WORDS, quote_pattern, tokens

log = logging.getLogger("casefile.worker")

OPENERS = ('"', "\u201c")
CLOSERS = ('"', "\u201d", "\u201c")  # any double quote ends a quotation, as the citation parser reads it
CLOSING = {'"': '"', "\u201c": "\u201d"}
TOP_K = 32
MAX_WORDS = 80  # a quote this long is closed: an answer quotes passages, not pages
_TAIL = 4  # tokens of context when decoding a candidate's text (a word's leading space)
# Spacing no page has: two spaces, or a space other than " " (the index's surface text folds
# "\xa0" and the like into " ", so "at \xa0the" was allowed and copied as written). One space after
# the opening mark is the model's way of starting a word: refusing it left quotes empty.
_SPACING = re.compile(r"\s\s|[^\S ]")


@dataclass
class Copied:
    quote: str
    citation: str


@dataclass
class CopyQuotes:
    index: QuoteIndex
    tokenizer: object
    eos_ids: set[int]
    min_words: int = MIN_QUOTE_WORDS
    max_words: int = MAX_WORDS
    top_k: int = TOP_K
    copied: list[Copied] = field(default_factory=list)
    forced: int = 0  # tokens Casefile chose rather than the model
    quoting: bool = False
    in_markup: bool = False  # inside an attribute's value (id="D1"): its marks are not quotations
    quote: str = ""  # the text inside the open quotation
    opener: str = '"'
    rows: tuple[int, int] = (0, 0)  # the suffixes the quote so far begins

    # ----- the step ------------------------------------------------------------------------

    def next_tokens(self, logits: torch.Tensor, sampler, generated: list[int]) -> list[int]:
        """The token(s) to add after ``generated``: one the model chose, or Casefile's own (the
        rest of a word, a closing mark and a citation)."""
        pieces = _Pieces(self.tokenizer, generated)
        if not self.quoting:
            return self._free(logits, sampler, pieces)
        return self._copying(logits, sampler, pieces)

    def begin_inside(self, opener: str, begun: str = "") -> bool:
        """Start inside a quotation already opened by ``opener`` (an answer given its first words),
        holding ``begun``; False when no page holds ``begun``."""
        self.quoting, self.opener, self.quote, self.rows = True, opener, "", self._all()
        rows = self._rows(begun) if begun else self.rows
        if rows is None:
            return False
        self.quote, self.rows = begun, rows
        return True

    def _free(self, logits, sampler, pieces) -> list[int]:
        token = sampler.next_token(logits)
        if token in self.eos_ids:
            return [token]
        piece = pieces.of(token)
        at = min((i for i in (piece.find(mark) for mark in OPENERS) if i >= 0), default=-1)
        if at < 0:
            return [token]
        if self.in_markup or (pieces.before + piece[:at]).endswith("="):  # markup the model echoes
            self.in_markup = piece.count('"') % 2 == (0 if self.in_markup else 1)
            return [token]
        rest = piece[at + 1:]
        clean = not any(mark in rest for mark in CLOSERS) and "\n" not in rest
        if clean and self.begin_inside(piece[at], rest):
            return [token]
        self.begin_inside(piece[at])
        return self._force(piece[:at + 1])  # the mark alone: what followed it is on no page

    def _copying(self, logits, sampler, pieces) -> list[int]:
        # (token, the quote after it, its rows; None: the token closes the quote)
        allowed: list[tuple[int, str, tuple[int, int] | None]] = []
        top = torch.topk(logits, min(self.top_k, logits.shape[-1]))
        for token in top.indices.tolist():
            if token in self.eos_ids:
                continue
            piece = pieces.of(token)
            if not piece or "\ufffd" in piece or "\n" in piece:
                continue
            close = min((i for i in (piece.find(mark) for mark in CLOSERS) if i >= 0), default=-1)
            if close >= 0:
                quote = self.quote + piece[:close]
                if self._ending(quote) is not None:
                    allowed.append((token, quote, None))
            else:
                quote = self.quote + piece
                if _SPACING.search(quote):  # a passage is written as the page spaces it
                    continue
                if len(quote.split()) <= self.max_words and (rows := self._rows(quote)):
                    allowed.append((token, quote, rows))
            if allowed and sampler.params.temperature <= 0:
                break  # greedy: the best-scoring allowed candidate
        if allowed:
            token, quote, rows = _pick(allowed, logits, sampler)
            if rows is None:
                return self._close(quote)
            self.quote, self.rows = quote, rows
            return [token]
        if self._ending(self.quote) is not None:
            return self._close(self.quote)
        return self._continue()

    # ----- the index -----------------------------------------------------------------------

    def _all(self) -> tuple[int, int]:
        return 0, self.index.rows

    def _rows(self, quote: str) -> tuple[int, int] | None:
        pattern = quote_pattern(quote)
        if not pattern:
            return self._all()
        rows = self.index.interval(pattern, self.rows)
        return rows if rows[1] > rows[0] else None

    def _ending(self, quote: str, min_words: int | None = None) -> Occurrence | None:
        """Where the quote may end: the first passage in reading order that holds it as whole
        words; None while it is shorter than a quotation or ends inside a word everywhere."""
        words = tokens(quote)[0]
        # Words counted both ways: the citation parser counts a quote's words by its spaces, so
        # "policy HX-20931" (three tokens, two words there) closed here would never be checked.
        counted = min(len(words), len(quote.split()))
        if not words or counted < (min_words or self.min_words) or len(quote.strip()) < MIN_QUOTE_CHARACTERS:
            return None
        pattern = quote_pattern(quote.rstrip())
        rows = self.index.interval(pattern, self.rows)
        return self.index.ending(quote, pattern, rows) if rows[1] > rows[0] else None

    # ----- what Casefile writes ------------------------------------------------------------

    def _force(self, text: str) -> list[int]:
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        self.forced += len(ids)
        return ids

    def _close(self, quote: str, min_words: int | None = None) -> list[int]:
        where = self._ending(quote, min_words)
        citation = self.index.citation(where, len(quote.split()))
        self.copied.append(Copied(quote.strip(), citation))
        # The text of a closing token before its mark ('."': the quote's last "."), which is part of
        # the quote recorded: written with the mark, or the answer would lack what ``copied`` holds
        # (its spaces are not: the quote is recorded stripped, and 'anyone. ' + ' "' would be two).
        unwritten = quote[len(self.quote):].rstrip()
        self.quoting, self.quote = False, ""
        return self._force(f"{unwritten}{CLOSING[self.opener]} {citation}")

    def _continue(self) -> list[int]:
        """The page's next word (or the rest of the word the quote is in), as the page writes it;
        at the page's end, or past ``max_words``, the quote closes."""
        pattern = quote_pattern(self.quote)
        if not pattern:  # the model would quote nothing a page holds: the marks close on nothing
            self.quoting = False
            return self._force(CLOSING[self.opener])
        text = self._next_text(pattern) if len(self.quote.split()) < self.max_words else ""
        if not text:
            return self._close(self.quote, 1) if self._ending(self.quote, 1) else self._abandon()
        quote = self.quote + text
        rows = self._rows(quote)
        if rows is None:
            return self._abandon()
        self.quote, self.rows = quote, rows
        return self._force(text)

    def _next_text(self, pattern: str) -> str:
        occurrence = self.index.occurrences(self.rows, 1)[0]
        return self.index.following(occurrence, len(pattern))

    def _abandon(self) -> list[int]:
        """Never expected: the quote cannot go on or close on its page. Closed without a citation,
        so the verifier reports it as it finds it."""
        log.warning("a copied quote could not be continued or closed")
        self.quoting, self.quote = False, ""
        return self._force(CLOSING[self.opener])


class _Pieces:
    """The text a candidate token would add after the answer so far (decoded with a few tokens
    before it, so a word's leading space and a split character come out right)."""

    def __init__(self, tokenizer, generated: list[int]) -> None:
        self.tokenizer, self.tail = tokenizer, generated[-_TAIL:]
        self.before = tokenizer.decode(self.tail, skip_special_tokens=True) if self.tail else ""

    def of(self, token: int) -> str:
        after = self.tokenizer.decode([*self.tail, token], skip_special_tokens=True)
        return after[len(self.before):] if after.startswith(self.before) else after


def _pick(allowed, logits, sampler):
    if sampler.params.temperature <= 0 or len(allowed) == 1:
        return allowed[0]
    scores = torch.stack([logits[token] for token, _, _ in allowed]).float() / sampler.params.temperature
    choice = int(torch.multinomial(torch.softmax(scores, dim=-1), 1, generator=sampler.generator))
    return allowed[choice]
