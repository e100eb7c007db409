"""设置: the county profile, the layout profile, the templates folder and the holiday table."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core_bridge import core
from desktop.preferences import load_preferences, save_preferences
from desktop.ui.session import Session
from parsing.errors import PolicyDeskError
from parsing.locations import user_data_dir

PROFILE_FIELDS = (("county", "县名"), ("bureau", "单位全称"), ("bureau_short", "正文中简称"),
                  ("bureau_abbr", "简称（缩写）"), ("doc_prefix", "发文字号代字"), ("office", "汇总科室"))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class SettingsPage(QWidget):
    error = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        title = QLabel(self.tr("设置"))
        title.setObjectName("pageTitle")

        # --- county profile ---------------------------------------------------------------------
        self.profile_box = QGroupBox(self.tr("单位资料（起草时用于替换上级机关、确定责任单位和时限）"))
        form = QFormLayout(self.profile_box)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in PROFILE_FIELDS:
            self.edits[key] = QLineEdit()
            form.addRow(label, self.edits[key])
        self.lead_days = QSpinBox()
        self.lead_days.setRange(0, 30)
        self.lead_days.setSuffix(self.tr(" 个工作日"))
        form.addRow(self.tr("比上级时限提前"), self.lead_days)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("姓名 电话 邮箱"))
        form.addRow(self.tr("联系人"), self.contact)
        self.departments = QPlainTextEdit()
        self.departments.setPlaceholderText(self.tr("每行一个股室"))
        form.addRow(self.tr("内设股室"), self.departments)
        self.units = QPlainTextEdit()
        self.units.setPlaceholderText(self.tr("每行一组：各乡镇卫生院：甲镇卫生院、乙镇卫生院"))
        form.addRow(self.tr("下属单位"), self.units)
        self.leaders = QPlainTextEdit()
        self.leaders.setPlaceholderText(self.tr("每行一位：姓名 职务"))
        form.addRow(self.tr("领导"), self.leaders)
        self.profile_status = QLabel()
        self.profile_status.setWordWrap(True)
        save = QPushButton(self.tr("保存单位资料"))
        save.clicked.connect(self.save_profile)
        form.addRow(self.profile_status, save)

        # --- layout, templates ------------------------------------------------------------------
        other = QGroupBox(self.tr("版式与模板"))
        other_form = QFormLayout(other)
        self.layout_combo = QComboBox()
        self.layout_combo.currentIndexChanged.connect(self._layout_chosen)
        other_form.addRow(self.tr("版式方案"), self.layout_combo)
        self.layout_note = QLabel()
        self.layout_note.setWordWrap(True)
        other_form.addRow("", self.layout_note)
        self.templates_dir = QLineEdit()
        self.templates_dir.setReadOnly(True)
        open_templates = QPushButton(self.tr("打开文件夹"))
        open_templates.clicked.connect(self.open_templates)
        row = QHBoxLayout()
        row.addWidget(self.templates_dir, 1)
        row.addWidget(open_templates)
        other_form.addRow(self.tr("自定义模板"), row)
        other_form.addRow("", QLabel(self.tr("把 templates 中的模板复制到此文件夹并修改，同名文件优先使用。")))

        # --- holidays -----------------------------------------------------------------------------
        holidays = QGroupBox(self.tr("节假日与调休"))
        h_layout = QVBoxLayout(holidays)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(self.show_holidays)
        reload_button = QPushButton(self.tr("重新载入"))
        reload_button.clicked.connect(self.reload_holidays)
        top.addWidget(QLabel(self.tr("年份")))
        top.addWidget(self.year)
        top.addWidget(reload_button)
        top.addStretch(1)
        self.holiday_status = QLabel()
        self.holiday_status.setWordWrap(True)
        self.holiday_table = QTableWidget(0, 3)
        self.holiday_table.setHorizontalHeaderLabels([self.tr("日期"), self.tr("星期"), self.tr("安排")])
        self.holiday_table.verticalHeader().setVisible(False)
        self.holiday_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.holiday_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        h_layout.addLayout(top)
        h_layout.addWidget(self.holiday_status)
        h_layout.addWidget(self.holiday_table, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.profile_box)
        left_layout.addWidget(other)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addWidget(holidays, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        self._loaded = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.load()

    def load(self) -> None:
        """Fill every section from the core (quick file reads)."""
        self.load_profile()
        self.load_layouts()
        try:
            self.templates_dir.setText(str(core("drafting.templating", "模板", "user_templates_dir")
                                           .user_templates_dir()))
        except PolicyDeskError as exc:
            self.templates_dir.setText(str(exc))
        self.show_holidays()

    # --- profile ---------------------------------------------------------------------------------
    def load_profile(self) -> None:
        try:
            profile_mod = core("drafting.profile", "单位资料", "load_user_profile")
            profile = self.session.profile or profile_mod.load_user_profile()
        except PolicyDeskError as exc:
            self.profile_status.setText(str(exc))
            self.profile_box.setEnabled(False)
            return
        self.session.set_profile(profile)
        for key, _label in PROFILE_FIELDS:
            self.edits[key].setText(str(getattr(profile, key, "") or ""))
        self.lead_days.setValue(int(profile.lead_days))
        c = profile.contact
        self.contact.setText(" ".join(x for x in (c.name, c.phone, c.email) if x))
        self.departments.setPlainText("\n".join(profile.department_names()))
        self.units.setPlainText("\n".join(f"{g.name}：{'、'.join(g.members)}" if g.members else g.name
                                          for g in profile.unit_groups))
        self.leaders.setPlainText("\n".join(f"{p.name} {p.post}" for p in profile.leaders))
        for box, lines in ((self.departments, 6), (self.units, 5), (self.leaders, 5)):
            self._fit_height(box, lines)
        saved = profile_mod.default_profile_path().is_file()
        self.profile_status.setText(self.tr("已保存的单位资料") if saved else "当前为示例单位资料，请改为本单位信息后保存。")

    @staticmethod
    def _fit_height(box: QPlainTextEdit, lines: int) -> None:
        """Exactly ``lines`` lines tall, so the last visible line is never cut in half."""
        margins = 2 * box.frameWidth() + 2 * box.document().documentMargin() + box.contentsMargins().top() \
            + box.contentsMargins().bottom()
        box.setFixedHeight(int(lines * box.fontMetrics().lineSpacing() + margins) + 1)

    def edited_profile(self) -> Any:
        """The session's profile with this form's values (raises ProfileError when incomplete)."""
        profile_mod = core("drafting.profile", "单位资料", "save_profile")
        profile = copy.deepcopy(self.session.profile)
        for key, _label in PROFILE_FIELDS:
            setattr(profile, key, self.edits[key].text().strip())
        profile.lead_days = self.lead_days.value()
        parts = self.contact.text().split()
        phone = next((p for p in parts if re.search(r"\d{5,}", p)), "")
        email = next((p for p in parts if "@" in p), "")
        name = next((p for p in parts if p not in (phone, email)), "")
        profile.contact.name, profile.contact.phone, profile.contact.email = name, phone, email
        old_departments = {d.name: d for d in profile.departments}
        profile.departments = [old_departments.get(n) or profile_mod.Department(name=n)
                               for n in _lines(self.departments.toPlainText())]
        old_groups = {g.name: g for g in profile.unit_groups}
        groups = []
        for line in _lines(self.units.toPlainText()):
            name, _, members = line.partition("：")
            group = copy.deepcopy(old_groups.get(name.strip())) or profile_mod.UnitGroup(name=name.strip())
            group.members = [m.strip() for m in re.split(r"[、，,]", members) if m.strip()]
            groups.append(group)
        profile.unit_groups = groups
        leaders = []
        for line in _lines(self.leaders.toPlainText()):
            name, _, post = line.partition(" ")
            leaders.append(profile_mod.Leader(name=name.strip(), post=post.strip()))
        profile.leaders = leaders
        profile.validate()
        return profile

    def save_profile(self) -> Path | None:
        try:
            profile = self.edited_profile()
            path = core("drafting.profile", "单位资料", "save_profile").save_profile(profile)
        except PolicyDeskError as exc:
            self.error.emit(f"单位资料未保存：{exc}")
            return None
        self.session.set_profile(profile)
        self.profile_status.setText(f"已保存到 {path}")
        return Path(path)

    # --- layout and templates --------------------------------------------------------------------
    def load_layouts(self) -> None:
        try:
            profiles = core("drafting.gbt9704.profiles", "版式方案", "list_profiles")
            names = profiles.list_profiles()
        except PolicyDeskError as exc:
            self.layout_note.setText(str(exc))
            return
        chosen = load_preferences().get("layout", "standard")
        self.layout_combo.blockSignals(True)
        self.layout_combo.clear()
        for name in names:
            try:
                description = getattr(profiles.load_profile(name), "description", "") or ""
            except PolicyDeskError:
                description = ""
            short = re.split(r"[：:，,。]", description, maxsplit=1)[0].strip()
            self.layout_combo.addItem(f"{short}（{name}）" if short else name, name)
        self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(chosen), 0))
        self.layout_combo.blockSignals(False)
        self._describe_layout()

    def _describe_layout(self) -> None:
        name = self.layout_combo.currentData()
        try:
            profiles = core("drafting.gbt9704.profiles", "版式方案", "load_profile")
            layout = profiles.load_profile(name)
            self.layout_note.setText(getattr(layout, "description", "") or "")
        except PolicyDeskError as exc:
            self.layout_note.setText(str(exc))

    def _layout_chosen(self, _index: int) -> None:
        prefs = load_preferences()
        prefs["layout"] = self.layout_combo.currentData()
        try:
            save_preferences(prefs)
        except OSError as exc:
            self.error.emit(f"版式设置未保存：{exc.strerror or exc}")
        self.session.layout = self.layout_combo.currentData()
        self._describe_layout()

    def open_templates(self) -> None:
        path = Path(self.templates_dir.text())
        path.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- holidays --------------------------------------------------------------------------------
    def reload_holidays(self) -> None:
        try:
            core("parsing.workdays", "节假日", "reload_tables").reload_tables()
        except PolicyDeskError as exc:
            self.error.emit(str(exc))
        self.show_holidays()

    def show_holidays(self) -> None:
        year = self.year.value()
        self.holiday_table.setRowCount(0)
        try:
            workdays = core("parsing.workdays", "节假日", "holiday_names_in")
            status = workdays.year_status(year)
            if status == "unknown":
                self.holiday_status.setText(f"{year} 年的节假日安排尚未录入：请在 {user_data_dir() / 'holidays.json'} "
                                            "中补充，然后点击“重新载入”。")
                return
            holidays = workdays.holiday_names_in(year)
            makeup = workdays.makeup_workdays_in(year)
        except PolicyDeskError as exc:
            self.holiday_status.setText(str(exc))
            return
        note = "已按国务院办公厅通知录入" if status == "published" else "预计安排（仅法定节日当天，以正式通知为准）"
        self.holiday_status.setText(f"{year} 年：{note}。可在 {user_data_dir() / 'holidays.json'} 中增补或修改。")
        rows = sorted([(d, f"{n}（放假）") for d, n in holidays.items()] + [(d, "调休上班") for d in makeup])
        self.holiday_table.setRowCount(len(rows))
        for i, (day, text) in enumerate(rows):
            for col, value in enumerate((day.isoformat(), "一二三四五六日"[day.weekday()], text)):
                self.holiday_table.setItem(i, col, QTableWidgetItem(value))
