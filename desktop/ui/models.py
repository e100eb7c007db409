"""Qt models over the core objects: received notices, the outline, the field panel, the task table."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop.jobs import OpenedNotice
from desktop.ui.fields import KIND_NAMES, FieldRow, notice_fields, text_to_value
from desktop.ui.table_base import ROOT, AnyIndex, HeaderedTableModel
from drafting.plan import CountyPlan, PlanDeadline, PlanTask
from parsing.model import Notice, Section

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
KIND_COLORS = {"deadline": "#f8c9c4", "unit": "#c9def8", "task": "#fbf1c7", "contact": "#cdeccd",
               "header": "#e4d7f5", "leadership": "#f5dcc0"}


def nearest_deadline(notice: Notice, today: dt.date | None = None) -> str:
    """The next dated deadline (or the last one, when all have passed), ISO; '' if none."""
    today = today or dt.date.today()
    dates = sorted({d.date for d in notice.deadlines if d.date})
    upcoming = [d for d in dates if d >= today.isoformat()]
    return upcoming[0] if upcoming else (dates[-1] if dates else "")


class NoticeListModel(HeaderedTableModel):
    """The received notices: 文号 · 标题 · 发文机关 · 成文日期 · 最近时限 · 办理进度 (the work kept on each)."""

    HEADERS = ("文号", "标题", "发文机关", "成文日期", "最近时限", "办理进度")

    def __init__(self, parent: QObject | None = None, progress: Callable[[OpenedNotice], str] | None = None):
        super().__init__(parent)
        self.items: list[OpenedNotice] = []
        self.progress = progress or (lambda item: "已校对" if item.corrected else "")

    def row_items(self) -> Sequence[Any]:
        return self.items

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        notice = item.notice
        if role in (DISPLAY, TOOLTIP):
            values = (notice.doc_number or "（无文号）", notice.title or item.path.name, notice.issuer or "",
                      notice.issue_date or "", nearest_deadline(notice), self.progress(item))
            if role == TOOLTIP:
                return str(item.path)
            return values[index.column()]
        return None

    def set_items(self, items: Sequence[OpenedNotice]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def add(self, item: OpenedNotice) -> int:
        """Add or replace (same file) a notice; returns its row."""
        for row, existing in enumerate(self.items):
            if existing.path == item.path:
                self.items[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                return row
        row = len(self.items)
        self.beginInsertRows(QModelIndex(), row, row)
        self.items.append(item)
        self.endInsertRows()
        return row

    def refresh(self, item: OpenedNotice) -> None:
        if item in self.items:
            row = self.items.index(item)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))


class OutlineModel(QAbstractItemModel):
    """The outline of a notice as a tree: number and heading of every section."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.roots: list[Section] = []
        self._parent: dict[int, Section | None] = {}
        self._keep: list[Section] = []

    def set_outline(self, sections: Sequence[Section]) -> None:
        self.beginResetModel()
        self.roots = list(sections)
        self._parent = {}
        self._keep = []
        for root in self.roots:
            self._index_tree(root, None)
        self.endResetModel()

    def _index_tree(self, node: Section, parent: Section | None) -> None:
        self._parent[id(node)] = parent
        self._keep.append(node)
        for child in node.children:
            self._index_tree(child, node)

    def _children(self, node: Section | None) -> list[Section]:
        return self.roots if node is None else node.children

    def node(self, index: AnyIndex) -> Section | None:
        return index.internalPointer() if index.isValid() else None

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._children(self.node(parent))
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: AnyIndex = ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.node(index)
        if node is None:
            return QModelIndex()
        parent = self._parent.get(id(node))
        if parent is None:
            return QModelIndex()
        grand = self._parent.get(id(parent))
        row = self._children(grand).index(parent)
        return self.createIndex(row, 0, parent)

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self.node(parent)))

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and section == 0:
            return "提纲"
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == DISPLAY:
            if not node.numbered:
                return node.heading
            sep = "" if node.number.startswith(("（", "第")) else ("." if node.number.isdigit() else "、")
            return f"{node.number}{sep}{node.heading}"
        if role == TOOLTIP:
            return node.heading
        return None


