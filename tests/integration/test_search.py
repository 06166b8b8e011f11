"""Search over a real vault (app/search, storage/search_repository.py, migration 0009): ingested
files and production-like documents with metadata and Bates labels; the index stays inside the
encryption, follows a case's delete, and every search is audited by counts only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from app import cases
from app.bates_lookup import find_bates
from app.errors import UserFacingError
from app.ingest import ingest_paths
from app.search import search
from storage import repositories as repo
from storage import search_repository as search_repo
from storage.records import NewDocument, PageRecord
from storage.schema import AuditEventRow
from tests.conftest import run_cli

CANARY = "Zqxvorpelant"  # a word no file of Casefile's holds, to look for on disk


def _production(session, case_id: int, name: str, labels: list[str], texts: list[str], **meta: str):
    pages = tuple(PageRecord(number=i + 1, text=body, label=label)
                  for i, (label, body) in enumerate(zip(labels, texts, strict=True)))
    return repo.add_document(session, case_id, NewDocument(
        sha256=f"sha-{name}", name=name, kind="production", size_bytes=1, pages=pages, metadata=meta))


@pytest.fixture
def case(vault, tmp_path):
    """Three ingested text files and three production documents (metadata, Bates labels)."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a-agreement.txt").write_text(
        "The supply agreement. The indemnity clause covers third party claims against the Café.\n"
        "Indemnity indemnity: the supplier shall indemnify the buyer.")
    (folder / "b-memo.txt").write_text("Draft memo. The agreement is not final; the indemnity is disputed.")
    (folder / "c-notes.txt").write_text(f"Meeting notes with HELENE about shipping. {CANARY} was mentioned.")
    created = cases.create_case(vault, "Search")
    report = ingest_paths(vault, created, [folder], ocr=False)
    assert [o.status for o in report.outcomes] == ["ingested"] * 3
    with vault.write() as session:
        _production(session, created.id, "ABC0001000–ABC0001001", ["ABC0001000", "ABC0001001"],
                    ["Board update: the shipment was late.", "Attached invoice for the late shipment."],
                    custodian="Ellen Park", date_sent="01/15/2024", to="lee@example.com",
                    cc="counsel@example.com", subject="Board update", doc_type="Email")
        _production(session, created.id, "ABC0001002–ABC0001004", ["ABC0001002", "ABC0001003", "ABC0001004"],
                    ["Presentation to the board.", "Delay damages for the shipment.", "Crazing replacement."],
                    custodian="Hélène Durocq", doc_date="20240310", author="Hélène Durocq",
                    doc_type="Presentation")
        _production(session, created.id, "ABC0001004 (reproduced)", ["ABC0001004"],
                    ["Crazing replacement, reproduced."], custodian="Ellen Park", doc_date="2023-11-02")
    return created


def _found(result) -> list[tuple[str, int]]:
    return [(hit.document, hit.page) for hit in result.hits]


def test_words_phrases_prefixes_operators_and_proximity_find_their_pages(vault, case):
    assert {h.document for h in search(vault, case, "indemnity").hits} == {"a-agreement.txt", "b-memo.txt"}
    assert _found(search(vault, case, '"third party claims"')) == [("a-agreement.txt", 1)]
    assert _found(search(vault, case, '"party third claims"')) == []
    assert {h.document for h in search(vault, case, "indemn*").hits} == {"a-agreement.txt", "b-memo.txt"}
    assert _found(search(vault, case, "indemnity NOT draft")) == [("a-agreement.txt", 1)]
    assert _found(search(vault, case, "indemnity AND (draft OR final)")) == [("b-memo.txt", 1)]
    assert _found(search(vault, case, "supplier w/3 buyer")) == [("a-agreement.txt", 1)]
    assert _found(search(vault, case, "supply w/2 buyer")) == []
    assert _found(search(vault, case, "NEAR(memo disputed, 12)")) == [("b-memo.txt", 1)]
    assert _found(search(vault, case, "cafe")) == [("a-agreement.txt", 1)]  # accents aside
    assert _found(search(vault, case, "Hélène")) == [("c-notes.txt", 1)]
    assert _found(search(vault, case, "and")) == []  # "and" is a word, on no page
    everything_but = search(vault, case, "NOT shipment")
    assert ("b-memo.txt", 1) in _found(everything_but) and ("ABC0001002–ABC0001004", 2) \
        not in _found(everything_but)


def test_results_are_ranked_counted_past_the_limit_and_marked(vault, case):
    result = search(vault, case, "indemnity", limit=1)
    assert (result.pages, result.documents, len(result.hits), result.truncated) == (2, 2, 1, True)
    (best,) = result.hits
    assert best.document == "a-agreement.txt"  # three mentions rank over one
    assert best.short_id == "D1" and best.rank is not None
    assert ("indemnity", True) in {(text.lower(), hit) for text, hit in best.snippet}
    assert "[[Indemnity]] [[indemnity]]" in best.marked()
    cafe = search(vault, case, "cafe").hits[0]
    assert "[[Café]]" in cafe.marked() and search(vault, case, "cafe").highlight == ("cafe",)
    assert [d.document for d in search(vault, case, "indemnity").by_document()] == ["a-agreement.txt",
                                                                                    "b-memo.txt"]


