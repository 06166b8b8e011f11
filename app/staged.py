"""A question over a set larger than the window: whole documents in window-sized groups.

Each group is asked the question on its own (with its own kept prefix, so a follow-up is cheap
again), then one last pass combines the partial answers, keeping their citations. The answer is
labelled ("answered in 3 passes over 4,210 pages"): it is not a reading of the whole set at once,
and the user must be able to see that. A document too large for the window on its own is refused
with its numbers; it is never cut.
"""

from __future__ import annotations

from collections.abc import Callable

from app.context import SYSTEM_INSTRUCTION, CaseContext, question_messages, subset
from app.errors import ContextTooLarge
from app.planning import Plan
from inference import protocol as p

PARTIAL_ANSWER_TOKENS = 200
COMBINE_INSTRUCTION = ("Combine the partial answers below, each from a different part of the same "
                       "case, into one answer to the question. Keep every citation exactly as written. "
                       "Ignore parts that say the answer is not in their documents.")


def groups(plan: Plan) -> list[list[str]]:
    """Documents (by id, in order) packed into groups that each fit the window."""
    fixed = plan.tokens_used - sum(d.tokens for d in plan.documents)
    budget = plan.window - plan.answer_reserve - fixed
    packed: list[list[str]] = []
    used = budget + 1
    for document in plan.documents:
        if document.tokens > budget:
            raise ContextTooLarge(
                f"{document.short_id} ({document.name}) alone needs {document.tokens:,} tokens, more than "
                f"the {budget:,} a pass can hold: leave it out (--exclude {document.short_id}) or use a "
                "model with a larger window.")
        if used + document.tokens > budget:
            packed.append([])
            used = 0
        packed[-1].append(document.short_id)
        used += document.tokens
    return packed


def answer_in_passes(model, context: CaseContext, plan: Plan, question: str, params: p.GenerationParams, *,
                     prefix_for: Callable[[CaseContext], p.Prefix],
                     on_token: Callable[[str], None] | None = None) -> tuple[p.Done, int]:
    """The combined answer and the number of document passes."""
    partials = []
    for ids in groups(plan):
        part = subset(context, ids)
        done = model.generate(question_messages(part, question),
                              p.GenerationParams(max_new_tokens=PARTIAL_ANSWER_TOKENS),
                              prefix=prefix_for(part))
        partials.append(f"Partial answer from {', '.join(ids)}:\n{done.text.strip()}")
    combine = [{"role": "system", "content": SYSTEM_INSTRUCTION},
               {"role": "user", "content": f"{COMBINE_INSTRUCTION}\n\n" + "\n\n".join(partials)
                                           + f"\n\nQuestion: {question.strip()}"}]
    final = model.generate(combine, params, on_token=on_token)
    timings = p.Timings(**{**final.timings.__dict__, "prefix_source": "staged"})
    combined = p.Done(id=final.id, finish_reason=final.finish_reason, text=final.text, timings=timings)
    return combined, len(partials)
