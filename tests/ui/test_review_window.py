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
