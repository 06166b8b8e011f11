"""Shared fixtures. Every test gets its own data folder and passphrase (an autouse fixture, as
simonw/llm does); all tests share one converted copy of the embedded model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TEST_PASSPHRASE = "test-passphrase-1"


def shared_models_dir() -> Path:
    return Path(os.environ.get("CASEFILE_TEST_MODELS") or ROOT / ".cache" / "models")


@pytest.fixture(autouse=True)
def casefile_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "casefile-home"
    monkeypatch.setenv("CASEFILE_HOME", str(home))
    monkeypatch.setenv("CASEFILE_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("CASEFILE_MODELS", str(shared_models_dir()))
    return home


@pytest.fixture(scope="session")
def embedded_model():
    """The embedded model, converted into the shared store on first use (~30 s once)."""
    from app.models.store import prepare_embedded

    return prepare_embedded(shared_models_dir())


@pytest.fixture
def model_folder(tmp_path, embedded_model):
    """A tiny random Qwen3.5 model saved as a real transformers folder, with the embedded tokenizer."""
    from tests.fixtures.tiny_models import write_model_folder

    folder = tmp_path / "usb" / "tiny-qwen"
    write_model_folder(folder, embedded_model.path)
    return folder


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assets.demo.make_demo_pdfs import render

    folder = tmp_path_factory.mktemp("demo-case")
    render(folder)
    return folder


@pytest.fixture
def vault(casefile_home: Path):
    from storage.vault import Vault

    opened, _recovery_key = Vault.create(casefile_home, TEST_PASSPHRASE)
    yield opened
    opened.lock()


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not beside this checkout ({CORPUS})")
    return CORPUS


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python main.py ARGS`` as a user would, with this test's environment."""
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=timeout, cwd=ROOT)
