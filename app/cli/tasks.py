"""Commands on a case's results: run a document task, export a chat or task, list past work."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import cases
from app.case_overview import chat_summaries
from app.cli.output import add_model_choice, add_reading_choices, emit_json, plural, reading_choice
from app.exports.files import export_chat, export_task
from app.exports.report import citation_text
from app.models import model_session
from app.safe_text import shown
from app.tasks.run import TaskProgress, run_task
from app.tasks.templates import TEMPLATES, template
from app.unlock import open_vault
from storage import repositories as repo
from storage.records import TaskRecord

CHECK_MARK = {"verified": "ok", "cited": "cited", "uncited": "NO CITATION", "not_on_page": "NOT VERIFIED",
              "unknown_source": "UNKNOWN SOURCE", "gap": "GAP IN TREATMENT",
              "missing record": "MISSING RECORD"}


def register(commands) -> None:
    kinds = ", ".join(f"{t.kind} ({t.description})" for t in TEMPLATES.values())
    task = commands.add_parser("task", help="run a document task over a whole case",
                               description=f"Tasks: {kinds}.")
    task.add_argument("--case", required=True)
    task.add_argument("kind", choices=list(TEMPLATES), metavar="KIND", help=kinds)
    add_reading_choices(task)
    add_model_choice(task)
    task.add_argument("--max-tokens", type=int, help="longest model output per prompt, in tokens")
    task.add_argument("--gap-days", type=int, default=30, metavar="N",
                      help="encounters: a gap in treatment longer than N days is flagged (default 30)")
    task.add_argument("--out", type=Path, metavar="FILE", help="also export the result (.csv, .docx, .pdf)")
    task.add_argument("--json", action="store_true")
    task.set_defaults(handler=cmd_task)

    export = commands.add_parser("export", help="export a chat (PDF/DOCX) or a task result (CSV/DOCX/PDF)")
    export.add_argument("--case", required=True)
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--chat", type=int, metavar="ID")
    which.add_argument("--task", type=int, metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_export)

    history = commands.add_parser("history", help="a case's chats and tasks, with their ids")
    history.add_argument("--case", required=True)
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=cmd_history)


def cmd_task(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    session = model_session(vault, args.model)

    def progress(p: TaskProgress) -> None:
        if sys.stderr.isatty() and p.steps > 1:
            print(f"\r[{p.step}/{p.steps}] prompts done\033[K", end="", file=sys.stderr, flush=True)

    try:
        exclude, review_set = reading_choice(vault, case, args)
        task = run_task(vault, case, args.kind, session, exclude=exclude, review_set=review_set,
                        staged=args.staged, max_new_tokens=args.max_tokens, on_progress=progress,
                        gap_days=args.gap_days)
    finally:
        session.close()
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    exported = export_task(vault, case, task.id, args.out) if args.out else None
    if args.json:
        emit_json(task_json(task) | ({"exported": str(exported.path)} if exported else {}))
        return 0
    print_task(task)
    if exported:
        print(f"Exported to {shown(exported.path)} ({exported.format}, sha256 {exported.sha256[:16]}…)")
    return 0


def task_json(task: TaskRecord) -> dict:
    return {"task_id": task.id, "kind": task.kind, "status": task.status, "rows": list(task.rows),
            "manifest": task.manifest, "model": task.model_id, "weights_sha256": task.weights_sha256,
            "mode": task.mode, "output": task.output, "error": task.error}


def print_task(task: TaskRecord) -> None:
    spec = template(task.kind)
    print(f"{spec.title} (task {task.id})")
    if task.mode.get("label"):
        print(f"({shown(task.mode['label'])})")
    if not task.rows:
        print("  No rows: the model's output held nothing this task could use.")
    for number, row in enumerate(task.rows, start=1):
        cells = " | ".join(row["fields"].get(c.key, "") for c in spec.columns)
        sources = "; ".join(citation_text(c) for c in row["citations"]) or "no citation"
        mark = CHECK_MARK.get(row["check"], row["check"].upper())
        # Cells, sources and notes hold document text, names and Bates numbers: one line each.
        print(f"{number:>3}. {shown(cells)}")
        print("     " + shown(f"[{sources}] {mark}: {row['note']}"))
    checks = [row["check"] for row in task.rows]
    print(f"\n{plural(len(checks), 'row')}: {checks.count('verified')} verified on the cited page, "
          f"{checks.count('cited')} cited (nothing to check), "
          f"{len(checks) - checks.count('verified') - checks.count('cited')} not verified or uncited.")
    print(f"{shown(task.model_id)} · manifest {(task.manifest or '')[:12]} · export with "
          f"`export --task {task.id} --out FILE.csv|.docx|.pdf`")


def cmd_export(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    done = (export_chat(vault, case, args.chat, args.out) if args.chat is not None
            else export_task(vault, case, args.task, args.out))
    if args.json:
        emit_json({"path": str(done.path), "format": done.format, "bytes": done.bytes, "sha256": done.sha256})
    else:
        print(f"Exported to {shown(done.path)} ({done.format}, {done.bytes:,} bytes, "
              f"sha256 {done.sha256[:16]}…)")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case)
    chats = chat_summaries(vault, case)[::-1]  # oldest first, as ids grow
    with vault.read() as session:
        tasks = repo.list_tasks(session, case.id)
    if args.json:
        emit_json({"chats": [c.__dict__ for c in chats],
                   "tasks": [{"id": t.id, "kind": t.kind, "status": t.status, "created_at": t.created_at,
                              "error": t.error} for t in tasks]})
        return 0
    print(f"Case “{shown(case.name)}”")
    print("Chats:" if chats else "Chats: none")
    for chat in chats:
        asked = plural(chat.questions, "question")
        print(f"  {chat.id:>4}  {chat.created_at[:16]}  {asked:>12}  {shown(chat.title)}")
    print("Tasks:" if tasks else "Tasks: none")
    for task in tasks:
        note = f"  ({shown(task.error)})" if task.error else ""
        print(f"  {task.id:>4}  {task.created_at[:16]}  {task.status:<9}  {task.kind}{note}")
    return 0
