"""A newcomer's first minutes, in the real window with the real vault, worker and model: the empty
window says what to do, the demo case opens, two answers stand in one conversation, a document
left out is left out, and Quit closes; and the window all day: named controls, no clipped words
in a longer language, the layout kept, Help."""

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton, QRadioButton

from app.answer.questions import Answer
from assets.demo.make_demo_pdfs import FACTS
from ui.accessibility import unnamed_controls
from ui.main_window import MainWindow


def _open_demo(window, qtbot) -> None:
    window.show()
    assert window.cases_panel.demo_button.isVisible() and "No cases yet" in window.cases_panel.empty.text()
    assert window.splitter.sizes()[2] == 0  # no page open: the viewer gives its room away
    window.cases_panel.demo_button.click()
    qtbot.waitUntil(lambda: window.document_count == 3, timeout=60_000)
    assert window.current_case.name.startswith("Demo case") and window.chat.question.text()
    assert not window.cases_panel.demo_button.isVisible()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)  # its gauge is being measured


@pytest.mark.slow
def test_a_newcomer_opens_the_demo_asks_twice_leaves_a_document_out_and_quits(window, qtbot, embedded_model):
    _open_demo(window, qtbot)
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as first:
        window.chat.ask_current()  # the demo's own question, typed in the box
    assert isinstance(first.args[0], Answer), first.args[0]
    second_question = "Who signed the supply agreement for the buyer?"
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as second:
        window.ask_question(second_question)
    assert isinstance(second.args[0], Answer) and second.args[0].session_id == first.args[0].session_id
    conversation = window.answer_view.toPlainText()
    assert conversation.count("Q:") == 2 and second_question in conversation
    assert FACTS["price_answer"] in conversation  # the first answer is still there, above the second
    assert conversation.count("manifest") == 2  # each answer says how it was read

    window.documents.set_included("D1", False)  # the clinic note (the documents are in name order)
    qtbot.waitUntil(lambda: "Left out by choice: D1" in window.documents.gauge_label.text(), timeout=30_000)
    with qtbot.waitSignal(window.answer_finished, timeout=240_000) as partial:
        window.ask_question("When must the first shipment be delivered?")
    assert partial.args[0].mode.left_out == ("D1",) and "without D1" in window.chat.facts.text()

    worker = window.model_session
    window.help.quit_action.trigger()
    assert not window.isVisible() and not worker.running  # the worker goes with the window


def test_every_control_has_a_name_and_help_says_what_it_should(window, qtbot, embedded_model):
    _open_demo(window, qtbot)
    assert unnamed_controls(window) == []
    about = window.help.about_html()
    assert "AGPL-3.0-or-later" in about and str(window.vault.home) in about and "PySide6" in about
    keys = dict(window.help.shortcuts())
    assert "Quit Casefile" in keys.values() and "Go to a Bates number" in keys.values()
    window.help.show_about()
    assert window.help.dialog.isVisible()
    window.help.dialog.reject()


def _clipped(root) -> list[tuple[str, int, int]]:
    """Words cut off: a visible button or one-line label narrower than its text needs (a collapsed
    pane, zero wide, is not cut off: it is put away)."""
    out = []
    for kind in (QPushButton, QLabel, QCheckBox, QRadioButton):
        for widget in root.findChildren(kind):
            if not widget.isVisibleTo(root) or widget.width() == 0 or getattr(widget, "wordWrap", bool)():
                continue
            if widget.width() < widget.sizeHint().width() - 1:
                out.append((widget.text(), widget.width(), widget.sizeHint().width()))
    return out


