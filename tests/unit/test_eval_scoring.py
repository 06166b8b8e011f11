"""The qualification suite's scoring, on hand-written gold and answers: a right answer, a wrong
one, an abstention (right and wrong), a wrong page, and a suite that is the same every time."""

from app.evaluation import Gold, build_suite, score

RENT = Gold(("$2,450",), (("lease-unit-4b.pdf", 2),))


def test_a_right_answer_with_the_right_page_scores_full():
    got = score("The monthly rent is $2450.00 [D3 p2].", RENT, [("lease-unit-4b.pdf", 2)], [(True, True)])
    assert (got.accuracy, got.citation_precision, got.citation_recall) == (1.0, 1.0, 1.0)
    assert (got.quotes, got.quotes_verified, got.quotes_made_up) == (1, 1, 0)


def test_a_wrong_value_or_a_wrong_page_is_counted_as_such():
    wrong = score("The monthly rent is $2,540 [D4 p1].", RENT, [("lease-unit-4c.pdf", 1)], [(False, False)])
    assert (wrong.accuracy, wrong.citation_precision, wrong.citation_recall) == (0.0, 0.0, 0.0)
    assert wrong.quotes_made_up == 1 and wrong.notes == ("wrong or no value",)
    uncited = score("It is $2,450.", RENT, [], [])
    assert uncited.accuracy == 1.0 and uncited.citation_precision is None and uncited.citation_recall == 0.0


def test_abstention_is_right_only_where_the_documents_are_silent():
    absent = Gold(absent=True)
    assert score("The documents do not state the tenant's date of birth.", absent, [], []).accuracy == 1.0
    assert score("The tenant was born on May 3, 1980 [D1 p1].", absent, [], []).accuracy == 0.0
    refused = score("This is not stated in the documents.", RENT, [], [])
    assert refused.accuracy == 0.0 and refused.notes == ("abstained, though the documents answer it",)


def test_a_conflict_needs_both_sides_and_the_suite_is_deterministic():
    both = Gold(("March 4, 2025", "March 19, 2025"))
    answer = "The contractor says March 4, 2025; the tenant says March 19, 2025."
    assert score(answer, both, [], []).accuracy == 1.0
    assert score("They were delivered on March 4, 2025.", both, [], []).accuracy == 0.5
    first, again = build_suite("standard", seed=3), build_suite("standard", seed=3)
    assert [s.items for s in first] == [s.items for s in again] and len(first) == 9
    quick = build_suite("quick")
    families = {i.family for i in quick[0].items}
    assert len(quick) == 1 and families == {"fact", "aggregate", "conflict", "absent", "medication", "bates",
                                            "chronology"}


def test_a_chronology_scores_order_and_a_bates_number_or_amount_must_be_exact():
    events = Gold(("February 6, 2024", "August 14, 2024", "October 11, 2024"), ordered=True)
    in_turn = "February 6, 2024, then 14 August 2024, then October 11, 2024."
    assert score(in_turn, events, [], []).accuracy == 1.0
    backwards = score("October 11, 2024; August 14, 2024; February 6, 2024.", events, [], [])
    assert backwards.accuracy == 1 / 3 and backwards.notes == ("named in the wrong order",)
    assert score("February 6, 2024 and October 11, 2024.", events, [], []).accuracy == 2 / 3
    stamp = Gold(("HARBOR0005235",))
    assert score("It is page HARBOR0005235 [HARBOR0005235].", stamp, [], []).accuracy == 1.0
    assert score("It is page HARBOR0005234.", stamp, [], []).accuracy == 0.0  # the page before
    total = Gold(("$6,861.25",))
    assert score("The total is 6861.25 dollars.", total, [], []).accuracy == 1.0
    assert score("The total is $6,870.", total, [], []).accuracy == 0.0


def test_lengths_are_read_as_tokens_and_a_site_threshold_rejudges_a_kept_run():
    from app.evaluation.qualification import Qualification
    from app.evaluation.suite import padding_for, parse_lengths

    assert parse_lengths("8k, 2k,6000") == (2048, 6000, 8192)
    for wrong in ("two", "", "0"):
        try:
            parse_lengths(wrong)
        except ValueError as refusal:
            assert "length" in str(refusal)
        else:
            raise AssertionError(f"{wrong!r} was read as a length")
    sets = build_suite("standard", lengths=(2048, 8192))
    assert len(sets) == 6 and sets[0].label == "2,048 tokens, depth 0%"
    assert padding_for(8192, 8192) < padding_for(1_000_000, 1_048_576)  # never past the window
    assert padding_for(1000, 8192) == 0
    kept = Qualification("m", "h", "standard", "2026-11-30", 0.7, None, 0.8,
                         ((2000, 0.9), (4000, 0.75), (6000, 0.5)))
    assert kept.at(0.8).qualified_tokens == 2000 and kept.at(0.7).qualified_tokens == 4000
    assert kept.at(0.95).qualified_tokens is None and "below 95%" in kept.at(0.95).phrase()


def test_the_prompt_layouts_differ_only_where_they_say():
    from app.context import build_context, question_messages
    from app.evaluation.templates import TEMPLATES, messages
    from storage.records import DocumentRecord, PageRecord

    record = DocumentRecord(1, 1, "a" * 64, "lease.pdf", "pdf", 1, 1, "ingested")
    context = build_context([(record, [PageRecord(1, "The rent is $2,450.")])], "m")
    default, kept = messages(TEMPLATES[0], context, "What is the rent?")
    assert kept and default == question_messages(context, "What is the rent?")
    quoted, kept = messages("quote-then-answer", context, "What is the rent?")
    assert kept and quoted[1]["content"].startswith(context.text) and "First copy" in quoted[1]["content"]
    first, kept = messages("question-then-documents", context, "What is the rent?")
    assert not kept and first[1]["content"].startswith("Question: What is the rent?")
