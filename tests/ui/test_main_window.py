"""The real window, offscreen, driving the real vault, worker and model."""

import os
import signal

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.answer.questions import Answer
from app.errors import WorkerDied
from assets.demo.make_demo_pdfs import FACTS
from tests.conftest import TEST_PASSPHRASE
from tests.fixtures.stalls import StallMeter
from tests.ui.conftest import open_new_case
from ui.main_window import MainWindow


def test_a_new_case_is_listed_selected_renamed_and_searched(window, qtbot):
    open_new_case(window, qtbot, "Whitfield v. Northgate")
    assert window.cases_panel.list.count() == 1
    assert window.current_case.name == "Whitfield v. Northgate"
    assert window.ask_button.isEnabled() and window.documents.add_button.isEnabled()
    with qtbot.waitSignal(window.case_opened, timeout=20_000):
        window.rename_case(window.cases_panel.current(), "Whitfield v. Northgate (2025)")
    assert window.current_case.name == "Whitfield v. Northgate (2025)"
    open_new_case(window, qtbot, "Harbor Valley")
    window.cases_panel.search.setText("whit")
    visible = [window.cases_panel.list.item(i).isHidden() for i in range(2)]
    assert visible.count(True) == 1


def test_a_duplicate_case_name_is_refused_without_blocking(window, qtbot):
    open_new_case(window, qtbot, "Demo")
    window.create_case("Demo")
    qtbot.waitUntil(lambda: "already exists" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.cases_panel.list.count() == 1


@pytest.mark.slow
def test_drop_documents_ask_open_the_cited_page_then_survive_a_worker_crash(window, qtbot, demo_dir,
                                                                            embedded_model):
    open_new_case(window, qtbot, "Demo")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(demo_dir))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.documents.dropEvent(drop)  # the same path as the file dialog and the command line
    qtbot.waitUntil(lambda: window.document_count == 3, timeout=30_000)
    qtbot.waitUntil(lambda: "of 8,192 tokens" in window.documents.gauge_label.text(), timeout=30_000)

    streamed = []
    window.answer_view.textChanged.connect(lambda: streamed.append(window.answer_view.toPlainText()))
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as blocker:
        window.ask_question(FACTS["price_question"])
    answer = blocker.args[0]
    assert isinstance(answer, Answer), answer
    assert FACTS["price_answer"] in window.answer_view.toPlainText()
    assert len(streamed) >= 2  # painted while streaming, then the final text
    assert window.ask_button.isEnabled() and not window.stop_button.isEnabled()
    status = window.engine_status.text()
    assert status.startswith("SmolLM2-135M-Instruct · cpu") and "worker" in status and "tokens/s" in status

    # The answer's source, cited by the model or found by Casefile, opens highlighted in the viewer.
    assert window.chat.link_count() >= 1, window.citation_view.toPlainText()
    with qtbot.waitSignal(window.page_shown, timeout=30_000) as shown:
        window.chat.open_link(0)
    view = shown.args[0]
    assert (view.document, view.number) == ("supply-agreement.pdf", 2), view
    assert view.highlights and view.image_png
    assert "supply-agreement.pdf — page 2 of" in window.viewer.title.text()
    assert window.viewer.image.pixmap().width() == view.image_size[0]
    assert "Highlighted on the page" in window.viewer.status.text()

    window.chat.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    copied = QGuiApplication.clipboard().text()
    assert FACTS["price_answer"] in copied and answer.manifest[:12] in copied

    # Stop: the answer ends as stopped, and the window is ready for the next question.
    window.answer_view.textChanged.connect(window.stop_button.click)
    with qtbot.waitSignal(window.answer_finished, timeout=120_000) as stopped:
        window.ask_question("Who signed the supply agreement for the buyer?")
    window.answer_view.textChanged.disconnect(window.stop_button.click)
    assert stopped.args[0].finish_reason == "cancelled" and window.ask_button.isEnabled()
    assert "stopped by you" in window.chat.facts.text()  # the partial answer is kept, and says so

    # The chat is kept: a new chat starts empty, the earlier one comes back with its answer.
    qtbot.waitUntil(lambda: window.chat.sessions.count() == 2, timeout=10_000)
    window.open_chat(None)
    assert window.chat_session_id is None and window.answer_view.toPlainText() == ""
    window.open_chat(answer.session_id)
    qtbot.waitUntil(lambda: FACTS["price_answer"] in window.answer_view.toPlainText(), timeout=10_000)
    assert window.chat_session_id == answer.session_id

    # The worker dies mid-answer: a banner, the window and data intact, and a restart answers again.
    window.answer_view.textChanged.connect(
        lambda: window.model_session and os.kill(window.model_session.worker_pid, signal.SIGKILL))
    with qtbot.waitSignal(window.answer_finished, timeout=120_000) as crashed:
        window.ask_question("And when must the first shipment be delivered?")
    assert isinstance(crashed.args[0], WorkerDied) and not window.banner.isHidden()
    window.answer_view.textChanged.disconnect()
    window.restart_model()
    assert window.banner.isHidden()
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as again:
        window.ask_question(FACTS["price_question"])
    assert isinstance(again.args[0], Answer) and window.document_count == 3


