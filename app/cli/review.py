"""`review`: documents × questions over a case, from a columns file or a built-in column set.

    review --case NAME --columns FILE.json [--rows documents|families] [--scope document|case]
           [--out FILE.xlsx|.csv|.docx] [--json]
    review --case NAME --set privilege ...          a built-in column set (or one saved in the vault)
    review --case NAME --columns FILE --save-set NAME ...   keep the file's columns as a set too
    review --case NAME --resume ID                  answer the cells a stopped review is missing
    review --case NAME --list                       the case's reviews
    review --case NAME --show ID [--out FILE]       a review's table (and export it)
    review --case NAME --edit ID --cell ROW,COL --value TEXT   the user's own value for a cell
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import cases
from app.cli.output import add_model_choice, add_review_set_choice, emit_json, plural, reading_choice
from app.errors import UserFacingError
from app.models import model_session
from app.reviews.cells import MARKS
from app.reviews.column_sets import column_set, save_column_set, set_names
from app.reviews.columns import read_columns_file
from app.reviews.export import cell_value, export_review, sources_text
from app.reviews.run import (
    CellProgress,
    create_review,
    edit_cell,
    find_review,
    list_reviews,
    review_cells,
    run_review,
)
from app.safe_text import shown
from app.unlock import open_vault
from storage.records import CaseRecord, ReviewRecord
from storage.vault import Vault


def register(commands) -> None:
    review = commands.add_parser("review", help="documents × questions, every cell cited and checked",
                                 description=__doc__.split("\n\n", 1)[1])
    review.add_argument("--case", required=True)
    what = review.add_mutually_exclusive_group(required=True)
    what.add_argument("--columns", type=Path, metavar="FILE.json",
                      help='[{"title": "Author", "question": "Who wrote this document?", '
                           '"type": "text"}, …]; types: text, date, amount, yesno, list, '
                           'choice (with "choices")')
    what.add_argument("--set", metavar="NAME", help="a built-in column set: contract, privilege, medical, "
                                                    "correspondence (or one saved in the vault)")
    what.add_argument("--resume", type=int, metavar="ID", help="answer the missing cells of review ID")
    what.add_argument("--list", action="store_true", help="the case's reviews")
    what.add_argument("--show", type=int, metavar="ID", help="print review ID (and export it with --out)")
    what.add_argument("--edit", type=int, metavar="ID",
                      help="set one cell of review ID (with --cell, --value)")
    review.add_argument("--save-set", metavar="NAME",
                        help="with --columns: also keep these columns in the vault as the set NAME")
    add_review_set_choice(review)
    review.add_argument("--title", help="the review's name (default: the column set's or the file's)")
    review.add_argument("--rows", choices=("documents", "families"), default="documents",
                        help="one row per document, or per production family (an e-mail and its attachments)")
    review.add_argument("--scope", choices=("document", "case"), default="document",
                        help="each cell reads its row's documents only (fast), or the whole case")
    review.add_argument("--cell", metavar="ROW,COL", help="with --edit: the cell, counted from 1")
    review.add_argument("--value", help="with --edit: the value to keep")
    add_model_choice(review)
    review.add_argument("--max-tokens", type=int, default=96, help="longest answer per cell, in tokens")
    review.add_argument("--out", type=Path, metavar="FILE", help="also export it (.xlsx, .csv, .docx)")
    review.add_argument("--json", action="store_true")
    review.set_defaults(handler=cmd_review)


def cmd_review(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    if args.list:
        return _list(vault, case, args.json)
    if args.edit is not None:
        review = _edit(vault, case, args)
    elif args.show is not None:
        review = find_review(vault, case, args.show)
    else:
        review = _run(vault, case, args)
    return _report(vault, case, review, args)


def _run(vault: Vault, case: CaseRecord, args: argparse.Namespace) -> ReviewRecord:
    session = model_session(vault, args.model)

    def progress(step: CellProgress) -> None:
        if sys.stderr.isatty():
            print(f"\r[{step.done}/{step.todo}] cells answered\033[K", end="", file=sys.stderr, flush=True)

    try:
        if args.resume is not None:
            review_id = args.resume
        else:
            if args.columns is not None:
                title, columns = args.columns.stem.replace("_", " "), read_columns_file(args.columns)
                if args.save_set:
                    save_column_set(vault, args.save_set, args.title or title, columns)
            else:
                title, columns = column_set(vault, args.set)
            exclude, review_set = reading_choice(vault, case, args)
            review_id = create_review(vault, case, args.title or title, columns, session, row_unit=args.rows,
                                      scope=args.scope, exclude=exclude, review_set=review_set).id
            if not args.json:
                print(f"Review {review_id} made; answering its cells (resume with `review --case "
                      f"{shown(repr(case.name))} --resume {review_id}` if it stops).", file=sys.stderr)
        return run_review(vault, case, review_id, session, max_new_tokens=args.max_tokens, on_cell=progress)
    finally:
        session.close()
        if sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr)


def _edit(vault: Vault, case: CaseRecord, args: argparse.Namespace) -> ReviewRecord:
    if not args.cell or args.value is None:
        raise UserFacingError("--edit needs --cell ROW,COL and --value TEXT.")
    try:
        row, column = (int(part) - 1 for part in args.cell.split(","))
    except ValueError:
        raise UserFacingError("--cell is ROW,COL, counted from 1 (e.g. 3,2).") from None
    edit_cell(vault, case, args.edit, row, column, args.value)
    return find_review(vault, case, args.edit)


def _list(vault: Vault, case: CaseRecord, as_json: bool) -> int:
    found = list_reviews(vault, case)
    if as_json:
        emit_json({"reviews": [{"id": r.id, "title": r.title, "status": r.status, "rows": len(r.rows),
                                "columns": len(r.columns), "scope": r.scope, "created_at": r.created_at}
                               for r in found]})
        return 0
    name = shown(case.name)
    print(f"Reviews of “{name}”:" if found else f"No reviews of “{name}” yet.")
    for r in found:
        print(f"  {r.id:>4}  {r.created_at[:16]}  {r.status:<8}  {len(r.rows)} × {len(r.columns)}  "
              f"{shown(r.title)}")
    print(f"Column sets: {shown(', '.join(set_names(vault)))}")
    return 0


def review_json(review: ReviewRecord, cells) -> dict:
    return {"review_id": review.id, "title": review.title, "status": review.status, "scope": review.scope,
            "row_unit": review.row_unit, "model": review.model_id, "weights_sha256": review.weights_sha256,
            "manifest": review.manifest, "error": review.error, "columns": list(review.columns),
            "rows": [r["label"] for r in review.rows],
            "cells": [{"row": c.row, "column": c.column, "value": c.value, "detail": c.detail,
                       "citations": list(c.citations), "check": c.check, "note": c.note, "edited": c.edited}
                      for c in cells]}


def _report(vault: Vault, case: CaseRecord, review: ReviewRecord, args: argparse.Namespace) -> int:
    cells = review_cells(vault, review)
    exported = export_review(vault, case, review.id, args.out) if args.out else None
    if args.json:
        emit_json(review_json(review, cells) | ({"exported": str(exported.path)} if exported else {}))
        return 0
    by_place = {(c.row, c.column): c for c in cells}
    print(f"{shown(review.title)} (review {review.id}, {review.status}): {plural(len(review.rows), 'row')} × "
          f"{plural(len(review.columns), 'column')}, {len(cells)} of {review.cell_count} cells answered")
    for r, row in enumerate(review.rows):
        print(f"{r + 1:>3}. {shown(row['label'])}")  # a document's name or Bates range
        for c, column in enumerate(review.columns):
            cell = by_place.get((r, c))
            if cell is None:
                print(f"       {shown(column['title'])}: (not answered yet)")
                continue
            source = sources_text(cell) or "no citation"
            print("       " + shown(f"{column['title']}: {cell_value(cell)}  [{source}] {MARKS[cell.check]} "
                                    f"{cell.note}"))
    checks = [c.check for c in cells]
    print(f"\n{checks.count('verified')} verified on the cited page, "
          f"{checks.count('differs')} differ from it, "
          f"{sum(c in ('not_on_page', 'unknown_source', 'uncited', 'failed') for c in checks)} not verified, "
          f"uncited or not answered.")
    if review.error:
        print(f"Stopped: {shown(review.error)}")
    if exported:
        print(f"Exported to {shown(exported.path)} ({exported.format}, sha256 {exported.sha256[:16]}…)")
    return 0
