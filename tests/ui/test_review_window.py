"""The review grid in the real window, offscreen: made from the Reviews menu's path with the real
worker, filled in cell by cell, a cell click opens its page, an edit and an export go through the
window's runner, and Stop leaves a review that answers its missing cells later."""

from __future__ import annotations

import pytest

from app.reviews.cells import EDITED
from tests.ui.conftest import open_new_case
from ui.review_actions import NewReviewDialog
from ui.review_window import COLUMN_ROLE, ROW_ROLE

pytestmark = pytest.mark.slow
COLUMNS = [{"title": "Date", "question": "What is the date of this document?", "type": "date"},
           {"title": "Price", "question": "What price does it give?", "type": "amount"}]


def test_the_grid_fills_opens_pages_edits_exports_and_resumes(window, qtbot, demo_dir, embedded_model,
                                                               tmp_path):
    open_new_case(window, qtbot, "Demo")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([demo_dir])
    with qtbot.waitSignal(window.reviews.review_finished, timeout=240_000) as finished:
        window.reviews.start("Demo review", COLUMNS, "documents", "document", max_new_tokens=24)
    review = finished.args[0]
    assert review.status == "done"
    (grid,) = window.reviews.windows.values()
    assert grid.table.rowCount() == 3 and grid.table.columnCount() == 3
    assert len(grid.cells) == 6 and grid.progress.value() == 6
    assert "6 of 6 cells" in grid.summary.text()
    shown = [grid.table.item(r, c).text() for r in range(3) for c in (1, 2)]
    assert all(text and text != "…" for text in shown)

    # a cited cell opens its page in the viewer (if the model cited any)
    cited = [(place, cell) for place, cell in grid.cells.items()
             if any(c.get("known") and c.get("document_id") for c in cell.citations)]
    if cited:
        (row, column), _cell = cited[0]
        visible = next(r for r in range(3) if grid.table.item(r, 0).data(ROW_ROLE) == row)
        with qtbot.waitSignal(window.page_shown, timeout=30_000):
            grid.table.cellClicked.emit(visible, column + 1)

    grid.edit_requested.emit(review.id, 0, 1, "$12.00 a box")
    qtbot.waitUntil(lambda: grid.cells[(0, 1)].check == EDITED, timeout=20_000)
    item = next(grid.table.item(r, 2) for r in range(3) if grid.table.item(r, 2).data(ROW_ROLE) == 0)
    assert "$12.00 a box" in item.text() and item.data(COLUMN_ROLE) == 1
    with qtbot.waitSignal(window.menus.exported, timeout=30_000) as exported:
        grid.export_requested.emit(review.id, tmp_path / "review.xlsx")
    assert exported.args[0].path.stat().st_size > 0

    # Stop during a re-run of the first column: the review stops, then answers its missing cells
    with qtbot.waitSignal(window.reviews.review_finished, timeout=240_000) as stopped:
        window.reviews.run(review.id, [(r, 0) for r in range(3)], max_new_tokens=24)
        qtbot.waitUntil(lambda: grid.cancel_button.isEnabled(), timeout=5_000)
        grid.cancel_button.click()
    assert type(stopped.args[0]).__name__ in ("Cancelled", "ReviewRecord")
    if type(stopped.args[0]).__name__ == "Cancelled":
        qtbot.waitUntil(lambda: grid.resume_button.isEnabled(), timeout=20_000)
        with qtbot.waitSignal(window.reviews.review_finished, timeout=240_000) as resumed:
            grid.resume_button.click()
        assert resumed.args[0].status == "done" and len(grid.cells) == 6


def test_the_new_review_dialog_shows_a_set_and_refuses_bad_columns(qtbot):
    from app.reviews.columns import BUILT_IN

    dialog = NewReviewDialog({"privilege": BUILT_IN["privilege"]})
    qtbot.addWidget(dialog)
    assert "draft for attorney review" in dialog.title.text()
    assert '"Privilege basis"' in dialog.columns.toPlainText()
    chosen = []
    dialog.chosen.connect(lambda *args: chosen.append(args))
    dialog.columns.setPlainText('[{"title": "A", "question": "Q?", "type": "number"}]')
    dialog._accept()
    assert not chosen and "types:" in dialog.problem.text()
    dialog.columns.setPlainText("[not json")
    dialog._accept()
    assert not chosen and "not valid JSON" in dialog.problem.text()
    dialog.columns.setPlainText('[{"title": "A", "question": "Q?", "type": "date"}]')
    dialog._accept()
    assert chosen and chosen[0][1][0]["type"] == "date" and chosen[0][2] == "documents"


def test_a_cell_click_opens_its_cited_page_and_marks_are_shown(qtbot):
    """The grid alone, with stored records as the vault returns them (no model needed)."""
    from storage.records import ReviewCellRecord, ReviewRecord
    from ui.review_window import ReviewWindow

    review = ReviewRecord(7, 1, "Check", tuple(COLUMNS), ({"label": "D1 a.pdf", "document_ids": [11]},
                                                         {"label": "D2 b.pdf", "document_ids": [12]}),
                          "documents", "document", "done", "2026-11-30T09:00:00+00:00")
    citation = {"id": "D2", "document": "b.pdf", "page": 3, "bates": None, "quote": None, "verified": None,
                "known": True, "fuzzy": False, "found_on": None, "document_id": 12, "span": None}
    cells = [ReviewCellRecord(7, 1, 0, "March 4, 2021", "2021-03-04", (citation,), "verified",
                              "date found on the cited page", "2026-11-30T09:00:01+00:00"),
             ReviewCellRecord(7, 0, 1, "$1,520.00", "1520.00 USD", (citation,), "differs",
                              "the cited page gives another amount", "2026-11-30T09:00:02+00:00")]
    grid = ReviewWindow(review, cells)
    qtbot.addWidget(grid)
    assert grid.table.item(1, 1).text() == "✓ March 4, 2021" and grid.table.item(0, 2).text().startswith("≠")
    assert grid.table.item(0, 1).text() == "…"  # not answered yet
    assert "1 verified · 1 differ" in grid.summary.text() and grid.resume_button.isEnabled()
    with qtbot.waitSignal(grid.open_page) as opened:
        grid.table.cellClicked.emit(1, 1)
    assert opened.args == [12, 3, "March 4, 2021"]  # the value is highlighted when nothing was quoted
    grid.filter.setText("b.pdf")
    assert grid.table.isRowHidden(0) and not grid.table.isRowHidden(1)
