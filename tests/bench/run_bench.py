"""``make bench``: measure, side by side in one run, and write one JSON file of results.

Benchmarks never fail on a figure; they record it. Measured now:
- ingest: pages/s of text extraction alone and of the full ingest (hash + extract + encrypted
  write + audit), on the demo case and, where present, the shared corpus PDFs;
- ask: time to first token of the demo question, cold (worker start + model load + prefill)
  and warm (model loaded), with the worker's own prefill and decode figures;
- vault: audit append rate with synchronous=FULL, verify time for 100,000 events, and the
  time to open the vault with its raw key (and with the passphrase, Argon2id included).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_FOLDERS = ("govdocs-health-legal", "legal-court-docs")


def _pdfs() -> tuple[str, list[Path]]:
    if CORPUS.is_dir():
        files = sorted(p for folder in CORPUS_FOLDERS for p in (CORPUS / folder).glob("*.pdf"))
        return "shared corpus PDFs", files
    return "demo case only (shared corpus absent)", []


def bench_ingest(demo: list[Path]) -> dict:
    from app import cases
    from app.errors import IngestError
    from app.extract import extract
    from app.ingest import ingest_paths
    from app.unlock import create_vault

    label, corpus_files = _pdfs()
    files = demo + corpus_files
    started, pages = time.perf_counter(), 0
    for path in files:
        with contextlib.suppress(IngestError):
            pages += len(extract(path).pages)
    extract_s = time.perf_counter() - started

    vault, _recovery_key = create_vault("bench-passphrase")
    case = cases.create_case(vault, "Bench")
    started = time.perf_counter()
    report = ingest_paths(vault, case, files)
    ingest_s = time.perf_counter() - started
    stored = sum(o.pages for o in report.outcomes if o.status == "ingested")
    vault.lock()
    return {
        "set": label, "files": len(files), "pages": pages,
        "extract_s": round(extract_s, 3), "extract_pages_per_s": round(pages / extract_s, 1),
        "ingest_s": round(ingest_s, 3), "ingest_pages_per_s": round(stored / ingest_s, 1),
        "rejected": report.count("rejected"),
    }


def bench_ask(demo_dir: Path) -> dict:
    from app import cases
    from app.ingest import ingest_paths
    from app.model_session import ModelSession
    from app.model_store import prepare_embedded
    from app.questions import ask
    from app.unlock import unlock_vault
    from assets.demo.make_demo_pdfs import FACTS

    model = prepare_embedded()
    vault = unlock_vault("bench-passphrase")
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


def bench_vault(folder: Path, events: int = 100_000) -> dict:
    """Audit append rate (one fsync'd transaction per event, as in use), verify time at 100k
    events, and vault open time with the raw key (what start-up pays) and with Argon2id."""
    import statistics

    from storage.db import open_engine
    from storage.vault import Vault

    vault, _ = Vault.create(folder, "bench-passphrase")
    single = 300
    started = time.perf_counter()
    for i in range(single):
        with vault.write() as session:
            vault.audit(session, "bench.event", objects={"i": i})
    append_per_s = single / (time.perf_counter() - started)

    started = time.perf_counter()
    for first in range(single, events, 10_000):
        with vault.write() as session:
            for i in range(first, min(first + 10_000, events)):
                vault.audit(session, "bench.event", objects={"i": i, "sha256": "ab" * 32})
    bulk_s = time.perf_counter() - started

    started = time.perf_counter()
    check = vault.verify_audit()
    verify_s = time.perf_counter() - started

    opens = []
    for _ in range(15):
        started = time.perf_counter()
        open_engine(vault.db_path, vault.data_key).dispose()
        opens.append(time.perf_counter() - started)
    vault.lock()
    started = time.perf_counter()
    Vault.unlock(folder, "bench-passphrase").lock()
    unlock_s = time.perf_counter() - started
    return {
        "audit_append_events_per_s": round(append_per_s, 1),
        "audit_bulk_append_s": round(bulk_s, 2),
        "audit_events": check.events, "audit_chain_ok": check.ok,
        "audit_verify_s": round(verify_s, 3),
        "audit_verify_goal_s": 2.0,
        "vault_open_raw_key_ms": round(statistics.median(opens) * 1000, 2),
        "vault_open_goal_ms": 50,
        "vault_unlock_with_passphrase_s": round(unlock_s, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        os.environ["CASEFILE_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("CASEFILE_MODELS", os.environ.get("CASEFILE_TEST_MODELS")
                              or str(ROOT / ".cache" / "models"))
        from assets.demo.make_demo_pdfs import render
        from inference.offline import apply_offline_env

        apply_offline_env(Path(os.environ["CASEFILE_HOME"]))
        demo_dir = Path(tmp) / "demo"
        demo = render(demo_dir)
        results = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {"python": sys.version.split()[0], "platform": platform.platform(),
                        "cpus": os.cpu_count()},
            "ingest": bench_ingest(demo),
            "ask": bench_ask(demo_dir),
            "vault": bench_vault(Path(tmp) / "vault-bench"),
        }
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
