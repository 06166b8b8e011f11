"""Chat and task exports (PDF, DOCX, CSV) from a real vault: content, marks, audit, failure."""

import csv
import errno
import hashlib
import io
import unicodedata

import docx
import pymupdf
import pytest

from app import cases
from app.errors import ExportError, UserFacingError
from app.exports.files import export_chat, export_task
from storage import repositories as repo
from storage.audit import iter_events

MANIFEST = "ab" * 32
VERIFIED = {"id": "D1", "document": "contract.pdf", "page": 2, "bates": None, "quote": "$4.15 per box",
            "verified": True, "known": True, "fuzzy": False, "found_on": None}
MISPLACED = VERIFIED | {"page": 1, "verified": False, "found_on": "D1 p2"}


@pytest.fixture
def case(vault):
    return cases.create_case(vault, "Harbor v. Northgate")


def _chat(vault, case):
    with vault.write() as session:
        chat = repo.create_chat_session(session, case.id, "Price")
        repo.add_message(session, chat.id, "user", "What is the price?", manifest=MANIFEST)
        repo.add_message(session, chat.id, "assistant", 'The price is "$4.15 per box" [D1 p2] [D1 p1].',
                         citations=[VERIFIED, MISPLACED], model_id="SmolLM2", weights_sha256="cd" * 32,
                         manifest=MANIFEST,
                         mode={"kind": "staged", "label": "answered in 2 passes over 9 pages"})
        repo.add_message(session, chat.id, "user", "And the term?", manifest=MANIFEST)
        repo.add_message(session, chat.id, "assistant", "Two years.", model_id="SmolLM2", manifest=MANIFEST)
    return chat


def _task(vault, case):
    rows = [{"fields": {"date": "2025-03-04", "event": "Agreement signed"}, "citations": [VERIFIED],
             "check": "verified", "note": "date found on the cited page"},
            {"fields": {"date": "2025-05-05", "event": "=HYPERLINK(\"http://x\")"}, "citations": [],
             "check": "uncited", "note": "no citation: not checked against the documents"}]
    with vault.write() as session:
        task = repo.create_task(session, case.id, "chronology", model_id="SmolLM2", manifest=MANIFEST,
                                weights_sha256="cd" * 32, mode={"kind": "full", "label": ""})
        repo.finish_task(session, task.id, "done", rows=rows, output="raw")
    return task


def _pdf_text(path) -> str:
    """The PDF's words as a reader copies them (the renderer sets "fi" as one ligature glyph)."""
    text = " ".join(page.get_text() for page in pymupdf.open(path)).replace("\n", " ")
    return unicodedata.normalize("NFKC", text)


def _export_events(vault):
    with vault.read() as session:
        return [e for e in iter_events(session) if e["action"].startswith("export.")]


def test_a_chat_exports_to_pdf_and_docx_with_marks_manifest_and_audit(vault, case, tmp_path):
    chat = _chat(vault, case)
    pdf = export_chat(vault, case, chat.id, tmp_path / "chat.pdf")
    text = _pdf_text(pdf.path)
    for expected in ("Harbor v. Northgate", "What is the price?", MANIFEST[:40], "verified",
                     "quote NOT on this page (it is on D1 p2)", "answered in 2 passes over 9 pages",
                     "And the term?", "No citations: this answer is not tied to any page"):
        assert expected in text
    word = export_chat(vault, case, chat.id, tmp_path / "chat.docx")
    document = docx.Document(word.path)
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert "Q: What is the price?" in paragraphs and MANIFEST in paragraphs
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert cells[1] == ["D1 p2 (contract.pdf): “$4.15 per box”", "verified"]
    events = _export_events(vault)
    assert [(e["action"], e["objects"]["format"]) for e in events] == [("export.chat", "pdf"),
                                                                       ("export.chat", "docx")]
    assert events[1]["objects"]["sha256"] == hashlib.sha256(word.path.read_bytes()).hexdigest()
    assert "chat.docx" not in str(events)  # the file's name may name a client: never audited


