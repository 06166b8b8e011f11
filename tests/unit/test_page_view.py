"""A cited page rendered with its quote highlighted, in the image and in the text."""

import pymupdf
import pytest

from app.page_view import text_spans, view_page
from storage.records import DocumentRecord, PageRecord
from tests.fixtures.documents import write_pdf

TEXT = ("The price is $4.15 per box. Seller shall deliver the first ship-\nment no later than "
        "March 14, 2025.")


def _record(name="contract.pdf", kind="pdf", pages=2):
    return DocumentRecord(id=1, case_id=1, sha256="a" * 64, name=name, kind=kind, size_bytes=1,
                          page_count=pages, status="ingested")


def test_the_quote_is_marked_in_the_text_across_a_line_break_and_in_pieces():
    assert text_spans(TEXT, "deliver the first shipment") == []  # "ship-ment" is two words on the page
    (span,) = text_spans(TEXT, "$4.15 per box")
    assert TEXT[span[0]:span[1]] == "4.15 per box"
    pieces = text_spans(TEXT, "Seller shall deliver the first ship- ment no later than")
    assert pieces and TEXT[pieces[0][0]:pieces[-1][1]].startswith("Seller shall deliver")
    assert text_spans(TEXT, "nothing like this at all") == []


def test_a_pdf_page_is_rendered_with_the_quote_highlighted(tmp_path):
    pdf = write_pdf(tmp_path / "contract.pdf", ["Parties and term.", TEXT])
    page = PageRecord(number=2, text=TEXT)
    view = view_page(_record(), page, pdf.read_bytes(), mark="The price is $4.15 per box")
    assert view.image_png.startswith(b"\x89PNG") and view.image_size[0] > 800
    assert len(view.highlights) == 1 and view.found
    x0, y0, x1, y1 = view.highlights[0]
    assert 0 < x0 < x1 <= view.image_size[0] and 0 < y0 < y1 <= view.image_size[1]
    plain = view_page(_record(), page, pdf.read_bytes(), mark="not on this page at all")
    assert not plain.found and plain.highlights == []
    bigger = view_page(_record(), page, pdf.read_bytes(), zoom=2.0)
    assert bigger.image_size[0] > view.image_size[0]


def test_ocr_pages_and_text_documents_are_marked_in_their_text(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", [""])
    scanned = view_page(_record("scan.pdf", pages=1), PageRecord(number=1, text=TEXT, ocr=True),
                        pdf.read_bytes(), mark="$4.15 per box")
    assert scanned.ocr and scanned.image_png and scanned.highlights == [] and scanned.text_spans
    note = view_page(_record("note.docx", "docx", 1), PageRecord(number=1, text=TEXT), None,
                     mark="price is $4.15")
    assert note.image_png is None and note.text_spans


def test_an_image_document_renders_its_frame(tmp_path):
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 100), 0)
    pixmap.clear_with(255)
    png = pixmap.tobytes("png")
    view = view_page(_record("photo.png", "image", 1), PageRecord(number=1, text="", ocr=True), png)
    width, height = view.image_size
    assert view.image_png and abs(width - 2 * height) <= 1


def test_the_original_is_kept_in_the_vault_and_the_viewer_reads_it(vault, tmp_path):
    from app import cases
    from app.errors import IngestError
    from app.ingest import ingest_paths, keep_original
    from app.page_view import load_page
    from storage import repositories as repo

    pdf = write_pdf(tmp_path / "contract.pdf", ["Parties and term.", TEXT])
    case = cases.create_case(vault, "Viewer")
    (outcome,) = ingest_paths(vault, case, [pdf], ocr=False).outcomes
    with vault.read() as session:
        assert repo.document_file(session, outcome.document_id) == pdf.read_bytes()
    view = load_page(vault, outcome.document_id, 2, mark="$4.15 per box")
    assert view.highlights and view.text_spans and view.page_count == 2
    with vault.write() as session, pytest.raises(IngestError, match="changed while"):
        keep_original(session, outcome.document_id, pdf, "0" * 64)
    cases.delete_case(vault, "Viewer")
    with vault.read() as session:
        assert repo.document_file(session, outcome.document_id) is None  # gone with its case
