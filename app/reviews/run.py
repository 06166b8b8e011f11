"""Make a review and answer its cells, each stored (and audited) the moment it is answered.

A review's rows are fixed when it is made (the case's documents, or its production families, by
vault id), so a review resumed after a crash, a cancel or a killed worker answers exactly the
cells still missing. Each cell is one short question after a kept prefix: with scope
``document`` the prefix is the row's own documents (one prefill per row, then each column pays
only for its question); with scope ``case`` it is the whole case, prefilled once for the whole
review. A row (or a case) too large for the window is never cut: its cells are marked failed
with the numbers, or the review is refused before it starts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.answer.case_run import (
    RunSetup,
    keep_only_prefixes,
    pass_prefix,
    prefix_for,
    prepare,
    refusal,
    run_model,
    unless_cancelled,
)
from app.answer.planning import plan_context
from app.cases import of_case
from app.context import CaseContext, ContextDocument, family_of, question_messages, subset
from app.errors import Cancelled, ContextTooLarge, UserFacingError
from app.models.session import ModelSession
from app.reviews.cells import EDITED, FAILED, MARKS, CellChecker, cell_prompt
from app.reviews.columns import ReviewColumn, column_from_json
from inference import protocol as p
from storage import review_repository as reviews
from storage.audit import OUTCOME_CANCELLED, OUTCOME_FAILURE
from storage.records import CaseRecord, ReviewCellRecord, ReviewRecord
from storage.vault import Vault

ROW_UNITS, SCOPES = ("documents", "families"), ("document", "case")
CELL_TOKENS = 96  # a cell's answer: a value, a reason, a citation


@dataclass(frozen=True)
class CellProgress:
    cell: ReviewCellRecord
    done: int  # cells answered in this run
    todo: int  # cells this run set out to answer


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def review_rows(context: CaseContext, row_unit: str) -> list[dict]:
    """One row per document, or per family (a production's e-mail with its attachments; a
    document outside any family is a family of one), in the case's reading order."""
    if row_unit not in ROW_UNITS:
        raise UserFacingError(f"Rows are {' or '.join(ROW_UNITS)}, not “{row_unit}”.")
    groups: dict[str, list[ContextDocument]] = {}
    for document in context.documents:
        family = family_of(document.record) if row_unit == "families" else None
        groups.setdefault(family or f"doc:{document.record.id}", []).append(document)
    rows = []
    for members in groups.values():
        first = members[0]
        label = f"{first.short_id} {first.record.name}"
        if len(members) > 1:
            label = (f"{first.short_id}–{members[-1].short_id} {first.record.name} "
                     f"(+{len(members) - 1} attached)")
        rows.append({"label": label, "document_ids": [m.record.id for m in members]})
    return rows


def columns_of(review: ReviewRecord) -> list[ReviewColumn]:
    return [column_from_json(c) for c in review.columns]


def create_review(vault: Vault, case: CaseRecord, title: str, columns: Sequence[ReviewColumn],
                  model: ModelSession, *, row_unit: str = "documents", scope: str = "document",
                  exclude: Sequence[str] = (), review_set: str = "") -> ReviewRecord:
    """Record a new review (audited) with its rows and columns; answer it with ``run_review``.
    Its rows are the documents of ``review_set`` (or the case without ``exclude``)."""
    if scope not in SCOPES:
        raise UserFacingError(f"Scope is {' or '.join(SCOPES)}, not “{scope}”.")
    setup = prepare(vault, case, model, extra_tokens=CELL_TOKENS, exclude=exclude, review_set=review_set)
    refused = refusal(setup) if scope == "case" else None
    rows = review_rows(setup.context, row_unit)
    column_data = [c.as_json() for c in columns]
    with vault.write() as session:
        review = reviews.create_review(session, case.id, title.strip() or "Review", column_data, rows,
                                       row_unit=row_unit, scope=scope, model_id=model.model.model_id,
                                       weights_sha256=model.model.weights_sha256,
                                       manifest=setup.context.manifest)
        if refused:
            review = reviews.set_review_status(session, review.id, "failed", error=refused)
        vault.audit(session, "review.run", outcome=OUTCOME_FAILURE if refused else "success", case_id=case.id,
                    objects={"review_id": review.id, "rows": len(rows), "columns": len(column_data),
                             "row_unit": row_unit, "scope": scope, "manifest": setup.context.manifest,
                             "columns_sha256": _sha(repr(column_data)),
                             **({"reason": "context_too_large"} if refused else {})})
    if refused:
        raise ContextTooLarge(refused)
    return review


