"""起草: the county plan and its cover notice as editable text, substitutions, checks, .docx export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from desktop.core_bridge import available, core
from desktop.jobs import OpenedNotice
from desktop.plan_text import apply_cover_text, apply_plan_text, cover_to_text, merge_edits, plan_to_text
from desktop.ui.pdf_pane import PdfPane
from desktop.ui.session import Session
from desktop.worker import TaskState
from drafting.plan_sync import sync_body_edits
from parsing.errors import PolicyDeskError
from parsing.locations import user_data_dir


class DraftPage(QWidget):
    error = Signal(str)
    goto_table = Signal()
    goto_task = Signal(str)  # a completeness finding's task id
    exported = Signal(object)  # Path of the .docx

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.generated_plan_text = ""
        self.generated_cover_text = ""
        self.source: OpenedNotice | None = None
        self.last_docx: Path | None = None

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
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("文种")))
        buttons.addWidget(self.kind)
        for button in (self.draft_button, self.export_button, self.preview_button, self.table_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.plan_edit = QPlainTextEdit()
        self.plan_edit.setPlaceholderText(self.tr("点击“起草”生成方案正文，可直接在此修改。"))
        self.cover_edit = QPlainTextEdit()
        self.cover_edit.setPlaceholderText(self.tr("印发通知的正文将在起草后显示。"))
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
        layout.addWidget(splitter, 1)

        session.plan_text_edits = self.edited_plan
        session.current_changed.connect(lambda _o: self._update_summary())
        session.plan_changed.connect(lambda _p: self._update_summary())
        self._update_summary()

    # --- state -----------------------------------------------------------------------------------
    def _update_summary(self) -> None:
        current = self.session.current
        ready = available("drafting.plan_builder")  # find_spec only: no import at start-up
        has_plan = self.session.plan is not None
        self.draft_button.setEnabled(current is not None and ready)
        self.draft_button.setText(self.tr("重新起草") if has_plan and self.source is current else "起草")
        self.export_button.setEnabled(has_plan)
        self.preview_button.setEnabled(self.last_docx is not None)
        self.table_button.setEnabled(has_plan)
        if not ready:
            self.summary.setText(self.tr("起草模块（drafting.plan_builder）尚未安装，暂不能起草。"))
        elif current is None:
            self.summary.setText(self.tr("请先在“收文”中打开一份上级来文。"))
        elif has_plan and self.source is not None:
            plan = self.session.plan
            self.summary.setText(f"依据《{self.source.notice.title or self.source.path.name}》起草：{plan.title}"
                                 f" · 任务 {len(plan.tasks)} 项")
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
        state = self.session.runner.start("起草实施方案", jobs.draft_plan, current.notice, profile,
                                          self.kind.currentText())
        state.finished.connect(lambda plan, o=current: self._drafted(o, plan))
        state.failed.connect(lambda m: self.error.emit(f"起草失败：{m}"))
        self.draft_button.setEnabled(False)
        state.done.connect(self._update_summary)
        return state

    def _drafted(self, opened: OpenedNotice, plan: Any) -> None:
        plan_text, cover_text = plan_to_text(plan), cover_to_text(plan)
        kept = 0
        if self.source is opened and self.generated_plan_text:
            plan_text, kept_plan = merge_edits(self.generated_plan_text, self.plan_edit.toPlainText(), plan_text)
            cover_text, kept_cover = merge_edits(self.generated_cover_text, self.cover_edit.toPlainText(),
                                                 cover_text)
            kept = kept_plan + kept_cover
        self.generated_plan_text, self.generated_cover_text = plan_to_text(plan), cover_to_text(plan)
        self.source = opened
        self.plan_edit.setPlainText(plan_text)
        self.cover_edit.setPlainText(cover_text)
        self._show_side(plan)
        self.session.set_plan(plan, opened)
        if kept:
            self.session.message.emit(f"已重新起草，保留了您修改过的 {kept} 处段落。")

    def _show_side(self, plan: Any) -> None:
        self.substitutions.setRowCount(len(plan.substitutions))
        for row, sub in enumerate(plan.substitutions):
            for col, text in enumerate((sub.original, sub.replacement, sub.where, sub.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.substitutions.setItem(row, col, item)
        self.checks.clear()
        for check in plan.checks:
            mark = "错误" if check.level == "error" else "提示"
            item = QListWidgetItem(f"【{mark}】{check.message}")
            item.setForeground(QBrush(QColor("#b00020" if check.level == "error" else "#8a5a00")))
            item.setData(Qt.ItemDataRole.UserRole, check.task_id)
            self.checks.addItem(item)
        if not plan.checks:
            self.checks.addItem(self.tr("未发现缺项：每项任务都有牵头单位和时限。"))

    def _check_activated(self, item: QListWidgetItem) -> None:
        task_id = item.data(Qt.ItemDataRole.UserRole)
        if task_id:
            self.goto_task.emit(task_id)

    def edited_plan(self) -> Any:
        """The session's plan with the text edits on this page applied."""
        plan = self.session.plan
        if plan is None:
            return None
        if self.plan_edit.toPlainText().strip():
            edited = apply_plan_text(plan, self.plan_edit.toPlainText())
            sync_body_edits(plan, edited)  # body and 任务分工表 edits meet (issue 14.7)
            plan = edited
        if self.cover_edit.toPlainText().strip():
            plan = apply_cover_text(plan, self.cover_edit.toPlainText())
        return plan

    # --- export and preview -----------------------------------------------------------------------
    def export_docx(self, path: Path | None = None) -> TaskState | None:
        plan = self.edited_plan()
        if plan is None:
            self.error.emit("请先起草实施方案。")
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, "导出实施方案", f"{plan.title[:40]}.docx", "Word 文档 (*.docx)")
            if not name:
                return None
            path = Path(name)
        state = self.session.runner.start("导出 .docx", jobs.export_plan_docx, plan, Path(path),
                                          self.session.layout)
        state.finished.connect(self._exported)
        state.failed.connect(lambda m: self.error.emit(f"导出失败：{m}"))
        return state

    def _exported(self, path: Path) -> None:
        self.last_docx = Path(path)
        self.session.message.emit(f"已导出 {path}")
        self.preview_button.setEnabled(True)
        self.exported.emit(self.last_docx)

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
