"""What an exported chat or task result says, independent of the file format.

Every export carries what a reader needs to check it: the case, the model and its weights hash,
the manifest hash of the document set, how the set was read (whole, without some documents, or
in staged passes), and for every citation or row whether it was verified against the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.answer.citations import check_phrase
from app.answer.citecheck import CiteCheck
from app.context import is_bates_label
from app.extract.wording import count_of
from app.safe_text import shown
from app.tasks.cells import marked
from app.tasks.rows import CITED, VERIFIED
from app.tasks.templates import SOURCE, TaskTemplate
from storage.records import CaseRecord, ChatSessionRecord, MessageRecord, TaskRecord

CHECK_TITLE = "Check"
GOOD, BAD = "good", "bad"


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    marks: list[str]  # per row: GOOD (verified), BAD (not verified or no citation) or ""
    shades: list[list[str]] = field(default_factory=list)  # per cell, a CSS class (a heatmap's colour)


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None


@dataclass(frozen=True)
class Report:
    title: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    legend: str = ("Check: “verified” means the quoted words (or the row's date, name or medicine) were "
                   "found on the cited page by Casefile after the answer was written; anything else is "
                   "shown as it was found and should be read against the source.")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def citation_text(citation: dict) -> str:
    # The id is the model's (it may cite anything); the name and the Bates number come from a file
    # or a load file, so a right-to-left override must not make one document read as another.
    where = shown(citation["id"] or "?")
    if citation.get("page"):
        where += f" p{shown(citation['page'])}"
    if citation.get("document"):
        where += f" ({shown(citation['document'])})"
    elif citation["id"]:
        where += " (not in this case)"
    if citation.get("known") and is_bates_label(citation.get("bates")):
        where = f"{shown(citation['bates'])}, {where}"  # lawyers cite the Bates number
    return where + (f": “{citation['quote']}”" if citation.get("quote") else "")


def citation_check(citation: dict) -> tuple[str, str]:
    if not citation.get("known"):
        return "source not in this case", BAD
    phrase = check_phrase(citation)
    return phrase or "cited, nothing quoted", GOOD if citation.get("verified") else BAD if phrase else ""


def _model_text(model_id: str | None, weights_sha256: str | None) -> str:
    return f"{model_id or 'unknown'} (weights sha256 {(weights_sha256 or '')[:16]}…)"


def _answer_facts(message: MessageRecord) -> str:
    mode = (message.mode or {}).get("label") or "whole case read at once"
    stopped = " · stopped at the length limit" if message.finish_reason == "length" else ""
    return (f"Model {_model_text(message.model_id, message.weights_sha256)} · "
            f"manifest {message.manifest or 'none'} · {mode}{stopped}")


def chat_report(case: CaseRecord, chat: ChatSessionRecord, messages: list[MessageRecord]) -> Report:
    sections, question, number = [], None, 0
    for message in messages:
        if message.role == "user":
            question = message
            continue
        number += 1
        checks = [citation_check(c) for c in message.citations]
        table = Table(["Citation", CHECK_TITLE], [[citation_text(c), check] for c, (check, _) in
                                                  zip(message.citations, checks, strict=True)],
                      [mark for _, mark in checks]) if message.citations else None
        paragraphs = [f"Q: {question.content if question else ''}", f"A: {message.content.strip()}",
                      _answer_facts(message)]
        if not message.citations:
            paragraphs.append("No citations: this answer is not tied to any page and was not verified.")
        if message.located:
            found = ", ".join(f"{x['short_id']} p{x['page']} ({x['term']})" for x in message.located)
            paragraphs.append(f"Not cited by the model; Casefile found its figures on: {found}.")
        sections.append(Section(f"Question {number} · {message.created_at}", paragraphs, table))
        question = None
    if question is not None:  # asked, never answered (stopped or failed)
        sections.append(Section("Unanswered question", [f"Q: {question.content}"]))
    return Report(title=f"Chat: {shown(chat.title)}",
                  facts=[("Case", shown(case.name)), ("Chat", f"{chat.id}, started {chat.created_at}"),
                         ("Exported", _now())], sections=sections)


def task_table(task: TaskRecord, spec: TaskTemplate) -> Table:
    headers = [c.title for c in spec.columns] + [SOURCE.title, CHECK_TITLE]
    rows, marks = [], []
    for row in task.rows:
        sources = "; ".join(citation_text(c) for c in row["citations"]) or "none"
        cells = row.get("cells") or {}  # rows stored before cell checks have none
        rows.append([marked(row["fields"].get(c.key, ""), cells.get(c.key)) for c in spec.columns]
                    + [sources, row["note"]])
        marks.append(GOOD if row["check"] == VERIFIED else "" if row["check"] == CITED else BAD)
    return Table(headers, rows, marks)


def task_report(case: CaseRecord, task: TaskRecord, spec: TaskTemplate) -> Report:
    table = task_table(task, spec)
    counts = {GOOD: table.marks.count(GOOD), BAD: table.marks.count(BAD)}
    summary = (f"{len(table.rows)} rows: {counts[GOOD]} verified against their page, {counts[BAD]} not "
               "verified or without a citation.")
    paragraphs = [summary] if table.rows else ["The task found no rows."]
    if task.error:
        paragraphs.append(f"The task did not finish: {task.error}")
    return Report(
        title=f"{spec.title}: {shown(case.name)}",
        facts=[("Case", shown(case.name)), ("Task", f"{task.id} · {spec.title} · {task.status}"),
               ("Run", f"{task.created_at} to {task.finished_at or '—'}"),
               ("Model", _model_text(task.model_id, task.weights_sha256)),
               ("Manifest", task.manifest or "none"),
               ("Documents read", (task.mode or {}).get("label") or "the whole case, at once"),
               ("Exported", _now())],
        sections=[Section(spec.title, paragraphs, table if table.rows else None),
                  Section("The model's output, as written",
                          ["Kept so the table can be checked against it; lines that were not rows "
                           "(no date in a chronology, echoes of the prompt) appear only here.",
                           task.output or "(none)"])])


def citecheck_report(case: CaseRecord, result: CiteCheck) -> Report:
    """A brief's quotations, each with its record citation and what the check found."""
    rows, marks = [], []
    for checked in result.quotes:
        citation = checked.citation.as_json()
        rows.append([f"“{checked.quote}”", checked.cite, citation_text(citation), checked.as_json()["says"]])
        marks.append(GOOD if checked.citation.verified else BAD)
    differ = result.counts().get("differs", 0)
    summary = (f"{count_of(len(rows), 'quotation')} with a record citation: {marks.count(GOOD)} verified, "
               f"{differ} differ from the page, {marks.count(BAD) - differ} not found where cited."
               if rows else "No quotation followed by a record citation was found.")
    return Report(title=f"Cite-check: {shown(result.brief)}",
                  facts=[("Case", shown(case.name)), ("Brief", shown(result.brief)), ("Exported", _now())],
                  sections=[Section("Quotations", [summary],
                                    Table(["Quotation", "Cited as", "Record", CHECK_TITLE], rows, marks)
                                    if rows else None)])
