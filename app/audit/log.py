"""The audit log as the window shows it: filtered, newest first, with case names."""

from __future__ import annotations

from dataclasses import dataclass

from storage import repositories as repo
from storage.audit import iter_events
from storage.vault import Vault

MAX_SHOWN = 5000  # the view is for reading; the export carries every event


@dataclass(frozen=True)
class AuditFilter:
    case_id: int | None = None
    action: str = ""  # prefix: "chat" matches chat.ask and chat.answer
    since: str = ""  # ISO date, inclusive
    until: str = ""  # ISO date, inclusive


@dataclass(frozen=True)
class AuditPage:
    events: list[dict]  # newest first
    total: int  # events in the log
    matched: int  # events the filter matched (more than shown when over MAX_SHOWN)
    case_names: dict[int, str]
    actions: list[str]


def audit_page(vault: Vault, wanted: AuditFilter = AuditFilter()) -> AuditPage:
    with vault.read() as session:
        events = list(iter_events(session))
        names = {case.id: case.name for case in repo.list_cases(session)}
    matched = [e for e in events
               if (wanted.case_id is None or e["case_id"] == wanted.case_id)
               and e["action"].startswith(wanted.action)
               and (not wanted.since or e["ts"][:10] >= wanted.since)
               and (not wanted.until or e["ts"][:10] <= wanted.until)]
    return AuditPage(matched[::-1][:MAX_SHOWN], len(events), len(matched), names,
                     sorted({e["action"] for e in events}))
