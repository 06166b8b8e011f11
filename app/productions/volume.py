"""A production volume read into documents, pages keyed by Bates number, and plain findings.

``read_volume`` joins the DAT (one row per document, its metadata and family) with the OPT (one
line per page image, in order) and the TEXT files, and lists every inconsistency as a
``Finding``; none of them stops the import. Decisions, so that callers can rely on them:

- Documents come in DAT order, except that a family (same BEGATTACH, or PARENTBATES when there
  is no BEGATTACH column) stays together: the parent, then its attachments in Bates order, where
  the family's first member appears. A "family" of one document gets ``family_id`` None.
- A document's pages run from its BEGBATES in the OPT to its ENDBATES, never past the next DAT
  row's BEGBATES; without a usable ENDBATES, to the next document break. An ENDBATES outside
  its BEGBATES's series (another prefix or width, or before it) is an ``endbates_mismatch``,
  never a range.
- A Bates number is never a reason to drop a document: a BEGBATES that repeats an earlier row's
  is a document too, starting at that number's next place in the OPT (document breaks first), or
  a row without pages when there is none; a page number in two documents is a
  ``bates_duplicate`` naming both, and both are kept.
- Text: per-page files (``<bates>.txt`` anywhere under the volume outside NATIVES) win when a
  document has them for pages after its first; otherwise the DAT's text (a file path, or the
  text itself when the column holds text; else a ``<BEGBATES>.txt``) split at form feeds when
  the parts match the pages. A one-page document takes all of its text. A lone ``<BEGBATES>.txt``
  that the DAT does not name and form feeds do not split is the first page's text when other
  documents of the volume have per-page text. Pages left without text get ``text`` None (the
  caller OCRs them) and a finding; blank text counts as none. Only paths are kept here; the text
  is read per document at ingest (``text_rules.read_pages``), which reports what only the text
  shows (empty, unsplittable, unreadable or over the limit).
- A DAT row with no OPT pages: kept when it has text (one page labelled by its BEGBATES, or one
  per Bates number when the form feeds match its range), kept with no pages when only its native
  exists (the caller extracts the native), skipped otherwise; always a ``row_without_pages``.
- OPT pages that no DAT row claims become documents of their own (no metadata), split at the
  OPT's document breaks, with a ``pages_without_row`` finding: no page is ever dropped.
- Load-file paths are relative to the volume root (the folder holding DATA/IMAGES/TEXT) and may
  use backslashes, start with ``\\``, ``.\\``, a drive or the volume name, and differ in case.
- ``should_stop`` is asked throughout (load files, listings, documents); True raises ``Cancelled``.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import Cancelled, IngestError
from app.limits import MAX_METADATA_FIELD_CHARS
from app.productions.bates import bates_in_range, bates_span, format_bates, parse_bates, series_end_problem
from app.productions.checks import check_duplicates, check_ranges, merge_orphans
from app.productions.families import family_order
from app.productions.loadfiles import (
    METADATA_FIELDS,
    DatFile,
    OptRow,
    looks_like_dat,
    read_dat,
    read_opt_with_warnings,
)
from app.productions.records import (
    DocumentText,
    Finding,
    LoadFiles,
    ProductionDocument,
    ProductionPage,
    ProductionVolume,
    in_bates_order,
)
from app.productions.resolver import PathResolver, leads_outside, list_folder
from app.productions.text_rules import TextFinder, count


def find_load_files(folder: Path) -> LoadFiles | None:
    """The load files of a production volume in ``folder`` or its DATA subfolder (any case).

    A ``.dat`` counts only if its header names a Bates column. When there are several, a DAT
    and an OPT with the same name are preferred. None when the folder is not a production.
    """
    if not folder.is_dir():
        return None
    places = [folder, *(c for c in list_folder(folder) if c.name.lower() == "data" and c.is_dir())]
    files = [c for place in places for c in list_folder(place) if c.is_file()
             and c.suffix.lower() in (".dat", ".opt") and not leads_outside(c, folder)]
    dats = [f for f in files if f.suffix.lower() == ".dat" and looks_like_dat(f)]
    opts = [f for f in files if f.suffix.lower() == ".opt"]
    if not dats and not opts:
        return None
    pairs = [(d, o) for d in dats for o in opts if d.stem.lower() == o.stem.lower()]
    dat, opt = pairs[0] if pairs else (dats[0] if dats else None, opts[0] if opts else None)
    chosen = dat or opt
    assert chosen is not None
    root = chosen.parent.parent if chosen.parent.name.lower() == "data" else chosen.parent
    return LoadFiles(root, dat, opt, tuple(f for f in dats + opts if f not in (dat, opt)))


def _text_index(root: Path, outside: list[Path], check: Callable[[], None]) -> dict[str, Path]:
    """lower-case stem -> .txt file under the volume, NATIVES excluded (natives are named by
    Bates number too, and a native .txt is not extracted text). Links leading out of the volume
    go to ``outside`` instead: they are never read. Walked folder by folder rather than as one
    sorted list of every file (100,000 images would all be paths in memory at once); of two files
    with one stem, the first in path order, as that sorted list gave."""
    index: dict[str, Path] = {}
    for folder, dirs, files in os.walk(root):
        check()
        dirs[:] = sorted(d for d in dirs if not d.lower().startswith("native"))
        for name in files:
            if not name.lower().endswith(".txt"):
                continue
            path = Path(folder, name)
            if path.is_symlink() and leads_outside(path, root):
                outside.append(path)
                continue
            stem = path.stem.lower()
            if stem not in index or path < index[stem]:
                index[stem] = path
    outside.sort()
    return index


@dataclass
class _Builder:
    files: LoadFiles
    dat: DatFile | None
    opt: list[OptRow]
    resolver: PathResolver
    check: Callable[[], None]
    findings: list[Finding] = field(default_factory=list)
    text: TextFinder = field(init=False)

    def note(self, kind: str, message: str, bates: str | None = None) -> None:
        self.findings.append(Finding(kind, message, bates))

    def value(self, row: dict[str, str] | None, name: str) -> str:
        return self.dat.value(row, name) if self.dat is not None and row is not None else ""

    def page(self, row: OptRow) -> tuple[str, Path | None]:
        image = self.resolver.resolve(row.image_path) if row.image_path else None
        if image is None:
            shown = row.image_path or "(no path in the OPT)"
            self.note("missing_image", f"{row.bates}: image {shown} not found", row.bates)
        return row.bates, image


def read_volume(folder: Path, should_stop: Callable[[], bool] | None = None) -> ProductionVolume:
    """Read the production volume in ``folder`` (its root or its DATA folder).

    Raises IngestError only when there is no load file or it cannot be read at all, and
    ``Cancelled`` when ``should_stop`` says so; everything else is a finding (see the module
    docstring for the rules).
    """
    def check() -> None:
        if should_stop is not None and should_stop():
            raise Cancelled()

    files = find_load_files(folder)
    if files is None:
        raise IngestError("This folder is not a production: no .dat or .opt load file was found.")
    dat = read_dat(files.dat, should_stop) if files.dat else None
    opt, opt_warnings = read_opt_with_warnings(files.opt, should_stop) if files.opt else ([], [])
    bases = [files.root] + ([files.dat.parent] if files.dat else [])
    outside: list[Path] = []
    resolver = PathResolver(*bases)
    texts = _text_index(files.root, outside, check)
    builder = _Builder(files, dat, opt, resolver, check)
    per_page_volume = any(not row.doc_break and row.bates.lower() in texts for row in opt)
    builder.text = TextFinder(resolver, texts, per_page_volume, builder.findings)
    for path in files.ignored:
        builder.note("ignored_load_file", f"{path.name} was not read (one DAT and one OPT per volume)")
    for warning in dat.warnings if dat else ():
        builder.note("dat_warning", f"{files.dat.name if files.dat else 'DAT'} {warning}")
    for warning in opt_warnings:
        builder.note("opt_warning", f"{files.opt.name if files.opt else 'OPT'} {warning}")
    documents, ranges = _documents(builder)
    check_ranges(builder.note, ranges, check_duplicates(builder.note, documents))
    for link in dict.fromkeys([*outside, *resolver.outside]):
        builder.note("link_outside", f"{link.relative_to(files.root).as_posix()} is a link leading outside "
                     "the volume; not read")
    name = next((row.volume for row in opt if row.volume), files.root.name)
    return ProductionVolume(files.root, name, files, dat.encoding if dat else None,
                            tuple(family_order(documents)), tuple(in_bates_order(builder.findings)))


class _Places:
    """Where each Bates number stands in the OPT. Only a number listed more than once keeps a list
    of its places: a list per page would cost more than the page."""

    def __init__(self, b: _Builder) -> None:
        self.opt = b.opt
        self.first: dict[str, int] = {}
        self.repeats: dict[str, list[int]] = {}
        for index, row in enumerate(b.opt):
            b.check()
            key = row.bates.upper()
            if self.first.setdefault(key, index) != index:
                self.repeats.setdefault(key, [self.first[key]]).append(index)

    def start(self, bates: str, claim: int) -> int | None:
        """The place of the ``claim``-th row (from 0) starting at ``bates``: places that begin a
        document first, then the others, each in OPT order."""
        key = bates.upper()
        places = self.repeats.get(key) or ([self.first[key]] if key in self.first else [])
        places = sorted(places, key=lambda i: not self.opt[i].doc_break)  # stable: OPT order within
        return places[claim] if claim < len(places) else None

    def end(self, bates: str, start: int) -> int | None:
        """The first place of ``bates`` at or after ``start``."""
        key = bates.upper()
        places = self.repeats.get(key) or ([self.first[key]] if key in self.first else [])
        at = bisect.bisect_left(places, start)
        return places[at] if at < len(places) else None


def _documents(b: _Builder) -> tuple[list[ProductionDocument], list[tuple[str, str]]]:
    places = _Places(b)
    records: list[tuple[str, str, dict[str, str], int, int, int | None]] = []
    claims: dict[str, int] = {}
    dat = b.dat
    for row, line in zip(dat.rows, dat.row_lines, strict=True) if dat is not None else ():
        b.check()
        begbates = dat.value(row, "begbates")
        if not begbates:
            b.note("dat_warning", f"line {line}: no BEGBATES; row skipped")
            continue
        claim = claims[begbates.upper()] = claims.get(begbates.upper(), -1) + 1
        start = places.start(begbates, claim)
        endbates = dat.value(row, "endbates")
        why = series_end_problem(begbates, endbates) if endbates else None
        if why:  # a typo is not a range: "ABC1999" would otherwise swallow the documents after it
            then = "it ends at the next document break" if start is not None else "it is its BEGBATES alone"
            b.note("endbates_mismatch", f"{begbates}: ENDBATES {endbates} is not in its series ({why}); "
                   f"{then}", begbates)
            endbates = ""
        records.append((begbates, endbates, row, line, claim, start))
    hard = sorted(r[5] for r in records if r[5] is not None)
    soft = sorted({0, *hard, *(i for i, row in enumerate(b.opt) if row.doc_break)})
    claimed = [False] * len(b.opt)
    documents: list[ProductionDocument] = []
    orphans: list[ProductionDocument] = []
    ranges: list[tuple[str, str]] = []
    for begbates, endbates, row, line, claim, start in records:
        b.check()
        if start is None:
            endbates = endbates or begbates
            document = _row_without_pages(b, begbates, endbates, row, line, claim)
        else:
            stop = min(_next(soft, start), len(b.opt))
            end = places.end(endbates, start) if endbates else None
            if end is not None:
                stop = min(end + 1, _next(hard, start), len(b.opt))
            claimed[start:stop] = [True] * (stop - start)
            endbates = endbates or b.opt[stop - 1].bates  # no ENDBATES: the last page
            document = _document(b, begbates, endbates, row, b.opt[start:stop], line, claim)
        ranges.append((begbates, endbates))
        if document is not None:
            documents.append(document)
    index = 0
    while index < len(b.opt):  # pages no row claims: documents of their own, split at breaks
        b.check()
        if claimed[index]:
            index += 1
            continue
        stop = index + 1
        while stop < len(b.opt) and not claimed[stop] and not b.opt[stop].doc_break:
            stop += 1
        first, last = b.opt[index].bates, b.opt[stop - 1].bates
        if b.dat is not None:
            b.note("pages_without_row", f"{first}–{last} ({count(stop - index)}) have no row in the"
                   " DAT; kept as a document without metadata", first)
        orphans.append(_document(b, first, last, None, b.opt[index:stop]))
        ranges.append((first, last))
        index = stop
    return merge_orphans(documents, orphans), ranges


def _next(starts: list[int], index: int) -> int:
    """The first start after ``index`` (the end of the list when there is none)."""
    at = bisect.bisect_right(starts, index)
    return starts[at] if at < len(starts) else 1 << 62


def _document(b: _Builder, begbates: str, endbates: str, row: dict[str, str] | None,
              rows: list[OptRow], line: int | None = None, claim: int = 0) -> ProductionDocument:
    pages = [b.page(r) for r in rows]
    seen: set[str] = set()
    for r in rows:
        if r.bates.upper() in seen:
            b.note("bates_overlap", f"{r.bates} appears twice in the OPT (line {r.line})", r.bates)
        seen.add(r.bates.upper())
    problems = []
    if rows and rows[0].page_count is not None and rows[0].page_count != len(rows):
        problems.append(f"the OPT says {rows[0].page_count}")
    written = b.value(row, "pagecount")
    if written.isdigit() and int(written) != len(rows):
        problems.append(f"the DAT page count says {written}")
    span = bates_span(begbates, endbates)
    if row is not None and span is not None and span != len(rows):
        problems.append(f"{begbates}–{endbates} is {count(span)}" + _missing(begbates, endbates, span, seen))
    if problems:
        b.note("page_count_mismatch", f"{begbates}: {count(len(rows))} found, but "
               + ", ".join(problems), begbates)
    with_text, text = b.text.pages(begbates, pages, b.value(row, "textpath"))
    return _make(b, begbates, endbates, row, with_text, text, line=line, claim=claim)


def _missing(begbates: str, endbates: str, span: int, found: set[str]) -> str:
    """"; missing …" for the range's numbers without a page, named without listing the range
    (a mistyped ENDBATES can make it millions long)."""
    first = parse_bates(begbates)
    assert first is not None  # the range has a span
    inside = sum(1 for bates in found if bates_in_range(bates, begbates, endbates))
    total = span - inside
    listed: list[str] = []
    number = first.number
    while len(listed) < min(total, 10):
        label = format_bates(first.prefix, number, first.width)
        if label.upper() not in found:
            listed.append(label)
        number += 1
    more = total - len(listed)
    return (f"; missing {', '.join(listed)}" + (f" and {more} more" if more else "")) if total else ""


def _row_without_pages(b: _Builder, begbates: str, endbates: str, row: dict[str, str], line: int,
                       claim: int) -> ProductionDocument | None:
    text, problem = b.text.document_source(b.value(row, "textpath"), begbates)
    if text.inline is not None and not text.inline.strip():
        text, problem = DocumentText(), "empty text"
    if text != DocumentText():
        b.note("row_without_pages", f"{begbates}: no page images in the OPT; kept from its text", begbates)
        return _make(b, begbates, endbates, row, (ProductionPage(begbates, None),), text,
                     pages_from_text=True, line=line, claim=claim)
    document = _make(b, begbates, endbates, row, (), text, line=line, claim=claim)
    if document.native_path is not None:
        b.note("row_without_pages", f"{begbates}: no page images or text in the volume; kept with its"
               " native file only", begbates)
        return document
    why = f"no page images in the OPT, {problem or 'empty text'} and no native file"
    b.note("row_without_pages", f"{begbates}: {why}; skipped", begbates)
    return None


def _make(b: _Builder, begbates: str, endbates: str, row: dict[str, str] | None,
          pages: tuple[ProductionPage, ...], text: DocumentText, *, pages_from_text: bool = False,
          line: int | None = None, claim: int = 0) -> ProductionDocument:
    metadata: dict[str, str] = {}
    native = None
    family = None
    if b.dat is not None and row is not None:
        metadata = {name: b.dat.value(row, name) for name in METADATA_FIELDS if b.dat.value(row, name)}
        for name in [n for n, value in metadata.items() if len(value) > MAX_METADATA_FIELD_CHARS]:
            del metadata[name]
            b.note("over_limit", f"{begbates}: its {name} field is over Casefile's "
                   f"{MAX_METADATA_FIELD_CHARS // 1024} K character limit; not kept", begbates)
        family = b.dat.value(row, "begattach") or None
        if b.dat.column("begattach") is None:
            family = b.dat.value(row, "parentbates") or None  # the parent is fixed in families.family_order
        written = b.dat.value(row, "nativepath")
        native = b.resolver.resolve(written) if written else None
        if written and native is None:
            b.note("missing_native", f"{begbates}: native file {written} not found", begbates)
    # is_attachment is settled with the family, in families.family_order
    return ProductionDocument(begbates, endbates, family, False, metadata, native, pages, text,
                              pages_from_text, line, claim)
