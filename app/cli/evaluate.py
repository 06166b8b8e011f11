"""`eval`: qualify a model on the generated suite; the report is JSON (and printed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import add_model_choice, emit_json
from app.errors import UserFacingError
from app.evaluation import (
    EVAL_ARMS,
    SIZES,
    TEMPLATES,
    parse_lengths,
    run_eval,
    verify_signed_report,
    write_signed_report,
)
from app.models import model_session
from app.safe_text import shown
from app.unlock import open_vault


def register(commands) -> None:
    evaluate = commands.add_parser("eval", help="measure a model's answers on a generated legal and "
                                                "clinical suite")
    evaluate.add_argument("--size", choices=list(SIZES), default="quick",
                          help="quick: one set, seven questions (about a minute); standard: nine sets; "
                               "full: twenty")
    evaluate.add_argument("--lengths", metavar="4k,8k,…",
                          help="case lengths in tokens to measure at (instead of the size's own), each "
                               "at the size's depths; up to the model's window")
    evaluate.add_argument("--resume", action="store_true",
                          help="continue the last stopped run of this model with the same options")
    add_model_choice(evaluate)
    evaluate.add_argument("--out", type=Path, metavar="DIR",
                          help="write the signed report there (report.json, report.sig, public_key.pem)")
    evaluate.add_argument("--verify", type=Path, metavar="DIR", help="check a signed report instead")
    evaluate.add_argument("--compare-templates", action="store_true",
                          help="run the suite once per prompt layout and compare them (nothing qualified)")
    evaluate.add_argument("--compare-styles", action="store_true",
                          help="run the suite for each answer style (free, quoted), its quotes checked "
                               "after and copied from the pages, and compare them (nothing qualified)")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(handler=cmd_eval)


def cmd_eval(args: argparse.Namespace) -> int:
    if args.verify is not None:
        check = verify_signed_report(args.verify)
        if args.json:
            emit_json({"ok": check.ok, "reason": check.reason, "signer_fingerprint": check.fingerprint})
        else:
            # The report may come from elsewhere: its reason can quote what it holds.
            print(f"Report signed by {shown(check.fingerprint)}: intact." if check.ok
                  else f"NOT VALID: {shown(check.reason)}")
        return 0 if check.ok else 1
    if args.out is not None and not args.out.is_dir():
        raise UserFacingError(f"The folder {args.out} does not exist.")
    try:
        lengths = parse_lengths(args.lengths) if args.lengths else ()
    except ValueError as bad:
        raise UserFacingError(f"--lengths: {bad}.") from None
    vault = open_vault()
    session = model_session(vault, args.model)
    try:
        def progress(result, done: int, total: int) -> None:
            if not args.json:
                print(f"{done}/{total} {result.family:<10} accuracy {result.score.accuracy:.2f}  "
                      f"{shown(result.question)}", flush=True)

        window = session.model.window
        if lengths and window and max(lengths) > window:
            raise UserFacingError(f"{session.model.model_id} reads at most {window:,} tokens; "
                                  f"{max(lengths):,} is longer. Measure at lengths up to its window.")
        if args.compare_templates:
            layouts = {template: {"template": template} for template in TEMPLATES}
            return _compare(vault, session, args, lengths, layouts, "templates")
        if args.compare_styles:
            arms = {f"{style}, {'copied' if copied else 'checked'}": {"style": style, "constrain": copied}
                    for style, copied in EVAL_ARMS}
            return _compare(vault, session, args, lengths, arms, "styles")
        report = run_eval(vault, session, size=args.size, lengths=lengths, resume=args.resume,
                          on_item=progress)
        backend = session.ready.device if session.ready else ""  # the device, or the site's server
    finally:
        session.close()
    data = report.as_json()
    if args.out is not None:
        write_signed_report(vault, report, args.out, backend=backend)
    if args.json:
        emit_json(data)
        return 0
    headline = data["headline"]
    print(f"\n{shown(report.model_id)} ({report.size}, {headline['items']} questions, "
          f"{report.seconds:.0f} s): "
          f"accuracy {headline['accuracy']}, citation precision {headline['citation_precision']}, "
          f"recall {headline['citation_recall']}, abstention {headline['abstention_accuracy']}, "
          f"verified quotes {headline['verified_quote_rate']}")
    for family, scores in data["families"].items():
        print(f"  {family:<10} accuracy {scores['accuracy']}  ({scores['items']} questions)")
    return 0


def _compare(vault, session, args: argparse.Namespace, lengths: tuple[int, ...], arms: dict[str, dict],
             key: str) -> int:
    """The same questions under each arm (a prompt layout, an answer style): which one this model
    answers best. With quotes copied from the pages, the made-up quote rate must be 0."""
    rows = {}
    for label, options in arms.items():
        report = run_eval(vault, session, size=args.size, lengths=lengths, **options)
        rows[label] = {**report.headline(), "seconds": round(report.seconds, 1),
                       "families": {name: f["accuracy"] for name, f in report.families().items()}}
    if args.json:
        emit_json({"model": session.model.model_id, "size": args.size, key: rows})
        return 0
    for label, row in rows.items():
        print(f"{label:<26} accuracy {row['accuracy']}  abstention {row['abstention_accuracy']}  "
              f"citation precision {row['citation_precision']}  quotes {row['quotes']}  "
              f"verified {row['verified_quote_rate']}  made up {row['made_up_quote_rate']}  "
              f"{row['seconds']} s")
    return 0
