"""Concordance ``.dat`` and Opticon ``.opt`` load files, read into plain dataclasses.

Load files come from many review platforms, and they disagree: CP1252 or UTF-8 (with or without
a BOM; UTF-16 with a BOM too), the Concordance delimiters (field ASCII 20 ``\\x14``, quote ``þ``,
in-field newline ``®``) or pipe/caret or comma/double-quote, and a dozen names for the same
column. So the encoding is detected from the bytes, the delimiters from the header line, and
columns are found through one alias table (``FIELD_ALIASES``). A bad row is a warning with its
line number; only a file that cannot be read at all raises ``IngestError``. The files a load file
names (images, text, natives) are found by ``resolver.PathResolver``, and TEXT files read by
``read_text_file`` with the same encoding detection.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from app.errors import Cancelled, IngestError
from app.limits import MAX_LOAD_FILE_BYTES, MAX_TEXT_FILE_BYTES, refuse_size

CONCORDANCE_DELIMITER = "\x14"
CONCORDANCE_QUOTE = "\u00fe"  # þ
CONCORDANCE_NEWLINE = "\u00ae"  # ®

# (delimiter, its usual quote), in the order they are tried on an unquoted header.
_STYLES = ((CONCORDANCE_DELIMITER, CONCORDANCE_QUOTE), ("|", "^"), ("\t", ""), (",", '"'), (";", '"'))
_QUOTES = (CONCORDANCE_QUOTE, "^", '"')

# canonical name -> aliases, compared in compact form (upper case, letters and digits only), in
# order of preference when a file has more than one of them. The one place aliases live.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "begbates": ("BEGBATES", "BEGDOC", "BEGNO", "PRODBEGBATES", "BATESBEGIN", "BEGINBATES", "PRODBEG",
                 "BEGBATESNUMBER", "BEGPROD", "BATESBEG", "STARTBATES", "BATESSTART", "PRODBEGDOC"),
    "endbates": ("ENDBATES", "ENDDOC", "ENDNO", "PRODENDBATES", "BATESEND", "ENDBATESNUMBER",
                 "ENDPROD", "PRODEND", "PRODENDDOC"),
    "begattach": ("BEGATTACH", "BEGFAMILY", "ATTACHBEG", "BEGINATTACH", "BEGINATTACHMENT",
                  "BEGATTACHMENT", "PRODBEGATTACH", "BEGATT", "FAMILYBEG", "BEGINFAMILY"),
    "endattach": ("ENDATTACH", "ENDFAMILY", "ATTACHEND", "ENDATTACHMENT", "PRODENDATTACH", "ENDATT",
                  "FAMILYEND"),
    # A child names its parent's Bates; used only when there is no BEGATTACH column.
    "parentbates": ("PARENTBATES", "PARENTBEGBATES", "PARENTDOCID", "PARENTID", "PARENTDOC"),
    "textpath": ("TEXTPATH", "EXTRACTEDTEXT", "TEXTLINK", "OCRPATH", "TEXTFILE", "EXTRACTEDTEXTPATH",
                 "OCRTEXTPATH", "TEXTFILEPATH", "FULLTEXT", "TEXT", "OCR"),
    "nativepath": ("NATIVEPATH", "NATIVELINK", "NATIVEFILE", "NATIVEFILEPATH", "NATIVEFILELINK",
                   "NATIVE", "DOCLINK", "FILEPATH"),
    "pagecount": ("PGCOUNT", "PAGECOUNT", "PAGES", "NUMPAGES", "NUMBEROFPAGES"),
    # Metadata kept on each document (as written, dates too).
    "custodian": ("CUSTODIAN",),
    "all_custodians": ("ALLCUSTODIANS", "DUPLICATECUSTODIANS", "OTHERCUSTODIANS", "CUSTODIANS"),
    "date_sent": ("DATESENT", "SENTDATE", "EMAILDATESENT"),
    "time_sent": ("TIMESENT", "SENTTIME"),
    "date_received": ("DATERCVD", "DATERECEIVED", "RECEIVEDDATE", "DATERECVD", "RCVDDATE"),
    "date_created": ("DATECREATED", "CREATEDDATE", "CREATEDATE", "DATECREATE"),
    "date_modified": ("DATEMOD", "DATEMODIFIED", "LASTMODIFIED", "MODIFIEDDATE", "DATELASTMOD",
                      "LASTMODDATE"),
    "doc_date": ("DOCDATE", "DOCUMENTDATE", "DATE"),
    "from": ("FROM", "EMAILFROM", "SENDER"),
    "to": ("TO", "EMAILTO", "RECIPIENTS", "RECIPIENT"),
    "cc": ("CC", "EMAILCC"),
    "bcc": ("BCC", "EMAILBCC"),
    "subject": ("SUBJECT", "EMAILSUBJECT"),
    "filename": ("FILENAME", "ORIGINALFILENAME", "NATIVEFILENAME", "DOCNAME"),
    "title": ("TITLE", "DOCTITLE"),
    "author": ("AUTHOR",),
    "doc_type": ("DOCTYPE", "DOCUMENTTYPE", "FILETYPE", "RECORDTYPE"),
    "file_extension": ("FILEEXT", "FILEEXTENSION", "EXTENSION"),
    "confidentiality": ("CONFIDENTIALITY", "CONFIDENTIALITYDESIGNATION", "DESIGNATION"),
}
METADATA_FIELDS = (
    "custodian", "all_custodians", "date_sent", "time_sent", "date_received", "date_created",
    "date_modified", "doc_date", "from", "to", "cc", "bcc", "subject", "filename", "title", "author",
    "doc_type", "file_extension", "confidentiality",
)
_CANONICAL = {alias: name for name, aliases in FIELD_ALIASES.items() for alias in aliases}


@dataclass(frozen=True)
class DatFile:
    """A Concordance load file: one row per document.

    ``fields`` are the header names as written; each row is keyed by the normalised name
    (``normalise_field_name``: upper case, single spaces). ``row_lines`` gives each row's line
    number (1-based, the header is line 1). Use ``column``/``value`` to reach a field by its
    canonical name through the alias table.
    """

    path: Path
    fields: tuple[str, ...]
    rows: tuple[dict[str, str], ...]
    row_lines: tuple[int, ...]
    encoding: str
    delimiter: str
    quote: str
    warnings: tuple[str, ...]

    def column(self, canonical: str) -> str | None:
        """The normalised header that holds ``canonical`` (e.g. "begbates"), or None."""
        return self._columns.get(canonical)

    @cached_property
    def _columns(self) -> dict[str, str | None]:
        # Asked for every field of every row: 20,000 rows would otherwise redo the alias search
        # half a million times.
        headers = tuple(normalise_field_name(f) for f in self.fields)
        return {canonical: _find_column(headers, canonical) for canonical in FIELD_ALIASES}

    def value(self, row: dict[str, str], canonical: str) -> str:
        """The row's value for a canonical field, stripped; "" when the file lacks it."""
        column = self.column(canonical)
        return row.get(column, "").strip() if column else ""


