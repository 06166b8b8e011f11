"""HTML + CSS to a paginated PDF with PyMuPDF's Story (no other PDF engine)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

PAGE = pymupdf.paper_rect("a4")
MARGIN = 40


def write_pdf(path: Path, html: str, css: str) -> None:
    story = pymupdf.Story(html=html, user_css=css)
    writer = pymupdf.DocumentWriter(str(path))
    where = PAGE + (MARGIN, MARGIN, -MARGIN, -MARGIN)
    more = True
    while more:
        device = writer.begin_page(PAGE)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()
