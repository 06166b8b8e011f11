"""Lock after a while without use: any key, click or scroll in the app restarts the clock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

USE_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class IdleLock(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self.enabled = False

    def set_minutes(self, minutes: float) -> None:
        """``minutes`` without use before locking; 0: never."""
        app = QApplication.instance()
        if self.enabled:
            app.removeEventFilter(self)
        self.enabled = minutes > 0
        self._timer.stop()
        if self.enabled:
            self._timer.setInterval(int(max(minutes, 0.01) * 60_000))
            app.installEventFilter(self)
            self._timer.start()

    def restart(self) -> None:
        if self.enabled:
            self._timer.start()

    def stop(self) -> None:
        self.set_minutes(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt virtual
        if event.type() in USE_EVENTS:
            self._timer.start()
        return False
