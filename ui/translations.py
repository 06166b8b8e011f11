"""The window's language: Qt's translation system, with catalogues built from ``ui/i18n/*.ts``
(``python packaging/translations.py update|build|check``). German, French and Spanish ship; the
language follows the system unless Settings names one; ``CASEFILE_LANGUAGE`` (e.g. ``en_XA``, the
pseudo-locale whose strings are ~40% longer and accented) overrides both, for checking layouts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import language_override

CATALOGUES = Path(__file__).resolve().parent / "i18n"
LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}  # in their own words
_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer


def install_language(choice: str = "system") -> str:
    """Install the translators for ``choice`` (replacing earlier ones); returns the language used
    ("en" when no catalogue matches, which is the source text)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    wanted = language_override() or (choice if choice in LANGUAGES else "")
    locale = QLocale(wanted) if wanted and "_XA" not in wanted else QLocale()
    ours = QTranslator()
    loaded = (ours.load(str(CATALOGUES / f"casefile_{wanted}.qm")) if wanted
              else ours.load(locale, "casefile", "_", str(CATALOGUES)))
    if not loaded:
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator()  # Qt's standard buttons and dialogs ("Cancel", the file dialog)
    if qt_own.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return wanted or locale.name().split("_")[0]
