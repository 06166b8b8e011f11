"""Review tables end to end with the real worker and the embedded model: built from the CLI and
exported to an XLSX that openpyxl reads back; resumed after the worker is killed mid-cell; a
cell edited and a column run again, each audited; a case larger than the window refused for the
case scope and answered row by row for the document scope, with a row too large marked, not cut."""

from __future__ import annotations

import contextlib
import json
import os
import signal

import openpyxl
import pytest

from app import cases
from app.errors import WorkerDied
from app.ingest import ingest_paths
from app.models.session import ModelSession
from app.reviews.cells import EDITED, FAILED
from app.reviews.columns import ReviewColumn
from app.reviews.export import export_review
from app.reviews.run import create_review, edit_cell, find_review, review_cells, run_review
from storage.audit import iter_events
from tests.conftest import run_cli
from tests.fixtures.documents import FILLER

pytestmark = pytest.mark.slow
COLUMNS = [{"title": "Date", "question": "What is the date of this document?", "type": "date"},
           {"title": "Price", "question": "What price does it give?", "type": "amount"}]
CHECKS = {"verified", "differs", "not_on_page", "unknown_source", "cited", "uncited", "not_stated", "failed"}


def _actions(tmp_path) -> list[dict]:
    out = tmp_path / "audit"
    assert run_cli("audit", "export", "--out", str(out)).returncode == 0
    return [json.loads(line) for line in (out / "audit.jsonl").read_text().splitlines()]


def test_a_review_builds_from_the_cli_and_exports_to_xlsx(demo_dir, embedded_model, tmp_path):
    assert run_cli("ingest", "--case", "Demo", str(demo_dir)).returncode == 0
    columns = tmp_path / "columns.json"
    columns.write_text(json.dumps(COLUMNS), encoding="utf-8")
    out = tmp_path / "review.xlsx"
    done = run_cli("review", "--case", "Demo", "--columns", str(columns), "--out", str(out), "--json",
                   "--max-tokens", "32")
    assert done.returncode == 0, done.stderr
    review = json.loads(done.stdout)
    assert review["status"] == "done" and len(review["rows"]) == 3 and len(review["cells"]) == 6
    assert all(c["check"] in CHECKS and c["note"] for c in review["cells"])

    book = openpyxl.load_workbook(out)
    sheet = book["Review"]
    facts = {row[0]: row[1] for row in sheet.iter_rows(max_col=2, values_only=True) if row[0]}
    assert facts["Case"] == "Demo" and review["manifest"] in facts["Manifest"]
    assert review["weights_sha256"] in facts["Model"]
    header = next(i for i, row in enumerate(sheet.iter_rows(values_only=True), start=1) if row[0] == "Row")
    assert [c.value for c in sheet[header]] == ["Row", "Date", "Date: source", "Date: check", "Price",
                                                "Price: source", "Price: check"]
    body = list(sheet.iter_rows(min_row=header + 1, values_only=True))
    assert [row[0] for row in body] == review["rows"]
    first = next(c for c in review["cells"] if c["row"] == 0 and c["column"] == 0)
    assert body[0][3].endswith(first["note"])  # the check, as stored
    if first["citations"]:
        assert first["citations"][0]["id"] in body[0][2]
    assert book["Columns"]["B2"].value == COLUMNS[0]["question"]

    listed = json.loads(run_cli("review", "--case", "Demo", "--list", "--json").stdout)["reviews"]
    assert [(r["id"], r["status"]) for r in listed] == [(review["review_id"], "done")]
    actions = [a["action"] for a in _actions(tmp_path)]
    assert actions.count("review.run") == 1 and actions.count("review.cell") == 6
    assert actions.count("review.done") == 1 and actions.count("export.review") == 1


@pytest.fixture
def demo_case(demo_dir, embedded_model, vault):
    case = cases.create_case(vault, "Demo")
    ingest_paths(vault, case, [demo_dir])
    return case


