"""The one worker abstraction of the app: every long job runs through :class:`JobRunner`.

A job is a plain function ``fn(progress, cancelled, *args)`` from the core (or :mod:`desktop.jobs`)
that takes the Qt-free callbacks of :mod:`parsing.progress`. :class:`TaskState` is a QObject that
lives in the UI thread; the job runs on a ``QThreadPool`` thread and reports through queued
signals, so every public signal of a task is emitted in the UI thread. Workers get plain data
(paths, dataclasses), never widgets.
"""

from __future__ import annotations

import gc
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

import desktop.qt_refcounts  # noqa: F401  (PySide6 6.12 on Python 3.11: see there)
from parsing.errors import PolicyDeskError
from parsing.progress import Cancelled

JobFunction = Callable[..., Any]


def describe_error(exc: BaseException) -> str:
    """A Chinese one-line message for a failure: the core's own message, or a plain summary."""
    if isinstance(exc, PolicyDeskError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return f"找不到文件：{exc.filename or exc}"
    if isinstance(exc, PermissionError):
        return f"没有权限读写文件：{exc.filename or exc}"
    if isinstance(exc, MemoryError):
        return "内存不足，无法完成此操作。"
    if isinstance(exc, OSError):
        return f"读写文件失败：{exc.strerror or exc}"
    return f"内部错误（{type(exc).__name__}）：{exc}。请将此信息反馈给维护人员。"


class _UiThreadGarbageCollector(QObject):
    """While any job runs, Python's automatic GC is off and the UI thread collects on a timer.

    Otherwise a collection can start in a worker thread and free the wrapper of a Qt widget
    there, which crashes Qt (widgets belong to the UI thread); Calibre's ``GarbageCollector``
    does the same. Workers only count themselves out; the UI thread turns GC back on.
    """

    INTERVAL_MS = 500

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()
        self.jobs = 0
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def job_started(self) -> None:  # UI thread
        with self.lock:
            self.jobs += 1
            if self.jobs == 1 and gc.isenabled():
                gc.disable()
                self.timer.start()

    def job_finished(self) -> None:  # worker thread: no GC work here
        with self.lock:
            self.jobs = max(0, self.jobs - 1)

    def check(self) -> None:  # UI thread
        """Collect the generations whose counts passed their thresholds; re-enable GC when idle."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                break
        self.release_if_idle()

    def release_if_idle(self) -> None:  # UI thread
        with self.lock:
            if self.jobs == 0 and self.timer.isActive():
                self.timer.stop()
                gc.enable()


_collector: _UiThreadGarbageCollector | None = None


def _garbage_collector() -> _UiThreadGarbageCollector:
    global _collector
    if _collector is None:
        _collector = _UiThreadGarbageCollector()
    return _collector


class TaskState(QObject):
    """The state of one running job, as the UI sees it.

    Signals (all emitted in the UI thread): ``progress(float)`` 0..1, ``status(str)``,
    ``finished(object)`` with the job's result, ``failed(str)`` with a Chinese message,
    ``was_cancelled()``, and ``done()`` after any of the last three.
    """

    progress = Signal(float)
    status = Signal(str)
    finished = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()
    done = Signal()

    # Emitted from the worker thread; connected with QueuedConnection to the slots below.
    _report = Signal(float, str)
    _result = Signal(object)
    _error = Signal(str)
    _stopped = Signal()

    def __init__(self, title: str, parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self.fraction = 0.0
        self.message = ""
        self.result: Any = None
        self.error: str | None = None
        self.state = "running"  # running | finished | failed | cancelled
        self._cancel = threading.Event()
        self._last_sent = (-1.0, "")
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        self._result.connect(self._on_result, Qt.ConnectionType.QueuedConnection)
        self._error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self._stopped.connect(self._on_stopped, Qt.ConnectionType.QueuedConnection)

    # --- called from any thread -------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the job to stop; it raises ``Cancelled`` at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, fraction: float, status: str = "") -> None:
        """The ``progress`` callback handed to the job. Throttled to visible changes."""
        fraction = max(0.0, min(1.0, float(fraction)))
        last_fraction, last_status = self._last_sent
        if status == last_status and abs(fraction - last_fraction) < 0.01 and fraction < 1.0:
            return
        self._last_sent = (fraction, status)
        self._report.emit(fraction, status)

    @property
    def running(self) -> bool:
        return self.state == "running"

    # --- UI thread --------------------------------------------------------------------------
    @Slot(float, str)
    def _on_report(self, fraction: float, status: str) -> None:
        if self.state != "running":
            return
        self.fraction = fraction
        self.progress.emit(fraction)
        if status and status != self.message:
            self.message = status
            self.status.emit(status)

    @Slot(object)
    def _on_result(self, result: object) -> None:
        self.result, self.state, self.fraction = result, "finished", 1.0
        self.progress.emit(1.0)
        self.finished.emit(result)
        self.done.emit()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.error, self.state = message, "failed"
        self.failed.emit(message)
        self.done.emit()

    @Slot()
    def _on_stopped(self) -> None:
        self.state = "cancelled"
        self.was_cancelled.emit()
        self.done.emit()


class _Job(QRunnable):
    def __init__(self, state: TaskState, fn: JobFunction, args: tuple):
        super().__init__()
        self.setAutoDelete(False)  # Python owns the job; JobRunner keeps it until it is done
        self.state, self.fn, self.args = state, fn, args

    def run(self) -> None:
        try:
            self._run()
        finally:
            _garbage_collector().job_finished()

    def _run(self) -> None:
        state = self.state
        try:
            if state.is_cancelled():
                raise Cancelled("操作已取消")
            result = self.fn(state.report, state.is_cancelled, *self.args)
        except Cancelled:
            state._stopped.emit()
        except Exception as exc:
            if not isinstance(exc, PolicyDeskError):
                traceback.print_exc(file=sys.stderr)
            state._error.emit(describe_error(exc))
        else:
            if state.is_cancelled():
                state._stopped.emit()
            else:
                state._result.emit(result)


class JobRunner(QObject):
    """Starts jobs on its own thread pool and keeps every running :class:`TaskState` alive."""

    started = Signal(object)  # TaskState

    def __init__(self, parent: QObject | None = None, max_threads: int = 2):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: dict[TaskState, _Job] = {}

    def start(self, title: str, fn: JobFunction, *args: Any) -> TaskState:
        """Run ``fn(progress, cancelled, *args)`` off the UI thread; returns its state."""
        state = TaskState(title, self)
        job = _Job(state, fn, args)
        self._running[state] = job
        _garbage_collector().job_started()
        state.done.connect(lambda: self._forget(state))
        self.started.emit(state)
        self.pool.start(job)
        return state

    def _forget(self, state: TaskState) -> None:
        self._running.pop(state, None)

    def running(self) -> list[TaskState]:
        return [s for s in self._running if s.running]

    def cancel_all(self) -> None:
        for state in list(self._running):
            state.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (for shutdown and tests)."""
        idle = self.pool.waitForDone(msecs)
        if idle:
            _garbage_collector().release_if_idle()
        return idle
