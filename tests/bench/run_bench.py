"""``make bench``: measure, side by side in one run, and write one JSON file of results.

Benchmarks never fail on a figure; they record it. Measured now:
- ingest: pages/s of the full ingest against a bare PyMuPDF loop over the same PDFs, peak
  memory for the set once and four times, OCR seconds per page (``bench_ingest``);
- ocr_choices: Casefile's OCR against the plain ``tesseract`` command per core, and each model
  and resolution's speed and error rate on generated scans with known text (``bench_ocr``);
- ask: time to first token of the demo question, cold (worker start + model load + prefill)
  and warm (model loaded), with the worker's own prefill and decode figures;
- vault: audit append rate with synchronous=FULL, verify time for 100,000 events, and the
  time to open the vault with its raw key (and with the passphrase, Argon2id included);
- worker: prefix reuse (follow-up and reopen vs first question), decode rate vs
  ``model.generate``, rewind vs deepcopy (``bench_worker``); GPU prefill where a GPU exists;
- quotes: decode tokens/s with the copy constraint against without it on the same questions, and
  the quote index at a million tokens (build time, memory, one constrained step) (``bench_quotes``);
- context: read + build + plan of a 1,000-page case from stored token counts, and quote
  verification per answer and for a quote found nowhere (``bench_context``);
- ui: cold start to a visible window with its cases loaded, and the longest event-loop stall
  while ingesting the legal corpus and while streaming an answer, in a fresh process as the app
  runs (``bench_ui``);
- production: a volume through its load files against its images as loose files (all OCR),
  and "Go to Bates" look-ups (``bench_production``);
- pages: ingest of a scanned set behind filing stamps, OCR only where needed against OCR of
  every page, and the share of born-digital pages OCR'd (``bench_pages``);
- review: cells per minute of a 30 × 5 review on the demo production, for each scope, and the
  prefix reuse factor against the same cells re-reading their text (``bench_review``);
- scale: generated text-only volumes of 10,000 and 100,000 pages imported (pages/s, peak memory of
  each import's process), and on the larger case search latency (a word, a phrase, a fielded
  query), "Go to Bates" and a review set made from a 1,000-hit search (``bench_scale``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from tests.bench.bench_ask import bench_ask
from tests.bench.bench_context import bench_context
from tests.bench.bench_ingest import bench_ingest
from tests.bench.bench_ocr import bench_ocr_choices
from tests.bench.bench_pages import bench_pages
from tests.bench.bench_production import bench_production
from tests.bench.bench_quotes import bench_quotes
from tests.bench.bench_review import bench_review
from tests.bench.bench_scale import bench_scale
from tests.bench.bench_ui import bench_ui
from tests.bench.bench_vault import bench_vault
from tests.bench.bench_worker import bench_worker
from tests.bench.setting import prepare_home, run_facts, write_results

ROOT = Path(__file__).resolve().parents[2]


def bench_gpu() -> dict:
    import torch

    from tests.bench.gpu_prefill import run

    if not torch.cuda.is_available():
        return {"skipped": "no CUDA GPU on this machine (run `python -m tests.bench.gpu_prefill` on one)"}
    return run([32768, 131072], "cuda", tiny=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        prepare_home(Path(tmp))
        from assets.demo.make_demo_pdfs import render

        demo_dir = Path(tmp) / "demo"
        demo = render(demo_dir)
        results = {
            **run_facts(),
            "ingest": bench_ingest(Path(tmp), demo),
            "ocr_choices": bench_ocr_choices(Path(tmp)),
            "pages": bench_pages(Path(tmp)),
            "ask": bench_ask(demo_dir),
            "vault": bench_vault(Path(tmp) / "vault-bench"),
            "context": bench_context(Path(tmp) / "context-bench"),
            "worker": bench_worker(Path(tmp)),
            "quotes": bench_quotes(),
            "ui": bench_ui(Path(tmp), demo_dir),
            "production": bench_production(Path(tmp)),
            "review": bench_review(Path(tmp)),
            "scale": bench_scale(Path(tmp)),
            "gpu_prefill": bench_gpu(),
        }
    write_results(args.out, results, keep=("peer",))  # `make bench-peer`'s figures stay till it runs again
    print(json.dumps(results, indent=2))
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