@pytest.mark.slow
def test_a_task_from_the_menu_shows_its_table_and_exports(window, qtbot, demo_dir, embedded_model, tmp_path):
    open_new_case(window, qtbot, "Demo")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([demo_dir])
    with qtbot.waitSignal(window.menus.task_finished, timeout=240_000) as finished:
        window.menus.run("summaries", max_new_tokens=16)
    task = finished.args[0]
    assert task.status == "done" and len(task.rows) == 3
    (results,) = window.menus.result_windows
    assert results.table.rowCount() == 3 and results.table.columnCount() == 4
    assert results.table.item(0, 3).text() == task.rows[0]["note"]
    for suffix in (".csv", ".pdf"):
        with qtbot.waitSignal(window.menus.exported, timeout=30_000) as exported:
            results.export_requested.emit(task.id, tmp_path / f"summaries{suffix}")
        assert exported.args[0].path.stat().st_size > 0
    results.close()


@pytest.mark.slow
def test_the_window_keeps_running_while_ingesting_and_answering(window, qtbot, corpus, demo_dir,
                                                                embedded_model):
    """Records the longest event-loop stall (the figure against its 50 ms goal is in `make bench`);
    the bound here only catches work done on the GUI thread by mistake."""
    open_new_case(window, qtbot, "Legal")
    meter = StallMeter().start()
    with qtbot.waitSignal(window.ingest_finished, timeout=180_000) as ingested:
        window.add_documents([corpus / "legal-court-docs"])
    ingest_stall = meter.stop()
    assert ingested.args[0].pages > 50 and meter.ticks > 100
    open_new_case(window, qtbot, "Demo")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([demo_dir])
    meter.start()
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as answered:
        window.ask_question(FACTS["price_question"])
    answer_stall = meter.stop()
    assert isinstance(answered.args[0], Answer)
    print(f"longest event-loop stall: ingest {ingest_stall * 1000:.0f} ms, "
          f"answer {answer_stall * 1000:.0f} ms")
    assert ingest_stall < 1.0 and answer_stall < 1.0


def test_an_ingest_can_be_cancelled_and_keeps_what_it_finished(window, qtbot, corpus):
    open_new_case(window, qtbot, "Cancelled")
    with qtbot.waitSignal(window.ingest_finished, timeout=120_000) as finished:
        window.add_documents([corpus / "legal-court-docs"])
        qtbot.waitUntil(lambda: window.documents.progress_label.text().startswith("Reading"), timeout=30_000)
        window.documents.cancel_button.click()
    report = finished.args[0]
    assert report.cancelled and report.count("ingested") < 12
    assert window.documents.progress.isHidden()
    qtbot.waitUntil(lambda: window.document_count == report.count("ingested"), timeout=10_000)


