import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def window(qtbot, vault):
    """The real main window on a fresh vault, its case list loaded."""
    from ui.main_window import MainWindow

    win = MainWindow(vault, auto_lock_minutes=0)
    qtbot.addWidget(win)
    qtbot.waitSignal(win.cases_loaded, timeout=10_000)
    yield win
    win.close()


def open_new_case(window, qtbot, name):
    window.create_case(name)
    qtbot.waitUntil(lambda: window.current_case is not None and window.current_case.name == name,
                    timeout=20_000)
    qtbot.wait(50)  # its documents and gauge are loading behind it
