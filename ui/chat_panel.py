"""The chat area: the question box, the conversation, and the last answer's citations as links.

The conversation shows every question and answer of the chat in order, each answer with its
citations as links (✓ verified, ≠ differs, ✗ not found or not in the case), how its quotes stand
(copied from the pages as it was written, or checked after), a warning naming its figures that
none of its cited pages holds, and a line saying how it was read (model, manifest, whole case /
staged / documents left out) and how long it took.
While an answer is on its way a progress strip says what is happening (the model starting, the
case being read with tokens, rate and time left, pass k of n, combining, writing); streamed
pieces are buffered and painted by a timer (every 50 ms), never per token. Clicking a citation —
or, for an answer the model did not cite, a page where Casefile found its figures — emits
``open_page``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.answer import AskProgress, Citation, Located
from app.case_overview import ChatMessage
from app.context import is_bates_label
from app.safe_text import shown
from ui.answer_text import answer_markdown, check_mark, verdict
from ui.colours import tone
from ui.text import fill

REDRAW_MS = 50
# How an answer's quotes stand, as ``app.answer.styles`` words them (stored with every answer);
# shown translated, any other sentence as it is.
QUOTES_COPIED = "quotes copied from the pages as the answer was written"
QUOTES_CHECKED = "quotes checked against the pages after the answer"
QUOTES_REMOTE_CHECKED = ("quotes checked against the pages after the answer: the model server cannot copy "
                         "them by construction")


class ChatPanel(QWidget):
    session_chosen = Signal(object)  # a chat id, or None for a new chat
    ask_requested = Signal(str)
    stop_requested = Signal()
    open_page = Signal(int, int, str, str)  # document id, page, words to highlight, what the check found

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buffer: list[str] = []
        self._redraw = QTimer(self, interval=REDRAW_MS)
        self._redraw.timeout.connect(self._flush)
        self._links: list[tuple[int, int, str, str]] = []  # what each citation link opens
        self._earlier = ""  # the conversation so far, as Markdown (its links are in ``_links``)
        self._writing = False  # the first piece of the answer has come
        self._asked = ""  # the question whose answer is on its way
        self._last: tuple[str, str, str] | None = None  # the last answer: text, its citations, its line
        self._build()

    def _build(self) -> None:
        self.sessions = QComboBox()
        self.sessions.activated.connect(lambda index: self.session_chosen.emit(self.sessions.itemData(index)))
        self.question = QLineEdit(placeholderText=self.tr("Ask a question about the whole case…"))
        self.question.returnPressed.connect(self._on_ask)
        self.ask_button = QPushButton(self.tr("Ask"))
        self.ask_button.clicked.connect(self._on_ask)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop_requested)
        self.answer_view = QTextBrowser(openLinks=False, placeholderText=self.tr(
            "The conversation appears here. Every answer cites its document and page; a ✓ means the "
            "quoted words were found on that page. Click a citation to see the page."))
        self.answer_view.anchorClicked.connect(self._on_link)
        self.progress_bar = QProgressBar(textVisible=False, maximumHeight=8)
        self.progress_label = QLabel()
        self.citation_view = QTextBrowser(openLinks=False, maximumHeight=140, placeholderText=self.tr(
            "The last answer's citations, each with its check: ✓ found on the page, ≠ the page says "
            "something else, ✗ not found."))
        self.citation_view.anchorClicked.connect(self._on_link)
        self.facts = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
                            textFormat=Qt.TextFormat.PlainText)  # the model's name, how the case was read
        self.copy_button = QPushButton(self.tr("Copy answer"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_answer)
        self.copy_chat_button = QPushButton(self.tr("Copy chat"))
        self.copy_chat_button.setEnabled(False)
        self.copy_chat_button.clicked.connect(self.copy_chat)
        for widget, name in ((self.sessions, self.tr("Chats of this case")),
                             (self.question, self.tr("Question")),
                             (self.answer_view, self.tr("Conversation")),
                             (self.citation_view, self.tr("Citations of the last answer")),
                             (self.progress_bar, self.tr("Progress of the answer"))):
            widget.setAccessibleName(name)

        row = QHBoxLayout()
        row.addWidget(self.question, 1)
        row.addWidget(self.ask_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sessions)
        layout.addLayout(row)
        layout.addWidget(self.answer_view, 3)
        strip = QHBoxLayout()
        strip.addWidget(self.progress_label, 1)
        strip.addWidget(self.progress_bar, 1)
        layout.addLayout(strip)
        layout.addWidget(self.citation_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.facts, 1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.copy_chat_button)
        layout.addLayout(bottom)
        self.show_progress(None)

    def ask_current(self) -> None:
        self._on_ask()

    def _on_ask(self) -> None:
        text = self.question.text().strip()
        if text and self.ask_button.isEnabled():
            self.ask_requested.emit(text)

    # ----- streaming ------------------------------------------------------------------------

    def start_answer(self, question: str = "") -> None:
        """A new answer is on its way: the conversation so far, then ``question`` (if any)."""
        self.copy_button.setEnabled(False)
        self.citation_view.clear()
        self.facts.clear()
        self._buffer.clear()
        self._writing = False
        self.answer_view.setMarkdown(self._earlier + (f"**Q:** {_md(question)}\n\n" if question else ""))
        self.answer_view.moveCursor(self.answer_view.textCursor().MoveOperation.End)
        self.ask_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._asked = question
        self._redraw.start()

    def add_text(self, piece: str) -> None:
        self._buffer.append(piece)
        if not self._writing:
            self._writing = True
            self.show_progress(self.tr("Writing the answer…"))

    def _flush(self) -> None:
        if self._buffer:
            piece = "".join(self._buffer)
            self._buffer.clear()
            self.answer_view.moveCursor(self.answer_view.textCursor().MoveOperation.End)
            self.answer_view.insertPlainText(piece)

    def end_answer(self) -> None:
        self._redraw.stop()
        self._flush()
        self.show_progress(None)
        self.ask_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    def show_progress(self, step: AskProgress | str | None) -> None:
        """What the answer is waiting for: a step of it, a sentence, or None (nothing)."""
        busy = step is not None
        self.progress_bar.setVisible(busy)
        self.progress_label.setVisible(busy)
        if not busy:
            return
        text, fraction = (step, None) if isinstance(step, str) else self.progress_words(step)
        self.progress_label.setText(text)
        self.progress_bar.setRange(0, 0 if fraction is None else 1000)
        if fraction is not None:
            self.progress_bar.setValue(int(fraction * 1000))

    def progress_words(self, step: AskProgress) -> tuple[str, float | None]:
        if step.phase == "loading":
            return self.tr("Starting the model…"), None
        if step.phase == "combining":
            return fill(self.tr("Combining the %1 partial answers…"), step.parts), None
        reading = ""
        if step.total:
            left = fill(self.tr(" · about %1 s left"), f"{step.eta_s:.0f}") if step.eta_s is not None else ""
            rate = fill(self.tr(" · %1 tokens/s"), f"{step.rate:,.0f}") if step.rate else ""
            reading = fill(self.tr("reading %1 of %2 tokens%3%4"), f"{step.done:,}", f"{step.total:,}", rate,
                           left)
        if step.phase == "pass":
            words = fill(self.tr("Pass %1 of %2: %3"), step.part, step.parts, reading or self.tr("starting…"))
            share = step.done / step.total if step.total else 0.0
            return words, (step.part - 1 + share) / max(step.parts, 1)
        return (fill(self.tr("Reading the case: %1"), reading or self.tr("starting…")),
                step.done / step.total if step.total else None)

    # ----- the finished answer ------------------------------------------------------------

    def show_answer(self, text: str, citations: Sequence[Citation], located: Sequence[Located],
                    facts: str, *, quotes: str = "", unsupported: Sequence[str] = (),
                    unsupported_where: str = "") -> None:
        """The answer just given, added to the conversation under its question. ``quotes``: how its
        quotes stand, in words; ``unsupported``: its figures on none of its cited pages (or, with
        ``unsupported_where`` "documents", of the documents), as the answer's mode says."""
        question = self._asked
        self._add_exchange(question, text, citations, located, facts, quotes=quotes, unsupported=unsupported,
                           unsupported_where=unsupported_where)
        self._show_conversation()

    def show_transcript(self, messages: Sequence[ChatMessage]) -> None:
        """A chat's questions and answers, in order, every answer's citations as links; the last
        answer's citations are listed under it."""
        self.start_answer()
        self.end_answer()
        self._earlier, self._links, self._asked, self._last = "", [], "", None
        self.citation_view.clear()
        self.copy_chat_button.setEnabled(False)
        question = ""
        for message in messages:
            if message.role == "user":
                question = message.content
                continue
            self._add_exchange(question, message.content, message.citations, message.located,
                               self.facts_line(message.model_id, message.manifest, message.mode_label,
                                               message.finish_reason, message.timings),
                               quotes=message.quotes, unsupported=message.unsupported,
                               unsupported_where=message.unsupported_where)
            question = ""
        self._show_conversation()

    def _add_exchange(self, question: str, text: str, citations: Sequence[Citation],
                      located: Sequence[Located], facts: str, *, quotes: str = "",
                      unsupported: Sequence[str] = (), unsupported_where: str = "") -> None:
        offset = len(self._links)
        warning = self.unsupported_words(unsupported, unsupported_where)
        quoted = self.quotes_words(quotes)
        self._links += [(c.document_id or 0, c.page or 1, c.page_words,
                         verdict(c) if c.check == "differs" else "") for c in citations]
        lines = []
        if warning:  # first, where it cannot be missed
            lines.append(f'<span style="color: {tone("bad")}"><b>⚠ {html.escape(warning)}</b></span>')
        for index, c in enumerate(citations):
            elsewhere = self.tr("(not in this case)")
            where = f"{shown(c.short_id or '?')} {shown(c.document) if c.document else elsewhere}" + (
                f" p{c.page}" if c.page else "")
            if is_bates_label(c.bates) and c.known:
                where = f"{shown(c.bates)} ({where})"  # lawyers cite the Bates number
            quote = f" — “{html.escape(c.quote)}”" if c.quote else ""
            openable = c.known and c.document_id
            link = (f'<a href="cite:{offset + index}">{html.escape(where)}</a>' if openable
                    else html.escape(where))
            lines.append(f"{link}{check_mark(c)} {html.escape(verdict(c))}{quote}")
        if not citations:
            lines.append(self.tr("No citations: this answer is not tied to any page and was not verified."))
        if located:
            start = len(self._links)
            self._links += [(x.document_id, x.page, x.term, "") for x in located]
            found = ", ".join(f'<a href="cite:{start + i}">{x.short_id} p{x.page}</a> '
                              f'({html.escape(x.term)})' for i, x in enumerate(located))
            lines.append(self.tr("Not cited by the model; Casefile found its figures on: ") + found)
        if quoted:
            lines.append(html.escape(quoted))
        asked = f"**Q:** {_md(question)}\n\n" if question else ""
        notes = (f"**⚠ {_md(warning)}**\n\n" if warning else "") + (f"*{_md(quoted)}*\n\n" if quoted else "")
        self._earlier += (f"{asked}{answer_markdown(text, citations, offset)}\n\n{notes}*{_md(facts)}*\n\n"
                          "---\n\n")
        self._last = (text, "<br/>".join(lines), facts)

    def _show_conversation(self) -> None:
        self.answer_view.setMarkdown(self._earlier)
        self.answer_view.moveCursor(self.answer_view.textCursor().MoveOperation.End)
        last = self._last
        if self._earlier and last is not None:
            self.citation_view.setHtml(last[1])
            self.facts.setText(last[2])
            self.copy_button.setEnabled(True)
            self.copy_chat_button.setEnabled(True)

    def quotes_words(self, quotes: str) -> str:
        """How an answer's quotes stand, as a sentence ("" when its mode does not say: stored before)."""
        said = {QUOTES_COPIED: self.tr("Quotes copied from the pages as the answer was written"),
                QUOTES_CHECKED: self.tr("Quotes checked against the pages after the answer"),
                QUOTES_REMOTE_CHECKED: self.tr("Quotes checked against the pages after the answer: the "
                                               "model server cannot copy them by construction")}
        quotes = quotes.strip()
        return said.get(quotes) or shown(quotes[:1].upper() + quotes[1:])

    def unsupported_words(self, unsupported: Sequence[str], where: str = "") -> str:
        """The warning for an answer's figures that its cited pages (or, with nothing cited, the
        documents) do not hold: "Not found in the cited pages: 100 mg, 4471" ("" when none). The
        figures are the model's words: shown escaped."""
        if not unsupported:
            return ""
        template = (self.tr("Not found in the documents: %1") if where == "documents"
                    else self.tr("Not found in the cited pages: %1"))
        return fill(template, ", ".join(shown(term) for term in unsupported))

    def facts_line(self, model_id: str, manifest: str, mode_label: str = "", finish_reason: str = "",
                   timings: dict | None = None) -> str:
        """How an answer was read and how long it took, in one line."""
        facts = f"{model_id} · manifest {manifest[:12]}"
        if mode_label:
            facts += f" · {mode_label}"
        stopped = {"cancelled": self.tr("stopped by you"), "length": self.tr("stopped at the length limit"),
                   "repetition": self.tr("stopped: the model repeated itself")}
        if finish_reason in stopped:
            facts += " · " + stopped[finish_reason]
        timings = timings or {}
        if timings.get("ttft_s"):
            facts += " · " + fill(self.tr("first token %1 s"), f"{timings['ttft_s']:.1f}")
        if timings.get("decode_tokens_per_s"):
            facts += " · " + fill(self.tr("%1 tokens/s"), f"{timings['decode_tokens_per_s']:.1f}")
        return facts

    def copy_answer(self) -> None:
        """The answer, its citations with their checks, and the model and manifest: as pasted
        into a memo, it says what was checked."""
        text, cited, facts = self._last or ("", "", "")
        document = QTextDocument()
        document.setHtml(cited)
        parts = (text.strip(), document.toPlainText().strip(), facts)
        QGuiApplication.clipboard().setText("\n\n".join(part for part in parts if part))

    def copy_chat(self) -> None:
        """The whole conversation as it reads on screen, with each answer's facts."""
        QGuiApplication.clipboard().setText(self.answer_view.toPlainText().strip())

    def show_sessions(self, chats: list, select: int | None = None) -> None:
        """The case's chats (newest first) after "New chat"; ``select`` the one being continued."""
        self.sessions.clear()
        self.sessions.addItem(self.tr("New chat"), None)
        for chat in chats:
            asked = self.tr("%n question(s)", "", chat.questions)
            when = chat.created_at[:16].replace("T", " ")
            self.sessions.addItem(f"{shown(chat.title)} — {asked} · {when}", chat.id)
        self.sessions.setCurrentIndex(max(self.sessions.findData(select), 0) if select is not None else 0)

    def link_count(self) -> int:
        return len(self._links)

    def open_link(self, index: int) -> None:
        document_id, page, words, note = self._links[index]
        if document_id:
            self.open_page.emit(document_id, page, words, note)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "cite" and url.path().isdigit() and int(url.path()) < len(self._links):
            self.open_link(int(url.path()))


def _md(text: str) -> str:
    """Plain text set into Markdown: its own asterisks, underscores and brackets stay characters."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#" else ch for ch in text.strip())
