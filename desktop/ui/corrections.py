"""Corrections to a parse as undoable commands.

Each correction is a small immutable :class:`SetField`; the pure function :func:`apply` returns
the corrected notice and the inverse command, and one :class:`CorrectionCommand` wraps them for a
``QUndoStack`` (Ctrl+Z / Ctrl+Y).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from parsing.model import Contact, Leadership, Notice

FieldPath = tuple[Any, ...]  # ("title",) · ("tasks", 2, "lead") · ("leadership", "leader")


@dataclass(frozen=True)
class SetField:
    """Set the value at ``path`` of a notice to ``value``."""

    path: FieldPath
    value: Any
    label: str = ""


def get_value(notice: Notice, path: FieldPath) -> Any:
    """The value at ``path`` (None where a container is missing)."""
    target: Any = notice
    for step in path:
        if target is None:
            return None
        if isinstance(step, int):
            target = target[step] if step < len(target) else None
        else:
            target = getattr(target, step)
    return copy.deepcopy(target)


def apply(cmd: SetField, notice: Notice) -> tuple[Notice, SetField]:
    """Apply ``cmd`` to a copy of ``notice``: ``(new_notice, inverse)``. ``notice`` is unchanged."""
    new = copy.deepcopy(notice)
    old = get_value(notice, cmd.path)
    parent: Any = new
    for step in cmd.path[:-1]:
        if isinstance(step, int):
            parent = parent[step]
        else:
            child = getattr(parent, step)
            if child is None and step == "leadership":
                child = Leadership()
                setattr(parent, step, child)
            parent = child
    last = cmd.path[-1]
    value = copy.deepcopy(cmd.value)
    if isinstance(last, int):
        while len(parent) <= last:
            parent.append(Contact())
        parent[last] = value
    else:
        setattr(parent, last, value)
    return new, SetField(cmd.path, old, cmd.label)


class TaskEditCommand(QUndoCommand):
    """One edit of a 任务分工表 cell: the task before and after, so undo/redo restore it whole.

    A command whose plan was replaced by a new draft does nothing (its rows no longer exist).
    """

    def __init__(self, model: Any, row: int, column: int, text: str):
        super().__init__(f"修改{model.HEADERS[column]}")  # the 编辑 menu reads 撤销 修改牵头单位
        self.model, self.plan, self.row, self.column, self.text = model, model.plan, row, column, text
        self.before = copy.deepcopy(model.tasks[row])
        self.after: Any = None

    def redo(self) -> None:
        if self.model.plan is not self.plan:
            self.setObsolete(True)
            return
        if self.after is None:
            self.model.apply_edit(self.row, self.column, self.text)
            self.after = copy.deepcopy(self.model.tasks[self.row])
        else:
            self.model.replace_task(self.row, copy.deepcopy(self.after))

    def undo(self) -> None:
        if self.model.plan is not self.plan:
            self.setObsolete(True)
            return
        self.model.replace_task(self.row, copy.deepcopy(self.before))


class RowsCommand(QUndoCommand):
    """Adding, deleting, splitting or moving rows of the 任务分工表: the rows before and after.

    ``change(model)`` makes the change once and returns the row to select; undo and redo put the
    whole list of tasks back. A command whose plan was replaced by a new draft does nothing.
    """

    def __init__(self, model: Any, label: str, change: Callable[[Any], int | None],
                 after_change: Callable[[int | None], None] = lambda _row: None):
        super().__init__(label)
        self.model, self.plan, self.change, self.after_change = model, model.plan, change, after_change
        self.before = copy.deepcopy(model.tasks)
        self.after: Any = None
        self.row: int | None = None

    def redo(self) -> None:
        if self.model.plan is not self.plan:
            self.setObsolete(True)
            return
        if self.after is None:
            self.row = self.change(self.model)
            self.after = copy.deepcopy(self.model.tasks)
        else:
            self.model.set_tasks(copy.deepcopy(self.after))
        self.after_change(self.row)

    def undo(self) -> None:
        if self.model.plan is not self.plan:
            self.setObsolete(True)
            return
        self.model.set_tasks(copy.deepcopy(self.before))
        self.after_change(None)


class CorrectionCommand(QUndoCommand):
    """One correction on the undo stack: redo applies it, undo applies its inverse.

    ``get_notice``/``set_notice`` read and replace the notice the command works on.
    """

    def __init__(self, cmd: SetField, get_notice: Callable[[], Notice],
                 set_notice: Callable[[Notice], None]):
        super().__init__(f"修改“{cmd.label or '.'.join(map(str, cmd.path))}”")
        self.cmd = cmd
        self._get, self._set = get_notice, set_notice
        self._inverse: SetField | None = None

    def redo(self) -> None:
        notice, self._inverse = apply(self.cmd, self._get())
        self._set(notice)

    def undo(self) -> None:
        if self._inverse is not None:
            notice, _ = apply(self._inverse, self._get())
            self._set(notice)