def test_fields_filter_documents_and_alone_list_their_first_pages(vault, case):
    def names(query: str) -> list[str]:
        return list(dict.fromkeys(hit.document for hit in search(vault, case, query).hits))

    assert names("shipment custodian:park") == ["ABC0001000–ABC0001001"]
    assert names('custodian:"helene durocq"') == ["ABC0001002–ABC0001004"]  # fields alone: first pages
    assert search(vault, case, 'custodian:"helene durocq"').hits[0].page == 1
    assert names("custodian:Park custodian:Durocq") == ["ABC0001000–ABC0001001", "ABC0001002–ABC0001004",
                                                        "ABC0001004 (reproduced)"]
    assert names("to:counsel") == ["ABC0001000–ABC0001001"]  # cc counts as to:
    assert names("from:counsel") == []
    assert names("author:durocq type:presentation") == ["ABC0001002–ABC0001004"]
    assert names("type:email") == ["ABC0001000–ABC0001001"]
    assert len(names("type:text")) == 3
    assert names("date:2024-01") == ["ABC0001000–ABC0001001"]
    assert names("date:2024-01-01..2024-03-31") == ["ABC0001000–ABC0001001", "ABC0001002–ABC0001004"]
    assert names("date:<2024") == ["ABC0001004 (reproduced)"]
    assert names("date:>=2024-02-01 shipment") == ["ABC0001002–ABC0001004"]
    assert names("crazing NOT custodian:park") == ["ABC0001002–ABC0001004"]
    shipment = search(vault, case, "shipment bates:ABC0001001..ABC0001003")
    assert [(h.bates, h.page) for h in shipment.hits] == [("ABC0001001", 2), ("ABC0001003", 2)] or \
        [(h.bates, h.page) for h in shipment.hits] == [("ABC0001003", 2), ("ABC0001001", 2)]
    assert [h.bates for h in search(vault, case, "bates:abc0001004").hits] == ["ABC0001004", "ABC0001004"]
    assert names("crazing NOT bates:ABC0001004") == []
    d2 = search(vault, case, "doc:D2").hits[0]
    assert (d2.short_id, d2.page, d2.bates) == ("D2", 1, "ABC0001000")
    with pytest.raises(UserFacingError, match=r"No document D99 in this case \(it has D1–D6\)"):
        search(vault, case, "doc:D99")


def test_a_search_can_be_held_to_some_documents(vault, case):
    memo = next(d for d in cases.list_documents(vault, case) if d.name == "b-memo.txt")
    assert _found(search(vault, case, "indemnity", document_ids=[memo.id])) == [("b-memo.txt", 1)]
    assert search(vault, case, "indemnity", document_ids=[]).pages == 0


def test_bates_numbers_are_found_through_the_index_and_double_claims_named(vault, case):
    hits = find_bates(vault, case, "ABC0001001-1004")
    assert [(h.bates, h.page) for h in hits.hits] == [("ABC0001001", 2), ("ABC0001002", 1), ("ABC0001003", 2),
                                                      ("ABC0001004", 3), ("ABC0001004", 1)]
    assert len(hits.document_ids) == 3 and find_bates(vault, case, "XYZ0001001").hits == ()
    with vault.read() as session:
        (claim,) = search_repo.bates_claimed_twice(session, case.id)
    assert (claim.prefix, claim.number, claim.labels) == ("ABC", 1004, ("ABC0001004",))
    assert len(claim.document_ids) == 2


def test_every_search_is_audited_by_counts_never_by_its_words(vault, case):
    search(vault, case, f"{CANARY} OR indemnity custodian:Park")
    search(vault, case, "indemnity")
    with vault.read() as session:
        events = session.scalars(select(AuditEventRow).where(AuditEventRow.action == "search.run")
                                 .order_by(AuditEventRow.seq)).all()
    assert [e.objects["hits"] for e in events] == [0, 2] and all(e.case_id == case.id for e in events)
    assert {key for e in events for key in e.objects} == {"hits", "documents", "ms"}
    logged = json.dumps([e.objects for e in events]).lower()
    assert CANARY.lower() not in logged and "indemnity" not in logged and "park" not in logged
    assert vault.verify_audit().ok


def test_no_plaintext_of_the_index_is_left_on_disk(vault, case, casefile_home):
    assert _found(search(vault, case, CANARY.lower())) == [("c-notes.txt", 1)]
    done = run_cli("search", "--case", "Search", CANARY, "--json")
    assert done.returncode == 0, done.stderr
    needles = [CANARY.encode(), CANARY.lower().encode(), CANARY.encode("utf-16-le")]

    def scan() -> list[str]:
        files = [p for p in casefile_home.rglob("*") if p.is_file()]
        assert any(p.name == "vault.db" for p in files)
        return [str(p) for p in files for needle in needles if needle in p.read_bytes()]

    assert scan() == []
    vault.lock()  # the last checkpoint writes the WAL into the file: still nothing readable
    assert scan() == []


