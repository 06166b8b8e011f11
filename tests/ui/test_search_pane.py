"""The search pane in the real window: a search over the case's pages, a hit opening its page with
every hit marked, the search saved as a review set that questions then read, and back to the
whole case."""

from __future__ import annotations

from tests.ui.conftest import open_new_case


def _add(window, qtbot, folder) -> None:
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents(sorted(folder.iterdir()))
    qtbot.waitUntil(lambda: window.document_count == 3, timeout=30_000)


def test_search_opens_hits_and_saves_a_review_set_that_questions_read(window, qtbot, tmp_path):
    folder = tmp_path / "chart"
    folder.mkdir()
    (folder / "a-visit.txt").write_text("The patient takes lisinopril 10 mg daily. Lisinopril was renewed.")
    (folder / "b-invoice.txt").write_text("The invoice for the shipment was disputed.")
    (folder / "c-letter.txt").write_text("Lisinopril was stopped in March because of a cough.")
    open_new_case(window, qtbot, "Chart")
    _add(window, qtbot, folder)
    panel = window.search

    with qtbot.waitSignal(window.searching.searched, timeout=30_000) as searched:
        panel.box.setText("lisinopril")
        panel.box.returnPressed.emit()
    result = searched.args[0]
    assert (result.pages, result.documents) == (2, 2)
    assert panel.results.topLevelItemCount() == 2 and panel.save_button.isEnabled()
    assert "«" in panel.results.topLevelItem(0).text(2)  # the hit marked in its passage
    assert panel.status.text().startswith("2 page")

    with qtbot.waitSignal(window.page_shown, timeout=30_000) as shown:
        panel.results.itemClicked.emit(panel.results.topLevelItem(0), 0)
    view = shown.args[0]
    if view.document == "a-visit.txt":  # every occurrence, not only the first
        assert len(view.text_spans) == 2
    assert view.text_spans

    with qtbot.waitSignal(window.searching.sets_shown, timeout=30_000) as sets:
        window.searching.save("Lisinopril notes")
    assert [s.name for s in sets.args[0]] == ["Lisinopril notes"]
    documents = window.documents
    assert documents.review_set == "Lisinopril notes"
    assert documents.excluded == {"D2"}  # b-invoice, outside the set, left out of questions
    assert panel.sets.currentData() == "Lisinopril notes"

    panel.sets.setCurrentIndex(0)
    panel.sets.activated.emit(0)  # back to the whole case
    qtbot.waitUntil(lambda: not documents.excluded, timeout=10_000)
    assert documents.review_set == ""

    panel.box.setText('"third party')  # an unclosed quote: one sentence, no traceback
    panel.box.returnPressed.emit()
    qtbot.waitUntil(lambda: "quote" in panel.status.text(), timeout=10_000)
