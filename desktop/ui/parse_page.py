"""解析: the clean text beside the source, highlighted values, the outline and the field panel."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import OpenedNotice
from desktop.outgoing import current_warnings
from desktop.ui.corrections import SetField
from desktop.ui.fields import KIND_NAMES, FieldRow, highlight_spans, row_at
from desktop.ui.models import KIND_COLORS, FieldModel, OutlineModel
from desktop.ui.pdf_pane import IMAGE_SUFFIXES, PdfPane
from desktop.ui.session import Session

LEGEND_KINDS = ("deadline", "unit", "task", "contact", "header")


class HighlightedText(QPlainTextEdit):
    """Read-only clean text with coloured spans; a click reports the character offset."""

    offset_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._base: list[QTextEdit.ExtraSelection] = []

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.offset_clicked.emit(self.cursorForPosition(event.position().toPoint()).position())

    def _selection(self, span: tuple[int, int], fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        length = self.document().characterCount() - 1
        cursor.setPosition(max(0, min(span[0], length)))
        cursor.setPosition(max(0, min(span[1], length)), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor, sel.format = cursor, fmt
        return sel

    def set_highlights(self, spans: list[tuple[str, tuple[int, int]]], low_confidence: list[tuple[int, int]]):
        selections = []
        for kind, span in spans:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(KIND_COLORS[kind]))
            if kind != "task":
                fmt.setToolTip(KIND_NAMES[kind])
            selections.append(self._selection(span, fmt))
        for span in low_confidence:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#d0021b"))
            fmt.setToolTip(self.tr("OCR 识别置信度低，请核对"))
            selections.append(self._selection(span, fmt))
        self._base = selections
        self.setExtraSelections(selections)

    def focus_span(self, span: tuple[int, int]) -> None:
        """Select ``span``, scroll to it and outline it on top of the highlights."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffd54f"))
        fmt.setFontUnderline(True)
        self.setExtraSelections([*self._base, self._selection(span, fmt)])
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(span[0], self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.centerCursor()


class ParsePage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.opened: OpenedNotice | None = None

        title = QLabel(self.tr("解析"))
        title.setObjectName("pageTitle")
        self.summary = QLabel(self.tr("尚未打开来文。请先在“收文”中打开文件。"))
        self.summary.setWordWrap(True)
        legend = QHBoxLayout()
        legend.addWidget(QLabel(self.tr("图例：")))
        for kind in LEGEND_KINDS:
            chip = QLabel(KIND_NAMES[kind])
            chip.setStyleSheet(f"background:{KIND_COLORS[kind]}; padding:1px 6px; border-radius:3px;")
            legend.addWidget(chip)
        low = QLabel(self.tr("识别可信度低"))
        low.setStyleSheet("text-decoration: underline; color:#d0021b; padding:1px 6px;")
        legend.addWidget(low)
        legend.addStretch(1)

        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(False)
        self.outline.clicked.connect(self._outline_clicked)

        self.source = PdfPane(self.tr("原件为文本格式，右侧即为全文。"))
        self.text = HighlightedText()
        self.text.setFont(QFont(self.font().family(), 11))
        self.text.offset_clicked.connect(self._text_clicked)

        self.fields = FieldModel(self._edit, self)
        self.field_view = QTableView()
        self.field_view.setModel(self.fields)
        self.field_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.field_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.field_view.verticalHeader().setVisible(False)
        self.field_view.setWordWrap(True)
        header = self.field_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.field_view.setColumnWidth(1, 150)
        self.field_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.field_view.selectionModel().currentRowChanged.connect(self._field_selected)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(110)
        self.warnings.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.field_view, self.tr("提取结果"))
        self.side_tabs.addTab(self.outline, self.tr("提纲"))
        right_layout.addWidget(QLabel(self.tr("双击修改，Ctrl+Z 撤销，Ctrl+Y 重做，修改自动保存")))
        right_layout.addWidget(self.side_tabs, 1)
        right_layout.addWidget(QLabel(self.tr("提示")))
        right_layout.addWidget(self.warnings)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.source, self.text, right):
            self.splitter.addWidget(widget)
        for i, stretch in enumerate((3, 3, 3)):
            self.splitter.setStretchFactor(i, stretch)
        self.splitter.setSizes([0, 520, 480])

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(legend)
        layout.addWidget(self.splitter, 1)

        session.current_changed.connect(self.show_notice)
        session.notice_edited.connect(self._edited)

    # --- showing ------------------------------------------------------------------------------
    def show_notice(self, opened: OpenedNotice | None) -> None:
        self.opened = opened
        if opened is None:
            self.summary.setText(self.tr("尚未打开来文。请先在“收文”中打开文件。"))
            self.text.setPlainText("")
            self.outline_model.set_outline([])
            self.fields.set_notice(None)
            self.warnings.clear()
            self.source.load(None)
            return
        notice = opened.notice
        self.outline_model.set_outline(notice.outline)
        self.outline.expandAll()
        text = opened.text
        self.text.setPlainText(text or "此解析结果不含原文，无法在文中标出各项内容；右侧字段仍可核对和修改。")
        self._refresh(opened)
        has_pages = opened.path.suffix.lower() in (".pdf", *IMAGE_SUFFIXES) and opened.path.is_file()
        shown = self.source.load(opened.path if has_pages else None)
        sizes = self.splitter.sizes()
        total = sum(sizes) or 1200
        if shown and sizes[0] == 0:
            self.splitter.setSizes([total * 3 // 10, total * 3 // 10, total * 4 // 10])
        elif not shown and sizes[0] > 0:  # collapse the source pane, keep the user's proportions
            self.splitter.setSizes([0, sizes[1] + sizes[0] // 2, sizes[2] + sizes[0] - sizes[0] // 2])

    def _refresh(self, opened: OpenedNotice) -> None:
        notice = opened.notice
        counts = (f"任务 {len(notice.tasks)} 项 · 时限 {len(notice.deadlines)} 个 · "
                  f"联系人 {len(notice.contacts)} 位 · 提纲 {sum(1 for s in notice.outline for _ in s.walk())} 条")
        source = notice.source
        flags = []
        if source.ocr:
            flags.append("经 OCR 识别")
        if opened.corrected:
            flags.append("已载入上次校对结果")
        pages = f" · {source.pages} 页" if source.pages else ""
        extra = f"（{'，'.join(flags)}）" if flags else ""
        title = html.escape(notice.title or opened.path.name)
        self.summary.setText(f"<b>{title}</b><br>{html.escape(opened.path.name)}{pages} · {counts}{extra}")
        self.fields.set_notice(notice)
        if opened.text:
            self.text.set_highlights(highlight_spans(notice), opened.low_confidence)
        self.warnings.clear()
        for warning in [*opened.warnings, *current_warnings(notice)]:  # not those a correction settled
            self.warnings.addItem(warning)
        if not self.warnings.count():
            self.warnings.addItem(self.tr("无"))

    def _edited(self, opened: OpenedNotice) -> None:
        if opened is self.opened:
            self.outline_model.set_outline(opened.notice.outline)
            self.outline.expandAll()
            self._refresh(opened)

    # --- interaction --------------------------------------------------------------------------
    def _edit(self, row: FieldRow, value: Any) -> None:
        if self.opened is not None:
            self.session.correct(self.opened, SetField(row.path, value, row.label))

    def _text_clicked(self, offset: int) -> None:
        row = row_at(self.fields.rows, offset)
        if row is not None:
            self.side_tabs.setCurrentWidget(self.field_view)
            self.field_view.selectRow(row)
            self.field_view.scrollTo(self.fields.index(row, 0))

    def _field_selected(self, current, _previous) -> None:
        if not current.isValid() or self.opened is None or not self.opened.text:
            return
        span = self.fields.rows[current.row()].span
        if span:
            self.text.focus_span(span)
            page = self.opened.page_of(span[0])
            if page:
                self.source.show_page(page)

    def _outline_clicked(self, index) -> None:
        node = self.outline_model.node(index)
        if node is not None and node.span and self.opened is not None and self.opened.text:
            self.text.focus_span(node.span)
            page = self.opened.page_of(node.span[0])
            if page:
                self.source.show_page(page)

    def select_field(self, path: tuple) -> int | None:
        """Select the field row with ``path`` (for tests and links from other pages)."""
        for i, row in enumerate(self.fields.rows):
            if row.path == path:
                self.field_view.selectRow(i)
                return i
        return None
