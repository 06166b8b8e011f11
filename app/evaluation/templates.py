"""Prompt layouts compared on the same questions (``eval --compare-templates``), so that the default
is chosen by measurement, not by habit:

- ``documents-then-question`` (the default, ``app.context.question_messages``): the instruction,
  every document, then the question — everything before the question is the case's kept prefix;
- ``quote-then-answer``: the same, with the question asking for the supporting sentence quoted
  (with its citation) before the answer;
- ``question-then-documents``: the question before the documents (no prefix can be kept: every
  question pays for the whole case again).
"""

from __future__ import annotations

from app.context import SYSTEM_INSTRUCTION, CaseContext, question_messages

DEFAULT = "documents-then-question"
QUOTE_FIRST = ("First copy, in double quotes with its citation, the sentence of the documents that "
               "answers the question; then give the answer in one sentence.")


def messages(template: str, context: CaseContext, question: str) -> tuple[list[dict[str, str]], bool]:
    """The chat messages for ``question`` under ``template``, and whether the documents stay a
    prefix (the text before the question is the context's own)."""
    if template == DEFAULT:
        return question_messages(context, question), True
    if template == "quote-then-answer":
        return question_messages(context, f"{question.strip()}\n{QUOTE_FIRST}"), True
    if template == "question-then-documents":
        return [{"role": "system", "content": SYSTEM_INSTRUCTION},
                {"role": "user", "content": f"Question: {question.strip()}\n\n{context.text}"}], False
    raise ValueError(f"no template {template!r}")


TEMPLATES = (DEFAULT, "quote-then-answer", "question-then-documents")
