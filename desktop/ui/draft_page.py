"""起草: the county plan and its cover notice as editable text, the outgoing fields (发文字号,
成文日期, 抄送, 紧急程度, 密级, 签发人), substitutions, checks re-run on every change, .docx export.

Everything here belongs to the case of the notice shown and is saved with it after each edit."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import jobs
from desktop.cases import SECRECY_CHOICES, URGENCY_CHOICES, Case
from desktop.core_bridge import available, core
from desktop.jobs import OpenedNotice
from desktop.outgoing import (
    check_text,
    default_file_name,
    default_issue_date,
    drafting_notes,
    earliest_issue_date,
    expand_doc_number,
    recheck,
    with_current_warnings,
)
from desktop.plan_text import apply_cover_text, apply_plan_text, cover_to_text, merge_edits, plan_to_text
from desktop.ui.fields import text_to_value
from desktop.ui.pdf_pane import PdfPane
from desktop.ui.session import Session
from desktop.ui.table_editors import HolidayCalendar
from desktop.worker import TaskState
from drafting.plan_sync import sync_body_edits
from parsing.errors import PolicyDeskError
from parsing.locations import user_data_dir

SAVE_DELAY_MS = 500  # text edits are saved (and checked) this long after the last keystroke


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DraftPage(QWidget):
    error = Signal(str)
    goto_table = Signal()
    goto_task = Signal(str)  # a completeness finding's task id
    exported = Signal(object)  # Path of the .docx

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.opened: OpenedNotice | None = None  # the notice whose case is shown
        self.last_docx: Path | None = None
        self._loading = False

        title = QLabel(self.tr("起草"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # titles are document text
        self.summary.setWordWrap(True)
        self.draft_button = QPushButton(self.tr("起草"))
        self.draft_button.setToolTip(self.tr("根据当前来文和单位资料起草；再次起草时保留您修改过的段落"))
        self.draft_button.clicked.connect(self.draft)
        self.export_button = QPushButton(self.tr("导出 .docx…"))
        self.export_button.clicked.connect(lambda: self.export_docx())
        self.preview_button = QPushButton(self.tr("页面预览"))
        self.preview_button.clicked.connect(self.preview)
        self.table_button = QPushButton(self.tr("任务分工表 →"))
        self.table_button.clicked.connect(self.goto_table)
        self.kind = QComboBox()
        self.kind.addItems(["实施方案", "工作方案", "转发通知"])
        self.kind.setToolTip(self.tr("起草的文种：印发实施方案、印发工作方案，或直接转发上级来文"))
        self.kind.currentTextChanged.connect(self._kind_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("文种")))
        buttons.addWidget(self.kind)
        for button in (self.draft_button, self.export_button, self.preview_button, self.table_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.outgoing_box = self._build_outgoing()

        self.plan_edit = QPlainTextEdit()
        self.plan_edit.setPlaceholderText(self.tr("点击“起草”生成方案正文，可直接在此修改。"))
        self.cover_edit = QPlainTextEdit()
        self.cover_edit.setPlaceholderText(self.tr("印发通知的正文将在起草后显示。"))
        self.plan_edit.textChanged.connect(self._text_edited)
        self.cover_edit.textChanged.connect(self._text_edited)
        self.preview_pane = PdfPane(self.tr("导出 .docx 后点击“页面预览”查看排版效果（需要 LibreOffice）。"),
                                    whole_pages=True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.plan_edit, self.tr("实施方案"))
        self.tabs.addTab(self.cover_edit, self.tr("印发通知"))
        self.tabs.addTab(self.preview_pane, self.tr("页面预览"))

        self.substitutions = QTableWidget(0, 4)
        self.substitutions.setHorizontalHeaderLabels([self.tr("上级原文"), self.tr("本县改为"), self.tr("位置"),
                                                      self.tr("理由")])
        self.substitutions.verticalHeader().setVisible(False)
        self.substitutions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.substitutions.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.checks = QListWidget()
        self.checks.setWordWrap(True)
        self.checks.setToolTip(self.tr("双击一条提示，转到任务分工表中的该项任务"))
        self.checks.itemActivated.connect(self._check_activated)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("替换清单（请逐项核对）")))
        side_layout.addWidget(self.substitutions, 3)
        side_layout.addWidget(QLabel(self.tr("完整性检查")))
        side_layout.addWidget(self.checks, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.outgoing_box)
        layout.addWidget(splitter, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)

        session.plan_text_edits = self.edited_plan
        session.current_changed.connect(self._show_case)
        session.plan_changed.connect(self._plan_changed)
        session.plan_edited.connect(self.refresh_checks)
        session.notice_edited.connect(self._notice_edited)
        session.profile_changed.connect(lambda _p: self.refresh_checks())
        self._show_case(session.current)

    def _build_outgoing(self) -> QGroupBox:
        box = QGroupBox(self.tr("发文信息"))
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("输入序号（如 12）或完整字号"))
        self.number_edit.setToolTip(self.tr("只输入序号时，按单位资料的发文字号代字和成文日期的年份补全"))
        self.number_edit.editingFinished.connect(self._number_edited)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setCalendarWidget(HolidayCalendar(self.date_edit))
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.date_edit.setToolTip(self.tr("默认为今天；不能早于上级来文的成文日期"))
        self.date_edit.dateChanged.connect(self._outgoing_edited)
        self.urgency_combo = QComboBox()
        for value in URGENCY_CHOICES:
            self.urgency_combo.addItem(value or self.tr("不标注"), value)
        self.urgency_combo.currentIndexChanged.connect(self._outgoing_edited)
        self.secrecy_combo = QComboBox()
        self.secrecy_combo.setEditable(True)
        self.secrecy_combo.addItems(list(SECRECY_CHOICES))
        self.secrecy_combo.lineEdit().setPlaceholderText(self.tr("不标注"))
        self.secrecy_combo.setToolTip(self.tr("可加保密期限，如“秘密★1年”"))
        self.secrecy_combo.currentTextChanged.connect(self._outgoing_edited)
        self.cc_edit = QLineEdit()
        self.cc_edit.setPlaceholderText(self.tr("多个机关用“、”分隔"))
        self.cc_edit.editingFinished.connect(self._outgoing_edited)
        self.signer_edit = QLineEdit()
        self.signer_edit.setPlaceholderText(self.tr("上行文（报告、请示）填写"))
        self.signer_edit.setToolTip(self.tr("签发人只标注在上行文的版头；印发通知是下行文，一般不填"))
        self.signer_edit.editingFinished.connect(self._outgoing_edited)
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 4, 8, 4)
        cells = ((self.tr("发文字号"), self.number_edit), (self.tr("成文日期"), self.date_edit),
                 (self.tr("紧急程度"), self.urgency_combo), (self.tr("抄送"), self.cc_edit),
                 (self.tr("签发人"), self.signer_edit), (self.tr("密级"), self.secrecy_combo))
        for i, (label, widget) in enumerate(cells):
            row, col = divmod(i, 3)
            grid.addWidget(QLabel(label), row, col * 2)
            grid.addWidget(widget, row, col * 2 + 1)
        for col in (1, 3):
            grid.setColumnStretch(col, 2)
        grid.setColumnStretch(5, 1)
        return box

    # --- the case shown ----------------------------------------------------------------------------
    def case(self) -> Case | None:
        return self.session.case_for(self.opened) if self.opened is not None else None

    def _show_case(self, opened: OpenedNotice | None) -> None:
        """Show the work saved on ``opened``: its draft text, fields and export history."""
        self.flush()
        self.opened = opened
        case = self.case()
        self._loading = True
        try:
            self.plan_edit.setPlainText(case.plan_text if case is not None else "")
            self.cover_edit.setPlainText(case.cover_text if case is not None else "")
            self.kind.setCurrentText(case.kind if case is not None else "实施方案")
            self._show_outgoing(case)
        finally:
            self._loading = False
        last = [e for e in case.exports if e.what == "实施方案"] if case is not None else []
        self.last_docx = Path(last[-1].path) if last and Path(last[-1].path).is_file() else None
        self._update_summary()

    def _show_outgoing(self, case: Case | None) -> None:
        notice = self.opened.notice if self.opened is not None else None
        earliest = earliest_issue_date(notice)
        self.date_edit.setMinimumDate(_qdate(earliest) if earliest else QDate(1990, 1, 1))
        fields = case.outgoing if case is not None else None
        day = default_issue_date(notice)
        if fields is not None and fields.issue_date:
            day = max(dt.date.fromisoformat(fields.issue_date), earliest or dt.date.min)
        self.date_edit.setDate(_qdate(day))
        self.number_edit.setText(fields.doc_number if fields else "")
        self.urgency_combo.setCurrentIndex(max(self.urgency_combo.findData(fields.urgency if fields else ""), 0))
        self.secrecy_combo.setCurrentText(fields.secrecy if fields else "")
        self.cc_edit.setText("、".join(fields.cc) if fields else "")
        self.signer_edit.setText("、".join(fields.signer) if fields else "")
        self.outgoing_box.setEnabled(case is not None)

    def issue_date(self) -> dt.date:
        return self.date_edit.date().toPython()

    def _number_edited(self) -> None:
        typed = self.number_edit.text()
        prefix = ""
        with contextlib.suppress(PolicyDeskError):
            prefix = self.profile().doc_prefix
        full = expand_doc_number(typed, prefix, self.issue_date().year) if prefix else typed.strip()
        if full != typed:
            self.number_edit.setText(full)
        self._outgoing_edited()

    def _outgoing_edited(self, *_args: Any) -> None:
        """Keep the fields in the case (and the plan), save, check again."""
        case = self.case()
        if self._loading or case is None:
            return
        fields = case.outgoing
        fields.doc_number = self.number_edit.text().strip()
        fields.issue_date = self.issue_date().isoformat()
        fields.urgency = self.urgency_combo.currentData() or ""
        fields.secrecy = self.secrecy_combo.currentText().strip()
        fields.cc = text_to_value(self.cc_edit.text(), True)
        fields.signer = text_to_value(self.signer_edit.text(), True)
        if case.plan is not None:
            redate = case.plan.issue_date != fields.issue_date
            fields.apply_to(case.plan)
            if redate:
                self.session.message.emit("成文日期已修改。各项时限仍按原日期倒排；如需按新日期倒排，请点“重新起草”"
                                          "（您修改过的段落和分工表会保留）。")
        self.session.save_case(self.opened)
        self.refresh_checks()

    def _kind_changed(self, kind: str) -> None:
        case = self.case()
        if not self._loading and case is not None and case.kind != kind:
            case.kind = kind
            self.session.save_case(self.opened)

    def _text_edited(self) -> None:
        case = self.case()
        if self._loading or case is None:
            return
        case.plan_text, case.cover_text = self.plan_edit.toPlainText(), self.cover_edit.toPlainText()
        self._save_timer.start()

    def flush(self) -> None:
        """Save the text typed since the last save now (and check the plan again)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
        case = self.case()
        if case is None:
            return
        if (case.plan_text, case.cover_text) != (self.plan_edit.toPlainText(), self.cover_edit.toPlainText()) \
                and not self._loading:
            case.plan_text, case.cover_text = self.plan_edit.toPlainText(), self.cover_edit.toPlainText()
        self.session.save_case(self.opened)
        self.refresh_checks()

    def _plan_changed(self, plan: Any) -> None:
        if plan is not None and self.session.plan_notice is self.opened:
            self.refresh_checks()
        else:
            self._show_side(None)
        self._update_summary()

    def _notice_edited(self, opened: OpenedNotice) -> None:
        if opened is self.opened:
            self._show_outgoing_minimum()
            self.refresh_checks()
            self._update_summary()

    def _show_outgoing_minimum(self) -> None:
        earliest = earliest_issue_date(self.opened.notice if self.opened else None)
        self.date_edit.setMinimumDate(_qdate(earliest) if earliest else QDate(1990, 1, 1))

    # --- state -----------------------------------------------------------------------------------
    def _update_summary(self) -> None:
        current = self.session.current
        ready = available("drafting.plan_builder")  # find_spec only: no import at start-up
        case = self.case()
        has_plan = case is not None and case.plan is not None
        self.draft_button.setEnabled(current is not None and ready)
        self.draft_button.setText(self.tr("重新起草") if has_plan else self.tr("起草"))
        self.export_button.setEnabled(has_plan)
        self.preview_button.setEnabled(self.last_docx is not None)
        self.table_button.setEnabled(has_plan)
        if not ready:
            self.summary.setText(self.tr("起草模块（drafting.plan_builder）尚未安装，暂不能起草。"))
        elif current is None:
            self.summary.setText(self.tr("请先在“收文”中打开一份上级来文。"))
        elif has_plan:
            plan = case.plan
            exports = f" · 已导出 {len(case.exports)} 次" if case.exports else ""
            self.summary.setText(f"依据《{current.notice.title or current.path.name}》起草：{plan.title}"
                                 f" · 任务 {len(plan.tasks)} 项{exports}")
        else:
            self.summary.setText(f"当前来文：{current.notice.title or current.path.name}。点击“起草”。")

    def profile(self) -> Any:
        """The county profile (the user's, or the bundled sample), read once."""
        if self.session.profile is None:
            profile_mod = core("drafting.profile", "单位资料", "load_user_profile")
            self.session.set_profile(profile_mod.load_user_profile())
        return self.session.profile

    # --- drafting --------------------------------------------------------------------------------
    def draft(self) -> TaskState | None:
        current = self.session.current
        if current is None:
            self.error.emit("请先在“收文”中打开一份上级来文。")
            return None
        try:
            profile = self.profile()
        except PolicyDeskError as exc:
            self.error.emit(f"单位资料无法读取：{exc}")
            return None
        self.flush()
        state = self.session.runner.start("起草实施方案", jobs.draft_plan, current.notice, profile,
                                          self.kind.currentText(), self.issue_date())
        state.finished.connect(lambda plan, o=current: self._drafted(o, plan))
        state.failed.connect(lambda m: self.error.emit(f"起草失败：{m}"))
        self.draft_button.setEnabled(False)
        state.done.connect(self._update_summary)
        return state

    def _drafted(self, opened: OpenedNotice, plan: Any) -> None:
        case = self.session.case_for(opened)
        plan_text, cover_text = plan_to_text(plan), cover_to_text(plan)
        kept = 0
        if case.generated_plan_text:
            plan_text, kept_plan = merge_edits(case.generated_plan_text, case.plan_text, plan_text)
            cover_text, kept_cover = merge_edits(case.generated_cover_text, case.cover_text, cover_text)
            kept = kept_plan + kept_cover
        case.generated_plan_text, case.generated_cover_text = plan_to_text(plan), cover_to_text(plan)
        case.plan_text, case.cover_text = plan_text, cover_text
        if opened is self.opened:
            case.kind = self.kind.currentText()
        try:
            case.draft_notes = drafting_notes(plan, with_current_warnings(opened.notice), self.profile())
        except PolicyDeskError:
            case.draft_notes = []
        case.outgoing.issue_date = plan.issue_date or case.outgoing.issue_date
        case.outgoing.apply_to(plan)
        if opened is self.opened:
            self._loading = True
            try:
                self.plan_edit.setPlainText(plan_text)
                self.cover_edit.setPlainText(cover_text)
            finally:
                self._loading = False
        if opened is self.session.current:
            self.session.set_plan(plan, opened)
        else:
            case.plan = plan
        self.session.save_case(opened)
        if kept:
            self.session.message.emit(f"已重新起草，保留了您修改过的 {kept} 处段落。")

    def refresh_checks(self) -> None:
        """The completeness check again, on the plan as it now stands (text, table, fields, parse)."""
        case = self.case()
        if case is None or case.plan is None or self.opened is None:
            self._show_side(None)
            return
        try:
            profile = self.profile()
        except PolicyDeskError:
            profile = None
        edited = self.edited_plan()
        if edited is not None and profile is not None:
            case.plan.checks = recheck(edited, self.opened.notice, profile, case.draft_notes)
        self._show_side(case.plan)

    def _show_side(self, plan: Any) -> None:
        subs = plan.substitutions if plan is not None else []
        self.substitutions.setRowCount(len(subs))
        for row, sub in enumerate(subs):
            for col, text in enumerate((sub.original, sub.replacement, sub.where, sub.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.substitutions.setItem(row, col, item)
        self.checks.clear()
        if plan is None:
            return
        for check in plan.checks:
            item = QListWidgetItem(check_text(check))
            item.setForeground(QBrush(QColor("#b00020" if check.level == "error" else "#8a5a00")))
            item.setData(Qt.ItemDataRole.UserRole, check.task_id)
            self.checks.addItem(item)
        if not plan.checks:
            self.checks.addItem(self.tr("未发现缺项：每项任务都有牵头单位和时限。"))

    def check_messages(self) -> list[str]:
        return [self.checks.item(i).text() for i in range(self.checks.count())]

    def _check_activated(self, item: QListWidgetItem) -> None:
        task_id = item.data(Qt.ItemDataRole.UserRole)
        if task_id:
            self.goto_task.emit(task_id)

    def edited_plan(self) -> Any:
        """A copy of the shown plan with the text edits and the outgoing fields of this page."""
        case = self.case()
        plan = case.plan if case is not None else None
        if plan is None:
            return None
        edited = copy.deepcopy(plan)
        if self.plan_edit.toPlainText().strip():
            edited = apply_plan_text(plan, self.plan_edit.toPlainText())
            sync_body_edits(plan, edited)  # body and 任务分工表 edits meet (issue 14.7)
        if self.cover_edit.toPlainText().strip():
            edited = apply_cover_text(edited, self.cover_edit.toPlainText())
        return case.outgoing.apply_to(edited)

    # --- export and preview -----------------------------------------------------------------------
    def export_docx(self, path: Path | None = None) -> TaskState | None:
        self.flush()
        plan = self.edited_plan()
        if plan is None:
            self.error.emit("请先起草实施方案。")
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, "导出实施方案", default_file_name(plan.title, ".docx"),
                                                  "Word 文档 (*.docx)")
            if not name:
                return None
            path = Path(name)
        state = self.session.runner.start("导出 .docx", jobs.export_plan_docx, plan, Path(path),
                                          self.session.layout)
        state.finished.connect(lambda p, o=self.opened: self._exported(o, p))
        state.failed.connect(lambda m: self.error.emit(f"导出失败：{m}"))
        return state

    def _exported(self, opened: OpenedNotice | None, path: Path) -> None:
        if opened is not None:
            self.session.case_for(opened).record_export(path, "实施方案")
            self.session.save_case(opened)
        if opened is self.opened:
            self.last_docx = Path(path)
            self.preview_button.setEnabled(True)
            self._update_summary()
        self.session.message.emit(f"已导出 {path}")
        self.exported.emit(Path(path))

    def preview(self) -> TaskState | None:
        if self.last_docx is None:
            self.error.emit("请先导出 .docx。")
            return None
        out_dir = user_data_dir() / "preview"
        state = self.session.runner.start("生成页面预览", jobs.docx_to_pdf, self.last_docx, out_dir)
        state.finished.connect(self._show_preview)
        state.failed.connect(lambda m: self.error.emit(f"预览失败：{m}"))
        return state

    def _show_preview(self, pdf: Path) -> None:
        self.preview_pane.load(pdf)
        self.tabs.setCurrentWidget(self.preview_pane)
