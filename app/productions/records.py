"""What reading a production volume gives: its load files, documents, pages and findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FINDING_KINDS = (
    "missing_image", "missing_text", "missing_native", "text_not_split", "bates_gap",
    "bates_overlap", "row_without_pages", "pages_without_row", "page_count_mismatch", "dat_warning",
    "opt_warning", "ignored_load_file", "link_outside", "over_limit",
)


@dataclass(frozen=True)
class LoadFiles:
    root: Path  # the volume root: load-file paths are relative to it
    dat: Path | None
    opt: Path | None
    ignored: tuple[Path, ...] = ()  # further .dat/.opt files beside the chosen ones


@dataclass(frozen=True)
class ProductionPage:
    bates: str
    image_path: Path | None
    text: str | None  # None: no usable text was supplied, OCR the image
    text_source: str | None  # "page-text" | "document-text" | None


@dataclass(frozen=True)
class ProductionDocument:
    begbates: str
    endbates: str
    family_id: str | None  # the family's BEGATTACH; None outside a family
    is_attachment: bool
    metadata: dict[str, str]  # kept fields (custodian, dates, from, to, subject, ...) as written
    native_path: Path | None
    pages: tuple[ProductionPage, ...]


@dataclass(frozen=True)
class Finding:
    kind: str  # one of FINDING_KINDS
    message: str
    bates: str | None


@dataclass(frozen=True)
class ProductionVolume:
    root: Path
    name: str
    load_files: LoadFiles
    encoding: str | None  # the DAT's
    documents: tuple[ProductionDocument, ...]
    findings: tuple[Finding, ...]

    @property
    def page_count(self) -> int:
        return sum(len(document.pages) for document in self.documents)
