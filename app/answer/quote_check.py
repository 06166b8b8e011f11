"""Is a quote on its page? The verdicts, and the rule that a ✓ never hides a changed word.

A quote and a page are compared as sequences of tokens: words (with inner apostrophes), numbers
with their inner separators ("1,250.00", "3/17/04", "2021-03-04") and the signs that carry
meaning beside a number ($ % § € £). Before that, differences that cannot change meaning are
normalised away: Unicode forms and ligatures, case, quote and dash styles, spacing, punctuation
between words, and words hyphenated across a line break. What is left must match token for
token: a number, date, amount, unit, dose, negation, modal verb, name or role word that differs,
a word added or dropped, or words in another order, is a difference, reported as one
("the page says “25 mg”, the quote says “50 mg”"). The invariant is structural, not a word list:
no token of the quote is ever allowed to differ from the page, except on a page read by OCR, where
a long word may differ from the page by one character that OCR is known to confuse (l/1/I,
O/0, rn/m, ...) and never in a digit.

A quote may skip words with an ellipsis ("...", "…", ". . ."): each part must be on the page, in
order. A single bracketed letter ("[t]he") is the quoter's capitalisation.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from inference.quote_text import MIN_QUOTE_WORDS, TOKEN, fold, tokens


class Verdict(StrEnum):
    EXACT = "exact"  # verified: the same characters (spacing aside)
    FORMATTING = "formatting"  # verified: only case, punctuation, quote/dash styles, ligatures, hyphenation
    OCR = "ocr"  # verified against OCR text: digits exact, at most OCR's own confusions in long words
    DIFFERS = "differs"  # the passage is on the page with different words: ``difference`` says which
    ELSEWHERE = "elsewhere"  # not on the cited page, but on another (``found_on``)
    NOT_FOUND = "not_found"  # on no page of the set


VERIFIED = frozenset({Verdict.EXACT, Verdict.FORMATTING, Verdict.OCR})
MIN_SHARED = 0.5  # a window sharing at least half the quote's tokens is the passage being quoted

_ELLIPSIS = re.compile(r"\s*(?:\.\s*\.\s*\.|…)\s*")
_BRACKETED_LETTER = re.compile(r"\[(\w)\]")
# What OCR engines mistake for one another (one for one, or one for two): a difference made only of
# these, in a long word, is reading noise. Digits never take part: a number must match exactly.
_CONFUSABLE = {frozenset(pair) for pair in (
    ("l", "i"), ("l", "I"), ("i", "j"), ("o", "c"), ("o", "a"), ("e", "c"), ("e", "o"), ("u", "v"),
    ("n", "h"), ("h", "b"), ("t", "f"), ("r", "n"), ("s", "a"), ("g", "q"), ("y", "v"), ("c", "("),
)} | {frozenset(("rn", "m")), frozenset(("cl", "d")), frozenset(("ii", "u")), frozenset(("vv", "w")),
      frozenset(("li", "h")), frozenset(("in", "m")), frozenset(("ri", "n"))}
OCR_MIN_LENGTH = 5


@dataclass(frozen=True)
class QuoteCheck:
    verdict: Verdict
    difference: str | None = None  # for DIFFERS: 'the page says “…”, the quote says “…”'

    @property
    def verified(self) -> bool:
        return self.verdict in VERIFIED


def normalize(text: str) -> str:
    """``text`` folded, without double quotes, in one case with single spaces: for searching terms."""
    text = fold(text).replace("\u201c", "").replace("\u201d", "").replace('"', "")
    return " ".join(text.split()).casefold()


class CheckedPage:
    """A page's text as the checker reads it, prepared once per answer rather than once per quote.
    Only the folded tokens and their counts are made at once (every page of a set may be searched);
    the rest is made the first time a quote is compared with this page."""

    def __init__(self, text: str, *, ocr: bool = False) -> None:
        self.text, self.ocr = text, ocr  # ocr: the page's text came (partly) from OCR
        self.folded = fold(text)
        self.tokens = TOKEN.findall(self.folded.casefold())  # the page case-folded before it is split
        self.counts = Counter(self.tokens)

    @cached_property
    def raw(self) -> str:
        """Whitespace-collapsed, for the exact check."""
        return " ".join(unicodedata.normalize("NFC", self.text).split())

    @cached_property
    def joined(self) -> str:
        """The tokens joined by "\x1f", for finding a run of them."""
        return _joined(self.tokens)

    @cached_property
    def shown(self) -> list[str]:
        """The tokens as the page writes them (for naming a difference)."""
        written = TOKEN.findall(self.folded)
        return written if len(written) == len(self.tokens) else self.tokens


def check_page(text: str, *, ocr: bool = False) -> CheckedPage:
    return CheckedPage(text, ocr=ocr)


def _joined(words: list[str]) -> str:
    return "\x1f" + "\x1f".join(words) + "\x1f"


def quote_parts(quote: str) -> list[str]:
    """The quote's runs of words between ellipses, with bracketed capitals unwrapped."""
    quote = _BRACKETED_LETTER.sub(r"\1", quote)
    return [part for part in _ELLIPSIS.split(quote) if part.strip()]


