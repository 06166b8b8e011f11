"""Unlock the vault (or, with none yet, the first-run window that creates it).
``CASEFILE_PASSPHRASE`` skips the dialog, for scripts.

The passphrase is checked (Argon2id, about a second) on a background thread: the dialog stays
responsive and says it is working."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from app.config import script_passphrase
from app.unlock import RECOVERY_NOTICE, create_vault, unlock_vault, vault_exists
from ui.background import TaskRunner
from ui.text import error_text


class UnlockDialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.vault = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(self.tr("Unlock Casefile"))
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # an error's reason
        form = QFormLayout(self)
        form.addRow(self.tr("Passphrase:"), self.passphrase)
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _on_accept(self) -> None:
        passphrase = self.passphrase.text()
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        self.runner.submit(lambda _r: unlock_vault(passphrase), on_done=self._on_unlocked,
                           on_failed=self._on_failed)

    def _on_unlocked(self, vault) -> None:
        self.vault = vault
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(exc))
        self.passphrase.selectAll()


def obtain_vault():
    """The open vault, or None when the user cancels."""
    from_env = script_passphrase()
    if from_env:
        if vault_exists():
            return unlock_vault(from_env)
        vault, recovery_key = create_vault(from_env)
        print(RECOVERY_NOTICE.format(key=recovery_key), file=sys.stderr)  # a script's one showing
        return vault
    if not vault_exists():
        from ui.first_run import FirstRun

        first_run = FirstRun()
        return first_run.vault if first_run.exec() == QDialog.DialogCode.Accepted else None
    dialog = UnlockDialog()
    return dialog.vault if dialog.exec() == QDialog.DialogCode.Accepted else None
