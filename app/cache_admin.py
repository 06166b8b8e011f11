"""What the user sees and does with the kept document caches: list (size, case, what each saves),
clear, and the budget enforced before every question and task. Each removal is audited."""

from __future__ import annotations

from dataclasses import dataclass, replace

from app import prefix_files
from app.errors import UserFacingError
from app.settings import preferences, set_preferences
from storage import repositories as repo
from storage.records import CaseRecord
from storage.vault import Vault


@dataclass(frozen=True)
class CaseSaving:
    """Measured on the case's own answers: a first read against a reopen from the kept copy."""

    read_s: float | None
    reopen_s: float | None

    def describe(self) -> str:
        if self.read_s and self.reopen_s:
            return f"reopens in {self.reopen_s:.1f} s instead of {self.read_s:.0f} s"
        if self.read_s:
            return f"saves reading the case again ({self.read_s:.0f} s last time)"
        return ""


@dataclass(frozen=True)
class CacheEntry:
    kept: prefix_files.KeptCache
    case_name: str  # "" when the case is not in this vault
    saving: CaseSaving

    def as_json(self) -> dict:
        return {**self.kept.as_json(), "case": self.case_name or None,
                "saves": self.saving.describe() or None}


@dataclass(frozen=True)
class CacheListing:
    entries: list[CacheEntry]
    budget: prefix_files.Budget

    @property
    def total(self) -> int:
        return sum(e.kept.size for e in self.entries)

    def as_json(self) -> dict:
        return {"budget": self.budget.as_json(), "total_bytes": self.total,
                "caches": [e.as_json() for e in self.entries]}


def _saving(vault: Vault, case_id: int) -> CaseSaving:
    latest: dict[str, float] = {}
    with vault.read() as session:
        for chat in repo.list_chat_sessions(session, case_id):
            for message in repo.list_messages(session, chat.id):
                source, ttft = message.timings.get("prefix_source"), message.timings.get("ttft_s")
                if message.role == "assistant" and source in ("prefill", "disk") and ttft:
                    latest[source] = float(ttft)  # in order: the last one wins
    return CaseSaving(latest.get("prefill"), latest.get("disk"))


def _cases(vault: Vault) -> dict[int, CaseRecord]:
    with vault.read() as session:
        return {case.id: case for case in repo.list_cases(session)}


def listing(vault: Vault) -> CacheListing:
    cases = _cases(vault)
    savings: dict[int, CaseSaving] = {}
    entries = []
    caches = prefix_files.kept(vault, list(cases))
    for kept in caches:
        case = cases.get(kept.case_id) if kept.case_id is not None else None
        if case is None:
            entries.append(CacheEntry(kept, "", CaseSaving(None, None)))
            continue
        if case.id not in savings:
            savings[case.id] = _saving(vault, case.id)
        entries.append(CacheEntry(kept, case.name, savings[case.id]))
    return CacheListing(entries, budget_for(vault, caches))


def budget_for(vault: Vault, caches: list[prefix_files.KeptCache] | None = None) -> prefix_files.Budget:
    """The budget in force; ``caches`` (what is kept now, if already listed) count as free disk."""
    if caches is None:
        caches = prefix_files.kept(vault, [])
    return prefix_files.budget(preferences(vault).cache_budget_gib, held=sum(c.size for c in caches))


def set_budget(vault: Vault, gib: float) -> prefix_files.Budget:
    """0 = automatic; otherwise at least 0.1 GiB. Applied at once."""
    if gib < 0 or 0 < gib < 0.1:
        raise UserFacingError("The cache budget is 0 (automatic) or at least 0.1 GiB.")
    set_preferences(vault, replace(preferences(vault), cache_budget_gib=float(gib)))
    enforce(vault)
    return budget_for(vault)


def clear(vault: Vault, case: CaseRecord | None = None) -> tuple[int, int]:
    """Remove every kept cache, or one case's; returns (files, bytes). Audited."""
    cases = _cases(vault)
    chosen = [k.cache_id for k in prefix_files.kept(vault, list(cases))
              if case is None or k.case_id == case.id]
    freed = prefix_files.remove(chosen)
    with vault.write() as session:
        vault.audit(session, "cache.clear", case_id=case.id if case else None,
                    objects={"files": len(chosen), "bytes": freed})
    return len(chosen), freed


def enforce(vault: Vault, keep: set[str] = frozenset(), case_id: int | None = None) -> int:
    """Hold the caches to the budget, least recently used out first; returns the bytes freed.
    An eviction is audited; nothing in ``keep`` (the run under way) is removed."""
    prefix_files.drop_stale_partials()
    prefix_files.touch(set(keep))
    caches = prefix_files.kept(vault, list(_cases(vault)))
    out = prefix_files.over_budget(caches, budget_for(vault, caches), set(keep))
    if not out:
        return 0
    freed = prefix_files.remove([c.cache_id for c in out])
    with vault.write() as session:
        vault.audit(session, "cache.evict", case_id=case_id,
                    objects={"files": len(out), "bytes": freed, "reason": "over the cache budget"})
    return freed
