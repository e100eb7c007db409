"""督办: the delegation board — filters, lights, status changes, feedback (per occurrence of a
recurring duty), history, 工作达成率 per unit, units waiting on the clerk, 催办, report, 台账."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import jobs
from desktop.core_bridge import core
from desktop.ui.board_details import (
    AchievementModel,
    HistoryModel,
    OccurrenceModel,
    PendingModel,
    RateBarDelegate,
)
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
        self.pending_badge = QPushButton()
        self.pending_badge.setObjectName("pendingBadge")
        self.pending_badge.setToolTip(self.tr("单位资料中没有的责任单位，等待确认由谁承担"))
        self.pending_badge.setStyleSheet("QPushButton#pendingBadge { color: #b71c1c; font-weight: bold; }")
        self.pending_badge.clicked.connect(lambda: self.tabs.setCurrentWidget(self.pending_tab))
        self.pending_badge.hide()
        filters.addWidget(self.pending_badge)
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
        self._build_tabs()

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
        self.occurrence_label = QLabel()
        self.occurrence_label.setWordWrap(True)
        form.addRow("", self.occurrence_label)
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

        board = QSplitter(Qt.Orientation.Vertical)
        board.addWidget(self.view)
        board.addWidget(self.tabs)
        board.setStretchFactor(0, 3)
        board.setStretchFactor(1, 2)
        board.setSizes([330, 220])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(board)
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

    def _table(self, model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _build_tabs(self) -> None:
        """Under the board: the selected duty's occurrences and history, 工作达成率, pending units."""
        self.tabs = QTabWidget()
        self.tabs.setMinimumWidth(180)  # the window stays as narrow as before; the tabs scroll
        self.tabs.setUsesScrollButtons(True)
        self.occurrence_model = OccurrenceModel(self)
        self.occurrence_view = self._table(self.occurrence_model)
        for col, width in ((0, 36), (1, 120), (2, 110), (3, 100)):
            self.occurrence_view.setColumnWidth(col, width)
        self.occurrence_view.selectionModel().currentRowChanged.connect(lambda *_: self._occurrence_chosen())
        self.tabs.addTab(self.occurrence_view, self.tr("报送情况"))
        self.history_model = HistoryModel(self)
        self.history_view = self._table(self.history_model)
        for col, width in ((0, 130), (1, 90), (2, 90)):
            self.history_view.setColumnWidth(col, width)
        self.tabs.addTab(self.history_view, self.tr("办理记录"))
        self.achievement_model = AchievementModel(self)
        self.achievement_view = self._table(self.achievement_model)
        self.achievement_view.setItemDelegateForColumn(AchievementModel.BAR_COLUMN, RateBarDelegate(self))
        for col, width in ((0, 200), (1, 56), (2, 56), (3, 56)):
            self.achievement_view.setColumnWidth(col, width)
        self.achievement_view.setToolTip(self.tr("工作达成率 = 按时完成 ÷ 截至当日应完成（周期性任务按次计）"))
        self.tabs.addTab(self.achievement_view, self.tr("工作达成率"))
        self.pending_tab = QWidget()
        pending_layout = QVBoxLayout(self.pending_tab)
        pending_layout.setContentsMargins(0, 0, 0, 0)
        self.pending_model = PendingModel(self)
        self.pending_view = self._table(self.pending_model)
        for col, width in ((0, 44), (1, 180), (2, 200), (3, 44)):
            self.pending_view.setColumnWidth(col, width)
        self.resolve_unit = QComboBox()
        self.resolve_unit.setEditable(True)
        self.resolve_unit.setMinimumWidth(120)
        self.resolve_unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.resolve_unit.setMinimumContentsLength(8)
        self.resolve_unit.lineEdit().setPlaceholderText(self.tr("单位资料中的单位"))
        self.resolve_each = QCheckBox(self.tr("单位组分别交办各成员"))
        self.resolve_button = QPushButton(self.tr("交办给该单位"))
        self.resolve_button.clicked.connect(lambda: self.resolve_pending(self.resolve_unit.currentText()))
        self.drop_button = QPushButton(self.tr("不交办"))
        self.drop_button.clicked.connect(lambda: self.resolve_pending(None))
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(QLabel(self.tr("确认为")))
        resolve_row.addWidget(self.resolve_unit, 1)
        resolve_row.addWidget(self.resolve_button)
        resolve_row.addWidget(self.drop_button)
        pending_layout.addWidget(self.pending_view, 1)
        pending_layout.addLayout(resolve_row)
        pending_layout.addWidget(self.resolve_each)
        self.tabs.addTab(self.pending_tab, self.tr("待确认单位"))

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
            units = queries.delegated_units(store)  # withdrawn (撤回) rows' units are not listed
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
        profile_names = [] if self.session.profile is None else (
            self.session.profile.department_names() + self.session.profile.unit_names())
        typed = self.resolve_unit.currentText()
        self.resolve_unit.clear()
        self.resolve_unit.addItems(list(dict.fromkeys(profile_names + units)))
        self.resolve_unit.setEditText(typed)
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
        self._refresh_summaries(queries, rows)
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

    def _refresh_summaries(self, queries: Any, rows: list[Any]) -> None:
        """The per-unit 工作达成率 of the rows shown, and the plan's units waiting on the clerk."""
        by_unit, _by_task = queries.achievement(rows, self.today())
        self.achievement_model.set_rows(by_unit)
        pending = queries.pending_units(self.session.store, plan_id=self.plan_filter.currentData())
        self.pending_model.set_rows(pending)
        index = self.tabs.indexOf(self.pending_tab)
        self.tabs.setTabText(index, f"待确认单位（{len(pending)}）" if pending else "待确认单位")
        self.pending_badge.setText(f"⚑ 待确认单位 {len(pending)}")
        self.pending_badge.setVisible(bool(pending))
        for widget in (self.resolve_button, self.drop_button):
            widget.setEnabled(bool(pending))

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
            self.occurrence_model.set_rows([])
            self.history_model.set_rows([])
            self._occurrence_chosen()
            return
        times = [(name, getattr(row, attr)) for name, attr in (("交办", "assigned_at"), ("签收", "signed_at"),
                 ("办理中", "started_at"), ("反馈", "reported_at"), ("办结", "closed_at"))]
        steps = " → ".join(f"{n} {t:%m-%d}" for n, t in times if t)
        due = html.escape(str(row.deadline_text or row.due_date or "无"))
        duty = ""
        if row.recurring:
            duty = (f"<br>周期报送：共{row.occurrences}次，已报{row.occurrences_reported}次"
                    + (f"，<span style='color:#e53935'>缺报{row.occurrences_missed}次</span>"
                       if row.occurrences_missed else "")
                    + (f"，下次{row.next_due:%m月%d日}" if row.next_due else ""))
        self.detail.setText(f"<b>{html.escape(row.unit)}</b>（{row.role}）· 方案第{row.plan_version}版<br>"
                            f"{html.escape(row.measures[:120])}<br>时限：{due}{duty}<br>{steps}")
        self.status_box.setCurrentText(row.status)
        try:
            queries = self._queries()
            occurrences = queries.occurrences_of(self.session.store, row.id, self.today()) if row.recurring else []
            events = queries.history(self.session.store, row.id)
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
            occurrences, events = [], []
        self.occurrence_model.set_rows(occurrences)
        self.history_model.set_rows(events)
        self.tabs.setTabText(0, f"报送情况（{len(occurrences)}次）" if occurrences else "报送情况")
        self.tabs.setTabText(1, f"办理记录（{len(events)}）")
        waiting = next((i for i, o in enumerate(occurrences) if o.reported_at is None), None)
        if waiting is not None:
            self.occurrence_view.selectRow(waiting)
            self.occurrence_view.scrollTo(self.occurrence_model.index(waiting, 0))
        self._occurrence_chosen()

    def chosen_occurrence(self) -> Any:
        """The occurrence chosen in 报送情况 that is not yet reported (None for a one-off task)."""
        row = self.current_row()
        index = self.occurrence_view.currentIndex()
        if row is None or not row.recurring or not index.isValid():
            return None
        occ = self.occurrence_model.row_at(index.row())
        return occ if occ is not None and occ.reported_at is None else None

    def _occurrence_chosen(self) -> None:
        occ = self.chosen_occurrence()
        row = self.current_row()
        if occ is not None:
            text = f"本次反馈作为第{occ.number}次报送（应报{occ.due:%m月%d日}，{occ.state}）"
        elif row is not None and row.recurring:
            text = "所选一次已报送；反馈将作为最早一次未报送的报送"
        else:
            text = ""
        self.occurrence_label.setText(text)

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
        occ = self.chosen_occurrence()
        extra = {"occurrence": occ.number} if occ is not None else {}
        ok = self._change(feedback=text.strip() or None, files=list(self.attachments), **extra)
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

    def current_pending(self) -> Any:
        index = self.pending_view.currentIndex()
        return self.pending_model.row_at(index.row()) if index.isValid() else None

    def resolve_pending(self, unit: str | None, *, each: bool | None = None) -> bool:
        """Settle the chosen waiting unit: 交办 its task to ``unit`` of the profile, or (None) 不交办 —
        as ``policydesk track resolve`` does."""
        pending = self.current_pending()
        if pending is None:
            self.error.emit("请先在“待确认单位”中选择一条。")
            return False
        unit = (unit or "").strip() or None
        each = self.resolve_each.isChecked() if each is None else each
        try:
            delegations = core("tracking.delegations", "督办", "resolve_pending")
            ids = delegations.resolve_pending(self.session.store, pending.id, unit, each=each,
                                              profile=self.session.profile)
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
            return False
        self.resolve_unit.setEditText("")
        self.reload()
        self.session.message.emit(f"“{pending.unit}”已交办给{unit}（{len(ids)}件）。" if unit
                                  else f"“{pending.unit}”已标记为不交办。")
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
