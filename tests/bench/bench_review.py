"""Review tables on the demo production (30 documents × 5 columns, the correspondence set) with the
embedded model: cells per minute with the kept prefix, for each scope, against the same cells
re-reading their text every time (no prefix kept) — the prefix reuse factor.

The re-reading cells are measured in the same run, on a sample (every sixth row's first column,
five cells per scope): their mean time per cell times the review's cell count is the re-read
estimate the factor divides by the measured review.
"""

from __future__ import annotations

import time
from pathlib import Path

SAMPLE_EVERY = 6


def _review(vault, case, columns, session, scope: str) -> dict:
    from app.reviews.run import create_review, review_cells, run_review

    review = create_review(vault, case, f"bench {scope}", columns, session, scope=scope)
    started = time.perf_counter()
    finished = run_review(vault, case, review.id, session)
    seconds = time.perf_counter() - started
    cells = review_cells(vault, finished)
    checks = [c.check for c in cells]
    return {"review": finished, "cells": len(cells), "seconds": round(seconds, 1),
            "cells_per_min": round(len(cells) / seconds * 60, 1),
            "checks": {check: checks.count(check) for check in sorted(set(checks))}}


def _reread(vault, case, review, columns, session) -> dict:
    """Sample cells with no kept prefix: the model reads the row's documents (or the case) again."""
    from app.answer.case_run import prepare
    from app.context import question_messages, subset
    from app.reviews.cells import cell_prompt
    from app.reviews.run import CELL_TOKENS
    from inference import protocol as p

    context = prepare(vault, case, session, extra_tokens=CELL_TOKENS).context
    by_id = {d.record.id: d for d in context.documents}
    params = p.GenerationParams(max_new_tokens=CELL_TOKENS, temperature=0.0, stop=("\n",))
    times = []
    for row in review.rows[::SAMPLE_EVERY]:
        documents = [by_id[i] for i in row["document_ids"]]
        part = context if review.scope == "case" else subset(context, [d.short_id for d in documents])
        started = time.perf_counter()
        session.generate(question_messages(part, cell_prompt(columns[0], documents)), params, prefix=None)
        times.append(time.perf_counter() - started)
    per_cell = sum(times) / len(times)
    return {"sampled_cells": len(times), "seconds_per_cell": round(per_cell, 2),
            "estimated_seconds": round(per_cell * review.cell_count, 1)}


def bench_review(tmp: Path) -> dict:
    from app import cases
    from app.ingest import ingest_paths
    from app.models.session import ModelSession
    from app.models.store import prepare_embedded
    from app.reviews.columns import built_in
    from app.unlock import create_vault
    from assets.production.make_production import make_production

    vault, _ = create_vault("bench-passphrase", tmp / "review-home")
    case = cases.create_case(vault, "review bench")
    ingest_paths(vault, case, [make_production(tmp / "review-production")])
    _title, columns = built_in("correspondence")
    session = ModelSession(prepare_embedded())
    results: dict = {"set": "30 documents × 5 columns (correspondence), embedded model, CPU"}
    try:
        for scope in ("case", "document"):
            measured = _review(vault, case, columns, session, scope)
            review = measured.pop("review")
            reread = _reread(vault, case, review, columns, session)
            measured["reread"] = reread
            measured["prefix_reuse_factor"] = round(reread["estimated_seconds"] / measured["seconds"], 1)
            results[scope] = measured
    finally:
        session.close()
        vault.lock()
    return results
