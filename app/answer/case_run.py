"""What questions and tasks share: choosing the documents, planning, the prefix, the audited run.

A run reads the whole case, or — by the user's choice — the case without some documents
(``exclude``) or the case in staged passes over window-sized parts (``staged``). ``mode`` says
which, and travels with the answer or task result so the user can always see it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from app import cache_admin, prefix_files
from app.answer.planning import Plan, plan_context
from app.answer.staged import groups, split_documents
from app.cases import documents_with_pages
from app.context import CaseContext, build_context, subset
from app.errors import Cancelled, InferenceError, UserFacingError, WorkerDied
from app.ingest.page_tokens import refresh_page_tokens
from app.models.session import ModelSession
from inference import protocol as p
from storage.audit import OUTCOME_FAILURE
from storage.records import CaseRecord
from storage.vault import Vault

T = TypeVar("T")


@dataclass(frozen=True)
class ReadingMode:
    """How the set was read, said with every answer and task: the whole case at once, without
    some documents by the user's choice, or in staged passes (``label`` says it in words)."""

    kind: str = "full"  # full | partial | staged
    passes: int = 1
    left_out: tuple[str, ...] = ()  # document ids left out by choice
    split: tuple[str, ...] = ()  # documents read in page ranges across passes
    label: str = ""
    review_set: str = ""  # the review set read (its documents; the rest left out), by name
    style: str = ""  # how the answer was written: app.answer.styles (quoted | free)
    quotes: str = ""  # how its quotes stand, in words: copied from the pages, or checked after
    unsupported: tuple[str, ...] = ()  # figures of the answer on none of its cited pages
    unsupported_where: str = ""  # "cited pages", or "documents" when nothing was cited

    def as_json(self) -> dict:
        return {"kind": self.kind, "passes": self.passes, "left_out": list(self.left_out),
                "split": list(self.split), "label": self.label, "review_set": self.review_set,
                "style": self.style, "quotes": self.quotes, "unsupported": list(self.unsupported),
                "unsupported_where": self.unsupported_where}

    @property
    def unsupported_said(self) -> str:
        """"Not found in the cited pages: 100 mg, 4471" ("" when every figure is found)."""
        if not self.unsupported:
            return ""
        return f"Not found in the {self.unsupported_where or 'cited pages'}: {', '.join(self.unsupported)}"


@dataclass
class RunSetup:
    context: CaseContext  # the documents read (the whole case unless some were left out)
    plan: Plan
    mode: ReadingMode
    parts: list[CaseContext]  # what each pass reads: [context] unless staged

    @property
    def staged(self) -> bool:
        return self.mode.kind == "staged"


def prepare(vault: Vault, case: CaseRecord, model: ModelSession, *, exclude: Sequence[str] = (),
            staged: bool = False, extra_tokens: int = 0, review_set: str = "") -> RunSetup:
    """Documents, plan and mode of one run. Staged passes are used only when asked for and needed.
    ``review_set``: the name of the set whose documents are read (``exclude`` then holds the rest,
    see ``app.review_sets.left_out_by``); the mode says so."""
    documents = refresh_page_tokens(vault, documents_with_pages(vault, case), model.model)
    if not documents:
        raise UserFacingError(f"The case “{case.name}” has no documents yet: add some first.")
    context = build_context(documents, model.model.model_id)
    mode = ReadingMode()
    if exclude:
        wanted = {i.upper() for i in exclude}
        unknown = sorted(wanted - {d.short_id for d in context.documents})
        if unknown:
            raise UserFacingError(f"No document {', '.join(unknown)} in this case (see `plan`).")
        kept = [d.short_id for d in context.documents if d.short_id not in wanted]
        if not kept:
            raise UserFacingError("Every document would be left out: keep at least one.")
        context = subset(context, kept)
        left_out = sorted(wanted, key=lambda i: int(i[1:]))
        label = f"answered without {', '.join(left_out)} (left out by choice)"
        if review_set:
            label = (f"answered over the review set “{review_set}”: {len(kept)} of "
                     f"{len(kept) + len(left_out)} documents")
        mode = replace(mode, kind="partial", left_out=tuple(left_out), label=label)
    if review_set:
        mode = replace(mode, review_set=review_set, label=mode.label or
                       f"answered over the review set “{review_set}”: every document of the case")
    plan = plan_context(context, model.model, extra_tokens=extra_tokens, local=model.remote is None)
    parts = [context]
    if staged and not plan.fits:
        selections = groups(plan, context)
        parts = [subset(context, selection) for selection in selections]
        split = split_documents(selections)
        label = (f"answered in {len(parts)} passes over {context.page_count:,} pages: not a reading of "
                 "the whole set at once")
        if split:
            label += f"; {', '.join(split)} read in parts"
        if mode.review_set:
            label += f"; over the review set “{mode.review_set}”"
        elif mode.left_out:
            label += f"; without {', '.join(mode.left_out)} (left out by choice)"
        mode = replace(mode, kind="staged", passes=len(parts), split=tuple(split), label=label)
    return RunSetup(context, plan, mode, parts)