def test_a_task_exports_to_csv_docx_and_pdf(vault, case, tmp_path):
    task = _task(vault, case)
    out = export_task(vault, case, task.id, tmp_path / "chronology.csv")
    raw = out.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["Date", "Event", "Source", "Check"]
    assert rows[1] == ["2025-03-04", "Agreement signed", "D1 p2 (contract.pdf): “$4.15 per box”",
                       "date found on the cited page"]
    assert rows[2][1].startswith("'=HYPERLINK")  # never a live formula in a spreadsheet
    assert rows[2][2] == "none"
    table = docx.Document(export_task(vault, case, task.id, tmp_path / "c.docx").path).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Date", "Event", "Source", "Check"]
    pdf_text = _pdf_text(export_task(vault, case, task.id, tmp_path / "c.pdf").path)
    assert "2 rows: 1 verified against their page, 1 not verified or without a citation" in pdf_text
    assert "The model's output, as written" in pdf_text
    assert len(_export_events(vault)) == 3


def test_bad_export_requests_are_refused_and_a_failed_write_leaves_nothing(vault, case, tmp_path,
                                                                           monkeypatch):
    chat, task = _chat(vault, case), _task(vault, case)
    with pytest.raises(UserFacingError, match="ending in .pdf, .docx"):
        export_chat(vault, case, chat.id, tmp_path / "chat.csv")
    with pytest.raises(UserFacingError, match="does not exist"):
        export_task(vault, case, task.id, tmp_path / "missing" / "t.csv")
    with pytest.raises(UserFacingError, match="No task 999"):
        export_task(vault, case, 999, tmp_path / "t.csv")

    def full_disk(self, data):
        with open(self, "wb") as handle:
            handle.write(data[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("pathlib.Path.write_bytes", full_disk)
    with pytest.raises(ExportError, match="is full: nothing was exported"):
        export_task(vault, case, task.id, tmp_path / "t.csv")
    assert list(tmp_path.iterdir()) == [] or all(p.is_dir() for p in tmp_path.iterdir())
    assert _export_events(vault) == []  # nothing exported, nothing claimed


def test_control_characters_from_pdf_text_do_not_break_a_word_export(vault, case, tmp_path):
    with vault.write() as session:
        chat = repo.create_chat_session(session, case.id, "Form feed")
        repo.add_message(session, chat.id, "user", "What does page 3 say?")
        repo.add_message(session, chat.id, "assistant", "It says \x0cSECTION 3\x0b and ends.", model_id="m")
    done = export_chat(vault, case, chat.id, tmp_path / "chat.docx")
    assert "SECTION 3" in "\n".join(p.text for p in docx.Document(done.path).paragraphs)


def test_a_citation_by_bates_number_is_exported_with_it():
    from app.exports.report import citation_text

    cited = {"id": "D13", "page": 2, "document": "ABC0000023–ABC0000024", "bates": "ABC0000024",
             "known": True, "quote": "six days late"}
    assert citation_text(cited) == "ABC0000024, D13 p2 (ABC0000023–ABC0000024): “six days late”"
    assert citation_text({**cited, "bates": "iv"}).startswith("D13 p2")  # a page label, not Bates


def test_hashes_in_a_pdf_report_copy_out_exactly(tmp_path):
    """Proportional fonts set "ff" as a ligature: a manifest hash copied from the PDF must still match."""
    import pymupdf

    from app.exports.render import write_pdf_report
    from app.exports.report import Report, Section

    manifest = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"
    path = tmp_path / "report.pdf"
    report = Report("Chat", [("Manifest", manifest)], [Section("Q1", [f"manifest {manifest} · read"])])
    write_pdf_report(report, path)
    text = " ".join(page.get_text() for page in pymupdf.open(path))
    assert text.count(manifest) == 2
