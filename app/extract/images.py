"""Scanned images and faxes (TIFF, PNG, JPEG, BMP, GIF): one page per frame, every page OCR'd."""

from __future__ import annotations

from app.errors import IngestError
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.mupdf import MUPDF_ERRORS, open_document
from app.extract.wording import count_of
from storage.records import PageRecord, PageStatus

SUFFIXES = (".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp", ".gif")


def extract_image(source: Source) -> ExtractedDocument:
    with open_document(source, what="image") as document:
        try:
            frames = document.page_count
        except MUPDF_ERRORS as exc:
            raise IngestError("The image is damaged; no frame can be read.", detail=str(exc)) from None
        if frames == 0:
            raise IngestError("The image has no frames.")
        readable = []
        for index in range(frames):  # the image data is only decoded here: check each frame
            try:
                document.load_page(index)
                readable.append(index)
            except MUPDF_ERRORS:
                continue
    if not readable:
        raise IngestError("Not a readable image (the file is damaged).")
    damaged_frame = "This frame of the image is damaged and cannot be read."
    pages = tuple(PageRecord(number=i + 1, text="", needs_ocr=True, status=PageStatus.NEEDS_OCR)
                  if i in readable else
                  PageRecord(number=i + 1, text="", status=PageStatus.UNREADABLE, note=damaged_frame)
                  for i in range(frames))
    damaged = frames - len(readable)
    warnings = () if not damaged else (f"{count_of(damaged, 'damaged frame')} could not be read.",)
    return ExtractedDocument("image", pages, warnings, {i: OcrJob(source, i) for i in readable})
