"""Review cells without a model: column files, answers read by type, and the cell checks — above
all that a ✓ never stands beside a date, an amount or a quoted number that the page does not hold."""

from __future__ import annotations

import json

import pytest

from app.context import build_context
from app.errors import UserFacingError
from app.reviews.cells import (
    CITED,
    DIFFERS,
    EMPTY,
    NOT_ON_PAGE,
    UNCITED,
    UNKNOWN_SOURCE,
    VERIFIED,
    CellChecker,
    cell_prompt,
    read_value,
)
from app.reviews.columns import BUILT_IN, ReviewColumn, columns_from_json, read_columns_file
from app.reviews.run import review_rows
from storage.records import DocumentRecord, PageRecord


def _doc(doc_id: int, name: str, pages: list[str], family: str | None = None):
    record = DocumentRecord(id=doc_id, case_id=1, sha256=f"{doc_id:064x}", name=name, kind="pdf",
                            size_bytes=1, page_count=len(pages), status="ingested",
                            metadata={"family": family} if family else {})
    return record, [PageRecord(number=i, text=t) for i, t in enumerate(pages, start=1)]


CONTEXT = build_context([
    _doc(1, "a-letter.pdf", ["Dated March 4, 2021. From Jane Roe to Acme Corp. The fee is $1,250.00.",
                             "Take 5 mg of warfarin daily. The patient is not allergic to penicillin."]),
    _doc(2, "b-invoice.pdf", ["Invoice of April 2, 2021 for $980.00, payable to Acme Corp."]),
], "m")
DATE, AMOUNT = ReviewColumn("Date", "When?", "date"), ReviewColumn("Fee", "How much?", "amount")
WHO = ReviewColumn("From", "Who wrote it?", "text")
LAWYER = ReviewColumn("Lawyer", "Is a lawyer involved?", "yesno")
BASIS = ReviewColumn("Basis", "Which privilege?", "choice",
                     ("attorney-client", "work product", "none apparent"))
PARTIES = ReviewColumn("Parties", "Who are the parties?", "list")


def test_columns_file_rules(tmp_path):
    good = [{"title": "Author", "question": "Who wrote this document?", "type": "text"},
            {"title": "Basis", "question": "Which?", "type": "choice", "choices": ["a", "b"]},
            {"title": "Signed", "question": "Signed?", "type": "yes/no"}]
    columns = columns_from_json(good)
    assert [c.type for c in columns] == ["text", "choice", "yesno"] and columns[1].choices == ("a", "b")
    for bad, reason in [([{"title": "A", "question": "Q?", "type": "number"}], "types: text"),
                        ([{"title": "A", "question": "Q?", "type": "choice", "choices": ["x"]}], "two"),
                        ([{"title": "A", "question": ""}], "title and a question"),
                        ([{"title": "A", "question": "Q?"}, {"title": "a", "question": "R?"}], "same title"),
                        ({"title": "A"}, "a list"), ([{"title": "A", "question": "Q"}] * 41, "at most 40")]:
        with pytest.raises(UserFacingError, match=reason):
            columns_from_json(bad)
    path = tmp_path / "cols.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserFacingError, match="not a JSON file"):
        read_columns_file(path)
    path.write_text("\ufeff" + json.dumps(good), encoding="utf-8")  # Excel/Notepad's BOM is fine
    assert len(read_columns_file(path)) == 3
    for _title, built in BUILT_IN.values():  # every built-in set obeys the same rules
        assert columns_from_json([c.as_json() for c in built])


def test_answers_are_read_in_their_column_shape():
    assert read_value(LAWYER, "Yes - the letter is from counsel [D1 p1]") == (
        "Yes", "the letter is from counsel", "")
    assert read_value(LAWYER, "Maybe, hard to say [D1 p1]")[2] == "not a yes/no answer"
    assert read_value(BASIS, "It looks like Work Product [D1 p1]")[0] == "work product"
    assert read_value(BASIS, "trade secret")[2] == "not one of the choices"
    assert read_value(DATE, "Dated March 4, 2021 [D1 p1]")[:2] == ("March 4, 2021", "2021-03-04")
    assert read_value(DATE, "Early spring")[2] == "no date in the answer"
    assert read_value(AMOUNT, "$1,250.00 [D1 p1]")[1] == "1250.00 USD"
    assert read_value(PARTIES, "- Jane Roe; Acme Corp [D1 p1]\n- Acme Corp")[0] == "Jane Roe; Acme Corp"
    assert read_value(WHO, "Answer: Jane Roe [D1 p1]")[0] == "Jane Roe"
    assert read_value(WHO, "Not stated.") == ("", "", "")
    assert read_value(WHO, "") == ("", "", "")


