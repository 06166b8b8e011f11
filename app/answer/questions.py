"""Ask one question of a whole case: plan, generate in the worker, cite, record.

The question is recorded (and audited) before the model runs, so a crash mid-answer keeps it;
the answer, its citations, timings, model identity and manifest are recorded with their own
audit event afterwards. A set that does not fit the window is refused with numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from app.answer.case_run import (
    ReadingMode,
    keep_only_prefixes,
    pass_prefix,
    prefix_for,
    prepare,
    refusal,
    run_model,
)
from app.answer.citations import Citation, parse_citations
from app.answer.planning import Plan
from app.answer.progress import LOADING, AskProgress, Report, reading
from app.answer.provenance import Located, locate, not_on_cited_pages
from app.answer.staged import answer_in_passes
from app.answer.styles import FREE, quotes_said, style_run, with_instruction
from app.cases import of_case
from app.context import question_messages, render_history
from app.errors import ContextTooLarge, UserFacingError
from app.models.session import ModelSession
from app.settings import preferences
from app.tokens import count_tokens
from inference import protocol as p
from storage import repositories as repo
from storage.audit import OUTCOME_FAILURE
from storage.records import CaseRecord
from storage.vault import Vault

DEFAULT_PARAMS = p.GenerationParams(max_new_tokens=256, temperature=0.0)


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[Citation]
    manifest: str
    model_id: str
    weights_sha256: str
    finish_reason: str
    timings: p.Timings
    params: p.GenerationParams
    plan: Plan
    session_id: int
    message_id: int
    mode: ReadingMode = field(default_factory=ReadingMode)  # whole, without some documents, or staged
    located: list[Located] = field(default_factory=list)  # found by Casefile when nothing is cited

    def as_json(self) -> dict:
        return {
            "answer": self.text,
            "citations": [c.as_json() for c in self.citations],
            "manifest": self.manifest,
            "model": self.model_id,
            "weights_sha256": self.weights_sha256,
            "finish_reason": self.finish_reason,
            "timings": {
                "prefill_tokens": self.timings.prefill_tokens,
                "ttft_s": self.timings.ttft_s,
                "decode_tokens_per_s": self.timings.decode_tokens_per_s,
                "prefix_source": self.timings.prefix_source,
                "kernels": self.timings.kernels,
            },
            "session_id": self.session_id,
            "mode": self.mode.as_json(),
            "located": [x.as_json() for x in self.located],
        }


def _history(vault: Vault, case: CaseRecord, session_id: int | None) -> list[tuple[str, str]]:
    """(question, answer) pairs of the chat so far, oldest first; empty for a new chat."""
    if session_id is None:
        return []
    with vault.read() as session:
        of_case(case, repo.find_chat_session(session, session_id), "chat", session_id)
        messages = repo.list_messages(session, session_id)
    pairs, question = [], None
    for message in messages:
        if message.role == "user":
            question = message.content
        elif message.role == "assistant" and question is not None:
            pairs.append((question, message.content))
            question = None
    return pairs


def ask(
    vault: Vault,
    case: CaseRecord,
    question: str,
    model: ModelSession,
    *,
    on_token: Callable[[str], None] | None = None,
    params: p.GenerationParams = DEFAULT_PARAMS,
    session_id: int | None = None,
    exclude: Sequence[str] = (),
    staged: bool = False,
    on_progress: Report | None = None,
    review_set: str = "",
    style: str | None = None,
    constrain: bool = True,
) -> Answer:
    """Ask ``question`` of the whole case — or, by the user's choice, without the documents in
    ``exclude`` (ids such as "D3"), or in ``staged`` passes when the set is larger than the window.
    ``on_progress`` hears the model start, the case being read, and each staged pass. ``style``
    (``app.answer.styles``; None: the user's preference) says how the answer is written;
    ``constrain=False`` asks for quotes first without copying them (the evaluation's comparison)."""
    question = question.strip()
    if not question:
        raise UserFacingError("Type a question first.")
    style = style or preferences(vault).answer_style
    history = _history(vault, case, session_id)
    history_tokens = count_tokens(model.model.path, render_history(history)) if history else 0
    setup = prepare(vault, case, model, exclude=exclude, staged=staged, extra_tokens=history_tokens,
                    review_set=review_set)
    context, plan, mode = setup.context, setup.plan, setup.mode
    refused = refusal(setup)
    with vault.write() as session:
        if refused:  # nothing was asked: no chat is started, no question stored (the box keeps it)
            vault.audit(session, "chat.ask", outcome=OUTCOME_FAILURE, case_id=case.id,
                        objects={"session_id": session_id, "reason": "context_too_large",
                                 "tokens": plan.tokens_used, "window": plan.window})
        else:
            if session_id is None:
                session_id = repo.create_chat_session(session, case.id, question[:80]).id
            asked = repo.add_message(session, session_id, "user", question, manifest=context.manifest)
            vault.audit(session, "chat.ask", case_id=case.id,
                        objects={"session_id": session_id, "message_id": asked.id,
                                 "manifest": context.manifest, "tokens": plan.tokens_used})
    if refused:
        raise ContextTooLarge(refused)

    keep_only_prefixes(vault, case, setup)
    if on_progress is not None and not model.running:
        on_progress(AskProgress(LOADING))
    local = model.remote is None
    run = style_run(FREE if setup.staged else style, context, local=local, constrain=constrain)
    if setup.staged:  # passes answer from window-sized parts, then combine notes: written freely
        done = run_model(vault, case, model, lambda: answer_in_passes(
            model, setup.parts, question, params,
            prefix_for=lambda part: pass_prefix(vault, case, part, model), on_token=on_token,
            on_progress=on_progress),
            failure_action="chat.answer")
    else:
        model.use_rope_factor(plan.rope_factor)
        messages = with_instruction(question_messages(context, question, history), run.instruction)
        done = run_model(vault, case, model, lambda: model.generate(
            messages, params, on_token=on_token, prefix=prefix_for(vault, case, context),
            on_progress=reading(on_progress), grounding=run.grounding),
            failure_action="chat.answer")
    citations = parse_citations(done.text, context)
    located = [] if any(c.known for c in citations) else locate(done.text, context, question)
    mode = replace(mode, style=run.style, quotes=quotes_said(done.timings, local=local),
                   unsupported=tuple(not_on_cited_pages(done.text, citations, context, question)),
                   unsupported_where="cited pages" if any(c.known for c in citations) else "documents")
    with vault.write() as session:
        answered = repo.add_message(
            session, session_id, "assistant", done.text,
            citations=[c.as_json() for c in citations], model_id=model.model.model_id,
            weights_sha256=model.model.weights_sha256, manifest=context.manifest,
            finish_reason=done.finish_reason, timings=done.timings.__dict__,
            params=params.as_dict(), mode=mode.as_json(), located=[x.as_json() for x in located],
        )
        vault.audit(session, "chat.answer", case_id=case.id,
                    objects={"session_id": session_id, "message_id": answered.id,
                             "manifest": context.manifest, "model": model.model.model_id,
                             "weights_sha256": model.model.weights_sha256,
                             "finish_reason": done.finish_reason,
                             "citations": len(citations),
                             "verified": sum(1 for c in citations if c.verified),
                             "mode": mode.kind, "passes": mode.passes, "left_out": list(mode.left_out),
                             "style": mode.style, "copied": done.timings.quotes_copied,
                             "unsupported": len(mode.unsupported)})
    return Answer(
        text=done.text, citations=citations, manifest=context.manifest,
        model_id=model.model.model_id, weights_sha256=model.model.weights_sha256,
        finish_reason=done.finish_reason, timings=done.timings, params=params, plan=plan,
        session_id=session_id, message_id=answered.id, mode=mode, located=located,
    )
