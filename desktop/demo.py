"""The whole loop headless on the bundled sample notice — for ``make run`` on a machine with no screen.

``run_demo(out_dir)`` parses ``resources/sample_notice.txt``, drafts the county plan, exports the
.docx and the .xlsx 任务分工表, delegates the tasks and tracks a few of them (one signed, one with
feedback, the board seen after the first due date so overdue items light red), exports the 台账,
drafts the 催办 notice and the progress report, and saves a screenshot of every page. Whatever
core piece is missing is reported in Chinese and skipped. ``python -m desktop.demo [OUT]``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from parsing.locations import resource

SAMPLE = "sample_notice.txt"


def run_demo(out_dir: str | os.PathLike[str], say: Callable[[str], None] = print) -> list[Path]:
    """Run the loop into ``out_dir`` (its own data folder ``out_dir/数据``); returns the files made."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    data = out / "数据"
    shutil.rmtree(data, ignore_errors=True)  # the demo's own store: a second run starts afresh
    os.environ["POLICYDESK_HOME"] = str(data)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.headless import grab, make_window, settle, wait_for

    made: list[Path] = []
    window = make_window((1360, 860))
    shots = out / "截图"

    def shot(page: str, name: str) -> None:
        made.append(grab(window, page, shots / name))

    def job(title: str, state) -> bool:
        ok = wait_for(state)
        if not ok:
            reason = state.error if state is not None and state.error else "未能开始"
            say(f"  {title}：未完成（{reason}）")
        return ok

    say(f"PolicyDesk 演示：示例来文 {SAMPLE}，输出到 {out}")
    (state,) = window.open_files([resource(SAMPLE)])
    if job("解析来文", state):
        notice = window.session.current.notice
        say(f"  已解析：{notice.title}（任务 {len(notice.tasks)} 项，时限 {len(notice.deadlines)} 个）")
    shot("收文", "1-收文.png")
    window.show_page("解析")
    settle()
    deadlines = window.session.current.notice.deadlines if window.session.current else []
    window.parse_page.select_field(("deadlines", min(1, max(len(deadlines) - 1, 0)), "date"))
    shot("解析", "2-解析.png")

    plan = None
    if window.session.current is not None and job("起草实施方案", window.draft_page.draft()):
        plan = window.session.plan
        say(f"  已起草：{plan.title}（替换 {len(plan.substitutions)} 处，检查提示 {len(plan.checks)} 条）")
        docx = out / "实施方案.docx"
        if job("导出实施方案", window.draft_page.export_docx(docx)):
            made.append(docx)
    shot("起草", "3-起草.png")
    if plan is not None:
        for suffix in (".xlsx", ".docx"):
            path = out / f"任务分工表{suffix}"
            if job(f"导出任务分工表{suffix}", window.table_page.export(suffix, path)):
                made.append(path)
    shot("分工", "4-分工.png")

    if plan is not None and job("交办督办", window.table_page.delegate_all()):
        _track_a_few(window, say)
        settle()
        for title, method, name in (("导出台账", window.track_page.export_ledger, "督办台账.xlsx"),
                                    ("起草催办通知", window.track_page.draft_reminder, "催办通知.docx"),
                                    ("起草进展报告", window.track_page.draft_report, "进展情况报告.docx"),
                                    ("导出时限日历", window.track_page.export_calendar, "督办时限.ics")):
            state = method(out / name)
            if job(title, state) and state.result:
                made.append(Path(state.result))
    shot("督办", "5-督办.png")
    shot("设置", "6-设置.png")
    window.close()
    say("已生成：")
    for path in made:
        say(f"  {path}")
    return made


def _track_a_few(window, say: Callable[[str], None]) -> None:
    """Move a few delegations along and view the board after the first due date."""
    board = window.track_page
    board.reload()
    dated = [r.due_date for r in board.model.rows if r.due_date]
    if dated:
        board.set_today(min(dated) + dt.timedelta(days=2))
    rows = board.model.rows
    if len(rows) >= 3:
        board.view.selectRow(len(rows) - 1)
        board.set_status("签收")
        board.view.selectRow(len(board.model.rows) - 2)
        board.add_feedback("已按要求完成自查，发现问题2个，均已整改到位。")
    board.view.selectRow(0)
    board.view.scrollToTop()
    red = sum(1 for r in board.model.rows if r.light == "red")
    say(f"  已交办 {len(board.model.rows)} 件，按 {board.today()} 计逾期（红灯）{red} 件")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    made = run_demo(args[0] if args else "out")
    return 0 if made else 1


if __name__ == "__main__":
    raise SystemExit(main())
