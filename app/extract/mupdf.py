"""PyMuPDF as every reader opens it: the text flags, its errors, and opening a file (damaged or
password-protected files become IngestErrors). Shared by the PDF reader, the image reader and
OCR, which therefore need not import one another."""

from __future__ import annotations

import pymupdf

from app.errors import IngestError, PasswordNeeded
from app.extract import Source

# Ligatures come out as plain letters ("fi", not U+FB01), so quotes and searches match the page.
TEXT_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_PRESERVE_LIGATURES

# MuPDF raises its own exception classes (FzErrorFormat, ...) that share no base with ours
# beyond Exception; on untrusted files every call can raise one, so we catch broadly, per page.
MUPDF_ERRORS = (Exception,)

pymupdf.TOOLS.mupdf_display_errors(False)  # MuPDF's own messages would go to stderr unasked
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