def test_lock_hides_everything_and_unlock_needs_the_passphrase(window, qtbot):
    open_new_case(window, qtbot, "Sealed matter")
    audit = window.menus.open_audit()
    window.chat.question.setText("What did the witness say?")
    with qtbot.waitSignal(window.lock_changed, timeout=10_000):
        window.lock()
    assert audit.isHidden() and window.chat.question.text() == "" and window.chat.sessions.count() == 0
    assert window.locked and window.cases_panel.list.count() == 0 and not window.menuBar().isEnabled()
    qtbot.waitUntil(lambda: window.vault.locked, timeout=10_000)
    window.lock_screen.passphrase.setText("not the passphrase")
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: "Wrong passphrase" in window.lock_screen.message.text(), timeout=20_000)
    assert window.locked
    window.lock_screen.passphrase.setText(TEST_PASSPHRASE)
    with qtbot.waitSignal(window.cases_loaded, timeout=20_000):
        window.lock_screen.unlock_button.click()
    assert not window.locked and window.cases_panel.list.count() == 1


def test_the_window_locks_itself_when_left_idle(qtbot, vault):
    win = MainWindow(vault, auto_lock_minutes=0.01)  # 0.6 s
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.lock_changed, timeout=10_000) as locked:
        pass
    assert locked.args == [True] and win.locked
    qtbot.waitUntil(lambda: vault.locked, timeout=10_000)
    win.close()


def test_a_password_protected_pdf_is_asked_for_then_read(window, qtbot, tmp_path, monkeypatch):
    import pymupdf

    from tests.fixtures.documents import write_pdf

    plain = write_pdf(tmp_path / "plain.pdf", ["Settlement amount: $250,000."])
    locked = tmp_path / "sealed.pdf"
    with pymupdf.open(plain) as document:
        document.save(locked, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="open-sesame", owner_pw="o")
    asked = []
    monkeypatch.setattr("ui.ingest_actions.QInputDialog.getText",
                        lambda *args, **kw: (asked.append(args[2]), ("open-sesame", True))[1])
    open_new_case(window, qtbot, "Sealed")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([locked])
    assert asked and "protected by a password" in asked[0]
    qtbot.waitUntil(lambda: window.document_count == 1, timeout=60_000)
    assert window.documents.table.item(0, 1).text() == "sealed.pdf"


def test_the_table_and_the_viewer_say_what_was_read_on_each_page(window, qtbot, tmp_path):
    """A stamped scan (OCR with its confidence) and a mixed document (a blank page said to be
    blank, because it has no ink)."""
    from app.extract.ocr import tesseract_available
    from tests.fixtures import scans

    if not tesseract_available():
        pytest.skip("Tesseract is not installed")
    mixed = scans.write_mixed_pages(tmp_path / "mixed.pdf")
    stamped = scans.write_stamped_scan(tmp_path / "stamped.pdf")
    open_new_case(window, qtbot, "Statuses")
    with qtbot.waitSignal(window.ingest_finished, timeout=120_000):
        window.add_documents([mixed, stamped])
    qtbot.waitUntil(lambda: window.document_count == 2, timeout=60_000)
    table = window.documents.table
    rows = {table.item(r, 1).text(): table.item(r, 5).text() for r in range(2)}
    assert "1 blank page" in rows["mixed.pdf"] and "2 pages OCR" in rows["stamped.pdf"]
    ids = {table.item(r, 1).text(): table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(2)}
    with qtbot.waitSignal(window.page_shown, timeout=30_000) as shown:
        window.open_page(ids["mixed.pdf"], 4)
    assert window.viewer.status.text() == "A blank page: no ink on it." and shown.args[0].status == "blank"
    with qtbot.waitSignal(window.page_shown, timeout=30_000):
        window.open_page(ids["stamped.pdf"], 1)
    assert window.viewer.ocr_badge.text().startswith("Text + OCR · ")
    assert not window.viewer.ocr_badge.isHidden()


def test_a_brief_is_cite_checked_from_the_tasks_menu(window, qtbot, demo_dir, tmp_path):
    open_new_case(window, qtbot, "Brief")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([demo_dir])
    brief = tmp_path / "brief.txt"
    brief.write_text("The contract says “The price is $5.15 per box” [D3 p2].\n", encoding="utf-8")
    with qtbot.waitSignal(window.citecheck.checked, timeout=60_000) as checked:
        window.citecheck.check(brief)
    (quote,) = checked.args[0].quotes
    assert quote.verdict == "differs"
    (view,) = window.citecheck.windows
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text().startswith("DIFFERS from the page")
    with qtbot.waitSignal(window.page_shown, timeout=30_000):
        view.table.cellDoubleClicked.emit(0, 0)
    assert window.viewer.status.text().startswith("DIFFERS from the page: the page says “$4.15")


