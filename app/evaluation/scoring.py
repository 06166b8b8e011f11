"""Scoring an answer against its gold, mechanically: no model judges another.

- **accuracy**: the gold value is in the answer, compared after folding (case, punctuation,
  spacing), numbers compared as numbers (with a tolerance for amounts written differently:
  "$2,450" and "2450.00" are one number); for a set of values (every date a dose changed), the
  share of them the answer names;
- **abstention**: for a question the documents do not answer, the answer must say so, and must
  not offer a value;
- **citations**: precision (cited pages that hold the gold support) and recall (gold pages cited);
- **quotes**: the share of quotes verified on their page, and of quotes found nowhere (made up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.answer.quote_check import normalize

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ABSTAIN = re.compile(
    r"\b(?:not (?:stated|mentioned|given|specified|provided|found|in (?:the|these|any) "
    r"(?:documents?|records?))|no (?:information|mention|record)|does not (?:say|state|mention|specify)"
    r"|do not (?:say|state|mention)|cannot (?:be )?(?:found|determined)|isn't (?:stated|mentioned)"
    r"|unknown)\b", re.IGNORECASE)
NUMBER_TOLERANCE = 0.005  # relative: "1,250" and "1250.00" match, "1,250" and "1,350" do not


@dataclass(frozen=True)
class Gold:
    """What a right answer holds, and where the documents support it."""

    values: tuple[str, ...] = ()  # every value a right answer names (one for a single fact)
    pages: tuple[tuple[str, int], ...] = ()  # (document name, page) holding the support
    absent: bool = False  # the documents do not answer: the right answer says so


@dataclass(frozen=True)
class Score:
    accuracy: float  # 0..1 (F1 for several values)
    abstained: bool
    citation_precision: float | None  # None: the answer cites nothing
    citation_recall: float | None  # None: no gold page (an absent fact)
    quotes: int = 0
    quotes_verified: int = 0
    quotes_made_up: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict:
        return self.__dict__ | {"notes": list(self.notes)}


def numbers(text: str) -> list[float]:
    found = []
    for match in _NUMBER.finditer(text):
        digits = match.group()
        # 1,250.00 and 1.250,00: the last separator followed by exactly two digits is the decimal one
        if re.search(r"[.,]\d{2}$", digits) and not re.search(r"[.,]\d{3}$", digits):
            whole, decimals = digits[:-3], digits[-2:]
            value = float(re.sub(r"[.,]", "", whole) + "." + decimals)
        else:
            value = float(re.sub(r"[.,]", "", digits))
        found.append(value)
    return found


def value_in(value: str, answer: str) -> bool:
    """Whether the answer names ``value``: as words (folded), or as the same number(s)."""
    if normalize(value) in normalize(answer):
        return True
    wanted = numbers(value)
    if not wanted:
        return False
    have = numbers(answer)
    words = [w for w in re.findall(r"[^\W\d_]+", normalize(value)) if len(w) > 2]
    numbers_match = all(any(abs(h - w) <= NUMBER_TOLERANCE * max(abs(w), 1) for h in have)
                        for w in wanted)
    return numbers_match and all(w in normalize(answer) for w in words)


def abstains(answer: str) -> bool:
    return bool(_ABSTAIN.search(answer))


def score(answer: str, gold: Gold, cited: list[tuple[str, int]], quotes: list[tuple[bool, bool]]) -> Score:
    """``cited``: (document name, page) of each citation; ``quotes``: (verified, found anywhere)."""
    abstained = abstains(answer)
    notes = []
    if gold.absent:
        offered = re.findall(r"\$?\d[\d,./-]*", answer)
        accuracy = 1.0 if abstained and not offered else 0.0
        if not abstained:
            notes.append("answered a question the documents do not answer")
    else:
        hits = [v for v in gold.values if value_in(v, answer)]
        accuracy = len(hits) / len(gold.values) if gold.values else 0.0
        if not hits:
            notes.append("abstained, though the documents answer it" if abstained else "wrong or no value")
    gold_pages = set(gold.pages)
    precision = (sum(1 for c in cited if c in gold_pages) / len(cited)) if cited else None
    recall = (len(gold_pages & set(cited)) / len(gold_pages)) if gold_pages else None
    return Score(accuracy, abstained, precision, recall, len(quotes), sum(1 for v, _ in quotes if v),
                 sum(1 for v, found in quotes if not v and not found), tuple(notes))
