"""A review's columns: what each asks, the shape of its answer, and the built-in column sets.

A columns file (``review --columns FILE.json``) is a list of
``{"title": "Author", "question": "Who wrote this document?", "type": "text"}``, types being
text, date, amount, yesno, list and choice (which also needs ``"choices": [...]``). Built-in
sets are kept in code; the user's own sets are saved in the vault (``app.reviews.column_sets``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.errors import UserFacingError

# How a cell is to be answered, as the prompt says it (in words, never with sample values: a
# small model copies examples, and a copied value must not look like an answer).
TYPES = {
    "text": "Answer in a few words",
    "date": "Give the date exactly as the document writes it",
    "amount": "Give the amount with its currency, exactly as the document writes it",
    "yesno": "Answer yes or no, then a dash and the reason in one sentence",
    "list": "List the items on one line, separated by semicolons",
    "choice": "Answer with exactly one of: {choices}",
}
MAX_COLUMNS = 40
NOT_STATED = "not stated"


@dataclass(frozen=True)
class ReviewColumn:
    title: str
    question: str
    type: str = "text"
    choices: tuple[str, ...] = field(default_factory=tuple)

    def as_json(self) -> dict:
        data = asdict(self)
        data["choices"] = list(self.choices)
        return data

    def answer_shape(self) -> str:
        return TYPES[self.type].format(choices=", ".join(self.choices))


def column_from_json(data: object, where: str = "") -> ReviewColumn:
    """One column from a file or the vault, with a one-line reason when it is not usable."""
    label = f"Column {where}" if where else "A column"
    if not isinstance(data, dict):
        raise UserFacingError(f"{label} is not an object with a title, a question and a type.")
    title, question = str(data.get("title") or "").strip(), str(data.get("question") or "").strip()
    kind = str(data.get("type") or "text").strip().lower().replace("/", "").replace("-", "")
    if not title or not question:
        raise UserFacingError(f"{label} needs both a title and a question.")
    if kind not in TYPES:
        raise UserFacingError(f"{label} (“{title}”) has type “{kind}”; types: {', '.join(TYPES)}.")
    choices = tuple(str(c).strip() for c in data.get("choices") or () if str(c).strip())
    if kind == "choice" and len(choices) < 2:
        raise UserFacingError(f"{label} (“{title}”) is a choice: give at least two \"choices\".")
    return ReviewColumn(title, question, kind, choices if kind == "choice" else ())


def columns_from_json(data: object) -> list[ReviewColumn]:
    if not isinstance(data, list) or not data:
        raise UserFacingError("The columns must be a list of {\"title\", \"question\", \"type\"} objects.")
    if len(data) > MAX_COLUMNS:
        raise UserFacingError(f"A review has at most {MAX_COLUMNS} columns ({len(data)} were given).")
    columns = [column_from_json(item, str(i)) for i, item in enumerate(data, start=1)]
    titles = [c.title.casefold() for c in columns]
    if len(set(titles)) != len(titles):
        raise UserFacingError("Two columns have the same title: give each its own.")
    return columns


def read_columns_file(path: Path) -> list[ReviewColumn]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserFacingError(f"Could not read {path.name}: {exc.strerror or exc}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserFacingError(f"{path.name} is not a JSON file ({exc}).") from None
    return columns_from_json(data)


def _set(*columns: tuple) -> tuple[ReviewColumn, ...]:
    return tuple(ReviewColumn(*c) for c in columns)


# The built-in sets. The privilege set is a draft for an attorney's review, and says so.
BUILT_IN: dict[str, tuple[str, tuple[ReviewColumn, ...]]] = {
    "contract": ("Contract review", _set(
        ("Parties", "Who are the parties to this agreement?", "list"),
        ("Effective date", "On what date does this agreement take effect?", "date"),
        ("Term", "How long does this agreement last?", "text"),
        ("Governing law", "Which law governs this agreement?", "text"),
        ("Termination", "Can a party end this agreement early? On what terms?", "yesno"),
        ("Price", "What is the price or amount payable?", "amount"),
    )),
    "privilege": ("Privilege review (draft for attorney review)", _set(
        ("Author", "Who wrote this document?", "text"),
        ("Recipients", "Who received this document (to, cc)?", "list"),
        ("Date", "What is the date of this document?", "date"),
        ("Lawyer involved", "Is a lawyer an author or recipient, or is legal advice sought or given?",
         "yesno"),
        ("Privilege basis", "What privilege could apply to this document?", "choice",
         ("attorney-client", "work product", "none apparent")),
    )),
    "medical": ("Medical records index", _set(
        ("Date of service", "What is the date of service of this record?", "date"),
        ("Provider", "Which clinician or facility provided the care?", "text"),
        ("Diagnoses", "Which diagnoses does this record give?", "list"),
        ("Medication changes", "Which medications were started, stopped or changed?", "list"),
        ("Follow-up", "Is a follow-up visit or test ordered?", "yesno"),
    )),
    "correspondence": ("Correspondence log", _set(
        ("Date", "What is the date of this document?", "date"),
        ("From", "Who is it from?", "text"),
        ("To", "Who is it to?", "list"),
        ("Subject", "What is it about, in a few words?", "text"),
        ("Action asked", "Does it ask the reader to do something?", "yesno"),
    )),
}


def built_in(name: str) -> tuple[str, list[ReviewColumn]]:
    try:
        title, columns = BUILT_IN[name]
    except KeyError:
        raise UserFacingError(f"No column set “{name}”. Built in: {', '.join(BUILT_IN)}.") from None
    return title, list(columns)
