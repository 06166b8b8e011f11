"""Scoring an answer against its gold, mechanically: no model judges another.

- **accuracy**: the gold value is in the answer, compared after folding (case, punctuation,
  spacing), numbers compared as numbers (with a tolerance for amounts written differently:
  "$2,450" and "2450.00" are one number); for a set of values (every date a dose changed), the
  share of them the answer names; for a chronology, the share named in the right order (the
  longest run of them in order);
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
    r"(?:documents?|records?))|no (?:information|mention|record)|does not specify"
    r"|do(?:es)? not (?:say|state|mention|contain)|cannot (?:be )?(?:found|determined)"
    r"|isn't (?:stated|mentioned)"
    r"|unknown)\b", re.IGNORECASE)
NUMBER_TOLERANCE = 0.005  # half a cent: "1,250" and "1250.00" match, "1,250" and "1,251" do not


@dataclass(frozen=True)
class Gold:
    """What a right answer holds, and where the documents support it."""

    values: tuple[str, ...] = ()  # every value a right answer names (one for a single fact)
    pages: tuple[tuple[str, int], ...] = ()  # (document name, page) holding the support
    absent: bool = False  # the documents do not answer: the right answer says so
    ordered: bool = False  # the values must come in this order (a chronology)


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
    numbers_match = all(any(abs(h - w) <= NUMBER_TOLERANCE for h in have) for w in wanted)
    return numbers_match and all(w in normalize(answer) for w in words)


def position_of(value: str, answer: str) -> int | None:
    """Where in the (folded) answer ``value`` is named: the whole value, else its first word."""
    folded, wanted = normalize(answer), normalize(value)
    if wanted in folded:
        return folded.index(wanted)
    words = [w for w in re.findall(r"[^\W\d_]+", wanted) if len(w) > 2]
    return folded.find(words[0]) if words and words[0] in folded else None


def in_order(values: tuple[str, ...], answer: str) -> int:
    """How many of ``values`` the answer names in their order: the longest increasing run of
    their positions (a reversed list of three scores one)."""
    positions = [p for v in values if value_in(v, answer) and (p := position_of(v, answer)) is not None]
    runs: list[int] = []  # runs[i]: the longest in-order run that ends at positions[i]
    for i, here in enumerate(positions):
        runs.append(1 + max((runs[j] for j in range(i) if positions[j] < here), default=0))
    return max(runs, default=0)


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
        right = in_order(gold.values, answer) if gold.ordered else len(hits)
        accuracy = right / len(gold.values) if gold.values else 0.0
        if not hits:
            notes.append("abstained, though the documents answer it" if abstained else "wrong or no value")
        elif right < len(hits):
            notes.append("named in the wrong order")
    gold_pages = set(gold.pages)
    precision = (sum(1 for c in cited if c in gold_pages) / len(cited)) if cited else None
    recall = (len(gold_pages & set(cited)) / len(gold_pages)) if gold_pages else None
    return Score(accuracy, abstained, precision, recall, len(quotes), sum(1 for v, _ in quotes if v),
                 sum(1 for v, found in quotes if not v and not found), tuple(notes))
