"""The delegation board's model: one row per delegation, overdue first, with the three-colour light."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.table_base import AnyIndex, HeaderedTableModel

LIGHT_COLORS = {"red": "#e53935", "yellow": "#f9a825", "blue": "#1e88e5"}
LIGHT_TEXT = {"red": "● 红灯", "yellow": "● 黄灯", "blue": "● 蓝灯", None: ""}
LIGHT_ORDER = {"red": 0, "yellow": 1, "blue": 2, None: 3}


def board_order(rows: Sequence[Any]) -> list[Any]:
    """Overdue (red) first, then yellow, blue, the rest; within each by due date (undated last)."""
    return sorted(rows, key=lambda r: (LIGHT_ORDER.get(r.light, 3), r.due_date is None,
                                       r.due_date.isoformat() if r.due_date else "", r.id))


class DelegationModel(HeaderedTableModel):
    """Rows are ``tracking.queries.DelegationRow`` objects."""

    HEADERS = ("督办灯", "序号", "任务", "责任单位", "角色", "完成时限", "状态", "反馈", "催办")

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = board_order(rows)
        self.endResetModel()

    def row_items(self) -> Sequence[Any]:
        return self.rows

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            due = r.due_date.isoformat() if r.due_date else (r.deadline_text or "")
            if r.overdue_days and col == 5:
                due += f"（逾期{r.overdue_days}个工作日）"
            values = (LIGHT_TEXT.get(r.light, ""), r.task_number, r.category or r.measures[:30], r.unit, r.role,
                      due, r.status, r.feedback or "", str(r.reminder_count or ""))
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and r.light:
            return QBrush(QColor(LIGHT_COLORS[r.light]))
        if role == Qt.ItemDataRole.BackgroundRole and r.light == "red":
            return QBrush(QColor("#fdecea"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.measures
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None
