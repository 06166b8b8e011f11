"""Windows and macOS are where our users work: nothing POSIX-only is imported or called unguarded.

- Every import of a POSIX-only module (``resource``, ``fcntl``, ``pwd``, ``grp``, ``termios``,
  ``pty``, ``tty``) and every POSIX-only call (``os.fork``, ``os.setsid``, ``os.killpg``,
  ``os.getuid``, ``prctl``) sits under a platform check or an ImportError guard, read from the
  source.
- Every module of ``app``, ``ui``, ``inference`` and ``storage`` imports in a fresh interpreter
  where those modules do not exist, as on Windows.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "ui", "inference", "storage")
POSIX_MODULES = ("resource", "fcntl", "pwd", "grp", "termios", "pty", "tty")
POSIX_CALLS = ("fork", "setsid", "killpg", "getuid", "geteuid", "getpgid", "chown", "prctl")


def _sources() -> list[Path]:
    return [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))] + [ROOT / "main.py"]


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Under ``if sys.platform ...`` / ``if os.name ...`` or in a ``try`` that catches ImportError."""
    while node in parents:
        node = parents[node]
        test = ast.unparse(node.test) if isinstance(node, ast.If) else ""
        if any(word in test for word in ("platform", "os.name")):
            return True
        if isinstance(node, ast.Try) and any(
                handler.type is None or any(name in ast.unparse(handler.type)
                                            for name in ("ImportError", "AttributeError", "OSError"))
                for handler in node.handlers):
            return True
        if isinstance(node, ast.FunctionDef) and node.name.startswith(("_posix", "_linux", "_unix")):
            return True
    return False


def _early_return_guard(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """A function that returns early on Windows before the POSIX-only lines (harden_process)."""
    function = node
    while function in parents and not isinstance(function, ast.FunctionDef):
        function = parents[function]
    if not isinstance(function, ast.FunctionDef):
        return False
    for statement in function.body:
        if getattr(statement, "lineno", 0) >= node.lineno:
            return False
        if (isinstance(statement, ast.If) and "win32" in ast.unparse(statement.test)
                and any(isinstance(s, ast.Return) for s in statement.body)):
            return True
    return False


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_posix_only_code_is_guarded(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    unguarded = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module.split(".")[0]]
        elif isinstance(node, ast.Attribute) and node.attr in POSIX_CALLS and isinstance(node.ctx, ast.Load):
            owner = ast.unparse(node.value)
            names = [f"{owner}.{node.attr}"] if owner in ("os", "signal") or node.attr == "prctl" else []
        flagged = [n for n in names if n in POSIX_MODULES or "." in n]
        if flagged and not (_guarded(node, parents) or _early_return_guard(node, parents)):
            unguarded.append(f"line {node.lineno}: {', '.join(flagged)}")
    assert not unguarded, unguarded


IMPORT_ALL = """
import importlib, pkgutil, sys
# the third-party libraries first, as they are (their Windows builds do not need these modules)
import torch, transformers, PySide6.QtWidgets, pymupdf, sqlalchemy, sqlcipher3, multiprocessing.pool, psutil
for name in {posix!r}:
    sys.modules[name] = None  # import now raises ImportError, as on Windows
failed = []
for package in {packages!r}:
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, package + "."):
        if ".migrations." in module.name:
            continue  # Alembic's scripts, loaded by Alembic itself
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failed.append(f"{{module.name}}: {{type(exc).__name__}}: {{exc}}")
print("\\n".join(failed))
"""


def test_every_module_imports_without_posix_only_modules():
    script = IMPORT_ALL.format(posix=POSIX_MODULES, packages=PACKAGES)
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", done.stdout


def test_owner_only_uses_mode_bits_here_and_an_access_list_on_windows(tmp_path):
    from storage.owner_only import icacls_command, make_private

    folder, file = tmp_path / "data", tmp_path / "data" / "vault.db"
    folder.mkdir()
    file.write_bytes(b"x")
    make_private(folder)
    make_private(file)
    if sys.platform != "win32":
        assert folder.stat().st_mode & 0o777 == 0o700 and file.stat().st_mode & 0o777 == 0o600
    command = icacls_command(folder, "LAW\\jane", folder=True)
    # inheritance removed and the grant replaced, so no group that could read the parent keeps access
    assert command == ["icacls", str(folder), "/inheritance:r", "/grant:r", "LAW\\jane:(OI)(CI)F", "/q"]
    assert icacls_command(file, "jane", folder=False)[4] == "jane:F"
