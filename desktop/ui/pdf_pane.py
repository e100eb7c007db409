"""A PDF page view (QtPdf) used for the source of a received PDF and the .docx preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget


class PdfPane(QWidget):
    """Shows a PDF's pages, or a Chinese message when there is nothing (or QtPdf is missing).

    ``whole_pages`` fits each page in the view (a print preview); otherwise pages fit the width.
    """

    def __init__(self, empty_text: str, parent: QWidget | None = None, whole_pages: bool = False):
        super().__init__(parent)
        self.message = QLabel(empty_text)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("emptyHint")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.document = None
        self.view = None
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:  # pyside6-pdf not installed
            self.message.setText(empty_text + "\n（未安装 QtPdf 组件，无法显示 PDF 页面。）")
        else:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole_pages else QPdfView.ZoomMode.FitToWidth)
            self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.path: Path | None = None

    def load(self, path: Path | None, empty_text: str | None = None) -> bool:
        """Show ``path``; False (and the message) when it cannot be shown."""
        self.path = None
        if empty_text:
            self.message.setText(empty_text)
        if path is None or self.document is None:
            self.stack.setCurrentWidget(self.message)
            return False
        self.document.close()
        error = self.document.load(str(path))
        if self.document.pageCount() <= 0:
            self.message.setText(f"无法显示 {Path(path).name}（{getattr(error, 'name', error)}）。")
            self.stack.setCurrentWidget(self.message)
            return False
        self.path = Path(path)
        self.stack.setCurrentWidget(self.view)
        return True

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None and self.path else 0

    def show_page(self, page: int) -> None:
        """Scroll to 1-based ``page``."""
        if self.view is not None and self.path is not None and 1 <= page <= self.page_count():
            self.view.pageNavigator().jump(page - 1, QPointF(), 0)
