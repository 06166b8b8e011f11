"""The lock screen that replaces the window's content while the vault is locked.

Unlocking runs Argon2 (about 0.15 s here, more on slow machines), so the window does it on its
background runner; this widget only collects the passphrase and shows the outcome. A wrong
passphrase is recorded beside the vault and audited at the next unlock (``storage.unlock_log``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class LockScreen(QWidget):
    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Casefile is locked"))
        self.title.setStyleSheet("font-size: 18pt")
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password,
                                    placeholderText=self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._on_unlock)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self._on_unlock)
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)  # an error's reason
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.passphrase, self.unlock_button, self.message):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.passphrase.setMinimumWidth(320)
        layout.addStretch(2)

    def reset(self, message: str = "") -> None:
        self.passphrase.clear()
        self.passphrase.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.message.setText(message)
        self.passphrase.setFocus()

    def _on_unlock(self) -> None:
        if self.passphrase.text():
            self.passphrase.setEnabled(False)
            self.unlock_button.setEnabled(False)
            self.message.setText(self.tr("Unlocking…"))
            self.unlock_requested.emit(self.passphrase.text())