def find_review(vault: Vault, case: CaseRecord, review_id: int) -> ReviewRecord:
    with vault.read() as session:
        return of_case(case, reviews.find_review(session, review_id), "review", review_id)


class _RowContexts:
    """What each row's cells read, and whether it fits: planned once per row."""

    def __init__(self, vault: Vault, case: CaseRecord, review: ReviewRecord, setup: RunSetup,
                 model: ModelSession) -> None:
        self.vault, self.case, self.review, self.setup, self.model = vault, case, review, setup, model
        self.by_id = {d.record.id: d for d in setup.context.documents}
        self._parts: dict[int, tuple[CaseContext | None, list[ContextDocument], str]] = {}
        self._checkers: dict[str, CellChecker] = {}

    def part(self, row: int) -> tuple[CaseContext | None, list[ContextDocument], str]:
        """(what the cell reads or None, the row's documents, why it cannot be read)."""
        if row not in self._parts:
            ids = self.review.rows[row]["document_ids"]
            documents = [self.by_id[i] for i in ids if i in self.by_id]
            if len(documents) < len(ids):
                self._parts[row] = (None, documents, "the document was removed from the case after the "
                                                     "review was made")
            elif self.review.scope == "case":
                self._parts[row] = (self.setup.context, documents, "")
            else:
                part = subset(self.setup.context, [d.short_id for d in documents])
                plan = plan_context(part, self.model.model, extra_tokens=CELL_TOKENS,
                                    local=self.model.remote is None)
                reason = "" if plan.fits else (
                    f"this row needs {plan.tokens_used:,} tokens but {plan.model_id} holds {plan.window:,}: "
                    "nothing was cut; answer it with a larger window or by hand")
                self._parts[row] = (part if plan.fits else None, documents, reason)
        return self._parts[row]

    def checker(self, part: CaseContext) -> CellChecker:
        if part.manifest not in self._checkers:
            self._checkers = {part.manifest: CellChecker(part)}  # one row's pages at a time
        return self._checkers[part.manifest]


def run_review(vault: Vault, case: CaseRecord, review_id: int, model: ModelSession, *,
               cells: Sequence[tuple[int, int]] | None = None, max_new_tokens: int = CELL_TOKENS,
               on_cell: Callable[[CellProgress], None] | None = None) -> ReviewRecord:
    """Answer the cells still missing (or, with ``cells``, answer those again), storing each as
    it is answered. Ends with the review done, or stopped (cancelled, or the worker died)."""
    review = find_review(vault, case, review_id)
    columns = columns_of(review)
    setup = prepare(vault, case, model, extra_tokens=CELL_TOKENS)
    in_rows = {document_id for row in review.rows for document_id in row["document_ids"]}
    if outside := [d.short_id for d in setup.context.documents if d.record.id not in in_rows]:
        # A review made over a review set (or with documents left out) reads only its rows' documents.
        setup = prepare(vault, case, model, extra_tokens=CELL_TOKENS, exclude=outside)
    if review.scope == "case" and (refused := refusal(setup)):
        raise ContextTooLarge(refused)
    with vault.write() as session:
        if cells is not None:
            reviews.clear_cells(session, review.id, list(cells))
        answered = {(c.row, c.column) for c in reviews.list_cells(session, review.id)}
        reviews.set_review_status(session, review.id, "running")
    todo = [(r, c) for r in range(len(review.rows)) for c in range(len(columns))
            if (r, c) not in answered and (cells is None or (r, c) in cells)]
    if review.scope == "case":
        keep_only_prefixes(vault, case, setup)
        model.use_rope_factor(setup.plan.rope_factor)
    rows = _RowContexts(vault, case, review, setup, model)
    params = p.GenerationParams(max_new_tokens=max_new_tokens, temperature=0.0, stop=("\n",))
    done, prefix = 0, None
    try:
        for row, column_index in todo:
            column = columns[column_index]
            part, documents, reason = rows.part(row)
            if part is None:
                cell = _store(vault, case, review, row, column_index, value="", detail="", citations=[],
                              check=FAILED, note=reason, output=None, manifest=None)
            else:
                if prefix is None or prefix.text != part.text:  # once per row (or once per review)
                    prefix = prefix_for(vault, case, part) if review.scope == "case" else \
                        pass_prefix(vault, case, part, model)
                prompt = cell_prompt(column, documents)
                answer = unless_cancelled(run_model(
                    vault, case, model, lambda part=part, prompt=prompt, prefix=prefix:
                    model.generate(question_messages(part, prompt), params, prefix=prefix),
                    failure_action=None))
                found = rows.checker(part).answer(column, answer.text)
                cell = _store(vault, case, review, row, column_index, value=found.value, detail=found.detail,
                              citations=found.citations_json(), check=found.check, note=found.note,
                              output=answer.text, manifest=part.manifest)
            done += 1
            if on_cell:
                on_cell(CellProgress(cell, done, len(todo)))
    except Exception as exc:  # cancelled, the worker died, the disk is full: stopped, resumable
        cancelled = isinstance(exc, Cancelled)
        with vault.write() as session:
            reviews.set_review_status(session, review.id, "stopped",
                                      error=getattr(exc, "user_message", type(exc).__name__))
            vault.audit(session, "review.stop", outcome=OUTCOME_CANCELLED if cancelled else OUTCOME_FAILURE,
                        case_id=case.id, objects={"review_id": review.id, "cells_done": done,
                                                  "cells_left": len(todo) - done,
                                                  "error": type(exc).__name__})
        raise
    return _finish(vault, case, review)


