"""The medical chronology: encounters in date order from the model, and what the record itself
shows beside them — a gap in treatment longer than the threshold, and a study ordered whose
report is not in the set (the one whose report is there is not flagged)."""

from app import cases
from app.cases import documents_with_pages
from app.context import build_context
from app.ingest import ingest_paths
from app.tasks.run import run_task
from tests.fixtures import clinical
from tests.fixtures.fake_backend import FakeBackend, fake_session


def _line(date: str, doc: str, what: str, medication: str) -> str:
    return f"{date} | Dr. Amara Osei | Millbrook Family Clinic | {what} | {medication} | [{doc} p1]"


def test_the_medical_chronology_flags_the_gap_and_the_missing_mri(vault, tmp_path, embedded_model):
    case = cases.create_case(vault, "Pike")
    ingest_paths(vault, case, [clinical.write_records(tmp_path / "records")])
    ids = {d.record.name: d.short_id for d in build_context(documents_with_pages(vault, case), "m").documents}
    encounters = FakeBackend(["\n".join((  # out of order, as a model may write them
        _line("April 2, 2025", ids["visit-2025-04-02.pdf"], "pain worse", "naproxen stopped"),
        _line("January 10, 2025", ids["visit-2025-01-10.pdf"], "low back pain", "naproxen 500 mg started"),
        _line("January 24, 2025", ids["visit-2025-01-24.pdf"], "pain improving", "none")))])
    task = run_task(vault, case, "encounters", fake_session(embedded_model, encounters))
    order = [row["fields"]["date"] for row in task.rows]
    gaps = [row for row in task.rows if row["check"] == "gap"]
    assert len(gaps) == 1 and gaps[0]["fields"]["date"] == f"{clinical.GAP[0]} – {clinical.GAP[1]}"
    assert "68 days" in gaps[0]["fields"]["summary"]
    assert order.index("January 10, 2025") < order.index("January 24, 2025") < order.index(
        gaps[0]["fields"]["date"]) < order.index("April 2, 2025")
    missing = [row for row in task.rows if row["check"] == "missing record"]
    assert len(missing) == 1 and missing[0]["fields"]["summary"].startswith("MISSING RECORD: MRI")
    assert missing[0]["citations"][0]["id"] == ids["visit-2025-01-10.pdf"]  # where it was ordered
    assert task.params["gap_days"] == 30
    wider = run_task(vault, case, "encounters", fake_session(embedded_model, encounters), gap_days=90)
    assert not [row for row in wider.rows if row["check"] == "gap"]  # 68 days is no gap at 90
