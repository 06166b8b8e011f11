"""A review's grid: one row per document (or family), one column per question, filling in as
cells are answered.

Each cell shows its check mark and value, coloured by the check; its tooltip gives the source
and what the check found. A click opens the cited page in the viewer with the quote (or value)
highlighted. The context menu runs a cell or a column again, or edits a cell by hand. Work is
asked for by signal: the window's runner does it (``ui.review_actions``); nothing here touches
the vault. Redraws are throttled: cells that arrive together are painted once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from app.exports.report import BAD, GOOD, citation_text
from app.reviews.cells import EMPTY, MARKS
from app.reviews.export import mark
from app.safe_text import shown
from app.tasks.dates import sort_key as date_key
from ui.colours import CELL_TEXT
from ui.file_dialogs import ask_paths
from ui.sortable_item import SortableItem
from ui.text import fill, plain_html

BACKGROUNDS = {GOOD: QColor("#e3f1e0"), BAD: QColor("#f8dede")}
ROW_ROLE, COLUMN_ROLE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class ReviewWindow(QDialog):
    open_page = Signal(int, int, str)
    run_requested = Signal(int, object)  # review id, [(row, column), ...] or None for all missing
    cancel_requested = Signal()
    edit_requested = Signal(int, int, int, str)  # review id, row, column, value
    export_requested = Signal(int, object)  # review id, Path

    def __init__(self, review, cells, parent=None) -> None:
        super().__init__(parent)
        self.review = review
        self.cells: dict[tuple[int, int], object] = {}
        self._pending: list = []
        self._started: float | None = None
        self._done_this_run = self._todo = 0
        self.setWindowTitle(fill(self.tr("%1 — review %2"), shown(review.title), review.id))
        self.resize(1200, 640)
        self.summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # the model's name, an error
        self.progress = QProgressBar()
        self.progress.setRange(0, max(review.cell_count, 1))
        self.filter = QLineEdit(placeholderText=self.tr("Filter rows…"))
        self.filter.textChanged.connect(self._apply_filter)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.resume_button = QPushButton(self.tr("Answer the missing cells"))
        self.resume_button.clicked.connect(lambda: self.run_requested.emit(self.review.id, None))
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.resume_button)

        headers = [self.tr("Row")] + [shown(c["title"]) for c in review.columns]  # from a columns file
        self.table = QTableWidget(len(review.rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for index, column in enumerate(review.columns, start=1):
            self.table.horizontalHeaderItem(index).setToolTip(
                plain_html(shown(f"{column['question']} ({column['type']})")))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # the questions share the width
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 240)
        for row, data in enumerate(review.rows):
            item = SortableItem(shown(data["label"]))  # a document's name or Bates range
            item.sort_key = row  # the case's reading order
            item.setData(ROW_ROLE, row)
            self.table.setItem(row, 0, item)
            for column in range(len(review.columns)):
                self.table.setItem(row, column + 1, self._item(row, column, None))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # reading order
        self.table.setSortingEnabled(True)
        self.table.cellClicked.connect(self._on_click)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_menu)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for label, suffix in ((self.tr("Export XLSX…"), ".xlsx"), (self.tr("Export CSV…"), ".csv"),
                              (self.tr("Export DOCX…"), ".docx")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=suffix: self.choose_export(s))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._paint_timer = QTimer(self, singleShot=True, interval=100)
        self._paint_timer.timeout.connect(self._paint_pending)
        for cell in cells:
            self.place_cell(cell)
        self.set_running(False)

    # ----- cells ----------------------------------------------------------------------------

    def _item(self, row: int, column: int, cell) -> SortableItem:
        if cell is None:
            item = SortableItem("…")
            item.sort_key = (2, "")
        else:
            value = self.tr("(not stated)") if cell.check == EMPTY else cell.value
            item = SortableItem(f"{MARKS.get(cell.check, '')} {value}".strip())
            kind = self.review.columns[column]["type"]
            item.sort_key = (0, date_key(cell.value)) if kind == "date" and cell.value else (
                (0 if cell.value else 1, cell.value.casefold()))
            sources = "; ".join(citation_text(c) for c in cell.citations) or self.tr("no citation")
            detail = f"\n{cell.detail}" if cell.detail else ""
            # The model's words and the document's: a tooltip would run their "<img …>" as HTML.
            item.setToolTip(plain_html(shown(f"{cell.value}{detail}\n{sources}\n{MARKS.get(cell.check, '')} "
                                             f"{cell.note}", keep_lines=True)))
            if (colour := BACKGROUNDS.get(mark(cell.check))) is not None:
                item.setBackground(colour)
                item.setForeground(QColor(CELL_TEXT))  # dark on the pale cell, in a dark theme too
        item.setData(ROW_ROLE, row)
        item.setData(COLUMN_ROLE, column)
        return item

    def place_cell(self, cell) -> None:
        self.cells[(cell.row, cell.column)] = cell
        for visible_row in range(self.table.rowCount()):
            if self.table.item(visible_row, 0).data(ROW_ROLE) == cell.row:
                sorting = self.table.isSortingEnabled()
                self.table.setSortingEnabled(False)  # a cell arriving must not reorder under the user
                self.table.setItem(visible_row, cell.column + 1, self._item(cell.row, cell.column, cell))
                self.table.setSortingEnabled(sorting)
                break
        self.progress.setValue(len(self.cells))
        self._summarise()

    def show_cell(self, progress) -> None:
        """A cell just answered (``CellProgress``): painted with the others that arrive within 100 ms."""
        self._pending.append(progress.cell)
        self._done_this_run, self._todo = progress.done, progress.todo
        if not self._paint_timer.isActive():
            self._paint_timer.start()

    def _paint_pending(self) -> None:
        pending, self._pending = self._pending, []
        for cell in pending:
            self.place_cell(cell)

    def show_review(self, review, cells) -> None:
        self.review = review
        self._paint_pending()
        for cell in cells:
            self.place_cell(cell)
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        self._started = time.monotonic() if running else None
        self._done_this_run = 0
        self.cancel_button.setEnabled(running)
        self.resume_button.setEnabled(not running and len(self.cells) < self.review.cell_count)
        self._summarise()

    def _summarise(self) -> None:
        checks = [c.check for c in self.cells.values()]
        text = fill(self.tr("%1 of %2 cells · %3 verified · %4 differ · %5 not verified or uncited · "
                            "%6 · model %7 · manifest %8"),
                    len(checks), self.review.cell_count, checks.count("verified"), checks.count("differs"),
                    sum(mark(c) == BAD for c in checks) - checks.count("differs"),
                    self.tr("each cell read its row's documents") if self.review.scope == "document"
                    else self.tr("each cell read the whole case"), self.review.model_id or "",
                    (self.review.manifest or "")[:12])
        if self._started is not None and self._done_this_run:
            per_cell = (time.monotonic() - self._started) / self._done_this_run
            left = max(self._todo - self._done_this_run, 0) * per_cell
            text += fill(self.tr(" · about %1 s left"), f"{left:.0f}")
        elif self.review.status == "stopped" and self.review.error:
            text += fill(self.tr(" · stopped: %1"), self.review.error)
        self.summary.setText(text)

    # ----- the user's actions ---------------------------------------------------------------

    def _place_of(self, visible_row: int, visible_column: int) -> tuple[int, int] | None:
        item = self.table.item(visible_row, visible_column)
        if item is None or visible_column == 0:
            return None
        return item.data(ROW_ROLE), item.data(COLUMN_ROLE)

    def _on_click(self, visible_row: int, visible_column: int) -> None:
        place = self._place_of(visible_row, visible_column)
        cell = self.cells.get(place) if place else None
        if cell is None:
            return
        cited = [c for c in cell.citations if c.get("known") and c.get("document_id")]
        if cited:
            first = cited[0]
            highlight = first.get("quote") or cell.value  # the quote, else the value on the page
            self.open_page.emit(first["document_id"], first.get("page") or 1, highlight)

    def _on_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        place = self._place_of(index.row(), index.column()) if index.isValid() else None
        if place is None:
            return
        row, column = place
        menu = QMenu(self)
        review_id = self.review.id
        menu.addAction(self.tr("Run this cell again"), lambda: self.run_requested.emit(review_id, [place]))
        menu.addAction(self.tr("Run this column again"), lambda: self.run_requested.emit(
            self.review.id, [(r, column) for r in range(len(self.review.rows))]))
        menu.addAction(self.tr("Edit this cell…"), lambda: self.edit(row, column))
        menu.popup(self.table.viewport().mapToGlobal(point))

    def edit(self, row: int, column: int) -> None:
        cell = self.cells.get((row, column))
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Edit cell"))
        where = fill(self.tr("%1 — %2\nYour value is kept and marked as edited by you:"),
                     shown(self.review.rows[row]["label"]), shown(self.review.columns[column]["title"]))
        dialog.setLabelText(plain_html(where))
        dialog.setTextValue(cell.value if cell else "")
        review_id = self.review.id
        dialog.textValueSelected.connect(
            lambda value: self.edit_requested.emit(review_id, row, column, value))
        dialog.open()  # window-modal, never a nested event loop

    def _apply_filter(self, text: str) -> None:
        wanted = text.casefold().strip()
        for visible_row in range(self.table.rowCount()):
            texts = [self.table.item(visible_row, c).text().casefold()
                     for c in range(self.table.columnCount())]
            self.table.setRowHidden(visible_row, bool(wanted) and not any(wanted in t for t in texts))

    def choose_export(self, suffix: str) -> None:
        review_id = self.review.id
        ask_paths(self, self.tr("Export review"),
                  lambda paths: self.export_requested.emit(review_id, paths[0]),
                  save_as=f"review-{review_id}{suffix}")
