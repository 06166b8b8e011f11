"""Names from input shown as text in the window: never as HTML, never with raw controls (#23)."""

from __future__ import annotations

from app.safe_text import shown
from tests.integration.test_safe_output import FORGED, MARKUP, OVERRIDE


def test_the_window_shows_names_as_text_never_as_html(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.errors import IngestError
    from tests.ui.conftest import open_new_case

    folder = tmp_path / "incoming"
    folder.mkdir()
    for name in (MARKUP, FORGED, OVERRIDE):
        (folder / name).write_text(f"Text of {name!r}.", encoding="utf-8")
    (folder / "<b>no\u202e.exe").write_bytes(b"MZ")
    open_new_case(window, qtbot, "<b>Markup</b>\u202e")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents(sorted(folder.iterdir()))
    qtbot.waitUntil(lambda: window.document_count == 3, timeout=30_000)

    table = window.documents.table
    names = {table.item(row, 1).text(): table.item(row, 0).data(Qt.ItemDataRole.UserRole)
             for row in range(table.rowCount())}
    assert set(names) == {MARKUP, shown(FORGED), shown(OVERRIDE)}  # "<b>" as it is; no line break
    outcomes = window.documents.outcomes
    assert outcomes.textFormat() == Qt.TextFormat.PlainText
    assert "<b>no\\u202e.exe" in outcomes.text()
    listed = window.cases_panel.list.currentItem().text()
    assert listed.startswith("<b>Markup</b>\\u202e\n")

    with qtbot.waitSignal(window.page_shown, timeout=30_000):
        window.open_page(names[MARKUP], 1)
    title = window.viewer.title
    assert title.textFormat() == Qt.TextFormat.PlainText and title.text().startswith(MARKUP)

    window.show_error(IngestError(f"Could not read {MARKUP}\x1b[2J."))
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == f"Could not read {MARKUP}\\x1b[2J."
    box.close()


def test_a_review_grid_shows_titles_tooltips_and_labels_as_text(qtbot):
    from PySide6.QtGui import QTextDocument

    from storage.records import ReviewCellRecord, ReviewRecord
    from ui.review_window import ReviewWindow

    column = {"title": "<b>Who</b>\u202e", "question": "<img src=x> Who <a href=x>wrote</a> it?",
              "type": "text"}
    review = ReviewRecord(1, 1, "<b>Review</b>\n\u202e", (column,), ({"label": MARKUP, "document_ids": [1]},),
                          "documents", "document", "done", "2025-01-01")
    cell = ReviewCellRecord(1, 0, 0, "<b>Dana</b> <img src=x>", "", (), "cited", "a note", "2025-01-01")
    grid = ReviewWindow(review, [cell])
    qtbot.addWidget(grid)
    assert grid.windowTitle() == "<b>Review</b>\\n\\u202e — review 1"
    assert grid.table.item(0, 0).text() == MARKUP
    assert grid.table.horizontalHeaderItem(1).text() == "<b>Who</b>\\u202e"

    def as_read(tooltip: str) -> str:  # what a tooltip shows: Qt takes it as rich text
        document = QTextDocument()
        document.setHtml(tooltip)
        return document.toPlainText()

    assert as_read(grid.table.horizontalHeaderItem(1).toolTip()) == f"{column['question']} (text)"
    assert as_read(grid.table.item(0, 1).toolTip()).startswith("<b>Dana</b> <img src=x>\n")
