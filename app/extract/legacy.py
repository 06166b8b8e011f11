"""Word 97-2003, WordPerfect, RTF and OpenDocument text (and spreadsheets where LibreOffice Calc is
installed), converted to PDF by LibreOffice headless, then read page by page like any PDF.

Firms keep decades of ``.doc`` and ``.wpd`` files; LibreOffice's import filters read both (the
narrower converters read one format each). The conversion runs in the reading pool, under its
time limit, with a private throw-away profile, no network, and nothing left behind: the work
folder (profile, converted PDF, an attachment's bytes) is removed when the conversion ends, and
the PDF is read from memory. Without LibreOffice these files are refused with a sentence that
says what to install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf

from app.errors import IngestError
from app.extract import ExtractedDocument, Source
from app.extract.mupdf import MUPDF_ERRORS
from app.extract.pdf import read_pages
from app.limits import check_package
from inference.helper_program import NO_WINDOW

WRITER_SUFFIXES = (".doc", ".wpd", ".rtf", ".odt", ".wps")
CALC_SUFFIXES = (".xls", ".xlsx", ".ods")
SUFFIXES = WRITER_SUFFIXES + CALC_SUFFIXES
PACKAGE_SUFFIXES = (".odt", ".xlsx", ".ods")
LAYOUT_NOTE = ("Converted by LibreOffice: its pages are LibreOffice's layout, which may number pages "
               "differently from the program that wrote the file.")
CONVERT_TIMEOUT_S = 90  # under the pool's own limit per file (FILE_TIMEOUT_S)
INSTALL_HINT = ("LibreOffice reads this format: install it (Debian/Ubuntu: sudo apt-get install "
                "libreoffice-writer-nogui libreoffice-calc-nogui; macOS and Windows: libreoffice.org), "
                "then add the file again")
# Where LibreOffice installs itself when it is not on the PATH.
_INSTALLED = {"win32": [Path(os.environ.get(v, "")) / "LibreOffice" / "program" / "soffice.exe"
                        for v in ("PROGRAMFILES", "PROGRAMFILES(X86)") if os.environ.get(v)],
              "darwin": [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]}


# What each format's file starts with. LibreOffice imports any bytes it does not recognise as
# plain text, so a damaged or misnamed file would come back as a page of garbage: checked first.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, Works
_ZIP = b"PK\x03\x04"  # OpenDocument, XLSX
_RTF = b"{\\rtf"
MAGIC = {".doc": (_OLE2, _RTF), ".xls": (_OLE2,), ".wps": (_OLE2,), ".wpd": (b"\xffWPC",), ".rtf": (_RTF,),
         ".odt": (_ZIP,), ".ods": (_ZIP,), ".xlsx": (_ZIP,)}


def soffice_program() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((str(p) for p in _INSTALLED.get(sys.platform, []) if p.is_file()), None)


def extract_legacy(source: Source) -> ExtractedDocument:
    head = source.head(8)
    if not any(head.startswith(magic) for magic in MAGIC.get(source.suffix, (head,))):
        raise IngestError(f"Not a readable {source.suffix} file (its contents are not in that format; it may "
                          "be damaged or misnamed).")
    if source.suffix in PACKAGE_SUFFIXES:  # ZIP packages: LibreOffice would expand any bomb
        check_package(source.data, source.path, what=f"{source.suffix} document")
    # The pages (and any OCR job for a scan pasted into the document) are the converted PDF's.
    converted = Source(name=f"{Path(source.name).stem}.pdf", data=convert_to_pdf(source), depth=source.depth,
                       ocr_language=source.ocr_language, ocr_dpi=source.ocr_dpi)
    try:
        document = pymupdf.open(stream=converted.data, filetype="pdf")
    except MUPDF_ERRORS as exc:
        raise IngestError("LibreOffice could not convert the file (it may be damaged).",
                          detail=str(exc)) from None
    with document:
        if document.page_count == 0:
            raise IngestError("The document has no pages.")
        read = read_pages(document, converted, kind=source.suffix.lstrip("."))
    return ExtractedDocument(read.kind, read.pages, (*read.warnings, LAYOUT_NOTE),
                             read.ocr_jobs)


def convert_to_pdf(source: Source) -> bytes:
    """The file as PDF bytes, converted in a private folder that is removed before this returns."""
    program = soffice_program()
    if program is None:
        raise IngestError(f"Cannot read {source.suffix} files yet: {INSTALL_HINT}.")
    with tempfile.TemporaryDirectory(prefix="casefile-convert-") as work:
        folder = Path(work)
        if source.path is not None:
            original = source.path
        else:  # an attachment: its bytes are written into the work folder, removed with it
            original = folder / f"attachment{source.suffix}"
            original.write_bytes(source.data)
        out = folder / "out"
        env = {**os.environ, "HOME": str(folder), "TMPDIR": str(folder), "TMP": str(folder),
               "TEMP": str(folder), "SAL_USE_VCLPLUGIN": "svp", "no_proxy": "*"}
        for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
            env.pop(proxy, None)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--nodefault", "--nofirststartwizard",
                   "--convert-to", "pdf", "--outdir", str(out), str(original)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, env=env, check=False,
                           creationflags=NO_WINDOW, cwd=folder)
        except subprocess.TimeoutExpired:
            raise IngestError(f"LibreOffice took longer than {CONVERT_TIMEOUT_S} s to convert the file; "
                              "it was skipped (it may be damaged).") from None
        converted = out / f"{original.stem}.pdf"
        if not converted.is_file():
            raise IngestError("LibreOffice could not convert the file (it may be damaged or not really "
                              f"a {source.suffix} file).")
        return converted.read_bytes()
