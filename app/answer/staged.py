"""A question over a set larger than the window: whole documents in window-sized groups.

Each group is asked the question on its own (with its own kept prefix, so a follow-up is cheap
again), then one last pass combines the partial answers, keeping their citations. The answer is
labelled ("answered in 3 passes over 4,210 pages"): it is not a reading of the whole set at once,
and the user must be able to see that. A document too large for the window on its own is read in
consecutive page ranges (never cut: every page is read once), and the label says which.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.answer.planning import Plan
from app.answer.progress import COMBINING, PASS, AskProgress, Report, reading
from app.context import SYSTEM_INSTRUCTION, CaseContext, ContextDocument, Selection, question_messages
from app.errors import ContextTooLarge
from inference import protocol as p

PARTIAL_ANSWER_TOKENS = 200
COMBINE_INSTRUCTION = ("Below are notes, each made from a different part of the same case. Write one "
                       "answer to the question from them. Keep every citation exactly as written. Ignore "
                       "notes that say the answer is not in their documents. Write only the answer: do "
                       "not mention the notes, parts or passes.")
# What the combining pass may still echo of its own input ("Excerpt B says", "The partial answer from
# D8 (pages 24-30 of 30) is"): internal wording, never shown to the user.
_VERB = r"(?:\bis\b|\bsays?\b|\bstates?\b|\bshows?\b|:|,)"
_INTERNAL = re.compile(
    rf"\b(?:according to |as |in )?(?:the |a )?(?:partial answers?(?: (?:from|for|of) [^.:;\n]*?)?\s*{_VERB}"
    rf"|notes? \d+(?: and \d+)?(?:\s*{_VERB})?)(?:\s+that)?\s*", re.IGNORECASE)


def groups(plan: Plan, context: CaseContext) -> list[list[Selection]]:
    """Documents (by id, in order) packed into groups that each fit the window. A document too
    long for one pass is read in consecutive page ranges, each its own group ("D1 pages 1-12 of
    23"), and the answer's label says so; a single page too long for a pass is refused."""
    fixed = plan.tokens_used - sum(d.tokens for d in plan.documents)
    budget = plan.window - plan.answer_reserve - fixed
    packed: list[list[Selection]] = []
    used = budget + 1
    for unit in _families(plan.documents):
        total = sum(d.tokens for d in unit)
        if len(unit) > 1 and total <= budget:  # an e-mail and its attachments: one pass, in order
            if used + total > budget:
                packed.append([])
                used = 0
            packed[-1].extend(d.short_id for d in unit)
            used += total
            continue
        for document in unit:  # a family larger than a pass is read in consecutive passes
            if document.tokens > budget:
                packed.extend([part] for part in _page_ranges(context.document(document.short_id), budget))
                used = budget + 1
                continue
            if used + document.tokens > budget:
                packed.append([])
                used = 0
            packed[-1].append(document.short_id)
            used += document.tokens
    return packed


def _families(documents) -> list[list]:
    """Consecutive documents of one production family together; every other document alone."""
    units: list[list] = []
    for document in documents:
        if document.family_key and units and units[-1][-1].family_key == document.family_key:
            units[-1].append(document)
        else:
            units.append([document])
    return units


HEADER_TOKENS = 64  # a document's header and footer, counted generously


def _page_ranges(document: ContextDocument, budget: int) -> list[tuple[str, int, int]]:
    ranges: list[tuple[str, int, int]] = []
    first: int | None = None
    last = used = 0
    for page in document.pages:
        tokens = (page.tokens if page.tokens is not None else len(page.text) // 3) + 1
        if tokens + HEADER_TOKENS > budget:
            raise ContextTooLarge(
                f"Page {page.number} of {document.short_id} ({document.record.name}) alone needs about "
                f"{tokens:,} tokens, more than the {budget:,} a pass can hold: leave the document out "
                f"(--exclude {document.short_id}) or use a model with a larger window.")
        if first is not None and used + tokens > budget - HEADER_TOKENS:
            ranges.append((document.short_id, first, last))
            first = None
        if first is None:
            first, used = page.number, 0
        last = page.number
        used += tokens
    if first is not None:
        ranges.append((document.short_id, first, last))
    return ranges


def split_documents(parts: list[list[Selection]]) -> list[str]:
    """The ids of documents read in several parts (for the answer's label)."""
    return sorted({item[0] for group in parts for item in group if not isinstance(item, str)},
                  key=lambda i: int(i[1:]))


def answer_in_passes(model, parts: list[CaseContext], question: str, params: p.GenerationParams, *,
                     prefix_for: Callable[[CaseContext], p.Prefix],
                     on_token: Callable[[str], None] | None = None,
                     on_progress: Report | None = None) -> p.Done:
    """One partial answer per part, then the combined answer (streamed through ``on_token``);
    ``on_progress`` hears each pass begin and read, and the combining."""
    partials = []
    for number, part in enumerate(parts, start=1):
        if on_progress is not None:
            on_progress(AskProgress(PASS, 0, 0, 0.0, number, len(parts)))
        done = model.generate(question_messages(part, question),
                              p.GenerationParams(max_new_tokens=PARTIAL_ANSWER_TOKENS),
                              prefix=prefix_for(part),
                              on_progress=reading(on_progress, PASS, number, len(parts)))
        partials.append(f"Note {len(partials) + 1}:\n{done.text.strip()}")
    if on_progress is not None:
        on_progress(AskProgress(COMBINING, part=len(parts), parts=len(parts)))
    combine = [{"role": "system", "content": SYSTEM_INSTRUCTION},
               {"role": "user", "content": f"{COMBINE_INSTRUCTION}\n\n" + "\n\n".join(partials)
                                           + f"\n\nQuestion: {question.strip()}"}]
    final = model.generate(combine, params, on_token=on_token)
    timings = p.Timings(**{**final.timings.__dict__, "prefix_source": "staged"})
    return p.Done(id=final.id, finish_reason=final.finish_reason, text=strip_internal(final.text),
                  timings=timings)


def strip_internal(text: str) -> str:
    """The combined answer without the combining pass's own wording about notes and parts."""
    cleaned = _INTERNAL.sub("", text)
    return cleaned[:1].upper() + cleaned[1:] if cleaned and text[:1].isupper() else cleaned
