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
    assert [i["family"] for i in report["items"]] == ["fact", "aggregate", "conflict", "absent", "medication",
                                                         "bates", "chronology"]
    assert all(0.0 <= i["accuracy"] <= 1.0 and i["answer"] for i in report["items"])
    assert report["headline"]["items"] == 7
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
    from app.settings import Preferences, set_preferences

    with vault.write() as session:  # a run that measured each length: the site's bar is applied on reading
        record(session, Qualification(embedded_model.model_id, embedded_model.weights_sha256, "standard",
                                      "2026-11-30T12:00:00+00:00", 0.8, 99_999, 0.8,
                                      ((200, 0.85), (99_999, 0.8))))
    assert "is longer than" not in case_view(vault, case, embedded_model)[1].advice
    set_preferences(vault, Preferences(qualifying_accuracy=0.85))
    assert "85%+ accuracy up to 200 tokens" in case_view(vault, case, embedded_model)[1].advice


def test_a_stopped_run_resumes_where_it_stopped_and_only_then_qualifies(vault, embedded_model):
    """Each scored question is kept as it is scored: the second sitting asks only the rest."""
    from app import cases
    from app.evaluation.run import run_eval, unfinished
    from tests.fixtures.fake_backend import FakeBackend, fake_session

    first = FakeBackend(["The documents do not say."])
    stopped = run_eval(vault, fake_session(embedded_model, first),
                       should_stop=lambda: len(first.requests) >= 3)
    assert stopped.cancelled and [r.place for r in stopped.results] == [(0, 0), (0, 1), (0, 2)]
    assert last_qualification(vault, embedded_model.model_id) is None  # a stopped run qualifies nothing
    left = unfinished(vault, embedded_model.model_id, embedded_model.weights_sha256)
    assert left is not None and left.status == "stopped"
    crashed = f"Qualification {left.started_at} · run {left.id} · set 1"
    cases.create_case(vault, crashed)  # as a sitting that crashed leaves it

    second, seen = FakeBackend(["The documents do not say."]), []
    resumed = run_eval(vault, fake_session(embedded_model, second), resume=True,
                       on_item=lambda result, done, total: seen.append((done, total)))
    assert len(second.requests) == 4 and seen == [(4, 7), (5, 7), (6, 7), (7, 7)]
    assert [r.place for r in resumed.results] == [(0, n) for n in range(7)] and not resumed.cancelled
    assert resumed.started == stopped.started and [r.as_json() for r in resumed.results[:3]] == [
        r.as_json() for r in stopped.results]
    absent = next(r for r in resumed.results if r.family == "absent")
    assert absent.score.accuracy == 1.0  # "do not say" is the right answer only there
    assert last_qualification(vault, embedded_model.model_id).accuracy == resumed.headline()["accuracy"]
    assert unfinished(vault, embedded_model.model_id, embedded_model.weights_sha256) is None
    assert cases.list_cases(vault) == []
    fresh = run_eval(vault, fake_session(embedded_model, FakeBackend(["No."])), resume=True)
    assert fresh.run_id != resumed.run_id == stopped.run_id and len(fresh.results) == 7  # a new run


def test_the_answer_styles_are_compared_on_the_same_questions(embedded_model):
    done = run_cli("eval", "--compare-styles", "--json")
    assert done.returncode == 0, done.stderr
    styles = json.loads(done.stdout)["styles"]
    assert list(styles) == ["free, checked", "quoted, checked", "free, copied", "quoted, copied"]
    assert all(row["items"] == 7 and 0.0 <= row["accuracy"] <= 1.0 for row in styles.values())
    for arm in ("free, copied", "quoted, copied"):  # copied from the pages: none made up, by construction
        assert styles[arm]["made_up_quote_rate"] in (None, 0.0)
        assert styles[arm]["verified_quote_rate"] in (None, 1.0)
    assert json.loads(run_cli("cases", "list", "--json").stdout) == []
