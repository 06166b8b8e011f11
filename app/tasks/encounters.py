"""The medical chronology's own findings, worked out from the rows and the record, not asked of
the model: gaps in treatment longer than a threshold between one encounter and the next, and
records that the chart refers to but the set does not hold ("MRI ordered" with no MRI report).
Each is a row of its own, marked as what it is, so a reviewer sees it where it falls in time."""

from __future__ import annotations

import re
from datetime import date

from app.answer.citations import Citation
from app.context import CaseContext
from app.tasks.dates import DateKey, first_date_text, parse_date
from app.tasks.rows import TaskRow

GAP_DAYS = 30  # the default threshold; ``task --gap-days`` changes it
GAP, MISSING = "gap", "missing record"
# Studies and reports a chart orders or refers to, by the words that name them.
STUDIES = ("MRI", "CT scan", "CT", "X-ray", "ultrasound", "EMG", "nerve conduction study",
           "echocardiogram", "stress test", "biopsy", "colonoscopy", "sleep study", "bone scan")
_ORDERED = re.compile(r"\b(?P<study>" + "|".join(re.escape(s) for s in STUDIES) + r")\b[^.\n]{0,60}?"
                      r"\b(?:ordered|requested|scheduled|to be done|pending)\b"
                      r"|\b(?:ordered|requested|scheduled|referred for)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
                      r"(?P<study2>" + "|".join(re.escape(s) for s in STUDIES) + r")\b", re.IGNORECASE)
_RESULT_WORDS = re.compile(r"\b(?:impression|findings|result|results|report|interpretation)\b", re.IGNORECASE)


def _day(key: DateKey | None) -> date | None:
    return date(key[0], key[1], key[2]) if key and key[1] and key[2] else None


def gap_rows(rows: list[TaskRow], date_key: str, threshold_days: int = GAP_DAYS) -> list[TaskRow]:
    """``rows`` (sorted by date) with a row for each gap longer than ``threshold_days`` between
    consecutive encounters."""
    out: list[TaskRow] = []
    previous: date | None = None
    for row in rows:
        when = _day(parse_date(row.fields.get(date_key, "")))
        if when is not None and previous is not None and (when - previous).days > threshold_days:
            days = (when - previous).days
            fields = dict.fromkeys(row.fields, "") | {
                date_key: f"{previous.isoformat()} – {when.isoformat()}",
                "summary": f"GAP IN TREATMENT: no encounter recorded for {days} days"}
            out.append(TaskRow(fields, [], GAP, f"{days} days without an encounter (threshold "
                                                 f"{threshold_days} days)"))
        if when is not None:
            previous = when
        out.append(row)
    return out


def missing_record_rows(context: CaseContext, date_key: str, keys: list[str]) -> list[TaskRow]:
    """A row for each study the record orders or refers to of which no report is in the set."""
    rows = []
    seen: set[str] = set()
    for document in context.documents:
        for page in document.pages:
            for match in _ORDERED.finditer(page.text):
                named = (match.group("study") or match.group("study2")).casefold()
                study = next(s for s in STUDIES if s.casefold() == named)
                if study in seen or _report_of(context, study, (document.short_id, page.number)):
                    continue
                seen.add(study)
                when = first_date_text(page.text) or ""
                citation = Citation(document.short_id, document.record.name, page.number, page.label,
                                    None, None, True, document_id=document.record.id)
                said = match.group().strip()
                fields = dict.fromkeys(keys, "") | {
                    date_key: when,
                    "summary": f"MISSING RECORD: {study} referred to (“{said}”) but no {study} report "
                               "is in the set"}
                rows.append(TaskRow(fields, [citation], MISSING, f"{study} report not in the set"))
    return rows


def _report_of(context: CaseContext, study: str, ordering: tuple[str, int]) -> bool:
    """Whether a page other than the ordering one reports that study (names it with findings)."""
    named = re.compile(rf"\b{re.escape(study)}\b", re.IGNORECASE)
    for document in context.documents:
        if named.search(document.record.name) and document.short_id != ordering[0]:
            return True
        for page in document.pages:
            if (document.short_id, page.number) == ordering:
                continue
            if named.search(page.text) and _RESULT_WORDS.search(page.text):
                return True
    return False
