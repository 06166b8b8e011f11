"""A case larger than the window: the numbers, and the offer to answer in staged passes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ContextTooLarge


def offer_staged(parent: QWidget, refusal: ContextTooLarge, on_staged: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("StagedOffer", "The case does not fit the window"),
                      refusal.user_message.split(" Choose:")[0], QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # it names the model, which may come from a folder
    box.setInformativeText(QCoreApplication.translate(
        "StagedOffer", "Casefile can answer in passes over window-sized parts of the case and combine them; "
        "the answer will say so. Or untick documents in the documents table to leave them out."))
    staged = box.addButton(QCoreApplication.translate("StagedOffer", "Answer in staged passes"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.finished.connect(lambda _result: box.clickedButton() is staged and on_staged())
    box.open()  # window-modal: no nested event loop
    return box
