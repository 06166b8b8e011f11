"""What the search pane does: searches on the background runner, a hit opens its page with every
hit marked, a search saved as a review set, and the set questions read (its documents ticked,
the rest left out, the answer naming the set). See ``ui/search_panel.py`` for the pane."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog

from app.page_view import search_mark
from app.review_sets import find_set, list_sets, save_from_search
from app.safe_text import shown
from app.search import search
from ui.text import error_text, fill


class SearchActions(QObject):
    searched = Signal(object)  # SearchResult, for scripts and tests
    sets_shown = Signal(list)  # the case's review sets (ReviewSet), after each refresh

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel = window.search
        self.result = None  # the last search's SearchResult
        self._case_id: int | None = None
        panel.search_requested.connect(self.run)
        panel.hit_chosen.connect(self.open_hit)
        panel.save_requested.connect(self.ask_set_name)
        panel.set_chosen.connect(self.use_set)
        window.case_opened.connect(self._on_case_opened)
        window.lock_changed.connect(lambda locked: locked and self.clear())

    def clear(self) -> None:
        self.result, self._case_id = None, None
        self.panel.box.clear()
        self.panel.show_message("")
        self.panel.show_sets([])

    def _on_case_opened(self, _summary) -> None:
        case = self.window.current_case
        if case is None:
            self.clear()
            return
        if case.id != self._case_id:  # another case: its own searches and sets
            self.result, self._case_id = None, case.id
            self.panel.box.clear()
            self.panel.show_message("")
        self.refresh_sets()

    def refresh_sets(self) -> None:
        window, case = self.window, self.window.current_case
        if case is None:
            return

        def show(found) -> None:
            if window.current_case is not None and window.current_case.id == case.id:
                self.panel.show_sets([s.name for s in found], window.documents.review_set)
                self.sets_shown.emit(found)
        window.in_background(lambda: list_sets(window.vault, case), show)

    def run(self, query: str) -> None:
        window, case = self.window, self.window.current_case
        if not query.strip():
            return
        if case is None:
            self.panel.show_message(self.tr("Open a case first: the search reads the open case's pages."))
            return

        def show(result) -> None:
            if window.locked or window.current_case is None or window.current_case.id != case.id:
                return  # the user moved on while it ran
            self.result = result
            self.panel.show_result(result)
            if not result.pages:
                self.panel.show_message(fill(self.tr("No page of this case matches %1."), shown(query, 120)))
            self.searched.emit(result)
        window.in_background(lambda: search(window.vault, case, query), show,
                             on_failed=lambda exc: self.panel.show_message(error_text(exc)))

    def open_hit(self, document_id: int, page: int) -> None:
        terms = self.result.highlight if self.result is not None else ()
        self.window.open_page(document_id, page, search_mark(terms) if terms else "")

    def ask_set_name(self) -> None:
        if self.result is None or self.window.current_case is None:
            return
        name, ok = QInputDialog.getText(
            self.window, self.tr("Save as review set"),
            self.tr("Name of the set (its documents are the ones this search finds):"))
        if ok and name.strip():
            self.save(name)

    def save(self, name: str) -> None:
        window, case, query = self.window, self.window.current_case, self.result.query

        def saved(chosen) -> None:
            self.panel.status.setText(fill(self.tr("Saved “%1”: %2 document(s). Questions now read it."),
                                           shown(chosen.name), len(chosen.documents)))
            self._apply(chosen)
            self.refresh_sets()
        window.in_background(lambda: save_from_search(window.vault, case, name, query), saved,
                             on_failed=lambda exc: self.panel.show_message(error_text(exc)))

    def use_set(self, name: str) -> None:
        window, case = self.window, self.window.current_case
        if case is None:
            return
        if not name:
            window.documents.apply_review_set("", None)
            return
        window.in_background(lambda: find_set(window.vault, case, name), self._apply,
                             on_failed=lambda exc: self.panel.show_message(error_text(exc)))

    def _apply(self, chosen) -> None:
        self.window.documents.apply_review_set(chosen.name, chosen.documents)
        self.panel.show_sets([self.panel.sets.itemData(i) for i in range(1, self.panel.sets.count())]
                             or [chosen.name], chosen.name)
