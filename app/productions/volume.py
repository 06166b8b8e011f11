"""A production volume read into documents, pages keyed by Bates number, and plain findings.

``read_volume`` joins the DAT (one row per document, its metadata and family) with the OPT (one
line per page image, in order) and the TEXT files, and lists every inconsistency as a
``Finding``; none of them stops the import. Decisions, so that callers can rely on them:

- Documents come in DAT order, except that a family (same BEGATTACH, or PARENTBATES when there
  is no BEGATTACH column) stays together: the parent, then its attachments in Bates order, where
  the family's first member appears. A "family" of one document gets ``family_id`` None.
- A document's pages run from its BEGBATES in the OPT to its ENDBATES, never past the next DAT
  row's BEGBATES; without a usable ENDBATES, to the next document break.
- Text: per-page files (``<bates>.txt`` anywhere under the volume outside NATIVES) win when a
  document has them for pages after its first; otherwise the DAT's text (a file path, or the
  text itself when the column holds text; else a ``<BEGBATES>.txt``) split at form feeds when
  the parts match the pages. A one-page document takes all of its text. A lone ``<BEGBATES>.txt``
  that the DAT does not name and form feeds do not split is the first page's text when other
  documents of the volume have per-page text. Pages left without text get ``text`` None (the
  caller OCRs them) and a finding; blank text counts as none.
- A DAT row with no OPT pages: kept when it has text (one page labelled by its BEGBATES, or one
  per Bates number when the form feeds match its range), kept with no pages when only its native
  exists (the caller extracts the native), skipped otherwise; always a ``row_without_pages``.
- OPT pages that no DAT row claims become documents of their own (no metadata), split at the
  OPT's document breaks, with a ``pages_without_row`` finding: no page is ever dropped.
- Load-file paths are relative to the volume root (the folder holding DATA/IMAGES/TEXT) and may
  use backslashes, start with ``\\``, ``.\\``, a drive or the volume name, and differ in case.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path

from app.errors import IngestError
from app.limits import (
    MAX_METADATA_FIELD_CHARS,
    MAX_TEXT_FIELD_CHARS,
    MAX_TEXT_FILE_BYTES,
    MiB,
    megabytes,
)
from app.productions.bates import bates_key, bates_range, bates_span, format_bates, parse_bates
from app.productions.families import family_order
from app.productions.loadfiles import (
    METADATA_FIELDS,
    DatFile,
    OptRow,
    PathResolver,
    leads_outside,
    list_folder,
    looks_like_dat,
    read_dat,
    read_opt_with_warnings,
    read_text_file,
    text_file_too_large,
)
from app.productions.records import (
    Finding,
    LoadFiles,
    ProductionDocument,
    ProductionPage,
    ProductionVolume,
)

# A text column names a file (not the text itself) when it is one short line ending in a text
# file's name: "TEXT\001\ABC0000001.txt" is a file; "and/or 1.5" and longer text are text.
_PATH_LIKE = re.compile(r"[^\n]{1,400}\.(?:txt|text)", re.IGNORECASE)
_LISTED = 10  # Bates numbers named in one finding before "and N more"


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


def _text_index(root: Path, outside: list[Path]) -> dict[str, Path]:
    """lower-case stem -> .txt file under the volume, NATIVES excluded (natives are named by
    Bates number too, and a native .txt is not extracted text). Links leading out of the volume
    go to ``outside`` instead: they are never read."""
    index: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts[:-1]
        if path.suffix.lower() == ".txt" and not any(p.lower().startswith("native") for p in relative):
            if path.is_symlink() and leads_outside(path, root):
                outside.append(path)
                continue
            index.setdefault(path.stem.lower(), path)
    return index


@dataclass
class _Builder:
    files: LoadFiles
    dat: DatFile | None
    opt: list[OptRow]
    resolver: PathResolver
    texts: dict[str, Path]
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def per_page_volume(self) -> bool:
        """Whether any page other than a document's first has its own text file."""
        return any(not row.doc_break and row.bates.lower() in self.texts for row in self.opt)

    def note(self, kind: str, message: str, bates: str | None = None) -> None:
        self.findings.append(Finding(kind, message, bates))

    def read_text(self, path: Path, bates: str) -> str | None:
        if text_file_too_large(path):
            self.note("over_limit", f"{bates}: text file {path.name} is over Casefile's "
                      f"{megabytes(MAX_TEXT_FILE_BYTES)} limit; not read", bates)
        return read_text_file(path)

    def page(self, row: OptRow) -> tuple[str, Path | None]:
        image = self.resolver.resolve(row.image_path) if row.image_path else None
        if image is None:
            shown = row.image_path or "(no path in the OPT)"
            self.note("missing_image", f"{row.bates}: image {shown} not found", row.bates)
        return row.bates, image

    def document_text(self, row: dict[str, str] | None, begbates: str) -> tuple[str | None, str | None]:
        """(text, finding message) from the DAT's text column, else ``<BEGBATES>.txt``."""
        written = self.dat.value(row, "textpath") if self.dat is not None and row is not None else ""
        if len(written) > MAX_TEXT_FIELD_CHARS:
            return None, (f"its text in the DAT is {len(written) / MiB:,.0f} M characters, over "
                          f"Casefile's {MAX_TEXT_FIELD_CHARS // MiB} M limit")
        if written and not _PATH_LIKE.fullmatch(written):
            return written, None  # the column holds the text itself
        path = self.resolver.resolve(written) if written else None
        path = path or self.texts.get(begbates.lower())
        if path is None:
            return None, (f"text file {written} not found" if written else "no text supplied")
        return self.read_text(path, begbates), None

    def pages_with_text(self, doc: str, pages: list[tuple[str, Path | None]],
                        row: dict[str, str] | None) -> tuple[ProductionPage, ...]:
        files = [self.texts.get(bates.lower()) for bates, _ in pages]
        per_page = len(pages) > 1 and any(files[1:])
        written = self.dat.value(row, "textpath") if self.dat is not None and row is not None else ""
        if not per_page and len(pages) > 1 and files[0] and not written and self.per_page_volume:
            # "<BEGBATES>.txt" alone: in a volume with per-page text, and without form feeds that
            # split it, it is the first page's text (the later pages' files are missing).
            first = self.read_text(files[0], doc)
            per_page = first is None or _split_pages(first, len(pages)) is None
        if per_page:
            texts = [self.read_text(f, bates) if f else None
                     for (bates, _), f in zip(pages, files, strict=True)]
            lacking = [bates for (bates, _), f in zip(pages, files, strict=True) if f is None]
            if lacking:
                self.note("missing_text", f"{doc}: no text file for {_names(lacking)}; OCR needed",
                          lacking[0])
            return tuple(ProductionPage(b, image, _usable(t), "page-text" if _usable(t) else None)
                         for (b, image), t in zip(pages, texts, strict=True))
        text, problem = self.document_text(row, doc)
        if text is not None and not text.strip():
            text, problem = None, "its text is empty"
        parts = _split_pages(text, len(pages)) if text is not None else None
        if problem:
            self.note("missing_text", f"{doc}: {problem}; {_count(len(pages))} need OCR", doc)
        elif parts is None:
            form_feeds = text.count("\f") if text else 0
            self.note("text_not_split", f"{doc}: the document text ({form_feeds} form feeds) cannot be"
                      f" split into its {len(pages)} pages; they need OCR", doc)
        parts = parts or [None] * len(pages)
        return tuple(ProductionPage(b, image, _usable(t), "document-text" if _usable(t) else None)
                     for (b, image), t in zip(pages, parts, strict=True))


