"""Scanned images and faxes (TIFF, PNG, JPEG, BMP, GIF): one page per frame, every page OCR'd."""

from __future__ import annotations

from app.errors import IngestError, InputTooLarge
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.mupdf import MUPDF_ERRORS, check_page_images, open_document
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
        readable, unread = [], {}  # frame -> why it cannot be read
        for index in range(frames):  # the image data is only decoded here: check each frame
            try:
                check_page_images(document.load_page(index), "image")
                readable.append(index)
            except InputTooLarge as exc:  # too large to decode: its header says so
                if frames == 1:
                    raise
                unread[index] = exc.user_message
            except MUPDF_ERRORS:
                unread[index] = "This frame of the image is damaged and cannot be read."
    if not readable:
        raise IngestError("Not a readable image (the file is damaged).")
    pages = tuple(PageRecord(number=i + 1, text="", needs_ocr=True, status=PageStatus.NEEDS_OCR)
                  if i in readable else
                  PageRecord(number=i + 1, text="", status=PageStatus.UNREADABLE, note=unread[i])
                  for i in range(frames))
    warnings = () if not unread else (f"{count_of(len(unread), 'frame')} could not be read.",)
    return ExtractedDocument("image", pages, warnings, {i: OcrJob(source, i) for i in readable})
