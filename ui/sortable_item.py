"""A table cell that sorts by a key of its own rather than by its text."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidgetItem


class SortableItem(QTableWidgetItem):
    """Sorts by its key (D2 before D10, 9 pages before 10), not by its text."""

    sort_key: object = ""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.sort_key, getattr(other, "sort_key", other.text())
        if isinstance(mine, type(theirs)):
            return mine < theirs
        return str(mine) < str(theirs)
