"""How answers are written, chosen in the settings, and what each answer says of its provenance:
how its quotes stand, and which of its figures none of its cited pages holds — as it is given and
again when its chat is opened from the vault."""

from __future__ import annotations

import dataclasses

from app.answer.styles import QUOTED_INSTRUCTION
from app.case_overview import ChatMessage
from app.settings import preferences, set_preferences
from tests.fixtures.documents import write_pdf
from tests.fixtures.fake_backend import FakeBackend, fake_session
from tests.ui.conftest import open_new_case
from ui.chat_panel import QUOTES_CHECKED, QUOTES_COPIED, QUOTES_REMOTE_CHECKED, ChatPanel
from ui.colours import tone

PAGE = "Prescription for Jordan Pike.\nAmoxicillin 100 mg twice daily.\nOrder PO-1200, filled at the clinic."
ANSWER = "Amoxicillin 250 mg twice daily [D1 p1], order PO-4471."
QUESTION = "What dose was prescribed?"
COPIED_LINE = "Quotes copied from the pages as the answer was written"
CHECKED_LINE = "Quotes checked against the pages after the answer"


class CopyingBackend(FakeBackend):
    """The fake backend, saying what the local engine says when it copied the answer's quotes
    from the pages it was given (``grounding``); each request's grounding is kept."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.groundings: list = []

    def generate(self, messages, params=None, *, grounding=None, **kwargs):
        self.groundings.append(grounding)
        done = super().generate(messages, params, grounding=grounding, **kwargs)
        if grounding is None:
            return done
        return dataclasses.replace(done, timings=dataclasses.replace(done.timings, quotes="copied",
                                                                     quotes_copied=1))


def _open_settings(window, qtbot):
    window.settings.dialog = None
    window.settings.open()
    qtbot.waitUntil(lambda: window.settings.dialog is not None, timeout=10_000)
    return window.settings.dialog


def test_the_answer_style_is_chosen_in_the_settings_and_kept(window, qtbot):
    dialog = _open_settings(window, qtbot)
    style = dialog.answer_style
    choices = {style.itemData(i): style.itemText(i) for i in range(style.count())}
    assert choices == {"free": "Free answer", "quoted": "Quote first, then answer"}
    assert style.currentData() == "free" == preferences(window.vault).answer_style  # the default

    style.setCurrentIndex(style.findData("quoted"))
    with qtbot.waitSignal(window.settings.saved, timeout=10_000) as saved:
        dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    assert saved.args[0].answer_style == "quoted"
    assert preferences(window.vault).answer_style == "quoted"
    dialog.close()

    # Opened again, the dialog shows the kept choice, and saving another setting keeps it.
    dialog = _open_settings(window, qtbot)
    assert dialog.answer_style.currentData() == "quoted"
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    kept = preferences(window.vault)
    assert (kept.theme, kept.answer_style) == ("dark", "quoted")
    dialog.close()

    dialog = _open_settings(window, qtbot)
    dialog.answer_style.setCurrentIndex(dialog.answer_style.findData("free"))
    with qtbot.waitSignal(window.settings.saved, timeout=10_000):
        dialog.save_requested.emit(dialog.preferences(), dialog.remote_backend())
    assert preferences(window.vault).answer_style == "free"
    dialog.close()


def test_an_answer_says_how_its_quotes_stand_and_what_its_pages_lack(window, qtbot, tmp_path, embedded_model):
    folder = tmp_path / "docs"
    folder.mkdir()
    write_pdf(folder / "prescription.pdf", [PAGE])
    open_new_case(window, qtbot, "Pike")
    with qtbot.waitSignal(window.ingest_finished, timeout=60_000):
        window.add_documents([folder])
    qtbot.waitUntil(lambda: window.document_count == 1, timeout=30_000)
    backend = CopyingBackend([ANSWER])
    window.model_session = fake_session(embedded_model, backend)

    with qtbot.waitSignal(window.answer_finished, timeout=60_000) as answered:
        window.ask_question(QUESTION)
    answer = answered.args[0]
    assert answer.mode.style == "free" and backend.groundings[-1] is not None  # the default: copied
    assert "250 mg" in answer.mode.unsupported and "100 mg" not in answer.mode.unsupported
    assert answer.mode.unsupported_where == "cited pages"
    warning = "Not found in the cited pages: " + ", ".join(answer.mode.unsupported)

    def said(expected_quotes: str) -> None:
        conversation, cited = window.answer_view.toPlainText(), window.citation_view.toPlainText()
        assert warning in conversation and warning in cited, (conversation, cited)
        assert expected_quotes in conversation and expected_quotes in cited, (conversation, cited)
        assert tone("bad") in window.citation_view.toHtml().lower()  # the warning in the warning colour

    said(COPIED_LINE)
    assert CHECKED_LINE not in window.answer_view.toPlainText()

    # The chat opened again from the vault says the same of the stored answer.
    window.open_chat(None)
    assert "Not found in" not in window.answer_view.toPlainText()
    window.open_chat(answer.session_id)
    qtbot.waitUntil(lambda: warning in window.answer_view.toPlainText(), timeout=10_000)
    said(COPIED_LINE)

    # Quote first (the user's preference): asked for its passages first, its quotes copied too.
    set_preferences(window.vault, dataclasses.replace(preferences(window.vault), answer_style="quoted"))
    with qtbot.waitSignal(window.answer_finished, timeout=60_000) as again:
        window.ask_question("And the order number?")
    assert again.args[0].mode.style == "quoted" and backend.groundings[-1] is not None
    assert backend.requests[-1][0][-1]["content"].endswith(QUOTED_INSTRUCTION)
    said(COPIED_LINE)
    assert window.answer_view.toPlainText().count(warning) == 2  # each answer with its own warning
    assert COPIED_LINE in window.answer_view.toPlainText()  # the first answer keeps its own
    window.open_chat(None)
    window.open_chat(answer.session_id)
    qtbot.waitUntil(lambda: window.answer_view.toPlainText().count(warning) == 2, timeout=10_000)
    said(COPIED_LINE)  # the last answer's, under the citations


def test_the_figures_are_shown_as_text_and_old_answers_say_nothing_new(qtbot):
    panel = ChatPanel()
    qtbot.addWidget(panel)
    figures = ("<b>100 mg</b>", "4471\u202e", "*7*")  # the model's words: never markup, never bidi
    panel.show_answer("It is 100 mg.", [], [], "m · manifest 1", quotes=QUOTES_CHECKED, unsupported=figures,
                      unsupported_where="documents")
    warning = "Not found in the documents: <b>100 mg</b>, 4471\\u202e, *7*"
    assert warning in panel.answer_view.toPlainText()
    assert warning in panel.citation_view.toPlainText()
    assert "\u202e" not in panel.answer_view.toPlainText() + panel.citation_view.toPlainText()
    assert CHECKED_LINE in panel.citation_view.toPlainText()

    stored = [ChatMessage("user", "What dose?"),
              ChatMessage("assistant", "It is 100 mg.", model_id="m", manifest="abc"),  # stored before
              ChatMessage("user", "And the remote one?"),
              ChatMessage("assistant", "100 mg.", model_id="m", manifest="abc", quotes=QUOTES_REMOTE_CHECKED,
                          unsupported=("100 mg",), unsupported_where="cited pages")]
    panel.show_transcript(stored)
    conversation = panel.answer_view.toPlainText()
    assert conversation.count("Not found in") == 1 and "Not found in the cited pages: 100 mg" in conversation
    assert ("Quotes checked against the pages after the answer: the model server cannot copy them by "
            "construction") in conversation
    assert conversation.count("Quotes ") == 1  # the old answer says nothing it did not store

    panel.show_transcript(stored[:2])
    assert "Not found" not in panel.answer_view.toPlainText() + panel.citation_view.toPlainText()
    assert "Quotes " not in panel.citation_view.toPlainText()


def test_the_panel_knows_every_way_the_app_words_its_quotes():
    from app.answer import styles

    assert (QUOTES_COPIED, QUOTES_CHECKED, QUOTES_REMOTE_CHECKED) == (
        styles.COPIED, styles.CHECKED, styles.REMOTE_CHECKED)
