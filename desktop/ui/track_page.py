"""督办: the delegation board — filters, lights, status changes, feedback, 催办, report, 台账."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import jobs
from desktop.core_bridge import core
from desktop.ui.board_model import DelegationModel
from desktop.ui.session import Session
from desktop.worker import TaskState
from parsing.errors import PolicyDeskError

ALL = "（全部）"
STATUSES = ("交办", "签收", "办理中", "已反馈", "办结")


class TrackPage(QWidget):
    error = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("督办"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.plan_filter = QComboBox()
        self.unit_filter = QComboBox()
        self.unit_filter.setMinimumWidth(160)
        self.status_filter = QComboBox()
        self.status_filter.addItems([ALL, "未办结", *STATUSES])
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setToolTip(self.tr("按此日期计算红黄蓝灯"))
        filters = QHBoxLayout()
        for label, widget in ((self.tr("方案"), self.plan_filter), (self.tr("单位"), self.unit_filter),
                              (self.tr("状态"), self.status_filter), (self.tr("日期"), self.day)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        for combo in (self.plan_filter, self.unit_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.day.dateChanged.connect(self._day_changed)

        self.model = DelegationModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 64), (1, 44), (3, 140), (4, 44), (5, 200), (6, 60), (7, 160), (8, 44)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())

        self.detail = QLabel(self.tr("选择一行查看详情。"))
        self.detail.setWordWrap(True)
        self.status_box = QComboBox()
        self.status_box.addItems(STATUSES)
        self.status_button = QPushButton(self.tr("更新状态"))
        self.status_button.clicked.connect(lambda: self.set_status(self.status_box.currentText()))
        self.feedback = QPlainTextEdit()
        self.feedback.setPlaceholderText(self.tr("单位反馈的办理情况…"))
        self.feedback.setMaximumHeight(90)
        self.feedback_button = QPushButton(self.tr("登记反馈"))
        self.feedback_button.clicked.connect(lambda: self.add_feedback(self.feedback.toPlainText()))
        box = QGroupBox(self.tr("办理情况"))
        form = QFormLayout(box)
        form.addRow(self.detail)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_box)
        status_row.addWidget(self.status_button)
        form.addRow(self.tr("状态"), status_row)
        form.addRow(self.tr("反馈"), self.feedback)
        self.attach_button = QPushButton(self.tr("附件…"))
        self.attach_button.setToolTip(self.tr("选择单位报来的材料，随反馈一并登记"))
        self.attach_button.clicked.connect(self.choose_attachments)
        self.attachments: list[Path] = []
        self.attach_label = QLabel()
        self.attach_label.setWordWrap(True)
        feedback_row = QHBoxLayout()
        feedback_row.addWidget(self.attach_button)
        feedback_row.addWidget(self.feedback_button, 1)
        form.addRow("", self.attach_label)
        form.addRow("", feedback_row)
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("单位名称"))
        self.extra_button = QPushButton(self.tr("追加交办"))
        self.extra_button.setToolTip(self.tr("把所选事项的任务再交办给另一个单位"))
        self.extra_button.clicked.connect(lambda: self.delegate_to(self.unit_edit.text()))
        extra_row = QHBoxLayout()
        extra_row.addWidget(self.unit_edit, 1)
        extra_row.addWidget(self.extra_button)
        form.addRow(self.tr("交办给"), extra_row)

        self.remind_button = QPushButton(self.tr("起草催办通知…"))
        self.remind_button.clicked.connect(lambda: self.draft_reminder())
        self.report_button = QPushButton(self.tr("起草进展报告…"))
        self.report_button.clicked.connect(lambda: self.draft_report())
        self.ledger_button = QPushButton(self.tr("导出台账…"))
        self.ledger_button.clicked.connect(lambda: self.export_ledger())
        self.ics_button = QPushButton(self.tr("导出日历（.ics）…"))
        self.ics_button.setToolTip(self.tr("把未办结事项的时限导入 Outlook、手机等日历"))
        self.ics_button.clicked.connect(lambda: self.export_calendar())
        outputs = QGroupBox(self.tr("文书"))
        out_layout = QVBoxLayout(outputs)
        for button in (self.remind_button, self.report_button, self.ledger_button, self.ics_button):
            out_layout.addWidget(button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(box)
        side_layout.addWidget(outputs)
        side_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        session.tracking_changed.connect(self.reload)
        self._loaded = False
        self._set_enabled(False)

    # --- data ------------------------------------------------------------------------------------
    def today(self) -> dt.date:
        return self.day.date().toPython()

    def set_today(self, day: dt.date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def _day_changed(self, _date) -> None:
        self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def _queries(self) -> Any:
        return core("tracking.queries", "督办", "list_delegations")

    def reload(self) -> None:
        """Reload the plan and unit lists, then the board."""
        try:
            queries = self._queries()
            store = self.session.store
            plans = queries.list_plans(store)
            units = [r[0] for r in store.conn.execute("SELECT DISTINCT unit FROM delegations ORDER BY unit")]
        except PolicyDeskError as exc:
            self.summary.setText(str(exc))
            return
        self._loaded = True
        known = list(units)
        if self.session.profile is not None:
            known += [n for n in self.session.profile.department_names() + self.session.profile.unit_names()
                      if n not in known]
        completer = QCompleter(known, self.unit_edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit_edit.setCompleter(completer)
        for combo, items in ((self.plan_filter, [(p.title, p.id) for p in reversed(plans)]),
                             (self.unit_filter, [(u, u) for u in units])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ALL, None)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(current)
            combo.setCurrentIndex(max(found, 0) if current is not None else (1 if combo is self.plan_filter
                                                                              and items else 0))
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        try:
            queries = self._queries()
            rows = queries.list_delegations(self.session.store, today=self.today(),
                                            plan_id=self.plan_filter.currentData(),
                                            unit=self.unit_filter.currentData())
        except PolicyDeskError as exc:
            self.summary.setText(str(exc))
            self._set_enabled(False)
            return
        selected = self.current_row()
        status = self.status_filter.currentText()
        if status == "未办结":
            rows = [r for r in rows if r.status != "办结"]
        elif status in STATUSES:
            rows = [r for r in rows if r.status == status]
        self.model.set_rows(rows)
        if selected is not None:
            for i, r in enumerate(self.model.rows):
                if r.id == selected.id:
                    self.view.selectRow(i)
                    break
        lights = {c: sum(1 for r in rows if r.light == c) for c in ("red", "yellow", "blue")}
        closed = sum(1 for r in rows if r.status == "办结")
        if rows:
            self.summary.setText(
                f"共 {len(rows)} 件 · <span style='color:#e53935'>● 红灯（逾期）{lights['red']}</span> · "
                f"<span style='color:#f9a825'>● 黄灯（滞后）{lights['yellow']}</span> · "
                f"<span style='color:#1e88e5'>● 蓝灯（3个工作日内到期）{lights['blue']}</span> · 已办结 {closed}")
        elif self.plan_filter.count() <= 1:
            self.summary.setText(self.tr("督办库中还没有交办事项：在“分工”中点击“交办督办”。"))
        else:
            self.summary.setText(self.tr("没有符合筛选条件的事项。"))
        for button in (self.ledger_button, self.remind_button, self.report_button, self.ics_button):
            button.setEnabled(self.plan_filter.count() > 1)
        self._selected()

    def current_row(self) -> Any:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.status_box, self.status_button, self.feedback, self.feedback_button,
                       self.attach_button, self.unit_edit, self.extra_button):
            widget.setEnabled(on)

    def _selected(self) -> None:
        row = self.current_row()
        self._set_enabled(row is not None)
        if row is None:
            self.detail.setText(self.tr("选择一行查看详情。"))
            return
        times = [(name, getattr(row, attr)) for name, attr in (("交办", "assigned_at"), ("签收", "signed_at"),
                 ("办理中", "started_at"), ("反馈", "reported_at"), ("办结", "closed_at"))]
        steps = " → ".join(f"{n} {t:%m-%d}" for n, t in times if t)
        due = html.escape(str(row.deadline_text or row.due_date or "无"))
        self.detail.setText(f"<b>{html.escape(row.unit)}</b>（{row.role}）<br>{html.escape(row.measures[:120])}<br>"
                            f"时限：{due}<br>{steps}")
        self.status_box.setCurrentText(row.status)

    # --- changes (quick single-row writes on the UI thread) ----------------------------------------
    def _change(self, **kwargs: Any) -> bool:
        row = self.current_row()
        if row is None:
            self.error.emit("请先选择一条交办事项。")
            return False
        try:
            delegations = core("tracking.delegations", "督办", "update_status")
            delegations.update_status(self.session.store, row.id, expected_version=row.version, **kwargs)
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
            return False
        self.refresh()
        return True

    def set_status(self, status: str) -> bool:
        return self._change(status=status)

    def choose_attachments(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "选择反馈材料", "", "所有文件 (*)")
        if names:
            self.set_attachments([Path(n) for n in names])

    def set_attachments(self, paths: list[Path]) -> None:
        self.attachments = list(paths)
        self.attach_label.setText("附件：" + "、".join(p.name for p in self.attachments) if paths else "")

    def add_feedback(self, text: str) -> bool:
        """Record the unit's feedback (and the chosen attachments) on the selected delegation."""
        if not text.strip() and not self.attachments:
            self.error.emit("请填写反馈内容。")
            return False
        ok = self._change(feedback=text.strip() or None, files=list(self.attachments))
        if ok:
            self.feedback.clear()
            self.set_attachments([])
        return ok

    def delegate_to(self, unit: str) -> bool:
        """交办 the selected item's task to one more unit (as 配合)."""
        row = self.current_row()
        if row is None or not unit.strip():
            self.error.emit("请先选择一条事项并填写单位名称。")
            return False
        try:
            delegations = core("tracking.delegations", "交办", "delegate")
            delegations.delegate(self.session.store, row.task_id, unit.strip(), role=delegations.ROLE_SUPPORT)
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
            return False
        self.unit_edit.clear()
        self.reload()
        self.session.message.emit(f"已交办给{unit.strip()}。")
        return True

    # --- documents (worker jobs) -----------------------------------------------------------------
    def _output(self, title: str, default: str, filters: str, path: Path | None) -> Path | None:
        if path is not None:
            return Path(path)
        name, _ = QFileDialog.getSaveFileName(self, title, default, filters)
        return Path(name) if name else None

    def _start(self, title: str, fn, path: Path) -> TaskState | None:
        try:
            store_path = self.session.store_path()
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
            return None
        state = self.session.runner.start(title, fn, store_path, path, self.plan_filter.currentData(),
                                          self.today())
        state.failed.connect(lambda m: self.error.emit(f"{title}失败：{m}"))
        state.finished.connect(lambda _r: self.refresh())
        return state

    def export_ledger(self, path: Path | None = None) -> TaskState | None:
        path = self._output("导出督办台账", "督办台账.xlsx", "Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)", path)
        if path is None:
            return None
        state = self._start("导出台账", jobs.export_ledger, path)
        if state is not None:
            state.finished.connect(lambda p: self.session.message.emit(f"已导出台账：{p}"))
        return state

    def export_calendar(self, path: Path | None = None) -> TaskState | None:
        path = self._output("导出时限日历", "督办时限.ics", "日历文件 (*.ics)", path)
        if path is None:
            return None
        state = self._start("导出日历", jobs.export_calendar, path)
        if state is not None:
            state.finished.connect(lambda p: self.session.message.emit(f"已导出日历：{p}"))
        return state

    def draft_reminder(self, path: Path | None = None) -> TaskState | None:
        path = self._output("起草催办通知", "催办通知.docx", "Word 文档 (*.docx)", path)
        if path is None:
            return None
        state = self._start("起草催办通知", jobs.draft_reminder, path)
        if state is not None:
            state.finished.connect(lambda p: self.session.message.emit(
                f"已起草催办通知：{p}" if p else "没有逾期或滞后的事项，无需催办。"))
        return state

    def draft_report(self, path: Path | None = None) -> TaskState | None:
        path = self._output("起草进展情况报告", "进展情况报告.docx", "Word 文档 (*.docx)", path)
        if path is None:
            return None
        state = self._start("起草进展报告", jobs.draft_report, path)
        if state is not None:
            state.finished.connect(lambda p: self.session.message.emit(f"已起草进展情况报告：{p}"))
        return state
