"""A case larger than the window: the numbers, and the offer to answer in staged passes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ContextTooLarge


def offer_staged(parent: QWidget, refusal: ContextTooLarge, on_staged: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, parent.tr("The case does not fit the window"),
                      refusal.user_message.split(" Choose:")[0], QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(parent.tr("Casefile can answer in passes over window-sized parts of the case and "
                                     "combine them; the answer will say so. Or leave documents out from the "
                                     "command line (ask --exclude)."))
    staged = box.addButton(parent.tr("Answer in staged passes"), QMessageBox.ButtonRole.AcceptRole)
    box.finished.connect(lambda _result: box.clickedButton() is staged and on_staged())
    box.open()  # window-modal: no nested event loop
    return box
