"""Answer styles: the grounding sent to the engine (citations Casefile writes), the style's
instruction after the question, figures on none of the cited pages, and quotations paired in order."""

from __future__ import annotations

from app.answer.citations import parse_citations, quotations
from app.answer.provenance import not_on_cited_pages
from app.answer.styles import FREE, QUOTED, QUOTED_INSTRUCTION, grounding_for, style_run, with_instruction
from app.context import build_context, question_messages
from storage.records import DocumentRecord, PageRecord


def _doc(doc_id, name, pages, labels=None, metadata=None):
    record = DocumentRecord(id=doc_id, case_id=1, sha256=f"{doc_id}" * 64, name=name, kind="pdf",
                            size_bytes=1, page_count=len(pages), status="ingested", metadata=metadata or {})
    return record, [PageRecord(number=i + 1, text=t, label=(labels or [None] * len(pages))[i])
                    for i, t in enumerate(pages)]


CHART = _doc(1, "a-chart.pdf", ["Visit 1. Lisinopril 10 mg daily.",
                                "Visit 2. Lisinopril 20 mg daily from 4/2/2024."])
PRODUCTION = _doc(2, "b-mail.pdf", ["Claim 4471-B was paid: $1,250.00."], labels=["ABC0001234"])
DEPOSITION = ["Q. Did you sign it?", "A. I did not sign.", "Q. Who signed?", "A. My brother.", "Q. When?",
              "A. In May.", "Q. Where?", "A. At the bank.", "Q. Anyone else?", "A. No one else."]
NUMBERED = "\n".join(f"{n:>2}  {line}" for n, line in enumerate(DEPOSITION, start=1))
TRANSCRIPT = _doc(3, "c-depo.pdf", [NUMBERED],
                  labels=["45"], metadata={"transcript": "pages 45-45; cite page:line"})


def test_grounding_cites_each_page_as_the_citation_parser_reads_it():
    context = build_context([CHART, PRODUCTION, TRANSCRIPT], "m")
    grounding = grounding_for(context)
    citations = [citation for citation, _ in grounding.pages]
    assert citations == ["D1 p1", "D1 p2", "ABC0001234", "D3 45"]
    assert grounding.key == context.manifest
    (transcript_page, lines), = grounding.lines
    assert grounding.pages[transcript_page][1].startswith("Q. Did you sign it?")  # words, no line numbers
    assert lines[:4] == ((1, 0), (2, 5), (3, 10), (4, 13))


def test_the_quoted_style_asks_after_the_question_and_keeps_the_documents_a_prefix():
    context = build_context([CHART], "m")
    plain = question_messages(context, "What dose?")
    styled = with_instruction(plain, style_run(QUOTED, context, local=True).instruction)
    assert styled[1]["content"].startswith(context.text) and styled[1]["content"].endswith(QUOTED_INSTRUCTION)
    assert style_run(QUOTED, context, local=True).grounding is not None
    assert style_run(QUOTED, context, local=False).grounding is None  # a remote server: checked after
    assert style_run(FREE, context, local=True).grounding is not None  # free answers' quotes are copied too
    assert style_run(FREE, context, local=True, constrain=False).grounding is None
    assert with_instruction(plain, style_run(FREE, context, local=True).instruction) == plain


def test_figures_on_none_of_the_cited_pages_are_named():
    context = build_context([CHART, PRODUCTION], "m")
    answer = 'The dose went to 20 mg on 4/2/2024 [D1 p2]; the claim, 4471-B, was for $9,999.00 [D1 p1].'
    citations = parse_citations(answer, context)
    missing = not_on_cited_pages(answer, citations, context, "What dose?")
    assert "$9,999.00" in missing and "4471" in missing  # 4471(-B) is in the set, but not on a cited page
    assert not any("20 mg" in term or "4/2/2024" in term for term in missing)
    uncited = "It was 30 mg."
    assert not_on_cited_pages(uncited, parse_citations(uncited, context), context) == ["30 mg"]


def test_quotation_marks_pair_in_order():
    answer = 'The id "D1" and the name "D1" match; "Lisinopril 20 mg daily from" [D1 p2].'
    assert [q.quote for q in quotations(answer)] == ["Lisinopril 20 mg daily from"]
    assert [q.quote for q in quotations('“one two three four” and ”stray')] == ["one two three four"]
