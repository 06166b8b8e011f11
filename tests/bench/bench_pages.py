"""Page accounting, side by side in one run:

- a scanned set behind e-filing stamps (half its pages scans with a one-line text stamp, half
  born-digital text): Casefile's ingest, which OCRs only the areas that need it, against the
  same set with every page OCR'd (the text-only ingest plus OCR of every page in the same pool);
- the share of pages OCR'd on the born-digital corpus (govdocs-health-legal), with the share the
  old fixed-threshold rule OCR'd, for comparison.
"""

from __future__ import annotations

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BORN_DIGITAL = ROOT.parent / "shared" / "corpus" / "govdocs-health-legal"
FILES_EACH = 6


def _stamped_set(folder: Path) -> list[Path]:
    from tests.fixtures.documents import write_pdf
    from tests.fixtures.scans import MEMO, write_stamped_scan

    folder.mkdir(parents=True, exist_ok=True)
    scans = [write_stamped_scan(folder / f"opinion-{n}.pdf") for n in range(FILES_EACH)]
    texts = [write_pdf(folder / f"memo-{n}.pdf", [f"{MEMO}\nCopy {n}, page {p}." for p in range(4)])
             for n in range(FILES_EACH)]
    return scans + texts


def bench_pages(tmp: Path) -> dict:
    from app import cases
    from app.extract import OcrJob, Source
    from app.extract.ocr import tesseract_available
    from app.extract.pool import OCR_PAGE_TIMEOUT_S, shared_pool
    from app.ingest import ingest_paths
    from app.unlock import create_vault

    result: dict = {"born_digital": _born_digital_share()}
    if not tesseract_available():
        return {**result, "stamped_set": "skipped (no Tesseract)"}
    files = _stamped_set(tmp / "stamped-set")
    vault, _ = create_vault("bench-passphrase", tmp / "pages-home")
    pool = shared_pool()
    ingest_paths(vault, cases.create_case(vault, "warm-up"), files[-1:], pool=pool)  # both sides: a warm pool
    started = time.perf_counter()
    needed = ingest_paths(vault, cases.create_case(vault, "where needed"), files, pool=pool)
    needed_s = time.perf_counter() - started

    started = time.perf_counter()
    text_only = ingest_paths(vault, cases.create_case(vault, "text only"), files, pool=pool, ocr=False)
    import pymupdf

    jobs = [OcrJob(Source(path.name, path=path), index) for path in files
            for index in range(pymupdf.open(path).page_count)]
    for pending in [pool.ocr(job) for job in jobs]:
        pool.wait(pending, OCR_PAGE_TIMEOUT_S)
    every_s = time.perf_counter() - started
    vault.lock()
    pages = needed.pages
    return {**result, "stamped_set": {
        "files": len(files), "pages": pages, "ocr_pages": sum(o.ocr_pages for o in needed.outcomes),
        "where_needed_s": round(needed_s, 2), "where_needed_pages_per_s": round(pages / needed_s, 2),
        "every_page_s": round(every_s, 2), "every_page_pages_per_s": round(text_only.pages / every_s, 2),
        "where_needed_vs_every_page": round(every_s / needed_s, 2),
    }}


def _born_digital_share() -> dict:
    from app.errors import IngestError
    from app.extract import Source
    from app.extract.pdf import extract_pdf

    if not BORN_DIGITAL.is_dir():
        return {"skipped": "no corpus"}
    pages = ocr = old = 0
    for path in sorted(BORN_DIGITAL.glob("*.pdf")):
        try:
            read = extract_pdf(Source(path.name, path=path))
        except IngestError:
            continue
        pages += len(read.pages)
        ocr += len(read.ocr_jobs)
        old += _old_rule_pages(path)
    return {"pages": pages, "ocr_pages": ocr, "ocr_share": round(ocr / pages, 3) if pages else None,
            "old_rule_ocr_pages": old}


def _old_rule_pages(path: Path) -> int:
    """Pages the fixed-threshold rule OCR'd: garbled, or under 50 visible characters with images
    over half the page (what scans behind stamps and partial scans slipped past)."""
    import pymupdf

    from app.extract.mupdf import TEXT_FLAGS
    from app.extract.ocr_need import GARBLED_SHARE, garbled_share, visible_chars

    count = 0
    with pymupdf.open(path) as document:
        for page in document:
            text = page.get_text(flags=TEXT_FLAGS)
            covered = sum(abs(pymupdf.Rect(i["bbox"]) & page.rect) for i in page.get_image_info())
            image_only = visible_chars(text) < 50 and covered > 0.5 * abs(page.rect)
            count += garbled_share(text) > GARBLED_SHARE or image_only
    return count
