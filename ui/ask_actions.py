"""Asking, for the main window: the question goes to the runner with the documents the user left
out, the answer streams into the conversation, every step it waits for (the model starting, the
case being read, pass k of n) shows in the progress strip and the status bar, and the outcome —
an answer, a stop, a dead worker, a case too large (offered in staged passes) — is shown.

A mixin, like ``IngestActions``: it uses the window's runner, chat panel, documents panel and
status bar, and keeps ``main_window`` to the layout.
"""

from __future__ import annotations

from app.answer import Answer, AskProgress, ask
from app.errors import Cancelled, ContextTooLarge, WorkerDied
from app.models import ModelSession, model_session
from ui.staged_offer import offer_staged
from ui.text import engine_text, error_text, fill


class AskActions:
    def _on_ask(self, text: str) -> None:
        if not text or self.current_case is None:
            return
        if self.runner.busy:  # never dropped in silence: the question stays in its box
            self.statusBar().showMessage(self.tr(
                "Casefile is still working (reading files, answering, or a review): your question is "
                "kept in the box; ask it when the work is done, or press Stop."))
            return
        self.ask_question(text)

    def ask_question(self, text: str, *, staged: bool = False) -> None:
        case = self.current_case
        self.chat.start_answer(text)
        self._asking_case_id = case.id
        self._asked = None if staged else text
        chat_id, left_out = self.chat_session_id, sorted(self.documents.excluded)
        review_set = self.documents.review_set
        self._show_step(self.tr("Starting…"))

        def work(report):
            return ask(self.vault, case, text, self.ensure_model_session(), on_token=report,
                       on_progress=report, session_id=chat_id, staged=staged, exclude=left_out,
                       review_set=review_set)

        self.runner.submit(work, on_progress=self._on_answer_step,
                           on_done=self._on_answer_done, on_failed=self._on_answer_done)

    def _on_answer_step(self, step) -> None:
        """A piece of the answer (text), or where it stands (``AskProgress``)."""
        if isinstance(step, str):
            self.chat.add_text(step)
            return
        if step.phase == "loading":
            self.engine_status.setText(self.tr("Starting the model…"))
        elif self.model_session is not None and self.model_session.ready is not None:
            self.engine_status.setText(engine_text(self.model_session))
        self._show_step(step)

    def _show_step(self, step: AskProgress | str) -> None:
        self.chat.show_progress(step)
        self.statusBar().showMessage(self.chat.progress_label.text())

    def _on_stop(self) -> None:
        if self.model_session is not None:
            self.model_session.cancel()

    def _on_answer_done(self, result) -> None:
        self.chat.end_answer()
        if isinstance(result, Answer):
            if self.current_case is not None and self.current_case.id == self._asking_case_id:
                self.chat_session_id = result.session_id  # not if the user moved to another case
                self.refresh_chats()
            facts = self.chat.facts_line(result.model_id, result.manifest, result.mode.label,
                                         result.finish_reason, result.timings.__dict__)
            mode = result.mode
            self.chat.show_answer(result.text, result.citations, result.located, facts, quotes=mode.quotes,
                                  unsupported=mode.unsupported, unsupported_where=mode.unsupported_where)
            self.statusBar().showMessage(fill(self.tr("Answered · %1"), facts))
            self.engine_status.setText(engine_text(self.model_session, result.timings))
        elif isinstance(result, Cancelled):
            self.statusBar().showMessage(self.tr("Stopped."))
        elif isinstance(result, WorkerDied):
            self.banner_text.setText(error_text(result))
            self.banner.show()
            self.statusBar().clearMessage()
            self.engine_status.setText(self.tr("Model stopped"))
        elif isinstance(result, ContextTooLarge) and self._asked is not None:
            question = self._asked
            self.statusBar().clearMessage()
            self.staged_offer = offer_staged(self, result, lambda: self.ask_question(question, staged=True))
        else:
            self.show_error(result)
        self.answer_finished.emit(result)

    def ensure_model_session(self) -> ModelSession:
        """The model session, started on first use with the vault's chosen model (runner thread)."""
        if self.model_session is None:
            self.model_session = model_session(self.vault)
        return self.model_session

    def restart_model(self) -> None:
        """After a worker crash: a fresh worker on the next question (the vault never stopped)."""
        session, self.model_session = self.model_session, None
        if session is not None:  # stopping a worker can take a moment: not on the GUI thread
            self.runner.submit(lambda _r: session.close(), on_done=lambda _r: None, on_failed=lambda _e: None)
        self.banner.hide()
        self.engine_status.setText(self.tr("Model not started"))
        self.statusBar().showMessage(self.tr("The model will start again with the next question."))
