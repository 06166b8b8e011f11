"""The words of a quote and of a page, as the quote check compares them.

One rule, in one place, for the two sides that must agree on it: the app's verifier
(``app.answer.quote_check``) and the worker's copy constraint (``inference.copy_mode``), so a
quote the constraint lets the model copy is, by construction, one the verifier finds on its page.
Pure Python (the app process imports it; no torch).

Tokens are words (with inner apostrophes), numbers with their inner separators ("1,250.00",
"3/17/04", "2021-03-04") and the signs that carry meaning beside a number ($ % § € £ ¥). Before
tokenising, differences that cannot change meaning are folded away: Unicode forms and ligatures,
quote and dash styles, words hyphenated across a line break.
"""

from __future__ import annotations

import re
import unicodedata

TOKEN = re.compile(r"\d+(?:[.,:/\-]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*|[$%§€£¥]")
# What counts as a quotation, for the citation parser, the verifier and the copy constraint alike.
MIN_QUOTE_WORDS = 3  # a shorter quote is not checked as one
MIN_QUOTE_CHARACTERS = 8  # the shortest quotation the parser reads
_HYPHENATED = re.compile(r"(\w)[-\u00ad]\s*\n\s*(\w)")


def fold(text: str) -> str:
    """The text with every difference that cannot change meaning removed (case is kept: ``tokens``
    folds it, keeping the words as written beside)."""
    text = unicodedata.normalize("NFKC", text)  # ligatures, full-width forms, non-breaking spaces
    text = _HYPHENATED.sub(r"\1\2", text)  # "liti-\ngation" on the page is "litigation" quoted
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00ad", "")
    return text.replace("\u2013", "-").replace("\u2014", "-")


def tokens(text: str) -> tuple[list[str], list[str]]:
    """(folded tokens for matching, the same tokens as written) of a quote."""
    shown = TOKEN.findall(fold(text))
    return [t.casefold() for t in shown], shown


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_DOUBLE_QUOTES = re.compile("[\"\u201c\u201d]")


def surface(text: str, *, keep_case: bool = False) -> str:
    """The text as a quote of it may be written: folded, double quotes as spaces (a quote cannot
    hold one), single spaces, in one case. Stricter than the token comparison (a quote keeps the
    page's punctuation) and implies it, so a quote on a page's surface is verified on that page."""
    text = _CONTROL.sub("", _DOUBLE_QUOTES.sub(" ", fold(text)))
    text = " ".join(text.split())
    return text if keep_case else text.casefold()


def quote_pattern(quote: str) -> str:
    """How a quote so far is looked up in ``inference.quote_index``'s text: after a space (a quote
    begins at a word), with a space after it when the quote has just written one."""
    written = surface(quote)
    if not written:
        return ""
    return " " + written + (" " if quote[-1:].isspace() else "")


def words_match(quote: str, page_surface: str) -> bool:
    """Whether the page's surface text from the quote's start holds the quote's words as whole
    tokens (so "10" does not end inside "10.5", nor "lisin" inside "lisinopril")."""
    wanted = tokens(quote)[0]
    found = TOKEN.findall(page_surface)
    return bool(wanted) and found[:len(wanted)] == wanted