def check_quote(quote: str, page: CheckedPage) -> QuoteCheck:
    """How ``quote`` stands against ``page``: verified (exact, formatting, OCR), differs, or
    not found here (the caller looks on other pages)."""
    parts = quote_parts(quote)
    if not parts:
        return QuoteCheck(Verdict.NOT_FOUND)
    if len(parts) == 1 and " ".join(unicodedata.normalize("NFC", parts[0]).split()) in page.raw:
        return QuoteCheck(Verdict.EXACT)
    verdicts = []
    at = 0  # the parts of an elided quote are on the page in order
    for part in parts:
        words, shown = tokens(part)
        if not words:
            continue
        found = next((where for variant in _spellings(part, words)
                      if (where := _contiguous(variant, page, at)) is not None), None)
        if found is not None:
            verdicts.append(QuoteCheck(Verdict.OCR if page.ocr else Verdict.FORMATTING))
            at = found + len(words)
            continue
        near = _nearest(words, shown, page)
        if near is None:
            return QuoteCheck(Verdict.NOT_FOUND)
        verdicts.append(near)
        if not near.verified:
            return near
    if not verdicts:
        return QuoteCheck(Verdict.NOT_FOUND)
    worst = Verdict.OCR if any(v.verdict == Verdict.OCR for v in verdicts) else Verdict.FORMATTING
    return QuoteCheck(worst)


_COMPOUND = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _spellings(part: str, words: list[str]) -> list[list[str]]:
    """The quote's tokens, and, where it writes a compound with a hyphen ("well-known"), the same
    with the compound closed up: a page hyphenated at a line break reads "wellknown"."""
    if not _COMPOUND.search(part):
        return [words]
    return [words, tokens(_COMPOUND.sub("", part))[0]]


def contains(text: str, page: CheckedPage) -> bool:
    """Whether ``text`` (a cell's value, a name, a term) is on the page as whole words, formatting
    aside: "5 mg" is not found inside "25 mg"."""
    words = tokens(text)[0]
    return bool(words) and all(page.counts[w] for w in words) and _contiguous(words, page, 0) is not None