def test_the_audit_view_filters_verifies_and_exports(window, qtbot, tmp_path):
    open_new_case(window, qtbot, "Audited")
    view = window.menus.open_audit()
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=10_000)
    actions = [view.table.item(r, 3).text() for r in range(view.table.rowCount())]
    assert "case.create" in actions and "vault.create" in actions
    view.action_box.setCurrentIndex(view.action_box.findData("case.create"))
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert view.table.item(0, 5).text() == "Audited"
    view.verify_button.click()
    qtbot.waitUntil(lambda: "Chain verified" in view.result.text(), timeout=10_000)
    view.export_requested.emit(tmp_path / "audit-export")
    qtbot.waitUntil(lambda: "Signing key fingerprint" in view.result.text(), timeout=30_000)
    assert (tmp_path / "audit-export" / "manifest.sig").is_file()
    view.close()


def test_settings_show_each_models_last_qualification(window, qtbot, embedded_model, tmp_path):
    from PySide6.QtWidgets import QLabel

    from app.evaluation.qualification import Qualification, record

    with window.vault.write() as session:
        record(session, Qualification(embedded_model.model_id, embedded_model.weights_sha256, "standard",
                                      "2026-11-30T12:00:00+00:00", 0.28, None))
    window.settings.open()
    qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=10_000)
    texts = [label.text() for label in window.settings.dialog.findChildren(QLabel)]
    assert any("qualified 2026-11-30 (standard suite): accuracy 28% overall, below 80%" in t for t in texts)
    dialog = window.settings.dialog
    dialog.qualify_button.click()  # the standard suite, on the runner, with progress; stopped early
    qtbot.waitUntil(lambda: "Qualifying: 1 of 63" in dialog.qualify_status.text(), timeout=120_000)
    assert "left" in dialog.qualify_status.text() and dialog.stop_qualify.isEnabled()
    dialog.stop_qualify.click()
    qtbot.waitUntil(lambda: "stopped: not recorded" in dialog.qualify_status.text(), timeout=60_000)
    from app import cases

    assert dialog.qualify_button.isEnabled() and cases.list_cases(window.vault) == []  # the suite's case went
    assert not dialog.save_report.isEnabled()  # a stopped run has no report to sign
    dialog.qualifying_accuracy.setValue(25)  # the spin box stops at 50%: a site cannot qualify a coin toss
    assert dialog.preferences().qualifying_accuracy == 0.5

    from app.evaluation import run_eval, verify_signed_report
    from tests.fixtures.fake_backend import FakeBackend, fake_session

    finished = run_eval(window.vault, fake_session(embedded_model, FakeBackend(["Not stated."])))
    dialog.show_qualified(finished)
    assert dialog.save_report.isEnabled()
    window.settings._last_run = (finished, "cpu")
    dialog.save_report_requested.emit(tmp_path)  # as the folder chooser does
    qtbot.waitUntil(lambda: "Signed report saved" in dialog.qualify_status.text(), timeout=30_000)
    assert verify_signed_report(tmp_path).ok and (tmp_path / "report.pdf").is_file()
    dialog.close()


def test_settings_are_kept_in_the_vault_and_checked(window, qtbot):
    from app.settings import preferences, remote_backend

    window.settings.open()
    qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=10_000)
    dialog = window.settings.dialog
    dialog.auto_lock.setValue(5)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.ocr_languages.setText("klingon")
    dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    qtbot.waitUntil(lambda: "klingon is not installed" in dialog.message.text(), timeout=10_000)
    assert preferences(window.vault).auto_lock_minutes == 15  # nothing saved

    dialog.remote.setChecked(True)
    dialog.url.setText("http://127.0.0.1:9")
    dialog.model.setText("site-model")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_result.text() != "", timeout=30_000)
    assert "Connected" not in dialog.test_result.text()
    dialog.local.setChecked(True)
    dialog.ocr_languages.setText("eng")
    dialog.ocr_quality.setCurrentIndex(dialog.ocr_quality.findData("accurate"))
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    saved = preferences(window.vault)
    assert (saved.auto_lock_minutes, saved.theme, saved.ocr_languages, saved.ocr_quality) == (
        5, "dark", "eng", "accurate")
    assert remote_backend(window.vault) is None and window.idle_lock.enabled


