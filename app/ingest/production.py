"""Turn a production volume's documents into documents of a case (see ``app.productions``).

(A document produced only as a native file is read from that file by the batch, like any other
file, and keeps its row's metadata and Bates number.) The steps reach the batch only through the
``VolumeBatch`` callbacks: the store step, the OCR step, reading a file, reporting an outcome.

One document per load-file row, named by its Bates range, each page labelled with its Bates
number. The supplied text is used where there is some; a page without text gets an OCR job for
its image. The page images are kept in the vault as one PDF per document, so the viewer shows
the produced page itself. Metadata (custodian, dates, family) goes with the document, and into
the context header. A document's identity (for duplicates) is its Bates range, images and text,
so importing the same volume twice adds nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pymupdf

from app.errors import IngestError, InputTooLarge
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.mupdf import MUPDF_ERRORS, check_page_images
from app.extract.ocr import OCR_DPI
from app.extract.wording import count_of
from app.productions.volume import Finding, ProductionDocument, ProductionVolume, read_volume
from inference.manifest import sha256_file
from storage.records import PageRecord, PageStatus

if TYPE_CHECKING:
    from app.extract.pool import ReadingPool
    from app.ingest.ocr_step import OcrStep
    from app.ingest.outcome import IngestOutcome, Pending
    from app.ingest.store import DocumentStore

KIND = "production"
FINDING_TITLES = {
    "missing_image": "missing image", "missing_text": "missing text", "missing_native": "missing native",
    "text_not_split": "text not split into pages", "bates_gap": "Bates gap", "bates_overlap": "Bates overlap",
    "row_without_pages": "load-file row without pages", "pages_without_row": "pages without a load-file row",
    "page_count_mismatch": "page count mismatch", "dat_warning": "DAT line", "opt_warning": "OPT line",
    "ignored_load_file": "load file not used", "link_outside": "link leading outside the volume",
    "over_limit": "over a size limit",
}


@dataclass(frozen=True)
class ProductionSummary:
    """What an import found in a volume, for the report shown after it (never fatal)."""

    name: str
    documents: int
    pages: int
    encoding: str
    findings: tuple[Finding, ...]

    def lines(self, limit: int | None = None) -> list[str]:
        """The report; with ``limit``, at most that many findings and a count of the rest by kind
        (a volume without its IMAGES folder has one finding per page)."""
        encoding = f"load file {self.encoding}" if self.encoding else "no DAT load file"
        found = "no gaps or missing files."
        if self.findings:
            found = count_of(len(self.findings), "finding") + ":"
        head = (f"Production {self.name}: {count_of(self.documents, 'document')}, "
                f"{count_of(self.pages, 'page')} ({encoding}); {found}")
        shown = self.findings if limit is None else self.findings[:limit]
        lines = [head, *(f"  - {FINDING_TITLES.get(f.kind, f.kind)}: {f.message}" for f in shown)]
        rest = Counter(FINDING_TITLES.get(f.kind, f.kind) for f in self.findings[len(shown):])
        if rest:
            lines.append("  … and " + ", ".join(f"{n} more {kind}" for kind, n in rest.most_common())
                         + " (the command line's `ingest --json` lists them all).")
        return lines

    def as_json(self) -> dict:
        return {"name": self.name, "documents": self.documents, "pages": self.pages,
                "encoding": self.encoding,
                "findings": [{"kind": f.kind, "message": f.message, "bates": f.bates} for f in self.findings]}


def summarise(volume: ProductionVolume) -> ProductionSummary:
    return ProductionSummary(volume.name, len(volume.documents), volume.page_count, volume.encoding,
                             tuple(volume.findings))


def document_name(document: ProductionDocument) -> str:
    if document.endbates and document.endbates != document.begbates:
        return f"{document.begbates}–{document.endbates}"
    return document.begbates


def document_metadata(document: ProductionDocument) -> dict[str, str]:
    # A load file's in-field newlines (recipients, mostly) read as a list in one line.
    meta = {key: "; ".join(filter(None, map(str.strip, value.splitlines())))
            for key, value in document.metadata.items() if value.strip()}
    meta["bates"] = document_name(document)
    if document.family_id:
        meta["family"] = document.family_id
        meta["role"] = "attachment" if document.is_attachment else "parent"
    return meta


def content_hash(document: ProductionDocument) -> str:
    digest = hashlib.sha256(f"production:{document.begbates}:{document.endbates}\n".encode())
    for page in document.pages:
        digest.update(f"page:{page.bates}\n".encode())
        if page.image_path is not None and page.image_path.is_file():
            digest.update(bytes.fromhex(sha256_file(page.image_path)))  # streamed: images can be large
        digest.update((page.text or "").encode("utf-8"))
    return digest.hexdigest()


def extracted(document: ProductionDocument, ocr_language: str, ocr_dpi: int = OCR_DPI) -> ExtractedDocument:
    """Pages with the supplied text; an OCR job for each page that has an image but no text."""
    pages, jobs, warnings = [], {}, []
    for position, page in enumerate(document.pages):
        has_image = page.image_path is not None and page.image_path.is_file()
        text = (page.text or "").strip()
        if not text and has_image:
            source = Source(name=page.image_path.name, path=page.image_path, ocr_language=ocr_language,
                            ocr_dpi=ocr_dpi)
            jobs[position] = OcrJob(source, 0)
        if text:
            status, note = PageStatus.TEXT, ""
        elif has_image:
            status, note = PageStatus.NEEDS_OCR, ""
        else:
            status, note = PageStatus.UNREADABLE, "The production has no image and no text for this page."
        pages.append(PageRecord(number=position + 1, text=text, label=page.bates,
                                needs_ocr=not text and has_image, status=status, note=note))
    missing = [p.bates for p in document.pages if p.image_path is None or not p.image_path.is_file()]
    if missing:
        warnings.append(f"No image for {count_of(len(missing), 'page')} ({', '.join(missing[:5])}"
                        f"{'…' if len(missing) > 5 else ''}); the produced text is kept.")
    return ExtractedDocument(KIND, tuple(pages), tuple(warnings), jobs)


def original_pdf(document: ProductionDocument) -> tuple[bytes, list[str]]:
    """The produced pages as one PDF, and the Bates numbers of images that could not be read: each
    image is its page or, where it is missing or damaged, a page saying so with the produced text
    (so page numbers stay aligned with the Bates numbers)."""
    pdf, unreadable = pymupdf.open(), []
    for page in document.pages:
        why = "no readable image was produced for this page"
        if page.image_path is not None and page.image_path.is_file():
            try:
                with pymupdf.open(page.image_path) as image:
                    check_page_images(image.load_page(0))  # from the header, before decoding
                    converted = pymupdf.open("pdf", image.convert_to_pdf(0, 0))  # its first frame
                pdf.insert_pdf(converted, from_page=0, to_page=0)
                converted.close()
                continue
            except InputTooLarge as exc:
                unreadable.append(page.bates)
                why = exc.user_message.rstrip(".")
            except MUPDF_ERRORS:  # a damaged image: MuPDF's own exception classes
                unreadable.append(page.bates)
        blank = pdf.new_page(width=612, height=792)
        note = f"{page.bates}: {why}.\n\n{page.text or ''}"
        blank.insert_textbox(pymupdf.Rect(54, 54, 558, 738), note, fontsize=10)
    data = pdf.tobytes(garbage=3, deflate=True)
    pdf.close()
    return data, unreadable


def _kind(exc: IngestError) -> str:
    return "too_large" if isinstance(exc, InputTooLarge) else "unreadable"


class VolumeBatch(Protocol):
    """What the production steps need of the batch they run in."""

    pool: ReadingPool
    store: DocumentStore
    ocr: OcrStep
    ocr_language: str
    ocr_dpi: int
    should_stop: Callable[[], bool]

    def pending(self, path: Path, sha256: str = "", stored_as: dict | None = None) -> Pending: ...
    def read_native(self, item: Pending) -> IngestOutcome | None: ...
    def emit(self, outcome: IngestOutcome) -> None: ...
    def volume_found(self, summary: ProductionSummary) -> None: ...


def ingest_volume(batch: VolumeBatch, folder: Path) -> bool:
    """Every document of a production volume, in its order (families together); False when
    cancelled. The volume's findings go into the report and the audit log, never stop it."""
    try:
        volume = read_volume(folder)
    except IngestError as exc:
        batch.emit(batch.store.rejected(batch.pending(folder), exc.user_message, kind=_kind(exc)))
        return True
    except Exception as exc:  # noqa: BLE001 - a volume that breaks the reader costs that volume
        batch.emit(batch.store.rejected(batch.pending(folder), "The production's load files could not "
                                        f"be read ({type(exc).__name__}).", kind="reader_error"))
        return True
    summary = summarise(volume)
    batch.volume_found(summary)
    # Counts and kinds only: the volume's name and the findings' words come from the load files.
    batch.store.audit("production.read", {
        "documents": summary.documents, "pages": summary.pages, "findings": len(volume.findings),
        "finding_kinds": sorted({f.kind for f in volume.findings})})
    for document in volume.documents:
        if batch.should_stop():
            return False
        item = batch.pending(folder / document_name(document))
        try:
            outcome = _ingest_document(batch, item, document)
        except IngestError as exc:  # one unreadable file costs its document, not the batch
            outcome = batch.store.rejected(item, exc.user_message, kind=_kind(exc))
        except OSError as exc:
            outcome = batch.store.rejected(item, f"A file of it cannot be read ({exc.strerror or exc}).")
        except Exception as exc:  # noqa: BLE001 - nor may anything else in one document
            outcome = batch.store.rejected(item, f"It could not be read ({type(exc).__name__}).",
                                           kind="reader_error")
        if outcome is None:
            return False
        batch.emit(outcome)
    return True


