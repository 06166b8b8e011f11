"""Running the qualification suite through the real path: each set's PDFs are ingested into a
case of their own, every question is asked as a user would ask it (the same prompt, the same
worker, the kept prefix), and each answer is scored against its gold.

The sets' cases are named "Qualification …" and deleted when the run ends (their answers are in
the report; the audit log keeps every question, answer and the deletion). The run is audited as
``eval.run`` with the model, its weights hash and the headline scores.

Each scored question is kept in the vault as soon as it is scored (``storage.eval_repository``),
so a run that was stopped, or cut short by a crash, resumes where it stopped: ``resume=True``
continues the latest unfinished run of this model with the same plan (size, seed, lengths, layout).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from app import cases
from app.answer import ask, parse_citations
from app.answer.case_run import prefix_for, prepare
from app.answer.styles import FREE, QUOTED, STYLES
from app.errors import Cancelled, ContextTooLarge
from app.evaluation.qualification import qualification_of, record
from app.evaluation.scoring import Score, score
from app.evaluation.suite import EvalSet, Item, build_suite
from app.evaluation.templates import DEFAULT, messages
from app.ingest import ingest_paths
from app.models import ModelSession
from app.settings import preferences
from inference import protocol as p
from storage import eval_repository as runs
from storage.records import EvalRunRecord
from storage.vault import Vault

EVAL_PARAMS = p.GenerationParams(max_new_tokens=96, temperature=0.0)
# What ``eval --compare-styles`` compares on the same questions: each style, with its quotes
# checked after (as a model server's are) and copied from the pages (the local engine's).
EVAL_ARMS = ((FREE, False), (QUOTED, False), (FREE, True), (QUOTED, True))
# A quoted answer writes its passage before the answer: room for both.
QUOTED_PARAMS = p.GenerationParams(max_new_tokens=160, temperature=0.0)


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
    place: tuple[int, int] = (0, 0)  # (set, item) in the suite: where a resumed run picks up

    def as_json(self) -> dict:
        return {"set": self.set_label, "padding_words": self.padding_words, "depth": self.depth,
                "family": self.family, "question": self.question, "answer": self.answer,
                "tokens": self.tokens, "seconds": round(self.seconds, 2), "place": list(self.place),
                **self.score.as_json()}

    @classmethod
    def from_json(cls, kept: dict) -> ItemResult:
        fields = {name: kept[name] for name in Score.__dataclass_fields__}
        score_of = Score(**fields | {"notes": tuple(fields["notes"])})
        return cls(kept["set"], kept["padding_words"], kept["depth"], kept["family"], kept["question"],
                   kept["answer"], score_of, kept["seconds"], kept["tokens"], tuple(kept["place"]))


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
    style: str = FREE  # the answer style (app.answer.styles)
    copied: bool = True  # quotes copied from the pages (on the local engine); False: checked after
    run_id: int = 0  # the vault's record of the run (its scored questions are kept there)

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
                "template": self.template, "style": self.style, "copied": self.copied, "run": self.run_id,
                "started": self.started, "seconds": round(self.seconds, 1), "cancelled": self.cancelled,
                "headline": self.headline(), "families": self.families(),
                "items": [r.as_json() for r in self.results]}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 3) if known else None


def run_eval(vault: Vault, model: ModelSession, *, size: str = "quick", seed: int = 7,
             lengths: tuple[int, ...] = (), template: str = DEFAULT, resume: bool = False,
             on_item: Callable[[ItemResult, int, int], None] | None = None,
             should_stop: Callable[[], bool] = lambda: False, style: str | None = None,
             constrain: bool = True) -> EvalReport:
    """The suite through ``ask`` (the default layout), or, for another ``template``, the same
    questions with that layout sent to the model directly (nothing stored but the audit; no
    qualification is recorded for a layout that is not the one questions use). ``style``: how
    answers are written (``app.answer.styles``; None: the vault's preference, as questions are
    asked); ``constrain=False`` leaves quotes to be checked after (the comparison's other arm)."""
    style = style or preferences(vault).answer_style
    plan = {"size": size, "seed": seed, "lengths": list(lengths), "template": template, "style": style,
            **({} if constrain else {"copied": False})}
    window = model.start().window or 8192
    run, kept = _open_run(vault, model, plan, resume)
    suite = build_suite(size, seed, window, lengths)
    report = EvalReport(model.model.model_id, model.model.weights_sha256, size, run.started_at,
                        template=template, style=style, copied=constrain, run_id=run.id,
                        results=[ItemResult.from_json(result) for _, result in sorted(kept.items())])
    total, started = sum(len(s.items) for s in suite), time.perf_counter()

    def keep(result: ItemResult) -> None:
        with vault.write() as session:
            runs.put_item(session, run.id, *result.place, result.as_json())
            vault.audit(session, "eval.item", objects={
                "run": run.id, "place": list(result.place), "family": result.family,
                "accuracy": result.score.accuracy})
        report.results.append(result)
        if on_item:
            on_item(result, len(report.results), total)

    try:
        for set_index, eval_set in enumerate(suite):
            todo = [(n, item) for n, item in enumerate(eval_set.items) if (set_index, n) not in kept]
            if not todo:
                continue
            if should_stop():
                raise Cancelled()
            name = f"Qualification {run.started_at} · run {run.id} · set {set_index + 1}"
            _run_set(vault, model, eval_set, set_index, todo, name, keep, should_stop, template,
                     (style, constrain))
    except Cancelled:
        report.cancelled = True
    report.results.sort(key=lambda r: r.place)
    report.seconds = run.seconds + time.perf_counter() - started
    with vault.write() as session:
        runs.finish_run(session, run.id, "stopped" if report.cancelled else "done", report.seconds)
        # A cancelled run qualifies nothing, nor one in a layout questions are not asked in.
        if not report.cancelled and template == DEFAULT and style in STYLES and constrain:
            record(session, qualification_of(report, preferences(vault).qualifying_accuracy))
        vault.audit(session, "eval.run", objects={
            "run": run.id, "model": report.model_id, "weights_sha256": report.weights_sha256, "size": size,
            "template": template, "style": style, "copied": constrain, "cancelled": report.cancelled,
            **report.headline()})
    return report


def _open_run(vault: Vault, model: ModelSession, plan: dict, resume: bool) -> tuple[EvalRunRecord, dict]:
    """The run to fill: the latest unfinished one with this plan (``resume``), or a new one."""
    with vault.write() as session:
        earlier = (runs.unfinished_run(session, model.model.model_id, model.model.weights_sha256)
                   if resume else None)
        if earlier is not None and earlier.plan == plan:
            kept = runs.items(session, earlier.id)
            vault.audit(session, "eval.resume", objects={"run": earlier.id, "model": earlier.model_id,
                                                         "kept": len(kept)})
            return earlier, kept
        run = runs.create_run(session, model.model.model_id, model.model.weights_sha256, plan)
        vault.audit(session, "eval.start", objects={"run": run.id, "model": run.model_id, **plan})
        return run, {}


def unfinished(vault: Vault, model_id: str, weights_sha256: str) -> EvalRunRecord | None:
    """A stopped (or cut short) run of this model that ``resume=True`` would continue."""
    with vault.read() as session:
        return runs.unfinished_run(session, model_id, weights_sha256)


def _run_set(vault: Vault, model: ModelSession, eval_set: EvalSet, set_index: int,
             todo: list[tuple[int, Item]], name: str, keep: Callable[[ItemResult], None],
             should_stop: Callable[[], bool], template: str, style: tuple[str, bool]) -> None:
    if any(c.name == name for c in cases.list_cases(vault)):  # left by a sitting that crashed
        cases.delete_case(vault, name)
    case = cases.create_case(vault, name)
    try:
        with tempfile.TemporaryDirectory(prefix="casefile-eval-") as folder:
            ingest_paths(vault, case, eval_set.write(Path(folder)))
        for number, item in todo:
            if should_stop():
                raise Cancelled()
            result = (_ask(vault, model, case, eval_set, item, style) if template == DEFAULT
                      else _ask_with(vault, model, case, eval_set, item, template))
            keep(replace(result, place=(set_index, number)))
    finally:
        cases.delete_case(vault, case.name)


def _ask(vault: Vault, model: ModelSession, case, eval_set: EvalSet, item: Item,
         style: tuple[str, bool]) -> ItemResult:
    started = time.perf_counter()
    (name, constrain), quoted = style, style[0] == QUOTED
    try:
        answer = ask(vault, case, item.question, model, params=QUOTED_PARAMS if quoted else EVAL_PARAMS,
                     style=name, constrain=constrain)
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
