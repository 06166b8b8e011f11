"""A task's result: a sortable table with each row's sources and check, and export buttons.

Opened as a non-modal window beside the main one. Double-clicking a row opens its first cited
page in the viewer; exporting asks for a file name and leaves the writing (and its audit event)
to the window's background runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from app.exports.report import BAD, GOOD, citation_text
from app.safe_text import shown
from app.tasks.cells import MISSING, marked
from app.tasks.dates import sort_key as date_key
from app.tasks.templates import SOURCE, template
from ui.colours import tone
from ui.file_dialogs import ask_paths
from ui.sortable_item import SortableItem
from ui.text import fill

MARK_TONES = {GOOD: "good", BAD: "bad"}
CHECK_MARKS = {"verified": GOOD, "cited": "", "uncited": BAD, "not_on_page": BAD, "unknown_source": BAD,
               "gap": BAD, "missing record": BAD}  # a chronology's findings: to look at


def read_only_table(rows: int, headers: list[str]) -> QTableWidget:
    """A table of checked results: read-only, whole rows selected, text wrapped, columns stretched."""
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class TaskResults(QDialog):
    open_page = Signal(int, int, str)
    export_requested = Signal(int, object)  # task id, Path

    def __init__(self, task, parent=None) -> None:
        super().__init__(parent)
        self.task = task
        spec = template(task.kind)
        self.setWindowTitle(f"{spec.title} — task {task.id}")
        self.resize(1000, 600)
        headers = [c.title for c in spec.columns] + [SOURCE.title, self.tr("Check")]
        self.table = read_only_table(len(task.rows), headers)
        for row, result in enumerate(task.rows):
            sources = "; ".join(citation_text(c) for c in result["citations"]) or self.tr("none")
            cells = result.get("cells") or {}
            values = ([marked(result["fields"].get(c.key, ""), cells.get(c.key)) for c in spec.columns]
                      + [sources, result["note"]])
            for column, value in enumerate(values):
                item = SortableItem(value)
                item.sort_key = date_key(value) if spec.sort_by_date and column == 0 else value.casefold()
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
            for column, spec_column in enumerate(spec.columns):
                if cells.get(spec_column.key) == MISSING:
                    self.table.item(row, column).setForeground(QColor(tone('bad')))
            kind = MARK_TONES.get(CHECK_MARKS.get(result["check"], ""))
            if kind is not None:
                self.table.item(row, len(values) - 1).setForeground(QColor(tone(kind)))
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as the task ordered
        self.table.setSortingEnabled(True)
        self.table.cellDoubleClicked.connect(self._on_double_click)

        checks = [r["check"] for r in task.rows]
        mode = (task.mode or {}).get("label") or self.tr("the whole case, read at once")
        self.summary = QLabel(fill(self.tr("%1 rows: %2 verified on their page, %3 not verified or uncited "
                                           "· %4 · model %5 · manifest %6"),
                                   len(checks), checks.count("verified"),
                                   sum(CHECK_MARKS.get(c) == BAD for c in checks), shown(mode),
                                   shown(task.model_id or ""), (task.manifest or "")[:12]),
                              wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for label, suffix in ((self.tr("Export CSV…"), ".csv"), (self.tr("Export DOCX…"), ".docx"),
                              (self.tr("Export PDF…"), ".pdf")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=suffix: self.choose_export(s))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _on_double_click(self, row: int, _column: int) -> None:
        index = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        citations = [c for c in self.task.rows[index]["citations"] if c.get("known") and c.get("document_id")]
        if citations:
            first = citations[0]
            self.open_page.emit(first["document_id"], first.get("page") or 1, first.get("quote") or "")

    def choose_export(self, suffix: str) -> None:
        ask_paths(self, self.tr("Export task result"),
                  lambda paths: self.export_requested.emit(self.task.id, paths[0]),
                  save_as=f"{self.task.kind}-{self.task.id}{suffix}")
