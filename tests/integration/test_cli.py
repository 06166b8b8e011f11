"""The stable command line, end to end, as a new user runs it: real vault, worker and model."""

import json

import pytest

from app.answer.memory_plan import cpu_dtype_bytes
from assets.demo.make_demo_pdfs import FACTS
from storage.vault import DB_NAME
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def test_ingest_then_ask_gives_a_real_answer_from_page_two(embedded_model, demo_dir, casefile_home):
    ingest = run_cli("ingest", "--case", "Demo", str(demo_dir), "--json")
    assert ingest.returncode == 0, ingest.stderr
    files = json.loads(ingest.stdout)["files"]
    assert [f["status"] for f in files] == ["ingested"] * 3
    assert set(files[0]) >= {"path", "status", "pages", "warnings", "reason"}

    asked = run_cli("ask", "--case", "Demo", FACTS["price_question"])
    assert asked.returncode == 0, asked.stderr
    assert FACTS["price_answer"] in asked.stdout
    assert "manifest" in asked.stdout

    as_json = json.loads(run_cli("ask", "--case", "Demo", FACTS["price_question"], "--json").stdout)
    assert FACTS["price_answer"] in as_json["answer"]
    assert as_json["model"] == embedded_model.model_id
    assert len(as_json["manifest"]) == 64
    assert set(as_json["timings"]) == {"prefill_tokens", "ttft_s", "decode_tokens_per_s", "prefix_source",
                                       "kernels"}
    assert "weights" in as_json["timings"]["kernels"]  # provenance: what computed the answer
    # A new process: the documents' prefix comes from the sealed copy on disk, not a new prefill.
    assert as_json["timings"]["prefix_source"] == "disk"
    assert as_json["timings"]["prefill_tokens"] < 60

    question_canary = "Zebulon-Quagmire-7731"
    asked = run_cli("-v", "ask", "--case", "Demo", f"Does the {question_canary} clause apply?",
                    "--max-tokens", "8")
    assert asked.returncode == 0, asked.stderr
    assert "casefile.worker" in asked.stderr  # the worker's log is there, verbose...
    for canary in (question_canary, FACTS["canary"], "Northgate"):  # ...and holds no case text
        assert canary not in asked.stderr

    vault_bytes = (casefile_home / DB_NAME).read_bytes()
    assert not vault_bytes.startswith(b"SQLite format 3")
    files = [path for path in casefile_home.rglob("*") if path.is_file()]
    assert {p.name for p in files} >= {"vault.db", "vault.keys"}
    for path in files:  # vault, WAL, key slots, hub cache, logs: nothing in plaintext anywhere
        data = path.read_bytes()
        for canary in (FACTS["canary"], question_canary, "supply-agreement"):
            assert canary.encode() not in data, (canary, path)

    follow_up = run_cli("ask", "--case", "Demo", "And where is the warehouse?", "--json",
                        "--max-tokens", "12", "--session", str(as_json["session_id"]))
    assert follow_up.returncode == 0, follow_up.stderr
    assert json.loads(follow_up.stdout)["session_id"] == as_json["session_id"]
    elsewhere = run_cli("ask", "--case", "Demo", "Anything?", "--session", "999")
    assert elsewhere.returncode == 2 and "No chat 999" in elsewhere.stderr

    verify = run_cli("audit", "verify", "--json")
    assert verify.returncode == 0
    assert json.loads(verify.stdout)["ok"] is True

    assert len(list((casefile_home / "prefix-cache").glob("*.kv"))) == 1  # one case, one document set
    assert run_cli("cases", "delete", "Demo", "--yes").returncode == 0
    assert list((casefile_home / "prefix-cache").glob("*.kv")) == []  # gone with the case


