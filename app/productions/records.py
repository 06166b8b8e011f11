"""What reading a production volume gives: its load files, documents, pages and findings.

A volume holds paths, never text: a document's text is read (``text_rules.read_pages``) when that
document is ingested, so a 100,000-page volume costs its paths and metadata in memory, not its
gigabytes of text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.productions.bates import bates_key

FINDING_KINDS = (
    "missing_image", "missing_text", "missing_native", "text_not_split", "bates_gap",
    "bates_overlap", "bates_duplicate", "endbates_mismatch", "row_without_pages", "pages_without_row",
    "page_count_mismatch", "dat_warning", "opt_warning", "ignored_load_file", "link_outside",
    "over_limit",
)


@dataclass(frozen=True)
class LoadFiles:
    root: Path  # the volume root: load-file paths are relative to it
    dat: Path | None
    opt: Path | None
    ignored: tuple[Path, ...] = ()  # further .dat/.opt files beside the chosen ones


# slots: a volume holds one of these per page, and a production can have 100,000 pages.
@dataclass(frozen=True, slots=True)
class ProductionPage:
    bates: str
    image_path: Path | None
    text_path: Path | None = None  # its own text file, when the document's text is per page


@dataclass(frozen=True, slots=True)
class DocumentText:
    """Where a document's produced text lies; all None/False: there is none (OCR its images)."""

    per_page: bool = False  # each page's own ``text_path``
    path: Path | None = None  # the document's text file, split at form feeds
    inline: str | None = None  # the DAT's text column holding the text itself (the DAT's string)
    # A lone <BEGBATES>.txt in a volume with per-page text: the first page's text, unless its form
    # feeds split it into the document's pages.
    first_page_only: bool = False


@dataclass(frozen=True)
class ProductionDocument:
    begbates: str
    endbates: str
    family_id: str | None  # the family's BEGATTACH; None outside a family
    is_attachment: bool
    metadata: dict[str, str]  # kept fields (custodian, dates, from, to, subject, ...) as written
    native_path: Path | None
    pages: tuple[ProductionPage, ...]  # OPT order; a row without page images: its BEGBATES alone
    text: DocumentText = DocumentText()
    # No page images: its pages are its Bates numbers when its form feeds match the range.
    pages_from_text: bool = False
    dat_line: int | None = None  # its row's line in the DAT; None for OPT pages without a row
    claim: int = 0  # 1, 2, ...: the second, third... row with the same BEGBATES (kept apart)

    @property
    def name(self) -> str:
        if self.endbates and self.endbates != self.begbates:
            return f"{self.begbates}–{self.endbates}"
        return self.begbates


@dataclass(frozen=True, slots=True)
class PageText:
    """A page as ingested: its produced text read, or None (OCR its image)."""

    bates: str
    image_path: Path | None
    text: str | None
    text_source: str | None  # "page-text" | "document-text" | None


@dataclass(frozen=True)
class DocumentPages:
    """A document's pages with their text, and what reading that text found."""

    pages: tuple[PageText, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Finding:
    kind: str  # one of FINDING_KINDS
    message: str
    bates: str | None


def in_bates_order(findings) -> list[Finding]:
    """As a reviewer reads them: Bates order, load-file problems without a Bates number last."""
    return sorted(findings, key=lambda f: (f.bates is None, bates_key(f.bates or "")))


@dataclass(frozen=True)
class ProductionVolume:
    root: Path
    name: str
    load_files: LoadFiles
    encoding: str | None  # the DAT's
    documents: tuple[ProductionDocument, ...]
    findings: tuple[Finding, ...]  # those the load files and paths show; text ones come at ingest

    @property
    def page_count(self) -> int:
        """Pages known from the load files: a document without page images counts one until its
        text is read (its form feeds may give it one per Bates number)."""
        return sum(len(document.pages) for document in self.documents)
