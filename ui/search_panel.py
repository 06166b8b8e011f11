"""The search pane: a reviewer's search over every page of the open case, its hits by page with
the passage marked, and the review sets the questions read.

The pane only shows and asks; ``ui/search_actions.py`` runs the searches and saves the sets on
the background runner. Names and passages come from the documents: set as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.safe_text import shown

PASSAGE_CHARS = 300


class SearchPanel(QWidget):
    search_requested = Signal(str)  # the query as typed
    hit_chosen = Signal(int, int)  # document id, page number
    save_requested = Signal()  # save the last search's documents as a review set
    set_chosen = Signal(str)  # the review set questions read; "" for the whole case

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QLineEdit(clearButtonEnabled=True, placeholderText=self.tr(
            "Search this case: words, \"phrases\", AND OR NOT, w/5, custodian: date: bates: …"))
        self.box.returnPressed.connect(lambda: self.search_requested.emit(self.box.text()))
        self.box.setAccessibleName(self.tr("Search every page of the case"))
        self.results = QTreeWidget(columnCount=3, rootIsDecorated=False, uniformRowHeights=True)
        self.results.setHeaderLabels([self.tr("Document"), self.tr("Page"), self.tr("Passage")])
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.results.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.results.itemActivated.connect(self._on_activated)
        self.results.itemClicked.connect(self._on_activated)
        self.status = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # the query, quoted back
        self.save_button = QPushButton(self.tr("Save as review set…"), enabled=False)
        self.save_button.setToolTip(self.tr("Every document this search finds, as a set questions can read"))
        self.save_button.clicked.connect(self.save_requested)
        self.sets = QComboBox()
        self.sets.setAccessibleName(self.tr("Review set that questions read"))
        self.sets.activated.connect(lambda index: self.set_chosen.emit(self.sets.itemData(index) or ""))
        self.show_sets([])

        top = QHBoxLayout()
        top.addWidget(self.box, 1)
        top.addWidget(self.save_button)
        below = QHBoxLayout()
        below.addWidget(self.status, 1)
        below.addWidget(QLabel(self.tr("Questions read:")))
        below.addWidget(self.sets)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(below)
        layout.addWidget(self.results, 1)
        self.results.hide()  # until there is something to show: the pane stays one line high

    def show_result(self, result) -> None:
        """An ``app.search.SearchResult``: its pages, best first, and the totals."""
        self.results.clear()
        for hit in result.hits:
            where = f"{hit.page}" + (f" [{hit.bates}]" if hit.bates else "")
            passage = hit.marked("«", "»", escape=lambda text: shown(text, PASSAGE_CHARS))
            item = QTreeWidgetItem([f"{hit.short_id} {shown(hit.document, 80)}", shown(where), passage])
            item.setData(0, Qt.ItemDataRole.UserRole, (hit.document_id, hit.page))
            item.setToolTip(2, passage)
            self.results.addTopLevelItem(item)
        self.results.setVisible(bool(result.hits))
        self.save_button.setEnabled(result.documents > 0)
        more = (self.tr(" (the best %n shown)", "", len(result.hits)) if result.truncated else "")
        self.status.setText(self.tr("%n page(s)", "", result.pages) + " " +
                            self.tr("in %n document(s)", "", result.documents) + more + ".")

    def show_message(self, text: str) -> None:
        self.results.clear()
        self.results.hide()
        self.save_button.setEnabled(False)
        self.status.setText(text)

    def show_sets(self, names: list[str], current: str = "") -> None:
        """The case's review sets in the chooser (first: the whole case)."""
        self.sets.clear()
        self.sets.addItem(self.tr("the whole case"), "")
        for name in names:
            self.sets.addItem(shown(name, 60), name)
        self.sets.setCurrentIndex(max(self.sets.findData(current), 0))

    def _on_activated(self, item: QTreeWidgetItem) -> None:
        document_id, page = item.data(0, Qt.ItemDataRole.UserRole)
        self.hit_chosen.emit(document_id, page)
