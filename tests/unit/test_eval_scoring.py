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
    assert len(quick) == 1 and families == {"fact", "aggregate", "conflict", "absent", "medication"}


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
