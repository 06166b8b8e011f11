"""Casefile's two commands on any platform: set up .venv, then run the app or the tests.

    python3 packaging/dev.py run      (Windows: py packaging\\dev.py run)
    python3 packaging/dev.py test
    python3 packaging/dev.py bench | lint | setup

``make run`` and ``make test`` call this on Linux. The set-up is idempotent: a stamp named by a
hash of the requirements files skips pip when nothing changed. Only the standard library is used
here, so it runs before the virtual environment exists.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
REQUIREMENTS = ("requirements.txt", "requirements-dev.txt", "requirements-nodeps.txt")
TESSERACT_NOTE = ("Note: Tesseract is not installed, so scanned pages are read by the built-in OCR, in "
                  "English only. Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-eng; "
                  "macOS: brew install tesseract; Windows: the UB Mannheim installer.")


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def stamp() -> Path:
    digest = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in REQUIREMENTS)).hexdigest()[:16]
    return VENV / f".casefile-setup-{digest}"


def _run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    done = subprocess.run([str(part) for part in command], cwd=ROOT, env=env)
    if done.returncode:
        sys.exit(done.returncode)


def setup() -> Path:
    """The virtual environment with every pinned dependency; returns its Python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this runs under whatever python3 the user has
        sys.exit("Casefile needs Python 3.11 or newer.")
    python = venv_python()
    if stamp().is_file():
        return python
    if not python.is_file():
        done = subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT)
        if done.returncode:
            sys.exit("Could not create .venv: install the venv module "
                     "(Debian/Ubuntu: sudo apt-get install python3-venv).")
    _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(python, "-m", "pip", "install", "--quiet", "-r", "requirements-dev.txt")
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", "-r", "requirements-nodeps.txt")
    for old in VENV.glob(".casefile-setup-*"):
        old.unlink()
    stamp().touch()
    return python


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("setup", "run", "test", "bench", "eval", "lint"))
    parser.add_argument("rest", nargs=argparse.REMAINDER, help="passed on (e.g. pytest arguments)")
    args = parser.parse_args(argv)
    python = setup()
    # test runs share one converted copy of the embedded model (no document data in it)
    env = dict(os.environ, CASEFILE_TEST_MODELS=os.environ.get("CASEFILE_TEST_MODELS")
               or str(ROOT / ".cache" / "models"))
    if args.command == "run":
        if shutil.which("tesseract") is None:
            print(TESSERACT_NOTE)
        _run(python, "main.py", "models", "prepare")
        _run(python, "main.py", *args.rest)
    elif args.command == "test":
        _run(python, "-m", "pytest", *args.rest, env=env)
    elif args.command == "bench":
        _run(python, "-m", "tests.bench.run_bench", "--out", "bench-results.json", *args.rest, env=env)
    elif args.command == "eval":  # the embedded model's baseline, in a throw-away data folder
        out = ROOT / "eval-report"
        out.mkdir(exist_ok=True)
        for old in out.iterdir():
            old.unlink()
        with tempfile.TemporaryDirectory(prefix="casefile-eval-") as home:
            fresh = dict(env, CASEFILE_HOME=home, CASEFILE_MODELS=env["CASEFILE_TEST_MODELS"],
                         CASEFILE_PASSPHRASE="make-eval-" + secrets.token_hex(8))
            _run(python, "main.py", "models", "prepare", env=fresh)
            _run(python, "main.py", "eval", "--size", "standard", "--out", str(out), *args.rest, env=fresh)
    elif args.command == "lint":
        _run(python, "-m", "ruff", "check", ".", *args.rest)
        _run(python, "-c", "import sys; from importlinter.cli import lint_imports; "  # the layer contracts
                           "sys.exit(lint_imports(no_cache=True))")
    return 0


if __name__ == "__main__":
    sys.exit(main())
