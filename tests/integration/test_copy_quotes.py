"""Quotes copied from the record, with real models: every quotation Casefile closes and cites is
verified by the app's own checker on exactly the page (or transcript lines) its citation names.

Hundreds of seeded questions over a small generated case (clinical notes, a claim letter, a Bates
page, a deposition with numbered lines) on the embedded model and on a tiny random Qwen3.5 hybrid
model (whose quotes are mostly Casefile's continuation with the page's next word). An answer that
begins with an open quotation (``QuotingEngine.opening``) starts in copy mode, as one the model
opens itself does. Also: a quote the model is pushed to invent comes out as a real passage; the
app's quoted style on a fact the case lacks; and a remote server's quotes labelled as checked after.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import torch

from app import cases
from app.answer.citations import parse_citations, quotations
from app.answer.questions import ask
from app.answer.quote_check import MIN_QUOTE_WORDS, check_page, check_quote
from app.answer.styles import (
    CHECKED,
    COPIED,
    FREE,
    QUOTED,
    QUOTED_INSTRUCTION,
    REMOTE_CHECKED,
    grounding_for,
    with_instruction,
)
from app.context import CaseContext, build_context, question_messages
from app.ingest import ingest_paths
from app.models.session import ModelSession
from app.settings import RemoteBackend
from inference import protocol as p
from inference.copy_mode import CLOSING, OPENERS, CopyQuotes
from inference.engine import GenerationResult, TransformersEngine
from inference.quote_text import surface, tokens
from storage.records import DocumentRecord, PageRecord
from tests.fixtures.model_server import model_server

pytestmark = pytest.mark.slow

# ----- the case -----------------------------------------------------------------------------

CLINIC_1 = ("Visit note, March 3, 2024. Patient: Maria Delgado, age 58. The patient takes lisinopril 10 mg "
            "daily for hypertension. Blood pressure was 142/90 mmHg. Metformin 500 mg twice daily was "
            "continued. Dr. Alan Reyes advised a follow-up visit in 6 weeks.")
CLINIC_2 = ("Follow-up note, April 14, 2024. Blood pressure was 128/82 mmHg. The lisinopril dose was "
            "increased to 20 mg daily. The patient reported a dry cough since April 2, 2024. "
            "Hemoglobin A1c was 7.2% on April 10, 2024.")
LETTER = ("Dear Ms. Whitfield, claim number 4471-B was received on June 2, 2023. The adjuster, Tom "
          "Brennan, inspected the basement on June 9, 2023. Northgate Insurance denies coverage under "
          "section 4.2 of policy HX-20931 because the water damage was caused by long-term seepage.")
PRODUCTION = ("Purchase order 7781 dated January 15, 2022. Acme Corp agreed to deliver 1,250 boxes at "
              "$12.00 per box. Delivery was due on February 28, 2022 at the Millbrook warehouse. Payment "
              "terms are net 30 days.")
DEPOSITION = {  # transcript page: its numbered lines
    45: ["Q. Please state your name for the record.", "A. Anna Varga.",
         "Q. Where were you on the morning of March 3, 2025?",
         "A. I was at the Millbrook warehouse, on the loading dock.",
         "Q. What time did you arrive?", "A. At about 6:45 in the morning.",
         "Q. Who else was there?", "A. Only the night guard, Priya Raman.",
         "Q. Did you see the forklift?", "A. Yes, it was parked by bay 4.",
         "Q. Was anyone driving it?", "A. No, not at that time."],
    46: ["Q. Did anyone tell you the forklift brakes were faulty?",
         "A. No. Nobody told me that before the accident.", "Q. Not Mr. Reyes?",
         "A. Not Mr. Reyes, not anyone.", "Q. When did the accident happen?",
         "A. At 7:20, when the forklift rolled into the rack.", "Q. Was anyone hurt?",
         "A. Yes, Daniel Okafor broke his left wrist.", "Q. What did you do then?",
         "A. I called 911 and wrote a report.", "Q. Did you keep a copy?", "A. Yes, I did."],
}
TOPICS = ("the lisinopril dose", "the blood pressure on March 3, 2024", "the metformin dose",
          "the follow-up visit", "the dry cough", "the hemoglobin A1c", "the claim number",
          "who inspected the basement", "why coverage was denied", "purchase order 7781",
          "how many boxes Acme agreed to deliver", "the price per box", "when delivery was due",
          "the payment terms", "where Anna Varga was on March 3, 2025", "when the accident happened",
          "who broke a wrist", "whether anyone warned her about the brakes", "who else was there")
ASKING = ("Quote the sentence that says {}.", "What does the record say about {}? Quote it word for word.",
          "Quote the passage on {}.", "Give the exact words of the documents about {}.")
OPENINGS = ('"', 'The record says: "', "Quote: \u201c", 'The sentence is "', "")  # "": the model's own start


def _record(number: int, name: str, pages: int, metadata: dict[str, str] | None = None) -> DocumentRecord:
    return DocumentRecord(number, 1, f"{number:064x}", name, "txt", 1000, pages, "ingested",
                          metadata=metadata or {})


def _numbered(lines: list[str]) -> str:  # as a transcript page is stored
    return "\n".join(f"{number:>2}  {words}" for number, words in enumerate(lines, start=1))


@pytest.fixture(scope="module")
def case() -> CaseContext:
    """The case as the app renders it (``build_context``): D1 two clinical pages, D2 a letter, D3
    a Bates-numbered page, D4 a deposition's pages 45-46 cited by line."""
    deposition = {"transcript": "pages 45-46; cite page:line", "deponent": "Varga"}
    return build_context([
        (_record(1, "a-clinic-notes.txt", 2), [PageRecord(1, CLINIC_1), PageRecord(2, CLINIC_2)]),
        (_record(2, "b-claim-letter.txt", 1), [PageRecord(1, LETTER)]),
        (_record(3, "c-production.txt", 1), [PageRecord(1, PRODUCTION, label="ABC0001234")]),
        (_record(4, "d-varga-deposition.txt", 2, deposition),
         [PageRecord(1, _numbered(DEPOSITION[45]), label="45"),
          PageRecord(2, _numbered(DEPOSITION[46]), label="46")]),
    ], "m")