def test_a_review_resumes_after_the_worker_is_killed_mid_cell(demo_case, vault, embedded_model, tmp_path):
    session = ModelSession(embedded_model)
    columns = [ReviewColumn(c["title"], c["question"], c["type"]) for c in COLUMNS]
    review = create_review(vault, demo_case, "Demo review", columns, session)
    real, calls = session.generate, []

    def generate(messages, params, on_token=None, **kwargs):
        calls.append(1)
        if len(calls) != 3:
            return real(messages, params, on_token=on_token, **kwargs)

        def kill(_token):  # the third cell's first token: the worker dies while answering it
            if session.worker_pid:
                with contextlib.suppress(OSError):  # already dead: later tokens were in flight
                    os.kill(session.worker_pid, getattr(signal, "SIGKILL", signal.SIGTERM))
        return real(messages, params, on_token=kill, **kwargs)

    session.generate = generate
    try:
        with pytest.raises(WorkerDied):
            run_review(vault, demo_case, review.id, session, max_new_tokens=24)
        stopped = find_review(vault, demo_case, review.id)
        assert stopped.status == "stopped" and stopped.error
        before = {(c.row, c.column): c for c in review_cells(vault, stopped)}
        assert len(before) == 2  # stored the moment each was answered

        session.generate = real
        finished = run_review(vault, demo_case, review.id, session, max_new_tokens=24)
    finally:
        session.close()
    assert finished.status == "done"
    after = {(c.row, c.column): c for c in review_cells(vault, finished)}
    assert len(after) == 6
    assert all(after[key].finished_at == cell.finished_at for key, cell in before.items())  # not redone
    assert vault.verify_audit().ok


def test_edit_and_rerun_a_column_are_kept_and_audited(demo_case, vault, embedded_model, tmp_path):
    session = ModelSession(embedded_model)
    columns = [ReviewColumn(c["title"], c["question"], c["type"]) for c in COLUMNS]
    try:
        review = create_review(vault, demo_case, "Demo review", columns, session)
        run_review(vault, demo_case, review.id, session, max_new_tokens=24)
        edited = edit_cell(vault, demo_case, review.id, 1, 1, "$12.00 a box")
        assert edited.check == EDITED and edited.edited and edited.value == "$12.00 a box"
        first = {(c.row, c.column): c for c in review_cells(vault, review)}
        run_review(vault, demo_case, review.id, session, cells=[(0, 0), (1, 0), (2, 0)], max_new_tokens=24)
    finally:
        session.close()
    again = {(c.row, c.column): c for c in review_cells(vault, review)}
    assert again[(1, 1)].value == "$12.00 a box"  # the user's value survives a re-run of another column
    assert all(again[(r, 0)].finished_at >= first[(r, 0)].finished_at for r in range(3))
    out = export_review(vault, demo_case, review.id, tmp_path / "edited.csv")
    text = out.path.read_text(encoding="utf-8-sig")
    assert "$12.00 a box" in text and "edited by the user" in text
    with vault.read() as s:
        events = list(iter_events(s))
    edits = [e for e in events if e["action"] == "review.edit"]
    assert len(edits) == 1 and "12.00" not in json.dumps(edits[0]["objects"])  # ids and hashes only
    assert sum(e["action"] == "review.cell" for e in events) == 9




def test_over_the_window_the_case_scope_is_refused_and_a_huge_row_is_marked(tmp_path, embedded_model):
    folder = tmp_path / "big"
    folder.mkdir()
    for name, fact in {"a.txt": "The roof was repaired on June 3, 2024.",
                       "b.txt": "The night guard is named Priya Raman."}.items():
        (folder / name).write_text(f"{fact}\n\n" + FILLER * 110, encoding="utf-8")  # ~3,000 tokens each
    (folder / "c-huge.txt").write_text("Start.\n\n" + FILLER * 330, encoding="utf-8")  # > 8,192 alone
    assert run_cli("ingest", "--case", "Big", str(folder)).returncode == 0
    columns = tmp_path / "one.json"
    columns.write_text(json.dumps(COLUMNS[:1]), encoding="utf-8")
    refused = run_cli("review", "--case", "Big", "--columns", str(columns), "--scope", "case")
    assert refused.returncode == 2 and "Nothing was cut" in refused.stderr
    done = run_cli("review", "--case", "Big", "--columns", str(columns), "--json", "--max-tokens", "16",
                   timeout=900)
    assert done.returncode == 0, done.stderr
    cells = {c["row"]: c for c in json.loads(done.stdout)["cells"]}
    rows = json.loads(done.stdout)["rows"]
    huge = rows.index(next(r for r in rows if "c-huge" in r))
    assert cells[huge]["check"] == FAILED and "nothing was cut" in cells[huge]["note"]
    assert all(cells[r]["check"] != FAILED for r in range(len(rows)) if r != huge)
