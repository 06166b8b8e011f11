"""Production import, side by side in one run: the fictional volume (30 documents, 56 pages) read
through its load files (produced text, one page OCR'd, images kept as PDFs) against the same
page images added as loose TIFFs (every page OCR'd, no Bates numbers, no families); and "Go to
Bates" on the imported case."""

from __future__ import annotations

import shutil
import time
from pathlib import Path


def bench_production(tmp: Path) -> dict:
    from app import cases
    from app.bates_lookup import find_bates
    from app.ingest import ingest_paths
    from app.unlock import create_vault
    from assets.production.make_production import make_production

    volume = make_production(tmp / "production")
    loose = tmp / "loose-images"
    shutil.copytree(volume / "IMAGES", loose)
    vault, _ = create_vault("bench-passphrase", tmp / "production-home")
    started = time.perf_counter()
    imported = ingest_paths(vault, cases.create_case(vault, "volume"), [volume])
    volume_s = time.perf_counter() - started
    started = time.perf_counter()
    as_files = ingest_paths(vault, cases.create_case(vault, "loose"), [loose])
    loose_s = time.perf_counter() - started
    case = cases.open_case(vault, "volume")
    lookups = []
    for query in ("ABC0000024", "ABC0000001-ABC0000060"):
        started = time.perf_counter()
        hits = len(find_bates(vault, case, query).hits)
        elapsed_ms = (time.perf_counter() - started) * 1000
        lookups.append({"query": query, "pages": hits, "ms": round(elapsed_ms, 1)})
    return {
        "volume": {"documents": imported.count("ingested"), "pages": imported.pages,
                   "seconds": round(volume_s, 2), "pages_per_s": round(imported.pages / volume_s, 1),
                   "findings": len(imported.productions[0].findings)},
        "loose_images": {"documents": as_files.count("ingested"), "pages": as_files.pages,
                         "seconds": round(loose_s, 2), "pages_per_s": round(as_files.pages / loose_s, 1)},
        "speedup_load_files_vs_loose_ocr": round(loose_s / volume_s, 1),
        "go_to_bates": lookups,
    }
