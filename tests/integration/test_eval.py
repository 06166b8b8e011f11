"""`eval`: the quick qualification suite end to end with the embedded model, as a site runs it."""

import json

import pymupdf

from app.evaluation import last_qualification
from app.unlock import unlock_vault
from tests.conftest import TEST_PASSPHRASE, run_cli


def test_the_quick_suite_runs_scores_and_leaves_no_case_behind(embedded_model, tmp_path):
    done = run_cli("eval", "--json", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["model"] == embedded_model.model_id and report["weights_sha256"]
    assert [i["family"] for i in report["items"]] == ["fact", "aggregate", "conflict", "absent", "medication"]
    assert all(0.0 <= i["accuracy"] <= 1.0 and i["answer"] for i in report["items"])
    assert report["headline"]["items"] == 5
    assert set(report["families"]) == {i["family"] for i in report["items"]}
    signed = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert signed["headline"] == report["headline"] and signed["prompt_template"] and signed["backend"]
    assert run_cli("eval", "--verify", str(tmp_path)).returncode == 0
    with pymupdf.open(tmp_path / "report.pdf") as pdf:
        text = "".join(page.get_text() for page in pdf)
    assert "Accuracy by length and depth" in text and embedded_model.model_id in text
    body = (tmp_path / "report.json").read_bytes()
    (tmp_path / "report.json").write_bytes(body.replace(b'"size":"quick"', b'"size":"standard"'))
    tampered = run_cli("eval", "--verify", str(tmp_path))
    assert tampered.returncode == 1 and "NOT VALID" in tampered.stdout
    assert json.loads(run_cli("cases", "list", "--json").stdout) == []  # the suite's case is gone
    vault = unlock_vault(TEST_PASSPHRASE)
    kept = last_qualification(vault, embedded_model.model_id, embedded_model.weights_sha256)
    vault.lock()
    assert kept is not None and kept.size == "quick" and kept.accuracy == report["headline"]["accuracy"]
    verified = json.loads(run_cli("audit", "verify", "--json").stdout)
    assert verified["ok"]


def test_a_case_longer_than_the_model_qualified_for_is_flagged_by_the_gauge(vault, demo_dir, embedded_model):
    from app import cases
    from app.case_overview import case_view
    from app.evaluation.qualification import Qualification, record
    from app.ingest import ingest_paths

    case = cases.create_case(vault, "Demo")
    ingest_paths(vault, case, [demo_dir])
    _, gauge = case_view(vault, case, embedded_model)
    assert "qualified" not in gauge.advice  # never qualified: nothing to say
    with vault.write() as session:
        record(session, Qualification(embedded_model.model_id, embedded_model.weights_sha256, "standard",
                                      "2026-11-30T12:00:00+00:00", 0.9, 200))
    _, gauge = case_view(vault, case, embedded_model)
    assert "is longer than SmolLM2-135M-Instruct qualified for" in gauge.advice
    assert "80%+ accuracy up to 200 tokens" in gauge.advice  # the threshold, not the run's score
