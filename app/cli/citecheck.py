"""`citecheck`: every quotation of a brief that cites the record, checked against the record."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import cases
from app.answer import cite_check
from app.cli.output import emit_json, plural
from app.exports.files import export_citecheck
from app.safe_text import shown
from app.unlock import open_vault

MARKS = {"exact": "ok", "formatting": "ok", "ocr": "ok (OCR text)", "differs": "DIFFERS",
         "elsewhere": "WRONG PAGE", "not_found": "NOT FOUND", "not_in_case": "NOT IN CASE"}


def register(commands) -> None:
    check = commands.add_parser("citecheck", help="check a brief's quotations against the case's record")
    check.add_argument("--case", required=True)
    check.add_argument("brief", type=Path, metavar="FILE", help="the brief (.docx, .pdf, .txt) or a quote "
                                                             "file, one \"quote\" [D3 p2] per line")
    check.add_argument("--out", type=Path, metavar="REPORT.docx|.pdf", help="also write the report")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=cmd_citecheck)


def cmd_citecheck(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    result = cite_check(vault, case, args.brief)
    written = export_citecheck(vault, case, result, args.out) if args.out else None
    if args.json:
        emit_json({"brief": result.brief, "counts": result.counts(),
                   "quotes": [q.as_json() for q in result.quotes],
                   "report": str(written.path) if written else None})
        return 0
    for checked in result.quotes:
        mark, says = MARKS.get(checked.verdict, checked.verdict), checked.as_json()["says"]
        print(shown(f"{mark:<13} “{checked.quote}” — {checked.cite}: {says}"))  # the brief's words
    verified = sum(1 for q in result.quotes if q.citation.verified)
    print(f"\n{plural(len(result.quotes), 'quotation')} with a record citation: {verified} verified, "
          f"{len(result.quotes) - verified} not.")
    if written:
        print(f"Report: {shown(written.path)}")
    return 0
