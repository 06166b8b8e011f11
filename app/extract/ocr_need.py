"""Which pages need OCR, decided by what the page shows, not by a count of characters.

A page needs OCR where it shows ink that its text layer does not account for:

- **garbled**: more than 5% of its characters are U+FFFD, control or private-use characters (a
  font without a usable Unicode map): the whole page is read again, its text layer dropped;
- **scanned areas**: an image covering a meaningful share of the page (``REGION_SHARE``) with
  little text inside it (under a tenth of what printed text would put there): only those areas
  are read (images are found through the page's resources; an inline image in the content
  stream is caught by the next rule only), and the page's own text (a court's e-filing stamp
  across the top of a scanned opinion, a header) is kept and merged with what OCR finds;
- **ink without text**: a page with no text at all is rendered small; any ink (a signature, a
  drawing, text drawn as shapes) means OCR of the whole page, none means the page is blank.

The first rule flagged every garbled page of a 1,130-page corpus with no false positives
(ingestion anchors); the second finds scans behind stamps and pasted-in partial scans, which a
fixed character threshold missed (issue 15).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pymupdf

GARBLED_SHARE = 0.05
REGION_SHARE = 0.25  # an image smaller than this share of the page (a logo, a signature) is not a scan
# Printed text puts about one visible character per 160 square points of page (a full letter-size
# page holds ~3,000); an area with under a tenth of that is not accounted for by its text.
POINTS_PER_CHAR = 160.0
ACCOUNTED_SHARE = 0.1
INK_DPI = 30  # enough to see any mark on a page, at a few milliseconds a page
INK_LEVEL = 200  # a grey darker than this is ink (paper is 255)

# U+FFFD, C0/C1 controls (not tab/newline/CR), surrogates, private use: a font without a usable
# Unicode map. Regular expressions keep this at C speed: it runs on every page.
_GARBLED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")
_SPACE = re.compile(r"\s")

Region = tuple[float, float, float, float]


@dataclass(frozen=True)
class OcrNeed:
    reason: str  # garbled | scanned areas | ink without text
    regions: tuple[Region, ...] = ()  # empty: the whole page
    keep_layer: bool = False


def visible_chars(text: str) -> int:
    return len(text) - len(_SPACE.findall(text))


def garbled_share(text: str) -> float:
    # Control characters count as characters here, even the ones str.isspace() calls spaces.
    ordinary_space = text.count(" ") + text.count("\n") + text.count("\t") + text.count("\r")
    total = len(text) - ordinary_space
    return len(_GARBLED.findall(text)) / total if total else 0.0


def ocr_need(page: pymupdf.Page, text: str) -> OcrNeed | None:
    """What of ``page`` needs OCR, or None when its text accounts for all its ink (or it is blank)."""
    if garbled_share(text) > GARBLED_SHARE:
        return OcrNeed("garbled")
    scans = unaccounted_images(page)
    if scans:
        whole = len(scans) == 1 and abs(pymupdf.Rect(scans[0])) >= 0.9 * abs(page.rect)
        return OcrNeed("scanned areas", () if whole and not visible_chars(text) else tuple(scans),
                       keep_layer=bool(visible_chars(text)))
    if not visible_chars(text) and has_ink(page):
        return OcrNeed("ink without text")
    return None


def unaccounted_images(page: pymupdf.Page) -> list[Region]:
    """Image areas of a meaningful share of the page that hold too little text to be its text."""
    area = abs(page.rect)
    if not area or not page.get_images(full=True):  # the resource list is cheap; most pages stop here
        return []
    boxes: list[pymupdf.Rect] = []
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"]) & page.rect
        if box.is_empty or abs(box) < REGION_SHARE * area:
            continue
        if not any(abs(box & other) > 0.9 * abs(box) for other in boxes):  # a scan and its mask: once
            boxes.append(box)
    if not boxes:
        return []
    words = page.get_text("words")
    found: list[Region] = []
    for box in boxes:
        inside = sum(len(w[4]) for w in words
                     if box.contains(pymupdf.Point((w[0] + w[2]) / 2, (w[1] + w[3]) / 2)))
        if inside < ACCOUNTED_SHARE * abs(box) / POINTS_PER_CHAR:
            found.append((box.x0, box.y0, box.x1, box.y1))
    return found


def has_ink(page: pymupdf.Page) -> bool:
    """Whether anything at all is drawn on the page (rendered small in grey: quick and certain)."""
    pixmap = page.get_pixmap(dpi=INK_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    return min(pixmap.samples, default=255) < INK_LEVEL
