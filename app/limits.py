"""What a file may expand to while it is read: the one place Casefile's input limits live.

A production from opposing counsel or a chart exported by another system is input Casefile does
not control, and the dangerous files are small ones that grow: a 4 MB Word file whose XML is a
gigabyte, a PNG whose header promises 46,000 × 46,000 pixels. So every reader checks what a file
*will* take before it expands it, and refuses with one line that names the limit. The limits sit
well above real documents (a 600 dpi tabloid scan, a 10,000-page Word file, a 150 MB e-mail)
and keep each reading process under about 1.5 GiB; the README lists them for IT admins.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from app.errors import InputTooLarge

MiB = 1024**2

MAX_FILE_BYTES = 2 * 1024**3  # larger files are refused up front, not half-read

# Images: the decoded picture (width × height × colour channels) must fit in this many bytes. A
# 600 dpi scan of an 11 × 17 in. page in colour is 202 MB; MuPDF's own limit is far higher and
# reached only after gigabytes of memory.
MAX_DECODED_IMAGE_BYTES = 320 * MiB

# Office files (DOCX, XLSX, ODT, ODS) are ZIP packages: checked from the ZIP directory before any
# part is decompressed. The directory's sizes are checked again while reading (zipfile stops at
# the declared size), so a lying directory cannot get past them.
MAX_PACKAGE_BYTES = 512 * MiB  # all parts, decompressed
MAX_XML_PART_BYTES = 64 * MiB  # one XML part (a 10,000-page Word document's is about 40 MB)
MAX_PACKAGE_RATIO = 200  # decompressed : compressed, for parts over RATIO_CHECKED_FROM
RATIO_CHECKED_FROM = 16 * MiB
MAX_PACKAGE_PARTS = 20_000

MAX_XML_BYTES = 64 * MiB  # a C-CDA document or an HTML page
MAX_TEXT_BYTES = 256 * MiB  # a plain-text file (split at form feeds, counted in pieces)
MAX_EMAIL_BYTES = 256 * MiB  # a message with its attachments (Outlook's own limit is 150 MB)
MAX_EMAIL_PARTS = 2_000  # attachments of one message, nested ones included

# Load files of a production volume.
MAX_LOAD_FILE_BYTES = 320 * MiB  # one DAT or OPT: read whole, at about 3.5 times its size
MAX_TEXT_FILE_BYTES = 64 * MiB  # one TEXT file (a 20,000-page document's text is about 60 MB)
MAX_TEXT_FIELD_CHARS = 16 * MiB  # the DAT's text column, when it holds the text itself
MAX_METADATA_FIELD_CHARS = 64 * 1024  # a custodian, a subject, a recipients list


def megabytes(n: int) -> str:
    return f"{n / MiB:,.0f} MB" if n >= MiB else f"{n / 1024:,.0f} KB"


def refuse_size(size: int, limit: int, what: str, hint: str = "") -> None:
    """Raise the one-line refusal for ``what`` of ``size`` bytes over ``limit``."""
    if size > limit:
        raise InputTooLarge(f"The {what} is {megabytes(size)}, over Casefile's {megabytes(limit)} limit"
                          + (f": {hint}." if hint else "; it was not read."))


def check_package(data: bytes | None = None, path: Path | None = None, what: str = "document") -> None:
    """Refuse a ZIP package (DOCX, XLSX, ODT, ODS) whose parts would expand past the limits.

    Only the ZIP directory is read. A file that is not a ZIP at all is left to its reader, which
    says it is damaged in its own words."""
    try:
        with zipfile.ZipFile(io.BytesIO(data) if data is not None else path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(parts) > MAX_PACKAGE_PARTS:
        raise InputTooLarge(f"The {what} has {len(parts):,} parts, over Casefile's limit of "
                          f"{MAX_PACKAGE_PARTS:,}; it was not read.")
    total = sum(part.file_size for part in parts)
    refuse_size(total, MAX_PACKAGE_BYTES, f"{what} decompressed",
                "save it as PDF (or split it) and add that")
    for part in parts:
        if part.filename.lower().endswith((".xml", ".rels")):
            refuse_size(part.file_size, MAX_XML_PART_BYTES, f"{what}'s XML part decompressed",
                        "save it as PDF and add that")
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size > RATIO_CHECKED_FROM and ratio > MAX_PACKAGE_RATIO:
            raise InputTooLarge(f"The {what} is a compression bomb (one part expands {ratio:,} times); "
                                "it was not read.")


def image_bytes(width: int, height: int, channels: int) -> int:
    return width * height * max(channels, 1)


def check_image(width: int, height: int, channels: int, what: str = "image") -> None:
    """Refuse a picture whose decoded pixels would pass ``MAX_DECODED_IMAGE_BYTES``."""
    size = image_bytes(width, height, channels)
    if size > MAX_DECODED_IMAGE_BYTES:
        raise InputTooLarge(f"The {what} is {width:,} × {height:,} pixels ({megabytes(size)} decoded), "
                          f"over Casefile's {megabytes(MAX_DECODED_IMAGE_BYTES)} limit; it was not read.")
