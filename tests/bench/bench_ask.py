"""Question benchmarks: time to first token on the demo case, cold and warm."""

from __future__ import annotations

import time
from pathlib import Path


def bench_ask(demo_dir: Path) -> dict:
    from app import cases
    from app.answer.questions import ask
    from app.ingest import ingest_paths
    from app.models.session import ModelSession
    from app.models.store import prepare_embedded
    from app.unlock import create_vault
    from assets.demo.make_demo_pdfs import FACTS

    model = prepare_embedded()
    vault, _ = create_vault("bench-passphrase")
    case = cases.create_case(vault, "Ask bench")
    ingest_paths(vault, case, [demo_dir])
    session = ModelSession(model)
    results = {}
    try:
        for label in ("cold", "warm"):
            started = time.perf_counter()
            first_token_at: list[float] = []

            def on_token(_text: str, marks: list[float] = first_token_at) -> None:
                if not marks:
                    marks.append(time.perf_counter())

            answer = ask(vault, case, FACTS["price_question"], session, on_token=on_token)
            results[label] = {
                "wall_ttft_s": round(first_token_at[0] - started, 3) if first_token_at else None,
                "worker_ttft_s": answer.timings.ttft_s,
                "prefill_tokens": answer.timings.prefill_tokens,
                "prefill_tokens_per_s": round(answer.timings.prefill_tokens / answer.timings.ttft_s, 1),
                "decode_tokens_per_s": answer.timings.decode_tokens_per_s,
                "answer_correct": FACTS["price_answer"] in answer.text,
            }
    finally:
        session.close()
        vault.lock()
    return {"model": model.model_id, **results}

