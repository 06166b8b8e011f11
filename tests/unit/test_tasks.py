"""Task output parsing, row checks, dates, and the staged split of an over-long document."""

import pytest

from app.answer.planning import DocumentPlan, Plan
from app.answer.staged import groups, split_documents
from app.context import build_context, subset
from app.tasks.dates import dates_in, parse_date, sort_key
from app.tasks.rows import parse_rows
from app.tasks.run import _ordered
from app.tasks.templates import TEMPLATES, template
from storage.records import DocumentRecord, PageRecord


def _doc(doc_id, name, pages):
    record = DocumentRecord(id=doc_id, case_id=1, sha256=f"{doc_id:064x}", name=name, kind="pdf",
                            size_bytes=1, page_count=len(pages), status="ingested")
    return record, [PageRecord(number=i + 1, text=t, tokens=len(t) // 3) for i, t in enumerate(pages)]


CONTRACT = _doc(1, "a-contract.pdf", ["This Supply Agreement is made on March 4, 2025 between Harbor "
                                    "Valley Foods LLC and Northgate Packaging Inc.",
                                    "The price is $4.15 per box. Delivery by 04/01/2025."])
LETTER = _doc(2, "b-letter.pdf", ["On March 20, 2025 Dana Whitfield wrote that the shipment arrived late."])
CHART = _doc(3, "c-chart.pdf", ["Medications: Lisinopril 10 mg daily; Metformin 500 mg twice daily "
                                "(stopped)."])
CONTEXT = build_context([CONTRACT, LETTER, CHART], "m")


@pytest.mark.parametrize("text, key", [
    ("2025-03-04", (2025, 3, 4)), ("March 4, 2025", (2025, 3, 4)), ("4 March 2025", (2025, 3, 4)),
    ("03/04/2025", (2025, 3, 4)), ("Mar. 4th, 2025", (2025, 3, 4)), ("March 2025", (2025, 3, None)),
    ("in 2019", (2019, None, None)), ("no date", None), ("13/45/2025", (2025, None, None)),
])
def test_dates_are_read_as_documents_write_them(text, key):
    assert parse_date(text) == key


def test_a_date_matches_its_page_whatever_the_format():
    assert (2025, 3, 4) in dates_in(CONTRACT[1][0].text)
    assert (2025, 4, 1) in dates_in(CONTRACT[1][1].text)
    assert sort_key("2025-03-20") > sort_key("March 4, 2025") > sort_key("March 2025")
    assert sort_key("undated") > sort_key("2030-01-01")


def test_chronology_rows_are_parsed_and_checked_against_the_cited_page():
    output = """| Date | Event | Source |
|---|---|---|
1. 2025-03-04 | Supply agreement signed | [D1 p1]
- March 20, 2025 | Letter about the late shipment | [D2 p1]
- 2025-04-01 | Delivery due | [D2 p1]
- 2025-05-05 | Something invented | [D1 p2]
DATE | WHAT HAPPENED | [D1 p2]
<page n="1">
- June 1, 2025: payment made
- 2025-07-01 | Price agreed | [D9 p3]
- Task: list every dated event
- UNITED STATES COURT OF APPEALS
<p>_________________</p>
"""
    rows = parse_rows(output, TEMPLATES["chronology"], CONTEXT)
    got = [(r.fields["date"], r.check) for r in rows]
    assert got == [("2025-03-04", "verified"), ("March 20, 2025", "verified"),
                   ("2025-04-01", "not_on_page"), ("2025-05-05", "not_on_page"),
                   ("June 1, 2025", "uncited"), ("2025-07-01", "unknown_source")]
    assert rows[2].note == "not on the cited page: date (it is on D1 p2)"
    assert rows[3].note == "not on the cited page: date (nor anywhere in the documents)"
    assert rows[4].fields["event"] == "payment made"
    assert "D9 p3" in rows[5].note
    ordered = [r.fields["date"] for r in _ordered(rows[::-1] + rows[:1], by_date=True)]
    assert ordered == ["2025-03-04", "March 20, 2025", "2025-04-01", "2025-05-05", "June 1, 2025",
                       "2025-07-01"]


def test_an_uncited_row_says_where_its_text_is():
    (row,) = parse_rows("The price is $4.15 per box. Delivery by 04/01/2025.", TEMPLATES["chronology"],
                        CONTEXT)
    assert row.fields["date"] == "04/01/2025"
    assert row.check == "uncited" and row.note == "no citation (the text is on D1 p2)"


def test_people_and_medications_check_their_anchor_cell():
    people = parse_rows("Dana Whitfield | person | wrote the letter | [D2 p1]\n"
                        "Omar Reyes | person | signed for Seller | [D2 p1]", TEMPLATES["people"], CONTEXT)
    assert [(r.fields["name"], r.fields["role"], r.check) for r in people] == [
        ("Dana Whitfield", "wrote the letter", "verified"),
        ("Omar Reyes", "signed for Seller", "not_on_page")]
    meds = parse_rows("* Lisinopril | 10 mg daily | active | [D3 p1]\n* Metformin - 500 mg [D3 p1]",
                      TEMPLATES["medications"], CONTEXT)
    assert [(r.fields["medication"], r.fields["dose"], r.check) for r in meds] == [
        ("Lisinopril", "10 mg daily", "verified"), ("Metformin", "500 mg", "verified")]


def test_inconsistencies_keep_both_sides_and_check_quotes():
    output = ('Delivery date | "Delivery by 04/01/2025" [D1 p2] | "the shipment arrived late" [D2 p1]\n'
              'Price | "The price is $5.00 per box" [D1 p2] | $4.15 [D1 p2]\nnone found')
    first, second = parse_rows(output, TEMPLATES["inconsistencies"], CONTEXT)
    assert first.fields["topic"] == "Delivery date" and first.check == "verified"
    assert [c.short_id for c in first.citations] == ["D1", "D2"]
    assert second.check == "not_on_page"


def test_a_summary_is_one_row_per_document_even_without_citations():
    document = CONTEXT.document("D2")
    (row,) = parse_rows("A letter from Dana Whitfield about a late shipment.", TEMPLATES["summaries"],
                        CONTEXT, document)
    assert row.fields["document"] == "D2 b-letter.pdf" and row.check == "uncited"
    (cited,) = parse_rows("A letter [D2 p1].", TEMPLATES["summaries"], CONTEXT, document)
    assert cited.check == "cited" and cited.fields["summary"] == "A letter."


def test_every_task_prompt_names_its_format_and_unknown_tasks_are_refused():
    for spec in TEMPLATES.values():
        prompts = spec.prompts(CONTEXT)
        assert len(prompts) == (3 if spec.per_document else 1)
        assert all(text.startswith("Task: ") for _, text in prompts)
    with pytest.raises(Exception, match="No task “timeline”"):
        template("timeline")


def test_staged_groups_read_an_over_long_document_in_page_ranges():
    long_doc = _doc(4, "c-deposition.pdf", [f"Page {i} " + "word " * 300 for i in range(1, 11)])
    context = build_context([CONTRACT, long_doc, LETTER], "m")
    tokens = {d.short_id: sum(p.tokens for p in d.pages) + 20 for d in context.documents}
    plan = Plan(model_id="m", window=1200, tokens_used=sum(tokens.values()) + 100, answer_reserve=300,
                fits=False, documents=tuple(DocumentPlan(i, "x", 1, t, False) for i, t in tokens.items()),
                pages_in=0, pages_out=13, manifest="")
    selections = groups(plan, context)
    assert split_documents(selections) == ["D3"]  # c-deposition.pdf sorts last
    pages_read = [p.number for s in selections for d in subset(context, s).documents
                  if d.short_id == "D3" for p in d.pages]
    assert pages_read == list(range(1, 11))  # every page once, in order, none cut
    assert len(selections) > 2
    part = subset(context, [("D3", 1, 5)])
    assert 'part="pages 1-5 of 10"' in part.text and part.manifest != subset(context, ["D3"]).manifest


def test_echoed_context_markup_and_bare_quotes_are_handled():
    document = CONTEXT.document("D2")
    (row,) = parse_rows('<document id="D2" name="b-letter.pdf" pages="1"> <page n="1">\n<p1>A letter '
                        'about a "shipment that never existed at all".</p1>', TEMPLATES["summaries"],
                        CONTEXT, document)
    assert "<" not in row.fields["summary"] and row.fields["summary"].startswith("A letter about")
    assert row.check == "not_on_page" and row.note == "quote NOT FOUND in the documents"
    (dated,) = parse_rows("April 1, 2025 | Boxes were due", TEMPLATES["chronology"], CONTEXT)
    assert dated.note == "no citation (the date appears on D1 p2)"


def test_every_checkable_cell_is_checked_not_only_the_anchor():
    """A medication row whose drug is on the page but whose dose is not is not verified: the row
    says which cell was not found, and where that value really is."""
    (right, wrong_dose, wrong_frequency) = parse_rows(
        "Lisinopril | 10 mg daily | active | [D3 p1]\n"
        "Lisinopril | 20 mg daily | active | [D3 p1]\n"
        "Lisinopril | 10 mg twice daily | active | [D3 p1]", TEMPLATES["medications"], CONTEXT)
    assert right.check == "verified" and right.cells == {"medication": "found", "dose": "found"}
    assert right.note == "found on the cited page: medication; dose and frequency"
    assert wrong_dose.check == "not_on_page" and wrong_dose.cells["dose"] == "not on the cited page"
    assert wrong_dose.note == ("not on the cited page: dose and frequency “20 mg” "
                               "(nor anywhere in the documents)")
    assert wrong_frequency.check == "not_on_page" and "twice daily" in wrong_frequency.note
    event = parse_rows("2025-03-04 | Supply agreement signed for 12,000 boxes | [D1 p1]",
                       TEMPLATES["chronology"], CONTEXT)[0]
    assert event.cells["date"] == "found" and event.cells["event"] in ("found", "not on the cited page")