def test_settings_show_the_kept_caches_and_clear_them(window, qtbot):
    from app import prefix_files
    from app.settings import preferences

    open_new_case(window, qtbot, "Smith v Jones")
    case = window.current_case
    kept = prefix_files.cache_dir() / f"{prefix_files.cache_id(window.vault, case.id, 'm1')}.kv"
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(b"\0" * 3 * 2**20)
    window.settings.open()
    qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=10_000)
    dialog = window.settings.dialog
    summary = dialog.caches_summary.text()
    assert "1 kept, 3 MiB" in summary and "Smith v Jones: 3 MiB" in summary
    dialog.clear_caches.click()
    qtbot.waitUntil(lambda: dialog.caches_summary.text().startswith("0 kept"), timeout=10_000)
    assert not kept.exists()
    dialog.cache_budget.setValue(2.0)
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    assert preferences(window.vault).cache_budget_gib == 2.0


def test_file_dialogs_leave_no_folder_history_behind(window, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from ui.file_dialogs import ask_paths

    folder = tmp_path / "Client Smith v Jones"
    folder.mkdir()
    (folder / "memo.pdf").write_bytes(b"%PDF-1.4")
    chosen = []
    dialog = ask_paths(window, "Add documents", chosen.extend)
    dialog.setDirectory(str(folder))
    dialog.selectFile(str(folder / "memo.pdf"))
    with qtbot.waitSignal(dialog.destroyed, timeout=10_000):
        dialog.accept()
    assert chosen == [folder / "memo.pdf"]
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.sync()
    assert "Smith" not in " ".join(str(settings.value(k)) for k in settings.allKeys())


@pytest.mark.slow
def test_a_case_over_the_window_is_offered_staged_passes(window, qtbot, tmp_path, embedded_model):
    from tests.fixtures.documents import write_over_the_window

    folder = write_over_the_window(tmp_path / "big")
    open_new_case(window, qtbot, "Big")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([folder])
    qtbot.waitUntil(lambda: "Does not fit" in window.documents.gauge_label.text(), timeout=30_000)
    with qtbot.waitSignal(window.answer_finished, timeout=60_000):
        window.ask_question("What is the forklift serial number?")
    offer = window.staged_offer
    assert "Nothing was cut" in offer.text()
    staged = next(b for b in offer.buttons() if b.text() == "Answer in staged passes")
    shown, show = [], window.chat.show_progress

    def record(step) -> None:
        if step is not None:
            shown.append(step if isinstance(step, str) else window.chat.progress_words(step)[0])
        show(step)

    window.chat.show_progress = record
    with qtbot.waitSignal(window.answer_finished, timeout=600_000) as answered:
        staged.click()
    answer = answered.args[0]
    assert answer.mode.kind == "staged" and "answered in 2 passes" in window.chat.facts.text()
    # every wait was said: the passes with their tokens, then the combining, then the writing
    assert any(s.startswith("Pass 1 of 2: reading") and "tokens" in s for s in shown), shown
    assert any(s.startswith("Pass 2 of 2") for s in shown) and "Combining the 2 partial answers…" in shown
    assert shown.index("Combining the 2 partial answers…") < shown.index("Writing the answer…")
    assert not window.chat.progress_bar.isVisible()  # and when it is done, nothing is left saying so


@pytest.mark.slow
def test_a_model_folder_is_imported_from_the_settings(window, qtbot, tmp_path, monkeypatch, embedded_model):
    from tests.fixtures.tiny_models import write_model_folder

    monkeypatch.setenv("CASEFILE_MODELS", str(tmp_path / "store"))  # not the shared test store
    write_model_folder(tmp_path / "usb" / "tiny-qwen", embedded_model.path)
    window.settings.open()
    qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=10_000)
    dialog = window.settings.dialog
    with qtbot.waitSignal(window.settings.imported, timeout=60_000) as imported:
        dialog.import_requested.emit(tmp_path / "usb" / "tiny-qwen")
    assert imported.args[0].model_id == "tiny-qwen"
    assert dialog.import_status.text().startswith("Imported tiny-qwen") and dialog.import_button.isEnabled()

    from app.models.choice import default_model_id

    dialog.default_model.setCurrentIndex(dialog.default_model.findData("tiny-qwen"))
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    assert default_model_id(window.vault) == "tiny-qwen"
    assert "start again" in window.statusBar().currentMessage()  # the next question uses it


