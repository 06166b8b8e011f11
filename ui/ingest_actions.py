"""The window's ingest path: files or folders from the dialog or a drop, read on the runner with
progress, ETA and Cancel; a summary, the files not added with their one-line reasons, and a
password asked for (never guessed) for protected PDFs. A part of ``MainWindow`` (a mixin: it
uses the window's runner, vault, documents panel and signals), kept apart so that the window's
module stays its layout and its question path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from app.ingest import IngestOutcome, IngestProgress, IngestStatus, ingest_paths
from app.safe_text import shown
from app.settings import preferences
from ui.text import fill, plain_html


class IngestActions:
    def add_documents(self, paths: list[Path], password: str | None = None) -> None:
        """Files or folders from the dialog or a drop: the same path either way."""
        case = self.current_case
        if case is None:
            return
        self._cancel_ingest = False
        reading = QCoreApplication.translate("IngestActions", "Reading %n item(s)…", None, len(paths))
        self.documents.show_progress(reading)
        self.runner.submit(
            lambda report: ingest_paths(self.vault, case, paths, on_outcome=report, on_progress=report,
                                        password=password, ocr_language=preferences(self.vault).ocr_languages,
                                        should_stop=lambda: self._closing or self._cancel_ingest),
            on_progress=self._on_ingest_progress, on_done=self._on_ingest_done,
            on_failed=self._on_ingest_done)

    def _on_cancel_ingest(self) -> None:
        self._cancel_ingest = True
        self.documents.show_progress(self.tr("Stopping after the current file…"))

    def _on_ingest_progress(self, event) -> None:
        if isinstance(event, IngestOutcome) and event.status == IngestStatus.INGESTED:
            self.documents.show_added(Path(event.path).name, event.pages)  # in the table as it is stored
        if isinstance(event, IngestProgress) and not self._cancel_ingest:
            eta = fill(self.tr(", about %1 s left"), f"{event.eta_s:.0f}") if event.eta_s else ""
            doing = self.tr("Reading scanned pages (OCR)") if event.phase == "ocr" else self.tr("Reading")
            self.documents.show_progress(
                fill(self.tr("%1: file %2 of %3, %4 pages at %5 pages/s%6"), doing,
                     min(event.files_done + 1, event.files_total), event.files_total, event.pages_done,
                     f"{event.pages_per_s:.0f}", eta),
                event.files_done / max(event.files_total, 1))

    def _on_ingest_done(self, result) -> None:
        self.documents.show_progress(None)
        if isinstance(result, BaseException):
            self.show_error(result)
        else:
            summary = fill(self.tr("%1 added, %2 already in the case, %3 not added"),
                           result.count(IngestStatus.INGESTED), result.count(IngestStatus.DUPLICATE),
                           result.count(IngestStatus.REJECTED))
            self.statusBar().showMessage(summary + (self.tr(" (cancelled)") if result.cancelled else ""))
            rejected = [o for o in result.outcomes if o.status == IngestStatus.REJECTED]
            # A name, a reason or a load file's value is one line each, whatever it holds.
            lines = [fill(self.tr("Not added: %1 — %2"), shown(Path(o.path).name), shown(o.reason))
                     for o in rejected]
            lines += [shown(line) for production in result.productions for line in production.lines(limit=20)]
            self.documents.outcomes.setText("\n".join(lines))
            locked = [Path(o.path) for o in rejected if o.needs_password]
            if locked:
                self._ask_for_password(locked)
        self.refresh_cases()
        self.ingest_finished.emit(result)

    def _ask_for_password(self, locked: list[Path]) -> None:
        """Password-protected PDFs: ask (never guess), then read just those files again."""
        names = ", ".join(shown(p.name) for p in locked[:3]) + (" …" if len(locked) > 3 else "")
        password, ok = QInputDialog.getText(
            self, self.tr("Password needed"),
            plain_html(fill(self.tr("%1 PDF(s) are protected by a password (%2).\nEnter the password to read "
                                    "them (it is used for this once and not stored):"), len(locked), names)),
            QLineEdit.EchoMode.Password)
        if ok and password:
            self.add_documents(locked, password=password)
