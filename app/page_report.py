"""What Casefile read on every page of a case: the page accounting users check before they trust
a citation (``pages`` on the command line, the counts in the documents table and the viewer).

Every stored page has exactly one status (``storage.records.PageStatus``): text, ocr, text+ocr,
blank (no ink, checked by rendering), needs ocr or unreadable, the last two with the reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from app.cases import documents_with_pages
from app.context import is_bates_label, order_documents
from app.errors import UserFacingError
from storage.records import CaseRecord, PageRecord, PageStatus
from storage.vault import Vault

# Where a page's text came from, by status.
SOURCES = {PageStatus.TEXT: "text layer", PageStatus.OCR: "OCR", PageStatus.TEXT_OCR: "text layer + OCR"}


@dataclass(frozen=True)
class PageLine:
    document: str  # the document's short id, as citations use it ("D3")
    number: int
    label: str | None  # the printed page label, where it is not a Bates number
    bates: str | None
    status: str
    source: str  # text layer | OCR | text layer + OCR | "" (no text)
    ocr_confidence: float | None
    characters: int
    note: str
    text: str | None = None  # only when asked for

    def as_json(self) -> dict:
        """DESIGN.md's shape: ``page`` and ``chars`` are the number and the characters."""
        shown = asdict(self)
        shown["page"], shown["chars"] = shown.pop("number"), shown.pop("characters")
        if self.text is None:
            shown.pop("text")
        return shown


@dataclass(frozen=True)
class DocumentPages:
    short_id: str
    name: str
    document_id: int
    pages: tuple[PageLine, ...]

    @property
    def counts(self) -> dict[str, int]:
        return status_counts(self.pages)

    def as_json(self) -> dict:
        return {"id": self.short_id, "name": self.name, "document_id": self.document_id,
                "counts": self.counts, "pages": [p.as_json() for p in self.pages]}


def status_counts(pages) -> dict[str, int]:
    """Pages per status, every status present (zeros included) so scripts need not guess."""
    counted = Counter(p.settled().status if isinstance(p, PageRecord) else p.status for p in pages)
    return {str(status): counted.get(status, 0) for status in PageStatus}


def page_line(document: str, page: PageRecord, *, with_text: bool = False) -> PageLine:
    page = page.settled()
    bates = page.label if is_bates_label(page.label) else None
    return PageLine(document, page.number, None if bates else page.label, bates, page.status,
                    SOURCES.get(PageStatus(page.status), ""), page.ocr_confidence, len(page.text.strip()),
                    page.note, page.text if with_text else None)


def page_report(vault: Vault, case: CaseRecord, document: str | None = None, *,
                with_text: bool = False) -> list[DocumentPages]:
    """Every document of ``case`` (or the one with short id ``document``, "D3"), page by page,
    under the ids its citations use."""
    ordered = order_documents(documents_with_pages(vault, case))
    report = [DocumentPages(f"D{index}", record.name, record.id,
                            tuple(page_line(f"D{index}", p, with_text=with_text) for p in pages))
              for index, (record, pages) in enumerate(ordered, start=1)]
    if document is None:
        return report
    chosen = [d for d in report if d.short_id.lower() == document.strip().lower()]
    if not report:
        raise UserFacingError(f"Case {case.name} has no documents yet.")
    if not chosen:
        raise UserFacingError(f"No document {document} in case {case.name} (it has D1–D{len(report)}).")
    return chosen
