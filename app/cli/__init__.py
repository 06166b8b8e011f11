"""The stable command line (see DESIGN.md): ingest, ask, plan, pages, citecheck, task, review, export,
history, cases, audit, vault, models.

Each command prints plain lines for people, or one JSON document with ``--json`` for scripts.
Errors print one sentence on stderr and exit 2; details go to the log (``-v``). The commands
themselves live in ``case`` (case work), ``pages`` (what was read on each page), ``citecheck``, ``tasks``
(tasks, exports, history), ``review`` (review tables), ``admin`` (audit, vault, models) and
``cache`` (kept document caches), ``evaluate`` (qualifying a model); ``output`` holds what they
share.
"""

from __future__ import annotations

import argparse
import logging
import sys

from app.cli import admin, cache, case, citecheck, evaluate, pages, review, search, sets, tasks
from app.errors import CASEFILE_ERRORS
from app.safe_text import shown

log = logging.getLogger("casefile")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile", description="Casefile: ask a whole case, get cited answers.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    case.register(commands)
    pages.register(commands)
    search.register(commands)
    sets.register(commands)
    citecheck.register(commands)
    tasks.register(commands)
    review.register(commands)
    admin.register(commands)
    evaluate.register(commands)
    cache.register(commands)
    return parser


def run(args: argparse.Namespace) -> int:
    try:
        return args.handler(args)
    except CASEFILE_ERRORS as exc:
        log.debug("command failed: %s", exc, exc_info=True)
        print(f"casefile: {shown(exc.user_message)}", file=sys.stderr)  # it may quote a file's name
        return 2
    except KeyboardInterrupt:
        print("casefile: stopped.", file=sys.stderr)
        return 130
