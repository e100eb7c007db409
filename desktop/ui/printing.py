"""Printing a shown PDF (the 起草 page preview, a source PDF or scan) through the system's print dialog."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from desktop.ui.pdf_pane import PdfPane


def _fit(size: QSize, box: QRect) -> QRect:
    """``size`` scaled to fit ``box``, centred."""
    scaled = size.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = box.left() + (box.width() - scaled.width()) // 2
    top = box.top() + (box.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


def print_pane(pane: PdfPane, printer: QPrinter) -> int:
    """Print every page shown in ``pane`` on ``printer`` (the range the dialog chose); pages printed."""
    count = pane.page_count()
    if count == 0:
        return 0
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        box = painter.viewport()
        dpi = printer.resolution()
        for page in range(first, last + 1):
            if printed:
                printer.newPage()
            image = _page_image(pane, page, dpi)
            if image is None:
                continue
            painter.drawImage(_fit(image.size(), box), image)
            printed += 1
    finally:
        painter.end()
    return printed


def _page_image(pane: PdfPane, page: int, dpi: int) -> QImage | None:
    if pane.pixmap is not None:
        return pane.pixmap.toImage()
    document = pane.document
    if document is None:
        return None
    points = document.pagePointSize(page - 1)
    scale = min(dpi, 300) / 72
    return document.render(page - 1, QSize(int(points.width() * scale), int(points.height() * scale)))


def print_with_dialog(pane: PdfPane, parent: QWidget) -> int:
    """Ask the system's print dialog, then print ``pane``; 0 when cancelled or nothing to print."""
    if pane.page_count() == 0:
        return 0
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pane.path.stem if pane.path is not None else "PolicyDesk")
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, pane.page_count())
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return print_pane(pane, printer)

