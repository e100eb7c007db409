"""督办 page details: a duty's occurrences, a row's history, the per-unit 工作达成率 and the units
waiting on the clerk — small models over ``tracking.queries`` rows, and the bar delegate."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.table_base import AnyIndex, HeaderedTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
RATE_ROLE = Qt.ItemDataRole.UserRole + 1  # the rate as a float 0–1 (None: nothing due yet)
STATE_COLORS = {"未报送（逾期）": "#e53935", "逾期报送": "#f9a825", "已报送": "#2e7d32"}


class _ListModel(HeaderedTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_items(self) -> Sequence[Any]:
        return self.rows

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def values(self, r: Any) -> tuple:
        raise NotImplementedError

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == DISPLAY:
            return self.values(self.rows[index.row()])[index.column()]
        return None


class OccurrenceModel(_ListModel):
    """Rows are ``tracking.queries.OccurrenceRow``: one report of a recurring duty."""

    HEADERS = ("次", "应报日期", "报送情况", "报送时间", "报送内容")

    def values(self, r: Any) -> tuple:
        due = r.due.isoformat() + (f" {r.due_time}" if r.due_time else "")
        at = f"{r.reported_at:%m-%d %H:%M}" if r.reported_at else ""
        return (str(r.number), due, r.state, at, r.feedback)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 2:
            color = STATE_COLORS.get(self.rows[index.row()].state)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.rows[index.row()].feedback or None
        return super().data(index, role)


def history_text(detail: dict) -> str:
    """An event's detail as one short Chinese line (empty values left out)."""
    parts = []
    for key, value in detail.items():
        if value in (None, "", [], False):
            continue
        if isinstance(value, list):
            value = "、".join(map(str, value))
        elif value is True:
            value = "是"
        parts.append(f"{key}：{value}")
    return "；".join(parts)


class HistoryModel(_ListModel):
    """Rows are ``tracking.queries.HistoryEntry``: who did what, when."""

    HEADERS = ("时间", "操作人", "操作", "内容")

    def values(self, r: Any) -> tuple:
        return (f"{r.at:%Y-%m-%d %H:%M}", r.actor, r.action, history_text(r.detail))

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return history_text(self.rows[index.row()].detail)
        return super().data(index, role)


class AchievementModel(_ListModel):
    """Rows are ``tracking.queries.Achievement`` per unit; the last column draws the rate as a bar."""

    HEADERS = ("单位", "交办", "完成", "逾期", "工作达成率")
    BAR_COLUMN = 4

    def values(self, r: Any) -> tuple:
        return (r.name, str(r.assigned), str(r.done), str(r.overdue), r.rate_text)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == RATE_ROLE:
            return r.rate
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and r.overdue:
            return QBrush(QColor("#e53935"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"截至当日应完成 {r.due}，按时完成 {r.on_time}（周期性任务按次计）"
        return super().data(index, role)


def bar_color(rate: float) -> str:
    """Green from 90 %, amber from 60 %, red below."""
    return "#43a047" if rate >= 0.9 else "#f9a825" if rate >= 0.6 else "#e53935"


class RateBarDelegate(QStyledItemDelegate):
    """Paints the rate (``RATE_ROLE``) as a horizontal bar behind its text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rate = index.data(RATE_ROLE)
        if rate is None:
            super().paint(painter, option, index)
            return
        rect = option.rect.adjusted(3, 4, -3, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(rect, QColor("#eceff1"))
        filled = QRect(rect.left(), rect.top(), round(rect.width() * max(0.0, min(rate, 1.0))), rect.height())
        painter.fillRect(filled, QColor(bar_color(rate)))
        painter.setPen(QColor("#212121"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(index.data(DISPLAY) or ""))
        painter.restore()


class PendingModel(_ListModel):
    """Rows are ``tracking.queries.PendingUnit``: unit names of a plan the profile does not know."""

    HEADERS = ("编号", "任务", "原单位名称", "角色", "原因")

    def values(self, r: Any) -> tuple:
        return (str(r.id), f"{r.task_key} {r.category}".strip(), r.unit, r.role, r.reason)