def _ingest_document(batch: VolumeBatch, item: Pending, document: ProductionDocument) -> IngestOutcome | None:
    store = batch.store
    if not document.pages:  # produced natively (a spreadsheet, an e-mail): read the native file
        native = document.native_path
        if native is None or not native.is_file():
            return store.rejected(item, "The production has no page images, text or native file for it.")
        item = batch.pending(native, sha256_file(native), stored_as={
            "name": f"{document_name(document)} ({native.name})", "metadata": document_metadata(document),
            "first_label": document.begbates})
        if item.sha256 in store.known:
            return store.duplicate(item)
        return batch.read_native(item)
    item.sha256 = content_hash(document)
    if item.sha256 in store.known:
        return store.duplicate(item)
    read = extracted(document, batch.ocr_language, batch.ocr_dpi)
    pages, warnings = batch.ocr.read_scans(batch.pool, item.path, read, after_restart=lambda: None)
    if pages is None:
        return None
    original, unreadable = original_pdf(document)
    if unreadable:
        shown = ", ".join(unreadable[:5])
        warnings.append(f"{count_of(len(unreadable), 'page image')} could not be read ({shown}); the "
                        "produced text is shown for them.")
    return store.store(item, read, pages, warnings, name=document_name(document), original=original,
                       metadata=document_metadata(document))
