"""The case's documents: a table with pages, tokens, status and warnings; add by drag and drop
or a file dialog; ingest progress with pages/s, ETA and cancel; and the context gauge.

Like the other panels it holds no vault: the window fills it from the background and carries
out what it asks for (``files_added``, ``cancel_requested``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.file_dialogs import ask_paths
from ui.sortable_item import SortableItem
from ui.text import fill

COLUMNS = ("Id", "Name", "Type", "Pages", "Tokens", "Status")


def _status(doc) -> str:
    notes = []
    if doc.ocr_pages:
        notes.append(f"{doc.ocr_pages} page{'s' if doc.ocr_pages != 1 else ''} OCR")
    if doc.unread_pages:
        notes.append(f"{doc.unread_pages} scanned page{'s' if doc.unread_pages != 1 else ''} unread")
    for status, word in (("blank", "blank"), ("unreadable", "unreadable")):
        if count := doc.page_statuses.get(status):
            notes.append(f"{count} {word} page{'s' if count != 1 else ''}")
    notes.extend(doc.warnings)
    return "; ".join([doc.status] + [n for n in notes if n not in doc.status])


class DocumentsPanel(QWidget):
    files_added = Signal(list)  # list[Path]
    cancel_requested = Signal()
    bates_requested = Signal(str)  # a Bates number or range typed in the "Go to Bates" box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add documents…"))
        self.add_button.setToolTip(self.tr("Or drop files and folders here (Ctrl+O)"))
        self.add_button.clicked.connect(self.choose_files)
        self.progress = QProgressBar(textVisible=False, maximumHeight=8)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.gauge_bar = QProgressBar(format="%p% of the window")
        self.gauge_label = QLabel(wordWrap=True)
        self.outcomes = QLabel(wordWrap=True)
        self.outcomes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bates_box = QLineEdit(placeholderText=self.tr("Go to Bates: ABC0001234 or ABC0001230-1240"),
                                   clearButtonEnabled=True)
        self.bates_box.returnPressed.connect(lambda: self.bates_requested.emit(self.bates_box.text()))
        self.bates_result = QLabel(wordWrap=True)

        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(QLabel(self.tr("Documents")))
        heading.addWidget(self.bates_box, 1)
        layout.addLayout(heading)
        layout.addWidget(self.bates_result)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.outcomes)
        layout.addWidget(self.gauge_bar)
        layout.addWidget(self.gauge_label)
        self.show_progress(None)
        self.show_gauge(None)

    # ----- adding -------------------------------------------------------------------------

    def choose_files(self) -> None:
        if not self.add_button.isEnabled():
            return
        ask_paths(self, self.tr("Add documents"), self.files_added.emit)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        if self.add_button.isEnabled() and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_added.emit(paths)

    # ----- showing ------------------------------------------------------------------------

    def show_documents(self, documents: list) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(documents))
        for row, doc in enumerate(documents):
            values = (doc.short_id, doc.name, doc.kind.upper(), doc.pages,
                      doc.tokens if doc.tokens is not None else "", _status(doc))
            for column, value in enumerate(values):
                item = SortableItem(str(value))
                item.sort_key = int(doc.short_id[1:]) if column == 0 else value
                item.setData(Qt.ItemDataRole.UserRole, doc.id)
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0)

    def select_documents(self, document_ids: list[int]) -> None:
        """Select the rows of these documents (a Bates range) and scroll to the first."""
        wanted, first = set(document_ids), None
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) in wanted:
                self.table.selectRow(row)
                first = row if first is None else first
        self.table.setSelectionMode(mode)
        if first is not None:
            self.table.scrollToItem(self.table.item(first, 0))

    def show_progress(self, text: str | None, fraction: float | None = None) -> None:
        """``text`` None: idle. ``fraction`` None: busy without a known end."""
        busy = text is not None
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.progress_label.setText(text or "")
        if busy:
            self.progress.setRange(0, 0 if fraction is None else 1000)
            if fraction is not None:
                self.progress.setValue(int(fraction * 1000))

    def show_gauge(self, gauge) -> None:
        self.gauge_bar.setVisible(gauge is not None)
        if gauge is None:
            self.gauge_label.setText("")
            return
        self.gauge_bar.setRange(0, max(gauge.window, 1))
        self.gauge_bar.setValue(min(gauge.tokens_used, gauge.window))
        colour = "#2e7d32" if gauge.fits and gauge.memory_fits else "#c62828"
        self.gauge_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        memory = (f" · memory {gauge.memory_needed / 2**30:.1f} of {gauge.memory_available / 2**30:.1f} GiB"
                  if gauge.memory_available else "")
        repeated = f" · {gauge.repeated_pages} repeated pages" if gauge.repeated_pages else ""
        self.gauge_label.setText(
            fill(self.tr("%1 of %2 tokens · pages %3 in, %4 out%5%6. %7"), f"{gauge.tokens_used:,}",
                 f"{gauge.window:,}", gauge.pages_in, gauge.pages_out, memory, repeated, gauge.advice))
