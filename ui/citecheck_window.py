"""Tasks → Check a brief's quotations…: the brief is chosen, checked on the background runner
against the open case, and its quotations shown with what the check found; a double click opens
the cited page with the page's own reading marked; the report exports as DOCX or PDF."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.answer import CiteCheck, cite_check
from app.exports.files import export_citecheck
from app.exports.report import citation_text
from app.safe_text import shown
from ui.colours import tone
from ui.file_dialogs import ask_paths
from ui.task_results import read_only_table
from ui.text import fill


class CiteCheckWindow(QDialog):
    open_page = Signal(int, int, str, str)
    export_requested = Signal(object)  # Path

    def __init__(self, result: CiteCheck, parent=None) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Cite-check: %1").replace("%1", shown(result.brief)))  # a file's name
        self.resize(1000, 560)
        headers = [self.tr("Quotation"), self.tr("Cited as"), self.tr("Record"), self.tr("Check")]
        self.table = read_only_table(len(result.quotes), headers)
        for row, checked in enumerate(result.quotes):
            says = checked.as_json()["says"]
            record = citation_text(checked.citation.as_json())
            values = [f"“{checked.quote}”", checked.cite, record, says]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            kind = "good" if checked.citation.verified else "bad"
            self.table.item(row, 3).setForeground(QColor(tone(kind)))
        self.table.cellDoubleClicked.connect(self._open)
        verified = sum(1 for q in result.quotes if q.citation.verified)
        self.summary = QLabel(fill(self.tr("%1 quotation(s) with a record citation: %2 verified, %3 not."),
                                   len(result.quotes), verified, len(result.quotes) - verified))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for label, suffix in ((self.tr("Export DOCX…"), ".docx"), (self.tr("Export PDF…"), ".pdf")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=suffix: ask_paths(
                self, self.tr("Export the cite-check"), lambda paths: self.export_requested.emit(paths[0]),
                save_as=f"citecheck{s}"))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _open(self, row: int, _column: int) -> None:
        citation = self.result.quotes[row].citation
        if citation.known and citation.document_id:
            note = citation.verdict if citation.check == "differs" else ""
            self.open_page.emit(citation.document_id, citation.page or 1, citation.page_words, note)


class CiteCheckActions(QObject):
    checked = Signal(object)  # the CiteCheck, or the exception

    def __init__(self, window, menu) -> None:
        super().__init__(window)
        self.window, self.windows = window, []
        action = menu.addAction(self.tr("Check a brief's quotations…"))
        action.triggered.connect(self.choose)

    def choose(self) -> None:
        if self.window.current_case is None:
            self.window.statusBar().showMessage(self.tr("Choose a case first."))
            return
        ask_paths(self.window, self.tr("Choose the brief to check"), lambda paths: self.check(paths[0]))

    def check(self, path) -> None:
        window, case = self.window, self.window.current_case
        window.statusBar().showMessage(self.tr("Checking the brief's quotations against the record…"))
        window.runner.submit(lambda _report: cite_check(window.vault, case, path),
                             on_done=lambda result: self._done(result, case), on_failed=self._failed)

    def _done(self, result: CiteCheck, case) -> None:
        view = CiteCheckWindow(result, self.window)
        view.open_page.connect(self.window.open_page)
        menus = self.window.menus
        view.export_requested.connect(lambda path: self.window.in_background(
            lambda: export_citecheck(self.window.vault, case, result, path), menus.show_exported,
            on_failed=menus.show_exported))
        view.finished.connect(lambda _r: self.windows.remove(view))
        self.windows.append(view)
        view.show()
        self.window.statusBar().showMessage(view.summary.text())
        self.checked.emit(result)

    def close_windows(self) -> None:
        for view in list(self.windows):
            view.close()

    def _failed(self, error: BaseException) -> None:
        self.window.show_error(error)
        self.checked.emit(error)
