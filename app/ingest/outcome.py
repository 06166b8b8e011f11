"""What a batch reports: one outcome per file, progress while it runs, the report at the end."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.ingest.production import ProductionSummary


class IngestStatus(StrEnum):
    """What happened to one file: each file of a batch gets exactly one."""

    INGESTED = "ingested"
    DUPLICATE = "duplicate"  # already in the case (same content): nothing stored twice
    REJECTED = "rejected"  # not read; ``reason`` says why in one line


@dataclass(frozen=True)
class IngestOutcome:
    path: str
    status: IngestStatus
    pages: int = 0
    warnings: tuple[str, ...] = ()
    reason: str = ""
    document_id: int | None = None
    sha256: str = ""
    ocr_pages: int = 0
    needs_password: bool = False
    page_statuses: dict[str, int] = field(default_factory=dict)  # pages per PageStatus (stored ones)

    def as_json(self) -> dict:
        return {"path": self.path, "status": str(self.status), "pages": self.pages,
                "page_statuses": self.page_statuses, "warnings": list(self.warnings), "reason": self.reason}


@dataclass(frozen=True)
class IngestProgress:
    files_done: int
    files_total: int
    pages_done: int
    pages_per_s: float
    eta_s: float | None
    current: str
    phase: str  # reading | ocr


@dataclass
class IngestReport:
    outcomes: list[IngestOutcome] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0
    productions: list[ProductionSummary] = field(default_factory=list)  # with their findings

    def count(self, status: IngestStatus | str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def pages(self) -> int:
        return sum(o.pages for o in self.outcomes if o.status == IngestStatus.INGESTED)


@dataclass
class Pending:
    """One file on its way through: decided already (``outcome``) or being read (``reading``)."""

    path: Path
    sha256: str = ""
    outcome: IngestOutcome | None = None
    reading: object | None = None  # the pool's AsyncResult
    stored_as: dict = field(default_factory=dict)  # a production's native: its name, metadata, Bates
