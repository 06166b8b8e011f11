"""The app's paths through a model, driven by the scripted fake backend (no worker, no model
run): asking, staged passes, a task, a review, the user's Stop and a worker that dies. The real
vault, real ingest and the real tokenizer are used; what the model would say is scripted. The
same paths run with the real worker and model in test_worker, test_choices, test_tasks and
test_reviews."""

from __future__ import annotations

import json

import pytest

from app import cases
from app.answer.questions import ask
from app.errors import Cancelled, WorkerDied
from app.ingest import ingest_paths
from app.reviews.columns import ReviewColumn
from app.reviews.run import create_review, find_review, review_cells, run_review
from app.tasks.run import run_task
from storage.audit import iter_events
from tests.fixtures.documents import FILLER
from tests.fixtures.fake_backend import FakeBackend, fake_session


@pytest.fixture
def small_case(vault, tmp_path, embedded_model):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-contract.txt").write_text("Signed on March 4, 2021. The price of one box is $12.00.")
    (folder / "b-letter.txt").write_text("Dated April 2, 2021. Jane Roe writes to Acme Corp.")
    case = cases.create_case(vault, "Small")
    ingest_paths(vault, case, [folder])
    return case


def _actions(vault) -> list[str]:
    with vault.read() as session:
        return [e["action"] for e in iter_events(session)]


def test_ask_cites_checks_keeps_the_prefix_and_audits(vault, small_case, embedded_model):
    backend = FakeBackend(['The price is $12.00 ("The price of one box is $12.00") [D1 p1].'])
    answer = ask(vault, small_case, "What is the price of one box?", fake_session(embedded_model, backend))
    assert answer.citations[0].short_id == "D1" and answer.citations[0].verified is True
    messages, _params, prefix = backend.requests[0]
    assert prefix is not None and prefix.text in messages[-1]["content"]  # the documents are the kept prefix
    assert _actions(vault)[-3:] == ["chat.ask", "model.load", "chat.answer"]


def test_staged_passes_ask_each_part_then_combine(vault, tmp_path, embedded_model):
    folder = tmp_path / "big"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):  # ~3,000 tokens each: over the 8,192 window together
        (folder / name).write_text(f"{name} report.\n\n" + FILLER * 110)
    case = cases.create_case(vault, "Big")
    ingest_paths(vault, case, [folder])
    backend = FakeBackend(["Part answer [D1 p1].", "Part answer [D3 p1].", "Combined answer [D1 p1]."])
    answer = ask(vault, case, "What was inspected?", fake_session(embedded_model, backend), staged=True)
    assert answer.mode.kind == "staged" and answer.mode.passes == 2
    assert len(backend.requests) == 3 and answer.text.startswith("Combined answer")


def test_a_task_parses_and_checks_rows(vault, small_case, embedded_model):
    backend = FakeBackend(["March 4, 2021 | contract signed | [D1 p1]\n"
                           "April 2, 2021 | letter sent | [D1 p1]"])
    task = run_task(vault, small_case, "chronology", fake_session(embedded_model, backend))
    checks = {row["fields"]["date"]: row["check"] for row in task.rows}
    assert checks == {"March 4, 2021": "verified", "April 2, 2021": "not_on_page"}  # it is on D2, not D1


def test_stop_ends_a_task_and_a_review_as_cancelled(vault, small_case, embedded_model):
    with pytest.raises(Cancelled):
        run_task(vault, small_case, "summaries", fake_session(embedded_model, FakeBackend(cancel_on=1)))
    session = fake_session(embedded_model, FakeBackend(["March 4, 2021 [D1 p1]"], cancel_on=2))
    review = create_review(vault, small_case, "r", [ReviewColumn("Date", "When?", "date")], session)
    with pytest.raises(Cancelled):
        run_review(vault, small_case, review.id, session)
    assert find_review(vault, small_case, review.id).status == "stopped"
    assert [c.check for c in review_cells(vault, review)] == ["verified"]  # the cancelled cell is not kept
    assert "review.stop" in _actions(vault)


def test_a_dying_worker_is_audited_and_the_next_question_starts_a_new_one(vault, small_case, embedded_model):
    backend = FakeBackend(["$12.00 [D1 p1]"], die_on=1)
    session = fake_session(embedded_model, backend)
    with pytest.raises(WorkerDied):
        ask(vault, small_case, "What is the price of one box?", session)
    assert "worker.crash" in _actions(vault)
    answer = ask(vault, small_case, "What is the price of one box?", session)  # a fresh backend
    assert answer.text == "$12.00 [D1 p1]" and json.dumps(answer.as_json())


def test_an_answer_that_loops_is_stopped_and_says_so(vault, small_case, embedded_model):
    loop = "The price is $4.15 per box [D1 p1]. " + "The box is a box that is a box. " * 40
    backend = FakeBackend([loop])
    answer = ask(vault, small_case, "What is the price?", fake_session(embedded_model, backend))
    assert answer.finish_reason == "repetition"
    assert answer.text == "The price is $4.15 per box [D1 p1]. The box is a box that is a box."
    with vault.read() as session:
        answered = [e for e in iter_events(session) if e["action"] == "chat.answer"]
    assert answered[-1]["objects"]["finish_reason"] == "repetition"
