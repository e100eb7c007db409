"""The main window: the workflow in order — 收文 · 解析 · 起草 · 分工 · 督办 · 设置."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import jobs
from desktop.settings import AppSettings
from desktop.ui.draft_page import DraftPage
from desktop.ui.find_bar import FindBar, Target
from desktop.ui.job_bar import JobBar
from desktop.ui.parse_page import ParsePage
from desktop.ui.receive_page import ReceivePage, dropped_paths
from desktop.ui.session import Session
from desktop.ui.settings_page import SettingsPage
from desktop.ui.table_page import TablePage
from desktop.ui.track_page import TrackPage
from desktop.worker import JobRunner, TaskState
from parsing.errors import PolicyDeskError

PAGES = ("收文", "解析", "起草", "分工", "督办", "设置")
# Jobs whose result nobody loses when the window closes under them (they run again next time).
HARMLESS_JOBS = ("载入已收来文", "登记收文", "生成页面预览")


class ErrorBanner(QWidget):
    """A non-blocking red strip with the last error message and a close button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("知道了"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.setObjectName("errorBanner")
        self.setStyleSheet("#errorBanner { background:#fdecea; border:1px solid #f5c2c0; }"
                           "QLabel { color:#a61b1b; }")
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("PolicyDesk 公文助手"))
        self.setAcceptDrops(True)
        self.settings = settings or AppSettings()
        self.runner = JobRunner(self)
        self.session = Session(self.runner, self)

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(0, 0))
        labels = (self.tr("收文"), self.tr("解析"), self.tr("起草"), self.tr("分工"), self.tr("督办"), self.tr("设置"))
        hints = (self.tr("打开和管理上级来文"), self.tr("核对提取结果并修改"), self.tr("起草实施方案和印发通知"),
                 self.tr("编辑任务分工表"), self.tr("交办、跟踪和催办"), self.tr("单位资料、版式和节假日"))
        for i, (name, hint) in enumerate(zip(labels, hints, strict=True), 1):
            item = QListWidgetItem(f"{i}  {name}")
            item.setToolTip(hint)
            item.setSizeHint(QSize(140, 44))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.receive_page = ReceivePage(self.session)
        self.parse_page = ParsePage(self.session)
        self.draft_page = DraftPage(self.session)
        self.table_page = TablePage(self.session)
        self.track_page = TrackPage(self.session)
        self.settings_page = SettingsPage(self.session)
        self.pages = {"收文": self.receive_page, "解析": self.parse_page, "起草": self.draft_page,
                      "分工": self.table_page, "督办": self.track_page, "设置": self.settings_page}
        for name in PAGES:
            self.stack.addWidget(self.pages[name])
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(lambda row: self.session.set_page(PAGES[row]))

        self.banner = ErrorBanner()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        self.find_bar = FindBar(self.find_target)
        right_layout.addWidget(self.find_bar)
        right_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)

        self.job_bar = JobBar(self.runner)
        self.statusBar().addPermanentWidget(self.job_bar)
        self.session.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        for page in self.pages.values():
            if hasattr(page, "error"):
                page.error.connect(self.show_error)
        self.receive_page.open_requested.connect(self.open_files)
        self.receive_page.remove_requested.connect(self.remove_notice)
        self.receive_page.show_requested.connect(lambda: self.show_page("解析"))
        self.draft_page.goto_table.connect(lambda: self.show_page("分工"))
        self.draft_page.goto_task.connect(lambda task_id: (self.show_page("分工"),
                                                           self.table_page.select_task(task_id)))
        self.table_page.goto_tracking.connect(lambda: self.show_page("督办"))
        self._build_menus()
        self.receive_page.set_recent(self.settings.recent_files())
        self._restore()
        self.session.set_page(self.current_page_name())

    # --- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        open_action = QAction(self.tr("打开来文…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.receive_page.choose_files)
        file_menu.addAction(open_action)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开"))
        self._fill_recent_menu(self.settings.recent_files())
        self.remove_action = QAction(self.tr("从收文中移除…"), self)
        self.remove_action.triggered.connect(lambda: self.remove_notice(self.session.current))
        file_menu.addAction(self.remove_action)
        self.print_action = QAction(self.tr("打印…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setToolTip(self.tr("打印“起草”的页面预览，或“解析”中的原件"))
        self.print_action.triggered.connect(lambda: self.print_current())
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = self.session.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = self.session.undo_group.createRedoAction(self, self.tr("重做"))
        redo_keys = [QKeySequence("Ctrl+Y")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo) if k not in redo_keys]
        self.redo_action.setShortcuts(redo_keys)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit_menu.addAction(action)
            self.addAction(action)

        edit_menu.addSeparator()
        self.find_action = QAction(self.tr("查找…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.find_bar.open)
        edit_menu.addAction(self.find_action)

        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        for i, name in enumerate(PAGES):
            action = QAction(self.nav.item(i).text().split(maxsplit=1)[-1], self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, n=name: self.show_page(n))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于 PolicyDesk"), self)
        about.triggered.connect(lambda: QMessageBox.about(
            self, "关于 PolicyDesk",
            "PolicyDesk 公文助手\n解析上级来文，起草实施方案和任务分工表，督办任务落实。\n全部在本机离线完成。"))
        help_menu.addAction(about)

    def _fill_recent_menu(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        for i, path in enumerate(paths[:10], 1):
            action = self.recent_menu.addAction(f"&{i % 10}  {Path(path).name}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.open_files([Path(p)]))
        self.recent_menu.setEnabled(bool(paths))

    def _set_recent(self, paths: list[str]) -> None:
        self.receive_page.set_recent(paths)
        self._fill_recent_menu(paths)

    def find_target(self) -> Target:
        """Where 查找 looks on the page shown: its text, or its table."""
        name = self.current_page_name()
        if name == "起草":
            tab = self.draft_page.tabs.currentWidget()
            return tab if tab in (self.draft_page.plan_edit, self.draft_page.cover_edit) else None
        return {"收文": self.receive_page.table, "解析": self.parse_page.text, "分工": self.table_page.view,
                "督办": self.track_page.view}.get(name)

    def print_pane(self):
        """What 打印 prints on the page shown: the 起草 preview pages, or the 解析 source; else None."""
        name = self.current_page_name()
        pane = self.draft_page.preview_pane if name == "起草" else self.parse_page.source if name == "解析" else None
        return pane if pane is not None and pane.page_count() else None

    def print_current(self) -> int:
        """Ctrl+P: the system's print dialog on the rendered pages (pages printed)."""
        from desktop.ui.printing import print_with_dialog

        pane = self.print_pane()
        if pane is None and self.current_page_name() == "起草" and self.draft_page.last_docx is not None:
            state = self.draft_page.preview()  # lay the pages out first, then print them
            if state is not None:
                state.finished.connect(lambda _pdf: self.print_current())
            return 0
        if pane is None:
            self.show_error("可以打印“起草”页导出后的页面预览，或“解析”页中的 PDF 和扫描原件。")
            return 0
        printed = print_with_dialog(pane, self)
        if printed:
            self.statusBar().showMessage(f"已发送打印：{printed} 页", 5000)
        return printed

    # --- pages ---------------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))

    def current_page_name(self) -> str:
        return PAGES[self.stack.currentIndex()]

    def show_error(self, message: str) -> None:
        self.banner.show_message(message)
        self.statusBar().showMessage(message, 10000)

    # --- opening files -------------------------------------------------------------------------
    def open_files(self, paths: list[Path]) -> list[TaskState]:
        """Open and parse each file off the UI thread; each result joins the 收文 list."""
        states = []
        for path in paths:
            path = Path(path)
            state = self.runner.start(f"打开 {path.name}", jobs.open_notice, path)
            state.finished.connect(lambda opened, p=path: self._opened(p, opened))
            state.failed.connect(lambda message, p=path: self.show_error(f"无法打开 {p.name}：{message}"))
            state.was_cancelled.connect(lambda p=path: self.statusBar().showMessage(f"已取消打开 {p.name}", 5000))
            states.append(state)
        return states

    def load_received(self) -> TaskState | None:
        """Fill the 收文 list from the saved cases and the store in the background (after the first paint)."""
        try:
            store_path = self.session.store_path()
        except PolicyDeskError:
            store_path = None
        state = self.runner.start("载入已收来文", jobs.load_received, store_path, self.session.dismissed())
        state.finished.connect(self._received_loaded)
        state.failed.connect(lambda message: self.show_error(f"已收来文未能载入：{message}"))
        return state

    def _received_loaded(self, items: list[jobs.OpenedNotice]) -> None:
        known = {o.path for o in self.session.notices} | {o.digest for o in self.session.notices if o.digest}
        fresh = [o for o in items if o.path not in known and not (o.digest and o.digest in known)]
        if fresh:
            self.session.notices[:0] = fresh
            self.session.notices_changed.emit()
            if self.session.current is None:  # reopen where the clerk left off: the last case worked on
                cases = [(self.session.case_for(o).updated_at, i) for i, o in enumerate(fresh)]
                last = fresh[max(cases)[1]]
                self.session.set_current(last)
                if self.session.plan is not None:
                    self.statusBar().showMessage(f"已恢复上次的工作：{last.notice.title or last.path.name}", 8000)

    def remove_notice(self, opened: jobs.OpenedNotice | None, confirm: bool = True) -> bool:
        """Take ``opened`` off 收文 (after asking when work on it would go with it)."""
        if opened is None:
            return False
        case = self.session.case_for(opened)
        if confirm:
            work = "已起草的方案、分工表和校对结果将一并删除" if case.plan is not None or opened.corrected \
                else "校对记录将一并删除"
            answer = QMessageBox.question(
                self, "从收文中移除",
                f"从收文中移除《{opened.notice.title or opened.path.name}》？{work}；"
                "已交办到督办台账的任务不受影响。原文件不会被删除。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.session.remove_notice(opened)
        self.statusBar().showMessage(f"已从收文中移除 {opened.path.name}", 5000)
        return True

    def _opened(self, path: Path, opened: jobs.OpenedNotice) -> None:
        self.session.add_notice(opened)
        self._set_recent(self.settings.add_recent(path))
        self.session.record_received(opened)
        self.statusBar().showMessage(f"已打开 {path.name}", 5000)

    # --- drag and drop anywhere ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and dropped_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    # --- persistence ---------------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.geometry("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            if screen is not None and screen.width() > 0:
                self.resize(min(1360, int(screen.width() * 0.92)), min(860, int(screen.height() * 0.9)))
            else:
                self.resize(1360, 860)
        state = self.settings.geometry("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.geometry("parse/splitter")
        if splitter is not None:
            self.parse_page.splitter.restoreState(splitter)
        self.nav.setCurrentRow(min(max(self.settings.page(), 0), len(PAGES) - 1))

    def save_layout(self) -> None:
        self.settings.set_geometry("window/geometry", self.saveGeometry())
        self.settings.set_geometry("window/state", self.saveState())
        self.settings.set_geometry("parse/splitter", self.parse_page.splitter.saveState())
        self.settings.set_page(self.stack.currentIndex())
        self.settings.sync()

    def unsaved_work(self) -> list[str]:
        """What closing now would lose: work the disk refused, jobs still running."""
        self.draft_page.flush()
        lost = [f"未能保存：{title}" for title in self.session.unsaved_titles()]
        lost += [f"正在进行：{job.title}" for job in self.runner.running() if job.title not in HARMLESS_JOBS]
        return lost

    def confirm_close(self, lost: list[str]) -> bool:
        answer = QMessageBox.warning(
            self, "退出 PolicyDesk", "以下内容尚未完成，退出后将丢失：\n" + "\n".join(lost) + "\n\n仍要退出吗？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        lost = self.unsaved_work()
        if lost and not self.confirm_close(lost):
            event.ignore()
            return
        self.save_layout()
        self.runner.cancel_all()
        self.runner.wait(5000)
        self.session.close()
        super().closeEvent(event)
