"""Turn a production volume's documents into documents of a case (see ``app.productions``).

(A document produced only as a native file is read from that file by the batch, like any other
file, and keeps its row's metadata and Bates number.) The steps reach the batch only through the
``VolumeBatch`` callbacks: the store step, the OCR step, reading a file, reporting an outcome.

One document per load-file row, named by its Bates range, each page labelled with its Bates
number. The supplied text is used where there is some; a page without text gets an OCR job for
its image. The page images are kept in the vault as one PDF per document, so the viewer shows
the produced page itself. Metadata (custodian, dates, family) goes with the document, and into
the context header. A document's identity (for duplicates) is its Bates range, images and text,
so importing the same volume twice adds nothing, and an import stopped half-way resumes where it
stopped.

Memory does not grow with a volume's text: the volume holds paths and metadata, and each
document's text is read (``read_pages``) when that document's turn comes. What only the text can
show (an empty or unsplittable text file) is found then, and joins the volume's report
(``ProductionSummary.add``), which the caller reads when the batch is done.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pymupdf

from app.errors import Cancelled, IngestError, InputTooLarge
from app.extract import ExtractedDocument, OcrJob, Source
from app.extract.mupdf import MUPDF_ERRORS, check_page_images
from app.extract.ocr import OCR_DPI
from app.extract.wording import count_of
from app.productions.records import Finding, PageText, ProductionDocument, ProductionVolume, in_bates_order
from app.productions.text_rules import read_pages
from app.productions.volume import read_volume
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
    "bates_duplicate": "Bates number in two documents", "endbates_mismatch": "ENDBATES not in its series",
    "row_without_pages": "load-file row without pages", "pages_without_row": "pages without a load-file row",
    "page_count_mismatch": "page count mismatch", "dat_warning": "DAT line", "opt_warning": "OPT line",
    "ignored_load_file": "load file not used", "link_outside": "link leading outside the volume",
    "over_limit": "over a size limit",
}


@dataclass
class ProductionSummary:
    """What an import found in a volume, for the report shown after it (never fatal). Made when
    the load files are read; documents' texts add to it as they are read (``add``)."""

    name: str
    documents: int
    pages: int
    encoding: str
    read_findings: tuple[Finding, ...]  # from the load files and paths
    text_findings: list[Finding] = field(default_factory=list)  # from documents' texts, at ingest

    @property
    def findings(self) -> list[Finding]:
        """All of them, in Bates order."""
        if not self.text_findings:
            return list(self.read_findings)
        return in_bates_order([*self.read_findings, *self.text_findings])

    def add(self, findings: Iterable[Finding], pages: int = 0) -> None:
        """What a document's text showed, and the pages it added (a row without page images has
        one per Bates number when its form feeds match its range; none when its text is empty)."""
        self.text_findings.extend(findings)
        self.pages += pages

    def lines(self, limit: int | None = None) -> list[str]:
        """The report; with ``limit``, at most that many findings and a count of the rest by kind
        (a volume without its IMAGES folder has one finding per page)."""
        encoding = f"load file {self.encoding}" if self.encoding else "no DAT load file"
        found = "no gaps or missing files."
        findings = self.findings
        if findings:
            found = count_of(len(findings), "finding") + ":"
        head = (f"Production {self.name}: {count_of(self.documents, 'document')}, "
                f"{count_of(self.pages, 'page')} ({encoding}); {found}")
        shown = findings if limit is None else findings[:limit]
        lines = [head, *(f"  - {FINDING_TITLES.get(f.kind, f.kind)}: {f.message}" for f in shown)]
        rest = Counter(FINDING_TITLES.get(f.kind, f.kind) for f in findings[len(shown):])
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
    return document.name


def document_metadata(document: ProductionDocument, volume: str) -> dict[str, str]:
    """What the case keeps of the row. ``family`` is the BEGATTACH as the production writes it
    (shown, and in the context header); ``family_key`` adds the volume, for grouping: two volumes
    may number their families alike."""
    # A load file's in-field newlines (recipients, mostly) read as a list in one line.
    meta = {key: "; ".join(filter(None, map(str.strip, value.splitlines())))
            for key, value in document.metadata.items() if value.strip()}
    meta["bates"] = document_name(document)
    if document.family_id:
        meta["family"] = document.family_id
        meta["family_key"] = f"{volume}/{document.family_id}"
        meta["role"] = "attachment" if document.is_attachment else "parent"
    return meta


def _stop_if(should_stop: Callable[[], bool] | None) -> None:
    if should_stop is not None and should_stop():
        raise Cancelled()


