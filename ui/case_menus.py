"""The window's menus and what they start: document tasks, exports, lock.

Kept apart from ``main_window`` so that file stays the window's layout and its question path.
Everything here runs through the window's background runner and reports back by signal.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from app.audit import audit_page, export_audit
from app.exports.files import export_chat, export_task
from app.safe_text import shown
from app.tasks.run import TaskProgress, run_task
from app.tasks.templates import TEMPLATES
from ui.audit_view import AuditView
from ui.file_dialogs import ask_paths
from ui.task_results import TaskResults
from ui.text import fill

# The task templates' words (``app.tasks.templates``), marked here so the translation tools find
# them; the menu looks each one up by its English text (a test checks none is missing).
TASK_WORDS = (
    QT_TRANSLATE_NOOP("CaseMenus", "Chronology"),
    QT_TRANSLATE_NOOP("CaseMenus", "dated events, oldest first"),
    QT_TRANSLATE_NOOP("CaseMenus", "Document summaries"),
    QT_TRANSLATE_NOOP("CaseMenus", "two or three sentences per document"),
    QT_TRANSLATE_NOOP("CaseMenus", "People and organisations"),
    QT_TRANSLATE_NOOP("CaseMenus", "who appears, and in what role"),
    QT_TRANSLATE_NOOP("CaseMenus", "Inconsistencies"),
    QT_TRANSLATE_NOOP("CaseMenus", "where documents disagree"),
    QT_TRANSLATE_NOOP("CaseMenus", "Medication list"),
    QT_TRANSLATE_NOOP("CaseMenus", "medicines, doses, status"),
    QT_TRANSLATE_NOOP("CaseMenus", "Deposition digest"),
    QT_TRANSLATE_NOOP("CaseMenus", "testimony by topic, cited by page and line"),
    QT_TRANSLATE_NOOP("CaseMenus", "Medical chronology"),
    QT_TRANSLATE_NOOP("CaseMenus", "encounters by date of service; gaps and missing records flagged"),
    QT_TRANSLATE_NOOP("CaseMenus", "Privilege log (draft)"),
    QT_TRANSLATE_NOOP("CaseMenus", "each document's privilege claim and basis, for attorney review"),
    QT_TRANSLATE_NOOP("CaseMenus", "Problem list"),
    QT_TRANSLATE_NOOP("CaseMenus", "diagnoses and conditions, status"),
)


class CaseMenus(QObject):
    task_finished = Signal(object)  # the TaskRecord, or the exception that stopped it
    exported = Signal(object)  # ExportedFile, or the exception

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.result_windows: list[TaskResults] = []
        bar = window.menuBar()
        self.case_menu = case_menu = bar.addMenu(self.tr("&Case"))
        self.add_action(case_menu, self.tr("Add documents…"), window.documents.choose_files,
                     QKeySequence.StandardKey.Open)
        self.add_action(case_menu, self.tr("Export chat as PDF…"), lambda: self.choose_chat_export(".pdf"))
        self.add_action(case_menu, self.tr("Export chat as DOCX…"), lambda: self.choose_chat_export(".docx"))
        case_menu.addSeparator()
        self.add_action(case_menu, self.tr("Audit log…"), self.open_audit)
        self.add_action(case_menu, self.tr("Settings…"), lambda: window.settings.open(),
                     QKeySequence.StandardKey.Preferences)
        self.add_action(case_menu, self.tr("Lock"), window.lock, "Ctrl+L")
        self.tasks_menu = tasks_menu = bar.addMenu(self.tr("&Tasks"))
        for spec in TEMPLATES.values():
            self.add_action(tasks_menu, f"{self.tr(spec.title)} — {self.tr(spec.description)}",
                         lambda _=False, kind=spec.kind: self.run(kind))
        tasks_menu.addSeparator()

    def add_action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        return action

    # ----- tasks --------------------------------------------------------------------------

    def run(self, kind: str, max_new_tokens: int | None = None) -> None:
        window = self.window
        case = window.current_case
        if case is None:
            window.statusBar().showMessage(self.tr("Choose a case first."))
            return
        # Queued behind any work already running (one runner: one writer, one model at a time).
        window.statusBar().showMessage(self.tr("Running the task over the whole case…"))

        def work(report):
            return run_task(window.vault, case, kind, window.ensure_model_session(), on_progress=report,
                            max_new_tokens=max_new_tokens)

        window.runner.submit(work, on_progress=self._on_progress, on_done=self._on_done,
                             on_failed=self._on_done)

    def _on_progress(self, progress: TaskProgress) -> None:
        self.window.statusBar().showMessage(
            fill(self.tr("Task: %1 of %2 prompts done…"), progress.step, progress.steps))

    def _on_done(self, result) -> None:
        if not isinstance(result, BaseException):
            self.window.statusBar().showMessage(self.tr("Task finished: %n row(s).", "", len(result.rows)))
            self.show_result(result)
        else:
            self.window.show_error(result)
        self.task_finished.emit(result)

    def close_windows(self) -> None:
        for window in [*self.result_windows, getattr(self, "audit_view", None)]:
            if window is not None:
                window.close()

    def show_result(self, task) -> TaskResults:
        results = TaskResults(task, self.window)
        case = self.window.current_case  # the task's case, even if another is selected later
        results.open_page.connect(self.window.open_page)
        results.export_requested.connect(lambda task_id, path: self.export_task(task_id, path, case))
        results.finished.connect(lambda _r: self.result_windows.remove(results))
        self.result_windows.append(results)
        results.show()
        return results

    # ----- audit --------------------------------------------------------------------------

    def open_audit(self) -> AuditView:
        view = AuditView(self.window)
        vault = self.window.vault
        view.refresh_requested.connect(lambda wanted: self.window.in_background(
            lambda: audit_page(vault, wanted), view.show_page))
        view.verify_requested.connect(lambda: self.window.in_background(vault.verify_audit, view.show_check))
        view.export_requested.connect(lambda folder: self.window.in_background(
            lambda: export_audit(vault, folder), view.show_export))
        self.window.in_background(lambda: audit_page(vault), view.show_page)
        self.audit_view = view
        view.show()
        return view

    # ----- exports ------------------------------------------------------------------------

    def export_task(self, task_id: int, path: Path, case=None) -> None:
        case = case or self.window.current_case
        vault = self.window.vault
        self.window.in_background(lambda: export_task(vault, case, task_id, path), self.show_exported,
                                  on_failed=self.show_exported)

    def choose_chat_export(self, suffix: str) -> None:
        if self.window.chat_session_id is None:
            self.window.statusBar().showMessage(self.tr("Ask a question first: there is no chat to export."))
            return
        ask_paths(self.window, self.tr("Export chat"), lambda paths: self.export_chat(paths[0]),
                  save_as=f"chat-{self.window.chat_session_id}{suffix}")

    def export_chat(self, path: Path) -> None:
        case, chat_id = self.window.current_case, self.window.chat_session_id
        vault = self.window.vault
        self.window.in_background(lambda: export_chat(vault, case, chat_id, path), self.show_exported,
                                  on_failed=self.show_exported)

    def show_exported(self, result) -> None:
        if isinstance(result, BaseException):
            self.window.show_error(result)
        else:
            self.window.statusBar().showMessage(
                fill(self.tr("Exported to %1 (sha256 %2…)"), shown(result.path), result.sha256[:16]))
        self.exported.emit(result)
