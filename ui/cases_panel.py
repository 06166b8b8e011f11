"""The case sidebar: search, the list with counts, and new / rename / delete; with no case yet,
what a case is and an offer to open the demo case.

It holds no vault: the window loads ``CaseSummary`` lists in the background and hands them to
``show_cases``; the buttons emit requests the window carries out (and audits) the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.safe_text import shown
from ui.text import fill


class CasesPanel(QWidget):
    case_selected = Signal(object)  # CaseSummary or None
    create_requested = Signal(str)
    rename_requested = Signal(object, str)  # CaseSummary, new name
    delete_requested = Signal(object)  # CaseSummary (confirmed)
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=self.tr("Search cases…"), clearButtonEnabled=True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.clicked.connect(self._on_new)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self._on_rename)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self._on_delete)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        self.empty = QLabel(self.tr("No cases yet. A case holds one matter's or one patient's documents; "
                                    "every question reads all of them.\n\nStart with the demo case (three "
                                    "fictional documents) to see an answer cited and checked, or make a "
                                    "case of your own with “New case…”."), wordWrap=True)
        self.demo_button = QPushButton(self.tr("Open the demo case"))
        self.demo_button.setToolTip(self.tr("A supply agreement, a letter and a clinic note, all fictional"))
        self.demo_button.clicked.connect(self.demo_requested)
        title = QLabel(self.tr("Cases"))
        title.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.demo_button)
        layout.addStretch(0)
        layout.addLayout(buttons)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.list.setAccessibleName(self.tr("Cases"))
        self._update_buttons()
        self._show_empty(True)

    def _show_empty(self, empty: bool) -> None:
        self.empty.setVisible(empty)
        self.demo_button.setVisible(empty)
        self.list.setVisible(not empty)
        self.search.setVisible(not empty)

    def show_cases(self, summaries: list, select: str | None = None) -> None:
        """Replace the list, keeping (or moving to) the selected case."""
        current = select or (self.current().case.name if self.current() else None)
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for summary in summaries:
            documents = self.tr("%n document(s)", "", summary.documents)
            pages = self.tr("%n page(s)", "", summary.pages)
            item = QListWidgetItem(f"{shown(summary.case.name)}\n{documents} · {pages}")
            item.setData(Qt.ItemDataRole.UserRole, summary)
            self.list.addItem(item)
            if summary.case.name == current:
                chosen = item
        self.list.blockSignals(False)
        self._show_empty(not summaries)
        self._filter(self.search.text())
        if chosen is not None:
            self.list.setCurrentItem(chosen)  # emits case_selected
        elif current is not None:
            self.case_selected.emit(None)
        self._update_buttons()

    def current(self):
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.data(Qt.ItemDataRole.UserRole).case.name.casefold()
            item.setHidden(bool(needle) and needle not in name)

    def _on_current(self, item, _previous=None) -> None:
        self._update_buttons()
        self.case_selected.emit(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _on_new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New case"), self.tr("Case name:"))
        if ok and name.strip():
            self.create_requested.emit(name)

    def _on_rename(self) -> None:
        summary = self.current()
        if summary is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename case"), self.tr("New name:"),
                                        text=summary.case.name)
        if ok and name.strip() and name.strip() != summary.case.name:
            self.rename_requested.emit(summary, name)

    def _on_delete(self) -> None:
        summary = self.current()
        if summary is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete case"),
                          fill(self.tr("Delete “%1” for good? Its %2 document(s), %3 page(s), chats and "
                                       "task results are removed from the vault; the audit log keeps a "
                                       "record of the deletion. This cannot be undone."),
                               shown(summary.case.name), summary.documents, summary.pages),
                          QMessageBox.StandardButton.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the case's name is shown, never read as HTML
        delete = box.addButton(self.tr("Delete case"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: box.clickedButton() is delete and self.delete_requested.emit(summary))
        box.open()  # window-modal, never a nested event loop
