"""The quote index: the suffix order is the string order, lookups find every passage and only
passages, a quote ends only on a whole word, and citations name the page (or transcript lines)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from app.answer.quote_check import check_page, check_quote
from inference.quote_index import IndexedPage, QuoteIndex, suffix_array
from inference.quote_text import quote_pattern, surface

PAGES = [
    (IndexedPage("D1 p1"), "Visit note, March 3, 2024. The patient takes lisinopril 10 mg daily for "
                           "hypertension. Blood pressure was 142/90."),
    (IndexedPage("D1 p2"), "The patient takes aspirin 100 mg. Dr. Reyes saw the patient's daughter on "
                           "3/17/04."),
    (IndexedPage("ABC0001234"), "Claim No. 4471-B, filed by Dana Whitfield, asks $1,250.00 for water "
                                "damage."),
    (IndexedPage("D4 45", lines=((1, 0), (2, 5), (3, 10))),
     "Q. Did you sign it\nA. I did not sign\nQ. Who signed the contract"),
]


@pytest.fixture(scope="module")
def index() -> QuoteIndex:
    return QuoteIndex(PAGES)


def test_suffixes_sort_as_their_strings():
    rng = random.Random(3)
    vocabulary = ["a", "ab", "abc", "b", "ba", "1", "1,2", "10", "$", "a.", "(a"]
    for _ in range(200):
        pages = [(IndexedPage(f"D1 p{n}"), " ".join(rng.choices(vocabulary, k=rng.randint(0, 25))))
                 for n in range(rng.randint(1, 4))]
        built = QuoteIndex(pages)
        suffixes = [built.text[start:] for start in built.sorted_starts]
        assert suffixes == sorted(suffixes)
        assert len(suffixes) == built.words


def test_suffix_array_of_integers_matches_a_sort():
    rng = np.random.default_rng(5)
    for _ in range(50):
        sequence = rng.integers(0, 4, size=rng.integers(1, 40))
        expected = sorted(range(len(sequence)), key=lambda i: list(sequence[i:]))
        assert suffix_array(sequence).tolist() == expected


@pytest.mark.parametrize("quote, page", [
    ("the patient takes lisinopril 10 mg", 0), ("The Patient Takes Aspirin", 1), ("$1,250.00 for water", 2),
    ("I did not sign Q. Who", 3),
])
def test_a_passage_is_found_where_it_is(index, quote, page):
    rows = index.interval(quote_pattern(quote))
    assert rows[1] > rows[0]
    where = index.ending(quote, quote_pattern(quote), rows)
    assert where is not None and where.page == page
    assert check_quote(quote, check_page(PAGES[page][1])).verified


@pytest.mark.parametrize("quote", ["the patient takes lisinopril 100 mg", "the patient does take",
                                   "lisinopril 10 mg daily. Blood", "Reyes saw the patient on"])
def test_what_no_page_says_is_not_found(index, quote):
    rows = index.interval(quote_pattern(quote))
    assert rows[1] == rows[0] or index.ending(quote, quote_pattern(quote), rows) is None


def test_a_quote_ends_only_on_a_whole_word(index):
    for partial in ("the patient takes lisin", "blood pressure was 142/9", "asks $1,250"):
        rows = index.interval(quote_pattern(partial))
        assert rows[1] > rows[0], partial  # a prefix of a passage: it may go on
        assert index.ending(partial, quote_pattern(partial), rows) is None, partial  # but not end there


def test_a_passage_never_runs_across_pages(index):
    rows = index.interval(quote_pattern("blood pressure was 142/90. the patient takes aspirin"))
    assert rows[0] == rows[1]


def test_citations_name_the_page_or_the_transcript_lines(index):
    def cite(quote):
        rows = index.interval(quote_pattern(quote))
        return index.citation(index.ending(quote, quote_pattern(quote), rows), len(quote.split()))

    assert cite("takes aspirin 100 mg") == "[D1 p2]"
    assert cite("filed by Dana Whitfield") == "[ABC0001234]"
    assert cite("did not sign") == "[D4 45:2]"
    assert cite("not sign Q. Who signed") == "[D4 45:2-3]"


def test_the_next_word_is_written_as_the_page_writes_it(index):
    quote = "Dr. Reyes saw the"
    rows = index.interval(quote_pattern(quote))
    where = index.occurrences(rows, 1)[0]
    assert index.following(where, len(quote_pattern(quote))) == " patient's"
    assert index.following(where, len(quote_pattern("Dr. Rey"))) == "es"


def test_surface_folds_what_cannot_change_meaning():
    assert surface("The  “Patient”\u00a0takes ﬁve—tablets") == "the patient takes five-tablets"
    assert surface("liti-\ngation") == "litigation"