def _split_pages(text: str, pages: int) -> list[str] | None:
    parts = text.split("\f")
    while len(parts) > pages and not parts[-1].strip():  # a form feed that ends the last page
        parts.pop()
    if len(parts) == pages:
        return parts
    return ["\n\n".join(parts)] if pages == 1 else None


def _usable(text: str | None) -> str | None:
    return text if text is not None and text.strip() else None


def _names(bates: list[str]) -> str:
    more = len(bates) - _LISTED
    return ", ".join(bates[:_LISTED]) + (f" and {more} more" if more > 0 else "")


def _count(pages: int) -> str:
    return f"{pages} page" + ("" if pages == 1 else "s")


def read_volume(folder: Path) -> ProductionVolume:
    """Read the production volume in ``folder`` (its root or its DATA folder).

    Raises IngestError only when there is no load file or it cannot be read at all; everything
    else is a finding (see the module docstring for the rules).
    """
    files = find_load_files(folder)
    if files is None:
        raise IngestError("This folder is not a production: no .dat or .opt load file was found.")
    dat = read_dat(files.dat) if files.dat else None
    opt, opt_warnings = read_opt_with_warnings(files.opt) if files.opt else ([], [])
    bases = [files.root] + ([files.dat.parent] if files.dat else [])
    outside: list[Path] = []
    resolver = PathResolver(*bases)
    builder = _Builder(files, dat, opt, resolver, _text_index(files.root, outside))
    for path in files.ignored:
        builder.note("ignored_load_file", f"{path.name} was not read (one DAT and one OPT per volume)")
    for warning in dat.warnings if dat else ():
        builder.note("dat_warning", f"{files.dat.name if files.dat else 'DAT'} {warning}")
    for warning in opt_warnings:
        builder.note("opt_warning", f"{files.opt.name if files.opt else 'OPT'} {warning}")
    documents, ranges = _documents(builder)
    _check_ranges(builder, ranges)
    for link in dict.fromkeys([*outside, *resolver.outside]):
        builder.note("link_outside", f"{link.relative_to(files.root).as_posix()} is a link leading outside "
                     "the volume; not read")
    name = next((row.volume for row in opt if row.volume), files.root.name)
    # Listed in Bates order (load-file problems without a Bates number last), as a reviewer reads.
    findings = sorted(builder.findings, key=lambda f: (f.bates is None, bates_key(f.bates or "")))
    return ProductionVolume(files.root, name, files, dat.encoding if dat else None,
                            tuple(family_order(documents)), tuple(findings))


