"""The privilege log drafted over a production: one row per document with its load-file metadata
and the model's draft claim and basis, families kept together, every row marked a draft."""

import re

from app import cases
from app.ingest import ingest_paths
from app.tasks.run import run_task
from assets.production.make_production import make_production
from tests.fixtures.fake_backend import FakeBackend, fake_session


def _drafts(messages) -> str:
    """Counsel's letters and memos are privileged; the rest are not (as a reviewer would draft)."""
    prompt = messages[-1]["content"]
    short_id = re.search(r"document (D\d+)", prompt).group(1)
    counsel = re.search(rf'<document id="{short_id}"[^>]*>(.*?)</document>', prompt, re.S)
    if counsel and "Pell & Quarry" in counsel.group(1):
        return f"attorney-client | advice from counsel, Pell & Quarry LLP [{short_id} p1]"
    return f"none | ordinary business record [{short_id} p1]"


def test_the_draft_log_lists_each_document_with_its_family_and_is_marked_a_draft(vault, tmp_path,
                                                                                 embedded_model):
    case = cases.create_case(vault, "Bellwether production")
    ingest_paths(vault, case, [make_production(tmp_path / "production")])
    task = run_task(vault, case, "privilege", fake_session(embedded_model, FakeBackend(_drafts)))
    rows = [row["fields"] for row in task.rows]
    assert len(rows) == len(cases.list_documents(vault, case))  # one row per document
    assert all(row["note"].startswith("draft — attorney review") for row in task.rows)
    claimed = [r for r in rows if r["privilege"] == "attorney-client"]
    assert claimed and all("Pell & Quarry" in r["basis"] for r in claimed)
    letter = next(r for r in claimed if r["type"] == "Letter")
    assert letter["author"] == "Ignatius Pell" and letter["date"] and letter["document"].startswith("ABC")
    family = [i for i, r in enumerate(rows) if r["family"]]
    assert len(family) == 3 and family == list(range(family[0], family[0] + 3))  # together, in order
    assert rows[family[0]]["document"] == rows[family[0]]["family"]  # the parent e-mail first
