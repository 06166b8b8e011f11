"""Render a Report to PDF (PyMuPDF Story), DOCX (python-docx) or CSV (a task's table)."""

from __future__ import annotations

import csv
import html
import io
import re

import docx
from docx.shared import Pt, RGBColor

from app.exports.report import BAD, GOOD, Report, Table
from app.pdf_story import write_pdf

CSS = """
body { font-family: sans-serif; font-size: 9pt; }
h1 { font-size: 15pt; margin-bottom: 4pt; }
h2 { font-size: 11pt; margin-top: 12pt; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; border-bottom: 1px solid #444; padding-right: 4pt; }
td { border-bottom: 1px solid #ccc; vertical-align: top; padding: 1pt 4pt 1pt 0; }
.good { color: #006000; font-weight: bold; }
.bad { color: #a00000; font-weight: bold; }
.facts { color: #333; }
.legend { color: #555; font-size: 8pt; }
.hash { font-family: monospace; }
.heat0 { background-color: #f4c7c3; } .heat1 { background-color: #f9e0b0; }
.heat2 { background-color: #fff2b3; } .heat3 { background-color: #d9ead3; }
.heat4 { background-color: #b7e1cd; }
"""
COLOURS = {GOOD: RGBColor(0x00, 0x60, 0x00), BAD: RGBColor(0xA0, 0x00, 0x00)}
# Word's XML cannot hold these (PDF text often carries form feeds and other control characters).
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_safe(text: str) -> str:
    return _NOT_IN_XML.sub(" ", text)


def _html_table(table: Table) -> str:
    esc = _esc
    head = "".join(f"<th>{esc(h)}</th>" for h in table.headers)
    body = []
    for number, (cells, mark) in enumerate(zip(table.rows, table.marks, strict=True)):
        shades = table.shades[number] if table.shades else [""] * len(cells)
        tds = [f'<td class="{shade}">{esc(c)}</td>' if shade else f"<td>{esc(c)}</td>"
               for c, shade in zip(cells[:-1], shades, strict=False)]
        last = shades[-1] or mark  # the check, coloured by its verdict (or a heatmap cell)
        tds.append(f'<td class="{last}">{esc(cells[-1])}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


# Hashes in a monospaced font: the proportional fonts set "ff", "fi" and "fl" as ligatures, so a
# manifest hash copied out of the PDF (to check it against the audit log) would not match.
_HASH = re.compile(r"\b[0-9a-f]{12,}\b")


def _esc(text: str) -> str:
    return _HASH.sub(lambda m: f'<span class="hash">{m.group(0)}</span>', html.escape(text))


def to_html(report: Report) -> str:
    esc = _esc
    facts = "<br/>".join(f"<b>{esc(k)}:</b> {esc(v)}" for k, v in report.facts)
    parts = [f"<h1>{esc(report.title)}</h1>", f'<p class="facts">{facts}</p>']
    for section in report.sections:
        parts.append(f"<h2>{esc(section.heading)}</h2>")
        parts.extend(f"<p>{esc(p).replace(chr(10), '<br/>')}</p>" for p in section.paragraphs)
        if section.table:
            parts.append(_html_table(section.table))
    parts.append(f'<p class="legend">{esc(report.legend)}</p>')
    return "\n".join(parts)


def write_pdf_report(report: Report, path) -> None:
    write_pdf(path, to_html(report), CSS)


def docx_bytes(report: Report) -> bytes:
    document = docx.Document()
    document.core_properties.title = _xml_safe(report.title)
    document.add_heading(_xml_safe(report.title), level=1)
    for key, value in report.facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{key}: ").bold = True
        paragraph.add_run(_xml_safe(value))
    for section in report.sections:
        document.add_heading(_xml_safe(section.heading), level=2)
        for text in section.paragraphs:
            document.add_paragraph(_xml_safe(text))
        if section.table:
            _docx_table(document, section.table)
    legend = document.add_paragraph().add_run(report.legend)
    legend.italic, legend.font.size = True, Pt(8)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    for cells, mark in zip(table.rows, table.marks, strict=True):
        row = grid.add_row().cells
        for cell, value in zip(row, cells, strict=True):
            cell.text = _xml_safe(value)
        if mark in COLOURS:
            run = row[-1].paragraphs[0].runs[0]
            run.bold, run.font.color.rgb = True, COLOURS[mark]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, prefixed with an apostrophe (OWASP's advice on
    CSV injection): document text, names and load-file fields are untrusted."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a BOM (Excel reads it as UTF-8). Headers too: a review's column titles come from
    a columns file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([as_text(h) for h in table.headers])
    for cells in table.rows:
        writer.writerow([as_text(c) for c in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def no_formulas(book) -> None:
    """Every cell of an openpyxl workbook that would be a formula (a string starting with "=")
    kept as the text it is: call it just before saving, so no sheet, header or fact is missed."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
