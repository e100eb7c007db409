"""收文: open received notices (dialog or drag-and-drop, several at once), recent files, the list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.jobs import NOTICE_SUFFIXES
from desktop.ui.models import NoticeListModel
from desktop.ui.session import Session

FILE_FILTER = ("公文文件 (*.txt *.docx *.pdf *.ofd *.doc *.wps *.png *.jpg *.jpeg *.tif *.tiff *.bmp);;"
               "解析结果 (*.json);;所有文件 (*)")


def dropped_paths(urls) -> list[Path]:
    """The local files among dropped URLs that look like notices."""
    paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in NOTICE_SUFFIXES]


class ReceivePage(QWidget):
    open_requested = Signal(list)  # list[Path]
    show_requested = Signal()  # the user wants to see the selected notice (解析)
    remove_requested = Signal(object)  # OpenedNotice to take off 收文

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setAcceptDrops(True)

        title = QLabel(self.tr("收文"))
        title.setObjectName("pageTitle")
        hint = QLabel(self.tr("打开上级来文（.docx、.pdf、扫描件、.txt、.ofd），可一次选择多个文件，也可直接拖放到此窗口。"))
        hint.setWordWrap(True)
        self.open_button = QPushButton(self.tr("打开文件…"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.choose_files)
        self.show_button = QPushButton(self.tr("查看解析"))
        self.show_button.clicked.connect(self.show_requested)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setToolTip(self.tr("把所选来文从收文中移除（原文件不删除）"))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.session.current))
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.show_button)
        top.addWidget(self.remove_button)
        top.addStretch(1)

        self.model = NoticeListModel(self, session.progress_of)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.show_requested.emit())
        self.empty_label = QLabel(self.tr("尚未收文。点击“打开文件…”或把文件拖到这里。"))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setObjectName("emptyHint")

        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.setToolTip(self.tr("双击重新打开"))
        recent_box = QWidget()
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.setContentsMargins(0, 0, 0, 0)
        recent_layout.addWidget(QLabel(self.tr("最近打开")))
        recent_layout.addWidget(self.recent)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(QLabel(self.tr("已收来文")))
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(list_box)
        splitter.addWidget(recent_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        session.notices_changed.connect(self._reload)
        session.notice_edited.connect(self.model.refresh)
        session.case_saved.connect(self.model.refresh)  # 办理进度 follows the work
        session.current_changed.connect(self._select_current)
        self._reload()

    def _reload(self) -> None:
        self.model.set_items(self.session.notices)
        has = bool(self.session.notices)
        self.empty_label.setVisible(not has)
        self.show_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self._select_current(self.session.current)

    def _select_current(self, opened) -> None:
        if opened in self.model.items:
            row = self.model.items.index(opened)
            if self.table.currentIndex().row() != row:
                self.table.selectRow(row)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.session.set_current(self.model.items[current.row()])

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.open_requested.emit([Path(item.data(Qt.ItemDataRole.UserRole))])

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "打开来文", "", FILE_FILTER)
        if names:
            self.open_requested.emit([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and dropped_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.open_requested.emit(paths)
