"""Word documents (DOCX) with python-docx.

Word has no fixed pages, so Casefile cuts the text into sections a reader can cite: a new
section starts at each heading (labelled with the heading), and a long run without headings is
cut every ``PARAGRAPHS_PER_SECTION`` paragraphs (labelled with the paragraph range). Tables
are read in place, a row per line with cells separated by " | ".
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from app.errors import IngestError
from app.extract import ExtractedDocument, Source
from app.limits import check_package
from storage.records import PageRecord

SUFFIXES = (".docx",)
PARAGRAPHS_PER_SECTION = 40


@dataclass
class _Section:
    title: str | None
    first: int  # number of its first paragraph
    paragraphs: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        last = self.first + max(self.paragraphs, 1) - 1
        where = f"¶ {self.first}-{last}" if last > self.first else f"¶ {self.first}"
        return f"{self.title} ({where})" if self.title else where


def _is_heading(paragraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return style.startswith(("Heading", "Title")) and bool(paragraph.text.strip())


def _table_text(table) -> str:
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        rows.append(" | ".join(cells))
    return "\n".join(rows)


def extract_docx(source: Source) -> ExtractedDocument:
    import docx  # imported here: the reading processes start faster without it (lxml is big)
    from docx.table import Table

    data = source.read_bytes()
    check_package(data, what="Word document")  # before python-docx decompresses a part
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError("Not a readable Word document (the file is damaged).", detail=str(exc)) from None

    sections = [_Section(title=None, first=1)]
    paragraph_no = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            sections[-1].lines.append(_table_text(block))
            continue
        paragraph_no += 1
        current = sections[-1]
        heading = _is_heading(block)
        if heading and not current.paragraphs:
            current.title = block.text.strip()[:80]
        elif current.paragraphs and (heading or current.paragraphs >= PARAGRAPHS_PER_SECTION):
            title = block.text.strip()[:80] if heading else current.title
            current = _Section(title=title, first=paragraph_no)
            sections.append(current)
        current.lines.append(block.text)
        current.paragraphs += 1
    sections = [section for section in sections if any(line.strip() for line in section.lines)]
    if not sections:
        raise IngestError("The Word document has no text.")
    pages = []
    for number, section in enumerate(sections, start=1):
        pages.append(PageRecord(number=number, text="\n".join(section.lines).strip(), label=section.label))
    return ExtractedDocument("docx", tuple(pages), ("Word has no fixed pages: cited by section and "
                                                    "paragraph instead.",))
