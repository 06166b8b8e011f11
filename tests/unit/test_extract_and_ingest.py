from pathlib import Path

import pytest

from app import cases
from app.errors import IngestError
from app.extract import extract
from app.ingest import ingest_paths
from assets.demo.make_demo_pdfs import DOCUMENTS, FACTS


def test_demo_pdf_pages_come_out_in_order_with_their_text(demo_dir):
    extracted = extract(demo_dir / "supply-agreement.pdf")
    assert extracted.kind == "pdf"
    assert [p.number for p in extracted.pages] == [1, 2, 3]
    assert FACTS["price_answer"] in extracted.pages[1].text
    assert FACTS["price_answer"] not in extracted.pages[0].text
    assert extracted.warnings == ()


def test_text_files_split_at_form_feeds(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("first page\fsecond page", encoding="utf-8")
    assert [p.text for p in extract(path).pages] == ["first page", "second page"]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.pdf", b"", "The file is empty."),
    ("junk.pdf", b"%PDF-1.7 this is not really a pdf", "Not a readable PDF"),
    ("sheet.xlsx", b"PK\x03\x04 zip bytes", "Unsupported file type (.xlsx)."),
    ("blank.txt", b"  \n\n ", "The file has no text."),
])
def test_bad_files_get_a_one_line_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        extract(path)
    assert caught.value.user_message.startswith(reason)
    assert "\n" not in caught.value.user_message


def test_encrypted_pdf_from_the_corpus_is_rejected_plainly(corpus):
    with pytest.raises(IngestError, match="encrypted"):
        extract(corpus / "broken-pdfs" / "encryption_openpassword.pdf")


def test_ingest_walks_folders_reports_duplicates_and_never_stops_on_a_bad_file(vault, demo_dir, tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    case = cases.create_case(vault, "Whitfield v. Northgate")
    report = ingest_paths(vault, case, [tmp_path / "bad.pdf", demo_dir, demo_dir / "supply-agreement.pdf",
                                        Path("/no/such/file.pdf")])
    statuses = [(Path(o.path).name, o.status) for o in report.outcomes]
    assert statuses == [("bad.pdf", "rejected"), *[(n, "ingested") for n in sorted(DOCUMENTS)],
                        ("supply-agreement.pdf", "duplicate"), ("file.pdf", "rejected")]
    assert {d.name for d in cases.list_documents(vault, case)} == set(DOCUMENTS)
    assert vault.verify_audit().events == 1 + 1 + len(report.outcomes)  # vault, case, one per file
