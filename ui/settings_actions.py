"""Open the settings, save them, test the site's server, and apply the theme and auto-lock.

The vault reads and writes, and the connection test, run on the window's background runner.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from app import cache_admin
from app.evaluation import build_suite, last_qualification, run_eval, write_signed_report
from app.extract.ocr import installed_languages
from app.models import default_model_id, import_model, list_models, model_session, set_default_model
from app.settings import (
    check_remote_backend,
    preferences,
    remote_backend,
    set_preferences,
    set_remote_backend,
)
from ui.settings_dialog import SettingsDialog

SCHEMES = {"system": Qt.ColorScheme.Unknown, "light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}


def apply_theme(theme: str) -> None:
    """Follow the OS light/dark scheme ("system"), or force one."""
    QGuiApplication.styleHints().setColorScheme(SCHEMES.get(theme, Qt.ColorScheme.Unknown))


def qualifications(vault) -> dict[str, str]:
    """Each ready model's last qualification, in a line."""
    found = {m.model_id: last_qualification(vault, m.model_id, m.weights_sha256) for m in list_models()}
    return {model_id: q.phrase() for model_id, q in found.items() if q is not None}


class SettingsActions(QObject):
    saved = Signal(object)  # the Preferences now in force
    imported = Signal(object)  # the ModelInfo of a model just imported

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: SettingsDialog | None = None

    def open(self) -> None:
        vault = self.window.vault
        device = self.window.engine_status.text()
        self.window.in_background(
            lambda: (preferences(vault), remote_backend(vault), list_models(), installed_languages(),
                     default_model_id(vault), cache_admin.listing(vault), qualifications(vault)),
            lambda loaded: self._show(*loaded, device))

    def _show(self, prefs, remote, models, languages, default_model, caches, qualified, device) -> None:
        self.dialog = SettingsDialog(prefs, remote, models, languages, device, self.window,
                                     default_model=default_model, caches=caches, qualifications=qualified)
        self.dialog.test_requested.connect(self.test)
        self.dialog.clear_caches_requested.connect(self.clear_caches)
        self.dialog.save_requested.connect(self.save)
        self.dialog.import_requested.connect(self.import_folder)
        self.dialog.qualify_requested.connect(self.qualify)
        self.dialog.stop_qualify_requested.connect(self.stop_qualifying)
        self.dialog.save_report_requested.connect(self.save_report)
        self.dialog.open()

    def qualify(self, model_id: str) -> None:
        """The standard suite on the runner, for ``model_id`` (a session of its own, closed after);
        a run of it that was stopped resumes where it stopped."""
        dialog, vault, stop = self.dialog, self.window.vault, threading.Event()
        self._stop_qualifying = stop
        self._qualifying_session = session = model_session(vault, model_id or None)
        started = time.monotonic()

        def progress(step) -> None:
            done, total = step
            elapsed = time.monotonic() - started
            dialog.show_qualifying(done, total, elapsed / done * (total - done) if done else None)

        def work(report):
            try:
                result = run_eval(vault, session, size="standard", should_stop=stop.is_set, resume=True,
                                  on_item=lambda _result, done, total: report((done, total)))
                return result, session.ready.device if session.ready else ""
            finally:
                session.close()

        def done(result) -> None:
            self._last_run = result  # (report, backend), for "Save signed report…"
            dialog.show_qualified(result[0])

        dialog.show_qualifying(0, sum(len(s.items) for s in build_suite("standard")), None)
        self.window.runner.submit(work, on_progress=progress, on_done=done, on_failed=dialog.show_qualified)

    def save_report(self, folder) -> None:
        (report, backend), vault = self._last_run, self.window.vault
        self.window.in_background(lambda: write_signed_report(vault, report, folder, backend=backend),
                                  self.dialog.show_report_saved, on_failed=self.dialog.show_report_saved)

    def stop_qualifying(self) -> None:
        if getattr(self, "_stop_qualifying", None) is not None:
            self._stop_qualifying.set()
            self._qualifying_session.cancel()  # the question being answered stops too

    def import_folder(self, folder) -> None:
        dialog, vault = self.dialog, self.window.vault
        dialog.import_button.setEnabled(False)
        self.window.runner.submit(lambda report: import_model(vault, folder, on_progress=report),
                                  on_progress=dialog.show_import_progress, on_done=self._imported,
                                  on_failed=dialog.show_imported)

    def _imported(self, model) -> None:
        self.dialog.show_imported(model)
        self.imported.emit(model)

    def clear_caches(self) -> None:
        dialog, vault = self.dialog, self.window.vault

        def work():
            cache_admin.clear(vault)
            return cache_admin.listing(vault)

        self.window.in_background(work, dialog.show_caches, on_failed=dialog.show_caches)

    def test(self, backend) -> None:
        dialog = self.dialog
        self.window.in_background(lambda: check_remote_backend(backend), dialog.show_test,
                                  on_failed=dialog.show_test)

    def save(self, prefs, backend) -> None:
        vault, dialog, previous = self.window.vault, self.dialog, None
        model_id, model_changed = dialog.chosen_model(), False

        def work():
            nonlocal previous, model_changed
            previous = remote_backend(vault)
            if backend is not None and backend != previous:
                check_remote_backend(backend)
            saved = set_preferences(vault, prefs)
            cache_admin.enforce(vault)  # a smaller budget applies at once
            if backend != previous:
                set_remote_backend(vault, backend)
            if model_id and model_id != default_model_id(vault):
                set_default_model(vault, model_id)
                model_changed = True
            return saved

        def done(saved) -> None:
            dialog.show_saved(saved)
            self.apply(saved, backend_changed=backend != previous or model_changed)

        self.window.in_background(work, done, on_failed=dialog.show_saved)

    def apply(self, prefs, *, backend_changed: bool = False) -> None:
        apply_theme(prefs.theme)
        self.window.set_auto_lock(prefs.auto_lock_minutes)
        if backend_changed:
            self.window.restart_model()  # the next question goes to the newly chosen backend or model
            self.window.refresh_documents(keep_chat=True)  # the gauge shows that model's window
        self.saved.emit(prefs)
