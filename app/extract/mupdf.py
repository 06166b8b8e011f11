"""PyMuPDF as every reader opens it: the text flags, its errors, and opening a file (damaged or
password-protected files become IngestErrors). Shared by the PDF reader, the image reader and
OCR, which therefore need not import one another."""

from __future__ import annotations

import pymupdf

from app.errors import IngestError, PasswordNeeded
from app.extract import Source
from app.limits import MAX_DECODED_IMAGE_BYTES, check_image

# Ligatures come out as plain letters ("fi", not U+FB01), so quotes and searches match the page.
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES

# MuPDF raises its own exception classes (FzErrorFormat, ...) that share no base with ours
# beyond Exception; on untrusted files every call can raise one, so we catch broadly, per page.
MUPDF_ERRORS = (Exception,)



class _Discard:
    """Where MuPDF's own messages go. By default PyMuPDF prints them to stdout, which would
    corrupt `--json` output (a damaged PNG prints "missing pixel data…"); they describe a file's
    innards, and each reader reports what matters in its own one-line reason."""

    def write(self, text: str) -> None:
        pass

    def flush(self) -> None:
        pass


pymupdf.set_messages(stream=_Discard())
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def open_document(source: Source, filetype: str | None = None, what: str = "PDF") -> pymupdf.Document:
    """Open ``source`` with PyMuPDF; damaged or password-protected files become IngestErrors."""
    try:
        if source.data is not None:
            document = pymupdf.open(stream=source.data, filetype=filetype or source.suffix.lstrip("."))
        else:
            document = pymupdf.open(source.path, filetype=filetype)
    except MUPDF_ERRORS as exc:
        raise IngestError(f"Not a readable {what} (the file is damaged).", detail=str(exc)) from None
    if document.needs_pass:
        if source.password is None:
            document.close()
            raise PasswordNeeded()
        if not document.authenticate(source.password):
            document.close()
            raise IngestError("The PDF's password is wrong; nothing was read.")
    return document


def check_page_images(page: pymupdf.Page, what: str = "page image") -> None:
    """Refuse a page whose pictures would decode past ``MAX_DECODED_IMAGE_BYTES`` (read from their
    headers: nothing is decoded here)."""
    if page.parent.is_pdf and not page.get_images(full=True):  # the resource list is cheap: most
        return  # born-digital pages stop here, before their content stream is interpreted
    for image in page.get_image_info():
        channels = int(image.get("colorspace") or 1) + (1 if image.get("has-mask") else 0)
        check_image(int(image.get("width") or 0), int(image.get("height") or 0), channels, what)


def render_dpi(page: pymupdf.Page, dpi: int) -> int:
    """``dpi``, lowered for a page so large that its grey rendering would pass the image limit (a
    poster-sized page is read at a coarser resolution rather than refused)."""
    inches = max(page.rect.width, 1) / 72 * max(page.rect.height, 1) / 72
    fitting = int((MAX_DECODED_IMAGE_BYTES / inches) ** 0.5)
    return max(min(dpi, fitting), 1)
