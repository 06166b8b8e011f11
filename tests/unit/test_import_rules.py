"""The dependency rules of ARCHITECTURE.md, as import-linter contracts (pyproject.toml,
``[tool.importlinter]``), checked on the real import graph: ui -> app -> {storage, the client side
of inference}, never upward; ui imports app only; only ui imports Qt; only the worker side imports
torch and transformers; no import cycles between the modules of a package. (napari keeps its
layers the same way.) ``tests/ui/test_ui_process.py`` checks the live UI process too."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECK = ("import sys; from importlinter.cli import lint_imports; "
         "sys.exit(lint_imports(no_cache=True, no_logo=True))")


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CHECK], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_every_contract_is_kept():
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    assert done.stdout.count(" KEPT") == len(contracts) >= 5


def test_a_broken_rule_is_caught(tmp_path):
    """Not vacuous: a copy of the code where storage imports app, and app imports Qt, fails."""
    import shutil

    for package in ("app", "ui", "storage", "inference"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / "storage" / "records.py").open("a", encoding="utf-8") as handle:
        handle.write("\nimport app.cases  # noqa\n")
    with (tmp_path / "app" / "config.py").open("a", encoding="utf-8") as handle:
        handle.write("\nimport PySide6  # noqa\n")
    done = _lint(tmp_path)
    assert done.returncode != 0
    assert "storage.records -> app.cases" in done.stdout and "app.config -> PySide6" in done.stdout
