"""The search language (app/search/query.py, fields.py): what each operator and field becomes,
and that every mistake is one sentence, never a traceback or an FTS5 error."""

from __future__ import annotations

import random
import sqlite3
from datetime import date

import pytest

from app.context import is_bates_label
from app.errors import UserFacingError
from app.productions.bates import parse_bates
from app.search import parse_query
from app.search.fields import document_passes, document_span
from storage.records import DocumentRecord
from storage.search_repository import parse_bates_label


def match(query: str) -> str | None:
    return parse_query(query).match


@pytest.mark.parametrize(("query", "expected"), [
    ("contract", '"contract"'),
    ("indemnity clause", '("indemnity" AND "clause")'),
    ("indemnity AND clause", '("indemnity" AND "clause")'),
    ('"third party" claim', '("third party" AND "claim")'),
    ("indemn*", '"indemn"*'),
    ('"third par"*', '"third par"*'),
    ("a OR b c", '("a" OR ("b" AND "c"))'),  # AND binds tighter than OR
    ("(a OR b) c", '(("a" OR "b") AND "c")'),
    ("contract NOT draft", '(("contract") NOT "draft")'),
    ("a AND NOT b NOT c", '(("a") NOT "b" NOT "c")'),
    ("(a NOT b) c", '(("a" AND "c") NOT "b")'),
    ("a (NOT b) OR c", '((("a") NOT "b") OR "c")'),
    ("and or not", '("and" AND "or" AND "not")'),  # lower case: words
    ("NEAR(breach contract)", 'NEAR("breach" "contract", 10)'),
    ('NEAR(breach "third party" notice, 5)', 'NEAR("breach" "third party" "notice", 5)'),
    ("breach w/10 contract", 'NEAR("breach" "contract", 10)'),
    ("breach W/3 contract*", 'NEAR("breach" "contract"*, 3)'),
    ("breach w/10 (contract OR agreement)",
     '(NEAR("breach" "contract", 10) OR NEAR("breach" "agreement", 10))'),
    ("a w/5 b w/10 c", '(NEAR("a" "b", 5) AND NEAR("b" "c", 10))'),
    ('say "he said ""no"""', '("say" AND "he said" AND "no")'),  # doubled quotes: phrases side by side
    ("Smith, John", '("Smith" AND "John")'),
    ("Hélène & Durocq", '("Hélène" AND "Durocq")'),  # "&" is no word
    ("Re: contract", '("Re:" AND "contract")'),
    ("e-mail", '"e-mail"'),
    ("NEAR", '"NEAR"'),  # no "(" after it: a word
])
def test_each_operator_becomes_quoted_fts5(query, expected):
    assert match(query) == expected


def test_a_search_that_is_only_not_excludes_pages_and_marks_nothing():
    parsed = parse_query("NOT draft NOT memo")
    assert (parsed.match, parsed.exclude, parsed.highlight) == (None, '("draft" OR "memo")', ())


def test_highlight_is_the_plain_words_and_phrases_searched_for_never_the_excluded_ones():
    parsed = parse_query('"third party" w/5 indemn* NOT draft custodian:Park')
    assert parsed.highlight == ("third party", "indemn")


def test_fields_filter_beside_the_words_and_alone():
    parsed = parse_query('indemnity custodian:"Ellen Park" to:Lee NOT type:email subject:Board')
    assert parsed.match == '"indemnity"'
    assert [(f.field, f.value, f.negated) for f in parsed.filters] == [
        ("custodian", "Ellen Park", False), ("to", "Lee", False), ("type", "email", True),
        ("subject", "Board", False)]
    lifted = parse_query("indemnity OR hold harmless AND custodian:Park OR custodian:Lee")
    assert lifted.match == '("indemnity" OR ("hold" AND "harmless"))'
    assert [(f.field, f.value) for f in lifted.filters] == [("custodian", "Park"), ("custodian", "Lee")]
    alone = parse_query("CUSTODIAN:Park doc:d12")
    assert alone.match is None and [(f.field, f.value) for f in alone.filters] == [("custodian", "Park"),
                                                                                   ("doc", "D12")]


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2024-03-05", date(2024, 3, 5), date(2024, 3, 5)),
    ("03/05/2024", date(2024, 3, 5), date(2024, 3, 5)),  # month first, as US records write it
    ("2024-01-01..2024-03-31", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024-01..2024-03", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024..", date(2024, 1, 1), None),
    ("..2024-03", None, date(2024, 3, 31)),
    (">=2024-02-01", date(2024, 2, 1), None),
    (">2024-02", date(2024, 3, 1), None),
    ("<=2024", None, date(2024, 12, 31)),
    ("<2024-02-10", None, date(2024, 2, 9)),
])
def test_date_values(value, first, last):
    (field,) = parse_query(f"date:{value}").filters
    assert field.dates == (first, last)


@pytest.mark.parametrize(("value", "expected"), [
    ("ABC0001000..ABC0002000", ("ABC", 1000, 2000)),
    ("ABC0001000..2000", ("ABC", 1000, 2000)),
    ("abc-0001000-abc-0001005", ("ABC-", 1000, 1005)),
    ("ABC0001234", ("ABC", 1234, 1234)),
])
def test_bates_values(value, expected):
    (field,) = parse_query(f"bates:{value}").filters
    assert field.bates == expected


