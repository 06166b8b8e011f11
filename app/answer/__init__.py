"""Answering: a question (or a task, or a review cell) over a case's documents.

``questions.ask`` plans the context (``planning``, ``memory_plan``), prepares the model's
session for the case (``case_run``), answers in one pass or in staged passes over groups of
documents (``staged``), then checks each citation against its page (``citations``) and finds
where the answer's words come from (``provenance``). The window and the command line use the
names below, never the modules.
"""

from app.answer.citations import CITATION_RE, Citation, check_phrase, parse_citations
from app.answer.citecheck import CiteCheck, cite_check
from app.answer.planning import Plan, plan_context
from app.answer.progress import AskProgress
from app.answer.provenance import Located
from app.answer.questions import Answer, ask

__all__ = ["CITATION_RE", "Answer", "AskProgress", "Citation", "CiteCheck", "Located", "Plan", "ask",
           "check_phrase", "cite_check", "parse_citations", "plan_context"]
