"""Commands on case work: ingest, ask, plan, cases."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import cases
from app.answer import ask, plan_context
from app.cli.output import add_model_choice, add_reading_choices, emit_json, plural, reading_choice
from app.config import pdf_password
from app.context import build_context, is_bates_label, subset
from app.errors import UserFacingError
from app.extract.ocr import check_languages
from app.ingest import IngestProgress, IngestStatus, ingest_paths, refresh_page_tokens
from app.models import chosen_model, model_session
from app.safe_text import shown
from app.settings import ANSWER_STYLES, preferences
from app.unlock import open_vault
from inference.protocol import GenerationParams


def register(commands) -> None:
    ingest = commands.add_parser("ingest", help="add files or folders to a case")
    ingest.add_argument("--case", required=True, help="case name (created if new)")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--password", help="password for password-protected PDFs in this batch "
                                           "(or set CASEFILE_PDF_PASSWORD)")
    ingest.add_argument("--no-ocr", action="store_true", help="keep scanned pages unread (faster)")
    ingest.add_argument("--ocr-lang", metavar="eng+deu", help="Tesseract languages of the scanned pages "
                                                                "(default: the vault's preference, eng)")
    ingest.add_argument("--json", action="store_true")
    ingest.set_defaults(handler=cmd_ingest)

    ask_cmd = commands.add_parser("ask", help="ask a question of a whole case")
    ask_cmd.add_argument("--case", required=True)
    ask_cmd.add_argument("question")
    ask_cmd.add_argument("--max-tokens", type=int, default=256, help="longest answer, in tokens")
    ask_cmd.add_argument("--session", type=int, metavar="ID", help="continue this chat (its earlier "
                                                                   "questions and answers are read too)")
    ask_cmd.add_argument("--style", choices=ANSWER_STYLES,
                         help="quoted: the passages it relies on first, then the answer from them; free: "
                              "the answer alone (default: the vault's preference). On the local model, "
                              "quotes are copied from the pages in both")
    add_reading_choices(ask_cmd)
    add_model_choice(ask_cmd)
    ask_cmd.add_argument("--json", action="store_true")
    ask_cmd.set_defaults(handler=cmd_ask)

    plan = commands.add_parser("plan", help="tokens, pages and memory a case needs")
    plan.add_argument("--case", required=True)
    add_model_choice(plan)
    add_reading_choices(plan, staged=False)
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(handler=cmd_plan)

    case_cmd = commands.add_parser("cases", help="list or delete cases")
    actions = case_cmd.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every case with its document count")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_cases_list)
    delete = actions.add_parser("delete", help="delete a case and everything in it")
    delete.add_argument("name")
    delete.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    delete.set_defaults(handler=cmd_cases_delete)


def cmd_ingest(args: argparse.Namespace) -> int:
    vault = open_vault()
    language = check_languages(args.ocr_lang or preferences(vault).ocr_languages)  # before any change
    case = cases.open_case(vault, args.case, create=True)

    def show(outcome) -> None:
        if args.json:
            return
        detail = plural(outcome.pages, "page") if outcome.status != IngestStatus.REJECTED else outcome.reason
        if outcome.status == IngestStatus.DUPLICATE:
            detail = outcome.reason
        if sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr)
        # Names and reasons come from the files (and may quote them): never raw on a terminal.
        print(f"{outcome.status:<9} {shown(outcome.path)}  ({shown(detail)})", flush=True)
        for warning in outcome.warnings:
            print(f"          warning: {shown(warning)}", flush=True)

    def progress(p: IngestProgress) -> None:
        if sys.stderr.isatty():  # a live status line for people; never in logs or pipes
            eta = f", about {p.eta_s:.0f} s left" if p.eta_s else ""
            doing = "OCR" if p.phase == "ocr" else "reading"
            print(f"\r[{p.files_done}/{p.files_total}] {p.pages_done} pages, {p.pages_per_s:.0f} pages/s"
                  f"{eta} ({doing})\033[K", end="", file=sys.stderr, flush=True)

    password = args.password or pdf_password()
    report = ingest_paths(vault, case, args.paths, on_outcome=show, on_progress=progress,
                          password=password, ocr=not args.no_ocr,
                          ocr_language=language)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    if args.json:
        emit_json({"case": case.name, "files": [o.as_json() for o in report.outcomes],
                   "productions": [p.as_json() for p in report.productions], "cancelled": report.cancelled})
    else:
        for production in report.productions:
            for line in production.lines():  # a load file's values: each line stays one line
                print(shown(line))
        print(f"{report.count('ingested')} ingested, {report.count('duplicate')} duplicate, "
              f"{report.count(IngestStatus.REJECTED)} rejected; {plural(report.pages, 'page')} in "
              f"{report.seconds:.1f} s.")
    return 1 if report.count(IngestStatus.REJECTED) else 0


def cmd_ask(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    session = model_session(vault, args.model)
    try:
        def stream(text: str) -> None:
            if not args.json:  # the model may echo a document's control characters
                print(shown(text, keep_lines=True), end="", flush=True)

        exclude, review_set = reading_choice(vault, case, args)
        answer = ask(vault, case, args.question, session, on_token=stream,
                     params=GenerationParams(max_new_tokens=args.max_tokens), session_id=args.session,
                     exclude=exclude, staged=args.staged, review_set=review_set, style=args.style)
    finally:
        session.close()
    if args.json:
        emit_json(answer.as_json())
        return 0
    print()
    if answer.mode.label:
        print(f"({shown(answer.mode.label)})")
    if answer.mode.unsupported:
        print(shown(f"({answer.mode.unsupported_said})"))
    if answer.finish_reason == "length":
        print("(answer stopped at the length limit)")
    elif answer.finish_reason == "repetition":
        print("(answer stopped: the model repeated itself)")
    print("\nCitations:" if answer.citations else "\nCitations: none found in the answer.")
    if answer.located:
        found = ", ".join(f"{x.short_id} p{x.page} ({shown(x.term)})" for x in answer.located)
        print(f"  Not cited by the model; Casefile found its figures on: {found}")
    for c in answer.citations:
        where = f"{c.short_id} {c.document or 'unknown document'}" + (f" p{c.page}" if c.page else "")
        if c.known and is_bates_label(c.bates):
            where = f"{c.bates}: {where}"
        quote = f' "{c.quote}"' if c.quote else ""
        flag = "" if c.known else " (not in this case)"
        print(shown(f"  [{where}]{flag}{quote} {c.verdict}".rstrip()))
    t = answer.timings
    print(f"\n{answer.mode.style} answer · {answer.mode.quotes}")
    print(f"{shown(answer.model_id)} · manifest {answer.manifest[:12]} · {t.prefill_tokens} tokens read · "
          f"first token {t.ttft_s:.1f} s · {t.decode_tokens_per_s:.1f} tokens/s")
    print(f"Chat {answer.session_id}: ask a follow-up with --session {answer.session_id}")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    model = chosen_model(vault, args.model)
    documents = refresh_page_tokens(vault, cases.documents_with_pages(vault, case), model)
    context = build_context(documents, model.model_id)
    exclude, review_set = reading_choice(vault, case, args)
    if exclude:
        left_out = {d.upper() for d in exclude}
        context = subset(context, [d.short_id for d in context.documents if d.short_id not in left_out])
    plan = plan_context(context, model)
    if args.json:
        emit_json({**plan.as_json(), "review_set": review_set, "left_out": sorted(exclude)})
        return 0
    print(f"Case “{shown(case.name)}” on {shown(plan.model_id)}"
          + (f", review set “{shown(review_set)}”" if review_set else "")
          + (f", without {', '.join(exclude)}" if exclude and not review_set else ""))
    for d in plan.documents:
        family = f"  family {shown(d.family)}" if d.family else ""
        print(f"  {d.short_id:<4} {shown(d.name):<40} {plural(d.pages, 'page'):>11} {d.tokens:>9,} "
              f"tokens{family}")
    families: dict[str, tuple[str, list[str]]] = {}
    for d in plan.documents:
        if d.family_key:
            families.setdefault(d.family_key, (d.family or d.family_key, []))[1].append(d.short_id)
    if families:
        listed = "; ".join(f"{shown(name)}: {', '.join(ids)}" for name, ids in families.values())
        print(f"Families (an e-mail with its attachments, kept together and read in one pass): {listed}")
    verdict = "fits" if plan.fits else "DOES NOT FIT (nothing is cut; leave out documents)"
    print(f"Tokens: {plan.tokens_used:,} used + {plan.answer_reserve:,} for the answer "
          f"of a {plan.window:,}-token window: {verdict}")
    print(f"Pages: {plan.pages_in} in, {plan.pages_out} out")
    if plan.repeated_pages:
        repeated = shown(", ".join(f"{r.page} = {r.same_as}" for r in plan.repeated_pages[:5]))
        more = f" and {len(plan.repeated_pages) - 5} more" if len(plan.repeated_pages) > 5 else ""
        print(f"Repeated pages: {plural(len(plan.repeated_pages), 'page')} ({plan.repeated_tokens:,} tokens) "
              f"repeat text found earlier in the set and could be left out: {repeated}{more}")
    mem = plan.memory
    if mem is None:
        print("Memory: planned by the remote model server")
    else:
        fixed = (f" + {mem.linear_state_bytes / 2**20:,.0f} linear-attention state"
                 if mem.linear_state_bytes else "")
        print(f"Memory: {mem.needed_bytes / 2**20:,.0f} MiB needed ({mem.weights_bytes / 2**20:,.0f} "
              f"weights + {mem.kv_bytes / 2**20:,.0f} KV cache{fixed}), "
              f"{mem.available_bytes / 2**20:,.0f} MiB available: room for about "
              f"{mem.max_context_tokens:,} tokens{'' if plan.memory_fits else ' — DOES NOT FIT'}")
    if plan.rope_factor > 1:
        print(f"Window: YaRN x{plan.rope_factor:g} stretches the native {plan.native_window:,} tokens "
              "for this case")
    print(f"Manifest: {plan.manifest}")
    return 0


def cmd_cases_list(args: argparse.Namespace) -> int:
    vault = open_vault()
    rows = [(case, cases.list_documents(vault, case)) for case in cases.list_cases(vault)]
    if args.json:
        emit_json([{"name": c.name, "created_at": c.created_at, "documents": len(docs),
                    "pages": sum(d.page_count for d in docs)} for c, docs in rows])
        return 0
    if not rows:
        print("No cases yet. Add documents with `python main.py ingest --case NAME PATH...`.")
    for case, docs in rows:
        print(f"{shown(case.name):<40} {plural(len(docs), 'document'):>14} "
              f"{plural(sum(d.page_count for d in docs), 'page'):>12}  created {case.created_at[:10]}")
    return 0


def cmd_cases_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UserFacingError("Deleting a case removes its documents, pages and chats for good: "
                              "add --yes to confirm.")
    counts = cases.delete_case(open_vault(), args.name)
    print(f"Deleted “{shown(args.name)}”: {plural(counts['documents'], 'document')}, "
          f"{plural(counts['pages'], 'page')}, {plural(counts['messages'], 'message')}. "
          "The audit log keeps a record of the deletion.")
    return 0
