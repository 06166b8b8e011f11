"""The UI process as users start it: no torch or transformers in it, and a clear no-display exit."""

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, run_cli

# Builds the real window offscreen, ingests the demo and asks through the worker, then reports
# which heavy modules the UI process has loaded.
UI_SCRIPT = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from app.unlock import create_vault
from ui.main_window import MainWindow

app = QApplication([])
window = MainWindow(create_vault("ui-process-test")[0])
window.show()
def wait(signal, start):
    loop = QEventLoop()
    result = []
    signal.connect(lambda r: (result.append(r), loop.quit()))
    QTimer.singleShot(0, start)
    QTimer.singleShot(240000, loop.quit)
    loop.exec()
    return result[0] if result else None
wait(window.case_opened, lambda: window.create_case("Demo"))
wait(window.ingest_finished, lambda: window.add_documents([Path(sys.argv[1])]))
answer = wait(window.answer_finished, lambda: window.ask_question(sys.argv[2]))
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {"torch", "transformers", "accelerate"})
print(json.dumps({"answer": getattr(answer, "text", repr(answer)), "heavy": heavy}))
window.close()
"""


@pytest.mark.slow
def test_ui_process_never_imports_torch_or_transformers(demo_dir, embedded_model):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", UI_SCRIPT, str(demo_dir), "What is the price of one box?"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["answer"]  # a real answer came back through the worker
    assert report["heavy"] == []


def test_without_a_display_the_app_says_what_to_do(monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    result = run_cli()
    assert result.returncode == 2
    message = result.stderr.strip()
    assert message.count("\n") == 0
    assert "needs a display" in message and "QT_QPA_PLATFORM=offscreen" in message and "ingest" in message


def test_with_an_offscreen_display_the_app_starts_and_stays_up(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(6)
        assert proc.poll() is None, proc.stderr.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows closes windows with WM_CLOSE, not SIGTERM")
def test_sigterm_closes_the_app_promptly_and_leaves_the_vault_intact(monkeypatch):
    """The bound only catches a hang; the figure printed is what a user would wait."""
    from app.unlock import create_vault, unlock_vault
    from tests.conftest import TEST_PASSPHRASE

    create_vault(TEST_PASSPHRASE)[0].lock()
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py")], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # unlocked, the window up and its cases loaded
        assert proc.poll() is None, proc.stderr.read()
        started = time.monotonic()
        proc.terminate()
        code = proc.wait(timeout=10)
        seconds = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
    print(f"SIGTERM to exit: {seconds:.2f} s")
    assert code == 0 and seconds < 5
    vault = unlock_vault(TEST_PASSPHRASE)
    assert vault.verify_audit().ok
    vault.lock()


def test_missing_x11_libraries_are_named_instead_of_a_qt_abort(monkeypatch):
    from app.errors import NoDisplay
    from ui import launch

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(launch.ctypes.util, "find_library",
                        lambda name: None if name == "xcb-icccm" else name)
    with pytest.raises(NoDisplay) as caught:
        launch.check_display()
    assert "libxcb-icccm4" in caught.value.user_message and "libxcb-cursor0" not in caught.value.user_message