def _documents(b: _Builder) -> tuple[list[ProductionDocument], list[tuple[str, str]]]:
    position: dict[str, int] = {}
    for index, row in enumerate(b.opt):
        if position.setdefault(row.bates.upper(), index) != index:
            b.note("bates_overlap", f"{row.bates} appears twice in the OPT (line {row.line})", row.bates)
    records: list[tuple[str, str, dict[str, str]]] = []
    seen: set[str] = set()
    dat = b.dat
    for row, line in zip(dat.rows, dat.row_lines, strict=True) if dat is not None else ():
        begbates = dat.value(row, "begbates")
        if not begbates or begbates.upper() in seen:
            why = "no BEGBATES" if not begbates else f"BEGBATES {begbates} repeats an earlier row"
            b.note("dat_warning", f"line {line}: {why}; row skipped", begbates or None)
            continue
        seen.add(begbates.upper())
        records.append((begbates, dat.value(row, "endbates"), row))
    hard = sorted(position[r[0].upper()] for r in records if r[0].upper() in position)
    soft = sorted({0, *hard, *(i for i, row in enumerate(b.opt) if row.doc_break)})
    claimed = [False] * len(b.opt)
    documents: list[ProductionDocument] = []
    orphans: list[ProductionDocument] = []
    ranges: list[tuple[str, str]] = []
    for begbates, endbates, row in records:
        start = position.get(begbates.upper())
        if start is None:
            endbates = endbates or begbates
            document = _row_without_pages(b, begbates, endbates, row)
        else:
            stop = min(_next(soft, start), len(b.opt))
            end = position.get(endbates.upper())
            if end is not None and end >= start:
                stop = min(end + 1, _next(hard, start), len(b.opt))
            claimed[start:stop] = [True] * (stop - start)
            endbates = endbates or b.opt[stop - 1].bates  # no ENDBATES: the last page
            document = _document(b, begbates, endbates, row, b.opt[start:stop])
        ranges.append((begbates, endbates))
        if document is not None:
            documents.append(document)
    index = 0
    while index < len(b.opt):  # pages no row claims: documents of their own, split at breaks
        if claimed[index]:
            index += 1
            continue
        stop = index + 1
        while stop < len(b.opt) and not claimed[stop] and not b.opt[stop].doc_break:
            stop += 1
        first, last = b.opt[index].bates, b.opt[stop - 1].bates
        if b.dat is not None:
            b.note("pages_without_row", f"{first}–{last} ({_count(stop - index)}) have no row in the"
                   " DAT; kept as a document without metadata", first)
        orphans.append(_document(b, first, last, None, b.opt[index:stop]))
        ranges.append((first, last))
        index = stop
    return _merge(documents, orphans), ranges


def _merge(documents: list[ProductionDocument],
           orphans: list[ProductionDocument]) -> list[ProductionDocument]:
    """Each orphan right after the last DAT document with a lower (or equal) Bates number."""
    if not orphans:
        return documents
    keys = [bates_key(d.begbates) for d in documents]
    if all(a <= b for a, b in pairwise(keys)):  # the usual DAT, in Bates order: one stable sort
        return sorted(documents + orphans, key=lambda d: bates_key(d.begbates))
    before: dict[int, list[ProductionDocument]] = {}
    for orphan in orphans:
        key = bates_key(orphan.begbates)
        at = next((i + 1 for i in range(len(keys) - 1, -1, -1) if keys[i] <= key), 0)
        before.setdefault(at, []).append(orphan)
    merged: list[ProductionDocument] = []
    for index, document in enumerate([*documents, None]):
        merged.extend(before.get(index, ()))
        if document is not None:
            merged.append(document)
    return merged