@dataclass(frozen=True, slots=True)  # slots: one per page, and a volume can have 100,000
class OptRow:
    """One page image of an Opticon load file."""

    bates: str
    volume: str
    image_path: str  # as written (backslashes and all)
    doc_break: bool
    box: str
    folder: str
    page_count: int | None
    line: int


def normalise_field_name(name: str) -> str:
    return " ".join(name.strip().upper().split())


def canonical_field(name: str) -> str | None:
    """The canonical name of a header (``"Bates Begin"`` -> ``"begbates"``), or None."""
    return _CANONICAL.get(_compact(name))


def _compact(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def _find_column(headers: tuple[str, ...], canonical: str) -> str | None:
    by_compact = {}
    for header in headers:
        by_compact.setdefault(_compact(header), header)
    for alias in FIELD_ALIASES.get(canonical, ()):
        if alias in by_compact:
            return by_compact[alias]
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): a BOM decides; else UTF-8 when the bytes are valid UTF-8; else CP1252.

    CP1252 leaves five bytes undefined; they become U+FFFD rather than stopping the import.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _read(path: Path, what: str) -> tuple[str, str]:
    try:
        refuse_size(path.stat().st_size, MAX_LOAD_FILE_BYTES, f"{what} {path.name}",
                    "split the production into volumes")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"The {what} {path.name} cannot be read.", detail=str(exc)) from None
    return decode_bytes(data)


