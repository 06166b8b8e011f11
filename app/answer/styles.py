"""How an answer is written: ``free`` (the question alone), or ``quoted`` (quote-then-answer: the
model is asked to quote the passages it relies on first and answer from them, or to say that the
documents do not answer).

In either style, on the local engine, every quotation the model opens is copy-constrained
(``inference.copy_mode``): it is a passage of a page by construction and carries the citation
Casefile writes. A remote server does not constrain its decoding: its quotes are checked after,
and the answer's provenance says so. Which style is the default is a measured choice (``DEFAULT``,
from the evaluation's comparison in the README).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.context import PROMPTS, CaseContext, is_bates_label
from app.settings import ANSWER_STYLES
from app.transcripts.lines import numbered_lines, words_of
from inference import protocol as p
from inference.quote_text import surface

FREE, QUOTED = STYLES = ANSWER_STYLES  # the default first: the evaluation's comparison chose it
QUOTED_INSTRUCTION = (PROMPTS / "quoted-v1.txt").read_text(encoding="utf-8").strip()

COPIED = "quotes copied from the pages as the answer was written"
CHECKED = "quotes checked against the pages after the answer"
REMOTE_CHECKED = ("quotes checked against the pages after the answer: the model server cannot copy "
                  "them by construction")


@dataclass(frozen=True)
class StyleRun:
    """What one answer's style sends: the instruction after the question, and the pages quotes
    are copied from (None: not constrained)."""

    style: str
    instruction: str
    grounding: p.Grounding | None


def style_run(style: str, context: CaseContext, *, local: bool, constrain: bool = True) -> StyleRun:
    """Either style's quotes are copied on the local engine (``constrain=False``, for the
    evaluation's comparison only, leaves them to be checked after)."""
    grounding = grounding_for(context) if local and constrain else None
    return StyleRun(style, QUOTED_INSTRUCTION if style == QUOTED else "", grounding)


def with_instruction(messages: list[dict[str, str]], instruction: str) -> list[dict[str, str]]:
    """The messages with the style's instruction after the question (the documents before it stay
    the cached prefix)."""
    if not instruction:
        return messages
    last = messages[-1]
    return [*messages[:-1], {**last, "content": f"{last['content']}\n\n{instruction}"}]


def quotes_said(timings: p.Timings, *, local: bool) -> str:
    """How the answer's quotes stand, in words, for its provenance."""
    if timings.quotes == "copied":
        return COPIED
    return CHECKED if local else REMOTE_CHECKED


def grounding_for(context: CaseContext) -> p.Grounding:
    """Every page of the context with the citation Casefile writes for a quote of it: its Bates
    number where it has one, a transcript's page (lines added by the worker), else "D3 p2". A
    transcript page is given as the quote check reads it: its words without line numbers."""
    pages: list[tuple[str, str]] = []
    lines: list[tuple[int, tuple[tuple[int, int], ...]]] = []
    for document in context.documents:
        transcript = bool(document.record.metadata.get("transcript"))
        for page in document.pages:
            numbered = numbered_lines(page.text) if transcript and page.label else None
            if numbered:
                lines.append((len(pages), _first_words(numbered)))
                pages.append((f"{document.short_id} {page.label}", words_of(page.text)))
            elif is_bates_label(page.label):
                pages.append((page.label, page.text))
            else:
                pages.append((f"{document.short_id} p{page.number}", page.text))
    return p.Grounding(pages=tuple(pages), lines=tuple(lines), key=context.manifest)


def _first_words(numbered: list[tuple[int, str]]) -> tuple[tuple[int, int], ...]:
    """Each line's number and the index of its first word among the page's words (as the quote
    index splits them: ``surface`` words)."""
    firsts, count = [], 0
    for number, words in numbered:
        firsts.append((number, count))
        count += len(surface(words).split())
    return tuple(firsts)
