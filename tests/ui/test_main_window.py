"""The real window, offscreen, driving the real vault, worker and model."""

import pytest

from app.questions import Answer
from assets.demo.make_demo_pdfs import FACTS
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, vault):
    win = MainWindow(vault)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_a_new_case_is_listed_and_selected(window):
    window.create_case("Whitfield v. Northgate")
    assert window.case_list.count() == 1
    assert window.current_case.name == "Whitfield v. Northgate"
    assert window.ask_button.isEnabled()


def test_a_duplicate_case_name_is_refused_without_blocking(window):
    window.create_case("Demo")
    window.create_case("Demo")
    assert window.case_list.count() == 1
    assert "already exists" in window.statusBar().currentMessage()


@pytest.mark.slow
def test_add_documents_then_ask_streams_a_real_answer(window, qtbot, demo_dir, embedded_model):
    window.create_case("Demo")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([demo_dir])
    assert window.document_list.count() == 3

    streamed = []
    window.answer_view.textChanged.connect(lambda: streamed.append(window.answer_view.toPlainText()))
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as blocker:
        window.ask_question(FACTS["price_question"])
    answer = blocker.args[0]
    assert isinstance(answer, Answer), answer
    assert FACTS["price_answer"] in window.answer_view.toPlainText()
    assert len(streamed) >= 2  # painted while streaming, then the final text
    assert window.ask_button.isEnabled() and not window.stop_button.isEnabled()
