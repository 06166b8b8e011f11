"""``cache list | clear | budget``: the kept document caches on disk, what they cost and save."""

from __future__ import annotations

import argparse
import time

from app import cache_admin, cases
from app.cli.output import emit_json, plural
from app.safe_text import shown
from app.unlock import open_vault

GIB = 2**30


def register(commands) -> None:
    cache = commands.add_parser("cache", help="kept document caches: what is kept, its size, clear it")
    actions = cache.add_subparsers(dest="cache_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each kept cache: case, size, last use, what it saves")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_cache_list)
    clear = actions.add_parser("clear", help="remove every kept cache, or one case's (--case)")
    clear.add_argument("--case", help="only this case's")
    clear.set_defaults(handler=cmd_cache_clear)
    budget = actions.add_parser("budget", help="show or set the disk the caches may use (0: automatic)")
    budget.add_argument("gib", nargs="?", type=float, help="GiB in total; each case may use half")
    budget.set_defaults(handler=cmd_cache_budget)


def _gib(size: int) -> str:
    return f"{size / GIB:,.2f} GiB" if size >= GIB / 10 else f"{size / 2**20:,.0f} MiB"


def _budget_line(budget) -> str:
    how = "automatic: a fifth of the free disk" if budget.automatic else "set by you"
    return f"Budget {_gib(budget.total)} in all, {_gib(budget.per_case)} per case ({how})."


def cmd_cache_list(args: argparse.Namespace) -> int:
    listing = cache_admin.listing(open_vault())
    if args.json:
        emit_json(listing.as_json())
        return 0
    for entry in listing.entries:
        used = time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.kept.last_used))
        saving = entry.saving.describe()
        print(f"{shown(entry.case_name or '(not a case of this vault)'):<32} {_gib(entry.kept.size):>10}  "
              f"used {used}{'  ' + saving if saving else ''}")
    print(f"{plural(len(listing.entries), 'kept cache')}, {_gib(listing.total)}. "
          f"{_budget_line(listing.budget)}")
    return 0


def cmd_cache_clear(args: argparse.Namespace) -> int:
    vault = open_vault()
    case = cases.open_case(vault, args.case) if args.case else None
    files, freed = cache_admin.clear(vault, case)
    whose = f" of “{shown(case.name)}”" if case else ""
    print(f"Removed {plural(files, 'kept cache')}{whose} ({_gib(freed)}). The next question reads the "
          "documents again.")
    return 0


def cmd_cache_budget(args: argparse.Namespace) -> int:
    vault = open_vault()
    budget = cache_admin.budget_for(vault) if args.gib is None else cache_admin.set_budget(vault, args.gib)
    print(_budget_line(budget))
    return 0