class QuoteProbe:
    """One quote, prepared once, for searching the whole set: most pages are ruled out by counting
    the quote's words on them, before any comparison."""

    def __init__(self, quote: str) -> None:
        self.quote = quote
        spellings = [_spellings(part, tokens(part)[0]) for part in quote_parts(quote)]
        self.wanted = [Counter(w for options in spellings for w in options[min(choice, len(options) - 1)])
                       for choice in (0, 1)]  # as written, and with hyphenated compounds closed up

    def on(self, page: CheckedPage) -> bool:
        """Verified on ``page``."""
        best = None
        for wanted in self.wanted:
            total = sum(wanted.values())
            missing = sum(max(0, n - page.counts[w]) for w, n in wanted.items())
            if total and (best is None or missing < best[0]):
                best = (missing, total)
        if best is None:
            return False
        missing, total = best
        if (missing and not page.ocr) or missing > max(1, total // 5):  # OCR noise: a word or two
            return False
        return check_quote(self.quote, page).verified


def _contiguous(words: list[str], page: CheckedPage, start: int) -> int | None:
    """Index of the first page token of ``words`` as a run at or after token ``start``."""
    where = page.joined.find(_joined(words), len(_joined(page.tokens[:start])) - 1 if start else 0)
    return None if where < 0 else page.joined.count("\x1f", 0, where)


def _nearest(words: list[str], shown: list[str], page: CheckedPage) -> QuoteCheck | None:
    """The page's passage most like the quote, compared token by token; None when no passage
    shares enough of the quote to be the one it quotes."""
    span, n = len(words), len(page.tokens)
    if span < MIN_QUOTE_WORDS or not n:
        return None
    if sum(min(c, page.counts[w]) for w, c in Counter(words).items()) < MIN_SHARED * span:
        return None
    best, best_at = 0.0, None
    anchors = {i for i, t in enumerate(page.tokens) if t in (words[0], words[-1], words[min(1, span - 1)])}
    for hit in anchors:
        for start in (hit, hit - 1, hit - span + 1, hit - span + 2):
            start = max(0, min(start, n - 1))
            window = page.tokens[start:start + span + 2]
            ratio = difflib.SequenceMatcher(None, words, window, autojunk=False).ratio()
            if ratio > best:
                best, best_at = ratio, start
    if best_at is None or best < MIN_SHARED:
        return None
    window = page.tokens[best_at:best_at + span + 2]
    matcher = difflib.SequenceMatcher(None, words, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < MIN_SHARED * span:
        return None
    # The passage runs from the first to the last token the two share (plus what the quote has
    # beyond them at either end, compared with the page's tokens there).
    first_q, first_p = blocks[0].a, blocks[0].b
    last_q, last_p = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    page_start = best_at + first_p - first_q
    page_end = best_at + last_p + (span - last_q)
    page_start, page_end = max(0, page_start), min(n, page_end)
    passage, passage_shown = page.tokens[page_start:page_end], page.shown[page_start:page_end]
    differences = []
    for op, q0, q1, p0, p1 in difflib.SequenceMatcher(None, words, passage, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and page.ocr and q1 - q0 == p1 - p0 and all(
                ocr_noise(words[q0 + k], passage[p0 + k]) for k in range(q1 - q0)):
            continue
        differences.append((q0, q1, p0, p1))
    if not differences:
        return QuoteCheck(Verdict.OCR)
    return QuoteCheck(Verdict.DIFFERS, _describe(differences[0], shown, passage_shown))


def _describe(difference: tuple[int, int, int, int], quote: list[str], page: list[str]) -> str:
    """One difference with a word of context on each side, as both texts write it."""
    q0, q1, p0, p1 = difference
    before = quote[q0 - 1:q0] if q0 else []
    after_q, after_p = quote[q1:q1 + 1], page[p1:p1 + 1]
    said_page = _written(before + page[p0:p1] + after_p)
    said_quote = _written(before + quote[q0:q1] + after_q)
    return f"the page says “{said_page}”, the quote says “{said_quote}”"


def _written(words: list[str]) -> str:
    """Tokens as text: a currency sign before its number, a percent sign after it."""
    return " ".join(words).replace("$ ", "$").replace("€ ", "€").replace("£ ", "£").replace(" %", "%")


def ocr_noise(quoted: str, read: str) -> bool:
    """Whether ``read`` (the OCR'd page's word) is ``quoted`` misread: both long letter-only words
    differing by one of OCR's known confusions, nothing else."""
    if quoted == read or len(quoted) < OCR_MIN_LENGTH or not (quoted.isalpha() and read.isalpha()):
        return False
    diffs = [op for op in difflib.SequenceMatcher(None, quoted, read, autojunk=False).get_opcodes()
             if op[0] != "equal"]
    return len(diffs) == 1 and frozenset((quoted[diffs[0][1]:diffs[0][2]], read[diffs[0][3]:diffs[0][4]])) \
        in _CONFUSABLE