def test_deleting_a_case_takes_its_index_entries_and_bates_rows(vault, case):
    other = cases.create_case(vault, "Other")
    with vault.write() as session:
        _production(session, other.id, "Other doc", ["ABC0001004"], [f"Crazing {CANARY}."])
    with vault.read() as session:
        page_ids = [row[0] for row in session.execute(text(
            "SELECT pages.id FROM pages JOIN documents ON documents.id = pages.document_id "
            "WHERE documents.case_id = :case"), {"case": case.id})]
        assert search_repo.index_entries(session, page_ids) == len(page_ids) == 9
    cases.delete_case(vault, "Search")
    with vault.write() as session:
        assert search_repo.index_entries(session, page_ids) == 0
        assert session.scalar(text("SELECT count(*) FROM page_bates WHERE case_id = :c"), {"c": case.id}) == 0
        session.execute(text("INSERT INTO pages_fts(pages_fts, rank) VALUES ('integrity-check', 1)"))
    assert _found(search(vault, other, f"crazing {CANARY}")) == [("Other doc", 1)]
    assert [h.bates for h in find_bates(vault, other, "ABC0001004").hits] == ["ABC0001004"]


def test_review_sets_are_kept_per_case_replaced_by_name_and_go_with_the_case(vault, case):
    other = cases.create_case(vault, "Other")
    with vault.write() as session:
        first = search_repo.save_review_set(session, case.id, "Hot docs", [3, 1], query="indemnity")
        search_repo.save_review_set(session, case.id, "a picked", [2])
        search_repo.save_review_set(session, other.id, "Hot docs", [9])
    with vault.write() as session:
        replaced = search_repo.save_review_set(session, case.id, "Hot docs", [5])
        assert (replaced.id, replaced.created_at, replaced.document_ids, replaced.query) == (
            first.id, first.created_at, (5,), "")
        assert [s.name for s in search_repo.list_review_sets(session, case.id)] == ["a picked", "Hot docs"]
        assert search_repo.find_review_set(session, other.id, "Hot docs").document_ids == (9,)
        assert search_repo.delete_review_set(session, case.id, "a picked")
        assert not search_repo.delete_review_set(session, case.id, "a picked")
        assert search_repo.find_review_set(session, case.id, "a picked") is None
    cases.delete_case(vault, "Search")
    with vault.read() as session:
        assert session.scalar(text("SELECT count(*) FROM review_sets")) == 1


def test_the_command_line_prints_json_and_refuses_a_broken_search_in_one_line(vault, case):
    done = run_cli("search", "--case", "Search", "indemnity", "--json", "--limit", "1")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert (printed["pages"], printed["documents"], printed["shown"]) == (2, 2, 1)
    assert printed["hits"][0]["document"] == "D1" and "[[" in printed["hits"][0]["snippet"]
    plain = run_cli("search", "--case", "Search", "shipment custodian:park")
    assert plain.returncode == 0 and "D2 p1 [ABC0001000]" in plain.stdout and "[[shipment]]" in plain.stdout
    broken = run_cli("search", "--case", "Search", 'indemnity "third party')
    assert broken.returncode == 2 and broken.stdout == ""
    assert broken.stderr.strip().splitlines() == ['casefile: The search has an unclosed quote: "third party']


def test_the_migration_indexes_pages_already_in_a_vault(tmp_path: Path):
    from alembic import command

    from storage.migrate import alembic_config

    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0008")
        connection.execute(text("INSERT INTO cases (id, name, created_at) VALUES (1, 'Old', '2026')"))
        connection.execute(text(
            "INSERT INTO documents (id, case_id, sha256, name, kind, size_bytes, page_count, status, "
            "warnings, created_at, meta) "
            "VALUES (1, 1, 'h', 'old', 'production', 1, 3, 'ingested', '[]', '2026', '{}')"))
        for number, label, words in ((1, "ABC-0000010", "Crazing on the façade"), (2, "12", "late delivery"),
                                     (3, None, "nothing")):
            connection.execute(text("INSERT INTO pages (document_id, number, label, text, ocr, needs_ocr) "
                                    "VALUES (1, :n, :l, :t, 0, 0)"), {"n": number, "l": label, "t": words})
        command.upgrade(alembic_config(connection), "head")
        matched = connection.execute(text("SELECT rowid FROM pages_fts WHERE pages_fts MATCH 'facade'")).all()
        bates = connection.execute(text("SELECT prefix, number, width FROM page_bates")).all()
        connection.execute(text("UPDATE pages SET text = 'replaced' WHERE number = 1"))  # the trigger follows
        facade = "SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'facade'"
        assert connection.execute(text(facade)).scalar() == 0
        command.downgrade(alembic_config(connection), "0008")
        left = connection.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'pages_fts%'"))
        assert left.scalar() == 0
    assert matched == [(1,)] and bates == [("ABC-", 10, 7)]
