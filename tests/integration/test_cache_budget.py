"""Kept document caches on disk: held to a budget (per case and in total, least recently used out
first, never the run under way), listed with what they save, cleared, every removal audited.
Real vault, real files in the data folder; the sizes are small stand-ins for sealed caches."""

import json
import os
import time

import pytest

from app import cache_admin, cases, prefix_files
from app.settings import preferences
from storage import repositories as repo
from storage.audit import iter_events
from tests.conftest import run_cli

MIB = 2**20


def _kept(vault, case, manifest: str, mib: int, age_s: float) -> str:
    name = prefix_files.cache_id(vault, case.id, manifest)
    path = prefix_files.cache_dir() / f"{name}.kv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * (mib * MIB))
    used = time.time() - age_s
    os.utime(path, (used, used))
    return name


def _audited(vault, action: str) -> list[dict]:
    with vault.read() as session:
        return [event["objects"] for event in iter_events(session) if event["action"] == action]


def test_the_least_recently_used_go_first_per_case_and_in_total():
    def kept(name, case, mib, age):
        return prefix_files.KeptCache(name, case, mib * MIB, 1000.0 - age)

    caches = sorted([kept("a-new", 1, 4, 1), kept("a-old", 1, 4, 50), kept("b-new", 2, 3, 2),
                     kept("b-mid", 2, 3, 10), kept("c", 3, 2, 100)], key=lambda c: c.last_used, reverse=True)
    budget = prefix_files.Budget(total=8 * MIB, per_case=5 * MIB, automatic=False)
    out = [c.cache_id for c in prefix_files.over_budget(caches, budget, keep=set())]
    # each case's older copy is over its half; then the oldest until the rest fits 8 MiB
    assert out == ["c", "a-old", "b-mid"]
    assert "a-old" not in [c.cache_id for c in prefix_files.over_budget(caches, budget, keep={"a-old"})]


def test_the_automatic_budget_is_a_fifth_of_the_free_disk_within_bounds(casefile_home):
    budget = prefix_files.budget(0)
    assert budget.automatic and prefix_files.AUTO_MIN <= budget.total <= prefix_files.AUTO_MAX
    assert budget.per_case == budget.total // 2
    chosen = prefix_files.budget(2.5)
    assert not chosen.automatic and chosen.total == int(2.5 * 2**30)


def test_a_run_evicts_what_is_over_the_budget_and_says_so_in_the_audit_log(vault, monkeypatch):
    smith, jones = cases.create_case(vault, "Smith v Jones"), cases.create_case(vault, "Jones estate")
    old = _kept(vault, smith, "m-old", 3, age_s=3600)
    current = _kept(vault, jones, "m-now", 3, age_s=7200)  # oldest, but the run under way
    other = _kept(vault, jones, "m-other", 2, age_s=60)
    cache_admin.set_budget(vault, 0.5)  # 512 MiB: everything fits
    assert preferences(vault).cache_budget_gib == 0.5 and not _audited(vault, "cache.evict")

    # a budget (5 MiB, 2.5 per case) below what is kept (8 MiB), then a run on Jones: the run's
    # cache stays although it is the oldest; Jones's other copy is over its case's share, and
    # Smith's is the least recently used of the rest
    small = prefix_files.Budget(5 * MIB, 5 * MIB // 2, automatic=False)
    monkeypatch.setattr(prefix_files, "budget", lambda gib=0.0, held=0: small)
    freed = cache_admin.enforce(vault, keep={current}, case_id=jones.id)
    left = {k.cache_id for k in prefix_files.kept(vault, [smith.id, jones.id])}
    assert left == {current}
    assert freed == 5 * MIB
    assert _audited(vault, "cache.evict")[-1] == {"files": 2, "bytes": 5 * MIB,
                                                  "reason": "over the cache budget"}
    assert other not in left and old not in left


def test_cache_list_and_clear_from_the_command_line(vault):
    smith = cases.create_case(vault, "Smith v Jones")
    kept = _kept(vault, smith, "m1", 2, age_s=10)
    with vault.write() as session:  # two answers on record: a first read and a reopen
        chat = repo.create_chat_session(session, smith.id, "chat")
        for source, seconds in (("prefill", 26.0), ("disk", 0.8)):
            repo.add_message(session, chat.id, "assistant", source,
                             timings={"prefix_source": source, "ttft_s": seconds})
    vault.lock()

    listed = run_cli("cache", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    report = json.loads(listed.stdout)
    assert report["caches"][0]["cache_id"] == kept and report["caches"][0]["case"] == "Smith v Jones"
    assert report["caches"][0]["saves"] == "reopens in 0.8 s instead of 26 s"
    assert report["total_bytes"] == 2 * MIB and report["budget"]["automatic"]
    human = run_cli("cache", "list")
    assert "Smith v Jones" in human.stdout and "1 kept cache" in human.stdout

    cleared = run_cli("cache", "clear", "--case", "Smith v Jones")
    assert cleared.returncode == 0 and "Removed 1 kept cache" in cleared.stdout
    assert not any(prefix_files.cache_dir().glob("*.kv"))
    refused = run_cli("cache", "budget", "0.05")
    assert refused.returncode != 0 and "at least 0.1 GiB" in (refused.stdout + refused.stderr)
    assert "set by you" in run_cli("cache", "budget", "4").stdout


@pytest.mark.parametrize("age_s, stays", [(10, True), (2 * prefix_files.STALE_PARTIAL_S, False)])
def test_a_half_written_copy_is_dropped_only_once_it_is_stale(casefile_home, age_s, stays):
    partial = prefix_files.cache_dir() / "abc-m.partial"
    partial.parent.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(b"x")
    os.utime(partial, (time.time() - age_s,) * 2)
    prefix_files.drop_stale_partials()
    assert partial.exists() == stays
