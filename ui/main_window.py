"""The main window: cases, their documents, a question box and a streamed, cited answer.

Widgets only: every piece of case work runs on the ``TaskRunner`` and reports back through
signals. Streamed tokens are buffered and painted by a timer (every 50 ms), not per token.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import cases
from app.errors import AppError, Cancelled
from app.ingest import IngestOutcome, IngestProgress, ingest_paths
from app.model_session import ModelSession
from app.model_store import prepare_embedded
from app.questions import Answer, ask
from app.settings import remote_backend
from ui.background import TaskRunner

log = logging.getLogger("casefile.ui")

REDRAW_MS = 50


def error_text(exc: BaseException) -> str:
    return exc.user_message if isinstance(exc, AppError) else f"Unexpected error: {type(exc).__name__}"


class MainWindow(QMainWindow):
    answer_finished = Signal(object)  # Answer, or the exception that stopped it
    ingest_finished = Signal(object)

    def __init__(self, vault) -> None:
        super().__init__()
        self.vault = vault
        self.runner = TaskRunner(self)
        self.model_session: ModelSession | None = None
        self.current_case = None
        self.chat_session_id: int | None = None  # follow-up questions continue this chat
        self._closing = False  # polled by background ingest: closing the window cancels it
        self._asking_case_id: int | None = None
        self._answer_buffer: list[str] = []
        self._redraw = QTimer(self, interval=REDRAW_MS)
        self._redraw.timeout.connect(self._flush_answer)
        self.setWindowTitle("Casefile")
        self.resize(1100, 720)
        self._build()
        self.refresh_cases()

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.case_list = QListWidget()
        self.case_list.currentItemChanged.connect(self._on_case_selected)
        self.new_case_button = QPushButton("New case…")
        self.new_case_button.clicked.connect(self._on_new_case)
        left = QVBoxLayout()
        left.addWidget(QLabel("Cases"))
        left.addWidget(self.case_list)
        left.addWidget(self.new_case_button)

        self.document_list = QListWidget()
        self.add_button = QPushButton("Add documents…")
        self.add_button.clicked.connect(self._on_add_documents)
        self.question = QLineEdit(placeholderText="Ask a question about the whole case…")
        self.question.returnPressed.connect(self._on_ask)
        self.ask_button = QPushButton("Ask")
        self.ask_button.clicked.connect(self._on_ask)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self._on_stop)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self._on_stop)
        self.answer_view = QTextBrowser()
        self.citation_view = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse)

        ask_row = QHBoxLayout()
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.ask_button)
        ask_row.addWidget(self.stop_button)
        right = QVBoxLayout()
        right.addWidget(QLabel("Documents"))
        right.addWidget(self.document_list, 1)
        right.addWidget(self.add_button)
        right.addLayout(ask_row)
        right.addWidget(self.answer_view, 2)
        right.addWidget(self.citation_view)

        splitter = QSplitter()
        for layout in (left, right):
            pane = QWidget()
            pane.setLayout(layout)
            splitter.addWidget(pane)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self._set_case_actions_enabled(False)

    def _set_case_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.add_button, self.question, self.ask_button):
            widget.setEnabled(enabled)

    # ----- cases --------------------------------------------------------------------------

    def refresh_cases(self, select: str | None = None) -> None:
        self.case_list.clear()
        for case in cases.list_cases(self.vault):
            item = QListWidgetItem(case.name)
            item.setData(Qt.UserRole, case)
            self.case_list.addItem(item)
            if case.name == select:
                self.case_list.setCurrentItem(item)

    def create_case(self, name: str) -> None:
        try:
            case = cases.create_case(self.vault, name)
        except AppError as exc:
            self.show_error(exc)
            return
        self.refresh_cases(select=case.name)

    def _on_new_case(self) -> None:
        name, ok = QInputDialog.getText(self, "New case", "Case name:")
        if ok and name.strip():
            self.create_case(name)

    def _on_case_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        self.current_case = item.data(Qt.UserRole) if item else None
        self.chat_session_id = None
        self._set_case_actions_enabled(self.current_case is not None)
        self.refresh_documents()

    def refresh_documents(self) -> None:
        self.document_list.clear()
        if self.current_case is None:
            return
        for doc in cases.list_documents(self.vault, self.current_case):
            pages = f"{doc.page_count} page{'s' if doc.page_count != 1 else ''}"
            warn = f" — {doc.warnings[0]}" if doc.warnings else ""
            self.document_list.addItem(f"{doc.name} · {doc.kind.upper()} · {pages}{warn}")

    # ----- ingest -------------------------------------------------------------------------

    def _on_add_documents(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Add documents", "",
                                                "Documents (*.pdf *.txt *.md);;All files (*)")
        if files:
            self.add_documents([Path(f) for f in files])

    def add_documents(self, paths: list[Path], password: str | None = None) -> None:
        case = self.current_case
        self.statusBar().showMessage(f"Reading {len(paths)} item(s)…")
        self.runner.submit(
            lambda report: ingest_paths(self.vault, case, paths, on_outcome=report, on_progress=report,
                                        password=password, should_stop=lambda: self._closing),
            on_progress=self._on_ingest_progress,
            on_done=self._on_ingest_done,
            on_failed=self._on_ingest_done,
        )

    def _on_ingest_progress(self, event: IngestOutcome | IngestProgress) -> None:
        if isinstance(event, IngestProgress):
            eta = f", about {event.eta_s:.0f} s left" if event.eta_s else ""
            doing = "Reading scanned pages (OCR)" if event.phase == "ocr" else "Reading"
            self.statusBar().showMessage(f"{doing}: file {min(event.files_done + 1, event.files_total)} of "
                                         f"{event.files_total}, {event.pages_done} pages at "
                                         f"{event.pages_per_s:.0f} pages/s{eta}")

    def _on_ingest_done(self, result) -> None:
        if isinstance(result, BaseException):
            self.show_error(result)
        else:
            counts = {s: result.count(s) for s in ("ingested", "duplicate", "rejected")}
            self.statusBar().showMessage(", ".join(f"{n} {s}" for s, n in counts.items()))
            rejected = [o for o in result.outcomes if o.status == "rejected"]
            locked = [Path(o.path) for o in rejected if o.needs_password]
            if locked:
                self._ask_for_password(locked)
            if rejected:
                self.citation_view.setText("\n".join(f"Not added: {Path(o.path).name} — {o.reason}"
                                                     for o in rejected))
        self.refresh_documents()
        self.ingest_finished.emit(result)

    def _ask_for_password(self, locked: list[Path]) -> None:
        """Password-protected PDFs: ask (never guess), then read just those files again."""
        names = ", ".join(p.name for p in locked[:3]) + (" …" if len(locked) > 3 else "")
        password, ok = QInputDialog.getText(
            self, "Password needed", f"{len(locked)} PDF(s) are protected by a password ({names}).\n"
            "Enter the password to read them (it is used for this once and not stored):",
            QLineEdit.EchoMode.Password)
        if ok and password:
            self.add_documents(locked, password=password)

    # ----- asking -------------------------------------------------------------------------

    def _on_ask(self) -> None:
        text = self.question.text().strip()
        if text and self.current_case is not None and not self.runner.busy:
            self.ask_question(text)

    def ask_question(self, text: str) -> None:
        case = self.current_case
        self.answer_view.clear()
        self.citation_view.clear()
        self._answer_buffer.clear()
        self.ask_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.statusBar().showMessage("Reading the case…")
        self._redraw.start()

        self._asking_case_id = case.id

        def work(report):
            if self.model_session is None:
                self.model_session = ModelSession(prepare_embedded(), remote_backend(self.vault))
            return ask(self.vault, case, text, self.model_session, on_token=report,
                       session_id=self.chat_session_id)

        self.runner.submit(work, on_progress=self._answer_buffer.append,
                           on_done=self._on_answer_done, on_failed=self._on_answer_done)

    def _flush_answer(self) -> None:
        if self._answer_buffer:
            piece = "".join(self._answer_buffer)
            self._answer_buffer.clear()
            self.answer_view.moveCursor(self.answer_view.textCursor().MoveOperation.End)
            self.answer_view.insertPlainText(piece)

    def _on_stop(self) -> None:
        if self.model_session is not None:
            self.model_session.cancel()

    def _on_answer_done(self, result) -> None:
        self._redraw.stop()
        self._flush_answer()
        self.ask_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if isinstance(result, Answer):
            if self.current_case is not None and self.current_case.id == self._asking_case_id:
                self.chat_session_id = result.session_id  # not if the user moved to another case
            self.answer_view.setPlainText(result.text)
            self.citation_view.setText(_citation_summary(result))
            self.statusBar().showMessage(
                f"{result.model_id} · manifest {result.manifest[:12]} · first token "
                f"{result.timings.ttft_s:.1f} s")
        elif isinstance(result, Cancelled):
            self.statusBar().showMessage("Stopped.")
        else:
            self.show_error(result)
        self.answer_finished.emit(result)

    # ----- misc ---------------------------------------------------------------------------

    def show_error(self, exc: BaseException) -> None:
        self.statusBar().showMessage(error_text(exc))
        if not isinstance(exc, Cancelled):
            box = QMessageBox(QMessageBox.Icon.Warning, "Casefile", error_text(exc), parent=self)
            box.open()  # window-modal, never blocks the event loop

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        # Stop the work first (an answer, a batch of files), then wait for the thread to notice.
        self._closing = True
        if self.model_session is not None:
            self.model_session.close()
        self.runner.wait(10000)
        super().closeEvent(event)


def _citation_summary(answer: Answer) -> str:
    if not answer.citations:
        return "No citations in this answer."
    lines = []
    for c in answer.citations:
        where = f"{c.short_id} {c.document or '(unknown document)'}" + (f" p{c.page}" if c.page else "")
        mark = {True: "✓ ", False: "✗ ", None: ""}[c.verified]
        flag = "" if c.known else " — not in this case"
        lines.append(f"[{where}]{flag} {mark}{c.verdict}".rstrip())
    return "\n".join(lines)