def detect_style(header: str) -> tuple[str, str]:
    """(delimiter, quote) from the header line; quote is "" for unquoted files.

    A quoted header says both: its first character is the quote, and the character after the
    first closing quote is the delimiter. An unquoted header is searched for the delimiters in
    ``_STYLES`` order; the quote is then that style's usual one (rows may still be quoted).
    """
    header = header.lstrip("\ufeff")
    if header[:1] in _QUOTES:
        quote = header[0]
        close = header.find(quote, 1)
        if close != -1 and close + 1 < len(header):
            return header[close + 1], quote
        if close != -1:  # a single quoted column: the quote's usual delimiter
            return next(d for d, q in _STYLES if q == quote), quote
    for delimiter, quote in _STYLES:
        if delimiter in header:
            return delimiter, quote
    return CONCORDANCE_DELIMITER, CONCORDANCE_QUOTE  # one unquoted column: nothing to split


def _field_pattern(delimiter: str, quote: str) -> re.Pattern[str]:
    """One field and what ends it (a delimiter, a line end, the end of the text)."""
    d = re.escape(delimiter)
    end = rf"(?:{d}|\r\n|\n|\r|\Z)"
    unquoted = rf"(?P<u>[^{d}\r\n]*)"
    terminator = rf"(?P<t>{d}|\r\n|\n|\r|\Z)"
    if not quote:
        return re.compile(unquoted + terminator)
    q = re.escape(quote)
    # Real line breaks inside quotes are a CSV habit; Concordance-style files write ® instead,
    # so there an unclosed quote must not swallow the next lines.
    inner = f"[^{q}]" if quote == '"' else f"[^{q}\\r\\n]"
    # Possessive, so that an unclosed quote fails at once (no backtracking) and the field is
    # then read as unquoted text: the damage stays in its field.
    quoted = rf"{q}(?P<q>(?:{inner}++|{q}{q}|{q}(?!{end}))*+){q}(?={end})"
    return re.compile(rf"(?:{quoted}|{unquoted}){terminator}")


def split_records(text: str, delimiter: str, quote: str,
                  should_stop: Callable[[], bool] | None = None) -> list[tuple[int, list[str]]]:
    """(line number, fields) per non-blank record. Quotes may hold delimiters (and, with ``"``,
    real line breaks); a doubled quote inside quotes is a literal one; a quote inside a field
    that does not close it is kept as text; a field whose quote never closes is read up to the
    next delimiter. One regular expression per field, not a loop per character: DATs get large.
    ``should_stop`` is asked at each record; True raises ``Cancelled``."""
    pattern = _field_pattern(delimiter, quote)
    records: list[tuple[int, list[str]]] = []
    fields: list[str] = []
    pos = record_start = 0
    line = 1
    while True:
        match = pattern.match(text, pos)
        assert match is not None  # the unquoted alternative matches anywhere
        if quote and match["q"] is not None:
            value = match["q"].replace(quote + quote, quote).replace("\r\n", "\n")
        else:  # unquoted, or a quote that never closed: drop that opening quote
            value = match["u"][1:] if quote and match["u"].startswith(quote) else match["u"]
        fields.append(value)
        pos = match.end()
        if match["t"] == delimiter:
            continue
        if any(field.strip() for field in fields):
            records.append((line, fields))
            if should_stop is not None and should_stop():
                raise Cancelled()
        line += text.count("\n", record_start, pos)
        fields, record_start = [], pos
        if not match["t"]:  # the end of the text
            return records


def _lines(text: str):
    """The lines of ``text`` one by one (``splitlines`` would copy a whole large file at once)."""
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\n|\r|$)", text):
        yield match.group().rstrip("\r\n")


