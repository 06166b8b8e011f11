"""First run: create the vault, keep the recovery key safe, and get the model ready.

Three steps in one window. (1) A passphrase with a strength hint, and the OS keyring when a
real one exists. (2) The recovery key, shown this once, with "Print…" and "Save as PDF…" and a
confirmation (type its last group) before going on; never on the clipboard (clipboard managers
keep a history), and not selectable. (3) The embedded model, prepared once (about 30 s).
Creating the vault (Argon2id) and preparing the model run in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import prepare_embedded
from app.unlock import (
    MIN_PASSPHRASE,
    create_vault,
    keyring_available,
    passphrase_strength,
    write_recovery_sheet,
)
from ui.background import TaskRunner
from ui.colours import tone
from ui.file_dialogs import ask_paths
from ui.text import error_text, fill

STRENGTH_TONES = {"weak": "bad", "fair": "warn", "strong": "good"}


class FirstRun(QDialog):
    vault_created = Signal(object)
    model_ready = Signal(object)  # ModelInfo, or the exception

    def __init__(self, home: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.vault = None
        self.recovery_key = ""
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Welcome to Casefile"))
        self.resize(620, 420)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._recovery_page())
        self.pages.addWidget(self._model_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # ----- 1. passphrase ------------------------------------------------------------------

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Everything you add to Casefile — documents, chats, results — is kept in an "
                               "encrypted vault on this computer. Choose a passphrase to open it. Nobody, "
                               "not even us, can open the vault without it or the recovery key you get "
                               "next."), wordWrap=True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.textChanged.connect(self._on_passphrase)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.returnPressed.connect(self._create)
        self.strength = QLabel()
        self.use_keyring = QCheckBox()
        self.use_keyring.setChecked(False)
        self.use_keyring.setVisible(False)
        # Asking the OS for its keyring can take a moment (D-Bus): in the background.
        self.runner.submit(lambda _r: keyring_available(), on_done=self._show_keyring,
                           on_failed=lambda _e: None)
        self.create_message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.create_button = QPushButton(self.tr("Create the vault"))
        self.create_button.clicked.connect(self._create)
        form = QFormLayout(page)
        form.addRow(intro)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow("", self.strength)
        form.addRow(self.tr("Repeat:"), self.repeat)
        form.addRow(self.use_keyring)
        form.addRow(self.create_message)
        form.addRow(self.create_button)
        return page

    def _show_keyring(self, name: str | None) -> None:
        if name is not None and self.vault is None:
            label = fill(self.tr("Also unlock with this computer's login keyring (%1)"), name)
            self.use_keyring.setText(label)
            self.use_keyring.setChecked(True)
            self.use_keyring.setVisible(True)

    def _on_passphrase(self, text: str) -> None:
        level, hint = passphrase_strength(text)
        words = {"strong": self.tr("Strong."),
                 "fair": self.tr("Fair: a few more words would make it strong."),
                 "weak": self.tr("Weak: four or more unrelated words are easy to remember and hard to "
                                 "guess.")}
        if hint.startswith("Too short"):  # app.unlock's own words, with its minimum
            words["weak"] = fill(self.tr("Too short: use at least %1 characters."), MIN_PASSPHRASE)
        self.strength.setText(words[level] if text else "")
        self.strength.setStyleSheet(f"color: {tone(STRENGTH_TONES[level])}")

    def _create(self) -> None:
        passphrase = self.passphrase.text()
        if passphrase != self.repeat.text():
            self.create_message.setText(self.tr("The two passphrases differ."))
            return
        self.create_button.setEnabled(False)
        self.create_message.setText(self.tr("Creating the vault…"))
        home, keyring = self.home, self.use_keyring.isChecked()
        self.runner.submit(lambda _r: create_vault(passphrase, home, use_keyring=keyring),
                           on_done=self._on_created, on_failed=self._on_create_failed)

    def _on_create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.create_message.setText(error_text(exc))

    def _on_created(self, created) -> None:
        self.vault, self.recovery_key = created
        self.passphrase.clear()
        self.repeat.clear()
        self.key_label.setText(self.recovery_key)
        self.pages.setCurrentIndex(1)
        self.vault_created.emit(self.vault)

    # ----- 2. recovery key ----------------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("This is your recovery key. It opens the vault if the passphrase is lost. It "
                               "is shown only this once: print it or save it, and keep it somewhere safe, "
                               "apart from this computer."), wordWrap=True)
        self.key_label = QLabel()
        self.key_label.setFont(QFont("monospace", 13))
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        print_button = QPushButton(self.tr("Print…"))
        print_button.clicked.connect(self._print_sheet)
        save = QPushButton(self.tr("Save as PDF to print…"))
        save.clicked.connect(self._save_sheet)
        self.saved_message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # a path, a reason
        self.confirm = QLineEdit(placeholderText=self.tr("Type the key's last group to confirm"))
        self.confirm.textChanged.connect(self._on_confirm)
        self.continue_button = QPushButton(self.tr("I have kept it safe — continue"))
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self._to_model)
        buttons = QHBoxLayout()
        buttons.addWidget(print_button)
        buttons.addWidget(save)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        for widget in (intro, self.key_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        for widget in (self.saved_message, self.confirm, self.continue_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    def _print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_sheet(printer))
        dialog.open()  # window-modal: no nested event loop

    def print_sheet(self, printer: QPrinter) -> None:
        """The recovery sheet on ``printer`` (the same words as the PDF)."""
        sheet = QTextDocument()
        sheet.setDefaultFont(QFont("monospace", 12))
        words = self.tr("Casefile recovery key\n\nVault %1\n\n%2\n\nIt opens the vault if the passphrase "
                        "is lost. Keep it somewhere safe, apart from the computer.")
        sheet.setPlainText(fill(words, self.vault.vault_id, self.recovery_key))
        sheet.print_(printer)
        self.saved_message.setText(self.tr("Sent to the printer."))

    def _save_sheet(self) -> None:
        ask_paths(self, self.tr("Save the recovery key"), lambda paths: self.save_sheet_to(str(paths[0])),
                  save_as="casefile-recovery-key.pdf")

    def save_sheet_to(self, name: str) -> None:
        try:
            write_recovery_sheet(Path(name), self.recovery_key, self.vault.vault_id)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.saved_message.setText(fill(self.tr("Could not save it: %1"), reason))
            return
        saved = self.tr("Saved to %1. Print it, then move the file off this computer.")
        self.saved_message.setText(fill(saved, name))

    def _on_confirm(self, text: str) -> None:
        last = self.recovery_key.rsplit("-", 1)[-1]
        self.continue_button.setEnabled(text.strip().upper() == last)

    # ----- 3. model -----------------------------------------------------------------------

    def _model_page(self) -> QWidget:
        page = QWidget()
        self.model_message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.model_progress = QProgressBar()
        self.model_progress.setRange(0, 0)
        self.finish_button = QPushButton(self.tr("Open Casefile"))
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        for widget in (self.model_message, self.model_progress, self.finish_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    def _to_model(self) -> None:
        self.recovery_key = ""  # not kept in memory longer than it is needed
        self.key_label.clear()
        self.pages.setCurrentIndex(2)
        self.model_message.setText(self.tr("Preparing the built-in model (SmolLM2-135M-Instruct) for its "
                                           "first use — about 30 seconds, once. A larger model can be "
                                           "imported later from Settings."))
        self.runner.submit(lambda _r: prepare_embedded(), on_done=self._on_model, on_failed=self._on_model)

    def _on_model(self, result) -> None:
        self.model_progress.setRange(0, 1)
        self.model_progress.setValue(1)
        if isinstance(result, BaseException):
            later = self.tr("You can still open Casefile and add documents; questions need a model.")
            self.model_message.setText(f"{error_text(result)} {later}")
        else:
            self.model_message.setText(self.tr("The model is ready."))
        self.finish_button.setEnabled(True)
        self.model_ready.emit(result)