def _next(starts: list[int], index: int) -> int:
    """The first start after ``index`` (the end of the list when there is none)."""
    at = bisect.bisect_right(starts, index)
    return starts[at] if at < len(starts) else 1 << 62


def _document(b: _Builder, begbates: str, endbates: str, row: dict[str, str] | None,
              rows: list[OptRow]) -> ProductionDocument:
    pages = [b.page(r) for r in rows]
    problems = []
    if rows and rows[0].page_count is not None and rows[0].page_count != len(rows):
        problems.append(f"the OPT says {rows[0].page_count}")
    count = b.dat.value(row, "pagecount") if b.dat is not None and row is not None else ""
    if count.isdigit() and int(count) != len(rows):
        problems.append(f"the DAT page count says {count}")
    span = bates_span(begbates, endbates)
    if row is not None and span is not None and span != len(rows):
        found = {bates.upper() for bates, _ in pages}
        lacking = [x for x in bates_range(begbates, endbates) if x.upper() not in found]
        problems.append(f"{begbates}–{endbates} is {_count(span)}"
                        + (f"; missing {_names(lacking)}" if lacking else ""))
    if problems:
        b.note("page_count_mismatch", f"{begbates}: {_count(len(rows))} found, but "
               + ", ".join(problems), begbates)
    return _make(b, begbates, endbates, row, b.pages_with_text(begbates, pages, row))


def _row_without_pages(b: _Builder, begbates: str, endbates: str,
                       row: dict[str, str]) -> ProductionDocument | None:
    text, problem = b.document_text(row, begbates)
    text = _usable(text)
    if text is not None:
        span = bates_span(begbates, endbates)
        parts = _split_pages(text, span) if span and span > 1 else None
        labels = bates_range(begbates, endbates) if parts else [begbates]
        parts = parts or ["\n\n".join(text.split("\f"))]
        pages = tuple(ProductionPage(label, None, _usable(part), "document-text" if _usable(part)
                                     else None) for label, part in zip(labels, parts, strict=True))
        b.note("row_without_pages", f"{begbates}: no page images in the OPT; kept from its text", begbates)
        return _make(b, begbates, endbates, row, pages)
    document = _make(b, begbates, endbates, row, ())
    if document.native_path is not None:
        b.note("row_without_pages", f"{begbates}: no page images or text in the volume; kept with its"
               " native file only", begbates)
        return document
    why = f"no page images in the OPT, {problem or 'empty text'} and no native file"
    b.note("row_without_pages", f"{begbates}: {why}; skipped", begbates)
    return None


def _make(b: _Builder, begbates: str, endbates: str, row: dict[str, str] | None,
          pages: tuple[ProductionPage, ...]) -> ProductionDocument:
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
    return ProductionDocument(begbates, endbates, family, False, metadata, native, pages)


def _check_ranges(b: _Builder, ranges: list[tuple[str, str]]) -> None:
    """Gaps and overlaps between the documents' Bates ranges, within each prefix."""
    spans = []
    for begin, end in ranges:
        first, last = parse_bates(begin), parse_bates(end)
        if first is None:
            continue
        if last is None or not last.same_series(first) or last.number < first.number:
            last = first
        spans.append((first.prefix.upper(), first.number, last.number, first, begin, end))
    spans.sort(key=lambda s: s[:3])
    reach = None  # the span reaching furthest so far in this prefix: overlaps need not be adjacent
    for current in spans:
        if reach is None or reach[0] != current[0]:
            reach = current
            continue
        prefix, width = current[3].prefix, current[3].width
        if current[1] > reach[2] + 1:
            low, high = reach[2] + 1, current[1] - 1
            b.note("bates_gap", f"{format_bates(prefix, low, width)}–{format_bates(prefix, high, width)}"
                   f" missing ({_count(high - low + 1)})", format_bates(prefix, low, width))
        elif current[1] <= reach[2]:
            b.note("bates_overlap", f"{current[4]}–{current[5]} overlaps {reach[4]}–{reach[5]}",
                   current[4])
        if current[2] > reach[2]:
            reach = current
