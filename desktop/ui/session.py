"""What the window is working on: the received notices, the current one, its plan and the profile.

Pages share one :class:`Session` handed to them explicitly (no global window object) and listen
to its typed signals. Each notice has one undo stack per page (解析 corrections, 分工 table edits),
all in one ``QUndoGroup`` whose active stack follows the page shown, so Ctrl+Z / Ctrl+Y act on
what the clerk sees. The clerk's work on each notice is a :class:`~desktop.cases.Case`, saved
after every edit.
"""

from __future__ import annotations

import contextlib
import hashlib
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from desktop.cases import Case, CaseStore
from desktop.core_bridge import core
from desktop.jobs import OpenedNotice, corrected_path, record_received
from desktop.preferences import load_preferences, save_preferences
from desktop.ui.corrections import CorrectionCommand, SetField
from desktop.worker import JobRunner
from parsing.errors import PolicyDeskError
from parsing.model import Notice


class Session(QObject):
    notices_changed = Signal()
    current_changed = Signal(object)  # OpenedNotice | None
    notice_edited = Signal(object)  # OpenedNotice, after a correction (or its undo)
    plan_changed = Signal(object)  # CountyPlan | None
    plan_edited = Signal()  # the shown plan's 任务分工表 changed (a cell, a row)
    case_saved = Signal(object)  # OpenedNotice whose case was just written (or failed to be)
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
        self._stacks: dict[tuple[str, str], QUndoStack] = {}
        self.page = "收文"  # the page shown: its undo stack is the active one
        # Pages without undo get this empty stack: PySide6 loses a reference to None on every
        # setActiveStack(None), which ends in a crash after many page changes.
        self._no_undo = QUndoStack(self.undo_group)
        self.cases = CaseStore()
        self._cases: dict[str, Case] = {}
        self.unsaved: dict[str, str] = {}  # case key -> why its last save failed
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
            if existing.path == opened.path or (opened.digest and existing.digest == opened.digest):
                self.notices[i] = opened
                if self.current is existing:
                    self.current = None
                for page in ("解析", "分工"):  # their commands hold the replaced notice
                    self.stack_for(existing, page).clear()
                break
        else:
            self.notices.append(opened)
        self._undismiss(opened)
        case = self.case_for(opened)
        case.source_path = str(opened.path)
        self.save_case(opened)
        self.notices_changed.emit()
        self.set_current(opened)

    def remove_notice(self, opened: OpenedNotice) -> None:
        """Take a notice off 收文 with all the work kept on it (the 督办 ledger keeps its tasks)."""
        key = self.case_key(opened)
        self.notices = [o for o in self.notices if o is not opened]
        self._cases.pop(key, None)
        self.unsaved.pop(key, None)
        self.cases.remove(key)
        with contextlib.suppress(OSError):  # corrections kept before cases existed go too
            corrected_path(key).unlink()
        for page in ("解析", "分工"):
            stack = self._stacks.pop((key, page), None)
            if stack is not None:
                self.undo_group.removeStack(stack)
                stack.deleteLater()
        prefs = load_preferences()
        prefs["dismissed"] = sorted(set(prefs.get("dismissed", [])) | {key})
        try:
            save_preferences(prefs)
        except OSError as exc:
            self.message.emit(f"设置未能保存：{exc.strerror or exc}")
        if self.current is opened:
            self.current = None
            self.set_current(self.notices[-1] if self.notices else None, force=True)
        self.notices_changed.emit()

    def dismissed(self) -> frozenset[str]:
        return frozenset(load_preferences().get("dismissed", []))

    def _undismiss(self, opened: OpenedNotice) -> None:
        prefs = load_preferences()
        key = self.case_key(opened)
        if key in prefs.get("dismissed", []):
            prefs["dismissed"] = [d for d in prefs["dismissed"] if d != key]
            with contextlib.suppress(OSError):
                save_preferences(prefs)

    def set_current(self, opened: OpenedNotice | None, force: bool = False) -> None:
        if opened is self.current and not force:
            return
        self.current = opened
        self.current_changed.emit(opened)
        case = self.case_for(opened) if opened is not None else None
        self.set_plan(case.plan if case is not None else None, opened)
        self.set_page(self.page)

    # --- cases: the work on each notice, saved after every edit ---------------------------------
    @staticmethod
    def case_key(opened: OpenedNotice) -> str:
        return opened.digest or hashlib.sha256(str(opened.path).encode()).hexdigest()

    def case_for(self, opened: OpenedNotice) -> Case:
        """The case of ``opened``: in memory, else as saved, else a new one."""
        key = self.case_key(opened)
        case = self._cases.get(key)
        if case is None:
            restored = opened.case if isinstance(opened.case, Case) else None
            case = restored or self.cases.load(key) or Case(key, str(opened.path))
            self._cases[key] = case
        return case

    def save_case(self, opened: OpenedNotice | None) -> bool:
        """Write the case of ``opened`` now (atomically); False, with a message, if the disk refused."""
        if opened is None:
            return True
        case = self.case_for(opened)
        case.notice, case.corrected = opened.notice, opened.corrected
        key = self.case_key(opened)
        try:
            self.cases.save(case)
        except (OSError, PolicyDeskError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.unsaved[key] = reason
            self.message.emit(f"工作记录未能保存：{reason}")
            self.case_saved.emit(opened)
            return False
        self.unsaved.pop(key, None)
        self.case_saved.emit(opened)
        return True

    def progress_of(self, opened: OpenedNotice) -> str:
        """How far the work on ``opened`` has gone, for the 收文 list."""
        case = self.case_for(opened)
        steps = []
        if opened.corrected:
            steps.append("已校对")
        if case.plan is not None:
            steps.append(f"已起草（{case.kind}）")
        if case.exports:
            steps.append(f"已导出 {len(case.exports)} 次")
        if self.case_key(opened) in self.unsaved:
            steps.append("未能保存")
        return " · ".join(steps) or "待办"

    def unsaved_titles(self) -> list[str]:
        """The notices whose last save failed (their work could still be lost)."""
        titles = []
        for opened in self.notices:
            if self.case_key(opened) in self.unsaved:
                titles.append(opened.notice.title or opened.path.name)
        return titles

    # --- undo: one stack per notice and page ------------------------------------------------------
    def stack_for(self, opened: OpenedNotice, page: str = "解析") -> QUndoStack:
        key = (self.case_key(opened), page)
        stack = self._stacks.get(key)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[key] = stack
        return stack

    def set_page(self, page: str) -> None:
        """Make the undo stack of ``page`` (for the notice it shows) the one Ctrl+Z acts on."""
        self.page = page
        opened = self.current if page == "解析" else self.plan_notice if page == "分工" else None
        self.undo_group.setActiveStack(self.stack_for(opened, page) if opened is not None else self._no_undo)

    def correct(self, opened: OpenedNotice, cmd: SetField) -> None:
        """Push a correction of ``opened`` on its 解析 undo stack (applies it at once)."""

        def set_notice(notice: Notice) -> None:
            opened.notice = notice
            opened.corrected = True
            self.save_case(opened)
            self.notice_edited.emit(opened)

        self.stack_for(opened, "解析").push(CorrectionCommand(cmd, lambda: opened.notice, set_notice))

    # --- plan and profile --------------------------------------------------------------------
    def set_plan(self, plan: Any, opened: OpenedNotice | None) -> None:
        """Show ``plan`` as the draft of ``opened`` (its case keeps it)."""
        if opened is not None:
            self.case_for(opened).plan = plan
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
