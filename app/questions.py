"""Ask one question of a whole case: plan, generate in the worker, cite, record.

The question is recorded (and audited) before the model runs, so a crash mid-answer keeps it;
the answer, its citations, timings, model identity and manifest are recorded with their own
audit event afterwards. A set that does not fit the window is refused with numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from app import prefix_files
from app.cases import documents_with_pages
from app.citations import Citation, parse_citations
from app.context import CaseContext, build_context, question_messages, render_history, subset
from app.errors import ContextTooLarge, InferenceError, NotFound, UserFacingError, WorkerDied
from app.model_session import ModelSession
from app.page_tokens import refresh_page_tokens
from app.planning import Plan, plan_context
from app.staged import answer_in_passes
from app.staged import groups as staged_groups
from app.tokens import count_tokens
from inference import protocol as p
from storage import repositories as repo
from storage.audit import OUTCOME_FAILURE
from storage.records import CaseRecord
from storage.vault import Vault

DEFAULT_PARAMS = p.GenerationParams(max_new_tokens=256, temperature=0.0)
T = TypeVar("T")


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
    mode: dict = field(default_factory=dict)  # kind full|partial|staged, passes, left_out, label

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
            },
            "session_id": self.session_id,
            "mode": self.mode,
        }


def _generate(vault: Vault, case: CaseRecord, model: ModelSession, run: Callable[[], T]) -> T:
    """Run the model, auditing a model load (first use, or after a crash) and a worker crash."""
    if not model.running:
        ready = model.start()
        with vault.write() as session:
            vault.audit(session, "model.load", case_id=case.id,
                        objects={"model": ready.model_id, "weights_sha256": model.model.weights_sha256,
                                 "device": ready.device, "dtype": ready.dtype, "load_s": ready.load_s})
    try:
        return run()
    except WorkerDied as exc:
        with vault.write() as session:
            vault.audit(session, "worker.crash", outcome=OUTCOME_FAILURE, case_id=case.id,
                        objects={"detail": str(exc)[:200]})
        raise
    except InferenceError as exc:  # refused or failed in the worker: the question has no answer
        with vault.write() as session:
            vault.audit(session, "chat.answer", outcome=OUTCOME_FAILURE, case_id=case.id,
                        objects={"kind": exc.kind})
        raise


def _history(vault: Vault, case: CaseRecord, session_id: int | None) -> list[tuple[str, str]]:
    """(question, answer) pairs of the chat so far, oldest first; empty for a new chat."""
    if session_id is None:
        return []
    with vault.read() as session:
        chat = repo.find_chat_session(session, session_id)
        if chat is None or chat.case_id != case.id:
            raise NotFound(f"No chat {session_id} in the case “{case.name}”.")
        messages = repo.list_messages(session, session_id)
    pairs, question = [], None
    for message in messages:
        if message.role == "user":
            question = message.content
        elif message.role == "assistant" and question is not None:
            pairs.append((question, message.content))
            question = None
    return pairs


def _refusal(plan: Plan) -> str | None:
    """Why this case cannot be asked as it is, with the numbers and the user's choices; or None."""
    if not plan.fits:
        return (f"The case needs {plan.tokens_used:,} tokens plus {plan.answer_reserve:,} for the answer, "
                f"but {plan.model_id} holds {plan.window:,}. Nothing was cut. Choose: leave out documents "
                "(--exclude D3,D5), answer in staged passes over window-sized groups (--staged), or use "
                "a model with a larger window.")
    if not plan.memory_fits:
        mem = plan.memory
        return (f"This case needs about {mem['needed_bytes'] / 2**30:.1f} GiB of memory "
                f"({mem['weights_bytes'] / 2**30:.1f} for the model, {mem['kv_bytes'] / 2**30:.1f} for the "
                f"case's {plan.tokens_used:,} tokens) but {mem['available_bytes'] / 2**30:.1f} GiB are free "
                f"(room for about {mem['max_context_tokens']:,} tokens). Nothing was cut: leave out "
                "documents, use a quantized KV cache, or use the site's remote model server.")
    return None


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
) -> Answer:
    """Ask ``question`` of the whole case — or, by the user's choice, without the documents in
    ``exclude`` (ids such as "D3"), or in ``staged`` passes when the set is larger than the window."""
    question = question.strip()
    if not question:
        raise UserFacingError("Type a question first.")
    documents = refresh_page_tokens(vault, documents_with_pages(vault, case), model.model)
    if not documents:
        raise UserFacingError(f"The case “{case.name}” has no documents yet: add some first.")
    context = build_context(documents, model.model.model_id)
    mode: dict = {"kind": "full", "passes": 1, "left_out": [], "label": ""}
    if exclude:
        wanted = {i.upper() for i in exclude}
        unknown = sorted(wanted - {d.short_id for d in context.documents})
        if unknown:
            raise UserFacingError(f"No document {', '.join(unknown)} in this case (see `plan`).")
        context = subset(context, [d.short_id for d in context.documents if d.short_id not in wanted])
        mode.update(kind="partial", left_out=sorted(wanted),
                    label=f"answered without {', '.join(sorted(wanted))} (left out by choice)")
    history = _history(vault, case, session_id)
    history_tokens = count_tokens(model.model.path, render_history(history)) if history else 0
    plan = plan_context(context, model.model, extra_tokens=history_tokens, local=model.remote is None)

    staging = staged and not plan.fits
    refusal = None if staging else _refusal(plan)
    with vault.write() as session:
        if session_id is None:
            session_id = repo.create_chat_session(session, case.id, question[:80]).id
        asked = repo.add_message(session, session_id, "user", question, manifest=context.manifest)
        if refusal:
            vault.audit(session, "chat.ask", outcome=OUTCOME_FAILURE, case_id=case.id,
                        objects={"message_id": asked.id, "reason": "context_too_large",
                                 "tokens": plan.tokens_used, "window": plan.window})
        else:
            vault.audit(session, "chat.ask", case_id=case.id,
                        objects={"session_id": session_id, "message_id": asked.id,
                                 "manifest": context.manifest, "tokens": plan.tokens_used})
    if refusal:
        raise ContextTooLarge(refusal)

    def prefix_for(part: CaseContext) -> p.Prefix:
        return p.Prefix(text=part.text, cache_id=prefix_files.cache_id(vault, case.id, part.manifest),
                        cache_dir=str(prefix_files.cache_dir()), cache_key=vault.prefix_cache_key().hex())

    if staging:
        parts = [subset(context, ids) for ids in staged_groups(plan)]
        prefix_files.forget(vault, case.id, keep={prefix_for(part).cache_id for part in parts})
        done, passes = _generate(vault, case, model, lambda: answer_in_passes(
            model, context, plan, question, params, prefix_for=prefix_for, on_token=on_token))
        mode.update(kind="staged", passes=passes,
                    label=f"answered in {passes} passes over {context.page_count:,} pages: not a "
                          "reading of the whole set at once")
    else:
        prefix = prefix_for(context)
        prefix_files.forget(vault, case.id, keep={prefix.cache_id})  # older document sets of this case
        model.use_rope_factor(plan.rope_factor)
        messages = question_messages(context, question, history)
        done = _generate(vault, case, model,
                         lambda: model.generate(messages, params, on_token=on_token, prefix=prefix))
    citations = parse_citations(done.text, context)
    with vault.write() as session:
        answered = repo.add_message(
            session, session_id, "assistant", done.text,
            citations=[c.as_json() for c in citations], model_id=model.model.model_id,
            weights_sha256=model.model.weights_sha256, manifest=context.manifest,
            finish_reason=done.finish_reason, timings=done.timings.__dict__,
            params=params.as_dict(),
        )
        vault.audit(session, "chat.answer", case_id=case.id,
                    objects={"session_id": session_id, "message_id": answered.id,
                             "manifest": context.manifest, "model": model.model.model_id,
                             "weights_sha256": model.model.weights_sha256,
                             "finish_reason": done.finish_reason,
                             "citations": len(citations),
                             "verified": sum(1 for c in citations if c.verified),
                             "mode": mode["kind"], "passes": mode["passes"], "left_out": mode["left_out"]})
    return Answer(
        text=done.text, citations=citations, manifest=context.manifest,
        model_id=model.model.model_id, weights_sha256=model.model.weights_sha256,
        finish_reason=done.finish_reason, timings=done.timings, params=params, plan=plan,
        session_id=session_id, message_id=answered.id, mode=mode,
    )
