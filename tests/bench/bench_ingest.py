"""Ingest benchmarks, side by side in one run.

- throughput: Casefile's ingest (hash + read in the pool + token count + encrypted write +
  audit) against a bare ``for page in doc: page.get_text()`` loop over the same born-digital
  PDFs; the set is ingested into ROUNDS cases (duplicates are per case). Reported over all
  rounds (the first also starts the reading processes) and over the later, warm rounds.
  Goal: at least 0.7 of the bare loop's pages/s.
- memory: the ingesting process's peak RSS for the set once and ROUNDS times; streaming means
  the second is not ROUNDS times the first.
- OCR: seconds per page in one process, and per page through the pool during ingest.
- the command line: ``main.py ingest`` over the set in a new process, start-up included (imports,
  vault unlock, the reading pool), against the bare loop in a new process; and the start-up alone
  (``main.py cases list``), which is what bounds the ratio on a set this small.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
TEXT_FOLDERS = ("govdocs-health-legal", "legal-court-docs")
OCR_FILES = ("legal-court-docs/image-pdf.pdf", "legal-court-docs/gov.uscourts.nysd.413994.212.0.pdf")
ROUNDS = 4

# Ingests the PDFs given on the command line into N cases; prints the main process's peak RSS.
PEAK_SCRIPT = """
import json, resource, sys
from pathlib import Path
from app import cases
from app.ingest import ingest_paths
from app.unlock import create_vault
vault, _ = create_vault("bench-passphrase", Path(sys.argv[1]))
rounds, files = int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
pages = 0
for n in range(rounds):
    pages += ingest_paths(vault, cases.create_case(vault, f"r{n}"), files, ocr=False).pages
print(json.dumps({"pages": pages, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _text_pdfs(demo: list[Path]) -> tuple[str, list[Path]]:
    if not CORPUS.is_dir():
        return "demo case only (shared corpus absent)", demo
    files = sorted(p for folder in TEXT_FOLDERS for p in (CORPUS / folder).glob("*.pdf")
                   if str(p.relative_to(CORPUS)) not in OCR_FILES)
    return "shared corpus born-digital PDFs", files


def _bare_loop(files: list[Path]) -> int:
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)  # as Casefile does: damaged files are noisy
    pages = 0
    for path in files:
        try:
            with pymupdf.open(path) as document:
                for page in document:
                    page.get_text()
                    pages += 1
        except Exception:  # noqa: BLE001 - the bare loop skips what it cannot open
            continue
    return pages


BARE_SCRIPT = """
import sys, pymupdf
pymupdf.TOOLS.mupdf_display_errors(False)
pages = 0
for name in sys.argv[1:]:
    try:
        document = pymupdf.open(name)
    except Exception:
        continue
    for page in document:
        page.get_text()
        pages += 1
print(pages)
"""


def _timed(command: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    return time.perf_counter() - started, done


def bench_ingest_cli(tmp: Path, files: list[Path]) -> dict:
    env = {**os.environ, "CASEFILE_HOME": str(tmp / "cli-home"), "CASEFILE_PASSPHRASE": "bench-passphrase-1"}
    _timed([sys.executable, "main.py", "cases", "list"], env)  # creates the vault: not timed
    start_s, _ = _timed([sys.executable, "main.py", "cases", "list"], env)
    bare_s, bare = _timed([sys.executable, "-c", BARE_SCRIPT, *map(str, files)], env)
    cli_s, cli = _timed([sys.executable, "main.py", "ingest", "--case", "CLI", "--no-ocr", "--json",
                         *map(str, files)], env)
    pages = sum(f["pages"] for f in json.loads(cli.stdout)["files"] if f["status"] == "ingested")
    return {"cli_pages": pages, "cli_ingest_s": round(cli_s, 2), "bare_loop_pages": int(bare.stdout.strip()),
            "bare_loop_new_process_s": round(bare_s, 2), "cli_vs_bare_loop": round(bare_s / cli_s, 3),
            "cli_vs_bare_goal": 0.8, "cli_start_up_s": round(start_s, 2)}


def _peak(folder: Path, rounds: int, files: list[Path]) -> dict:
    result = subprocess.run([sys.executable, "-c", PEAK_SCRIPT, str(folder), str(rounds), *map(str, files)],
                            cwd=ROOT, capture_output=True, text=True, check=True, env=dict(os.environ))
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_ingest(tmp: Path, demo: list[Path]) -> dict:
    from app import cases
    from app.ingest import ingest_paths
    from app.unlock import create_vault

    label, files = _text_pdfs(demo)
    started = time.perf_counter()
    bare_pages = sum(_bare_loop(files) for _ in range(ROUNDS))
    bare_s = time.perf_counter() - started

    vault, _ = create_vault("bench-passphrase", tmp / "ingest-vault")
    rounds = []  # (seconds, pages); the first round also starts the reading processes
    for n in range(ROUNDS):
        started = time.perf_counter()
        report = ingest_paths(vault, cases.create_case(vault, f"Bench {n}"), files, ocr=False)
        rounds.append((time.perf_counter() - started, report.pages))
    vault.lock()
    ingest_s, stored = sum(s for s, _ in rounds), sum(p for _, p in rounds)
    warm_rate = sum(p for _, p in rounds[1:]) / sum(s for s, _ in rounds[1:])

    once = _peak(tmp / "peak-1", 1, files)
    many = _peak(tmp / "peak-n", ROUNDS, files)
    bare_rate, ingest_rate = bare_pages / bare_s, stored / ingest_s
    return {
        "set": label, "files": len(files), "rounds": ROUNDS,
        "bare_loop_pages": bare_pages, "bare_loop_pages_per_s": round(bare_rate, 1),
        "ingest_pages": stored, "ingest_pages_per_s": round(ingest_rate, 1),
        "ingest_vs_bare_loop": round(ingest_rate / bare_rate, 2), "ingest_vs_bare_goal": 0.7,
        "ingest_warm_pages_per_s": round(warm_rate, 1),
        "ingest_warm_vs_bare_loop": round(warm_rate / bare_rate, 2),
        "pool_start_round_s": round(rounds[0][0], 2),
        "peak_rss_mib_1x": round(once["peak_rss_mib"], 1),
        f"peak_rss_mib_{ROUNDS}x": round(many["peak_rss_mib"], 1),
        "command_line": bench_ingest_cli(tmp, files),
        **bench_ocr(tmp),
    }


def bench_ocr(tmp: Path) -> dict:
    from app import cases
    from app.extract import Source
    from app.extract.ocr import ocr_page, tesseract_available
    from app.extract.pdf import extract_pdf
    from app.ingest import ingest_paths
    from app.unlock import create_vault

    if not CORPUS.is_dir() or not tesseract_available():
        return {"ocr": "skipped (no corpus or no Tesseract)"}
    files = [CORPUS / name for name in OCR_FILES]
    jobs = [job for path in files for job in extract_pdf(Source(path.name, path=path)).ocr_jobs.values()]
    started = time.perf_counter()
    for job in jobs:
        ocr_page(job)
    single_s = (time.perf_counter() - started) / len(jobs)

    vault, _ = create_vault("bench-passphrase", tmp / "ocr-vault")
    started = time.perf_counter()
    report = ingest_paths(vault, cases.create_case(vault, "OCR"), files)
    pool_s = (time.perf_counter() - started) / max(1, sum(o.ocr_pages for o in report.outcomes))
    vault.lock()
    return {"ocr_pages": len(jobs), "ocr_s_per_page_one_process": round(single_s, 2),
            "ocr_ingest_s_per_page_with_pool": round(pool_s, 2)}