def test_a_pseudo_localised_window_cuts_no_words_off(qtbot, vault, monkeypatch):
    from ui.translations import install_language

    monkeypatch.setenv("CASEFILE_LANGUAGE", "en_XA")  # every string ~40% longer, accented
    assert install_language() == "en_XA"
    try:
        window = MainWindow(vault, auto_lock_minutes=0)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitSignal(window.cases_loaded, timeout=10_000)
        assert window.cases_panel.new_button.text().startswith("[")  # the pseudo-locale is in use
        window.expand_viewer()
        QApplication.processEvents()
        assert _clipped(window) == []
        window.settings.open()
        qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=10_000)
        QApplication.processEvents()
        assert _clipped(window.settings.dialog) == []
        window.settings.dialog.reject()
        window.close()
    finally:
        monkeypatch.delenv("CASEFILE_LANGUAGE")
        install_language("en")


def test_the_splitters_are_kept_in_the_vault_not_in_qt_settings(window, qtbot, vault):
    from app.settings import window_layout

    window.middle.setSizes([180, 620])
    kept = window.layout_sizes()
    window.close()
    assert window_layout(vault) == kept
    again = MainWindow(vault, auto_lock_minutes=0)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: abs(again.middle.sizes()[0] - kept["middle"][0]) <= 2, timeout=10_000)
    again.close()


def test_the_task_menu_words_are_marked_for_translation():
    from app.tasks.templates import TEMPLATES
    from ui.case_menus import TASK_WORDS

    missing = {w for spec in TEMPLATES.values() for w in (spec.title, spec.description)} - set(TASK_WORDS)
    assert not missing, f"add them to ui/case_menus.py TASK_WORDS: {sorted(missing)}"


def test_the_shipped_catalogues_translate_the_window():
    from PySide6.QtCore import QTranslator

    from ui.translations import CATALOGUES

    for language, words in {"de": "Tresor", "fr": "coffre", "es": "bóveda"}.items():
        source = (CATALOGUES / f"casefile_{language}.ts").read_text(encoding="utf-8")
        assert 'type="unfinished"' not in source, f"{language}: translate what `translations.py update` added"
        catalogue = QTranslator()
        assert catalogue.load(str(CATALOGUES / f"casefile_{language}.qm")), language
        assert catalogue.translate("CasesPanel", "New case…") not in ("", "New case…"), language
        assert catalogue.translate("HelpMenu", "Quit Casefile") not in ("", "Quit Casefile"), language
        assert words in (catalogue.translate("LockScreen", "Casefile is locked") + " "
                         + catalogue.translate("FirstRun", "Creating the vault…")), language


def test_every_colour_that_says_something_is_readable_in_light_and_dark():
    from ui.colours import BADGE, BANNER, CELL_TEXT, DARK, LIGHT, contrast
    from ui.review_window import BACKGROUNDS

    windows = {False: ("#ffffff", "#efefef", "#f5f5f5"), True: ("#1e1e1e", "#2d2d2d", "#353535")}
    for dark, tones in ((False, LIGHT), (True, DARK)):
        for kind, colour in tones.items():
            for background in windows[dark]:
                assert contrast(colour, background) >= 4.5, (kind, colour, background)
    assert contrast(*BANNER) >= 4.5 and contrast(*BADGE) >= 4.5
    assert all(contrast(CELL_TEXT, cell.name()) >= 4.5 for cell in BACKGROUNDS.values())
    assert contrast("#c62828", "#2d2d2d") < 4.5  # the light theme's red on a dark window: why tones exist


def test_the_medical_chronology_runs_from_the_tasks_menu(window, qtbot, tmp_path, embedded_model):
    """The window's Tasks menu runs the new tasks like the others (the real model; the missing
    MRI is found from the record, whatever the model writes)."""
    from tests.fixtures import clinical
    from tests.ui.conftest import open_new_case

    open_new_case(window, qtbot, "Pike")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([clinical.write_records(tmp_path / "records")])
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    action = next(a for a in window.menus.tasks_menu.actions() if a.text().startswith("Medical chronology"))
    with qtbot.waitSignal(window.menus.task_finished, timeout=300_000) as finished:
        action.trigger()
    task = finished.args[0]
    assert task.kind == "encounters" and any(row["check"] == "missing record" for row in task.rows)
    assert window.menus.result_windows and window.menus.result_windows[-1].isVisible()