# ----- the engines --------------------------------------------------------------------------


class QuotingEngine(TransformersEngine):
    """The real engine, with the start of its answer given: ``opening`` is put after the rendered
    chat (the assistant's turn begins with it). Where it ends inside a quotation ('The record
    says: "The patient'), the copy constraint begins inside that quotation, as it does when the
    model opens one itself (``CopyQuotes._free``). ``last`` is the constraint of the last answer."""

    opening = ""
    last: CopyQuotes | None = None

    def render(self, messages):
        return super().render(messages) + self.opening

    def copy_constraint(self, grounding):
        copy = super().copy_constraint(grounding)
        at = max(self.opening.rfind(mark) for mark in OPENERS)
        if at >= 0:
            begun = self.opening[at + 1:]
            assert copy.begin_inside(self.opening[at], begun), f"the opening's quote {begun!r} is on no page"
        self.last = copy
        return copy

    def answer(self, case: CaseContext, question: str, opening: str, *, max_new_tokens: int,
               temperature: float = 0.0, seed: int = 0) -> tuple[str, GenerationResult, CopyQuotes]:
        """The whole answer (opening and all) to ``question`` in the app's quoted style."""
        self.opening = opening
        messages = with_instruction(question_messages(case, question), QUOTED_INSTRUCTION)
        result = self.generate(messages, p.GenerationParams(max_new_tokens=max_new_tokens,
                                                            temperature=temperature, seed=seed),
                               on_token=lambda _piece: None, should_stop=lambda: False,
                               prefix=p.Prefix(case.text), grounding=grounding_for(case))
        assert self.last is not None
        return opening + result.text, result, self.last


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """One torch thread in this process: a decode step of these small models is many tiny ops, and
    on a busy two-core machine two threads wait for each other at every one (ten times slower)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def embedded(embedded_model) -> QuotingEngine:
    return QuotingEngine.load(embedded_model.path, embedded_model.model_id)


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory, embedded_model) -> Path:
    from tests.fixtures.tiny_models import write_model_folder

    folder = tmp_path_factory.mktemp("copy-quotes") / "tiny-qwen"
    write_model_folder(folder, embedded_model.path)
    return folder


@pytest.fixture(scope="module")
def tiny(tiny_folder) -> QuotingEngine:
    return QuotingEngine.load(tiny_folder, "tiny-qwen")


# ----- the checks ---------------------------------------------------------------------------

_LINES = re.compile(r"\[(?P<page>D\d+ \d+):(?P<first>\d+)(?:-(?P<last>\d+))?\]")


def page_named(case: CaseContext, citation: str) -> str:
    """The whole page a citation Casefile wrote is on: "[D1 p2]", "[ABC0001234]", "[D4 45:3-4]"."""
    pages = dict(grounding_for(case).pages)
    name = lines["page"] if (lines := _LINES.fullmatch(citation)) else citation[1:-1]
    assert name in pages, f"{citation} names no page of the case"
    return pages[name]


def cited_text(case: CaseContext, citation: str) -> str:
    """What a citation Casefile wrote names: the page's text ("[D1 p2]", "[ABC0001234]"), or
    exactly the transcript lines ("[D4 45:3-4]", the page's lines first..last)."""
    page = page_named(case, citation)
    if lines := _LINES.fullmatch(citation):
        numbered = page.split("\n")  # a transcript page as quoted: one line of words per line
        first, last = int(lines["first"]), int(lines["last"] or lines["first"])
        assert 1 <= first <= last <= len(numbered), citation
        return "\n".join(numbered[first - 1:last])
    return page


@dataclass
class Tally:
    answers: int = 0
    copied: int = 0
    checked: int = 0  # copied quotes the app's parser read as quotes and verified
    forced: int = 0
    kinds: set[str] = field(default_factory=set)  # which kinds of page were cited: "page", "bates", "lines"


def check_answer(case: CaseContext, text: str, result: GenerationResult, copy: CopyQuotes,
                 tally: Tally) -> None:
    """Every quotation Casefile closed is on the page its citation names (the app's checker says
    so, by its parser and directly), and the answer holds no quotation it did not close."""
    assert result.timings.quotes == "copied"
    assert result.timings.quotes_copied == len(copy.copied)
    assert result.timings.forced_tokens == copy.forced
    citations = parse_citations(text, case)
    at = 0
    for copied in copy.copied:
        where = text.find(copied.citation, at)
        assert where >= 0 and copied.quote in text[at:where], (text, copied)
        assert text[where - 2:where] in {f"{mark} " for mark in CLOSING.values()}, (text, copied)
        at = where + len(copied.citation)
        assert copied.quote == " ".join(copied.quote.split()), (text, copied)  # spaced as the page is
        page = cited_text(case, copied.citation)
        assert check_quote(copied.quote, check_page(page)).verified, (text, copied, page)
        parsed = next(c for c in citations if c.span and c.span[0] == where)
        assert parsed.known, (text, copied, parsed)
        if len(copied.quote.split()) >= MIN_QUOTE_WORDS:  # as the parser counts a quotation's words
            assert parsed.quote is not None and parsed.quote.strip() == copied.quote, (text, copied, parsed)
            assert parsed.verified, (text, copied, parsed)
            tally.checked += 1
        else:  # too short to be checked as a quote: only where the page ends (it cannot go on)
            assert surface(page_named(case, copied.citation)).endswith(surface(copied.quote)), (text, copied)
        named = copied.citation[1:-1]
        if lines := _LINES.fullmatch(copied.citation):
            assert f"{parsed.short_id} {parsed.lines}" == named and lines["page"].startswith(parsed.short_id)
            tally.kinds.add("lines")
        elif named.startswith("ABC"):
            assert parsed.bates == named and parsed.short_id == "D3"
            tally.kinds.add("bates")
        else:
            assert f"{parsed.short_id} p{parsed.page}" == named
            tally.kinds.add("page")
    for citation in citations:  # nothing quoted in the answer is unverified
        assert citation.quote is None or citation.verified, (text, citation)
    copied = {c.quote for c in copy.copied}
    for quotation in quotations(text):  # none escaped the constraint
        quoted = quotation.quote.strip()
        assert len(quoted.split()) < MIN_QUOTE_WORDS or quoted in copied, (text, copied)
    tally.answers += 1
    tally.copied += len(copy.copied)
    tally.forced += copy.forced


def _opening_inside(case: CaseContext, rng: random.Random) -> str:
    """An open quotation that has begun with one to three words of a random page, as written."""
    words = surface(rng.choice(grounding_for(case).pages)[1], keep_case=True).split()
    start = rng.randrange(0, len(words) - 4)
    lead = rng.choice(("", "The page says: ", "It reads "))
    return f"{lead}{rng.choice(OPENERS)}{' '.join(words[start:start + rng.randint(1, 3)])}"


# ----- 1. hundreds of questions -------------------------------------------------------------


def test_every_copied_quote_is_verified_on_its_cited_page_embedded_model(embedded, case):
    rng = random.Random(20240303)
    tally = Tally()
    for number in range(36):
        question = rng.choice(ASKING).format(rng.choice(TOPICS))
        opening = _opening_inside(case, rng) if number % 4 == 3 else rng.choice(OPENINGS)
        sampled = number % 3 == 2
        text, result, copy = embedded.answer(case, question, opening, max_new_tokens=32,
                                             temperature=0.8 if sampled else 0.0, seed=number)
        check_answer(case, text, result, copy, tally)
    print(f"\nembedded model: {tally}")
    assert tally.answers == 36
    # The checks above were not vacuous (measured: 16 of 36 answers close a quote within 32 tokens;
    # the others are still copying a passage when they stop).
    assert tally.copied >= 10 and tally.checked >= 10, tally


def test_every_copied_quote_is_verified_on_its_cited_page_tiny_random_model(tiny, case):
    """A random model rarely offers a token of the passage: Casefile continues the quote with the
    page's next word, and closes it (or the model does, once it may) with the page's citation."""
    rng = random.Random(7781)
    tally = Tally()
    for number in range(200):
        question = rng.choice(ASKING).format(rng.choice(TOPICS))
        opening = _opening_inside(case, rng) if number % 3 else rng.choice(OPENINGS[:-1])
        text, result, copy = tiny.answer(case, question, opening, max_new_tokens=rng.choice((12, 16, 24)),
                                         temperature=rng.choice((0.0, 1.0, 1.5)), seed=number)
        check_answer(case, text, result, copy, tally)
    print(f"\ntiny random model: {tally}")
    assert tally.answers == 200
    assert tally.copied >= 120 and tally.checked >= 100 and tally.forced >= 1000, tally
    assert tally.kinds == {"page", "bates", "lines"}


# ----- 2. a quote the model is pushed to invent ---------------------------------------------

INVENTED = (  # (question, openings, words the documents do not have)
    ("Quote the sentence saying the patient takes 100 mg of zybrid.",
     ('"', '"The patient takes'), {"100", "zybrid"}),
    ("Quote the sentence saying Acme agreed to deliver 9,999 crates.",
     ('"', '"Acme Corp agreed to deliver'), {"9,999", "crates"}),
    ("Quote the line where Anna Varga says she was at the Riverside depot.",
     ('"', '"A. I was at the'), {"riverside", "depot"}),
    ("Quote the letter where the claim number is 8812-Z.",
     ('"', '"Dear Ms. Whitfield, claim number'), {"8812", "z"}),
)


def _invents(text: str, invented: set[str]) -> bool:
    return bool(invented & set(tokens(text)[0]))


def test_a_quote_the_model_is_pushed_to_invent_comes_out_as_a_real_passage(embedded, tiny, case):
    tally, invented_freely = Tally(), 0
    for question, openings, invented in INVENTED:
        for opening in openings:
            embedded.opening = opening  # unconstrained first: the push does make the model invent
            free = embedded.generate(with_instruction(question_messages(case, question), QUOTED_INSTRUCTION),
                                     p.GenerationParams(max_new_tokens=32), on_token=lambda _piece: None,
                                     should_stop=lambda: False, prefix=p.Prefix(case.text))
            invented_freely += _invents(free.text, invented)
            for engine, temperature in ((embedded, 0.0), (tiny, 1.0)):
                text, result, copy = engine.answer(case, question, opening, max_new_tokens=32,
                                                   temperature=temperature)
                check_answer(case, text, result, copy, tally)
                for copied in copy.copied:
                    assert not _invents(copied.quote, invented), (text, copied)
    print(f"\ninvented quotes: {tally}; unconstrained answers that invented: {invented_freely} of 8")
    assert invented_freely >= 2  # measured 6 of 8 on the embedded model, greedy
    assert tally.copied >= 5 and tally.checked >= 5, tally  # measured: 9


# ----- 3. a fact the case does not have, through the app -------------------------------------


def _write_case(folder: Path) -> list[Path]:
    """The same case as files a user drops in: notes, a letter, and a reporter's text export."""
    folder.mkdir()
    (folder / "a-visit-note.txt").write_text(CLINIC_1, encoding="utf-8")
    (folder / "b-follow-up-note.txt").write_text(CLINIC_2, encoding="utf-8")
    (folder / "c-claim-letter.txt").write_text(LETTER, encoding="utf-8")
    export = "\f".join(f"Page {number}\n{_numbered(lines)}\n" for number, lines in DEPOSITION.items())
    (folder / "d-varga-deposition.txt").write_text(export, encoding="utf-8")
    return [folder]


@pytest.fixture
def dropped_case(vault, tmp_path):
    case = cases.create_case(vault, "Delgado")
    report = ingest_paths(vault, case, _write_case(tmp_path / "docs"))
    assert report.count("ingested") == 4, report
    return case


ABSENT = ("What is the patient's blood type?", "When was the patient's knee surgery?")


def test_an_absent_fact_asked_in_the_quoted_style_has_no_unverified_quote(vault, dropped_case, embedded_model,
                                                                          monkeypatch):
    """The embedded model, in the worker, through ``ask``: whatever it says of a fact the case does
    not have, every quote in it is verified. It is not required to abstain. Measured: it answers
    "The document does not answer the question." to both, but says the same of facts this case
    has (the lisinopril dose, Anna Varga's whereabouts), and over the generated case above it wrote
    "The patient's blood type is A.": a 135M model's abstention is not evidence of anything. The
    free style's quotes are copied too; ``constrain=False`` (the evaluation's arm) checks after."""
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the worker's torch: see ``one_thread``
    session = ModelSession(embedded_model)
    try:
        for question in ABSENT:
            answer = ask(vault, dropped_case, question, session, style=QUOTED,
                         params=p.GenerationParams(max_new_tokens=48))
            print(f"\n{question} -> {answer.text!r} (copied {answer.timings.quotes_copied})")
            assert answer.mode.style == QUOTED and answer.mode.quotes == COPIED
            assert answer.timings.quotes == "copied"
            for citation in answer.citations:
                assert citation.quote is None or citation.verified, (answer.text, citation)
            long_quotes = [q for q in quotations(answer.text) if len(q.quote.split()) >= MIN_QUOTE_WORDS]
            assert len(long_quotes) <= answer.timings.quotes_copied, answer.text
        short = p.GenerationParams(max_new_tokens=24)
        free = ask(vault, dropped_case, ABSENT[0], session, style=FREE, params=short)
        assert free.mode.style == FREE and free.mode.quotes == COPIED and free.timings.quotes == "copied"
        unconstrained = ask(vault, dropped_case, ABSENT[0], session, style=QUOTED, constrain=False,
                            params=short)  # the evaluation's comparison
        assert unconstrained.mode.quotes == CHECKED and unconstrained.timings.quotes == ""
    finally:
        session.close()


# ----- 4. a remote server: the same instruction, its quotes checked after --------------------


@pytest.fixture(scope="module")
def server(tiny_folder):
    """``transformers serve`` on loopback with the tiny model (a real OpenAI-compatible server)."""
    with model_server(tiny_folder, start_s=120) as url:
        yield url, str(tiny_folder)


def test_the_quoted_style_on_a_remote_server_says_its_quotes_were_checked_after(
        vault, dropped_case, embedded_model, server):
    url, model = server
    session = ModelSession(embedded_model, remote=RemoteBackend(url, model, window=8192))
    params = p.GenerationParams(max_new_tokens=16)
    try:
        quoted = ask(vault, dropped_case, "What dose of lisinopril does the patient take?", session,
                     style=QUOTED, params=params)
        free = ask(vault, dropped_case, "What dose of lisinopril does the patient take?", session,
                   style=FREE, params=params)
    finally:
        session.close()
    assert quoted.timings.prefix_source == "remote" and quoted.model_id == f"{model}@{url}"
    assert quoted.mode.style == QUOTED and quoted.mode.quotes == REMOTE_CHECKED
    assert quoted.timings.quotes == "" and quoted.timings.quotes_copied == 0
    # ``styles.quotes_said``: a remote answer's quotes are checked after, in either style
    assert free.mode.style == FREE and free.mode.quotes == REMOTE_CHECKED and free.timings.quotes == ""
