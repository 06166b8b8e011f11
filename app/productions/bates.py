"""Bates numbers: parse them, step through ranges, read user queries, and find stamps on pages.

A Bates number is a prefix and a zero-padded page counter: ``ABC0001234``, ``ABC-000123``,
``SMITH_00042``, ``DEF 000017``. The prefix keeps its separator (``"ABC-"``), so that
``prefix + str(number).zfill(width)`` writes the number back exactly as the production does.

Stamp detection on plain PDFs is deliberately strict (see ``find_bates_stamp``): a page footer
holds page numbers, years, phone and case numbers too, and a wrong Bates citation is worse than
none. A document's stamps are only believed when they count up by one page (``stamps_consistent``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

# Non-greedy head, so the digit run at the end is the longest one: "AB120001234" -> "AB" + digits.
_BATES = re.compile(r"(?P<prefix>.*?)(?P<digits>\d{4,})")
# Letters/digits, groups joined by "-" or "_", optionally ending in one separator (a space too).
_PREFIX = re.compile(r"(?:[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*[-_ ]?)?")
# A prefix holding 4+ digits in a row holds a Bates number itself: "ABC0001230-ABC0001240" is a
# range, not one number with the prefix "ABC0001230-ABC".
_DIGIT_RUN = re.compile(r"\d{4}")
_MAX_LENGTH = 64

# A stamp: 2+ capital letters (then capitals/digits), an optional "-" or "_" (never a space:
# "TEL 5551234567" is a phone number), then 6+ digits, standing alone as a token.
_STAMP = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,}[A-Z0-9]*[-_]?\d{6,})(?![A-Za-z0-9])")
# Capitalised words that precede long numbers in footers without being Bates prefixes.
_NOT_PREFIXES = frozenset({
    "TEL", "FAX", "PH", "PHONE", "MOB", "CELL", "ACCT", "ACCOUNT", "INV", "INVOICE", "PO", "ZIP",
    "REF", "NO", "NR", "ID", "SSN", "MRN", "DOB", "ISBN", "ISSN", "DOI",
})
_HEAD_LINES = 2  # a stamp sits in the footer, sometimes in the header: look nowhere else
_FOOT_LINES = 3

# Range separators in queries: en/em dash, "to", "through", or a hyphen.
_RANGE_SEPARATOR = re.compile(r"\s*(?:[\u2013\u2014]|\bto\b|\bthrough\b|\bthru\b|-)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class BatesNumber:
    """One Bates number. ``prefix`` includes any separator; ``width`` is the counter's digits."""

    prefix: str
    number: int
    width: int
    text: str

    def offset(self, pages: int) -> BatesNumber:
        """The Bates number ``pages`` pages later (or earlier, when negative)."""
        number = self.number + pages
        if number < 0:
            raise ValueError(f"{self.text} minus {-pages} pages is below zero")
        text = format_bates(self.prefix, number, self.width)
        return BatesNumber(self.prefix, number, self.width, text)

    def next(self) -> BatesNumber:
        return self.offset(1)

    def previous(self) -> BatesNumber:
        return self.offset(-1)

    def same_series(self, other: BatesNumber) -> bool:
        """Same prefix (case-insensitive): numbers of one series can be compared and subtracted."""
        return self.prefix.upper() == other.prefix.upper()


def format_bates(prefix: str, number: int, width: int) -> str:
    return f"{prefix}{str(number).zfill(width)}"


def parse_bates(text: str) -> BatesNumber | None:
    """``ABC0001234`` -> BatesNumber("ABC", 1234, 7, "ABC0001234"); None when it is not one.

    The rule: an optional prefix of letters/digits (groups joined by ``-`` or ``_``, optionally
    ending in ``-``, ``_`` or one space) with no run of 4+ digits, then a run of at least 4 digits
    that ends the text. A bare number (``00001234``) is accepted with an empty prefix: some
    productions number so (``find_bates_stamp`` is stricter).
    """
    text = text.strip()
    if not text or len(text) > _MAX_LENGTH:
        return None
    match = _BATES.fullmatch(text)
    if match is None or not _PREFIX.fullmatch(match["prefix"]) or _DIGIT_RUN.search(match["prefix"]):
        return None
    digits = match["digits"]
    return BatesNumber(match["prefix"], int(digits), len(digits), text)


def bates_key(text: str) -> tuple[int, str, int, str]:
    """A sort key: parsed numbers in (prefix, number) order, anything else after them by text."""
    bates = parse_bates(text)
    if bates is None:
        return (1, "", 0, text)
    return (0, bates.prefix.upper(), bates.number, text)


def series_end_problem(begin: str, end: str) -> str | None:
    """Why ``end`` cannot end a range that starts at ``begin``; None when it can, or when ``begin``
    is no Bates number to judge it by.

    One series has one prefix and one width: ``ABC0001999`` may end ``ABC0001000``; ``ABX0001999``
    and ``ABC1999`` may not (a typo taken as a range would swallow the next documents). A number
    that outgrows its zeros (``ABC9999`` to ``ABC10002``) still counts as the same series.
    """
    first = parse_bates(begin)
    if first is None:
        return None
    last = parse_bates(end)
    if last is None:
        return "it is not a Bates number"
    if not first.same_series(last):
        return f"its prefix is {last.prefix or 'none'}, not {first.prefix or 'none'}"
    outgrown = last.width > first.width and len(str(last.number)) == last.width
    if last.width != first.width and not outgrown:
        return f"it has {last.width} digits where BEGBATES has {first.width}"
    if last.number < first.number:
        return "it comes before BEGBATES"
    return None


