"""A production at scale, in one run: generated text-only volumes of 10,000 and 100,000 pages
(2,000 and 20,000 documents: load files and text, ``scale_volume``) imported into fresh vaults,
each in a process of its own so its peak memory is its own; then, on the 100,000-page case, the
median time of a word, a phrase and a fielded search, of "Go to Bates", and of saving a review
set from a 1,000-hit search.

Goals (issue #24): import memory at most 1 GiB and flat in volume size; search at most 200 ms
median; Go to Bates at most 5 ms.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"10k_pages": 2_000, "100k_pages": 20_000}  # documents of five pages
QUERIES = {"word": "lisinopril", "phrase": '"quarterly inspection report"',
           "fielded": 'shipment custodian:"Ellen Park" date:2024-03'}
RUNS = 7

_IMPORT = """
import json, resource, sys, time
from pathlib import Path
from app import cases
from app.ingest import ingest_paths
from app.unlock import create_vault
home, volume = Path(sys.argv[1]), Path(sys.argv[2])
vault, _ = create_vault("bench-passphrase", home)
started = time.perf_counter()
report = ingest_paths(vault, cases.create_case(vault, "scale"), [volume])
seconds = time.perf_counter() - started
# VmHWM: this process's own peak since exec (ru_maxrss would count the bench process it was forked
# from); RUSAGE_CHILDREN: the largest reading process it started, if any.
with open("/proc/self/status") as status:
    own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"documents": report.count("ingested"), "pages": report.pages, "seconds": round(seconds, 1),
                  "pages_per_s": round(report.pages / seconds), "peak_mib": round(peak / 1024)}))
"""


def _import(tmp: Path, name: str, documents: int) -> dict:
    from tests.bench.scale_volume import write_volume

    volume = write_volume(tmp / f"volume-{name}", documents)
    done = subprocess.run([sys.executable, "-c", _IMPORT, str(tmp / f"home-{name}"), str(volume)],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median_ms(work, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def bench_scale(tmp: Path) -> dict:
    imports = {name: _import(tmp, name, documents) for name, documents in SIZES.items()}
    from app import cases
    from app.bates_lookup import find_bates
    from app.review_sets import save_from_search
    from app.search import search
    from app.unlock import unlock_vault

    vault = unlock_vault("bench-passphrase", tmp / "home-100k_pages")
    case = cases.open_case(vault, "scale")
    searches = {}
    for kind, query in QUERIES.items():
        found = search(vault, case, query)
        searches[kind] = {"query": query, "pages": found.pages, "documents": found.documents,
                          "median_ms": _median_ms(lambda q=query: search(vault, case, q))}
    bates = {"single": "SCL00050003", "range": "SCL00050001-SCL00050100"}
    go_to_bates = {kind: {"query": query, "pages": len(find_bates(vault, case, query).hits),
                          "median_ms": _median_ms(lambda q=query: find_bates(vault, case, q), runs=21)}
                   for kind, query in bates.items()}
    started = time.perf_counter()
    chosen = save_from_search(vault, case, "Lisinopril", QUERIES["word"])
    set_ms = round((time.perf_counter() - started) * 1000)
    small, large = imports["10k_pages"], imports["100k_pages"]
    return {
        "import": imports,
        "memory_ratio_100k_vs_10k": round(large["peak_mib"] / small["peak_mib"], 2),
        "search_100k_pages": searches,
        "go_to_bates_100k_pages": go_to_bates,
        "review_set_from_search": {"query": QUERIES["word"], "pages": searches["word"]["pages"],
                                   "documents": len(chosen.documents), "ms": set_ms},
    }


if __name__ == "__main__":  # this part alone, its figures merged into bench-results.json
    import tempfile

    from tests.bench.setting import prepare_home, write_results

    with tempfile.TemporaryDirectory(prefix="casefile-bench-scale-") as folder:
        prepare_home(Path(folder))
        figures = bench_scale(Path(folder))
    out = ROOT / "bench-results.json"
    kept = tuple(json.loads(out.read_text(encoding="utf-8"))) if out.is_file() else ()
    write_results(out, {"scale": figures}, keep=kept)
    print(json.dumps(figures, indent=2))
