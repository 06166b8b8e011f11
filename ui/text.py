"""Text the widgets share: filling translated strings (Qt's ``tr`` keeps %1, %2 … so translators
can move them; PySide6 has no ``QString.arg``), an error's one sentence, the model status line,
and plain text for the places where Qt guesses rich text.

Names come from outside (files, attachments, load files, imported models): shown through
``app.safe_text.shown``, and never where Qt would read them as HTML. A QLabel, a tooltip or a
message box takes text with a known tag in its first line ("<b>", "<img src=…>", "<a href=…>") as
rich text, so a label that shows a name is set to plain text, and a tooltip or a dialog's label
(which cannot be) gets ``plain_html``.
"""

from __future__ import annotations

from PySide6.QtGui import Qt

from app.errors import user_message
from app.safe_text import shown


def fill(template: str, *values: object) -> str:
    for number in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def engine_text(session, timings=None) -> str:
    """The status bar's model line: model, device, worker memory, the last answer's speeds."""
    ready = session.ready if session is not None else None
    parts = [session.model.model_id if session is not None else "no model"]
    if ready is not None:
        parts.append(f"{ready.device} {ready.dtype}")
    if (memory := session.worker_memory_bytes() if session is not None else None) is not None:
        parts.append(f"worker {memory / 2**20:,.0f} MiB")
    if timings is not None and timings.ttft_s:
        parts.append(f"read {timings.prefill_tokens:,} tokens ({timings.prefix_source}), first token "
                     f"{timings.ttft_s:.1f} s, {timings.decode_tokens_per_s:.1f} tokens/s")
    return " · ".join(parts)


def error_text(exc: BaseException) -> str:
    """One line: a reason may quote a file's name."""
    return shown(user_message(exc) or f"Unexpected error: {type(exc).__name__}")


def plain_html(text: str) -> str:
    """``text`` as the rich text that shows it as it is: its "<b>" shown, not obeyed; its line
    breaks kept (apply ``shown`` to the names in it first)."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
