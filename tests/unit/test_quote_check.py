"""The quote check: a ✓ never hides a changed word. Measured on a labelled adversarial set."""

from collections import Counter

from app.answer.quote_check import Verdict, check_page, check_quote, contains, ocr_noise
from tests.fixtures.quote_mutations import labelled_pairs


def test_no_meaning_changing_mutation_is_ever_verified_and_harmless_variants_are():
    pairs = labelled_pairs()
    assert len(pairs) >= 300
    results = [(pair, check_quote(pair.quote, check_page(pair.page, ocr=pair.ocr))) for pair in pairs]
    false_verified = [(p.change, p.quote) for p, got in results if got.verified and not p.verified]
    assert false_verified == []
    harmless = [got.verified for p, got in results if p.verified]
    assert sum(harmless) / len(harmless) >= 0.99
    # and every mutation of a passage that is on the page is named as a difference, not "not found"
    mutated = Counter(got.verdict for p, got in results if not p.verified)
    assert mutated == {Verdict.DIFFERS: len(results) - len(harmless)}


def test_a_changed_dose_is_reported_with_both_readings():
    page = check_page("Dr. Whitfield prescribed metoprolol 25 mg by mouth twice daily for hypertension.")
    got = check_quote("prescribed metoprolol 50 mg by mouth twice daily", page)
    assert got.verdict == Verdict.DIFFERS
    assert got.difference == "the page says “metoprolol 25 mg”, the quote says “metoprolol 50 mg”"


def test_exact_formatting_and_elisions():
    page = check_page("The motion for summary judgment is DENIED in its entirety, and the case proceeds.")
    assert check_quote("The motion for summary judgment is DENIED", page).verdict == Verdict.EXACT
    assert check_quote("the motion for summary judgment is denied", page).verdict == Verdict.FORMATTING
    assert check_quote("The motion ... is DENIED in its entirety", page).verdict == Verdict.FORMATTING
    assert check_quote("[T]he case proceeds", page).verdict == Verdict.FORMATTING  # the quoter's capital
    assert check_quote("the case ... is DENIED", page).verdict != Verdict.FORMATTING  # parts out of order


def test_ocr_noise_is_allowed_only_in_long_words_and_never_in_digits():
    page = check_page("The defendant was negiigent on March 3, 2019 and owes $1,250.", ocr=True)
    assert check_quote("The defendant was negligent on March 3, 2019", page).verdict == Verdict.OCR
    assert check_quote("negligent on March 8, 2019", page).verdict == Verdict.DIFFERS
    assert ocr_noise("negligent", "negiigent")
    assert not ocr_noise("lessor", "lessee") and not ocr_noise("shall", "sha1l")
    plain = check_page("The defendant was negiigent on March 3, 2019.")  # not an OCR'd page: no allowance
    assert check_quote("The defendant was negligent on March 3", plain).verdict == Verdict.DIFFERS


def test_a_value_is_found_as_whole_words_only():
    page = check_page("Administer 25 mg at night; the fee is $1,250.")
    assert contains("25 mg", page) and not contains("5 mg", page) and not contains("$1,25", page)
