"""`pages`: what Casefile read on every page of a case, so a citation can be trusted."""

from __future__ import annotations

import argparse

from app import cases
from app.cli.output import emit_json, plural
from app.page_report import DocumentPages, page_report, status_counts
from app.safe_text import shown
from app.unlock import open_vault


def register(commands) -> None:
    pages = commands.add_parser("pages", help="each page of a case: status, source, OCR confidence, text")
    pages.add_argument("--case", required=True)
    pages.add_argument("--doc", metavar="D3", help="one document (ids as `plan` and citations show them)")
    pages.add_argument("--text", action="store_true", help="with each page's stored text")
    pages.add_argument("--json", action="store_true")
    pages.set_defaults(handler=cmd_pages)


def cmd_pages(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    report = page_report(vault, case, args.doc, with_text=args.text)
    if args.text:  # page text leaves the vault: recorded like an export
        with vault.write() as session:
            vault.audit(session, "pages.read", case_id=case.id,
                        objects={"document_ids": [d.document_id for d in report],
                                 "pages": sum(len(d.pages) for d in report)})
    if args.json:
        emit_json({"case": case.name, "counts": status_counts(p for d in report for p in d.pages),
                   "documents": [d.as_json() for d in report]})
        return 0
    for document in report:
        _print_document(document, args.text)
    return 0


def _print_document(document: DocumentPages, with_text: bool) -> None:
    counts = ", ".join(f"{n} {status}" for status, n in document.counts.items() if n)
    print(f"{document.short_id} {shown(document.name)}: {plural(len(document.pages), 'page')} ({counts})")
    for page in document.pages:
        where = f"p{page.number}" + (f" [{page.bates}]" if page.bates else "") + (
            f" (label {page.label})" if page.label and page.label != str(page.number) else "")
        confidence = f", OCR confidence {page.ocr_confidence:.0f}" if page.ocr_confidence is not None else ""
        source = f" from {page.source}" if page.source else ""
        # The Bates number, label, source and note come from the file or its load file.
        print(shown(f"  {where:<24} {page.status:<10} {plural(page.characters, 'character')}{source}"
                    f"{confidence}" + (f" — {page.note}" if page.note else "")))
        if with_text and page.text:
            print("    " + shown(page.text, keep_lines=True).replace("\n", "\n    "))
