"""Cell editors of the 任务分工表 and the OCR marks in the 解析 text."""

from __future__ import annotations

import datetime as dt

import pytest
from desktop_harness import QT_LOG_IGNORE, window_fixture  # noqa: F401 (the window fixture)
from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDateEdit, QLineEdit, QStyleOptionViewItem, QWidget

from desktop.jobs import OpenedNotice
from desktop.ui.models import TaskTableModel
from desktop.ui.table_editors import DateDelegate, HolidayCalendar, MultiUnitCompleter, UnitDelegate
from drafting.plan import CountyPlan, PlanTask

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def test_the_calendar_marks_holidays_and_makeup_days(qtbot):
    calendar = HolidayCalendar()
    qtbot.addWidget(calendar)
    calendar.setCurrentPage(2024, 10)
    national_day = calendar.dateTextFormat(QDate(2024, 10, 1))
    assert national_day.foreground().color() == QColor("#c62828")
    assert "国庆节" in national_day.toolTip()
    makeup = calendar.dateTextFormat(QDate(2024, 10, 12))  # a Saturday worked for the National Day
    assert makeup.fontUnderline() and makeup.toolTip() == "调休上班"
    ordinary = calendar.dateTextFormat(QDate(2024, 10, 15))
    assert ordinary.foreground().color() != QColor("#c62828")


def test_date_and_unit_editors_write_through_the_model(qtbot):
    plan = CountyPlan(title="方案", cover_title="通知", issuer="示例县卫生健康局",
                      tasks=[PlanTask(id="T1", number="1", category="安全生产", measures="排查隐患。")])
    model = TaskTableModel()
    model.set_plan(plan)
    parent = QWidget()
    qtbot.addWidget(parent)
    dates = DateDelegate()
    index = model.index(0, TaskTableModel.DATE_COLUMN)
    editor = dates.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, QDateEdit) and isinstance(editor.calendarWidget(), HolidayCalendar)
    editor.setDate(QDate(2024, 9, 27))
    dates.setModelData(editor, model, index)
    assert plan.tasks[0].due == "2024-09-27"
    dates.setEditorData(editor, index)
    assert editor.date().toPython() == dt.date(2024, 9, 27)

    units = UnitDelegate(lambda: ["局办公室", "医政医管股", "疾病预防控制股"])
    line = units.createEditor(parent, QStyleOptionViewItem(), model.index(0, 3))
    assert isinstance(line, QLineEdit) and isinstance(line.completer(), MultiUnitCompleter)
    line.setText("局办公室、疾病")
    completer = line.completer()
    assert completer.splitPath(line.text()) == ["疾病"]
    completer.setCompletionPrefix("疾病")
    assert completer.completionCount() == 1
    assert completer.currentIndex().data() == "疾病预防控制股"
    assert completer.pathFromIndex(completer.currentIndex()) == "局办公室、疾病预防控制股"


def test_low_confidence_ocr_spans_are_underlined(qtbot, window, tmp_path):
    from parsing.model import Source
    from parsing.parser import parse_clean
    from parsing.pipeline import text_from_string

    text = ("某市卫生健康委员会\n关于开展夏季爱国卫生运动的通知\n各县（市、区）卫健委：\n"
            "一、工作任务\n各县区要于2024年7月10日前报送工作总结。\n联系人：张三，电话：0351-1234567\n"
            "某市卫生健康委员会\n2024年6月1日")
    _raw, clean = text_from_string(text, "扫描件.txt")
    start = clean.text.index("工作总结")
    clean.low_confidence = [(start, start + 4)]
    notice = parse_clean(clean, Source(file="扫描件.txt", ocr=True))
    opened = OpenedNotice(path=tmp_path / "扫描件.txt", notice=notice, clean=clean)
    window.session.add_notice(opened)
    page = window.parse_page
    wavy = [s for s in page.text.extraSelections()
            if s.format.underlineStyle() == s.format.UnderlineStyle.WaveUnderline]
    assert len(wavy) == 1
    assert wavy[0].cursor.selectedText() == "工作总结"
    assert "经 OCR 识别" in page.summary.text()
