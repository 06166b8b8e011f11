"""The dependency rules of DESIGN.md, read from the source (cf. napari's import-linter contracts).

ui -> app -> {storage, inference.client}; only ui imports PySide6; only the worker side
(inference.worker, engine, convert and their helpers) imports torch or transformers. ``app.errors`` is the one
leaf of ``app`` that storage and inference may import: it roots the single error hierarchy.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"torch", "transformers", "accelerate", "gguf", "safetensors"}
QT = {"PySide6", "shiboken6"}
WORKER_SIDE = {"inference/worker.py", "inference/engine.py", "inference/convert.py",
               "inference/prefix_cache.py", "inference/inprocess.py", "inference/kv_cache.py",
               "inference/cpu_kernels.py"}


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _sources(*packages: str) -> list[Path]:
    return [p for pkg in packages for p in sorted((ROOT / pkg).rglob("*.py"))]


def _top(name: str) -> str:
    return name.split(".")[0]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", _sources("app", "storage", "inference"), ids=_rel)
def test_only_ui_imports_qt(path):
    assert not {_top(n) for n in _imports(path)} & QT


@pytest.mark.parametrize("path", _sources("ui", "app", "storage", "inference"), ids=_rel)
def test_ui_process_never_imports_torch_or_transformers(path):
    if _rel(path) in WORKER_SIDE:
        pytest.skip("worker-side module")
    assert not {_top(n) for n in _imports(path)} & HEAVY


@pytest.mark.parametrize("path", _sources("ui"), ids=_rel)
def test_ui_talks_to_app_only(path):
    forbidden = ("storage", "inference.worker", "inference.engine", "inference.convert")
    bad = {n for n in _imports(path) if n == "storage" or n.startswith(forbidden)}
    assert not bad


@pytest.mark.parametrize("path", _sources("storage", "inference"), ids=_rel)
def test_storage_and_inference_use_only_app_errors(path):
    names = _imports(path)
    assert {n for n in names if _top(n) == "app"} <= {"app.errors"}
    assert not {n for n in names if _top(n) == "ui"}


@pytest.mark.parametrize("path", _sources("app"), ids=_rel)
def test_app_never_imports_ui(path):
    assert not {n for n in _imports(path) if _top(n) == "ui"}


def test_the_rules_see_the_worker_importing_torch():
    """Guard against a vacuous check: the parser must find the imports we know are there."""
    assert "torch" in {_top(n) for n in _imports(ROOT / "inference" / "engine.py")}
    assert "PySide6.QtWidgets" in _imports(ROOT / "ui" / "main_window.py")
