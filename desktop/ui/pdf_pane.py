"""A page view of a source file: PDF pages (QtPdf) or a scanned image; also the .docx preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImageReader, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff")


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
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        self.image_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack.addWidget(self.image_area)
        self.pixmap: QPixmap | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.path: Path | None = None

    def load(self, path: Path | None, empty_text: str | None = None) -> bool:
        """Show ``path``; False (and the message) when it cannot be shown."""
        self.path = None
        if empty_text:
            self.message.setText(empty_text)
        self.pixmap = None
        if path is not None and Path(path).suffix.lower() in IMAGE_SUFFIXES:
            return self._load_image(Path(path))
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

    def _load_image(self, path: Path) -> bool:
        """A scan: its first page, scaled to the pane's width (the OCR text is beside it)."""
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            self.message.setText(f"无法显示 {path.name}（{reader.errorString()}）。")
            self.stack.setCurrentWidget(self.message)
            return False
        self.path, self.pixmap = path, QPixmap.fromImage(image)
        self.stack.setCurrentWidget(self.image_area)
        self._scale_image()
        return True

    def _scale_image(self) -> None:
        if self.pixmap is not None:
            scrollbar = self.image_area.verticalScrollBar().sizeHint().width()
            width = max(200, self.width() - scrollbar - 6)
            self.image_label.setPixmap(self.pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_image()

    def page_count(self) -> int:
        if self.pixmap is not None:
            return 1
        return self.document.pageCount() if self.document is not None and self.path else 0

    def show_page(self, page: int) -> None:
        """Scroll to 1-based ``page``."""
        if self.pixmap is None and self.view is not None and self.path is not None \
                and 1 <= page <= self.page_count():
            self.view.pageNavigator().jump(page - 1, QPointF(), 0)
