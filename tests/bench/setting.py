"""What every benchmark run shares: a throw-away data folder set up as the app sets up its own,
the facts of the machine it ran on, and the one results file the runs add to."""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def prepare_home(tmp: Path) -> None:
    """Point the app at a data folder in ``tmp`` (models shared with the tests), offline."""
    os.environ["CASEFILE_HOME"] = str(tmp / "home")
    os.environ.setdefault("CASEFILE_MODELS", os.environ.get("CASEFILE_TEST_MODELS")
                          or str(ROOT / ".cache" / "models"))
    from inference.offline import apply_offline_env

    apply_offline_env(Path(os.environ["CASEFILE_HOME"]))


def run_facts() -> dict:
    return {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": {"python": sys.version.split()[0], "platform": platform.platform(),
                        "cpus": os.cpu_count()}}


def write_results(out: Path, results: dict, keep: tuple[str, ...] = ()) -> None:
    """Write ``results`` to ``out``, keeping the entries named in ``keep`` from the file there."""
    if out.is_file():
        previous = json.loads(out.read_text(encoding="utf-8"))
        results = {**{k: previous[k] for k in keep if k in previous}, **results}
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
