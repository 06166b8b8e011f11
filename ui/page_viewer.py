"""The page viewer: a cited page as the reader sees it, with the quoted span highlighted.

PDF pages and scans are shown as a rendered image (PyMuPDF, in the background) beside the page's
text; text-only documents show the text alone. The quote is marked in both where it can be found;
an OCR page says its text came from OCR. The widget never reads the vault itself: it asks its
``loader`` (run on the background runner) for a ``PageView`` and paints what comes back.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.page_view import PageView
from app.safe_text import shown
from ui.colours import BADGE
from ui.text import fill

HIGHLIGHT = QColor(255, 213, 0, 110)
ZOOM_STEPS = (0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)
FIT_MIN_ZOOM = 0.3  # fitted to a narrow pane, a page may be smaller than the smallest zoom step


class PageViewer(QWidget):
    """Shows one page; ``request_page(document_id, number, mark, zoom)`` is emitted to load one."""

    request_page = Signal(int, int, str, float)
    shown = Signal(object)  # the PageView now painted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_id: int | None = None
        self.view: PageView | None = None
        self.mark, self.note = "", ""  # the words to highlight; what the quote check found
        self.zoom = 1.5
        self.fit_width = True  # until the user zooms: each page opens fitted to the pane's width
        self._refit_later = QTimer(self, singleShot=True, interval=150)  # a resize settles first
        self._refit_later.timeout.connect(lambda: self.view is not None and self._refit(self.view))
        self._build()

    def _build(self) -> None:
        # The document's name, the page's label and notes come from the file: plain text.
        self.title = QLabel(self.tr("No page open"), textFormat=Qt.TextFormat.PlainText)
        self.ocr_badge = QLabel(self.tr("OCR text"))
        self.ocr_badge.setStyleSheet(f"background:{BADGE[0]}; color:{BADGE[1]}; padding:1px 6px; "
                                     "border-radius:3px")
        self.ocr_badge.hide()
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.zoom_out = QToolButton(text="−")
        self.zoom_in = QToolButton(text="+")
        self.find_box = QLineEdit(placeholderText=self.tr("Find on page…"))
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(+1))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        self.find_box.returnPressed.connect(lambda: self.show_mark(self.find_box.text()))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find_box.setFocus)
        for widget, name in ((self.find_box, self.tr("Find on the page")),
                             (self.zoom_out, self.tr("Zoom out")), (self.zoom_in, self.tr("Zoom in"))):
            widget.setAccessibleName(name)
            widget.setToolTip(name)

        bar = QHBoxLayout()
        for widget in (self.title, self.ocr_badge):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.prev_button, self.next_button, self.zoom_out, self.zoom_in, self.find_box):
            bar.addWidget(widget)

        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea(widgetResizable=True)
        self.image_area.setWidget(self.image)
        self.text = QTextBrowser()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.image_area)
        self.splitter.addWidget(self.text)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self._enable(False)

    def _enable(self, enabled: bool) -> None:
        for widget in (self.prev_button, self.next_button, self.zoom_in, self.zoom_out, self.find_box):
            widget.setEnabled(enabled)

    # ----- requests ------------------------------------------------------------------------

    def open_page(self, document_id: int, number: int, mark: str = "", note: str = "") -> None:
        """``note``: what the quote check found, shown with the page (a quote that differs from it)."""
        self.document_id, self.mark, self.note = document_id, mark, note
        self.status.setText(fill(self.tr("Opening page %1…"), number))
        self.request_page.emit(document_id, number, mark, self.zoom)

    def go(self, step: int) -> None:
        if self.view is not None and self.document_id is not None:
            number = min(max(1, self.view.number + step), self.view.page_count)
            if number != self.view.number:
                self.open_page(self.document_id, number, "")

    def step_zoom(self, step: int) -> None:
        self.fit_width = False
        index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.zoom = ZOOM_STEPS[min(max(0, index + step), len(ZOOM_STEPS) - 1)]
        if self.view is not None and self.document_id is not None:
            self.request_page.emit(self.document_id, self.view.number, self.mark, self.zoom)

    def show_mark(self, words: str) -> None:
        if self.view is not None and self.document_id is not None:
            self.mark, self.note = words.strip(), ""
            self.request_page.emit(self.document_id, self.view.number, self.mark, self.zoom)

    # ----- painting -------------------------------------------------------------------------

    def show_view(self, view: PageView) -> None:
        """Paint ``view`` once the panes are laid out (``shown`` says when), or — its image not
        fitting the pane — ask for it again at the zoom that fits."""
        if view.image_png:  # the image pane gets its room first: the fit is to that room
            if self.image_area.isHidden() or self.image_area.width() < self.splitter.width() // 2:
                self.splitter.setSizes([self.splitter.width() * 2 // 3, self.splitter.width() // 3])
            self.image_area.show()
        QTimer.singleShot(0, lambda: self._paint(view))  # after the layout the sizes above ask for

    def _paint(self, view: PageView) -> None:
        if view.image_png and self._refit(view):
            return
        self.view = view
        label = f" (“{shown(view.label)}”)" if view.label and view.label != str(view.number) else ""
        self.title.setText(fill(self.tr("%1 — page %2 of %3%4"), shown(view.document), view.number,
                                view.page_count, label))
        self.ocr_badge.setText(_source_badge(view))
        self.ocr_badge.setVisible(bool(self.ocr_badge.text()))
        self._enable(True)
        self.prev_button.setEnabled(view.number > 1)
        self.next_button.setEnabled(view.number < view.page_count)
        self.text.setHtml(_marked_html(view))
        if view.image_png:
            self.image.setPixmap(_highlighted(view))
            if view.highlights:  # bring the quote into view, once the new image is laid out
                x0, y0, _x1, _y1 = view.highlights[0]
                QTimer.singleShot(0, lambda: self.image_area.ensureVisible(int(x0), int(y0), 200, 120))
        else:
            self.image.clear()
            self.image_area.hide()
        if self.mark:
            found = self.tr("Highlighted on the page.") if view.found else self.tr(
                "The marked words were not found on this page.")
            self.status.setText(f"{shown(self.note)} — {found}" if self.note else found)
        else:
            self.status.setText(_status_line(view))
        self.shown.emit(view)

    def _refit(self, view: PageView) -> bool:
        """Ask for the page again at the zoom that fits the pane's width, if this one is wider than
        the pane or narrower by more than a tenth (the first page, a pane resized, a page of
        another size)."""
        if not self.fit_width or self.document_id is None:
            return False
        shown_width = view.image_size[0]  # as rendered: no need to decode the image to know it
        scroll_bar = self.image_area.verticalScrollBar()  # a page taller than the pane will show one
        bar = 0 if scroll_bar.isVisible() else scroll_bar.sizeHint().width()
        room = self.image_area.viewport().width() - 4 - bar
        if shown_width <= 0 or room <= 100 or room * 0.9 <= shown_width <= room:
            return False
        fitted = min(max(self.zoom * room / shown_width * 0.98, FIT_MIN_ZOOM), ZOOM_STEPS[-1])
        if abs(fitted - self.zoom) <= self.zoom / 50:  # at the end of the zoom range: as it is
            return False
        self.zoom = fitted
        self.request_page.emit(self.document_id, view.number, self.mark, self.zoom)
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt virtual
        super().resizeEvent(event)
        if self.fit_width and self.view is not None and self.view.image_png:
            self._refit_later.start()  # the pane grew or shrank: the page is fitted to it again

    def clear(self) -> None:
        """Forget the page (locking the vault must not leave a page on screen)."""
        self.view, self.document_id, self.mark, self.note = None, None, "", ""
        self.title.setText(self.tr("No page open"))
        self.image.clear()
        self.text.clear()
        self.status.clear()
        self.ocr_badge.hide()
        self._enable(False)

    def show_failure(self, message: str) -> None:
        self.status.setText(message)


def _highlighted(view: PageView) -> QPixmap:
    image = QImage.fromData(view.image_png, "PNG")
    if view.highlights:
        painter = QPainter(image)
        for x0, y0, x1, y1 in view.highlights:
            painter.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), HIGHLIGHT)
        painter.end()
    return QPixmap.fromImage(image)


def _marked_html(view: PageView) -> str:
    parts, at = [], 0
    for start, end in sorted(view.text_spans):
        if start < at:
            continue
        parts.append(html.escape(view.text[at:start]))
        parts.append(f'<span style="background:#ffe066">{html.escape(view.text[start:end])}</span>')
        at = end
    parts.append(html.escape(view.text[at:]))
    return f'<pre style="white-space:pre-wrap; font-family:sans-serif">{"".join(parts)}</pre>'


Loader = Callable[[int, int, str, float], PageView]


def _source_badge(view: PageView) -> str:
    """Where the page's text came from, at a glance: OCR'd text can differ from the page."""
    if not view.ocr:
        return ""
    confidence = f" · {view.ocr_confidence:.0f}%" if view.ocr_confidence is not None else ""
    return (QCoreApplication.translate("PageViewer", "Text + OCR") if view.status == "text+ocr"
            else QCoreApplication.translate("PageViewer", "OCR")) + confidence


def _status_line(view: PageView) -> str:
    lead = {"blank": QCoreApplication.translate("PageViewer", "A blank page: no ink on it."),
            "needs ocr": QCoreApplication.translate("PageViewer", "This scanned page was not read."),
            "unreadable": QCoreApplication.translate("PageViewer", "This page could not be read.")
            }.get(view.status, "")
    return f"{lead} {shown(view.note)}".strip()
