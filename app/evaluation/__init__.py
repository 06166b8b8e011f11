"""Measured answer quality: a generated suite of legal and clinical questions with gold answers
(``suite``), scored mechanically (``scoring``), run through the real ingest and answer path
(``run``). The command line uses the names below, never the modules."""

from app.evaluation.qualification import Qualification, last_qualification
from app.evaluation.run import EVAL_ARMS, EvalReport, ItemResult, run_eval, unfinished
from app.evaluation.scoring import Gold, Score, score
from app.evaluation.signed import ReportCheck, verify_signed_report, write_signed_report
from app.evaluation.suite import SIZES, build_suite, parse_lengths
from app.evaluation.templates import TEMPLATES

__all__ = ["EVAL_ARMS", "SIZES", "TEMPLATES", "EvalReport", "Gold", "ItemResult", "Qualification",
           "ReportCheck", "Score",
           "build_suite", "last_qualification", "parse_lengths", "run_eval", "score", "unfinished",
           "verify_signed_report", "write_signed_report"]
