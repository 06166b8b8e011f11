"""Queries and writes for reviews (app/reviews). As in ``storage.repositories``, the caller owns
the transaction and each function returns records, never rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.records import ReviewCellRecord, ReviewRecord
from storage.repositories import utc_now
from storage.schema import ReviewCellRow, ReviewRow


def _review(row: ReviewRow) -> ReviewRecord:
    return ReviewRecord(row.id, row.case_id, row.title, tuple(row.columns), tuple(row.rows), row.row_unit,
                        row.scope, row.status, row.created_at, row.finished_at, row.model_id,
                        row.weights_sha256, row.manifest, row.error)


def _cell(row: ReviewCellRow) -> ReviewCellRecord:
    return ReviewCellRecord(row.review_id, row.row_index, row.column_index, row.value, row.detail,
                            tuple(row.citations), row.check, row.note, row.finished_at, row.output,
                            row.edited, row.manifest)


def create_review(session: Session, case_id: int, title: str, columns: list[dict[str, Any]],
                  rows: list[dict[str, Any]], *, row_unit: str, scope: str, **meta: Any) -> ReviewRecord:
    row = ReviewRow(case_id=case_id, title=title, columns=columns, rows=rows, row_unit=row_unit, scope=scope,
                    status="running", created_at=utc_now(), **meta)
    session.add(row)
    session.flush()
    return _review(row)


def find_review(session: Session, review_id: int) -> ReviewRecord | None:
    row = session.get(ReviewRow, review_id)
    return _review(row) if row is not None else None


def list_reviews(session: Session, case_id: int) -> list[ReviewRecord]:
    rows = session.scalars(select(ReviewRow).where(ReviewRow.case_id == case_id).order_by(ReviewRow.id))
    return [_review(r) for r in rows]


def set_review_status(session: Session, review_id: int, status: str, *, error: str | None = None,
                      **meta: Any) -> ReviewRecord:
    row = session.get(ReviewRow, review_id)
    row.status, row.error = status, error
    row.finished_at = utc_now() if status in ("done", "failed", "stopped") else None
    for key, value in meta.items():
        setattr(row, key, value)
    session.flush()
    return _review(row)


def put_cell(session: Session, review_id: int, row_index: int, column_index: int,
             **fields: Any) -> ReviewCellRecord:
    """Store a cell's answer, replacing an earlier one (a re-run or an edit)."""
    row = session.scalar(select(ReviewCellRow).where(
        ReviewCellRow.review_id == review_id, ReviewCellRow.row_index == row_index,
        ReviewCellRow.column_index == column_index))
    if row is None:
        row = ReviewCellRow(review_id=review_id, row_index=row_index, column_index=column_index)
        session.add(row)
    fields.setdefault("edited", False)
    for key, value in fields.items():
        setattr(row, key, value)
    row.finished_at = utc_now()
    session.flush()
    return _cell(row)


def find_cell(session: Session, review_id: int, row_index: int, column_index: int) -> ReviewCellRecord | None:
    row = session.scalar(select(ReviewCellRow).where(
        ReviewCellRow.review_id == review_id, ReviewCellRow.row_index == row_index,
        ReviewCellRow.column_index == column_index))
    return _cell(row) if row is not None else None


def list_cells(session: Session, review_id: int) -> list[ReviewCellRecord]:
    rows = session.scalars(select(ReviewCellRow).where(ReviewCellRow.review_id == review_id)
                           .order_by(ReviewCellRow.row_index, ReviewCellRow.column_index))
    return [_cell(r) for r in rows]


def clear_cells(session: Session, review_id: int, cells: list[tuple[int, int]]) -> int:
    """Forget some answers (to run them again); returns how many there were."""
    count = 0
    for row_index, column_index in cells:
        count += session.execute(delete(ReviewCellRow).where(
            ReviewCellRow.review_id == review_id, ReviewCellRow.row_index == row_index,
            ReviewCellRow.column_index == column_index)).rowcount
    return count
