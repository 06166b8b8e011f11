"""Dates as documents write them, for sorting a chronology and checking a date against its page.

A date is (year, month, day) with month/day None when the text does not give them ("March 2021").
Numeric dates are read month first (03/04/2021 is 4 March), as US court and clinical documents
write them; ISO dates are unambiguous.
"""

from __future__ import annotations

import re

DateKey = tuple[int, int | None, int | None]

MONTHS = {name: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
PATTERNS = [
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<month>\d{1,2})[/.-](?P<day>\d{1,2})[/.-](?P<year>(?:1[89]|20)\d\d|\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)[-/](?P<month>\d{1,2})\b(?![-/]\d)"),
]


def _key(match: re.Match) -> DateKey | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month_text = parts.get("month")
    month = int(month_text) if month_text and month_text.isdigit() else MONTHS.get((month_text or "").lower())
    day = int(parts["day"]) if parts.get("day") else None
    if month is not None and not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    return (year, month, day)


def dates_in(text: str) -> set[DateKey]:
    """Every date written in ``text`` (also each full date's month, so "March 2021" matches it)."""
    found: set[DateKey] = set()
    for pattern in PATTERNS:
        for match in pattern.finditer(text):
            if (key := _key(match)) is not None:
                found.add(key)
                found.add((key[0], key[1], None))
    return found


def first_date_text(text: str) -> str | None:
    """The first date as written in ``text`` ("March 14, 2025"), or None."""
    matches = [m for pattern in PATTERNS if (m := pattern.search(text)) and _key(m) is not None]
    return min(matches, key=lambda m: (m.start(), -len(m.group()))).group() if matches else None


def parse_date(text: str) -> DateKey | None:
    """The first date in ``text``, or its year alone; None when there is none."""
    best = None
    for pattern in PATTERNS:
        match = pattern.search(text)
        if match and (key := _key(match)) is not None and (best is None or match.start() < best[0]):
            best = (match.start(), key)
    if best:
        return best[1]
    year = re.search(r"\b(?:1[89]|20)\d\d\b", text)
    return (int(year.group()), None, None) if year else None


def sort_key(text: str) -> tuple:
    """Undated rows sort last; a month sorts before the days in it."""
    key = parse_date(text)
    if key is None:
        return (1, 0, 0, 0)
    return (0, key[0], key[1] or 0, key[2] or 0)