class FieldModel(HeaderedTableModel):
    """The field panel: 类别 · 项目 · 值. Edits go to ``on_edit(row, value)`` (the undo stack)."""

    HEADERS = ("类别", "项目", "值")

    def __init__(self, on_edit: Callable[[FieldRow, Any], None] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[FieldRow] = []
        self.on_edit = on_edit

    def set_notice(self, notice: Notice | None) -> None:
        new_rows = notice_fields(notice) if notice is not None else []
        if [r.path for r in new_rows] == [r.path for r in self.rows]:
            self.rows = new_rows
            if new_rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new_rows) - 1, 2))
            return
        self.beginResetModel()
        self.rows = new_rows
        self.endResetModel()

    def row_items(self) -> Sequence[Any]:
        return self.rows

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 2:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (DISPLAY, EDIT):
            return (KIND_NAMES[row.kind], row.label, row.text)[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return QBrush(QColor(KIND_COLORS[row.kind]))
        if role == TOOLTIP:
            if col == 2:  # the whole value: a long title is cut in the cell
                return f"{row.text}\n（双击修改；列表用“、”分隔）" if row.text else "双击修改；列表用“、”分隔"
            return row.label
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or index.column() != 2:
            return False
        row = self.rows[index.row()]
        new_value = text_to_value(str(value), row.is_list)
        if new_value == row.value or (row.value in (None, []) and new_value in (None, [])):
            return False
        if self.on_edit is not None:
            self.on_edit(row, new_value)
        return True


def _join(units: Sequence[str]) -> str:
    return "、".join(units)


class TaskTableModel(HeaderedTableModel):
    """The 任务分工表 over ``CountyPlan.tasks``, editable in place."""

    HEADERS = ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限")
    DATE_COLUMN = 5
    UNIT_COLUMNS = (3, 4)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.plan: CountyPlan | None = None
        self.edited: set[tuple[str, int]] = set()  # (task id, column) the user changed
        # When set, edits go to ``on_edit(row, column, text)`` (the undo stack), which calls apply_edit.
        self.on_edit: Callable[[int, int, str], None] | None = None

    @property
    def tasks(self) -> list[PlanTask]:
        return self.plan.tasks if self.plan is not None else []

    def set_plan(self, plan: CountyPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.edited = set()
        self.endResetModel()

    def carry_edits(self, old: CountyPlan | None, edited: set[tuple[str, int]]) -> int:
        """After a redraft, copy the cells the user had changed in ``old`` onto the same tasks
        (same id, carried down from the same superior task) of the new plan. Returns how many cells were kept."""
        if old is None or self.plan is None:
            return 0
        old_tasks = {t.id: t for t in old.tasks}
        kept = 0
        for row, task in enumerate(self.tasks):
            before = old_tasks.get(task.id)
            if before is None or before.source_task != task.source_task:
                continue
            for task_id, col in edited:
                if task_id != task.id:
                    continue
                attr = {1: "category", 2: "measures", 3: "lead", 4: "support", 5: "deadlines"}[col]
                setattr(task, attr, copy.deepcopy(getattr(before, attr)))
                self.edited.add((task_id, col))
                kept += 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        return kept

    def row_items(self) -> Sequence[Any]:
        return self.tasks

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() > 0 else base

    @staticmethod
    def deadline_text(task: PlanTask) -> str:
        if not task.deadlines:
            return ""
        return "；".join(d.text or d.date or "" for d in task.deadlines if d.text or d.date)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.tasks):
            return None
        task = self.tasks[index.row()]
        col = index.column()
        if role == DISPLAY:
            return (task.number, task.category, task.measures, _join(task.lead), _join(task.support),
                    self.deadline_text(task))[col]
        if role == EDIT:
            if col == self.DATE_COLUMN:
                return task.due or ""
            return (task.number, task.category, task.measures, _join(task.lead), _join(task.support), "")[col]
        if role == TOOLTIP and col == self.DATE_COLUMN and task.deadlines:
            return "\n".join(d.explanation for d in task.deadlines if d.explanation) or None
        if role == Qt.ItemDataRole.BackgroundRole and col == 3 and not task.lead:
            return QBrush(QColor("#f8c9c4"))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or index.column() == 0:
            return False
        text = str(value).strip()
        if index.column() == self.DATE_COLUMN and not _is_iso_date(text):
            return False
        if text == str(self.data(index, EDIT) or ""):
            return False
        if self.on_edit is not None:
            self.on_edit(index.row(), index.column(), text)
            return True
        return self.apply_edit(index.row(), index.column(), text)

    def apply_edit(self, row: int, col: int, text: str) -> bool:
        """Write ``text`` into cell (row, col) of the plan; False when it is not a valid value."""
        task = self.tasks[row]
        if col == 1:
            task.category = text
        elif col == 2:
            task.measures = text
        elif col in self.UNIT_COLUMNS:
            units = text_to_value(text, True)
            if col == 3:
                task.lead = units
            else:
                task.support = units
        elif col == self.DATE_COLUMN and not set_task_date(task, text):
            return False
        self.edited.add((task.id, col))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        return True

    def replace_task(self, row: int, task: PlanTask) -> None:
        """Put a whole task back (undo/redo of a cell edit)."""
        self.tasks[row] = task
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    # --- rows: add, delete, split, move (each through a RowsCommand on the undo stack) ----------
    def set_tasks(self, tasks: list[PlanTask]) -> None:
        """Replace all rows (numbered 1, 2, 3… again in their new order)."""
        if self.plan is None:
            return
        self.beginResetModel()
        self.plan.tasks[:] = tasks
        renumber(self.plan.tasks)
        self.endResetModel()

    def insert_task(self, row: int) -> int:
        """A new empty task at ``row`` (under the same heading as the row above); returns its row."""
        row = max(0, min(row, len(self.tasks)))
        above = self.tasks[row - 1] if row > 0 else None
        task = PlanTask(id=new_task_id(self.tasks), number="", category=above.category if above else "",
                        measures="", section=above.section if above else "")
        self.set_tasks([*self.tasks[:row], task, *self.tasks[row:]])
        return row

    def delete_task(self, row: int) -> None:
        self.set_tasks([t for i, t in enumerate(self.tasks) if i != row])

    def split_task(self, row: int) -> int:
        """Split the measures of ``row`` in two tasks at a sentence boundary; returns the new row."""
        task = self.tasks[row]
        first, second = split_measures(task.measures)
        twin = copy.deepcopy(task)
        twin.id, twin.measures, twin.source_task = new_task_id(self.tasks), second, task.source_task
        task.measures = first
        self.set_tasks([*self.tasks[:row + 1], twin, *self.tasks[row + 1:]])
        return row + 1

    def move_task(self, row: int, delta: int) -> int:
        """Move ``row`` up (-1) or down (+1); returns where it went."""
        target = max(0, min(row + delta, len(self.tasks) - 1))
        tasks = list(self.tasks)
        tasks.insert(target, tasks.pop(row))
        self.set_tasks(tasks)
        return target


def renumber(tasks: list[PlanTask]) -> None:
    """序号 1, 2, 3… in table order."""
    for n, task in enumerate(tasks, 1):
        task.number = str(n)


def new_task_id(tasks: Sequence[PlanTask]) -> str:
    """An id no task of the plan has yet (T1, T2, … as drafted; the next free one)."""
    taken = {t.id for t in tasks}
    n = len(tasks) + 1
    while f"T{n}" in taken:
        n += 1
    return f"T{n}"


_SENTENCE_END = "。；;！？"


def split_measures(text: str) -> tuple[str, str]:
    """``text`` cut at the sentence end nearest its middle; the second part is empty when the text
    is one sentence (the clerk writes the new task's measures)."""
    ends = [i + 1 for i, ch in enumerate(text) if ch in _SENTENCE_END and i + 1 < len(text.rstrip())]
    if not ends:
        return text, ""
    cut = min(ends, key=lambda i: abs(i - len(text) / 2))
    return text[:cut].strip(), text[cut:].strip()


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def set_task_date(task: PlanTask, iso: str) -> bool:
    """Set the county due date of ``task`` (first dated deadline, or a new one). False if invalid."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return False
    text = f"{day.year}年{day.month}月{day.day}日前"
    for deadline in task.deadlines:
        if deadline.kind in ("due", "range") or deadline.date:
            deadline.date, deadline.text = day.isoformat(), text
            deadline.explanation = (deadline.explanation + "；" if deadline.explanation else "") + "用户修改"
            return True
    task.deadlines.append(PlanDeadline(kind="due", date=day.isoformat(), text=text, explanation="用户设定"))
    return True
