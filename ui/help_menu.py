"""Quit and the Help menu: About (version, licence, where the data and models live, third-party
licences) and the keyboard shortcuts, listed from the window's own actions and shortcuts so the
list cannot drift from what the keys do."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from app.about import about
from ui.text import fill

# Keys the window binds without a menu item, said in words (the shortcuts themselves are read
# from the window, so one that is gone drops out of the list).
SHORTCUT_WORDS = {"Ctrl+G": QT_TRANSLATE_NOOP("HelpMenu", "Go to a Bates number"),
                  "Ctrl+Return": QT_TRANSLATE_NOOP("HelpMenu", "Ask the question in the box"),
                  "Esc": QT_TRANSLATE_NOOP("HelpMenu", "Stop the answer"),
                  "Ctrl+F": QT_TRANSLATE_NOOP("HelpMenu", "Find on the page (page viewer)"),
                  "Ctrl+Shift+F": QT_TRANSLATE_NOOP("HelpMenu", "Search every page of the case")}


def quit_keys() -> QKeySequence:
    """The platform's Quit keys (Cmd+Q, Ctrl+Q); Windows has no standard one: Ctrl+Q there too."""
    standard = QKeySequence(QKeySequence.StandardKey.Quit)
    return standard if not standard.isEmpty() else QKeySequence("Ctrl+Q")


class HelpMenu(QObject):
    def __init__(self, window, file_menu) -> None:
        super().__init__(window)
        self.window = window
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("Quit Casefile"), window, shortcut=quit_keys(),
                                   menuRole=QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(window.close)
        file_menu.addAction(self.quit_action)
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("About Casefile"), window, menuRole=QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.shortcuts_action = QAction(self.tr("Keyboard shortcuts"), window,
                                        shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.demo_action = QAction(self.tr("Open the demo case"), window)
        self.demo_action.triggered.connect(window.open_demo)
        menu.addAction(self.demo_action)
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.about_action)
        self.dialog: QDialog | None = None

    def _show(self, title: str, body: str) -> QDialog:
        dialog = QDialog(self.window, windowTitle=title)
        dialog.resize(620, 520)
        text = QTextBrowser(openExternalLinks=False)
        text.setAccessibleName(title)
        text.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def about_html(self) -> str:
        facts = about()
        rows = "".join(f"<tr><td>{html.escape(p.name)}</td><td>{html.escape(p.version)}</td>"
                       f"<td>{html.escape(p.license)}</td></tr>" for p in facts.parts)
        return (f"<h2>Casefile {html.escape(facts.version)}</h2>"
                + fill(self.tr("<p>Licence: %1. Everything stays on this computer.</p>"
                               "<p>Data folder (the vault, its keys and the audit log): %2<br/>"
                               "Model store: %3</p>"), facts.license, html.escape(str(facts.data_folder)),
                       html.escape(str(facts.model_store)))
                + "<h3>" + self.tr("Third-party parts") + "</h3><table cellpadding='3'>"
                + "<tr>" + "".join(f"<th>{heading}</th>" for heading in
                                   (self.tr("Part"), self.tr("Version"), self.tr("Licence"))) + "</tr>"
                + rows + "</table>")

    def show_about(self) -> QDialog:
        return self._show(self.tr("About Casefile"), self.about_html())

    def shortcuts(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every menu item and window shortcut that has keys."""
        found: dict[str, str] = {}
        for action in self.window.findChildren(QAction):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and action.text():
                found.setdefault(keys, action.text().replace("&", ""))
        for shortcut in self.window.findChildren(QShortcut):
            portable = shortcut.key().toString()
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and portable in SHORTCUT_WORDS:
                found.setdefault(keys, self.tr(SHORTCUT_WORDS[portable]))
        return sorted(found.items(), key=lambda pair: pair[1])

    def show_shortcuts(self) -> QDialog:
        rows = "".join(f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
                       for keys, what in self.shortcuts())
        return self._show(self.tr("Keyboard shortcuts"), f"<table cellpadding='4'>{rows}</table>")
