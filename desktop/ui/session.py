"""What the window is working on: the received notices, the current one, its plan and the profile.

Pages share one :class:`Session` handed to them explicitly (no global window object) and listen
to its typed signals. Corrections of each notice live on that notice's own undo stack, all in one
``QUndoGroup`` so Ctrl+Z / Ctrl+Y act on the current notice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from desktop.core_bridge import core
from desktop.jobs import OpenedNotice, record_received, save_corrected
from desktop.preferences import load_preferences
from desktop.ui.corrections import CorrectionCommand, SetField
from desktop.worker import JobRunner
from parsing.errors import PolicyDeskError
from parsing.model import Notice


class Session(QObject):
    notices_changed = Signal()
    current_changed = Signal(object)  # OpenedNotice | None
    notice_edited = Signal(object)  # OpenedNotice, after a correction (or its undo)
    plan_changed = Signal(object)  # CountyPlan | None
    profile_changed = Signal(object)
    tracking_changed = Signal()  # the store gained plans or delegations
    message = Signal(str)  # a short status line for the window

    def __init__(self, runner: JobRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.notices: list[OpenedNotice] = []
        self.current: OpenedNotice | None = None
        self.plan: Any = None
        self.plan_notice: OpenedNotice | None = None
        self.profile: Any = None
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self._store: Any = None
        self.plan_text_edits: Any = None  # () -> plan with the 起草 page's text edits
        self.layout: str | None = load_preferences().get("layout")  # GB/T 9704 layout profile name

    # --- the tracking store (UI thread only: quick reads and single-row changes) --------------
    @property
    def store(self) -> Any:
        """The open tracking store; raises FeatureMissing/StoreError with a Chinese message."""
        if self._store is None:
            self._store = core("tracking.store", "督办", "open_store").open_store()
        return self._store

    def store_path(self):
        return core("tracking.store", "督办", "default_store_path").default_store_path()

    def record_received(self, opened: OpenedNotice) -> Any:
        """Record a received notice in the store in the background (hashing a big file takes time)."""
        try:
            store_path = self.store_path()
        except PolicyDeskError:
            return None
        state = self.runner.start("登记收文", record_received, store_path, opened.notice.to_json(include_text=True),
                                  opened.path)
        state.failed.connect(lambda message: self.message.emit(f"收文未登记到督办库：{message}"))
        return state

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # --- notices -----------------------------------------------------------------------------
    def add_notice(self, opened: OpenedNotice) -> None:
        for i, existing in enumerate(self.notices):
            if existing.path == opened.path:
                self.notices[i] = opened
                self._stacks.pop(id(existing), None)
                break
        else:
            self.notices.append(opened)
        self.notices_changed.emit()
        self.set_current(opened)

    def set_current(self, opened: OpenedNotice | None) -> None:
        if opened is self.current:
            return
        self.current = opened
        if opened is not None:
            self.undo_group.setActiveStack(self.stack_for(opened))
        self.current_changed.emit(opened)

    def stack_for(self, opened: OpenedNotice) -> QUndoStack:
        stack = self._stacks.get(id(opened))
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[id(opened)] = stack
        return stack

    def correct(self, opened: OpenedNotice, cmd: SetField) -> None:
        """Push a correction of ``opened`` on its undo stack (applies it at once)."""

        def set_notice(notice: Notice) -> None:
            opened.notice = notice
            try:
                save_corrected(opened)
            except OSError as exc:
                self.message.emit(f"校对结果未能保存：{exc.strerror or exc}")
            self.notice_edited.emit(opened)

        self.stack_for(opened).push(CorrectionCommand(cmd, lambda: opened.notice, set_notice))

    # --- plan and profile --------------------------------------------------------------------
    def set_plan(self, plan: Any, opened: OpenedNotice | None) -> None:
        self.plan, self.plan_notice = plan, opened
        self.plan_changed.emit(plan)

    def edited_plan(self) -> Any:
        """A copy of the plan with the 起草 page's text edits (set by that page), or the plan itself."""
        if self.plan_text_edits is not None and self.plan is not None:
            return self.plan_text_edits()
        return self.plan

    def set_profile(self, profile: Any) -> None:
        self.profile = profile
        self.profile_changed.emit(profile)
