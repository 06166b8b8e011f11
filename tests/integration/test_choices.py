"""A set larger than the embedded model's 8K window: refused with numbers, then answered by the
user's choice — documents left out, or staged passes — and the answer says which."""

import json

import pytest

from tests.conftest import run_cli
from tests.fixtures.documents import write_over_the_window

pytestmark = pytest.mark.slow

@pytest.fixture
def big_case(tmp_path, embedded_model):
    folder = write_over_the_window(tmp_path / "big-case")
    assert run_cli("ingest", "--case", "Big", str(folder)).returncode == 0
    return folder


def test_too_large_is_refused_with_numbers_and_choices(big_case):
    plan = json.loads(run_cli("plan", "--case", "Big", "--json").stdout)
    assert plan["fits"] is False and plan["tokens_used"] > plan["window"] == 8192
    refused = run_cli("ask", "--case", "Big", "What is the forklift serial number?")
    assert refused.returncode == 2
    for words in ("Nothing was cut", "--staged", "--exclude"):
        assert words in refused.stderr
    history = json.loads(run_cli("history", "--case", "Big", "--json").stdout)
    assert history["chats"] == []  # a refused question leaves no empty chat behind


def test_leaving_out_a_document_is_said_in_the_answer(big_case):
    asked = run_cli("ask", "--case", "Big", "What is the forklift serial number?", "--exclude", "D3",
                    "--json", "--max-tokens", "24")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["mode"]["kind"] == "partial" and answer["mode"]["left_out"] == ["D3"]
    assert "without D3" in answer["mode"]["label"]


def test_staged_passes_answer_and_are_labelled(big_case):
    assert run_cli("cache", "budget", "0.1").returncode == 0  # 50 MiB a case: one pass's copy is more
    asked = run_cli("ask", "--case", "Big", "What is the forklift serial number?", "--staged", "--json",
                    "--max-tokens", "24", timeout=600)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["mode"]["kind"] == "staged" and answer["mode"]["passes"] == 2
    assert answer["mode"]["label"].startswith("answered in 2 passes over 3 pages")
    assert answer["timings"]["prefix_source"] == "staged"
    assert answer["answer"].strip()
    # the staged passes kept only what fits: the first pass's copy went before the second pass
    kept = json.loads(run_cli("cache", "list", "--json").stdout)["caches"]
    assert len(kept) == 1 and kept[0]["case"] == "Big"


def test_a_task_over_the_window_is_refused_then_runs_in_staged_passes(big_case):
    refused = run_cli("task", "--case", "Big", "people")
    assert refused.returncode == 2 and "Nothing was cut" in refused.stderr
    done = run_cli("task", "--case", "Big", "people", "--staged", "--json", "--max-tokens", "24", timeout=600)
    assert done.returncode == 0, done.stderr
    task = json.loads(done.stdout)
    assert task["status"] == "done" and task["mode"]["kind"] == "staged" and task["mode"]["passes"] == 2
    history = json.loads(run_cli("history", "--case", "Big", "--json").stdout)
    assert [t["status"] for t in history["tasks"]] == ["failed", "done"]
    assert "Nothing was cut" in history["tasks"][0]["error"]
