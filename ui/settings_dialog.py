"""Settings: the model store, the backend (local, or the site's OpenAI-compatible server with a
connection test), the device, the kept document caches (what they take and save, their disk
budget, clear), how answers are written (quote first, or free), OCR languages, auto-lock and theme.

Everything is kept in the vault and audited (never in Qt's plain-text settings files). The
dialog only collects values; the window saves them, and tests the server, in the background.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from app.safe_text import shown
from app.settings import ANSWER_STYLES, OCR_QUALITIES, THEMES, Preferences, RemoteBackend
from ui.colours import tone
from ui.file_dialogs import ask_paths
from ui.text import error_text, fill
from ui.translations import LANGUAGES


class SettingsDialog(QDialog):
    save_requested = Signal(object, object)  # Preferences, RemoteBackend | None
    import_requested = Signal(object)  # the Path of a model folder
    test_requested = Signal(object)  # RemoteBackend
    clear_caches_requested = Signal()
    qualify_requested = Signal(str)  # the model id
    stop_qualify_requested = Signal()
    save_report_requested = Signal(object)  # the folder for the last run's signed report

    def __init__(self, preferences: Preferences, remote: RemoteBackend | None, models: list,
                 languages: list[str], device: str, parent=None, default_model: str = "",
                 caches=None, qualifications: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)

        store = QGroupBox(self.tr("Models on this computer"))
        store_layout = QVBoxLayout(store)
        self.default_model = QComboBox()  # the local model questions and tasks use
        for model in models or []:  # an imported model's id and licence come from its folder
            self.default_model.addItem(shown(model.model_id), model.model_id)
            facts = fill(self.tr("%1 — window %2 tokens, %3 MiB, %4, sha256 %5…"), shown(model.model_id),
                         f"{model.window:,}", f"{model.size_bytes / 2**20:,.0f}", shown(model.license),
                         model.weights_sha256[:12])
            store_layout.addWidget(QLabel(facts, textFormat=Qt.TextFormat.PlainText))
            qualified = (qualifications or {}).get(model.model_id) or self.tr(
                "not qualified yet (python main.py eval --model %1)").replace("%1", model.model_id)
            store_layout.addWidget(QLabel("    " + shown(qualified), textFormat=Qt.TextFormat.PlainText))
        if not models:
            store_layout.addWidget(QLabel(self.tr("No model is ready yet.")))
        else:
            if default_model and self.default_model.findData(default_model) < 0:  # kept, never replaced
                self.default_model.insertItem(0, fill(self.tr("%1 (not prepared yet)"), default_model),
                                              default_model)
            self.default_model.setCurrentIndex(max(0, self.default_model.findData(default_model)))
            chooser = QFormLayout()
            chooser.addRow(self.tr("Answer with:"), self.default_model)
            store_layout.addLayout(chooser)
            qualify = QHBoxLayout()
            self.qualify_button = QPushButton(self.tr("Qualify this model…"))
            self.qualify_button.setToolTip(self.tr("Measure its answers on the generated legal and clinical "
                                                   "suite (the standard size, a few minutes on a CPU); a "
                                                   "stopped run resumes where it stopped"))
            self.qualify_button.clicked.connect(lambda: self.qualify_requested.emit(self.chosen_model()))
            self.stop_qualify = QPushButton(self.tr("Stop"), enabled=False)
            self.stop_qualify.clicked.connect(self.stop_qualify_requested.emit)
            self.save_report = QPushButton(self.tr("Save signed report…"), enabled=False)
            self.save_report.setToolTip(self.tr("The last run's report (PDF and JSON), signed with this "
                                                "vault's key; `python main.py eval --verify DIR` checks it"))
            self.save_report.clicked.connect(self._choose_report_folder)
            qualify.addWidget(self.qualify_button)
            qualify.addWidget(self.stop_qualify)
            qualify.addWidget(self.save_report)
            qualify.addStretch(1)
            store_layout.addLayout(qualify)
            self.qualify_status = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
            store_layout.addWidget(self.qualify_status)
        store_layout.addWidget(QLabel(fill(self.tr("Device: %1"), device), wordWrap=True))
        self.import_button = QPushButton(self.tr("Import a model folder…"))
        self.import_button.setToolTip(self.tr("From removable media: configuration, tokenizer and "
                                              ".safetensors files only, checked and hashed before use"))
        self.import_button.clicked.connect(self._choose_model_folder)
        self.import_status = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        store_layout.addWidget(self.import_button)
        store_layout.addWidget(self.import_status)
        layout.addWidget(store)

        backend = QGroupBox(self.tr("Where questions are answered"))
        form = QFormLayout(backend)
        self.local = QRadioButton(self.tr("On this computer (nothing leaves it)"))
        self.remote = QRadioButton(self.tr("The site's model server (OpenAI-compatible)"))
        self.url = QLineEdit(remote.url if remote else "", placeholderText="http://models.example.internal:8000")
        self.model = QLineEdit(remote.model if remote else "", placeholderText=self.tr("model name"))
        self.window = QSpinBox(minimum=1024, maximum=4_194_304, singleStep=1024,
                               value=remote.window if remote else 262_144)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(lambda: self.test_requested.emit(self.remote_backend()))
        self.test_result = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        (self.remote if remote else self.local).setChecked(True)
        self.remote.toggled.connect(self._on_backend)
        form.addRow(self.local)
        form.addRow(self.remote)
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Model:"), self.model)
        form.addRow(self.tr("Window (tokens):"), self.window)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        form.addRow(row)
        layout.addWidget(backend)

        kept = QGroupBox(self.tr("Kept document caches"))
        kept_form = QFormLayout(kept)
        self.caches_summary = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.cache_budget = QDoubleSpinBox(minimum=0.0, maximum=4096.0, decimals=1, singleStep=1.0,
                                           value=preferences.cache_budget_gib, suffix=self.tr(" GiB"),
                                           specialValueText=self.tr("automatic"))
        self.cache_budget.setToolTip(self.tr("Disk the caches may use in all (each case half of it); least "
                                             "recently used go first. Automatic: a fifth of the free disk."))
        self.clear_caches = QPushButton(self.tr("Clear all"))
        self.clear_caches.setToolTip(self.tr("The next question on each case reads its documents again"))
        self.clear_caches.clicked.connect(self._clear_caches)
        kept_form.addRow(self.caches_summary)
        kept_form.addRow(self.tr("Disk for caches:"), self.cache_budget)
        kept_form.addRow(self.clear_caches)
        layout.addWidget(kept)
        self.show_caches(caches)

        general = QGroupBox(self.tr("General"))
        general_form = QFormLayout(general)
        self.ocr_languages = QLineEdit(preferences.ocr_languages)
        self.ocr_languages.setToolTip(fill(self.tr("Installed: %1. Join several with +, e.g. eng+deu."),
                                           ", ".join(languages) or self.tr("none (Tesseract is missing)")))
        self.ocr_quality = QComboBox()
        qualities = {"fast": self.tr("Fast (150 dpi)"),
                     "accurate": self.tr("Accurate (300 dpi: small print, poor scans)")}
        for quality in OCR_QUALITIES:
            self.ocr_quality.addItem(qualities[quality], quality)
        self.ocr_quality.setCurrentIndex(OCR_QUALITIES.index(preferences.ocr_quality))
        self.auto_lock = QSpinBox(minimum=0, maximum=1440, value=preferences.auto_lock_minutes,
                                  suffix=self.tr(" min"), specialValueText=self.tr("never"))
        self.theme = QComboBox()
        names = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for theme in THEMES:
            self.theme.addItem(names[theme], theme)
        self.theme.setCurrentIndex(THEMES.index(preferences.theme))
        self.qualifying_accuracy = QSpinBox(minimum=50, maximum=100, suffix="%",
                                            value=round(preferences.qualifying_accuracy * 100))
        self.qualifying_accuracy.setToolTip(self.tr("The site's bar: a model counts as qualified for cases "
                                                    "as long as those it answered this well in its last run"))
        self.answer_style = QComboBox()  # app.answer.styles: how questions are answered
        styles = {"quoted": self.tr("Quote first, then answer"), "free": self.tr("Free answer")}
        for style in ANSWER_STYLES:
            self.answer_style.addItem(styles.get(style, style), style)
        self.answer_style.setCurrentIndex(max(0, self.answer_style.findData(preferences.answer_style)))
        self.answer_style.setToolTip(self.tr("Quote first: the model quotes the passages it relies on, then "
                                             "answers from them. Free: the answer alone. In both, on this "
                                             "computer, quotes are copied from the pages as they are written "
                                             "(the site's server: checked after)."))
        general_form.addRow(self.tr("Answer style:"), self.answer_style)
        general_form.addRow(self.tr("OCR languages:"), self.ocr_languages)
        general_form.addRow(self.tr("OCR:"), self.ocr_quality)
        general_form.addRow(self.tr("Lock after idle:"), self.auto_lock)
        general_form.addRow(self.tr("Theme:"), self.theme)
        general_form.addRow(self.tr("Qualifying accuracy:"), self.qualifying_accuracy)
        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.language.setToolTip(self.tr("Takes effect the next time Casefile starts"))
        general_form.addRow(self.tr("Language:"), self.language)
        layout.addWidget(general)

        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(lambda: self.save_requested.emit(self.preferences(), self.remote_backend()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._on_backend(self.remote.isChecked())

    def _on_backend(self, remote: bool) -> None:
        for widget in (self.url, self.model, self.window, self.test_button):
            widget.setEnabled(remote)

    def chosen_model(self) -> str | None:
        """The local model chosen to answer with (None when no model is ready)."""
        return self.default_model.currentData()

    def preferences(self) -> Preferences:
        return Preferences(auto_lock_minutes=self.auto_lock.value(), theme=self.theme.currentData(),
                           ocr_languages=self.ocr_languages.text().strip(),
                           ocr_quality=self.ocr_quality.currentData(),
                           cache_budget_gib=round(self.cache_budget.value(), 1),
                           qualifying_accuracy=self.qualifying_accuracy.value() / 100,
                           language=self.language.currentData(),
                           answer_style=self.answer_style.currentData())

    def _clear_caches(self) -> None:
        self.clear_caches.setEnabled(False)
        self.clear_caches_requested.emit()

    def show_caches(self, listing) -> None:
        """A summary of the kept caches (``app.cache_admin.CacheListing``), or why it is missing."""
        self.clear_caches.setEnabled(True)
        if listing is None or isinstance(listing, BaseException):
            self.caches_summary.setText(getattr(listing, "user_message", "") or self.tr("Not known."))
            return
        def mib(size: int) -> str:
            return f"{size / 2**20:,.0f}"

        lines = [fill(self.tr("%1 kept, %2 MiB of a %3 MiB budget."), str(len(listing.entries)),
                      mib(listing.total), mib(listing.budget.total))]
        for entry in listing.entries[:5]:
            name = shown(entry.case_name) if entry.case_name else self.tr("(another vault's case)")
            saving = entry.saving.describe()
            lines.append(fill(self.tr("%1: %2 MiB%3"), name, mib(entry.kept.size),
                              f" — {saving}" if saving else ""))
        self.caches_summary.setText("\n".join(lines))

    def remote_backend(self) -> RemoteBackend | None:
        if not self.remote.isChecked():
            return None
        return RemoteBackend(self.url.text().strip(), self.model.text().strip(), self.window.value())

    def show_test(self, result) -> None:
        ok = not isinstance(result, BaseException)
        self.test_result.setText(self.tr("Connected: the server answers with that model.") if ok
                                 else getattr(result, "user_message", str(result)))
        self.test_result.setStyleSheet(f"color: {tone('good' if ok else 'bad')}")

    def _choose_model_folder(self) -> None:
        ask_paths(self, self.tr("Choose the model folder"),
                  lambda paths: self.import_requested.emit(paths[0]), mode=QFileDialog.FileMode.Directory)

    def show_import_progress(self, progress) -> None:
        eta = fill(self.tr(", about %1 s left"), f"{progress.eta_s:.0f}") if progress.eta_s else ""
        done, total = f"{progress.bytes_done / 2**20:,.0f}", f"{progress.bytes_total / 2**20:,.0f}"
        self.import_status.setText(fill(self.tr("Copying and checking: %1 of %2 MiB%3"), done, total, eta))

    def show_imported(self, result) -> None:
        self.import_button.setEnabled(True)
        if isinstance(result, BaseException):
            # The reason may quote the folder's files.
            self.import_status.setText(shown(getattr(result, "user_message", str(result))))
            self.import_status.setStyleSheet(f"color: {tone('bad')}")
        else:
            self.import_status.setText(fill(self.tr("Imported %1 (weights sha256 %2…)."),
                                            shown(result.model_id), result.weights_sha256[:16]))
            if self.default_model.findData(result.model_id) < 0:
                self.default_model.addItem(shown(result.model_id), result.model_id)
            self.import_status.setStyleSheet(f"color: {tone('good')}")

    def show_saved(self, result) -> None:
        if isinstance(result, BaseException):
            self.message.setText(getattr(result, "user_message", str(result)))
            self.message.setStyleSheet(f"color: {tone('bad')}")
        else:
            self.accept()

    # ----- qualification --------------------------------------------------------------------

    def show_qualifying(self, done: int, total: int, eta_s: float | None) -> None:
        self.qualify_button.setEnabled(False)
        self.stop_qualify.setEnabled(True)
        eta = fill(self.tr(", about %1 s left"), f"{eta_s:.0f}") if eta_s is not None else ""
        self.qualify_status.setText(fill(self.tr("Qualifying: %1 of %2 questions answered%3…"), done, total,
                                         eta))

    def show_qualified(self, result) -> None:
        self.qualify_button.setEnabled(True)
        self.stop_qualify.setEnabled(False)
        if isinstance(result, BaseException):
            self.qualify_status.setText(error_text(result))
            return
        headline = result.headline()
        stopped = self.tr(" (stopped: not recorded; Qualify again resumes it)") if result.cancelled else ""
        self.save_report.setEnabled(not result.cancelled)
        self.qualify_status.setText(fill(self.tr("%1: accuracy %2 over %3 questions%4."),
                                         shown(result.model_id), headline["accuracy"], headline["items"],
                                         stopped))

    def _choose_report_folder(self) -> None:
        ask_paths(self, self.tr("Choose a folder for the signed report"),
                  lambda paths: self.save_report_requested.emit(paths[0]),
                  mode=QFileDialog.FileMode.Directory)

    def show_report_saved(self, result) -> None:
        saved = self.tr("Signed report saved: %1 (with report.pdf, report.sig and public_key.pem).")
        self.qualify_status.setText(error_text(result) if isinstance(result, BaseException)
                                    else fill(saved, str(result)))
