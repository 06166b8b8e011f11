"""The case's documents: a table with pages, tokens, status and warnings; add by drag and drop
or a file dialog; ingest progress with pages/s, ETA and cancel; and the context gauge.

Each row's box says whether questions read that document: unticking one leaves it out (the
gauge is measured again without it, and answers say what was left out, as ``ask --exclude``
does). An empty case shows where to drop files and the formats Casefile reads.

Like the other panels it holds no vault: the window fills it from the background and carries
out what it asks for (``files_added``, ``cancel_requested``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.extract import SUPPORTED_SUFFIXES
from app.safe_text import shown
from ui.file_dialogs import ask_paths
from ui.sortable_item import SortableItem
from ui.text import fill

COLUMNS = (QT_TRANSLATE_NOOP("DocumentsPanel", "Id"), QT_TRANSLATE_NOOP("DocumentsPanel", "Name"),
           QT_TRANSLATE_NOOP("DocumentsPanel", "Type"), QT_TRANSLATE_NOOP("DocumentsPanel", "Pages"),
           QT_TRANSLATE_NOOP("DocumentsPanel", "Tokens"), QT_TRANSLATE_NOOP("DocumentsPanel", "Status"))


def _status(doc) -> str:
    notes = []
    if doc.ocr_pages:
        notes.append(f"{doc.ocr_pages} page{'s' if doc.ocr_pages != 1 else ''} OCR")
    if doc.unread_pages:
        notes.append(f"{doc.unread_pages} scanned page{'s' if doc.unread_pages != 1 else ''} unread")
    for status, word in (("blank", "blank"), ("unreadable", "unreadable")):
        if count := doc.page_statuses.get(status):
            notes.append(f"{count} {word} page{'s' if count != 1 else ''}")
    notes.extend(doc.warnings)  # an attachment's name, say
    return shown("; ".join([doc.status] + [n for n in notes if n not in doc.status]))


def _number(short_id: str) -> int:
    return int(short_id[1:])


class DocumentsPanel(QWidget):
    files_added = Signal(list)  # list[Path]
    cancel_requested = Signal()
    bates_requested = Signal(str)  # a Bates number or range typed in the "Go to Bates" box
    exclusion_changed = Signal(frozenset)  # the ids (D3, …) of the documents left out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.excluded: frozenset[str] = frozenset()  # documents the user left out of questions
        self.review_set = ""  # the review set whose documents are ticked ("" when ticked by hand)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setAccessibleDescription(self.tr("Untick a document to leave it out of questions"))
        self.table.itemChanged.connect(self._on_item_changed)
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
        self.gauge_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # the model's name
        self.outcomes = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # names, reasons
        self.outcomes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bates_box = QLineEdit(placeholderText=self.tr("Go to Bates: ABC0001234 or ABC0001230-1240"),
                                   clearButtonEnabled=True)
        self.bates_box.returnPressed.connect(lambda: self.bates_requested.emit(self.bates_box.text()))
        self.bates_result = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # Bates as typed
        for widget, name in ((self.bates_box, self.tr("Go to a Bates number")),
                             (self.progress, self.tr("Progress of adding documents")),
                             (self.gauge_bar, self.tr("Share of the model's window the case fills"))):
            widget.setAccessibleName(name)

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
        formats = " ".join(s.lstrip(".").upper() for s in SUPPORTED_SUFFIXES)
        self.formats = fill(self.tr("Casefile reads: %1, and production volumes (load files with their "
                                    "images and text).\nScanned pages are read by OCR; every page ends up "
                                    "with its text or a status that says why not."), formats)
        self.drop_hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.drop_hint.setStyleSheet("border: 2px dashed palette(mid); padding: 18px")
        self.table_or_hint = QStackedWidget()
        self.table_or_hint.addWidget(self.drop_hint)
        self.table_or_hint.addWidget(self.table)
        layout.addWidget(self.table_or_hint, 1)
        layout.addLayout(row)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.outcomes)
        layout.addWidget(self.gauge_bar)
        layout.addWidget(self.gauge_label)
        self.show_progress(None)
        self.show_gauge(None)
        self.show_documents([], case_open=False)

    # ----- adding -------------------------------------------------------------------------

    def choose_files(self) -> None:
        if not self.add_button.isEnabled():
            return
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        ask_paths(self, self.tr("Add documents"), self.files_added.emit,
                  name_filters=[fill(self.tr("Documents Casefile reads (%1)"), patterns),
                                self.tr("Production load files (*.dat *.opt *.lfp)"),
                                self.tr("All files (*)")])

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        if self.add_button.isEnabled() and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_added.emit(paths)

    # ----- showing ------------------------------------------------------------------------

    def show_documents(self, documents: list, *, case_open: bool = True) -> None:
        """The case's documents; none: where to drop them (or, with no case open, to open one)."""
        lead = (self.tr("Drop files or folders here, or press “Add documents…”.") if case_open
                else self.tr("Open a case on the left (or make one) to add its documents."))
        self.drop_hint.setText(f"{lead}\n\n{self.formats}")
        self.table_or_hint.setCurrentWidget(self.table if documents else self.drop_hint)
        self.excluded = self.excluded & {doc.short_id for doc in documents}
        self.table.blockSignals(True)  # ticks set here are not the user's
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(documents))
        for row, doc in enumerate(documents):
            values = (doc.short_id, shown(doc.name), doc.kind.upper(), doc.pages,
                      doc.tokens if doc.tokens is not None else "", _status(doc))
            for column, value in enumerate(values):
                item = SortableItem(str(value))
                item.sort_key = _number(doc.short_id) if column == 0 else value
                item.setData(Qt.ItemDataRole.UserRole, doc.id)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked if doc.short_id in self.excluded
                                       else Qt.CheckState.Checked)
                    item.setToolTip(self.tr("Ticked: questions read this document"))
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.sortItems(0)
        self.table.blockSignals(False)

    def show_added(self, name: str, pages: int) -> None:
        """A document just stored, shown at once (its id and tokens come with the next refresh)."""
        self.table_or_hint.setCurrentWidget(self.table)
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(("…", shown(name), shown(Path(name).suffix.lstrip(".").upper()), pages,
                                        "", self.tr("added"))):
            item = SortableItem(str(value))
            item.sort_key = row + 10**6 if column == 0 else value  # after the case's own, in order
            self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.blockSignals(False)
        self.table.scrollToBottom()

    def reset_exclusions(self) -> None:
        """Another case: every document is read again."""
        self.excluded, self.review_set = frozenset(), ""

    def apply_review_set(self, name: str, documents: tuple[str, ...] | None) -> None:
        """Questions read the review set ``name``: its documents ticked, the others left out
        (``documents`` None, with ``name`` "": every document again)."""
        every = {self.table.item(row, 0).text() for row in range(self.table.rowCount())
                 if self.table.item(row, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable}
        left_out = frozenset(every - set(documents)) if documents is not None else frozenset()
        self.review_set = name
        self.table.blockSignals(True)  # these ticks are the set's, not the user's own
        for row in range(self.table.rowCount()):
            box = self.table.item(row, 0)
            if box.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                out = box.text() in left_out
                box.setCheckState(Qt.CheckState.Unchecked if out else Qt.CheckState.Checked)
        self.table.blockSignals(False)
        if left_out != self.excluded:
            self.excluded = left_out
            self.exclusion_changed.emit(self.excluded)

    def set_included(self, short_id: str, included: bool) -> None:
        """Tick or untick a document's box, as a click does."""
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item.text() == short_id:
                item.setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)

    def _on_item_changed(self, item) -> None:
        if item.column() != 0:
            return
        boxes = [self.table.item(row, 0) for row in range(self.table.rowCount())]
        left_out = {box.text() for box in boxes if box.flags() & Qt.ItemFlag.ItemIsUserCheckable
                    and box.checkState() == Qt.CheckState.Unchecked}
        if left_out != self.excluded:
            self.excluded, self.review_set = frozenset(left_out), ""  # ticked by hand: no set now
            self.exclusion_changed.emit(self.excluded)

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
        left_out = (fill(self.tr(" Left out by choice: %1."), ", ".join(sorted(self.excluded, key=_number)))
                    if self.excluded else "")
        self.gauge_label.setText(
            fill(self.tr("%1 of %2 tokens · pages %3 in, %4 out%5%6. %7%8"), f"{gauge.tokens_used:,}",
                 f"{gauge.window:,}", gauge.pages_in, gauge.pages_out, memory, repeated, gauge.advice,
                 left_out))
