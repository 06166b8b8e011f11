"""The main window: the case sidebar, the case's documents and chat, and the page viewer.

Widgets only, and the GUI thread never waits: every read or write of the vault, every ingest,
answer and unlock runs on the ``TaskRunner`` (one thread, one writer) and comes back through
queued signals; pages render on a second runner so one opens while an answer still streams.
A click on a citation opens the cited page beside the chat with the quote highlighted.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import cases
from app.case_overview import case_summaries, case_view, chat_messages, chat_summaries
from app.demo import DEMO_QUESTION, open_demo_case
from app.errors import Cancelled
from app.ingest import preload_tokenizer
from app.models import ModelSession, ready_model
from app.page_view import load_page
from app.settings import Preferences, preferences, set_window_layout, window_layout
from app.unlock import unlock_vault
from ui.accessibility import name_inner_controls
from ui.ask_actions import AskActions
from ui.background import TaskRunner
from ui.bates_search import BatesSearch
from ui.case_menus import CaseMenus
from ui.cases_panel import CasesPanel
from ui.chat_panel import ChatPanel
from ui.citecheck_window import CiteCheckActions
from ui.colours import BANNER
from ui.documents_panel import DocumentsPanel
from ui.help_menu import HelpMenu
from ui.idle_lock import IdleLock
from ui.ingest_actions import IngestActions
from ui.lock_screen import LockScreen
from ui.page_viewer import PageViewer
from ui.review_actions import ReviewActions
from ui.search_actions import SearchActions
from ui.search_panel import SearchPanel
from ui.settings_actions import SettingsActions, apply_theme
from ui.text import error_text

log = logging.getLogger("casefile.ui")
AUTO_LOCK_MINUTES = Preferences().auto_lock_minutes  # until the vault's own preference is read
# cases | documents + search + chat | page viewer
DEFAULT_LAYOUT = {"main": [250, 650, 500], "middle": [300, 120, 560]}


class MainWindow(AskActions, IngestActions, QMainWindow):
    cases_loaded = Signal(list)  # CaseSummary list
    case_opened = Signal(object)  # the selected CaseSummary (or None), once its documents are shown
    ingest_finished = Signal(object)  # IngestReport, or the exception that stopped it
    answer_finished = Signal(object)  # Answer, or the exception that stopped it
    page_shown = Signal(object)  # the PageView the viewer now shows, or the error
    lock_changed = Signal(bool)

    def __init__(self, vault, *, auto_lock_minutes: float | None = None) -> None:
        """``auto_lock_minutes``: None follows the vault's preference (tests and scripts set it)."""
        super().__init__()
        self.vault = vault
        self.runner = TaskRunner(self)
        self.page_runner = TaskRunner(self)
        self.model_session: ModelSession | None = None
        self.current_case = None  # CaseRecord
        self.chat_session_id: int | None = None  # follow-up questions continue this chat
        self._closing = False  # polled by background ingest: closing the window cancels it
        self._cancel_ingest = False
        self._asking_case_id: int | None = None
        self._asked: str | None = None  # the question, while it may still be offered in staged passes
        preload_tokenizer()  # before the window shows: loading it later would stall the event loop
        self.setWindowTitle("Casefile")
        self.resize(1400, 860)
        self._build()
        self.idle_lock = IdleLock(self)
        self.idle_lock.idle.connect(self.lock)
        self.idle_lock.set_minutes(AUTO_LOCK_MINUTES if auto_lock_minutes is None else auto_lock_minutes)
        self._lock_from_preferences = auto_lock_minutes is None
        self.settings = SettingsActions(self)
        self.in_background(lambda: preferences(self.vault), self._apply_stored_preferences)
        self.in_background(lambda: window_layout(self.vault), self._apply_layout)
        self.refresh_cases()

    def _apply_stored_preferences(self, prefs) -> None:
        apply_theme(prefs.theme)
        if self._lock_from_preferences:
            self.idle_lock.set_minutes(prefs.auto_lock_minutes)

    def set_auto_lock(self, minutes: float) -> None:
        self.idle_lock.set_minutes(minutes)

    def _apply_layout(self, layout: dict[str, list[int]]) -> None:
        """The splitters as the user left them (the viewer's width is kept for when a page opens)."""
        middle = layout.get("middle", [])
        if len(middle) == 2:  # kept before the search pane came between documents and chat
            middle = [middle[0], DEFAULT_LAYOUT["middle"][1], middle[1]]
        if len(middle) == 3:
            self.middle.setSizes(middle)
        if len(layout.get("main", ())) == 3:
            self._viewer_width = layout["main"][2] or self._viewer_width
            self.splitter.setSizes([*layout["main"][:2], self.splitter.sizes()[2]])

    def layout_sizes(self) -> dict[str, list[int]]:
        main = self.splitter.sizes()
        return {"main": [*main[:2], main[2] or self._viewer_width], "middle": self.middle.sizes()}

    def collapse_viewer(self) -> None:
        """No page open: the viewer gives its room to the documents and the chat."""
        sizes = self.splitter.sizes()
        if sizes[2]:
            self._viewer_width = sizes[2]
            self.splitter.setSizes([sizes[0], sizes[1] + sizes[2], 0])
        self._viewer_width = getattr(self, "_viewer_width", DEFAULT_LAYOUT["main"][2])

    def expand_viewer(self) -> None:
        sizes = self.splitter.sizes()
        if not sizes[2]:
            width = self._viewer_width
            self.splitter.setSizes([sizes[0], max(sizes[1] - width, 320), width])

    # ----- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.cases_panel = CasesPanel()
        self.cases_panel.case_selected.connect(self._on_case_selected)
        self.cases_panel.create_requested.connect(self.create_case)
        self.cases_panel.rename_requested.connect(self.rename_case)
        self.cases_panel.delete_requested.connect(self.delete_case)
        self.cases_panel.demo_requested.connect(self.open_demo)
        self.documents = DocumentsPanel()
        self.documents.files_added.connect(self.add_documents)
        self.documents.cancel_requested.connect(self._on_cancel_ingest)
        self.documents.exclusion_changed.connect(lambda _left_out: self.refresh_documents(keep_chat=True))
        self.chat = ChatPanel()
        self.chat.ask_requested.connect(self._on_ask)
        self.chat.stop_requested.connect(self._on_stop)
        self.chat.open_page.connect(self.open_page)
        self.chat.session_chosen.connect(self.open_chat)
        self.viewer = PageViewer()
        self.viewer.request_page.connect(self._load_page)
        self.viewer.shown.connect(self.page_shown.emit)
        # Widgets by the names the rest of the window (and its tests) use.
        self.ask_button, self.stop_button = self.chat.ask_button, self.chat.stop_button
        self.answer_view, self.citation_view = self.chat.answer_view, self.chat.citation_view

        self.search = SearchPanel()
        self.middle = middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.documents)
        middle.addWidget(self.search)
        middle.addWidget(self.chat)
        middle.setStretchFactor(2, 2)
        middle.setSizes(DEFAULT_LAYOUT["middle"])
        self.splitter = splitter = QSplitter()
        for pane in (self.cases_panel, middle, self.viewer):
            splitter.addWidget(pane)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes(DEFAULT_LAYOUT["main"])
        self.collapse_viewer()

        self.banner = QWidget()
        self.banner.setStyleSheet(f"background:{BANNER[0]}; color:{BANNER[1]}")
        self.banner_text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # an error's reason
        self.restart_button = QPushButton(self.tr("Restart the model"))
        self.restart_button.clicked.connect(self.restart_model)
        banner_row = QHBoxLayout(self.banner)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.restart_button)
        self.banner.hide()

        work = QWidget()
        column = QVBoxLayout(work)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.banner)
        column.addWidget(splitter, 1)
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self._unlock)
        self.stack = QStackedWidget()
        self.stack.addWidget(work)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.engine_status = QLabel(self.tr("Model not started"))
        self.statusBar().addPermanentWidget(self.engine_status)

        self.menus = CaseMenus(self)  # Case and Tasks menus (Ctrl+O, Ctrl+L, exports, tasks)
        self.help = HelpMenu(self, self.menus.case_menu)  # Quit; Help → shortcuts, About
        self.reviews = ReviewActions(self)  # the Reviews menu and its grids
        self.citecheck = CiteCheckActions(self, self.menus.tasks_menu)  # Tasks → check a brief
        self.bates = BatesSearch(self)  # "Go to Bates" (Ctrl+G)
        self.searching = SearchActions(self)  # the search pane and review sets (Ctrl+Shift+F)
        QShortcut(QKeySequence("Ctrl+Shift+F"), self, activated=self.search.box.setFocus)
        QShortcut(QKeySequence("Ctrl+G"), self, activated=self.documents.bates_box.setFocus)
        for keys, action in (("Ctrl+Return", self.chat.ask_current), (Qt.Key.Key_Escape, self._on_stop)):
            QShortcut(QKeySequence(keys), self, activated=action)
        self._set_case_actions_enabled(False)
        name_inner_controls(self)

    def _set_case_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.documents.add_button, self.chat.question, self.chat.ask_button):
            widget.setEnabled(enabled)

    def in_background(self, work, on_done, **handlers) -> None:
        """Vault work on the background runner; a failure shows its one sentence."""
        self.runner.submit(lambda _report: work(), on_done=on_done,
                           on_failed=handlers.get("on_failed", self.show_error))

    # ----- cases --------------------------------------------------------------------------

    def refresh_cases(self, select: str | None = None) -> None:
        self.in_background(lambda: case_summaries(self.vault), lambda found: self._show_cases(found, select))

    def _show_cases(self, summaries: list, select: str | None) -> None:
        self.cases_panel.show_cases(summaries, select)
        self.cases_loaded.emit(summaries)

    def create_case(self, name: str) -> None:
        self.in_background(lambda: cases.create_case(self.vault, name),
                           lambda case: self.refresh_cases(case.name))

    def rename_case(self, summary, new_name: str) -> None:
        self.in_background(lambda: cases.rename_case(self.vault, summary.case, new_name),
                     lambda case: self.refresh_cases(case.name))

    def delete_case(self, summary) -> None:
        self.in_background(lambda: cases.delete_case(self.vault, summary.case.name),
                     lambda _counts: self.refresh_cases())

    def _on_case_selected(self, summary) -> None:
        current = self.current_case
        same = summary is not None and current is not None and summary.case.id == current.id
        self.current_case = summary.case if summary else None
        if same:  # the list was refreshed (documents added, a rename): keep the chat, update the rest
            self.refresh_documents(opened=summary, keep_chat=True)
            return
        self.chat_session_id = None
        self.documents.reset_exclusions()
        self.viewer.clear()  # another case's page does not stay beside this one
        self.collapse_viewer()
        self._set_case_actions_enabled(self.current_case is not None)
        if summary is not None:  # opening a case is an action on case data: audited, as on the command line
            self.in_background(lambda: cases.open_case(self.vault, summary.case.name), lambda _case: None)
        self.refresh_documents(opened=summary)

    def refresh_documents(self, opened=None, *, keep_chat: bool = False) -> None:
        case = self.current_case
        if case is None:
            self.documents.show_documents([], case_open=False)
            self.documents.show_gauge(None)
            self.case_opened.emit(None)
            return

        def shown(view) -> None:
            if self.current_case is not None and self.current_case.id == case.id:
                documents, gauge = view
                self.documents.show_documents(documents)
                self.documents.show_gauge(gauge)
                self.case_opened.emit(opened)
        if not keep_chat:
            self.chat.show_transcript([])
        self.refresh_chats()
        left_out = self.documents.excluded
        self.in_background(lambda: case_view(self.vault, case, ready_model(self.vault), left_out), shown)

    def refresh_chats(self) -> None:
        case, keep = self.current_case, self.chat_session_id
        self.in_background(lambda: chat_summaries(self.vault, case),
                           lambda chats: self.chat.show_sessions(chats, keep))

    def open_chat(self, chat_id: int | None) -> None:
        """Continue an earlier chat (its questions and answers are read with the next one), or start anew."""
        self.chat_session_id = chat_id
        case = self.current_case
        if chat_id is None or case is None:
            self.chat.show_transcript([])
            return
        self.in_background(lambda: chat_messages(self.vault, case, chat_id), self.chat.show_transcript)

    @property
    def document_count(self) -> int:
        """Documents of the case in the table (not the rows shown while an ingest is storing them)."""
        table = self.documents.table
        return sum(table.item(row, 0).data(Qt.ItemDataRole.UserRole) is not None
                   for row in range(table.rowCount()))

    # ----- the page viewer ----------------------------------------------------------------

    def open_page(self, document_id: int, number: int, mark: str = "", note: str = "") -> None:
        self.expand_viewer()
        self.viewer.open_page(document_id, number, mark, note)

    def _load_page(self, document_id: int, number: int, mark: str, zoom: float) -> None:
        vault = self.vault
        self.page_runner.submit(
            lambda _r: load_page(vault, document_id, number, mark=mark or None, zoom=zoom),
            on_done=self._on_page_loaded, on_failed=self._on_page_failed)

    def _on_page_loaded(self, view) -> None:
        self.viewer.show_view(view)  # the viewer says when it is painted (``shown``)

    def _on_page_failed(self, exc: BaseException) -> None:
        self.viewer.show_failure(error_text(exc))
        self.page_shown.emit(exc)

    # ----- lock ---------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Stop the work, close the vault and forget what the window shows of it."""
        if self.locked:
            return
        self._on_stop()
        self._cancel_ingest = True
        # The content goes at once; the vault closes on the runner, after the work it is stopping.
        self.runner.submit(lambda _r: self.vault.lock(), on_done=lambda _r: None, on_failed=self.show_error)
        self.chat.start_answer()
        self.chat.end_answer()
        self.chat.sessions.clear()
        self.chat.question.clear()
        for field in (self.documents.bates_box, self.documents.bates_result, self.documents.outcomes):
            field.clear()
        self.menus.close_windows()  # task results, the audit view and cite-checks show case data too
        self.citecheck.close_windows()
        self.reviews.close_windows()
        self.viewer.clear()
        self.collapse_viewer()
        self.cases_panel.show_cases([])
        self.stack.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)  # nothing acts on a locked vault
        self.statusBar().clearMessage()
        self.lock_screen.reset()
        self.lock_changed.emit(True)

    def _unlock(self, passphrase: str) -> None:
        home = self.vault.home
        self.runner.submit(lambda _r: unlock_vault(passphrase, home), on_done=self._on_unlocked,
                           on_failed=lambda exc: self.lock_screen.reset(error_text(exc)))

    def _on_unlocked(self, vault) -> None:
        self.vault = vault
        self.stack.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle_lock.restart()
        self.refresh_cases()
        self.lock_changed.emit(False)

    # ----- misc ---------------------------------------------------------------------------

    def show_error(self, exc: BaseException) -> None:
        self.statusBar().showMessage(error_text(exc))
        if not isinstance(exc, Cancelled):
            box = QMessageBox(QMessageBox.Icon.Warning, "Casefile", error_text(exc), parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # a reason may quote a file's name
            box.open()  # window-modal, never blocks the event loop

    def open_demo(self) -> None:
        """The demo case (three fictional documents), made on first use, opened and its question typed."""
        self.statusBar().showMessage(self.tr("Adding the demo case's documents…"))

        def opened(case) -> None:
            self.refresh_cases(case.name)
            self.chat.question.setText(DEMO_QUESTION)
            self.statusBar().showMessage(self.tr("The demo case is open: press Ask (or Ctrl+Return)."))

        self.in_background(lambda: open_demo_case(self.vault), opened)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        # Stop the work first (an answer, a batch of files), then wait for the threads to notice.
        if not self.locked and not self._closing:  # the splitters as left, kept in the vault (on the runner)
            sizes = self.layout_sizes()
            self.runner.submit(lambda _r: set_window_layout(self.vault, sizes), on_done=lambda _r: None,
                               on_failed=lambda _e: None)
        self._closing = True
        self.idle_lock.stop()
        if self.model_session is not None:
            self.model_session.close(timeout=0.5)  # the app is going: no waiting on a busy worker
        self.runner.wait(10000)
        self.page_runner.wait(10000)
        super().closeEvent(event)