def bates_span(begin: str, end: str) -> int | None:
    """Pages from ``begin`` to ``end`` inclusive; None when they are not one ascending series
    (``series_end_problem``)."""
    first, last = parse_bates(begin), parse_bates(end)
    if first is None or last is None or series_end_problem(begin, end) is not None:
        return None
    return last.number - first.number + 1


def bates_range(begin: str, end: str) -> list[str]:
    """Every Bates number from ``begin`` to ``end`` inclusive, written like ``begin``.

    Raises ValueError when the two are not one ascending series (different prefixes, not Bates
    numbers, end before begin). For a cheap membership test use ``bates_in_range``.
    """
    first = parse_bates(begin)
    span = bates_span(begin, end)
    if first is None or span is None:
        raise ValueError(f"{begin}..{end} is not a Bates range")
    return [format_bates(first.prefix, first.number + i, first.width) for i in range(span)]


def bates_in_range(bates: str, begin: str, end: str) -> bool:
    """Whether ``bates`` lies in ``begin``..``end`` (same series, inclusive), without listing it."""
    page, first, last = parse_bates(bates), parse_bates(begin), parse_bates(end)
    if page is None or first is None or last is None:
        return False
    if not (page.same_series(first) and page.same_series(last)):
        return False
    return first.number <= page.number <= last.number


def parse_bates_query(text: str) -> tuple[BatesNumber, BatesNumber] | None:
    """A user's Bates query as (first, last); None when it is not one.

    Accepted forms (spaces around the separator are optional):
      ``ABC0001234``                      one page: first == last
      ``ABC0001230-ABC0001240``           a range; also with an en dash, ``to`` or ``through``
      ``ABC0001230 - 1240``               a range whose end gives only the number: the end takes
                                          the prefix and width of the start
    The end must be in the start's series and not before it. A hyphen inside a prefix
    (``ABC-000123-ABC-000130``) is fine: every separator position is tried.
    """
    text = text.strip()
    single = parse_bates(text)
    if single is not None:
        return single, single
    for match in _RANGE_SEPARATOR.finditer(text):
        left, right = text[: match.start()], text[match.end():]
        first = parse_bates(left)
        if first is None or not right:
            continue
        if right.isdigit():
            last = BatesNumber(first.prefix, int(right), first.width,
                               format_bates(first.prefix, int(right), first.width))
        else:
            last = parse_bates(right)
        if last is not None and first.same_series(last) and last.number >= first.number:
            return first, last
    return None


def find_bates_stamp(page_text: str) -> str | None:
    """The Bates stamp on a page of a plain PDF, from its extracted (or OCR'd) text; None if none.

    Only the last 3 and the first 2 non-empty lines are looked at (stamps sit in the footer, a
    few in the header), footer first, bottom up; the last token of a line wins. A token counts as
    a stamp only if it has a prefix of 2+ capital letters, then an optional ``-``/``_`` and 6+
    digits, and stands alone (``CONFIDENTIAL ABC0001234`` -> ``ABC0001234``). That rules out
    "Page 0003", "2023", "Tel 5551234567", "Case No. 2:23-cv-01234" and lower-case words; words
    that label numbers (TEL, FAX, INVOICE, ...) are not accepted as prefixes. One page alone can
    still be fooled: check a document's stamps with ``stamps_consistent``.
    """
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    foot = lines[-_FOOT_LINES:][::-1]
    head = lines[: max(0, min(_HEAD_LINES, len(lines) - _FOOT_LINES))]  # never a line twice
    for line in foot + head:
        for token in reversed(_STAMP.findall(line)):
            bates = parse_bates(token)
            if bates is not None and bates.prefix.rstrip("-_") not in _NOT_PREFIXES:
                return token
    return None


def stamps_consistent(stamps: Sequence[str | None]) -> bool:
    """Whether a document's per-page stamps are one series counting up by exactly one page.

    Every page must have a stamp; a single page with a stamp is consistent. This is what keeps
    a random code that happens to look like a Bates number from being cited as one.
    """
    if not stamps or any(stamp is None for stamp in stamps):
        return False
    parsed = [parse_bates(stamp) for stamp in stamps if stamp is not None]
    numbers = [bates for bates in parsed if bates is not None]
    if len(numbers) != len(parsed):
        return False
    return all(b.same_series(a) and b.number == a.number + 1 for a, b in pairwise(numbers))


def document_stamps(page_texts: Sequence[str]) -> tuple[str, ...] | None:
    """Per-page Bates numbers of a plain PDF, or None when its stamps are not to be believed.

    Each page is read with ``find_bates_stamp``; the result stands only if ``stamps_consistent``
    holds for all pages, and there are at least two: on one page, a policy, claim or encounter
    number in a footer ("Policy HX1234567") looks just like a stamp. There is no guessing for
    pages whose stamp was not found.
    """
    if len(page_texts) < 2:
        return None
    stamps = [find_bates_stamp(text) for text in page_texts]
    return tuple(s for s in stamps if s is not None) if stamps_consistent(stamps) else None
