"""Cell editors of the 任务分工表: unit names with completion, dates on a calendar marking holidays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCompleter,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex


class MultiUnitCompleter(QCompleter):
    """Completes the unit being typed after the last 、 in a list of units."""

    def __init__(self, names: Sequence[str], parent=None):
        super().__init__(parent)
        self.setModel(QStringListModel(list(names), self))  # parented, or Python frees it
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        return [path.split("、")[-1].strip()]

    def pathFromIndex(self, index: AnyIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit("、", 1)[0] + "、" if "、" in text else ""
        return head + str(index.data())


class UnitDelegate(QStyledItemDelegate):
    """A line editor whose completions are the profile's 股室 and units."""

    def __init__(self, names: Callable[[], Sequence[str]], parent=None):
        super().__init__(parent)
        self.names = names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setCompleter(MultiUnitCompleter(self.names(), editor))
        editor.setPlaceholderText("多个单位用“、”分隔")
        return editor


class HolidayCalendar(QCalendarWidget):
    """A calendar that paints statutory holidays red and 调休 working weekends blue."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setGridVisible(True)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.currentPageChanged.connect(lambda year, _m: self.mark_year(year))
        self._marked: set[int] = set()
        self.holidays: dict[dt.date, str] = {}
        self.mark_year(self.yearShown())

    def mark_year(self, year: int) -> None:
        if year in self._marked:
            return
        self._marked.add(year)
        try:
            from parsing import workdays

            holidays = workdays.holiday_names_in(year)
            makeup = workdays.makeup_workdays_in(year)
        except Exception:  # unknown year or module missing: plain calendar
            return
        self.holidays.update(holidays)
        off = QTextCharFormat()
        off.setForeground(QBrush(QColor("#c62828")))
        off.setBackground(QBrush(QColor("#fde0dc")))
        for day, name in holidays.items():
            off.setToolTip(f"{name}（放假）")
            self.setDateTextFormat(QDate(day.year, day.month, day.day), off)
        work = QTextCharFormat()
        work.setForeground(QBrush(QColor("#1565c0")))
        work.setFontUnderline(True)
        work.setToolTip("调休上班")
        for day in makeup:
            self.setDateTextFormat(QDate(day.year, day.month, day.day), work)


class DateDelegate(QStyledItemDelegate):
    """A date editor with a calendar popup marking holidays; writes ISO dates."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setCalendarWidget(HolidayCalendar(editor))
        editor.setDisplayFormat("yyyy年M月d日")
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        date = QDate.fromString(value, Qt.DateFormat.ISODate)
        editor.setDate(date if date.isValid() else QDate.currentDate())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        model.setData(index, editor.date().toString(Qt.DateFormat.ISODate), Qt.ItemDataRole.EditRole)