def test_plan_reports_tokens_pages_memory_and_manifest(embedded_model, demo_dir):
    run_cli("ingest", "--case", "Demo", str(demo_dir))
    plan = json.loads(run_cli("plan", "--case", "Demo", "--json").stdout)
    assert plan["fits"] is True and plan["window"] == 8192
    assert 300 < plan["tokens_used"] < plan["window"]
    assert (plan["pages_in"], plan["pages_out"]) == (5, 0)
    assert [d["name"] for d in plan["documents"]] == sorted(d["name"] for d in plan["documents"])
    # SmolLM2-135M: fp32, or bf16 where the CPU has it (the worker's fast path)
    assert plan["memory"]["kv_bytes_per_token"] == 30 * 2 * 3 * 64 * cpu_dtype_bytes()
    assert len(plan["manifest"]) == 64


def test_errors_are_one_clear_line(embedded_model, demo_dir, monkeypatch):
    run_cli("ingest", "--case", "Demo", str(demo_dir))
    missing = run_cli("ask", "--case", "Nope", "anything")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "casefile: No case named “Nope”."

    monkeypatch.setenv("CASEFILE_PASSPHRASE", "wrong-passphrase")
    wrong = run_cli("plan", "--case", "Demo")
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "casefile: Wrong passphrase: the vault stays locked."


def test_rejected_files_are_reported_and_the_batch_goes_on(demo_dir, tmp_path):
    (tmp_path / "scan.tiff").write_bytes(b"II*\x00")
    result = run_cli("ingest", "--case", "Mixed", str(tmp_path / "scan.tiff"),
                     str(demo_dir / "supply-agreement.pdf"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rejected") and "Not a readable image" in lines[0]
    assert lines[1].startswith("ingested") and "(3 pages)" in lines[1]
    assert lines[-1].startswith("1 ingested, 0 duplicate, 1 rejected; 3 pages in ")


def test_audit_export_verify_and_case_deletion_through_the_cli(demo_dir, tmp_path, monkeypatch):
    assert run_cli("ingest", "--case", "Demo", str(demo_dir)).returncode == 0
    refused = run_cli("cases", "delete", "Demo")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    deleted = run_cli("cases", "delete", "Demo", "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert "3 documents, 5 pages" in deleted.stdout
    assert json.loads(run_cli("cases", "list", "--json").stdout) == []

    exported = run_cli("audit", "export", "--out", str(tmp_path / "export"))
    assert exported.returncode == 0, exported.stderr
    fingerprint = run_cli("audit", "key").stdout.strip()
    assert fingerprint in exported.stdout
    verified = run_cli("audit", "verify", "--export", str(tmp_path / "export"), "--fingerprint", fingerprint)
    assert verified.returncode == 0 and "verified" in verified.stdout
    actions = [json.loads(line)["action"] for line in (tmp_path / "export" / "audit.jsonl").open()]
    assert "case.delete" in actions and actions.count("doc.ingest") == 3

    (tmp_path / "export" / "audit.jsonl").write_text("", encoding="utf-8")
    broken = run_cli("audit", "verify", "--export", str(tmp_path / "export"))
    assert broken.returncode == 1 and "BROKEN" in broken.stdout


def test_passphrase_change_and_recovery_through_the_cli(monkeypatch):
    created = run_cli("cases", "list")
    recovery_key = [w for w in created.stderr.split() if w.count("-") == 12][0]
    monkeypatch.setenv("CASEFILE_NEW_PASSPHRASE", "second-passphrase")
    assert run_cli("vault", "passphrase").returncode == 0
    assert run_cli("cases", "list").returncode == 2  # the old passphrase no longer opens it
    monkeypatch.setenv("CASEFILE_PASSPHRASE", "second-passphrase")
    assert run_cli("cases", "list").returncode == 0

    monkeypatch.delenv("CASEFILE_PASSPHRASE")
    monkeypatch.setenv("CASEFILE_RECOVERY_KEY", recovery_key)
    monkeypatch.setenv("CASEFILE_NEW_PASSPHRASE", "third-passphrase")
    recovered = run_cli("vault", "recover")
    assert recovered.returncode == 0, recovered.stderr
    monkeypatch.delenv("CASEFILE_RECOVERY_KEY")
    monkeypatch.setenv("CASEFILE_PASSPHRASE", "third-passphrase")
    status = run_cli("vault", "status")
    assert "Unlock slots: passphrase, recovery" in status.stdout
    assert "OS keyring: none on this machine" in status.stdout