def content_hash(document: ProductionDocument, pages: Sequence[PageText],
                 should_stop: Callable[[], bool] | None = None) -> str:
    """The document's identity: its Bates range, and each page's number, image and text. Images
    are hashed as streams and the text is the document's own, so a re-run costs one document's
    files at a time; ``should_stop`` is asked page by page (a 5,000-page document takes a while)."""
    digest = hashlib.sha256(f"production:{document.begbates}:{document.endbates}\n".encode())
    if document.claim:  # a second row with the same BEGBATES is a document of its own
        digest.update(f"claim:{document.claim}\n".encode())
    for page in pages:
        _stop_if(should_stop)
        digest.update(f"page:{page.bates}\n".encode())
        if page.image_path is not None and page.image_path.is_file():
            digest.update(bytes.fromhex(sha256_file(page.image_path)))  # streamed: images can be large
        digest.update((page.text or "").encode("utf-8"))
    return digest.hexdigest()


def extracted(pages_read: Sequence[PageText], ocr_language: str, ocr_dpi: int = OCR_DPI) -> ExtractedDocument:
    """Pages with the supplied text; an OCR job for each page that has an image but no text."""
    pages, jobs, warnings = [], {}, []
    for position, page in enumerate(pages_read):
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
    missing = [p.bates for p in pages_read if p.image_path is None or not p.image_path.is_file()]
    if missing:
        warnings.append(f"No image for {count_of(len(missing), 'page')} ({', '.join(missing[:5])}"
                        f"{'…' if len(missing) > 5 else ''}); the produced text is kept.")
    return ExtractedDocument(KIND, tuple(pages), tuple(warnings), jobs)


def original_pdf(pages: Sequence[PageText],
                 should_stop: Callable[[], bool] | None = None) -> tuple[bytes, list[str]]:
    """The produced pages as one PDF, and the Bates numbers of images that could not be read: each
    image is its page or, where it is missing or damaged, a page saying so with the produced text
    (so page numbers stay aligned with the Bates numbers).

    Built page by page in memory (nothing of a document goes to disk outside the vault): each
    image is converted on its own and let go before the next, so what is held is the PDF so far,
    not the decoded images; ``should_stop`` is asked page by page."""
    pdf, unreadable = pymupdf.open(), []
    for page in pages:
        _stop_if(should_stop)
        why = "no readable image was produced for this page"
        if page.image_path is not None and page.image_path.is_file():
            try:
                with pymupdf.open(page.image_path) as image:
                    check_page_images(image.load_page(0))  # from the header, before decoding
                    converted_pdf = image.convert_to_pdf(0, 0)  # its first frame
                with pymupdf.open("pdf", converted_pdf) as converted:
                    pdf.insert_pdf(converted, from_page=0, to_page=0)
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
    cancelled, while its load files are read or between (or within) documents. The volume's
    findings go into the report and the audit log, never stop it."""
    try:
        volume = read_volume(folder, batch.should_stop)
    except Cancelled:
        return False
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
    finished = _ingest_documents(batch, folder, volume, summary)
    if summary.text_findings:  # what the texts showed, once, however far the import got
        batch.store.audit("production.text", {
            "findings": len(summary.text_findings),
            "finding_kinds": sorted({f.kind for f in summary.text_findings})})
    return finished


def _ingest_documents(batch: VolumeBatch, folder: Path, volume: ProductionVolume,
                      summary: ProductionSummary) -> bool:
    for document in volume.documents:
        if batch.should_stop():
            return False
        item = batch.pending(folder / document_name(document))
        try:
            outcome = _ingest_document(batch, item, document, volume.name, summary)
        except Cancelled:
            return False
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


def _ingest_document(batch: VolumeBatch, item: Pending, document: ProductionDocument, volume: str,
                     summary: ProductionSummary) -> IngestOutcome | None:
    store = batch.store
    read = read_pages(document)  # this document's text, and only now
    summary.add(read.findings, len(read.pages) - len(document.pages))
    metadata = document_metadata(document, volume)
    if not read.pages:  # produced natively (a spreadsheet, an e-mail): read the native file
        native = document.native_path
        if native is None or not native.is_file():
            return store.rejected(item, "The production has no page images, text or native file for it.")
        item = batch.pending(native, sha256_file(native), stored_as={
            "name": f"{document_name(document)} ({native.name})", "metadata": metadata,
            "first_label": document.begbates})
        if item.sha256 in store.known:
            return store.duplicate(item)
        return batch.read_native(item)
    item.sha256 = content_hash(document, read.pages, batch.should_stop)
    if item.sha256 in store.known:
        return store.duplicate(item)
    extract = extracted(read.pages, batch.ocr_language, batch.ocr_dpi)
    pages, warnings = batch.ocr.read_scans(batch.pool, item.path, extract, after_restart=lambda: None)
    if pages is None:
        return None
    original, unreadable = original_pdf(read.pages, batch.should_stop)
    if unreadable:
        shown = ", ".join(unreadable[:5])
        warnings.append(f"{count_of(len(unreadable), 'page image')} could not be read ({shown}); the "
                        "produced text is shown for them.")
    return store.store(item, extract, pages, warnings, name=document_name(document), original=original,
                       metadata=metadata)
