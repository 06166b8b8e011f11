"""Transcript pages out of a PDF: the visual lines of a page rebuilt from its words (line numbers
are often separate text objects in their own column, which plain text extraction puts apart from
their line), and a "condensed" sheet — four transcript pages on one sheet, two columns of two —
split into its four pages."""

from __future__ import annotations

import pymupdf

from app.transcripts.lines import TranscriptPage, transcript_pages

LINE_TOLERANCE = 3.0  # points: words whose tops are this close are on one visual line


def visual_text(page: pymupdf.Page, clip: pymupdf.Rect | None = None) -> str:
    """The page's (or the clip's) words as lines, top to bottom, left to right."""
    words = sorted(page.get_text("words", clip=clip), key=lambda w: (round(w[1]), w[0]))
    lines: list[list[tuple]] = []
    for word in words:
        if lines and abs(lines[-1][0][1] - word[1]) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return "\n".join(" ".join(w[4] for w in sorted(line, key=lambda w: w[0])) for line in lines)


def quadrants(rect: pymupdf.Rect) -> list[pymupdf.Rect]:
    """A condensed sheet's four transcript pages, in reading order: down the left column, then
    down the right one."""
    mid_x, mid_y = (rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2
    return [pymupdf.Rect(rect.x0, rect.y0, mid_x, mid_y), pymupdf.Rect(rect.x0, mid_y, mid_x, rect.y1),
            pymupdf.Rect(mid_x, rect.y0, rect.x1, mid_y), pymupdf.Rect(mid_x, mid_y, rect.x1, rect.y1)]


def pdf_transcript(path=None, data: bytes | None = None) -> tuple[list[TranscriptPage], int] | None:
    """The transcript pages of a PDF (a file, or its bytes) and how many sit on each sheet (1, or 4
    when condensed); None when it is not a transcript."""
    with (pymupdf.open(stream=data) if data is not None else pymupdf.open(path)) as document:
        whole = [visual_text(page) for page in document]
        full = transcript_pages(whole)
        if full is not None:
            return full, 1
        quarters = [visual_text(page, clip) for page in document for clip in quadrants(page.rect)]
    condensed = transcript_pages(quarters)
    if condensed is None:
        return None
    while condensed and not condensed[-1].lines and not condensed[-1].raw.strip():
        condensed.pop()  # the empty quarters after the last page of the last sheet
    return condensed, 4
