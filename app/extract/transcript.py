"""A transcript (deposition, hearing, trial) recognised as it is read: its pages become transcript
pages — a condensed sheet gives four — each stored with its numbered lines and labelled with the
transcript's own page number, so answers cite it by page and line ([D4 45:12-46:3]) and quotes
are checked against exactly those lines. The deponent's name, where the caption gives it, lets a
brief's "Varga Dep. 45:12" be checked too."""

from __future__ import annotations

import re
from dataclasses import replace

from app.extract import ExtractedDocument, Source
from app.transcripts.lines import (
    MIN_NUMBERED,
    SHEET_PAGES_KEY,
    TranscriptPage,
    split_text_export,
    transcript_pages,
)
from app.transcripts.pdf_pages import pdf_transcript
from storage.records import PageRecord, PageStatus

_LINE_START = re.compile(r"^\s*([1-9]|1\d|2[0-8])(?:\s|$)")
_DEPONENT = re.compile(r"(?:DEPOSITION|EXAMINATION|TESTIMONY)\s+OF\s+([A-Z][A-Za-z.'\- ]{2,60}?)"
                       r"\s*(?:\n|,|$)", re.MULTILINE)


def as_transcript(source: Source, read: ExtractedDocument) -> ExtractedDocument:
    """``read`` as a transcript when it is one; otherwise as it was."""
    if read.kind == "text":
        found = transcript_pages(split_text_export("\f".join(p.text for p in read.pages)))
        per_sheet = 1
    elif read.kind == "pdf" and not read.ocr_jobs and any(map(_numbered_lines, read.pages[:6])):
        whole = pdf_transcript(source.path, source.data)  # words and positions: only for a likely one
        found, per_sheet = whole if whole else (None, 1)
    else:
        return read
    if found is None:
        return read
    pages = tuple(_page(index, page) for index, page in enumerate(found, start=1))
    numbered = [p for p in found if p.lines]
    span = f"pages {numbered[0].number}-{numbered[-1].number}"
    metadata = {**read.metadata, "transcript": f"{span}; cite page:line"}
    if per_sheet > 1:
        metadata[SHEET_PAGES_KEY] = str(per_sheet)
    if deponent := deponent_of(found, source.name):
        metadata["deponent"] = deponent
    sheets = " (condensed: four on each sheet)" if per_sheet > 1 else ""
    warnings = (*read.warnings, f"A transcript: {len(numbered)} pages with numbered lines{sheets}; "
                                "cited by page and line.")
    return replace(read, pages=pages, metadata=metadata, warnings=warnings)


def _numbered_lines(page: PageRecord) -> bool:
    """A cheap first look (the text already read): lines that start with the numbers 1, 2, 3, …
    in turn, ten or more of them (footnote marks and numbered lists rarely run like that)."""
    expected = 1
    for line in page.text.splitlines():
        if (match := _LINE_START.match(line)) and int(match.group(1)) == expected:
            expected += 1
        elif match and int(match.group(1)) == 1:
            expected = 2  # a new page's numbering (a condensed sheet holds four)
    return expected - 1 >= MIN_NUMBERED


def _page(index: int, page: TranscriptPage) -> PageRecord:
    text = page.text()
    status = PageStatus.TEXT if text.strip() else PageStatus.BLANK
    return PageRecord(index, text, label=str(page.number), status=status)


def deponent_of(pages: list[TranscriptPage], file_name: str) -> str:
    """The witness's surname, from the caption ("DEPOSITION OF ANNA VARGA") or the file name
    ("varga-deposition.pdf"); "" when neither says."""
    for page in pages[:3]:
        if match := _DEPONENT.search(page.raw or page.text()):
            return match.group(1).split()[-1].title()
    if match := re.match(r"([A-Za-z]+)[\s_-]+dep", file_name, re.IGNORECASE):
        return match.group(1).title()
    return ""