@pytest.mark.parametrize(("query", "says"), [
    ('indemnity "third party', 'The search has an unclosed quote: "third party'),
    ("(a OR b", "“(” that is never closed"),
    ("a)", "“)” with no “(”"),
    ("()", "empty parentheses"),
    ("", "Type words to search for"),
    ("  & - ", "Type words to search for"),
    ("a AND", "“AND” needs a word"),
    ("AND a", "“AND” needs a word"),
    ("a AND AND b", "“AND” needs a word"),
    ("OR a", "“OR” needs a word"),
    ("a OR", "“OR” needs a word"),
    ("a NOT", "“NOT” needs a word"),
    ("NOT NOT a", "cancels out"),
    ("a OR NOT b", "NOT needs something to take from"),
    ("a w/5", "“w/5” needs a word on each side"),
    ("w/5 a", "“w/5” needs a word on each side"),
    ("a w/0 b", "distance must be 1 to"),
    ("a w/s b", "“w/s” is not supported"),
    ("a pre/5 b", "“pre/5” is not supported"),
    ("NEAR(a) b", "NEAR takes two or more words"),
    ("NEAR(a b, x)", "NEAR takes two or more words"),
    ("NEAR(a (b OR c))", "NEAR takes two or more words"),
    ("NEAR(a b) w/5 c", "w/N joins words"),
    ("*draft", "a * goes at the end of a word"),
    ("custodain:Park", "unknown field “custodain:”"),
    ("http://example.com", "unknown field “http:”"),
    ("custodian:", "custodian: needs a value"),
    ('custodian:"Ellen', "unclosed quote"),
    ("(custodian:Park OR contract)", "custodian: applies to the whole search"),
    ("custodian:Park OR contract", "custodian: applies to the whole search"),
    ("contract OR custodian:Park", "custodian: applies to the whole search"),
    ("custodian:Park OR type:email", "custodian: applies to the whole search"),
    ("NEAR(a custodian:Park)", "custodian: applies to the whole search"),
    ("date:2024-13", "date: takes a day, month or year"),
    ("date:2024-02-30", "date: takes a day, month or year"),
    ("date:2024-03..2024-01", "ends before it starts"),
    ("date:..", "date: takes a day"),
    ("bates:ABC0002000..ABC0001000", "bates: takes a Bates number"),
    ("bates:ABC0001000..XYZ0002000", "bates: takes a Bates number"),
    ("doc:12", "doc: takes a document id"),
    ("(" * 40 + "a" + ")" * 40, "nests parentheses too deeply"),
    ("a " * 1001, "too long"),
])
def test_every_mistake_is_one_sentence(query, says):
    with pytest.raises(UserFacingError) as caught:
        parse_query(query)
    message = caught.value.user_message
    assert says in message and "\n" not in message
    assert message.endswith(".") or message.startswith("The search has an unclosed quote: ")


PIECES = ["contract", "indemn*", '"third party"', "and", "AND", "OR", "NOT", "(", ")", "w/5", "NEAR(",
          ", 3)", "custodian:Park", "date:2024", "bates:ABC0001000", '"', "*", "w/s", "doc:D1", "é", ":"]


def test_any_typed_search_is_a_sentence_or_an_expression_fts5_accepts():
    """Random sequences of the language's pieces: parse_query either refuses with a
    UserFacingError or gives expressions SQLite's FTS5 runs without a syntax error."""
    fts = sqlite3.connect(":memory:")
    fts.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    fts.execute("INSERT INTO t(text) VALUES ('the contract with a third party indemnifies é')")
    rng, accepted = random.Random(24), 0
    for _ in range(3000):
        query = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 7)))
        try:
            parsed = parse_query(query)
        except UserFacingError:
            continue
        for expression in (parsed.match, parsed.exclude):
            if expression:
                fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()
        accepted += 1
    assert accepted > 300


@pytest.mark.parametrize("label", [
    "ABC0001234", "ABC-000123", "SMITH_00042", "DEF 000017", "abc0001234", "AB120001234", "00001234",
    "ABC123", " ABC0001234", "ABC0001234 ", "ABC0001230-ABC0001240", "Page 3", "12", "A-B_C-0001",
    "ABC--0001", "ABC 0001 ", "X" * 70 + "0001", "", "ÄBC0001234", "ABC0001234x", "ABC/0001234",
])
def test_storage_reads_bates_labels_as_the_app_does(label):
    app_reading = parse_bates(label) if is_bates_label(label) else None
    expected = (app_reading.prefix.upper(), app_reading.number, app_reading.width) if app_reading else None
    assert parse_bates_label(label) == expected


def _document(**meta: str) -> DocumentRecord:
    return DocumentRecord(1, 1, "h", "memo.pdf", meta.pop("kind", "production"), 1, 1, "ingested",
                          metadata=meta)


@pytest.mark.parametrize("written", ["2024-02-15", "02/15/2024", "20240215", "February 15, 2024",
                                     "2024-02-15T10:30:00", "02/15/2024 10:30 AM"])
def test_metadata_dates_are_read_however_the_load_file_writes_them(written):
    assert document_span(written) == (date(2024, 2, 15), date(2024, 2, 15))
    (inside,) = parse_query("date:2024-02").filters
    (outside,) = parse_query("date:>=2024-03-01").filters
    assert document_passes(_document(date_sent=written), inside)
    assert not document_passes(_document(date_sent=written), outside)


def test_text_fields_match_part_of_a_value_case_and_accents_aside():
    document = _document(custodian="Hélène Durocq", to="a@x.com", cc="ellen.park@example.com",
                         doc_type="Email", subject="Board update")
    for query, passes in [("custodian:helene", True), ("custodian:park", False), ("to:ellen.park", True),
                          ("from:ellen", False), ("type:email", True), ("type:production", True),
                          ("type:pdf", False), ('subject:"BOARD UPD"', True), ("author:x", False)]:
        (field,) = parse_query(query).filters
        assert document_passes(document, field) is passes, query
