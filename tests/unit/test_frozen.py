"""Helper processes start the same way from source and frozen (PyInstaller): the frozen program
runs itself with --run-module, and only Casefile's own helpers can be run so."""

import sys

import pytest

from app.frozen import python_command, run_helper_module
from inference.client import worker_command


def test_from_source_helpers_are_python_dash_m():
    assert python_command("inference.convert") == [sys.executable, "-m", "inference.convert"]
    assert worker_command() == [sys.executable, "-m", "inference.worker"]
    assert worker_command("/opt/py") == ["/opt/py", "-m", "inference.worker"]


def test_frozen_helpers_run_the_program_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert python_command("inference.convert") == [sys.executable, "--run-module", "inference.convert"]
    assert worker_command() == [sys.executable, "--run-module", "inference.worker"]


def test_frozen_windows_helpers_use_the_console_twin(monkeypatch, tmp_path):
    """The desktop Casefile.exe has no console; its helpers talk over pipes, so they start from
    casefile-cli.exe beside it (packaging/casefile.spec builds both)."""
    desktop = tmp_path / "Casefile.exe"
    desktop.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(desktop))
    assert worker_command()[0] == str(desktop)  # no twin (Linux, macOS): the program itself
    (tmp_path / "casefile-cli.exe").write_bytes(b"")
    assert worker_command()[0] == str(tmp_path / "casefile-cli.exe")
    assert python_command("inference.convert")[:2] == [str(tmp_path / "casefile-cli.exe"), "--run-module"]


def test_only_casefiles_helpers_can_be_run(capsys):
    with pytest.raises(ValueError):
        python_command("os")
    assert run_helper_module(["--run-module", "http.server"]) == 2
    assert "takes one of" in capsys.readouterr().err
    assert run_helper_module(["ask", "--case", "x"]) is None  # an ordinary command line
