"""The chat area: the question box, the streamed answer, and its citations as links.

While an answer streams, pieces are buffered and painted by a timer (every 50 ms), never per
token; when it is done, the answer is shown as Markdown with each citation a link followed by its
check mark (✓ verified, ✗ not found or not in the case). Clicking a citation — or, for an answer
the model did not cite, a page where Casefile found its figures — emits ``open_page``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.answer import Citation, Located
from app.case_overview import ChatMessage
from app.context import is_bates_label
from ui.answer_text import answer_markdown, check_mark, verdict

REDRAW_MS = 50


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
        self.answer_view = QTextBrowser(openLinks=False)
        self.answer_view.anchorClicked.connect(self._on_link)
        self.citation_view = QTextBrowser(openLinks=False, maximumHeight=140)
        self.citation_view.anchorClicked.connect(self._on_link)
        self.facts = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy answer"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_answer)

        row = QHBoxLayout()
        row.addWidget(self.question, 1)
        row.addWidget(self.ask_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sessions)
        layout.addLayout(row)
        layout.addWidget(self.answer_view, 3)
        layout.addWidget(self.citation_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.facts, 1)
        bottom.addWidget(self.copy_button)
        layout.addLayout(bottom)

    def ask_current(self) -> None:
        self._on_ask()

    def _on_ask(self) -> None:
        text = self.question.text().strip()
        if text and self.ask_button.isEnabled():
            self.ask_requested.emit(text)

    # ----- streaming ------------------------------------------------------------------------

    def start_answer(self) -> None:
        self.copy_button.setEnabled(False)
        self.answer_view.clear()
        self.citation_view.clear()
        self.facts.clear()
        self._buffer.clear()
        self._links.clear()
        self.ask_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self._redraw.start()

    def add_text(self, piece: str) -> None:
        self._buffer.append(piece)

    def _flush(self) -> None:
        if self._buffer:
            piece = "".join(self._buffer)
            self._buffer.clear()
            self.answer_view.moveCursor(self.answer_view.textCursor().MoveOperation.End)
            self.answer_view.insertPlainText(piece)

    def end_answer(self) -> None:
        self._redraw.stop()
        self._flush()
        self.ask_button.setEnabled(True)
        self.stop_button.setEnabled(False)

    # ----- the finished answer ------------------------------------------------------------

    def show_answer(self, text: str, citations: Sequence[Citation], located: Sequence[Located],
                    facts: str) -> None:
        self.answer_view.setMarkdown(answer_markdown(text, citations))
        self._links = [(c.document_id or 0, c.page or 1, c.page_words,
                        verdict(c) if c.check == "differs" else "") for c in citations]
        lines = []
        for index, c in enumerate(citations):
            where = f"{c.short_id or '?'} {c.document or self.tr('(not in this case)')}" + (
                f" p{c.page}" if c.page else "")
            if is_bates_label(c.bates) and c.known:
                where = f"{c.bates} ({where})"  # lawyers cite the Bates number
            quote = f" — “{html.escape(c.quote)}”" if c.quote else ""
            openable = c.known and c.document_id
            link = f'<a href="cite:{index}">{html.escape(where)}</a>' if openable else html.escape(where)
            lines.append(f"{link}{check_mark(c)} {html.escape(verdict(c))}{quote}")
        if not citations:
            lines.append(self.tr("No citations: this answer is not tied to any page and was not verified."))
        if located:
            start = len(self._links)
            self._links += [(x.document_id, x.page, x.term, "") for x in located]
            found = ", ".join(f'<a href="cite:{start + i}">{x.short_id} p{x.page}</a> '
                              f'({html.escape(x.term)})' for i, x in enumerate(located))
            lines.append(self.tr("Not cited by the model; Casefile found its figures on: ") + found)
        self.citation_view.setHtml("<br/>".join(lines))
        self.facts.setText(facts)
        self.copy_button.setEnabled(True)

    def copy_answer(self) -> None:
        """The answer, its citations with their checks, and the model and manifest: as pasted
        into a memo, it says what was checked."""
        parts = (self.answer_view.toPlainText().strip(), self.citation_view.toPlainText().strip(),
                 self.facts.text())
        text = "\n\n".join(part for part in parts if part)
        QGuiApplication.clipboard().setText(text)

    def show_sessions(self, chats: list, select: int | None = None) -> None:
        """The case's chats (newest first) after "New chat"; ``select`` the one being continued."""
        self.sessions.clear()
        self.sessions.addItem(self.tr("New chat"), None)
        for chat in chats:
            self.sessions.addItem(f"{chat.title} — {self.tr('%n question(s)', '', chat.questions)} · "
                                  f"{chat.created_at[:16].replace('T', ' ')}", chat.id)
        self.sessions.setCurrentIndex(max(self.sessions.findData(select), 0) if select is not None else 0)

    def show_transcript(self, messages: Sequence[ChatMessage]) -> None:
        """An earlier chat: its questions and answers; the last answer's citations are links."""
        self.start_answer()
        self.end_answer()
        answers = [m for m in messages if m.role == "assistant"]
        if not answers:
            return
        earlier, last = [], answers[-1]
        for message in messages:
            if message is last:
                break
            prefix = "**Q:** " if message.role == "user" else ""
            earlier.append(prefix + message.content.strip())
        facts = f"{last.model_id} · manifest {last.manifest[:12]}" + (
            f" · {last.mode_label}" if last.mode_label else "")
        self.show_answer(last.content, last.citations, last.located, facts)
        if earlier:
            self.answer_view.setMarkdown("\n\n".join(earlier) + "\n\n---\n\n"
                                         + answer_markdown(last.content, last.citations))

    def link_count(self) -> int:
        return len(self._links)

    def open_link(self, index: int) -> None:
        document_id, page, words, note = self._links[index]
        if document_id:
            self.open_page.emit(document_id, page, words, note)

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "cite" and url.path().isdigit() and int(url.path()) < len(self._links):
            self.open_link(int(url.path()))