def refusal(setup: RunSetup) -> str | None:
    """Why this case cannot be read as it is, with the numbers and the user's choices; or None."""
    plan = setup.plan
    if setup.staged:
        return None
    if not plan.fits:
        return (f"The case needs {plan.tokens_used:,} tokens plus {plan.answer_reserve:,} for the answer, "
                f"but {plan.model_id} holds {plan.window:,}. Nothing was cut. Choose: leave out documents "
                "(--exclude D3,D5), answer in staged passes over window-sized groups (--staged), or use "
                "a model with a larger window.")
    if not plan.memory_fits:
        mem = plan.memory
        return (f"This case needs about {mem.needed_bytes / 2**30:.1f} GiB of memory "
                f"({mem.weights_bytes / 2**30:.1f} for the model, {mem.kv_bytes / 2**30:.1f} for the "
                f"case's {plan.tokens_used:,} tokens) but {mem.available_bytes / 2**30:.1f} GiB are free "
                f"(room for about {mem.max_context_tokens:,} tokens). Nothing was cut: leave out "
                "documents, use a quantized KV cache, or use the site's remote model server.")
    return None


def prefix_for(vault: Vault, case: CaseRecord, part: CaseContext) -> p.Prefix:
    """The document prefix of one pass, with the sealed disk cache it may be kept in."""
    return p.Prefix(text=part.text, cache_id=prefix_files.cache_id(vault, case.id, part.manifest),
                    cache_dir=str(prefix_files.cache_dir()), cache_key=vault.prefix_cache_key().hex())


def pass_prefix(vault: Vault, case: CaseRecord, part: CaseContext, model: ModelSession) -> p.Prefix:
    """The prefix of one pass of a staged run, with the kept caches held to the budget first: an
    earlier pass's copy goes when it does not fit, never the one this pass reads. The worker
    seals a pass's copy after answering it, so the budget waits for that (the next pass would
    wait for it anyway)."""
    prefix = prefix_for(vault, case, part)
    model.settle()
    cache_admin.enforce(vault, {prefix.cache_id}, case_id=case.id)
    return prefix


def keep_only_prefixes(vault: Vault, case: CaseRecord, setup: RunSetup) -> None:
    """Drop the case's cached prefixes of older document sets, keep this run's, and hold the
    rest to the cache budget (least recently used out first)."""
    keep = {prefix_for(vault, case, part).cache_id for part in setup.parts}
    prefix_files.forget(vault, case.id, keep=keep)
    cache_admin.enforce(vault, keep, case_id=case.id)


def unless_cancelled(done: p.Done) -> p.Done:
    """A task or review stops at the user's Stop (a question keeps its partial answer instead)."""
    if done.finish_reason == p.FINISH_CANCELLED:
        raise Cancelled()
    return done


def run_model(vault: Vault, case: CaseRecord, model: ModelSession, run: Callable[[], T], *,
              failure_action: str | None) -> T:
    """Run the model, auditing a model load (first use, or after a crash), a worker crash, and a
    refusal or failure in the worker as ``failure_action`` (None: the caller audits it)."""
    if not model.running:
        ready = model.start()
        with vault.write() as session:
            vault.audit(session, "model.load", case_id=case.id,
                        objects={"model": ready.model_id, "weights_sha256": model.model.weights_sha256,
                                 "device": ready.device, "dtype": ready.dtype, "kernels": ready.kernels,
                                 "load_s": ready.load_s})
    try:
        return run()
    except WorkerDied as exc:
        with vault.write() as session:
            vault.audit(session, "worker.crash", outcome=OUTCOME_FAILURE, case_id=case.id,
                        objects={"error": type(exc).__name__})  # its detail may quote the worker's log
        raise
    except InferenceError as exc:
        if failure_action is None:
            raise
        with vault.write() as session:
            vault.audit(session, failure_action, outcome=OUTCOME_FAILURE, case_id=case.id,
                        objects={"kind": exc.kind})
        raise
