"""The stable command line (see DESIGN.md): ingest, ask, plan, task, review, export, history, cases,
audit, vault, models.

Each command prints plain lines for people, or one JSON document with ``--json`` for scripts.
Errors print one sentence on stderr and exit 2; details go to the log (``-v``). The commands
themselves live in ``cli_case`` (case work), ``cli_tasks`` (tasks, exports, history), ``cli_review`` (review
tables) and
``cli_admin`` (audit, vault, models).
"""

from __future__ import annotations

import argparse
import logging
import sys

from app import cli_admin, cli_cache, cli_case, cli_review, cli_tasks
from app.errors import CASEFILE_ERRORS

log = logging.getLogger("casefile")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile", description="Casefile: ask a whole case, get cited answers.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cli_case.register(commands)
    cli_tasks.register(commands)
    cli_review.register(commands)
    cli_admin.register(commands)
    cli_cache.register(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except CASEFILE_ERRORS as exc:
        log.debug("command failed: %s", exc, exc_info=True)
        print(f"casefile: {exc.user_message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("casefile: stopped.", file=sys.stderr)
        return 130
