"""Driving the real window from a script (the screenshots, the UI benchmark): start something,
then run the event loop until the window says it is done."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def wait_for(signal, start: Callable[[], object], timeout_s: float = 600):
    """Call ``start``, run the event loop until ``signal`` fires (or the timeout), return its value."""
    loop, result = QEventLoop(), []

    def done(*args) -> None:
        result.append(args[0] if args else None)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(0, start)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(done)
    return result[0] if result else None


def open_new_case(window, name: str, timeout_s: float = 30) -> None:
    """Create a case and wait until it is the one selected (a list refresh for another case may
    come first)."""
    window.create_case(name)
    deadline = time.monotonic() + timeout_s
    while not (window.current_case and window.current_case.name == name) and time.monotonic() < deadline:
        QApplication.processEvents()
