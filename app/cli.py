"""The stable command line (see DESIGN.md): ingest, ask, plan, audit verify, models.

Each command prints plain lines for people, or one JSON document with ``--json`` for scripts.
Errors print one sentence on stderr and exit non-zero; details go to the log (``-v``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from app import cases
from app.context import build_context
from app.errors import AppError
from app.ingest import STATUS_REJECTED, ingest_paths
from app.model_session import ModelSession
from app.model_store import get_model, list_models, prepare_embedded
from app.planning import plan_context
from app.questions import ask
from app.unlock import open_vault

log = logging.getLogger("casefile")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile", description="Casefile: ask a whole case, get cited answers.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="add files or folders to a case")
    ingest.add_argument("--case", required=True, help="case name (created if new)")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--json", action="store_true")

    ask_cmd = commands.add_parser("ask", help="ask a question of a whole case")
    ask_cmd.add_argument("--case", required=True)
    ask_cmd.add_argument("question")
    ask_cmd.add_argument("--max-tokens", type=int, default=256, help="longest answer, in tokens")
    ask_cmd.add_argument("--json", action="store_true")

    plan = commands.add_parser("plan", help="tokens, pages and memory a case needs")
    plan.add_argument("--case", required=True)
    plan.add_argument("--json", action="store_true")

    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the audit chain")
    verify.add_argument("--json", action="store_true")

    models = commands.add_parser("models", help="the model store")
    model_commands = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = model_commands.add_parser("list", help="models ready to use")
    listing.add_argument("--json", action="store_true")
    model_commands.add_parser("prepare", help="convert the embedded model into the store (once)")
    return parser


def run(args: argparse.Namespace) -> int:
    handlers = {"ingest": cmd_ingest, "ask": cmd_ask, "plan": cmd_plan, "audit": cmd_audit,
                "models": cmd_models}
    try:
        return handlers[args.command](args)
    except AppError as exc:
        log.debug("command failed: %s", exc, exc_info=True)
        print(f"casefile: {exc.user_message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("casefile: stopped.", file=sys.stderr)
        return 130


def _pages(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


def _emit_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def cmd_ingest(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case, create=True)

    def show(outcome) -> None:
        if args.json:
            return
        detail = _pages(outcome.pages) if outcome.status != STATUS_REJECTED else outcome.reason
        if outcome.status == "duplicate":
            detail = outcome.reason
        print(f"{outcome.status:<9} {outcome.path}  ({detail})", flush=True)
        for warning in outcome.warnings:
            print(f"          warning: {warning}", flush=True)

    report = ingest_paths(vault, case, args.paths, on_outcome=show)
    if args.json:
        _emit_json({"case": case.name, "files": [o.as_json() for o in report.outcomes]})
    else:
        print(f"{report.count('ingested')} ingested, {report.count('duplicate')} duplicate, "
              f"{report.count(STATUS_REJECTED)} rejected.")
    return 1 if report.count(STATUS_REJECTED) else 0


def cmd_ask(args: argparse.Namespace) -> int:
    from inference.protocol import GenerationParams

    vault = open_vault()
    case = cases.open_case(vault, args.case)
    session = ModelSession(get_model())
    try:
        def stream(text: str) -> None:
            if not args.json:
                print(text, end="", flush=True)

        answer = ask(vault, case, args.question, session, on_token=stream,
                     params=GenerationParams(max_new_tokens=args.max_tokens))
    finally:
        session.close()
    if args.json:
        _emit_json(answer.as_json())
        return 0
    print()
    if answer.finish_reason == "length":
        print("(answer stopped at the length limit)")
    print("\nCitations:" if answer.citations else "\nCitations: none found in the answer.")
    for c in answer.citations:
        where = f"{c.short_id} {c.document or 'unknown document'}" + (f" p{c.page}" if c.page else "")
        check = {True: "verified", False: "NOT FOUND", None: ""}[c.verified]
        quote = f' "{c.quote}"' if c.quote else ""
        flag = "" if c.known else " (not in this case)"
        print(f"  [{where}]{flag}{quote} {check}".rstrip())
    t = answer.timings
    print(f"\n{answer.model_id} · manifest {answer.manifest[:12]} · {t.prefill_tokens} tokens read · "
          f"first token {t.ttft_s:.1f} s · {t.decode_tokens_per_s:.1f} tokens/s")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    model = get_model()
    plan = plan_context(build_context(cases.documents_with_pages(vault, case), model.model_id), model)
    if args.json:
        _emit_json(plan.as_json())
        return 0
    print(f"Case “{case.name}” on {plan.model_id}")
    for d in plan.documents:
        print(f"  {d.short_id:<4} {d.name:<40} {_pages(d.pages):>11} {d.tokens:>9,} tokens")
    verdict = "fits" if plan.fits else "DOES NOT FIT (nothing is cut; leave out documents)"
    print(f"Tokens: {plan.tokens_used:,} used + {plan.answer_reserve:,} for the answer "
          f"of a {plan.window:,}-token window: {verdict}")
    print(f"Pages: {plan.pages_in} in, {plan.pages_out} out")
    mem = plan.memory
    print(f"Memory: {mem['needed_bytes'] / 2**20:,.0f} MiB needed "
          f"({mem['weights_bytes'] / 2**20:,.0f} weights + {mem['kv_bytes'] / 2**20:,.0f} KV cache), "
          f"{mem['available_bytes'] / 2**20:,.0f} MiB available")
    print(f"Manifest: {plan.manifest}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    vault = open_vault()
    check = vault.verify_audit()
    if args.json:
        _emit_json(check.__dict__)
    elif check.ok:
        print(f"Audit chain intact: {check.events} events.")
    else:
        print(f"Audit chain BROKEN at event {check.first_broken_seq}: {check.reason} "
              f"({check.events} events before it check out).")
    return 0 if check.ok else 1


def cmd_models(args: argparse.Namespace) -> int:
    if args.models_command == "prepare":
        model = prepare_embedded()
        print(f"Ready: {model.model_id} in {model.path}")
        return 0
    models = list_models()
    if args.json:
        _emit_json([{"model": m.model_id, "path": str(m.path), "window": m.window,
                     "weights_sha256": m.weights_sha256, "license": m.license,
                     "size_bytes": m.size_bytes} for m in models])
    elif not models:
        print("No models ready. Run `python main.py models prepare` for the embedded model.")
    for m in [] if args.json else models:
        print(f"{m.model_id:<32} window {m.window:>9,}  {m.size_bytes / 2**20:>8,.0f} MiB  "
              f"{m.license:<12} {m.weights_sha256[:12]}")
    return 0
