"""Nothing leaves the machine: the CLI path opens no internet socket (seen from outside, by
strace, so native code is covered too), runs with no network at all, and the in-process guard
refuses what Python code might try."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
CLI_PATH = [  # the whole headless path: read, plan, answer, export the audit log
    ("ingest", "--case", "Offline", "{demo}"),
    ("plan", "--case", "Offline"),
    ("ask", "--case", "Offline", "What is the price of one box?", "--max-tokens", "12"),
    ("audit", "export", "--out", "{export}"),
]


def _commands(demo_dir, tmp_path):
    for args in CLI_PATH:
        yield [a.format(demo=demo_dir, export=tmp_path / "audit-export") for a in args]


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_cli_path_opens_no_internet_socket(demo_dir, embedded_model, tmp_path):
    for number, args in enumerate(_commands(demo_dir, tmp_path)):
        log = tmp_path / f"strace-{number}.log"
        result = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(log),
                                 sys.executable, str(ROOT / "main.py"), *args],
                                capture_output=True, text=True, timeout=600, cwd=ROOT)
        assert result.returncode == 0, (args, result.stderr[-2000:])
        calls = log.read_text()
        assert "socket(" in calls or args[0] != "ask", "strace saw nothing: is it tracing?"
        internet = [line for line in calls.splitlines() if re.search(r"AF_INET6?\b", line)]
        assert internet == [], (args, internet[:5])


def _no_network_available() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _no_network_available(), reason="this machine does not allow `unshare -rn`")
def test_the_cli_path_works_with_no_network_at_all(demo_dir, embedded_model, tmp_path):
    for args in _commands(demo_dir, tmp_path):
        result = subprocess.run(["unshare", "-rn", sys.executable, str(ROOT / "main.py"), *args],
                                capture_output=True, text=True, timeout=600, cwd=ROOT)
        assert result.returncode == 0, (args, result.stderr[-2000:])
    assert json.loads((tmp_path / "audit-export" / "manifest.json").read_text())["count"] > 0


GUARD_SCRIPT = r"""
import socket, sys
from inference.offline import guard_network
guard_network()
for attempt in (lambda: socket.getaddrinfo("telemetry.example.com", 443),
                lambda: socket.create_connection(("93.184.216.34", 443), timeout=1)):
    try:
        attempt()
        print("CONNECTED")
    except PermissionError as refused:
        print("refused:", refused)
"""


def test_the_guard_refuses_python_connections_and_logs_them():
    result = subprocess.run([sys.executable, "-c", GUARD_SCRIPT], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert "CONNECTED" not in result.stdout
    assert result.stdout.count("refused:") == 2
    assert "refused a name lookup of telemetry.example.com" in result.stderr


def test_the_self_test_reports_every_check(embedded_model):
    from tests.conftest import run_cli

    result = run_cli("selftest", "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["ok"], report
    assert [c["name"] for c in report["checks"]] == ["Encrypted vault", "OCR", "Old office formats",
                                                     "Model and worker restart", "Network"]
    assert "refused" not in result.stderr  # the network check's own refusal is not logged as news
