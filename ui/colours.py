"""Colours that say something (a check passed or failed, a warning), chosen for the theme in use so
that their contrast with the window holds in light and dark: WCAG's 4.5:1 for text, which a test
checks for every tone against the light and the dark window colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication

LIGHT = {"good": "#2b6e2f", "bad": "#c62828", "warn": "#a64d00"}
DARK = {"good": "#81c784", "bad": "#ef9a9a", "warn": "#ffb74d"}
# Fixed pairs (a background with its own text colour), the same in both themes.
BANNER = ("#fdecea", "#5f2120")  # a dead worker
BADGE = ("#fde7c4", "#7a4b00")  # "OCR text" on a page
CELL_TEXT = "#1b1b1b"  # on the review grid's pale green and red cells


def is_dark() -> bool:
    app = QGuiApplication.instance()
    return app is not None and app.palette().window().color().lightness() < 128


def tone(kind: str, dark: bool | None = None) -> str:
    """The colour for ``kind`` (good, bad, warn) on the window's background."""
    return (DARK if (is_dark() if dark is None else dark) else LIGHT)[kind]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(colour: str) -> float:
        channels = [c / 255 for c in QColor(colour).getRgb()[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
