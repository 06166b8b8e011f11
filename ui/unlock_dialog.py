"""Unlock the vault, or create it on first run. ``CASEFILE_PASSPHRASE`` skips the dialog."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox

from app.config import script_passphrase
from app.errors import CASEFILE_ERRORS
from app.unlock import RECOVERY_NOTICE, create_vault, unlock_vault, vault_exists


def show_recovery_key(parent, recovery_key: str) -> None:
    """The one time the recovery key is shown (a printable page comes with the desktop work)."""
    box = QMessageBox(QMessageBox.Icon.Information, "Your recovery key",
                      RECOVERY_NOTICE.format(key=recovery_key), parent=parent)
    box.setTextInteractionFlags(box.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class UnlockDialog(QDialog):
    def __init__(self, creating: bool) -> None:
        super().__init__()
        self.creating = creating
        self.vault = None
        self.setWindowTitle("Create your Casefile vault" if creating else "Unlock Casefile")
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.message = QLabel(wordWrap=True)
        form = QFormLayout(self)
        if creating:
            form.addRow(QLabel("Everything you add is kept in an encrypted vault. Choose a "
                               "passphrase of at least 8 characters; it cannot be recovered.",
                               wordWrap=True))
        form.addRow("Passphrase:", self.passphrase)
        if creating:
            form.addRow("Repeat:", self.repeat)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_accept(self) -> None:
        passphrase = self.passphrase.text()
        if self.creating and passphrase != self.repeat.text():
            self.message.setText("The two passphrases differ.")
            return
        try:
            if self.creating:
                self.vault, recovery_key = create_vault(passphrase)
                show_recovery_key(self, recovery_key)
            else:
                self.vault = unlock_vault(passphrase)
        except CASEFILE_ERRORS as exc:
            self.message.setText(exc.user_message)
            self.passphrase.selectAll()
            return
        self.accept()


def obtain_vault():
    """The open vault, or None when the user cancels."""
    from_env = script_passphrase()
    if from_env:
        if vault_exists():
            return unlock_vault(from_env)
        vault, recovery_key = create_vault(from_env)
        print(RECOVERY_NOTICE.format(key=recovery_key), file=sys.stderr)
        show_recovery_key(None, recovery_key)  # the only time it is ever shown
        return vault
    if not vault_exists():
        from ui.first_run import FirstRun

        first_run = FirstRun()
        return first_run.vault if first_run.exec() == QDialog.DialogCode.Accepted else None
    dialog = UnlockDialog(creating=False)
    return dialog.vault if dialog.exec() == QDialog.DialogCode.Accepted else None