def read_dat(path: Path, should_stop: Callable[[], bool] | None = None) -> DatFile:
    """Read a Concordance load file. Raises IngestError only when it cannot be used at all, and
    ``Cancelled`` when ``should_stop`` says so."""
    text, encoding = _read(path, "load file")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise IngestError(f"The load file {path.name} is empty.")
    header_line = next(line for line in _lines(text) if line.strip())
    delimiter, quote = detect_style(header_line)
    records = split_records(text, delimiter, quote, should_stop)
    raw_fields = records[0][1]
    while raw_fields and not raw_fields[-1].strip():  # a trailing delimiter closes some headers
        raw_fields.pop()
    fields = tuple(f.strip() for f in raw_fields)
    keys = _unique_keys(fields)
    if _find_column(tuple(keys), "begbates") is None:
        raise IngestError(
            f"The load file {path.name} has no Bates column (BEGBATES or similar).",
            detail=f"header fields: {fields!r}")
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    warnings: list[str] = []
    for lineno, values in records[1:]:
        if len(values) == len(keys) + 1 and not values[-1].strip():
            values = values[:-1]  # the same trailing delimiter on rows
        if len(values) != len(keys):
            warnings.append(f"line {lineno}: {len(values)} fields where the header has {len(keys)};"
                            " row skipped")
            continue
        rows.append({key: value.replace(CONCORDANCE_NEWLINE, "\n") for key, value in zip(
            keys, values, strict=True)})
        lines.append(lineno)
    return DatFile(path, fields, tuple(rows), tuple(lines), encoding, delimiter, quote, tuple(warnings))


def _unique_keys(fields: tuple[str, ...]) -> list[str]:
    """Normalised names; a repeated one becomes "NAME (2)" so that no value is lost."""
    keys: list[str] = []
    for field in fields:
        key = normalise_field_name(field)
        candidate, count = key, 1
        while candidate in keys:
            count += 1
            candidate = f"{key} ({count})"
        keys.append(candidate)
    return keys


def parse_opt(text: str, should_stop: Callable[[], bool] | None = None) -> tuple[list[OptRow], list[str]]:
    """(rows, warnings) of an Opticon file's text. Seven comma fields per page: Bates, volume,
    image path, "Y" on a document's first page, box, folder, page count. Missing trailing
    fields are empty; a path containing commas is rejoined (the last four fields are fixed).
    ``should_stop`` is asked at each line; True raises ``Cancelled``."""
    rows: list[OptRow] = []
    warnings: list[str] = []
    for lineno, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if should_stop is not None and should_stop():
            raise Cancelled()
        if not raw.strip():
            continue
        parts = [part.strip() for part in raw.split(",")]
        if len(parts) > 7:
            parts = [*parts[:2], ",".join(parts[2:-4]), *parts[-4:]]
        parts += [""] * (7 - len(parts))
        bates, volume, image, brk, box, folder, count = parts
        if not bates:
            warnings.append(f"line {lineno}: no Bates number; line skipped")
            continue
        page_count = int(count) if count.isdigit() else None
        if count and page_count is None:
            warnings.append(f"line {lineno}: page count {count!r} is not a number")
        rows.append(OptRow(bates, volume, image, brk.upper() == "Y", box, folder, page_count, lineno))
    return rows, warnings


def read_opt(path: Path) -> list[OptRow]:
    """Read an Opticon load file (see ``parse_opt``); lines without a Bates number are skipped.

    Raises IngestError only when the file cannot be read.
    """
    return read_opt_with_warnings(path)[0]


def read_opt_with_warnings(path: Path, should_stop: Callable[[], bool] | None = None
                           ) -> tuple[list[OptRow], list[str]]:
    """``read_opt`` plus the warnings of ``parse_opt`` (skipped lines, bad page counts)."""
    return parse_opt(_read(path, "image load file")[0], should_stop)


def looks_like_dat(path: Path) -> bool:
    """Whether a file's header line names a Bates column (a cheap test: many files end in .dat)."""
    try:
        with path.open("rb") as stream:
            data = stream.read(65536)
    except OSError:
        return False
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.split(b"\n", 1)[0]  # a cut multi-byte character must not spoil the guess
    header = next((line for line in decode_bytes(data)[0].lstrip("\ufeff").splitlines() if line.strip()), "")
    if not header:
        return False
    delimiter, quote = detect_style(header)
    names = (name.strip().strip(quote) if quote else name.strip() for name in header.split(delimiter))
    return any(canonical_field(name) == "begbates" for name in names)


def text_file_too_large(path: Path) -> bool:
    try:
        return path.stat().st_size > MAX_TEXT_FILE_BYTES
    except OSError:
        return False


def read_text_file(path: Path) -> str | None:
    """A TEXT file: UTF-8 (BOM or not), else CP1252; line ends made "\\n". None if unreadable or
    over ``MAX_TEXT_FILE_BYTES`` (``text_file_too_large`` tells which, for the finding)."""
    try:
        if text_file_too_large(path):
            return None
        text, _ = decode_bytes(path.read_bytes())
    except OSError:
        return None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
