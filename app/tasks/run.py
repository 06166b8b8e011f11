"""Run a document task over a case and store its table, with the same choices as a question.

The task is recorded (and audited) as running before the model starts, so a crash leaves a
visible trace; its rows, the model's raw output, the model identity and the manifest are stored
with their own audit event when it finishes. A cancelled or failed task is closed as such.
In staged mode the passes' rows are simply put together (a table needs no combining pass) and
the task's mode label says it was not one reading of the whole set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.answer.case_run import (
    keep_only_prefixes,
    pass_prefix,
    prefix_for,
    prepare,
    refusal,
    run_model,
    unless_cancelled,
)
from app.cases import of_case
from app.context import question_messages
from app.errors import Cancelled, ContextTooLarge
from app.models.session import ModelSession
from app.tasks.dates import sort_key
from app.tasks.encounters import GAP_DAYS, gap_rows, missing_record_rows
from app.tasks.privilege import family_order, privilege_row
from app.tasks.rows import CITED, VERIFIED, RowChecker, TaskRow, parse_rows
from app.tasks.templates import template as task_template
from inference import protocol as p
from storage import repositories as repo
from storage.audit import OUTCOME_CANCELLED, OUTCOME_FAILURE
from storage.records import CaseRecord, TaskRecord
from storage.vault import Vault


@dataclass(frozen=True)
class TaskProgress:
    step: int  # prompts done
    steps: int


def run_task(vault: Vault, case: CaseRecord, kind: str, model: ModelSession, *,
             exclude: Sequence[str] = (), staged: bool = False, max_new_tokens: int | None = None,
             on_token: Callable[[str], None] | None = None,
             on_progress: Callable[[TaskProgress], None] | None = None,
             gap_days: int = GAP_DAYS, review_set: str = "") -> TaskRecord:
    """``gap_days``: the medical chronology's threshold for a gap in treatment; ``review_set``: the
    set read (``exclude`` then holds the rest)."""
    spec = task_template(kind)
    setup = prepare(vault, case, model, exclude=exclude, staged=staged, review_set=review_set)
    params = p.GenerationParams(max_new_tokens=max_new_tokens or spec.max_new_tokens, temperature=0.0)
    meta = {"params": {"exclude": list(exclude), "staged": staged, "review_set": review_set,
                       **params.as_dict(),
                       **({"gap_days": gap_days} if kind == "encounters" else {})},
            "model_id": model.model.model_id, "weights_sha256": model.model.weights_sha256,
            "manifest": setup.context.manifest, "mode": setup.mode.as_json()}
    refused = refusal(setup)
    with vault.write() as session:
        task = repo.create_task(session, case.id, kind, **meta)
        if refused:
            repo.finish_task(session, task.id, "failed", error=refused)
        vault.audit(session, "task.run", outcome=OUTCOME_FAILURE if refused else "success", case_id=case.id,
                    objects={"task_id": task.id, "kind": kind, "manifest": setup.context.manifest,
                             "tokens": setup.plan.tokens_used, "mode": setup.mode.kind,
                             **({"reason": "context_too_large"} if refused else {})})
    if refused:
        raise ContextTooLarge(refused)

    keep_only_prefixes(vault, case, setup)
    if not setup.staged:
        model.use_rope_factor(setup.plan.rope_factor)
    work = [(part, document, prompt) for part in setup.parts for document, prompt in spec.prompts(part)]
    def prefix_of(part):  # staged: earlier passes' copies go when over the budget
        return pass_prefix(vault, case, part, model) if setup.staged else prefix_for(vault, case, part)

    rows: list[TaskRow] = []
    checker = RowChecker(spec, setup.context)
    outputs: list[str] = []
    try:
        for step, (part, document, prompt) in enumerate(work):
            if on_progress:
                on_progress(TaskProgress(step, len(work)))
            done = unless_cancelled(run_model(
                vault, case, model, lambda part=part, prompt=prompt: model.generate(
                    question_messages(part, prompt), params, on_token=on_token, prefix=prefix_of(part)),
                failure_action=None))
            outputs.append(done.text)
            rows.extend([privilege_row(done.text, document, checker)] if kind == "privilege"
                        else parse_rows(done.text, spec, setup.context, document, checker))
    except Exception as exc:  # a task never stays "running": closed as failed or cancelled, and audited
        cancelled = isinstance(exc, Cancelled)
        with vault.write() as session:
            repo.finish_task(session, task.id, "cancelled" if cancelled else "failed",
                             output=_joined(outputs), error=getattr(exc, "user_message", type(exc).__name__))
            vault.audit(session, "task.result", outcome=OUTCOME_CANCELLED if cancelled else OUTCOME_FAILURE,
                        case_id=case.id, objects={"task_id": task.id, "kind": kind,
                                                  "steps_done": len(outputs), "error": type(exc).__name__})
        raise
    if on_progress:
        on_progress(TaskProgress(len(work), len(work)))
    rows = _ordered(rows, spec.sort_by_date)
    if kind == "privilege":  # a family together, in Bates order
        rows.sort(key=family_order)
    if kind == "encounters":  # what the rows and the record show, not what the model said
        found = missing_record_rows(setup.context, "date", [c.key for c in spec.columns])
        rows = gap_rows(_ordered(rows + found, by_date=True), "date", gap_days)
    with vault.write() as session:
        finished = repo.finish_task(session, task.id, "done", rows=[r.as_json() for r in rows],
                                    output=_joined(outputs))
        vault.audit(session, "task.result", case_id=case.id,
                    objects={"task_id": task.id, "kind": kind, "rows": len(rows),
                             "verified": sum(r.check == VERIFIED for r in rows),
                             "cited": sum(r.check == CITED for r in rows),
                             "unchecked": sum(r.check not in (VERIFIED, CITED) for r in rows),
                             "manifest": setup.context.manifest, "model": model.model.model_id,
                             "weights_sha256": model.model.weights_sha256, "mode": setup.mode.kind,
                             "passes": setup.mode.passes})
    return finished


def _joined(outputs: list[str]) -> str:
    return "\n\n".join(f"--- pass {i} ---\n{text}" for i, text in enumerate(outputs, start=1))


def _ordered(rows: list[TaskRow], by_date: bool) -> list[TaskRow]:
    """Repeated rows (the same line from two passes) once; a chronology by date, undated last."""
    seen, unique = set(), []
    for row in rows:
        key = (tuple(v.casefold() for v in row.fields.values()), tuple(c.short_id for c in row.citations))
        if key not in seen:
            seen.add(key)
            unique.append(row)
    if by_date:
        first_key = next(iter(unique[0].fields), None) if unique else None
        unique.sort(key=lambda r: sort_key(r.fields.get(first_key, "")))
    return unique


def find_task(vault: Vault, case: CaseRecord, task_id: int) -> TaskRecord:
    with vault.read() as session:
        return of_case(case, repo.find_task(session, task_id), "task", task_id)
