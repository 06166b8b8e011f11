"""The "Go to Bates" box: a Bates number opens its page in the viewer; a range selects the
documents it covers and opens its first page. The look-up runs on the background runner."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.bates_lookup import BatesResult, find_bates
from app.safe_text import shown
from ui.text import error_text, fill


class BatesSearch(QObject):
    found = Signal(object)  # BatesResult, for scripts and tests

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        panel = window.documents
        panel.bates_requested.connect(self.go)

    def go(self, query: str) -> None:
        window, case = self.window, self.window.current_case
        if not query.strip():
            return
        if case is None:
            window.documents.bates_result.setText(
                self.tr("Choose a case first: Bates numbers are looked up in the open case."))
            return
        window.in_background(lambda: find_bates(window.vault, case, query),
                             lambda result: self._show(result, case.id),
                             on_failed=lambda exc: window.documents.bates_result.setText(error_text(exc)))

    def _show(self, result: BatesResult, case_id: int) -> None:
        if self.window.locked or self.window.current_case is None or self.window.current_case.id != case_id:
            return  # the user moved on (another case, or locked) while it was looked up
        panel = self.window.documents
        if not result.hits:
            panel.bates_result.setText(fill(self.tr("No page of this case has Bates %1."),
                                            shown(result.query)))
        else:
            first = result.hits[0]
            panel.select_documents(result.document_ids)
            self.window.open_page(first.document_id, first.page)
            if result.first == result.last:
                panel.bates_result.setText(fill(self.tr("%1: opened."), shown(first.bates)))
            else:
                panel.bates_result.setText(fill(self.tr("%1 page(s) of %2 document(s) in %3–%4; opened %5."),
                                                len(result.hits), len(result.document_ids),
                                                shown(result.first), shown(result.last), shown(first.bates)))
        self.found.emit(result)
