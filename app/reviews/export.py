"""Export a review as XLSX (openpyxl), CSV or DOCX, each cell with its sources and its check.

Every file says what a reader needs to check it: the case, the model and its weights hash, the
manifest of the document set, the scope each cell read, and for each cell where it was cited and
what the check found. Document text is untrusted: no cell is ever written as a formula, in XLSX
or in CSV. Written through ``app.exports.files`` (temporary name, then renamed; audited).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill

from app.exports.files import ExportedFile, audit_export, check_destination, write_atomically
from app.exports.render import csv_bytes, docx_bytes, no_formulas
from app.exports.report import BAD, GOOD, Report, Section, Table, citation_text
from app.reviews.cells import BAD_CHECKS, EMPTY, GOOD_CHECKS, MARKS
from app.reviews.run import find_review, review_cells
from storage.records import CaseRecord, ReviewCellRecord, ReviewRecord
from storage.vault import Vault

SCOPE_TEXT = {"document": "each cell read only its row's documents",
              "case": "each cell read the whole case"}
FILLS = {GOOD: PatternFill("solid", fgColor="D9EAD3"), BAD: PatternFill("solid", fgColor="F4CCCC")}
LEGEND = ("Check: ✓ verified — the value (date, amount, the answer's words) or the quote was found on the "
          "cited page; ≠ differs — the cited page gives another value; ✗ not on the cited page or the "
          "source is not in the case; · cited, a judgement or paraphrase to read against the page; ? no "
          "citation; – no answer found; ✎ edited by the user; ! not answered (why is given).")


def mark(check: str) -> str:
    return GOOD if check in GOOD_CHECKS else BAD if check in BAD_CHECKS else ""


def check_text(cell: ReviewCellRecord | None) -> str:
    if cell is None:
        return "not answered yet"
    return f"{MARKS.get(cell.check, '')} {cell.note}".strip()


def sources_text(cell: ReviewCellRecord | None) -> str:
    if cell is None or not cell.citations:
        return ""
    return "; ".join(citation_text(c) for c in cell.citations)


def cell_value(cell: ReviewCellRecord | None) -> str:
    if cell is None:
        return ""
    if cell.check == EMPTY:
        return "(not stated)"
    return f"{cell.value} — {cell.detail}" if cell.detail and cell.value in ("Yes", "No") else cell.value


def review_facts(case: CaseRecord, review: ReviewRecord,
                 cells: list[ReviewCellRecord]) -> list[tuple[str, str]]:
    return [("Case", case.name), ("Review", f"{review.id} · {review.title} · {review.status}"),
            ("Rows", f"{len(review.rows)} {review.row_unit}"), ("Columns", str(len(review.columns))),
            ("Cells answered", f"{len(cells)} of {review.cell_count}"),
            ("Model", f"{review.model_id or 'unknown'} "
                      f"(weights sha256 {review.weights_sha256 or 'unknown'})"),
            ("Manifest", review.manifest or "none"), ("How the set was read", SCOPE_TEXT[review.scope]),
            ("Made", f"{review.created_at} to {review.finished_at or '—'}"),
            ("Exported", datetime.now(UTC).isoformat(timespec="seconds"))]


def review_table(review: ReviewRecord,
                 cells: list[ReviewCellRecord]) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """(headers, rows of text, per-row marks for each check column)."""
    by_place = {(c.row, c.column): c for c in cells}
    headers = ["Row"]
    for column in review.columns:
        headers += [column["title"], f"{column['title']}: source", f"{column['title']}: check"]
    rows, marks = [], []
    for r, row in enumerate(review.rows):
        line, line_marks = [row["label"]], []
        for c in range(len(review.columns)):
            cell = by_place.get((r, c))
            line += [cell_value(cell), sources_text(cell), check_text(cell)]
            line_marks.append(mark(cell.check) if cell else "")
        rows.append(line)
        marks.append(line_marks)
    return headers, rows, marks


def _safe(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub(" ", text)


def xlsx_bytes(case: CaseRecord, review: ReviewRecord, cells: list[ReviewCellRecord]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Review"
    facts = review_facts(case, review, cells)
    for key, value in facts:
        sheet.append([key, _safe(value)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append(["Legend", LEGEND])
    sheet.append([])
    headers, rows, marks = review_table(review, cells)
    sheet.append(headers)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for line, line_marks in zip(rows, marks, strict=True):
        sheet.append([_safe(v) for v in line])
        for index in range(len(line)):
            cell = sheet.cell(sheet.max_row, index + 1)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if index % 3 == 0 and index and line_marks[index // 3 - 1] in FILLS:
                cell.fill = FILLS[line_marks[index // 3 - 1]]
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)
    sheet.column_dimensions["A"].width = 36
    questions = book.create_sheet("Columns")
    questions.append(["Column", "Question", "Type", "Choices"])
    for column in review.columns:
        questions.append([_safe(column["title"]), _safe(column["question"]), column["type"],
                          "; ".join(column.get("choices") or ())])
    raw = book.create_sheet("Answers as written")
    raw.append(["Row", "Column", "The model's text", "Edited by the user"])
    for cell in cells:
        raw.append([review.rows[cell.row]["label"], review.columns[cell.column]["title"],
                    _safe(cell.output or ""), "yes" if cell.edited else ""])
    no_formulas(book)  # every sheet, header and fact: load-file labels and column titles too
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def review_report(case: CaseRecord, review: ReviewRecord, cells: list[ReviewCellRecord]) -> Report:
    """For DOCX: one table per column (a documents × questions grid is too wide for a page)."""
    by_place = {(c.row, c.column): c for c in cells}
    sections = []
    for index, column in enumerate(review.columns):
        rows, marks = [], []
        for r, row in enumerate(review.rows):
            cell = by_place.get((r, index))
            rows.append([row["label"], cell_value(cell), sources_text(cell), check_text(cell)])
            marks.append(mark(cell.check) if cell else "")
        sections.append(Section(column["title"], [column["question"]],
                                Table(["Row", "Answer", "Source", "Check"], rows, marks)))
    return Report(title=f"{review.title}: {case.name}", facts=review_facts(case, review, cells),
                  sections=sections, legend=LEGEND)


def export_review(vault: Vault, case: CaseRecord, review_id: int, out: Path) -> ExportedFile:
    fmt = check_destination(out, ("xlsx", "csv", "docx"))
    review = find_review(vault, case, review_id)
    cells = review_cells(vault, review)
    if fmt == "xlsx":
        data = xlsx_bytes(case, review, cells)
    elif fmt == "csv":
        headers, rows, _marks = review_table(review, cells)
        data = csv_bytes(Table(headers, rows, [""] * len(rows)))
    else:
        data = docx_bytes(review_report(case, review, cells))
    done = write_atomically(out, fmt, data)
    audit_export(vault, case, "export.review", "review_id", review_id, done)
    return done
