"""OCR benchmarks: Casefile's OCR against the plain ``tesseract`` command, and the choices that
trade speed for accuracy, on generated scans whose text is known.

The pages: born-digital pages of the corpus's court opinions, rendered at 300 dpi in grey and
put back as image-only PDF pages (a clean office scan); the page's own text layer is the truth.
- Casefile: ``app.extract.ocr.ocr_page`` (MuPDF renders the page, the ``tesseract`` program reads
  it through a pipe), in one process, so pages/s is per core.
- Plain tesseract: the ``tesseract`` command on the same pages as PNG files at the same dpi, one
  thread (``OMP_THREAD_LIMIT=1``), timed for the command alone.
- Choices: each installed English model (Debian's ``eng`` is tessdata_fast; the standard
  tessdata model, if a folder with it is given by ``CASEFILE_TESSDATA_STANDARD``), at 150, 200
  and 300 dpi: pages/s and character error rate (edits / characters of the truth, edits counted
  on difflib's alignment of whitespace-normalised text: an upper bound on the edit distance).
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = ("legal-court-docs/ca1_00117684624.pdf", "legal-court-docs/missouri.pdf")
PAGES = 8
DPIS = (150, 200, 300)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def error_rate(truth: str, seen: str) -> float:
    truth, seen = _normal(truth), _normal(seen)
    matcher = difflib.SequenceMatcher(None, truth, seen, autojunk=False)
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    return edits / max(1, len(truth))


def make_scans(folder: Path) -> tuple[Path, list[str]]:
    """An image-only PDF of PAGES corpus pages (300 dpi grey), and each page's true text."""
    import pymupdf

    scans, truths = pymupdf.open(), []
    for name in SOURCES:
        with pymupdf.open(CORPUS / name) as document:
            for page in document:
                text = page.get_text()
                if len(_normal(text)) < 800:
                    continue
                pixmap = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
                scan = scans.new_page(width=page.rect.width, height=page.rect.height)
                scan.insert_image(scan.rect, pixmap=pixmap)
                truths.append(text)
                if len(truths) == PAGES:
                    break
        if len(truths) == PAGES:
            break
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scans.pdf"
    scans.save(path)
    return path, truths


def _casefile(path: Path, truths: list[str], dpi: int, tessdata: str) -> dict:
    """Casefile's OCR of every page at ``dpi`` with the model in ``tessdata`` (one process)."""
    from app.extract import OcrJob, Source
    from app.extract.ocr import ocr_page

    previous = os.environ.get("TESSDATA_PREFIX")
    os.environ["TESSDATA_PREFIX"] = tessdata  # the tesseract program reads its model from here
    try:
        source = Source(path.name, path=path, ocr_dpi=dpi)
        started = time.perf_counter()
        texts = [ocr_page(OcrJob(source, index)).text for index in range(len(truths))]
        seconds = time.perf_counter() - started
    finally:
        if previous is None:
            os.environ.pop("TESSDATA_PREFIX", None)
        else:
            os.environ["TESSDATA_PREFIX"] = previous
    return {"pages_per_s": round(len(truths) / seconds, 3),
            "cer": round(sum(map(error_rate, truths, texts)) / len(truths), 4)}


def _tesseract_command(path: Path, truths: list[str], dpi: int, tessdata: str, folder: Path) -> dict:
    import pymupdf

    images = []
    with pymupdf.open(path) as document:
        for index, page in enumerate(document):
            image = folder / f"page-{dpi}-{index}.png"
            page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).save(image)
            images.append(image)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "TESSDATA_PREFIX": tessdata}
    texts, seconds = [], 0.0
    for image in images:
        started = time.perf_counter()
        done = subprocess.run(["tesseract", str(image), "stdout", "--dpi", str(dpi), "-l", "eng"],
                              capture_output=True, text=True, env=env, check=True)
        seconds += time.perf_counter() - started
        texts.append(done.stdout)
    return {"pages_per_s": round(len(images) / seconds, 3),
            "cer": round(sum(map(error_rate, truths, texts)) / len(truths), 4)}


def bench_ocr_choices(tmp: Path) -> dict:
    from app.extract.ocr import OCR_DPI, tessdata

    system = tessdata()
    if not CORPUS.is_dir() or system is None or shutil.which("tesseract") is None:
        return {"skipped": "no corpus or no Tesseract"}
    path, truths = make_scans(tmp / "ocr-scans")
    models = {"fast (system eng)": system}
    standard = os.environ.get("CASEFILE_TESSDATA_STANDARD")
    if standard and (Path(standard) / "eng.traineddata").is_file():
        models["standard (tessdata eng)"] = standard
    choices = {name: {str(dpi): _casefile(path, truths, dpi, folder) for dpi in DPIS}
               for name, folder in models.items()}
    ours = choices["fast (system eng)"][str(OCR_DPI)]
    theirs = _tesseract_command(path, truths, OCR_DPI, system, tmp / "ocr-scans")
    return {
        "pages": len(truths), "default_dpi": OCR_DPI, "choices": choices,
        "casefile_default": ours, "tesseract_command_same_pages_and_dpi": theirs,
        "casefile_vs_tesseract_pages_per_s_per_core": round(ours["pages_per_s"] / theirs["pages_per_s"], 3),
        "goal": 1.0,
    }
