"""Reading files into pages: every format, and a one-line reason for every bad file."""

from pathlib import Path

import pytest

from app.errors import IngestError
from app.extract import Source, extract
from app.extract.ocr import tidy
from app.extract.ocr_need import garbled_share
from assets.demo.make_demo_pdfs import FACTS
from tests.fixtures.documents import write_docx, write_eml, write_pdf, write_tiff


def read(path: Path, **kw):
    return extract(Source(path.name, path=path, **kw))


def test_demo_pdf_pages_come_out_in_order_with_their_text(demo_dir):
    extracted = read(demo_dir / "supply-agreement.pdf")
    assert extracted.kind == "pdf"
    assert [p.number for p in extracted.pages] == [1, 2, 3]
    assert FACTS["price_answer"] in extracted.pages[1].text
    assert FACTS["price_answer"] not in extracted.pages[0].text
    assert extracted.warnings == () and extracted.ocr_jobs == {}


def test_text_files_split_at_form_feeds(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("first page\fsecond page", encoding="utf-8")
    assert [p.text for p in read(path).pages] == ["first page", "second page"]


def test_html_keeps_text_not_markup(tmp_path):
    path = tmp_path / "note.html"
    path.write_text("<html><head><style>p{}</style></head><body><h1>Visit</h1><p>BP 120/80</p>"
                    "<script>alert(1)</script></body></html>", encoding="utf-8")
    assert read(path).pages[0].text == "Visit\n\nBP 120/80"


@pytest.mark.parametrize("name, content, reason", [
    ("empty.pdf", b"", "The file is empty."),
    ("junk.pdf", b"%PDF-1.7 this is not really a pdf", "Not a readable PDF (the file is damaged)."),
    ("mail.msg", b"\xd0\xcf\x11\xe0 ole bytes", "Unsupported file type (.msg): Outlook .msg"),
    ("blank.txt", b"  \n\n ", "The file has no text."),
    ("letter.docx", b"PK\x03\x04 not a docx", "Not a readable Word document"),
    ("notes.xml", b"<root><a>1</a></root>", "Unsupported XML"),
    ("broken.xml", b"<ClinicalDocument><title>", "Not readable XML"),
    ("scan.tiff", b"II*\x00garbage", "Not a readable image"),
])
def test_bad_files_get_a_one_line_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read(path)
    assert caught.value.user_message.startswith(reason)
    assert "\n" not in caught.value.user_message


def test_a_pdf_under_another_name_is_read_as_a_pdf(demo_dir, tmp_path):
    renamed = tmp_path / "scan0001.dat"
    renamed.write_bytes((demo_dir / "supply-agreement.pdf").read_bytes())
    assert len(read(renamed).pages) == 3


def test_password_protected_pdfs_ask_for_the_password(tmp_path):
    path = write_pdf(tmp_path / "sealed.pdf", ["Settlement amount: $250,000."])
    locked = tmp_path / "locked.pdf"
    import pymupdf

    with pymupdf.open(path) as document:
        document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="open-sesame",
                      owner_pw="owner-secret")
    with pytest.raises(IngestError, match="protected by a password"):
        read(locked)
    with pytest.raises(IngestError, match="password is wrong"):
        read(locked, password="guess")
    assert "$250,000" in read(locked, password="open-sesame").pages[0].text


def test_a_multipage_tiff_is_one_page_per_frame_all_for_ocr(tmp_path):
    extracted = read(write_tiff(tmp_path / "fax.tiff"))
    assert extracted.kind == "image"
    assert [p.needs_ocr for p in extracted.pages] == [True, True]
    assert sorted(extracted.ocr_jobs) == [0, 1]