@pytest.mark.parametrize(("column", "output", "check"), [
    (DATE, "March 4, 2021 [D1 p1]", VERIFIED),
    (DATE, "03/04/2021 [D1 p1]", VERIFIED),            # the same date, written another way
    (DATE, "March 5, 2021 [D1 p1]", DIFFERS),          # one day off: the page has another date
    (DATE, "April 2, 2021 [D1 p1]", DIFFERS),          # the other document's date, cited to this one
    (DATE, "March 4, 2021 [D1 p2]", NOT_ON_PAGE),      # the right date, the wrong page (no dates there)
    (AMOUNT, "$1,250.00 [D1 p1]", VERIFIED),
    (AMOUNT, "$1,250 [D1 p1]", VERIFIED),
    (AMOUNT, "$1,520.00 [D1 p1]", DIFFERS),            # transposed digits
    (AMOUNT, "$980.00 [D1 p1]", DIFFERS),
    (WHO, "Jane Roe [D1 p1]", VERIFIED),
    (WHO, "John Roe [D1 p1]", CITED),                  # a changed name is never a ✓
    (WHO, "Jane Roe", UNCITED),
    (WHO, "Jane Roe [D7 p1]", UNKNOWN_SOURCE),
    (WHO, 'Jane Roe, who wrote "the fee is $1,250.00" [D1 p1]', VERIFIED),
    (WHO, 'the letter says "the fee is $9,999.00" [D1 p1]', DIFFERS),  # another amount there
    (LAWYER, "No - nothing in it is from counsel [D1 p1]", CITED),   # a judgement: cited, not proven
    (PARTIES, "Jane Roe; Acme Corp [D1 p1]", VERIFIED),
    (PARTIES, "Jane Roe; Beta LLC [D1 p1]", CITED),
    (WHO, "not stated", EMPTY),
])
def test_cell_checks(column, output, check):
    found = CellChecker(CONTEXT).answer(column, output)
    assert found.check == check, found.note


def test_a_near_quote_with_a_changed_dose_is_marked_differs():
    found = CellChecker(CONTEXT).answer(
        WHO, 'It says "Take 50 mg of warfarin daily. The patient is not allergic to penicillin." [D1 p2]')
    assert found.check in (DIFFERS, NOT_ON_PAGE) and found.check != VERIFIED


def test_an_uncited_value_says_where_it_is_without_a_tick():
    found = CellChecker(CONTEXT).answer(DATE, "April 2, 2021")
    assert found.check == UNCITED and "D2 p1" in found.note


def test_rows_by_document_or_family_and_the_prompt():
    context = build_context([_doc(1, "email.pdf", ["Hi"], family="ABC01"),
                             _doc(2, "email-att.pdf", ["Attachment"], family="ABC01"),
                             _doc(3, "memo.pdf", ["Memo"])], "m")
    assert [len(r["document_ids"]) for r in review_rows(context, "documents")] == [1, 1, 1]
    families = review_rows(context, "families")
    assert [sorted(r["document_ids"]) for r in families] == [[1, 2], [3]]
    assert "+1 attached" in families[0]["label"]
    with pytest.raises(UserFacingError):
        review_rows(context, "pages")
    prompt = cell_prompt(BASIS, list(context.documents[:1]))
    assert "D1" in prompt and "not stated" in prompt
    assert "attorney-client, work product, none apparent" in prompt


def test_column_sets_are_saved_in_the_vault_and_audited(vault):
    from app.reviews.column_sets import column_set, delete_column_set, save_column_set, set_names

    mine = [ReviewColumn("Court", "Which court?", "text"), DATE]
    save_column_set(vault, "Appeals", "Appeal intake", mine)
    assert "appeals" in set_names(vault) and column_set(vault, "APPEALS") == ("Appeal intake", mine)
    save_column_set(vault, "privilege", "Our privilege log", mine)  # the user's version of a built-in
    assert column_set(vault, "privilege")[0] == "Our privilege log"
    assert delete_column_set(vault, "privilege") and "draft" in column_set(vault, "privilege")[0]
    with pytest.raises(UserFacingError, match="No column set"):
        column_set(vault, "nope")
    with vault.read() as session:
        from storage.audit import iter_events

        actions = [e["action"] for e in iter_events(session)]
    assert actions.count("review.columns_saved") == 2 and actions.count("review.columns_deleted") == 1
