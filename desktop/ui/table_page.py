"""分工: the 任务分工表 as an editable table — cells, and rows added, deleted, split and moved, each
undoable on the page's own stack and saved with the notice's case; export .docx/.xlsx; hand the
tasks to 督办."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import jobs
from desktop.outgoing import default_file_name
from desktop.ui.corrections import RowsCommand, TaskEditCommand
from desktop.ui.models import TaskTableModel
from desktop.ui.session import Session
from desktop.ui.table_editors import DateDelegate, UnitDelegate
from desktop.worker import TaskState
from parsing.errors import PolicyDeskError


class TablePage(QWidget):
    error = Signal(str)
    goto_tracking = Signal()
    delegated = Signal(int)  # plan id in the store

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("分工"))
        title.setObjectName("pageTitle")
        self.summary = QLabel(self.tr("请先在“起草”中起草实施方案。"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # titles are document text
        self.summary.setWordWrap(True)
        self.model = TaskTableModel(self)
        self.model.on_edit = self._push_edit
        self._plan_source = None  # the notice the shown plan was drafted from
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 48), (1, 160), (3, 150), (4, 150), (5, 130)):
            self.view.setColumnWidth(col, width)
        self.unit_delegate = UnitDelegate(self.unit_names, self)
        self.date_delegate = DateDelegate(self)
        for col in TaskTableModel.UNIT_COLUMNS:
            self.view.setItemDelegateForColumn(col, self.unit_delegate)
        self.view.setItemDelegateForColumn(TaskTableModel.DATE_COLUMN, self.date_delegate)
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        # Row heights follow the wrapped text; recomputed (once per burst) when columns change width.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.view.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_timer.start())

        self.docx_button = QPushButton(self.tr("导出 .docx…"))
        self.docx_button.clicked.connect(lambda: self.export(".docx"))
        self.xlsx_button = QPushButton(self.tr("导出 .xlsx…"))
        self.xlsx_button.clicked.connect(lambda: self.export(".xlsx"))
        self.delegate_button = QPushButton(self.tr("交办督办 →"))
        self.delegate_button.setToolTip(self.tr("把方案和每项任务的牵头、配合单位登记到督办台账"))
        self.delegate_button.clicked.connect(lambda: self.delegate_all())
        self.add_button = QPushButton(self.tr("插入行"))
        self.add_button.setToolTip(self.tr("在所选行下方插入一项任务"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.delete_button = QPushButton(self.tr("删除行"))
        self.delete_button.clicked.connect(lambda: self.delete_row())
        self.split_button = QPushButton(self.tr("拆分"))
        self.split_button.setToolTip(self.tr("把所选任务的具体措施在句末拆成两项"))
        self.split_button.clicked.connect(lambda: self.split_row())
        self.up_button = QPushButton(self.tr("上移"))
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button = QPushButton(self.tr("下移"))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.row_buttons = (self.add_button, self.delete_button, self.split_button, self.up_button,
                            self.down_button)
        buttons = QHBoxLayout()
        for button in (self.docx_button, self.xlsx_button, self.delegate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row_bar = QHBoxLayout()
        for button in self.row_buttons:
            row_bar.addWidget(button)
        legend = QLabel(self.tr("双击单元格修改：单位可输入简称并从单位资料中补全，时限用日历选择（红色为法定节假日，蓝色下划线为调休上班）。"))
        legend.setWordWrap(True)
        row_bar.addWidget(legend, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addLayout(row_bar)
        layout.addWidget(self.view, 1)
        session.plan_changed.connect(self._plan_changed)
        self._update_summary()

    def _push_edit(self, row: int, column: int, text: str) -> None:
        """Cell edits are undoable (Ctrl+Z / Ctrl+Y) on this page's stack for the plan's notice."""
        opened = self.session.plan_notice
        if opened is None:
            self.model.apply_edit(row, column, text)
            return
        self.session.stack_for(opened, "分工").push(TaskEditCommand(self.model, row, column, text))
        self._saved()

    def _saved(self) -> None:
        """Keep the table (and which cells were changed by hand) in the case, and check again."""
        opened = self.session.plan_notice
        if opened is None:
            return
        self.session.case_for(opened).table_edits = sorted(self.model.edited)
        self.session.save_case(opened)
        self.session.plan_edited.emit()

    # --- rows ----------------------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _push_rows(self, label: str, change) -> bool:
        opened = self.session.plan_notice
        if self.model.plan is None or opened is None:
            return False

        def select(row: int | None) -> None:
            if row is not None and 0 <= row < self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(row, max(self.view.currentIndex().column(), 1)))
            self._fit_timer.start()
            self._update_summary()
            self._saved()

        self.session.stack_for(opened, "分工").push(RowsCommand(self.model, label, change, select))
        return True

    def add_row(self, row: int | None = None) -> bool:
        """Insert an empty task below ``row`` (default: the selected row, else at the end)."""
        row = self.current_row() if row is None else row
        at = row + 1 if row >= 0 else self.model.rowCount()
        return self._push_rows("插入分工表行", lambda model: model.insert_task(at))

    def delete_row(self, row: int | None = None) -> bool:
        row = self.current_row() if row is None else row
        if not 0 <= row < self.model.rowCount():
            return False
        return self._push_rows(f"删除第{row + 1}项任务",
                               lambda model: (model.delete_task(row), min(row, model.rowCount() - 1))[1])

    def split_row(self, row: int | None = None) -> bool:
        row = self.current_row() if row is None else row
        if not 0 <= row < self.model.rowCount():
            return False
        return self._push_rows(f"拆分第{row + 1}项任务", lambda model: model.split_task(row))

    def move_row(self, delta: int, row: int | None = None) -> bool:
        row = self.current_row() if row is None else row
        if not 0 <= row < self.model.rowCount() or not 0 <= row + delta < self.model.rowCount():
            return False
        return self._push_rows(f"{'上移' if delta < 0 else '下移'}第{row + 1}项任务",
                               lambda model: model.move_task(row, delta))

    def unit_names(self) -> list[str]:
        profile = self.session.profile
        if profile is None:
            return []
        names = list(profile.department_names()) + list(profile.unit_names())
        return list(dict.fromkeys([profile.office, *names]))

    def _plan_changed(self, plan) -> None:
        old, edited, source = self.model.plan, set(self.model.edited), self._plan_source
        opened = self.session.plan_notice
        self._plan_source = opened
        if plan is old:
            return
        self.model.set_plan(plan)
        redraft = old is not None and plan is not None and source is opened and opened is not None
        if redraft and edited:
            kept = self.model.carry_edits(old, edited)
            if kept:
                self.session.message.emit(f"已重新起草；任务分工表中您修改过的 {kept} 处已保留。")
        elif opened is not None and plan is not None:
            self.model.edited = {tuple(e) for e in self.session.case_for(opened).table_edits}
        if redraft and opened is not None:
            self.session.case_for(opened).table_edits = sorted(self.model.edited)
        self._fit_timer.start()
        self._update_summary()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_timer.start()

    def _update_summary(self) -> None:
        plan = self.model.plan
        has = plan is not None
        for button in (self.docx_button, self.xlsx_button, self.delegate_button, *self.row_buttons):
            button.setEnabled(has)
        if not has:
            self.summary.setText(self.tr("请先在“起草”中起草实施方案。"))
            return
        missing = sum(1 for t in plan.tasks if not t.lead)
        undated = sum(1 for t in plan.tasks if not t.deadlines)
        notes = []
        if missing:
            notes.append(f"{missing} 项缺牵头单位（红色）")
        if undated:
            notes.append(f"{undated} 项无时限")
        self.summary.setText(f"{plan.title} · 任务 {len(plan.tasks)} 项" + (f" · {'，'.join(notes)}" if notes else ""))

    def select_task(self, task_id: str) -> bool:
        """Select the row of the task with ``task_id`` (from a completeness finding)."""
        for row, task in enumerate(self.model.tasks):
            if task.id == task_id:
                self.view.setCurrentIndex(self.model.index(row, 3))
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def export(self, suffix: str, path: Path | None = None) -> TaskState | None:
        plan = self.model.plan
        if plan is None:
            self.error.emit("请先起草实施方案。")
            return None
        if path is None:
            kind = "Word 文档 (*.docx)" if suffix == ".docx" else "Excel 工作簿 (*.xlsx)"
            name, _ = QFileDialog.getSaveFileName(self, "导出任务分工表",
                                                  default_file_name(f"{plan.title}任务分工表", suffix), kind)
            if not name:
                return None
            path = Path(name)
        state = self.session.runner.start(f"导出任务分工表{suffix}", jobs.export_task_table, copy.deepcopy(plan),
                                          Path(path),
                                          self.session.layout)
        state.finished.connect(lambda p, o=self.session.plan_notice: self._exported(o, p))
        state.failed.connect(lambda m: self.error.emit(f"导出失败：{m}"))
        return state

    def _exported(self, opened, path: Path) -> None:
        if opened is not None:
            self.session.case_for(opened).record_export(path, "任务分工表")
            self.session.save_case(opened)
        self.session.message.emit(f"已导出 {path}")

    def delegate_all(self) -> TaskState | None:
        if self.model.plan is None:
            self.error.emit("请先起草实施方案。")
            return None
        plan = self.session.edited_plan()  # with the text edits made on the 起草 page
        try:
            store_path = self.session.store_path()
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
            return None
        opened = self.session.plan_notice
        notice_json = opened.notice.to_json(include_text=True) if opened is not None else None
        source = opened.path if opened is not None else None
        state = self.session.runner.start("交办任务", jobs.import_plan_to_store, copy.deepcopy(plan), store_path,
                                          notice_json,
                                          source)
        state.finished.connect(self._delegated)
        state.failed.connect(lambda m: self.error.emit(f"交办失败：{m}"))
        return state

    def _delegated(self, plan_id: int) -> None:
        self.session.message.emit("已登记到督办台账，各单位任务已交办。")
        self.session.tracking_changed.emit()
        self.delegated.emit(plan_id)
        self.goto_tracking.emit()
