"""The Reviews menu: make a review from a column set, open past ones, and do what their grids ask
(answer cells, stop, edit, export) on the window's background runner.

A new review is made and answered in one piece of background work; each answered cell comes back
as progress and is painted in the open grid. Stop cancels the running cell (the worker stays);
the review is then "stopped" and its grid offers to answer the missing cells.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from app.errors import Cancelled, UserFacingError
from app.reviews.column_sets import column_set, save_column_set, set_names
from app.reviews.columns import columns_from_json
from app.reviews.export import export_review
from app.reviews.run import (
    create_review,
    edit_cell,
    find_review,
    list_reviews,
    review_cells,
    run_review,
)
from ui.colours import tone
from ui.review_window import ReviewWindow
from ui.text import error_text, fill


def _review_and_cells(vault, case, review_id: int):
    review = find_review(vault, case, review_id)
    return review, review_cells(vault, review)


class NewReviewDialog(QDialog):
    """Choose a column set (its columns shown as JSON, editable), rows and scope."""

    chosen = Signal(str, list, str, str, str)  # title, columns (JSON objects), rows, scope, save-as name

    def __init__(self, sets: dict[str, tuple[str, list]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New review"))
        self.resize(640, 520)
        self.sets = sets
        self.set_box = QComboBox()
        self.set_box.addItems(list(sets))
        self.title = QLineEdit()
        self.columns = QPlainTextEdit()
        self.rows = QComboBox()
        self.rows.addItem(self.tr("one per document"), "documents")
        self.rows.addItem(self.tr("one per family (e-mail and attachments)"), "families")
        self.scope = QComboBox()
        self.scope.addItem(self.tr("its row's documents only (fast)"), "document")
        self.scope.addItem(self.tr("the whole case in view"), "case")
        self.save_as = QLineEdit(placeholderText=self.tr("optional: save these columns as a set"))
        self.problem = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # may quote a column's title
        self.problem.setStyleSheet(f"color:{tone('bad')}")
        self.set_box.currentTextChanged.connect(self._show_set)
        form = QFormLayout(self)
        form.addRow(self.tr("Column set"), self.set_box)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Columns"), self.columns)
        form.addRow(self.tr("Rows"), self.rows)
        form.addRow(self.tr("Each cell reads"), self.scope)
        form.addRow(self.tr("Save as"), self.save_as)
        form.addRow(self.problem)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._show_set(self.set_box.currentText())

    def _show_set(self, name: str) -> None:
        title, columns = self.sets[name]
        self.title.setText(title)
        self.columns.setPlainText(json.dumps([c.as_json() for c in columns], indent=1, ensure_ascii=False))

    def _accept(self) -> None:
        try:
            columns = columns_from_json(json.loads(self.columns.toPlainText()))
        except ValueError as exc:  # not JSON
            self.problem.setText(fill(self.tr("The columns are not valid JSON: %1"), exc))
            return
        except UserFacingError as exc:  # a column that breaks the rules
            self.problem.setText(error_text(exc))
            return
        self.chosen.emit(self.title.text(), [c.as_json() for c in columns], self.rows.currentData(),
                         self.scope.currentData(), self.save_as.text().strip())
        self.accept()


class ReviewActions(QObject):
    review_finished = Signal(object)  # the ReviewRecord, or the exception that stopped it
    review_opened = Signal(object)  # the ReviewWindow

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.windows: dict[int, ReviewWindow] = {}
        self.cases: dict[int, object] = {}  # each open review's case: the user may move to another
        menu = window.menuBar().addMenu(self.tr("&Reviews"))
        window.menus.add_action(menu, self.tr("New review…"), self.choose_new)
        window.menus.add_action(menu, self.tr("Open a review…"), self.choose_open)

    # ----- making one -------------------------------------------------------------------------

    def choose_new(self) -> None:
        window = self.window
        if window.current_case is None:
            window.statusBar().showMessage(self.tr("Choose a case first."))
            return
        vault = window.vault

        def show(sets) -> None:
            self.dialog = NewReviewDialog(sets, window)
            self.dialog.chosen.connect(self.start)
            self.dialog.open()
        window.in_background(lambda: {name: column_set(vault, name) for name in set_names(vault)}, show)

    def start(self, title: str, columns: list, rows: str, scope: str, save_as: str = "",
              max_new_tokens: int = 96) -> None:
        """Make the review and answer it (scripts and tests call this directly)."""
        window, case, vault = self.window, self.window.current_case, self.window.vault
        parsed = columns_from_json(columns)

        def make(_report):
            if save_as:
                save_column_set(vault, save_as, title, parsed)
            return create_review(vault, case, title, parsed, window.ensure_model_session(), row_unit=rows,
                                 scope=scope)

        window.runner.submit(make, on_done=lambda review: self._opened_new(review, max_new_tokens),
                             on_failed=self._on_failed)

    def _opened_new(self, review, max_new_tokens: int) -> None:
        self.cases[review.id] = self.window.current_case
        self.open_window(review, [])
        self.run(review.id, None, max_new_tokens=max_new_tokens)

    # ----- answering cells --------------------------------------------------------------------

    def _case(self, review_id: int):
        return self.cases.get(review_id) or self.window.current_case

    def run(self, review_id: int, cells, *, max_new_tokens: int = 96) -> None:
        window, case, vault = self.window, self._case(review_id), self.window.vault
        grid = self.windows.get(review_id)
        if grid is not None:
            grid.set_running(True)
        window.statusBar().showMessage(self.tr("Answering the review's cells…"))

        def work(report):
            return run_review(vault, case, review_id, window.ensure_model_session(), cells=cells,
                              max_new_tokens=max_new_tokens, on_cell=report)

        window.runner.submit(work, on_progress=lambda p: self._on_cell(review_id, p),
                             on_done=lambda r: self._finished(review_id, r),
                             on_failed=lambda e: self._finished(review_id, e))

    def _on_cell(self, review_id: int, progress) -> None:
        if (grid := self.windows.get(review_id)) is not None:
            grid.show_cell(progress)
        self.window.statusBar().showMessage(fill(self.tr("Review: %1 of %2 cells answered…"),
                                                 progress.done, progress.todo))

    def _finished(self, review_id: int, result) -> None:
        window, case, vault = self.window, self._case(review_id), self.window.vault
        if isinstance(result, BaseException) and not isinstance(result, Cancelled):
            window.show_error(result)
        else:
            window.statusBar().showMessage(self.tr("Review stopped.") if isinstance(result, Cancelled)
                                           else self.tr("Review finished."))
        grid = self.windows.get(review_id)
        if grid is None or case is None:
            self.review_finished.emit(result)
            return

        def shown(found) -> None:
            grid.show_review(*found)
            self.review_finished.emit(result)
        window.in_background(lambda: _review_and_cells(vault, case, review_id), shown)

    # ----- opening, editing, exporting --------------------------------------------------------

    def choose_open(self) -> None:
        window, case, vault = self.window, self.window.current_case, self.window.vault
        if case is None:
            window.statusBar().showMessage(self.tr("Choose a case first."))
            return

        def pick(found) -> None:
            if not found:
                window.statusBar().showMessage(self.tr("This case has no reviews yet."))
                return
            labels = [f"{r.id} · {r.title} · {r.status} · {len(r.rows)} × {len(r.columns)}" for r in found]
            dialog = QInputDialog(window)
            dialog.setWindowTitle(self.tr("Open a review"))
            dialog.setComboBoxItems(labels)
            dialog.textValueSelected.connect(lambda text: self.open(found[labels.index(text)].id))
            dialog.open()
        window.in_background(lambda: list_reviews(vault, case), pick)

    def open(self, review_id: int) -> None:
        vault, case = self.window.vault, self.window.current_case
        self.cases[review_id] = case
        self.window.in_background(lambda: _review_and_cells(vault, case, review_id),
                                  lambda found: self.open_window(*found))

    def open_window(self, review, cells) -> ReviewWindow:
        window = self.window
        if (grid := self.windows.get(review.id)) is not None:
            grid.show_review(review, cells)
            grid.raise_()
            return grid
        grid = ReviewWindow(review, cells, window)
        case = self.cases.setdefault(review.id, window.current_case)
        grid.open_page.connect(window.open_page)
        grid.run_requested.connect(lambda review_id, cells: self.run(review_id, cells))
        grid.cancel_requested.connect(window._on_stop)
        grid.edit_requested.connect(self.edit)
        grid.export_requested.connect(lambda review_id, path: window.in_background(
            lambda: export_review(window.vault, case, review_id, path), window.menus.show_exported,
            on_failed=window.menus.show_exported))
        grid.finished.connect(lambda _r: (self.windows.pop(review.id, None), self.cases.pop(review.id, None)))
        self.windows[review.id] = grid
        grid.show()
        self.review_opened.emit(grid)
        return grid

    def edit(self, review_id: int, row: int, column: int, value: str) -> None:
        vault, case = self.window.vault, self._case(review_id)
        grid = self.windows.get(review_id)
        self.window.in_background(lambda: edit_cell(vault, case, review_id, row, column, value),
                                  lambda cell: grid.place_cell(cell) if grid is not None else None)

    def close_windows(self) -> None:
        for grid in list(self.windows.values()):
            grid.close()

    def _on_failed(self, exc: BaseException) -> None:
        self.window.show_error(exc)
        self.review_finished.emit(exc)