def _store(vault: Vault, case: CaseRecord, review: ReviewRecord, row: int, column: int,
           **fields) -> ReviewCellRecord:
    with vault.write() as session:
        cell = reviews.put_cell(session, review.id, row, column, **fields)
        vault.audit(session, "review.cell", outcome=OUTCOME_FAILURE if cell.check == FAILED else "success",
                    case_id=case.id, objects={"review_id": review.id, "row": row, "column": column,
                                              "check": cell.check, "value_sha256": _sha(cell.value),
                                              "manifest": fields.get("manifest")})
    return cell


def _finish(vault: Vault, case: CaseRecord, review: ReviewRecord) -> ReviewRecord:
    with vault.write() as session:
        cells = reviews.list_cells(session, review.id)
        counts = {check: sum(c.check == check for c in cells) for check in MARKS}
        finished = reviews.set_review_status(session, review.id, "done")
        vault.audit(session, "review.done", case_id=case.id,
                    objects={"review_id": review.id, "cells": len(cells),
                             **{k: v for k, v in counts.items() if v}})
    return finished


def edit_cell(vault: Vault, case: CaseRecord, review_id: int, row: int, column: int,
              value: str) -> ReviewCellRecord:
    """The user's own value for a cell: kept as typed, marked as edited, the model's text kept."""
    review = find_review(vault, case, review_id)
    if not (0 <= row < len(review.rows) and 0 <= column < len(review.columns)):
        raise UserFacingError(f"No cell at row {row + 1}, column {column + 1} in this review.")
    with vault.write() as session:
        before = reviews.find_cell(session, review.id, row, column)
        cell = reviews.put_cell(session, review.id, row, column, value=value.strip(), detail="",
                                citations=list(before.citations) if before else [], check=EDITED,
                                note="edited by the user", output=before.output if before else None,
                                edited=True, manifest=before.manifest if before else None)
        vault.audit(session, "review.edit", case_id=case.id,
                    objects={"review_id": review.id, "row": row, "column": column,
                             "before_sha256": _sha(before.value) if before else None,
                             "value_sha256": _sha(cell.value)})
    return cell


def review_cells(vault: Vault, review: ReviewRecord) -> list[ReviewCellRecord]:
    with vault.read() as session:
        return reviews.list_cells(session, review.id)


def list_reviews(vault: Vault, case: CaseRecord) -> list[ReviewRecord]:
    with vault.read() as session:
        return reviews.list_reviews(session, case.id)
