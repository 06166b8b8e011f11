"""`sets`: review sets — the documents of a case that matter, saved from a search or by hand, and
read by `ask`, `task`, `review` and `plan` with `--review-set NAME` (app/review_sets.py)."""

from __future__ import annotations

import argparse

from app import cases
from app.cli.output import document_ids, emit_json, plural
from app.review_sets import ReviewSet, delete_set, find_set, list_sets, save_from_search, save_selection
from app.safe_text import shown
from app.unlock import open_vault


def register(commands) -> None:
    sets = commands.add_parser("sets", help="review sets: save a search or a selection of documents, "
                                            "then ask, task, review or plan over it (--review-set NAME)")
    actions = sets.add_subparsers(dest="action", metavar="ACTION", required=True)
    save = actions.add_parser("save", help="save a search's documents, or chosen documents, as a set")
    save.add_argument("--case", required=True)
    save.add_argument("name")
    source = save.add_mutually_exclusive_group(required=True)
    source.add_argument("--query", help="every document this search finds (see `search`)")
    source.add_argument("--documents", metavar="D3,D7", help="these documents (ids as `plan` shows them)")
    save.add_argument("--json", action="store_true")
    save.set_defaults(handler=cmd_save)
    listed = actions.add_parser("list", help="the case's review sets")
    listed.add_argument("--case", required=True)
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(handler=cmd_list)
    show = actions.add_parser("show", help="one set's documents and the search it came from")
    show.add_argument("--case", required=True)
    show.add_argument("name")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    remove = actions.add_parser("delete", help="delete a set (its documents stay in the case)")
    remove.add_argument("--case", required=True)
    remove.add_argument("name")
    remove.set_defaults(handler=cmd_delete)


def _line(chosen: ReviewSet) -> str:
    source = f" from the search {shown(chosen.query, 80)}" if chosen.query else " (chosen by hand)"
    return f"“{shown(chosen.name)}”: {plural(len(chosen.documents), 'document')}{source}"


def cmd_save(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    chosen = (save_from_search(vault, case, args.name, args.query) if args.query is not None
              else save_selection(vault, case, args.name, document_ids(args.documents)))
    if args.json:
        emit_json(chosen.as_json())
    else:
        print(f"Saved {_line(chosen)}. Read it with --review-set {shown(repr(chosen.name))}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    vault = open_vault()
    found = list_sets(vault, cases.open_case(vault, args.case))
    if args.json:
        emit_json([s.as_json() for s in found])
    elif not found:
        print("No review sets in this case yet: `sets save --case NAME SET --query …` makes one.")
    for chosen in found if not args.json else ():
        print(_line(chosen))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    vault = open_vault()
    chosen = find_set(vault, cases.open_case(vault, args.case), args.name)
    if args.json:
        emit_json(chosen.as_json())
        return 0
    print(_line(chosen))
    print("  " + ", ".join(chosen.documents))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    vault = open_vault()
    delete_set(vault, cases.open_case(vault, args.case), args.name)
    print(f"Deleted the review set “{shown(args.name.strip())}”; its documents stay in the case.")
    return 0
