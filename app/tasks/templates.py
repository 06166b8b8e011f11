"""The document tasks: what each asks of the model and the table it produces.

A task's prompt takes the place of a question after the documents, so it reuses the case's kept
prefix (a task after a question, or a second task, pays only for its own prompt). Each list task
asks for one row per line, cells separated by "|", the citation last; each column says how its
cells are checked against the cited page (``app.tasks.cells``), and ``anchor`` names the cell
searched for across the set when a row has no citation (a date, a name, a drug).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.context import CaseContext, ContextDocument
from app.errors import UserFacingError
from app.tasks.cells import DATE, DOSE, FACTS, VALUE


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    check: str = ""  # how its cells are checked against the cited page (app.tasks.cells); "": not


@dataclass(frozen=True)
class TaskTemplate:
    kind: str
    title: str
    description: str
    columns: tuple[Column, ...]
    line_format: str  # the row shape the prompt teaches, cells in column order
    instruction: str
    anchor: str | None = None
    per_document: bool = False  # one prompt per document (summaries) instead of one for the set
    sort_by_date: bool = False
    clinical: bool = False
    max_new_tokens: int = 400

    def prompts(self, part: CaseContext) -> list[tuple[ContextDocument | None, str]]:
        """(document the prompt is about, prompt text) for one pass over ``part``."""
        if not self.per_document:
            return [(None, f"Task: {self.instruction}\nWrite one per line, exactly in this form:\n"
                           f"{self.line_format}\nWrite only those lines, nothing else.")]
        return [(d, f"Task: {self.instruction.format(id=d.short_id, name=d.record.name)}\n"
                    f"{' This pass reads its ' + d.part + '.' if d.part else ''}".rstrip())
                for d in part.documents]


SOURCE = Column("source", "Source")
TEMPLATES: dict[str, TaskTemplate] = {t.kind: t for t in (
    TaskTemplate(
        kind="chronology", title="Chronology", description="dated events, oldest first",
        columns=(Column("date", "Date", DATE), Column("event", "Event", FACTS)),
        line_format="DATE | WHAT HAPPENED | [D1 p2]",
        instruction="list every dated event in the documents, oldest first. Write the date as the "
                    "document writes it and cite the page where that date appears.",
        anchor="date", sort_by_date=True),
    TaskTemplate(
        kind="summaries", title="Document summaries", description="two or three sentences per document",
        columns=(Column("document", "Document"), Column("summary", "Summary", FACTS)),
        line_format="",
        instruction="summarise document {id} (“{name}”) in two or three sentences: what it is, who "
                    "it is from and to, and what it says. Cite the pages you draw on, like [{id} p1].",
        per_document=True, max_new_tokens=160),
    TaskTemplate(
        kind="people", title="People and organisations", description="who appears, and in what role",
        columns=(Column("name", "Name", VALUE), Column("type", "Person or organisation"),
                 Column("role", "Role")),
        line_format="NAME | PERSON or ORGANISATION | ROLE IN THE DOCUMENTS | [D1 p2]",
        instruction="list the people and organisations named in the documents, each once, with "
                    "their role. Cite a page where the name appears.",
        anchor="name"),
    TaskTemplate(
        kind="inconsistencies", title="Inconsistencies", description="where documents disagree",
        columns=(Column("topic", "Topic"), Column("first", "One document says", FACTS),
                 Column("second", "Another says", FACTS)),
        line_format="TOPIC | WHAT ONE DOCUMENT SAYS [D1 p2] | WHAT ANOTHER DOCUMENT SAYS [D2 p5]",
        instruction="list the points on which the documents contradict each other (dates, amounts, "
                    "names, facts). Cite both sides. If there are none, write: none found."),
    TaskTemplate(
        kind="medications", title="Medication list", description="medicines, doses, status",
        columns=(Column("medication", "Medication", VALUE), Column("dose", "Dose and frequency", DOSE),
                 Column("status", "Status")),
        line_format="MEDICATION | DOSE AND HOW OFTEN | ACTIVE or STOPPED | [D1 p2]",
        instruction="list every medication in the records, each once, with its dose and whether it "
                    "is active or stopped. Cite the page where it appears.",
        anchor="medication", clinical=True),
    TaskTemplate(
        kind="digest", title="Deposition digest", description="testimony by topic, cited by page and line",
        columns=(Column("topic", "Topic"), Column("testimony", "Testimony", FACTS)),
        line_format="TOPIC | WHAT THE WITNESS SAID | [D1 45:12-46:3]",
        instruction="digest the testimony in the transcripts: one line for each topic the witness "
                    "testified about, in the order of the transcript, saying what the witness said and "
                    "citing the transcript's page and lines."),
    TaskTemplate(
        kind="encounters", title="Medical chronology",
        description="encounters by date of service; gaps and missing records flagged",
        columns=(Column("date", "Date of service", DATE), Column("provider", "Provider", VALUE),
                 Column("facility", "Facility"),
                 Column("summary", "Complaint, findings, diagnoses, treatment", FACTS),
                 Column("medications", "Medications started or stopped", FACTS)),
        line_format="DATE OF SERVICE | PROVIDER | FACILITY | COMPLAINT, FINDINGS, DIAGNOSES AND TREATMENT "
                    "| MEDICATIONS STARTED OR STOPPED | [D1 p2]",
        instruction="list every encounter in the records (visit, admission, test, procedure), oldest "
                    "first: its date of service, the provider and the facility, the complaint, findings, "
                    "diagnoses and treatment in one sentence, and any medication started or stopped. "
                    "Cite the page.",
        anchor="date", sort_by_date=True, clinical=True, max_new_tokens=600),
    TaskTemplate(
        kind="privilege", title="Privilege log (draft)",
        description="each document's privilege claim and basis, for attorney review",
        columns=(Column("document", "Document"), Column("family", "Family"), Column("date", "Date"),
                 Column("author", "Author"), Column("recipients", "Recipients"), Column("cc", "CC"),
                 Column("type", "Document type"), Column("privilege", "Privilege claimed"),
                 Column("basis", "Basis (draft — attorney review)")),
        line_format="",
        instruction="decide whether document {id} (“{name}”) is protected by the attorney-client "
                    "privilege or is attorney work product. Answer in one line, exactly: PRIVILEGE | "
                    "BASIS, where PRIVILEGE is attorney-client, work product, both, or none, and BASIS "
                    "says in one sentence why (who the lawyer is; what advice or preparation). Cite the "
                    "page, like [{id} p1].",
        per_document=True, max_new_tokens=96),
    TaskTemplate(
        kind="problems", title="Problem list", description="diagnoses and conditions, status",
        columns=(Column("problem", "Problem", VALUE), Column("status", "Status"),
                 Column("onset", "Onset", DATE)),
        line_format="PROBLEM | ACTIVE or RESOLVED | ONSET DATE | [D1 p2]",
        instruction="list every diagnosis or health problem in the records, each once, with its "
                    "status and onset date if given. Cite the page where it appears.",
        anchor="problem", clinical=True),
)}


def template(kind: str) -> TaskTemplate:
    try:
        return TEMPLATES[kind]
    except KeyError:
        raise UserFacingError(f"No task “{kind}”. Tasks: {', '.join(TEMPLATES)}.") from None
