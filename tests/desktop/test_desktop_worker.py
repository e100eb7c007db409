"""The one worker abstraction: jobs run off the UI thread, report progress, cancel, fail in Chinese."""

from __future__ import annotations

import threading
import time

import pytest
from desktop_harness import QT_LOG_IGNORE

from desktop import jobs
from desktop.worker import JobRunner, describe_error
from parsing.errors import LoadError
from parsing.progress import Cancelled, check_cancelled

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def slow_count(progress, cancelled, steps: int, thread_ids: list):
    thread_ids.append(threading.get_ident())
    for i in range(steps):
        check_cancelled(cancelled)
        progress((i + 1) / steps, f"第 {i + 1} 步")
        time.sleep(0.01)
    return steps


def test_job_runs_off_the_ui_thread_and_reports_progress(qtbot):
    runner = JobRunner()
    ids: list[int] = []
    state = runner.start("计数", slow_count, 20, ids)
    seen: list[float] = []
    state.progress.connect(seen.append)
    with qtbot.waitSignal(state.finished, timeout=10000) as blocker:
        pass
    assert blocker.args == [20]
    assert state.state == "finished"
    assert ids and ids[0] != threading.get_ident()
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen)
    runner.wait()


def test_a_long_job_can_be_cancelled(qtbot):
    runner = JobRunner()
    state = runner.start("很长的任务", slow_count, 100000, [])
    with qtbot.waitSignal(state.progress, timeout=5000):
        pass
    started = time.monotonic()
    with qtbot.waitSignal(state.was_cancelled, timeout=5000):
        state.cancel()
    assert time.monotonic() - started < 2
    assert state.state == "cancelled" and state.result is None
    runner.wait()


def test_the_job_bar_cancel_button_stops_the_job(qtbot):
    from desktop.ui.job_bar import JobBar

    runner = JobRunner()
    bar = JobBar(runner)
    qtbot.addWidget(bar)
    state = runner.start("很长的任务", slow_count, 100000, [])
    assert bar.state is state and not bar.isHidden()
    with qtbot.waitSignal(state.was_cancelled, timeout=5000):
        bar.cancel_button.click()
    qtbot.waitUntil(lambda: bar.isHidden(), timeout=2000)
    runner.wait()


def failing_job(progress, cancelled, path):
    raise LoadError(path, "文件已损坏")


def crashing_job(progress, cancelled):
    return {}["missing"]


def test_failures_arrive_as_chinese_messages(qtbot):
    runner = JobRunner()
    state = runner.start("读取", failing_job, "坏文件.docx")
    with qtbot.waitSignal(state.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["坏文件.docx：文件已损坏"]
    state = runner.start("读取", crashing_job)
    with qtbot.waitSignal(state.failed, timeout=5000) as blocker:
        pass
    assert blocker.args[0].startswith("内部错误（KeyError）")
    runner.wait()


def test_describe_error_names_the_file():
    assert describe_error(FileNotFoundError(2, "No such file", "缺失.pdf")) == "找不到文件：缺失.pdf"


class FakeState:
    """The callbacks a job gets, without Qt: records progress, cancels on demand."""

    def __init__(self, cancel_after: int | None = None):
        self.reports: list[tuple[float, str]] = []
        self.cancel_after = cancel_after

    def progress(self, fraction: float, status: str = "") -> None:
        self.reports.append((fraction, status))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def test_open_notice_job_parses_a_seed_with_a_fake_state(tmp_path):
    from corpus import seed

    state = FakeState()
    opened = jobs.open_notice(state.progress, state.cancelled, seed("002"))
    assert opened.notice.doc_number == "忻卫健办函〔2021〕214号"
    assert opened.clean is not None and opened.text.startswith("忻州市卫生健康委员会办公室")
    assert opened.notice.tasks and all(t.span for t in opened.notice.tasks)
    assert state.reports[-1][0] == 1.0 and all(0 <= f <= 1 for f, _ in state.reports)


def test_open_notice_job_stops_when_cancelled():
    from corpus import seed

    state = FakeState(cancel_after=1)
    with pytest.raises(Cancelled):
        jobs.open_notice(state.progress, state.cancelled, seed("001"))


def test_open_notice_job_refuses_a_missing_file(tmp_path):
    state = FakeState()
    with pytest.raises(LoadError, match="不存在"):
        jobs.open_notice(state.progress, state.cancelled, tmp_path / "无.docx")


def test_open_notice_job_reads_a_gold_parse(tmp_path):
    from corpus import GOLD_DIR

    state = FakeState()
    gold = sorted(GOLD_DIR.glob("000_*.json"))[0]
    opened = jobs.open_notice(state.progress, state.cancelled, gold)
    assert opened.notice.title and opened.clean is None and opened.text == ""


def test_no_garbage_collection_in_worker_threads_while_jobs_run(qtbot):
    import gc

    assert gc.isenabled()
    runner = JobRunner()
    seen: list[bool] = []

    def probe(progress, cancelled):
        seen.append(gc.isenabled())
        return True

    state = runner.start("检查", probe)
    with qtbot.waitSignal(state.finished, timeout=5000):
        pass
    assert seen == [False]  # collections happen in the UI thread only, on a timer
    assert runner.wait()
    assert gc.isenabled()  # back to normal once nothing runs
