"""Queries and writes for qualification runs (app/evaluation). As in ``storage.repositories``, the
caller owns the transaction and each function returns records or plain data, never rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.records import EvalRunRecord
from storage.repositories import utc_now
from storage.schema import EvalItemRow, EvalRunRow


def _run(row: EvalRunRow) -> EvalRunRecord:
    return EvalRunRecord(row.id, row.model_id, row.weights_sha256, dict(row.plan), row.status, row.seconds,
                         row.started_at, row.finished_at)


def create_run(session: Session, model_id: str, weights_sha256: str, plan: dict[str, Any]) -> EvalRunRecord:
    row = EvalRunRow(model_id=model_id, weights_sha256=weights_sha256, plan=plan, status="running",
                     seconds=0.0, started_at=utc_now())
    session.add(row)
    session.flush()
    return _run(row)


def unfinished_run(session: Session, model_id: str, weights_sha256: str) -> EvalRunRecord | None:
    """The latest run of this model (these weights) that was stopped or cut short, if any."""
    row = session.scalars(select(EvalRunRow).where(
        EvalRunRow.model_id == model_id, EvalRunRow.weights_sha256 == weights_sha256,
        EvalRunRow.status != "done").order_by(EvalRunRow.id.desc())).first()
    return _run(row) if row is not None else None


def finish_run(session: Session, run_id: int, status: str, seconds: float) -> None:
    row = session.get(EvalRunRow, run_id)
    row.status, row.seconds = status, seconds
    row.finished_at = utc_now() if status == "done" else None


def put_item(session: Session, run_id: int, set_index: int, item_index: int, result: dict[str, Any]) -> None:
    session.add(EvalItemRow(run_id=run_id, set_index=set_index, item_index=item_index, result=result))


def items(session: Session, run_id: int) -> dict[tuple[int, int], dict[str, Any]]:
    """The run's scored questions so far, by (set, item)."""
    rows = session.scalars(select(EvalItemRow).where(EvalItemRow.run_id == run_id))
    return {(r.set_index, r.item_index): dict(r.result) for r in rows}
