"""The fields of a search (``custodian:``, ``date:``, ``bates:`` ...): their values read and checked
(``field_filter``), and whether a document's load-file metadata passes them (``document_passes``).

A field's text value matches when it is contained in the document's field, case and accents
aside ("custodian:park" matches "Ellen Park"). ``to:`` looks in to, cc and bcc; ``subject:`` in
subject and title; ``type:`` is the document's kind (pdf, email, production ...), its load file's
doc type or its file extension. ``date:`` compares the document's own dates (doc_date, date_sent,
date_created, as the load file wrote them) with the range: a document passes when one of them
lies wholly inside it (a document dated only "2024" is not inside date:2024-03).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import UserFacingError
from app.productions.bates import parse_bates_query
from app.tasks.dates import parse_date
from storage.records import DocumentRecord

FIELDS = ("custodian", "author", "from", "to", "subject", "type", "date", "bates", "doc")
FIELD_LIST = ", ".join(f"{name}:" for name in FIELDS[:-1]) + f" and {FIELDS[-1]}:"
DATE_FIELDS = ("doc_date", "date_sent", "date_created")
TEXT_FIELDS = {"custodian": ("custodian", "all_custodians"), "author": ("author",), "from": ("from",),
               "to": ("to", "cc", "bcc"), "subject": ("subject", "title")}


@dataclass(frozen=True)
class FieldFilter:
    """One ``name:value`` of the search. ``dates`` (first, last: None is open) for date:,
    ``bates`` (prefix upper-cased, first, last) for bates:."""

    field: str
    value: str
    negated: bool = False
    dates: tuple[date | None, date | None] | None = None
    bates: tuple[str, int, int] | None = None


EXAMPLES = {"custodian": 'custodian:"Ellen Park"', "author": "author:Park", "from": "from:park@example.com",
            "to": "to:Lee", "subject": 'subject:"board meeting"', "type": "type:email",
            "date": "date:2024-01-01..2024-03-31", "bates": "bates:ABC0001000..ABC0002000", "doc": "doc:D12"}


def field_filter(node: FieldFilter, *, negated: bool = False) -> FieldFilter:
    """A field as typed, its value read (dates, Bates numbers) and checked."""
    value = node.value
    if node.field == "date":
        return FieldFilter("date", value, negated, dates=date_range(value))
    if node.field == "bates":
        return FieldFilter("bates", value, negated, bates=_bates(value))
    if node.field == "doc":
        if not re.fullmatch(r"[Dd]\d{1,9}", value):
            raise UserFacingError(f"doc: takes a document id as `plan` shows it, e.g. doc:D12 "
                                  f"(not “{value}”).")
        value = value.upper()
    return FieldFilter(node.field, value, negated)


def _bates(value: str) -> tuple[str, int, int]:
    parsed = None
    if ".." in value:
        left, right = (part.strip() for part in value.split("..", 1))
        parsed = parse_bates_query(f"{left}-{right}") if left and right else None
    else:
        parsed = parse_bates_query(value)
    if parsed is None:
        raise UserFacingError(f"bates: takes a Bates number or range of one series, e.g. bates:ABC0001000 or "
                              f"bates:ABC0001000..ABC0002000 (not “{value}”).")
    first, last = parsed
    return first.prefix.upper(), first.number, last.number


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20240115, as many load files write dates
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")  # month first, as US courts and records write them


def day_span(text: str) -> tuple[date, date] | None:
    """The first and last day ``text`` names: a day, a month (2024-03) or a year; None if none."""
    text = text.strip()
    if match := _COMPACT.fullmatch(text) or _ISO.fullmatch(text):
        year, month, day = (int(part) if part else None for part in match.groups())
    elif match := _US.fullmatch(text):
        month, day, year = (int(part) for part in match.groups())
    else:
        return None
    return span_of(year, month, day)


def span_of(year: int, month: int | None, day: int | None) -> tuple[date, date] | None:
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:  # 2024-02-30, month 13
        return None


def date_range(value: str) -> tuple[date | None, date | None]:
    """date:'s value as (first day, last day), either open (None)."""
    usage = (f"date: takes a day, month or year, a range or a bound, e.g. date:2024-03-31, date:2024, "
             f"date:2024-01-01..2024-03-31 or date:>=2024-02-01 (not “{value}”).")
    for operator in (">=", "<=", ">", "<"):
        if value.startswith(operator):
            span = day_span(value[len(operator):])
            if span is None:
                raise UserFacingError(usage)
            return {">=": (span[0], None), ">": (span[1] + timedelta(days=1), None),
                    "<=": (None, span[1]), "<": (None, span[0] - timedelta(days=1))}[operator]
    if ".." in value:
        left, right = value.split("..", 1)
        first = day_span(left) if left.strip() else None
        last = day_span(right) if right.strip() else None
        if (left.strip() and first is None) or (right.strip() and last is None) or not (first or last):
            raise UserFacingError(usage)
        if first and last and last[1] < first[0]:
            raise UserFacingError(f"date:{value} ends before it starts.")
        return (first[0] if first else None), (last[1] if last else None)
    span = day_span(value)
    if span is None:
        raise UserFacingError(usage)
    return span


# ----- documents against fields -----------------------------------------------------------

def folded(text: str) -> str:
    """Case and accents aside: "Hélène" and "HELENE" are the same name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def document_span(value: str) -> tuple[date, date] | None:
    """The days a metadata date covers: "2024-01-15", "01/15/2024 10:30 AM", "20240115",
    "March 2024"; None when it holds no date."""
    head = value.strip().split()[0].split("T")[0] if value.strip() else ""
    if span := day_span(head):
        return span
    key = parse_date(value)
    return span_of(*key) if key else None


def document_passes(document: DocumentRecord, field: FieldFilter) -> bool:
    """Whether ``document`` has what ``field`` asks for (its ``negated`` flag aside); for the
    fields of documents' metadata only: doc: and bates: are read by the caller."""
    meta = document.metadata
    if field.field == "date":
        first, last = field.dates or (None, None)
        spans = [span for name in DATE_FIELDS if (span := document_span(str(meta.get(name) or "")))]
        return any((first is None or first <= start) and (last is None or end <= last)
                   for start, end in spans)
    wanted = folded(field.value)
    if field.field == "type":
        extension = folded(str(meta.get("file_extension") or "")).lstrip(".")
        doc_type = folded(str(meta.get("doc_type") or ""))
        return wanted in (folded(document.kind), extension) or bool(wanted and wanted in doc_type)
    return any(wanted in folded(str(meta.get(name) or "")) for name in TEXT_FIELDS[field.field])
