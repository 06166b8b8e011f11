"""First run: a new vault with a checked passphrase, the recovery key kept (PDF, confirmation),
and the model prepared — all without blocking the window."""

import pymupdf

from app.unlock import unlock_vault
from ui.first_run import FirstRun


def test_first_run_creates_the_vault_and_confirms_the_recovery_key(qtbot, casefile_home, tmp_path,
                                                                   embedded_model):
    dialog = FirstRun(home=casefile_home)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    assert "Too short" in dialog.strength.text()
    dialog.passphrase.setText("correct horse battery staple")
    assert dialog.strength.text() == "Strong."
    dialog.repeat.setText("correct horse battery stapler")
    dialog.create_button.click()
    assert "differ" in dialog.create_message.text() and dialog.vault is None

    dialog.repeat.setText("correct horse battery staple")
    with qtbot.waitSignal(dialog.vault_created, timeout=30_000):
        dialog.create_button.click()
    key = dialog.key_label.text()
    assert dialog.pages.currentIndex() == 1 and key.count("-") >= 10
    assert dialog.passphrase.text() == ""  # not left in the widget

    dialog.save_sheet_to(str(tmp_path / "recovery.pdf"))
    sheet = "".join(page.get_text() for page in pymupdf.open(tmp_path / "recovery.pdf"))
    assert key in sheet and dialog.vault.vault_id in sheet
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QPushButton

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # the printer a test can read back
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_sheet(printer)
    printed = "".join(page.get_text() for page in pymupdf.open(tmp_path / "printed.pdf"))
    assert key.replace("-", "") in printed.replace("-", "").replace("\n", "")
    labels = [b.text() for b in dialog.findChildren(QPushButton)]
    assert "Copy" not in labels and "Print…" in labels  # never on the clipboard, where managers keep it
    assert not (dialog.key_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse)
    assert key not in (QGuiApplication.clipboard().text() or "")
    assert not dialog.continue_button.isEnabled()
    dialog.confirm.setText("WRONG")
    assert not dialog.continue_button.isEnabled()
    dialog.confirm.setText(key.rsplit("-", 1)[-1].lower())
    assert dialog.continue_button.isEnabled()

    with qtbot.waitSignal(dialog.model_ready, timeout=120_000) as ready:
        dialog.continue_button.click()
    assert not isinstance(ready.args[0], BaseException) and dialog.finish_button.isEnabled()
    assert dialog.key_label.text() == ""  # the key is shown once, then forgotten
    vault = dialog.vault
    vault.lock()
    assert unlock_vault("correct horse battery staple", casefile_home).vault_id == vault.vault_id
    assert unlock_vault(recovery_key=key, home=casefile_home).vault_id == vault.vault_id
