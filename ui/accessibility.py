"""Names for the controls Qt builds itself inside ours (a line edit's clear button, a combo box's
pop-up list), which a screen reader would otherwise announce as just "button" or "list"; and the
walk a test uses to find any control left without a name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton, QWidget

Role = QAccessible.Role
CONTROL_ROLES = {Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText,
                 Role.SpinBox, Role.List, Role.Table, Role.Tree, Role.Slider, Role.ProgressBar, Role.PageTab}


def name_inner_controls(root: QWidget) -> None:
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                button.setAccessibleName(QCoreApplication.translate("Accessibility", "Clear"))
    for combo in root.findChildren(QComboBox):
        if not combo.view().accessibleName():
            combo.view().setAccessibleName(combo.accessibleName() or QCoreApplication.translate(
                "Accessibility", "Choices"))


def unnamed_controls(root: QWidget) -> list[str]:
    """Every control under ``root`` (shown or not) whose accessible name is empty, described."""
    found: list[str] = []

    def walk(node) -> None:
        if node is None or not node.isValid():
            return
        if node.role() in CONTROL_ROLES and not node.text(QAccessible.Text.Name).strip():
            widget = node.object()
            owner = widget.parent() if widget is not None else None
            found.append(f"{node.role().name} {type(widget).__name__} in {type(owner).__name__}")
        for index in range(node.childCount()):
            walk(node.child(index))

    walk(QAccessible.queryAccessibleInterface(root))
    return found
