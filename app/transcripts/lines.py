"""Transcript pages and their numbered lines: how a deposition, hearing or trial transcript is cited
("Varga Dep. 45:12–46:3"), read from a court reporter's text export or from a PDF's words.

A transcript page holds up to 25 numbered lines (some reporters use 26 to 28). A page is taken to
be a transcript page only when most of its non-empty lines start with their line number and the
numbers run upward from 1 or 2 — a numbered list or a table of figures does not look like that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHEET_PAGES_KEY = "transcript_sheet_pages"  # a document's metadata: transcript pages a sheet (4: condensed)
MAX_LINES = 28
MIN_NUMBERED = 10  # fewer numbered lines than this: not a transcript page (a cover page, a list)
_NUMBERED = re.compile(r"^\s*(\d{1,2})(?:\s+(.*?))?\s*$")


@dataclass(frozen=True)
class TranscriptPage:
    number: int  # the transcript's own page number (what a page:line citation names)
    lines: tuple[tuple[int, str], ...]  # (line number, text), in order; () for a page without them
    raw: str = ""  # the text of a page that is not numbered (a caption, a word index)

    def text(self) -> str:
        """The page as stored and shown to the model: one line per transcript line, numbered."""
        if not self.lines:
            return self.raw
        return "\n".join(f"{number:>2}  {words}".rstrip() for number, words in self.lines)

    def between(self, first: int, last: int) -> list[str]:
        return [words for number, words in self.lines if first <= number <= last]


def numbered_lines(text: str) -> list[tuple[int, str]] | None:
    """The numbered lines of one page's text, or None when it is not a transcript page."""
    found, other = [], 0
    for raw in text.splitlines():
        if not raw.strip():
            continue
        match = _NUMBERED.match(raw)
        number = int(match.group(1)) if match else 0
        if match and 1 <= number <= MAX_LINES and (not found or number > found[-1][0]):
            found.append((number, match.group(2) or ""))
        else:
            other += 1
    if len(found) < MIN_NUMBERED or found[0][0] > 2 or other > len(found) // 3:
        return None
    return found


def _header(text: str) -> tuple[int, int] | None:
    """(index of the header line, printed page number): "Page 45" as the first line, or a lone
    number right before line 1."""
    lines = [(index, raw.strip()) for index, raw in enumerate(text.splitlines()) if raw.strip()]
    if not lines:
        return None
    index, first = lines[0]
    if match := re.fullmatch(r"page\s+(\d{1,5})", first, re.IGNORECASE):
        return index, int(match.group(1))
    if re.fullmatch(r"\d{1,5}", first) and len(lines) > 1 and re.match(r"1(\s|$)", lines[1][1]):
        return index, int(first)
    return None


def transcript_pages(page_texts: Sequence[str]) -> list[TranscriptPage] | None:
    """The pages as transcript pages, when most pages with text are (a caption page, the
    reporter's certificate or a word index may be among them, kept as they are); numbered as
    printed where printed, else counted on from the page before."""
    pages: list[TranscriptPage] = []
    numbered = 0
    for text in page_texts:
        header = _header(text)
        body = "\n".join(text.splitlines()[header[0] + 1:]) if header else text
        lines = numbered_lines(body)
        number = header[1] if header else (pages[-1].number + 1 if pages else 1)
        pages.append(TranscriptPage(number, tuple(lines or ()), "" if lines else text))
        numbered += lines is not None
    with_text = sum(1 for text in page_texts if text.strip())
    return pages if numbered >= 1 and numbered * 5 >= with_text * 3 else None


def split_text_export(text: str) -> list[str]:
    """A court reporter's text export as page texts: form feeds where it has them, else a new page
    at each "Page N" header line."""
    if "\f" in text:
        return [part for part in text.split("\f") if part.strip()]
    pages, current = [], []
    for raw in text.splitlines():
        if re.match(r"^\s*page\s+\d{1,5}\s*$", raw, re.IGNORECASE) and current:
            pages.append("\n".join(current))
            current = []
        current.append(raw)
    if current:
        pages.append("\n".join(current))
    return pages


def cited_lines(pages: Iterable[TranscriptPage], first_page: int, first_line: int, last_page: int,
                last_line: int) -> str:
    """The words of lines first_page:first_line through last_page:last_line, joined."""
    words = []
    for page in pages:
        if first_page <= page.number <= last_page:
            start = first_line if page.number == first_page else 1
            end = last_line if page.number == last_page else MAX_LINES
            words += page.between(start, end)
    return "\n".join(words)


def transcript_of(stored: Iterable) -> list[TranscriptPage]:
    """Stored pages (``PageRecord``: text as ``TranscriptPage.text`` wrote it, label the page
    number) as transcript pages again."""
    return [TranscriptPage(int(page.label), tuple(numbered_lines(page.text) or ()))
            for page in stored if page.label and page.label.isdigit()]


def words_of(text: str) -> str:
    """A stored transcript page's words without its line numbers (a quote runs across lines)."""
    lines = numbered_lines(text)
    return "\n".join(words for _, words in lines) if lines else text


def line_span(first_page: int, first_line: int, last_page: int, last_line: int) -> str:
    """How a page:line citation is written: 45:12, 45:12-20, 45:12-46:3."""
    if (last_page, last_line) == (first_page, first_line):
        return f"{first_page}:{first_line}"
    if last_page == first_page:
        return f"{first_page}:{first_line}-{last_line}"
    return f"{first_page}:{first_line}-{last_page}:{last_line}"
