"""Which cells of a task row can be checked against the cited page, and the check of each.

A column says how its cells are checked (``Column.check``):

- ``value``: the whole cell is on the page as words (a name, a drug, a diagnosis), formatting aside;
- ``date``: the cell's date is written on the page, in whatever form the page writes dates;
- ``facts``: the cell is the model's own words (an event, a summary), so what is checked is every
  fact in it that can be: each date, each number with its unit or currency ("50 mg", "$12,500",
  "3 days") and each dosing frequency ("twice daily", "every 8 hours");
- ``dose``: facts, found together: the amount and the frequency within a few words of each other
  on one page, so "10 mg twice daily" is not pieced together from two different medicines;
- nothing: a judgement (active or stopped, a role) that only a reader can check.

A row is verified only when every checkable cell is on a cited page; the row keeps which were.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from app.answer.quote_check import CheckedPage, contains, tokens
from app.tasks.dates import PATTERNS, parse_date

VALUE, DATE, FACTS, DOSE = "value", "date", "facts", "dose"
SLACK = 3  # words a dose's amount and frequency may have between them on the page
FOUND, MISSING = "found", "not on the cited page"

_UNITS = (r"mg/dl|mmol/l|mmhg|mcg|µg|mg|kg|g|ml|l|units?|iu|meq|%|bpm|beats per minute|"
          r"hours?|hrs?|days?|weeks?|months?|years?|tablets?|tabs?|capsules?|puffs?|drops?")
_NUMBER = re.compile(rf"(?:[$€£]\s?)?\d+(?:[.,/:]\d+)*(?:\s?(?:{_UNITS})\b)?", re.IGNORECASE)
_FREQUENCY = re.compile(r"\b(?:once|twice|three times|four times) (?:a |per )?(?:day|daily|week|weekly)\b|"
                        r"\bevery \d+ (?:hours?|days?)\b|\b(?:daily|nightly|weekly|monthly|at bedtime|"
                        r"bid|tid|qid|qhs|prn|as needed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    column: str
    text: str  # as the cell writes it
    kind: str  # value | date | number | frequency


def facts_of(column: str, check: str, value: str) -> list[Fact]:
    """What in this cell can be checked against a page."""
    value = value.strip()
    if not value or not check:
        return []
    if check == VALUE:
        return [Fact(column, value, VALUE)]
    if check == DATE:
        return [Fact(column, value, DATE)] if parse_date(value) is not None else []
    # facts and dose
    found = [Fact(column, m.group(), DATE) for pattern in PATTERNS for m in pattern.finditer(value)
             if parse_date(m.group()) is not None]
    undated = value
    for fact in found:
        undated = undated.replace(fact.text, " ")
    found += [Fact(column, m.group().strip(), "number") for m in _NUMBER.finditer(undated)]
    found += [Fact(column, m.group(), "frequency") for m in _FREQUENCY.finditer(undated)]
    return found


def fact_on(fact: Fact, page: CheckedPage, dates: set) -> bool:
    """Whether the fact is on the page: a date in any form the page writes it, anything else as
    whole words ("5 mg" is not on a page that says "25 mg")."""
    if fact.kind == DATE:
        key = parse_date(fact.text)
        return key is not None and key in dates
    return contains(fact.text, page)


def check_cells(facts: list[Fact], pages: list[tuple[CheckedPage, set]],
                together: frozenset[str] = frozenset()) -> dict[str, str]:
    """Per checkable column: found (every fact of it on one of the cited pages; for the columns in
    ``together``, all of them close together on one page) or not."""
    verdicts: dict[str, str] = {}
    for fact in facts:
        on = any(fact_on(fact, page, dates) for page, dates in pages)
        if verdicts.get(fact.column) != MISSING:
            verdicts[fact.column] = FOUND if on else MISSING
    for column in together:
        group = [f for f in facts if f.column == column]
        if len(group) > 1 and verdicts.get(column) == FOUND and not any(
                close_together(group, page) for page, _ in pages):
            verdicts[column] = MISSING
    return verdicts


def close_together(group: list[Fact], page: CheckedPage) -> bool:
    """Whether the facts are on the page within a few words of one another (in any order)."""
    runs = [tokens(f.text)[0] for f in group]
    places = [[i for i in range(len(page.tokens) - len(run) + 1) if page.tokens[i:i + len(run)] == run]
              for run in runs]
    if not all(places):
        return False
    width = sum(map(len, runs)) + SLACK
    return any(max(s + len(r) for s, r in zip(starts, runs, strict=True)) - min(starts) <= width
               for starts in itertools.product(*places))


def marked(value: str, state: str | None) -> str:
    """A cell as tables and exports show it: its value, with ✓ when it was found on the cited page
    and ✗ when it was not (nothing for a cell that cannot be checked)."""
    if not value or state is None:
        return value
    return f"{value} ✓" if state == FOUND else f"{value} ✗ (not on the cited page)"
