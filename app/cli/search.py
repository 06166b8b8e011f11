"""`search`: every page of a case searched for words, phrases and fields (app/search)."""

from __future__ import annotations

import argparse

from app import cases
from app.cli.output import emit_json, plural
from app.safe_text import shown
from app.search import DEFAULT_LIMIT, search
from app.unlock import open_vault

SNIPPET_CHARS = 400  # a passage is ~25 words; a page of one endless "word" must not flood the terminal


def register(commands) -> None:
    found = commands.add_parser("search", help="search every page of a case: words, \"phrases\", AND/OR/NOT, "
                                               "w/N, fields (custodian:, date:, bates: ...)")
    found.add_argument("--case", required=True)
    found.add_argument("query", help='e.g. indemn* w/10 "third party" custodian:Park date:2024')
    found.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                       help=f"show at most N pages (default {DEFAULT_LIMIT}); the totals count them all")
    found.add_argument("--json", action="store_true")
    found.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    result = search(vault, case, args.query, limit=args.limit)
    if args.json:
        emit_json({"case": case.name, **result.as_json()})
        return 0
    for hit in result.hits:
        where = f"{hit.short_id} p{hit.page}" + (f" [{hit.bates}]" if hit.bates else "")
        # The name, label and passage come from the files: shown escaped; the markers are ours.
        print(f"{shown(where)}  {shown(hit.document, 80)}")
        print("    " + hit.marked(escape=lambda text: shown(text, SNIPPET_CHARS)))
    shown_count = f" (showing the best {len(result.hits):,}: --limit N for more)" if result.truncated else ""
    print(f"{plural(result.pages, 'page')} in {plural(result.documents, 'document')}{shown_count}, "
          f"{result.ms:,} ms.")
    return 0
