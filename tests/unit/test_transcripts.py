"""Transcripts cited by page and line: the three forms a court reporter delivers are read into
the same transcript pages, and a page:line citation is checked against exactly those lines."""

import pytest

from app.transcripts.lines import cited_lines, numbered_lines, split_text_export, transcript_pages
from app.transcripts.pdf_pages import pdf_transcript
from tests.fixtures import transcripts as deposition


def _numbers(pages):
    return [(p.number, len(p.lines)) for p in pages]


EXPECTED = [(n, 25) for n in range(44, 50)]


def test_a_text_export_a_full_page_pdf_and_a_condensed_pdf_read_alike(tmp_path):
    export = deposition.write_text_export(tmp_path / "varga.txt").read_text(encoding="utf-8")
    text = transcript_pages(split_text_export(export))
    full, per_sheet = pdf_transcript(deposition.write_full_pdf(tmp_path / "varga.pdf"))
    condensed, four = pdf_transcript(deposition.write_condensed_pdf(tmp_path / "varga-condensed.pdf"))
    assert _numbers(text) == _numbers(full) == _numbers(condensed) == EXPECTED
    assert (per_sheet, four) == (1, 4)  # a condensed sheet holds four transcript pages
    for pages in (text, full, condensed):
        assert cited_lines(pages, 46, 25, 47, 2).splitlines() == [
            deposition.FACTS[(46, 25)], deposition.FACTS[(47, 1)], deposition.FACTS[(47, 2)]]


@pytest.mark.parametrize("text", [
    "1. Apples\n2. Pears\n3. Plums",  # a short numbered list
    "Invoice 1041\nAmount due: $2,450.00\n12 boxes at $4.15",  # figures at the start of lines
    "\n".join(f"{n} item" for n in range(5, 30)),  # numbers that do not start at line 1
])
def test_pages_that_only_look_numbered_are_not_transcripts(text):
    assert numbered_lines(text) is None and transcript_pages([text]) is None