def test_a_production_volume_imports_and_opens_by_bates_number(window, qtbot, tmp_path, embedded_model):
    from app import cases
    from app.answer import parse_citations
    from app.context import build_context
    from assets.production.make_production import make_production

    volume = make_production(tmp_path / "prod")
    open_new_case(window, qtbot, "Corvane v Bellwether")
    with qtbot.waitSignal(window.ingest_finished, timeout=120_000):
        window.add_documents([volume])
    qtbot.waitUntil(lambda: window.document_count == 30, timeout=30_000)
    findings = window.documents.outcomes.text()
    assert "Production VOL001: 30 documents, 56 pages" in findings and "ABC0000041–ABC0000044" in findings

    with qtbot.waitSignal(window.page_shown, timeout=30_000) as shown:
        window.documents.bates_box.setText("ABC0000024")
        window.documents.bates_box.returnPressed.emit()
    assert shown.args[0].label == "ABC0000024" and shown.args[0].image_png
    with qtbot.waitSignal(window.bates.found, timeout=30_000) as found, \
            qtbot.waitSignal(window.page_shown, timeout=30_000) as first_page:
        window.documents.bates_box.setText("ABC0000022-25")
        window.documents.bates_box.returnPressed.emit()
    assert first_page.args[0].label == "ABC0000022"
    selected = {i.row() for i in window.documents.table.selectionModel().selectedRows()}
    assert len(found.args[0].document_ids) == 3 and len(selected) == 3
    assert "4 page(s) of 3 document(s)" in window.documents.bates_result.text()

    # An answer citing a Bates number: the link opens that very page.
    context = build_context(cases.documents_with_pages(window.vault, window.current_case),
                            embedded_model.model_id)
    text = 'The damages claim is EUR 13,680 [ABC0000025].'
    window.chat.show_answer(text, parse_citations(text, context), [], "")
    assert "ABC0000025 (D" in window.citation_view.toPlainText()
    with qtbot.waitSignal(window.page_shown, timeout=30_000) as shown:
        window.chat.open_link(0)
    assert shown.args[0].label == "ABC0000025" and "13,680" in shown.args[0].text


def test_a_question_while_work_runs_is_refused_with_a_reason_and_kept(window, qtbot):
    import threading

    open_new_case(window, qtbot, "Busy")
    release = threading.Event()
    window.runner.submit(lambda _r: release.wait(10), on_done=lambda _r: None, on_failed=lambda _e: None)
    window.chat.question.setText("What is the price of one box?")
    window.chat.ask_current()
    assert "still working" in window.statusBar().currentMessage()
    assert window.chat.question.text() == "What is the price of one box?"  # not lost
    assert not window.stop_button.isEnabled()  # nothing was started
    release.set()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)


@pytest.mark.slow
def test_closing_while_answering_and_ingesting_returns_and_leaves_the_vault_intact(qtbot, vault, demo_dir,
                                                                                   corpus, embedded_model):
    """The worker is stopped even while it is still loading its model, the answer ends, the queued
    ingest stops before its first file. The bound only catches a hang (the figure: ~0.5 s here)."""
    import time

    from storage.vault import Vault
    from tests.conftest import TEST_PASSPHRASE

    win = MainWindow(vault, auto_lock_minutes=0)
    qtbot.waitSignal(win.cases_loaded, timeout=10_000)
    open_new_case(win, qtbot, "Closing")
    with qtbot.waitSignal(win.ingest_finished, timeout=60_000):
        win.add_documents([demo_dir])
    win.ask_question("What is the price of one box?")
    win.add_documents([corpus / "govdocs-health-legal"])
    qtbot.wait(300)  # the worker is starting; the ingest waits behind the answer
    started = time.monotonic()
    win.close()
    assert time.monotonic() - started < 10
    home = vault.home
    vault.lock()
    reopened = Vault.unlock(home, TEST_PASSPHRASE)
    assert reopened.verify_audit().ok
    reopened.lock()
