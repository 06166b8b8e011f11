"""Start the desktop app: check for a display, unlock (or create) the vault, show the window."""

from __future__ import annotations

import ctypes.util
import os
import signal
import sys

from app.config import startup_probe
from app.errors import CASEFILE_ERRORS, NoDisplay

# Platform plugins that need no screen (tests and checks start the real app this way).
HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}
# Qt's X11 plugin aborts the process without these; say which package is missing instead.
XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
                 "xcb-keysyms": "libxcb-keysyms1"}


def check_display() -> None:
    """Raise NoDisplay on a Linux box with no X11/Wayland display and no headless Qt platform."""
    if not sys.platform.startswith("linux"):
        return
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in HEADLESS_PLATFORMS:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise NoDisplay()
    if platform in ("", "xcb") and not os.environ.get("WAYLAND_DISPLAY"):
        missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
        if missing:
            raise NoDisplay(f"Qt needs system libraries for this X11 display: install "
                            f"{' '.join(missing)} (Debian/Ubuntu: sudo apt-get install {' '.join(missing)}).")


class TerminateHandler:
    """SIGTERM (a logout, a service manager, ``kill``) closes the app as its close button does:
    running work is cancelled, the write in flight finishes, the worker is stopped; one that
    comes while the unlock or recovery-key dialog is up ends the start. Python runs a signal
    handler only between bytecodes, so a light timer lets it in while Qt's loop waits. (Windows
    has no SIGTERM from outside: it sends WM_CLOSE, which Qt turns into the same close.)"""

    def __init__(self, app) -> None:
        self.requested = False
        if sys.platform == "win32":
            return
        from PySide6.QtCore import QTimer

        signal.signal(signal.SIGTERM, self._on_signal)
        self._app, self._wake = app, QTimer(app)
        self._wake.timeout.connect(lambda: None)
        self._wake.start(200)

    def _on_signal(self, _signum, _frame) -> None:
        from PySide6.QtCore import QTimer

        self.requested = True
        QTimer.singleShot(0, self._app.closeAllWindows)


def run_gui() -> int:
    try:
        check_display()
    except NoDisplay as exc:
        print(f"casefile: {exc.user_message}", file=sys.stderr)
        return 2

    from PySide6.QtWidgets import QApplication

    from app.settings import preferences
    from ui.main_window import MainWindow
    from ui.translations import install_language
    from ui.unlock_dialog import obtain_vault

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Casefile")
    app.setOrganizationName("Casefile")
    install_language()  # the system's language (or CASEFILE_LANGUAGE) for the unlock window
    terminate = TerminateHandler(app)
    try:
        vault = obtain_vault()
    except CASEFILE_ERRORS as exc:
        print(f"casefile: {exc.user_message}", file=sys.stderr)
        return 2
    if vault is None:
        return 1  # the user closed the unlock window
    if terminate.requested:
        vault.lock()
        return 0
    install_language(preferences(vault).language)  # before the window's words are made
    window = MainWindow(vault)
    window.show()
    if startup_probe():  # `make bench`: quit once the cases are on screen
        from PySide6.QtCore import QTimer

        window.cases_loaded.connect(lambda _cases: QTimer.singleShot(0, app.quit))
    code = app.exec()
    if not window.vault.locked:  # the window's vault: a new one after a lock and unlock
        window.vault.lock()
    return code
