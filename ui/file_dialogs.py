"""File dialogs that leave no trace of where the user looked.

Qt's own file dialog writes its history and last folder ("lastVisited") to a plain-text settings
file (~/.config/QtProject.conf) when it closes, and the desktop's native dialogs keep their own
recent-file lists; a folder name can name a client or a patient. So every dialog here is Qt's
(not native), and once it is gone its saved state is wiped. Dialogs open window-modal
(``open()``): no nested event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

Mode = QFileDialog.FileMode


def forget_file_dialog_state() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def ask_paths(parent: QWidget, title: str, on_chosen: Callable[[list[Path]], None], *,
              mode: QFileDialog.FileMode = Mode.ExistingFiles, save_as: str | None = None,
              name_filters: list[str] | None = None) -> QFileDialog:
    """Open a dialog; ``on_chosen`` gets the chosen paths. ``save_as``: a suggested file name to save
    (its suffix is the default); ``mode=Mode.Directory`` picks a folder; ``name_filters`` the
    file types offered (the first one chosen)."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFileMode(mode)
    dialog.resize(980, 600)  # room for whole names, sizes and dates
    if name_filters:
        dialog.setNameFilters(name_filters)
    for view in dialog.findChildren(QTreeView):  # the detail view: names stretch, the rest fit their text
        view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    if mode == Mode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    if save_as is not None:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(Path(save_as).suffix.lstrip("."))
        dialog.selectFile(save_as)
    dialog.filesSelected.connect(lambda names: on_chosen([Path(n) for n in names]))
    dialog.finished.connect(dialog.deleteLater)
    dialog.destroyed.connect(forget_file_dialog_state)  # after Qt saved its state, in its destructor
    dialog.open()
    return dialog
