"""Run case work off the GUI thread; results come back through queued signals.

All vault work goes through one single-thread pool (one writer, as Anki's collection executor):
callables never touch widgets, and the GUI never waits on them. Each task has one ``done`` or
one ``failed`` that always fires, and may report ``progress`` any number of times.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("casefile.ui")

Report = Callable[[Any], None]


class TaskSignals(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[Report], Any], signals: TaskSignals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except BaseException as exc:
            log.debug("background task failed", exc_info=True)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Queue of background work, one task at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._live: set[TaskSignals] = set()

    def submit(
        self,
        work: Callable[[Report], Any],
        *,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> TaskSignals:
        signals = TaskSignals()
        self._live.add(signals)
        signals.done.connect(on_done)
        signals.failed.connect(on_failed)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        signals.done.connect(lambda _r: self._live.discard(signals))
        signals.failed.connect(lambda _e: self._live.discard(signals))
        self._pool.start(_Task(work, signals))
        return signals

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
