"""Where a passage is in the case: a suffix array over every page's surface text.

The copy constraint (``inference.copy_mode``) asks, at each step inside a quotation, whether the
quote so far (plus a candidate token) is still a passage of some page. Asked of the raw text that
would be a scan of the whole case per candidate; here it is a binary search.

The case's pages become one string, each page's surface text (``quote_text.surface``: folded, one
case, single spaces, double quotes as spaces) after a space and ended by " \\n"::

    " the patient takes lisinopril 10 mg daily for hypertension. blood ... \\n dr. reyes ..."

A quote written the same way (" patient takes lisinopril") occurs in that string only where a
page's word begins, and never across pages (a quote holds no newline). The suffixes that start
at a word are sorted once (prefix doubling over the words' ranks, numpy: about a second for
750,000 words on two cores), so every suffix starting with a pattern lies in one interval of the
array, found in O(len × log n). Words compare as their strings do because " " sorts below every
character a word holds and "\\n" below " ": the word order is the string order.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from inference.quote_text import surface, words_match

PAGE_END = "\n"
LOOKAHEAD = 64  # characters past a quote's end read to see that its last word is whole there
CHECKED_AT_MOST = 200  # occurrences looked at for a quote's close (the first in reading order)


@dataclass(frozen=True)
class IndexedPage:
    citation: str  # how Casefile cites the page: "D3 p2", "ABC0001234", "D4 45" (a transcript page)
    lines: tuple[tuple[int, int], ...] = ()  # a transcript's (line number, its first word) on this page


@dataclass(frozen=True)
class Occurrence:
    page: int  # index into the index's pages
    start: int  # where the passage's leading space is in the index's text


def suffix_array(sequence: np.ndarray) -> np.ndarray:
    """The suffixes of an integer sequence in sorted order (a shorter suffix before its extensions),
    by prefix doubling: each round sorts by (rank, rank k places on) until every rank differs."""
    n = len(sequence)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    rank = sequence.astype(np.int64)
    step = 1
    while True:
        following = np.zeros(n, dtype=np.int64)
        following[:n - step] = rank[step:] + 1  # 0: past the end, which sorts first
        key = rank * (n + 2) + following
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.concatenate(([0], np.cumsum(ordered[1:] != ordered[:-1])))
        if rank[order[-1]] == n - 1 or step >= n:
            return order
        step *= 2


class QuoteIndex:
    def __init__(self, pages: Sequence[tuple[IndexedPage, str]]) -> None:
        """``pages``: each page's citation and the text a quote of it is checked against."""
        self.pages = [page for page, _ in pages]
        texts, shown, words = [], [], []
        self.page_starts: list[int] = []  # where each page begins in ``text``
        self.word_starts: list[int] = []  # where each word's leading space is in ``text``
        sequence_words: list[str | None] = []  # each page's words, then None for its end
        at = 0
        for _, raw in pages:
            folded, written = surface(raw), surface(raw, keep_case=True)
            page_words = folded.split()
            self.page_starts.append(at)
            for word in page_words:
                self.word_starts.append(at)
                at += len(word) + 1
            sequence_words.extend(page_words)
            sequence_words.append(None)
            words.extend(page_words)
            body = "".join(" " + word for word in page_words) + " " + PAGE_END
            texts.append(body)
            # The words as the page writes them, where case-folding kept every length.
            shown.append("".join(" " + w for w in written.split()) + " " + PAGE_END
                         if len(written) == len(folded) else body)
            at += 2
        self.text, self.shown = "".join(texts), "".join(shown)
        self.words = len(words)
        ranked = {word: rank for rank, word in enumerate(sorted(set(words)), start=1)}
        sequence = np.asarray([ranked[w] if w is not None else 0 for w in sequence_words], dtype=np.int64)
        is_word = sequence > 0
        word_number = np.cumsum(is_word) - 1  # each word position's index among the words
        order = suffix_array(sequence)
        order = order[is_word[order]]
        starts = np.asarray(self.word_starts, dtype=np.int64)
        self.sorted_starts: list[int] = starts[word_number[order]].tolist() if len(order) else []

    @property
    def rows(self) -> int:
        return len(self.sorted_starts)

    # ----- finding -------------------------------------------------------------------------

    def interval(self, pattern: str, within: tuple[int, int] | None = None) -> tuple[int, int]:
        """The rows of the sorted suffixes that start with ``pattern`` (" word word"), searched
        within an earlier pattern's interval when ``within`` is given (a quote only grows)."""
        lo, hi = within or (0, self.rows)
        size, text, starts = len(pattern), self.text, self.sorted_starts

        def head(row: int) -> str:
            return text[starts[row]:starts[row] + size]

        first = bisect.bisect_left(range(self.rows), pattern, lo, hi, key=head)
        return first, bisect.bisect_right(range(self.rows), pattern, first, hi, key=head)

    def occurrences(self, rows: tuple[int, int], limit: int = CHECKED_AT_MOST) -> list[Occurrence]:
        """Up to ``limit`` of the passages in ``rows``, in the case's reading order."""
        lo, hi = rows
        chosen = sorted(self.sorted_starts[lo:min(hi, lo + 50 * limit)])[:limit]
        return [Occurrence(bisect.bisect_right(self.page_starts, start) - 1, start) for start in chosen]

    def ending(self, quote: str, pattern: str, rows: tuple[int, int]) -> Occurrence | None:
        """The first passage in reading order where ``quote`` ends on a whole word, or None."""
        for occurrence in self.occurrences(rows):
            after = self.text[occurrence.start:occurrence.start + len(pattern) + LOOKAHEAD]
            if words_match(quote, after.split(PAGE_END)[0]):
                return occurrence
        return None

    def following(self, occurrence: Occurrence, length: int) -> str:
        """The page's text after the first ``length`` characters of the passage, to the end of the
        next word (as the page writes it); "" at the page's end."""
        at = occurrence.start + length
        if self.text[at:at + 1] in ("", PAGE_END) or self.text[at:at + 2] == " " + PAGE_END:
            return ""
        end = self.text.find(" ", at + 1)
        return self.shown[at:end]

    def citation(self, occurrence: Occurrence, quote_words: int) -> str:
        """"[D3 p2]", "[ABC0001234]", or a transcript's "[D4 45:12-20]" for a passage of
        ``quote_words`` words from the occurrence."""
        page = self.pages[occurrence.page]
        if not page.lines:
            return f"[{page.citation}]"
        first_word = bisect.bisect_left(self.word_starts, occurrence.start) - \
            bisect.bisect_left(self.word_starts, self.page_starts[occurrence.page])
        first = _line_at(page.lines, first_word)
        last = _line_at(page.lines, first_word + max(quote_words, 1) - 1)
        return f"[{page.citation}:{first}]" if first == last else f"[{page.citation}:{first}-{last}]"


def _line_at(lines: tuple[tuple[int, int], ...], word: int) -> int:
    starts = [first for _, first in lines]
    return lines[max(0, bisect.bisect_right(starts, word) - 1)][0]
