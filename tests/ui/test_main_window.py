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


def test_a_password_protected_pdf_is_asked_for_then_read(window, qtbot, tmp_path, monkeypatch):
    import pymupdf

    from tests.fixtures.documents import write_pdf

    plain = write_pdf(tmp_path / "plain.pdf", ["Settlement amount: $250,000."])
    locked = tmp_path / "sealed.pdf"
    with pymupdf.open(plain) as document:
        document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="open-sesame", owner_pw="o")
    asked = []
    monkeypatch.setattr("ui.main_window.QInputDialog.getText",
                        lambda *args, **kw: (asked.append(args[2]), ("open-sesame", True))[1])
    window.create_case("Sealed")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([locked])
    assert asked and "protected by a password" in asked[0]
    qtbot.waitUntil(lambda: window.document_list.count() == 1, timeout=60_000)
    assert window.document_list.item(0).text().startswith("sealed.pdf")