def test_an_email_keeps_its_attachments_in_order(tmp_path):
    pdf = write_pdf(tmp_path / "invoice.pdf", ["INVOICE 1187\nBoxes: 12,000", "Late fee deducted: $996.00"])
    extracted = read(write_eml(tmp_path / "message.eml", pdf))
    assert extracted.kind == "email"
    labels = [p.label for p in extracted.pages]
    assert labels == ["message", "invoice-1187.pdf p1", "invoice-1187.pdf p2",
                      "attachment-2.eml p1 (message)"]
    assert "Subject: Late shipment - invoice attached" in extracted.pages[0].text
    assert "$996.00" in extracted.pages[0].text and "Late fee deducted" in extracted.pages[2].text
    assert "boxes should arrive Friday" in extracted.pages[3].text
    assert any("totals.xls was not read" in w for w in extracted.warnings)


def test_word_files_are_cut_at_headings_and_keep_tables(tmp_path):
    extracted = read(write_docx(tmp_path / "summary.docx"))
    assert [p.label for p in extracted.pages] == ["Deposition summary (¶ 1-2)", "Delivery dates (¶ 3-4)"]
    assert "First | March 19, 2025" in extracted.pages[1].text


def test_corpus_word_and_ccda_files(corpus):
    word = read(corpus / "legal-court-docs" / "word-docx.docx")
    assert any("MISCONDUCT" in p.text for p in word.pages)
    summary = read(corpus / "medical-ccda" / "Discharge_Summary.xml")
    allergies = next(p for p in summary.pages if p.label.startswith("ALLERGIES"))
    assert "Penicillin | Nausea" in allergies.text
    assert summary.pages[0].label == "header" and "Isabella Jones" in summary.pages[0].text
    assert "<" not in "".join(p.text for p in summary.pages)  # narrative, not XML
    nurse = read(corpus / "medical-ccda" / "RTF_Note.xml")
    assert "vital signs were stable" in nurse.pages[0].text
    reference = read(corpus / "medical-ccda" / "Unstructured_Document_reference.xml")
    assert "UD_sample.pdf" in reference.warnings[0]


def test_pages_needing_ocr_are_detected_in_the_corpus(corpus):
    scan = read(corpus / "legal-court-docs" / "image-pdf.pdf")
    garbled = read(corpus / "legal-court-docs" / "gov.uscourts.nysd.413994.212.0.pdf")
    assert sorted(scan.ocr_jobs) == [0, 1] and sorted(garbled.ocr_jobs) == [0, 1]
    assert all(p.text == "" for p in garbled.pages)  # the garbage text layer is not kept
    born_digital = read(corpus / "legal-court-docs" / "ca1_00117684624.pdf")
    assert born_digital.ocr_jobs == {} and "CALVARY CHAPEL OF BANGOR" in born_digital.pages[0].text


def test_text_helpers():
    assert garbled_share("\x01\x02ab") == 0.5 and garbled_share("plain text") == 0.0
    assert tidy("a  \n \n\n\nb \n") == "a\n\nb"


@pytest.mark.parametrize("media, body, expected", [
    ("application/pdf", None, "Discharge summary: aspirin 81 mg daily."),
    ("text/rtf", rb"{\rtf1\ansi {\b Discharge} summary: aspirin 81 mg daily.\par}", "aspirin 81 mg daily"),
    ("text/plain", b"Discharge summary: aspirin 81 mg daily.", "aspirin 81 mg daily"),
])
def test_a_ccda_with_an_embedded_body_is_read(tmp_path, media, body, expected):
    import base64

    if body is None:
        body = write_pdf(tmp_path / "body.pdf", ["Discharge summary: aspirin 81 mg daily."]).read_bytes()
    xml = (f'<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Discharge</title><component><nonXMLBody>'
           f'<text mediaType="{media}" representation="B64">{base64.b64encode(body).decode()}</text>'
           f'</nonXMLBody></component></ClinicalDocument>')
    (tmp_path / "discharge.xml").write_text(xml, encoding="utf-8")
    document = read(tmp_path / "discharge.xml")
    assert any(expected in page.text for page in document.pages), [p.text for p in document.pages]
