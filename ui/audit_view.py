"""The audit log window: filter by case, action and date; verify the chain; export the signed
report to a folder. Reading, verifying and exporting run on the main window's background runner."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.audit import AuditFilter
from app.safe_text import shown
from ui.colours import tone
from ui.file_dialogs import ask_paths
from ui.text import fill

COLUMNS = tuple(QT_TRANSLATE_NOOP("AuditView", c) for c in ("Seq", "Time (UTC)", "User", "Action", "Outcome",
                                                             "Case", "Details"))


def _details(objects: dict) -> str:
    return shown(", ".join(f"{k}={v}" for k, v in sorted(objects.items())), 160)  # a rejected file's reason


class AuditView(QDialog):
    refresh_requested = Signal(object)  # AuditFilter
    verify_requested = Signal()
    export_requested = Signal(object)  # Path of an empty or new folder

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 650)
        self.case_box = QComboBox()
        self.action_box = QComboBox()
        self.since = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.until = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.since.setDate(QDate.currentDate().addYears(-1))
        self.until.setDate(QDate.currentDate())
        for widget in (self.case_box, self.action_box):
            widget.currentIndexChanged.connect(self.request)
        for widget in (self.since, self.until):
            widget.dateChanged.connect(self.request)
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify_requested)
        self.export_button = QPushButton(self.tr("Export signed report…"))
        self.export_button.clicked.connect(self._choose_folder)
        self.result = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # a reason, a folder
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("Case"), self.case_box), (self.tr("Action"), self.action_box),
                              (self.tr("From"), self.since), (self.tr("to"), self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        self._filled = False

    def current_filter(self) -> AuditFilter:
        return AuditFilter(case_id=self.case_box.currentData(), action=self.action_box.currentData() or "",
                           since=self.since.date().toString("yyyy-MM-dd"),
                           until=self.until.date().toString("yyyy-MM-dd"))

    def request(self) -> None:
        if self._filled:
            self.refresh_requested.emit(self.current_filter())

    def show_page(self, page) -> None:
        if not self._filled:  # the choices, once: every case and action in the log
            for box in (self.case_box, self.action_box):
                box.blockSignals(True)
            self.case_box.addItem(self.tr("All cases"), None)
            for case_id, name in sorted(page.case_names.items(), key=lambda item: item[1].casefold()):
                self.case_box.addItem(shown(name), case_id)
            self.action_box.addItem(self.tr("All actions"), "")
            for action in page.actions:
                self.action_box.addItem(action, action)
            for box in (self.case_box, self.action_box):
                box.blockSignals(False)
            self._filled = True
        self.table.setRowCount(len(page.events))
        for row, event in enumerate(page.events):
            case = shown(page.case_names.get(event["case_id"], f"#{event['case_id']} (deleted)")) \
                if event["case_id"] is not None else ""
            when = event["ts"][:19].replace("T", " ")
            values = (str(event["seq"]), when, event["os_user"], event["action"], event["outcome"], case,
                      _details(event["objects"]))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        counted = fill(self.tr("%1 of %2 events shown"), f"{len(page.events):,}", f"{page.total:,}")
        if page.matched > len(page.events):
            counted += fill(self.tr(" (the newest %1 of %2 that match)"), f"{len(page.events):,}",
                          f"{page.matched:,}")
        self.setWindowTitle(fill(self.tr("Audit log — %1"), counted))

    def show_check(self, check) -> None:
        if check.ok:
            self.result.setText(fill(self.tr("Chain verified: %1 events, every hash, link and HMAC intact."),
                                     f"{check.events:,}"))
            self.result.setStyleSheet(f"color:{tone('good')}")
        else:
            self.result.setText(fill(self.tr("Chain BROKEN at event %1: %2"), check.first_broken_seq,
                                     shown(check.reason)))
            self.result.setStyleSheet(f"color:{tone('bad')}; font-weight:bold")

    def show_export(self, result) -> None:
        self.result.setStyleSheet("")
        self.result.setText(fill(self.tr("Exported %1 events to %2. Signing key fingerprint: %3"),
                                 f"{result.events:,}", shown(result.folder), result.fingerprint))

    def _choose_folder(self) -> None:
        ask_paths(self, self.tr("Choose an empty folder for the audit export"),
                  lambda paths: self.export_requested.emit(paths[0]), mode=QFileDialog.FileMode.Directory)
