"""Running the qualification suite through the real path: each set's PDFs are ingested into a
case of their own, every question is asked as a user would ask it (the same prompt, the same
worker, the kept prefix), and each answer is scored against its gold.

The sets' cases are named "Qualification …" and deleted when the run ends (their answers are in
the report; the audit log keeps every question, answer and the deletion). The run is audited as
``eval.run`` with the model, its weights hash and the headline scores.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app import cases
from app.answer import ask, parse_citations
from app.answer.case_run import prefix_for, prepare
from app.errors import Cancelled, ContextTooLarge
from app.evaluation.qualification import qualification_of, record
from app.evaluation.scoring import Score, score
from app.evaluation.suite import EvalSet, Item, build_suite
from app.evaluation.templates import DEFAULT, messages
from app.ingest import ingest_paths
from app.models import ModelSession
from inference import protocol as p
from storage.vault import Vault

EVAL_PARAMS = p.GenerationParams(max_new_tokens=96, temperature=0.0)


@dataclass(frozen=True)
class ItemResult:
    set_label: str
    padding_words: int
    depth: float
    family: str
    question: str
    answer: str
    score: Score
    seconds: float
    tokens: int = 0  # the case and the question, as the plan counted them

    def as_json(self) -> dict:
        return {"set": self.set_label, "padding_words": self.padding_words, "depth": self.depth,
                "family": self.family, "question": self.question, "answer": self.answer,
                "tokens": self.tokens, "seconds": round(self.seconds, 2), **self.score.as_json()}


@dataclass
class EvalReport:
    model_id: str
    weights_sha256: str
    size: str
    started: str
    results: list[ItemResult] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False
    template: str = DEFAULT  # the prompt layout the questions were asked in

    def families(self) -> dict[str, dict]:
        """Per family: items, accuracy, and (where there are any) citation precision and recall."""
        out: dict[str, dict] = {}
        for family in dict.fromkeys(r.family for r in self.results):
            rows = [r.score for r in self.results if r.family == family]
            out[family] = {"items": len(rows), "accuracy": _mean([s.accuracy for s in rows]),
                           "citation_precision": _mean([s.citation_precision for s in rows]),
                           "citation_recall": _mean([s.citation_recall for s in rows])}
        return out

    def headline(self) -> dict:
        scores = [r.score for r in self.results]
        quotes = sum(s.quotes for s in scores)
        absent = [s for r, s in zip(self.results, scores, strict=True) if r.family == "absent"]
        return {"items": len(scores), "accuracy": _mean([s.accuracy for s in scores]),
                "citation_precision": _mean([s.citation_precision for s in scores]),
                "citation_recall": _mean([s.citation_recall for s in scores]),
                "abstention_accuracy": _mean([s.accuracy for s in absent]),
                "quotes": quotes,
                "verified_quote_rate": _share(sum(s.quotes_verified for s in scores), quotes),
                "made_up_quote_rate": _share(sum(s.quotes_made_up for s in scores), quotes)}

    def as_json(self) -> dict:
        return {"model": self.model_id, "weights_sha256": self.weights_sha256, "size": self.size,
                "template": self.template,
                "started": self.started, "seconds": round(self.seconds, 1), "cancelled": self.cancelled,
                "headline": self.headline(), "families": self.families(),
                "items": [r.as_json() for r in self.results]}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 3) if known else None


def run_eval(vault: Vault, model: ModelSession, *, size: str = "quick", seed: int = 7,
             on_item: Callable[[ItemResult, int, int], None] | None = None,
             should_stop: Callable[[], bool] = lambda: False, template: str = DEFAULT) -> EvalReport:
    """The suite through ``ask`` (the default layout), or, for another ``template``, the same
    questions with that layout sent to the model directly (nothing stored but the audit; no
    qualification is recorded for a layout that is not the one questions use)."""
    suite = build_suite(size, seed, model.start().window or 8192)
    report = EvalReport(model.model.model_id, model.model.weights_sha256, size,
                        datetime.now(UTC).isoformat(timespec="seconds"), template=template)
    total, started = sum(len(s.items) for s in suite), time.perf_counter()
    with vault.write() as session:
        vault.audit(session, "eval.start", objects={"model": report.model_id, "size": size, "items": total})
    try:
        for number, eval_set in enumerate(suite, start=1):
            if should_stop():
                report.cancelled = True
                break
            _run_set(vault, model, eval_set, f"Qualification {report.started} · set {number}", report,
                     lambda result: on_item and on_item(result, len(report.results), total), should_stop,
                     template)
    except Cancelled:
        report.cancelled = True
    report.seconds = time.perf_counter() - started
    with vault.write() as session:
        if not report.cancelled and template == DEFAULT:  # a cancelled run qualifies nothing
            record(session, qualification_of(report))
        vault.audit(session, "eval.run", objects={
            "model": report.model_id, "weights_sha256": report.weights_sha256, "size": size,
            "template": template, "cancelled": report.cancelled, **report.headline()})
    return report


def _run_set(vault: Vault, model: ModelSession, eval_set: EvalSet, name: str, report: EvalReport,
             on_item: Callable[[ItemResult], None], should_stop: Callable[[], bool], template: str) -> None:
    case = cases.create_case(vault, name)
    try:
        with tempfile.TemporaryDirectory(prefix="casefile-eval-") as folder:
            ingest_paths(vault, case, eval_set.write(Path(folder)))
        for item in eval_set.items:
            if should_stop():
                raise Cancelled()
            result = (_ask(vault, model, case, eval_set, item) if template == DEFAULT
                      else _ask_with(vault, model, case, eval_set, item, template))
            report.results.append(result)
            on_item(result)
    finally:
        cases.delete_case(vault, case.name)


def _ask(vault: Vault, model: ModelSession, case, eval_set: EvalSet, item: Item) -> ItemResult:
    started = time.perf_counter()
    try:
        answer = ask(vault, case, item.question, model, params=EVAL_PARAMS)
    except ContextTooLarge:  # scored as a miss, and said so: the set is longer than this model reads
        missed = Score(0.0, False, None, None, notes=("the set did not fit the model's window",))
        return ItemResult(eval_set.label, eval_set.padding_words, eval_set.depth, item.family, item.question,
                          "", missed, time.perf_counter() - started)
    cited = [(c.document, c.page) for c in answer.citations if c.known and c.document and c.page]
    quotes = [(bool(c.verified), c.check not in (None, "not_found"))
              for c in answer.citations if c.quote]
    scored = score(answer.text, item.gold, cited, quotes)
    return ItemResult(eval_set.label, eval_set.padding_words, eval_set.depth, item.family, item.question,
                      answer.text, scored, time.perf_counter() - started, answer.plan.tokens_used)


def _ask_with(vault: Vault, model: ModelSession, case, eval_set: EvalSet, item: Item,
              template: str) -> ItemResult:
    """One question in another prompt layout, straight to the model, scored the same way."""
    started = time.perf_counter()
    setup = prepare(vault, case, model)
    chat, keeps_prefix = messages(template, setup.context, item.question)
    prefix = prefix_for(vault, case, setup.context) if keeps_prefix else None
    done = model.generate(chat, EVAL_PARAMS, prefix=prefix)
    citations = parse_citations(done.text, setup.context)
    cited = [(c.document, c.page) for c in citations if c.known and c.document and c.page]
    quotes = [(bool(c.verified), c.check not in (None, "not_found")) for c in citations if c.quote]
    scored = score(done.text, item.gold, cited, quotes)
    return ItemResult(eval_set.label, eval_set.padding_words, eval_set.depth, item.family, item.question,
                      done.text, scored, time.perf_counter() - started, setup.plan.tokens_used)
