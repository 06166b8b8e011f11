"""``shown`` and ``dumps``: names from outside Casefile never drive a terminal or disguise themselves."""

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.safe_text import dumps, shown

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def _clean(text: str, allowed: str = "") -> bool:
    return all(c in allowed or (unicodedata.category(c) not in UNSAFE_CATEGORIES and c not in BIDI)
               for c in text)


@pytest.mark.parametrize(("raw", "expected"), [
    ("report.pdf", "report.pdf"),
    ("a\nb", "a\\nb"),
    ("a\r\tb", "a\\r\\tb"),
    ("\x1b]0;pwned\x07.pdf", "\\x1b]0;pwned\\x07.pdf"),
    ("\x1b[2J", "\\x1b[2J"),
    ("\x7f\x9b\x85", "\\x7f\\x9b\\x85"),
    ("invoice\u202efdp.exe", "invoice\\u202efdp.exe"),
    ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
    ("line\u2028para\u2029", "line\\u2028para\\u2029"),
    ("tag\U000e0041", "tag\\U000e0041"),
    ("undecodable\udcff", "undecodable\\udcff"),
    ("C:\\Users\\dana\\brief.docx", "C:\\Users\\dana\\brief.docx"),  # a backslash stays one
    ("Müller – ‘Vertrag’ 契約 مرحبا", "Müller – ‘Vertrag’ 契約 مرحبا"),  # letters of any script stay
    ("non\u00a0breaking", "non\u00a0breaking"),
])
def test_unsafe_characters_are_shown_as_their_escapes(raw, expected):
    assert shown(raw) == expected


def test_a_forged_line_stays_on_its_own_line():
    name = "x.pdf  (1 page)\ningested /etc/shadow"
    assert shown(f"ingested {name}").splitlines() == [f"ingested {shown(name)}"]


def test_page_text_keeps_its_lines_and_tabs_but_not_the_rest():
    assert shown("one\n\ttwo\r\x1b[2J\u202e", keep_lines=True) == "one\n\ttwo\\r\\x1b[2J\\u202e"


def test_a_limit_ends_with_an_ellipsis_and_never_cuts_an_escape():
    assert shown("short", 10) == "short"
    assert shown("a-rather-long-name.pdf", 10) == "a-rather-…"
    assert shown("abc\u202edef", 6) == "abc…"  # not "abc\u2…"
    assert shown("abc\u202edef", 10) == "abc\\u202e…"
    assert shown("\U000e0041", 4) == "…"
    assert len(shown("x" * 100, 40)) == 40


def test_json_escapes_what_a_terminal_would_act_on_and_reads_back_the_same():
    data = {"name": "a\x1b]0;t\x07\x7f\x9b\u202e\u200b\u2028\udcff\U000e0041\nb", "plain": "Müller 契約"}
    text = dumps(data, indent=2)
    assert _clean(text, allowed="\n") and "Müller 契約" in text
    assert json.loads(text) == data
    assert json.loads(dumps(data)) == data


@given(st.text())
def test_nothing_unsafe_is_ever_shown(text):
    out = shown(text)
    assert _clean(out)
    assert shown(out) == out  # what is shown is safe to show again
    assert _clean(shown(text, keep_lines=True), allowed="\n\t")


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_a_limited_name_is_clean_and_short(text, limit):
    out = shown(text, limit)
    assert _clean(out) and len(out) <= limit


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                    max_leaves=8))
def test_json_stays_valid_lossless_and_clean(data):
    text = dumps(data, indent=2)
    assert json.loads(text) == data
    assert _clean(text, allowed="\n")
