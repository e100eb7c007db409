"""督办: the board's filters by plan, unit and status, overdue first, and the calendar export."""

from __future__ import annotations

import datetime as dt

import pytest
from desktop_harness import QT_LOG_IGNORE, wait_done, window_fixture  # noqa: F401 (the window fixture)

from drafting.plan import CountyPlan, PlanDeadline, PlanTask

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _plan(title: str, first_due: str) -> CountyPlan:
    return CountyPlan(
        title=title, cover_title=f"关于印发《{title}》的通知", issuer="示例县卫生健康局", issue_date="2024-05-06",
        tasks=[PlanTask(id="T1", number="1", category="排查隐患", measures="各单位全面排查安全隐患。",
                        lead=["医政医管股"], support=["各乡镇卫生院"],
                        deadlines=[PlanDeadline(kind="due", date=first_due, text="限期完成")]),
               PlanTask(id="T2", number="2", category="总结报送", measures="报送工作总结。",
                        lead=["局办公室"], deadlines=[PlanDeadline(kind="due", date="2024-06-28", text="6月28日前")])])


@pytest.fixture
def board(window):
    from tracking.delegations import import_plan

    store = window.session.store
    import_plan(store, _plan("甲方案", "2024-05-20"), now=dt.datetime(2024, 5, 6, 9))
    import_plan(store, _plan("乙方案", "2024-06-03"), now=dt.datetime(2024, 5, 6, 9))
    window.show_page("督办")
    page = window.track_page
    page.reload()
    page.set_today(dt.date(2024, 5, 22))
    return page


def test_filters_and_overdue_first(board):
    assert board.plan_filter.currentText() == "乙方案"  # the newest plan is shown first
    board.plan_filter.setCurrentIndex(board.plan_filter.findText("（全部）"))
    assert board.model.rowCount() == 6
    assert board.model.rows[0].light == "red" and board.model.rows[0].plan_title == "甲方案"
    assert {r.light for r in board.model.rows[1:]} != {"red"}
    board.unit_filter.setCurrentIndex(board.unit_filter.findText("医政医管股"))
    assert {r.unit for r in board.model.rows} == {"医政医管股"} and board.model.rowCount() == 2
    board.view.selectRow(0)
    assert board.add_feedback("已完成排查。")
    board.status_filter.setCurrentIndex(board.status_filter.findText("已反馈"))
    assert [r.feedback for r in board.model.rows] == ["已完成排查。"]
    board.status_filter.setCurrentIndex(board.status_filter.findText("未办结"))
    assert board.model.rowCount() == 2  # 已反馈 is not 办结
    board.unit_filter.setCurrentIndex(board.unit_filter.findText("（全部）"))
    board.plan_filter.setCurrentIndex(board.plan_filter.findText("乙方案"))
    assert {r.plan_title for r in board.model.rows} == {"乙方案"}


def test_a_refused_change_shows_why(board, window):
    board.view.selectRow(0)
    status = board.model.rows[0].status
    assert not board.set_status(status)
    assert f"已是“{status}”" in window.banner.label.text()


def test_the_deadline_calendar_is_exported_off_the_ui_thread(qtbot, board, tmp_path):
    out = tmp_path / "督办时限.ics"
    state = board.export_calendar(out)
    assert wait_done(qtbot, state).state == "finished", state.error
    text = out.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "DTSTART;VALUE=DATE:20240603" in text


def test_feedback_with_files_and_one_more_unit(board, tmp_path):
    board.plan_filter.setCurrentIndex(board.plan_filter.findText("甲方案"))
    board.view.selectRow(0)
    target = board.current_row()
    report = tmp_path / "自查报告.docx"
    report.write_bytes(b"PK fake report")
    board.set_attachments([report])
    assert "自查报告.docx" in board.attach_label.text()
    assert board.add_feedback("")  # files alone are feedback too
    row = next(r for r in board.model.rows if r.id == target.id)
    assert row.attachment_count == 1 and row.status == "已反馈"
    assert board.attach_label.text() == ""
    board.view.selectRow(board.model.rows.index(row))
    assert board.delegate_to("县疾病预防控制中心")
    added = [r for r in board.model.rows if r.unit == "县疾病预防控制中心"]
    assert added and {r.task_id for r in added} == {target.task_id} and added[0].role == "配合"
    assert board.unit_filter.findText("县疾病预防控制中心") > 0


def test_reminder_report_and_ledger_documents(qtbot, board, tmp_path):
    import docx

    board.plan_filter.setCurrentIndex(board.plan_filter.findText("甲方案"))
    assert any(r.light == "red" for r in board.model.rows)
    state = board.draft_reminder(tmp_path / "催办通知.docx")
    assert wait_done(qtbot, state).state == "finished", state.error
    text = "\n".join(p.text for p in docx.Document(str(state.result)).paragraphs)
    assert "医政医管股" in text or "各乡镇卫生院" in text
    assert max(r.reminder_count for r in board.model.rows) >= 1  # the board counts the 催办
    state = board.draft_report(tmp_path / "进展情况报告.docx")
    assert wait_done(qtbot, state).state == "finished", state.error
    assert "甲方案" in "\n".join(p.text for p in docx.Document(str(state.result)).paragraphs)
    state = board.export_ledger(tmp_path / "台账.docx")
    assert wait_done(qtbot, state).state == "finished", state.error
    cells = {c.text for t in docx.Document(str(state.result)).tables for r in t.rows for c in r.cells}
    assert "医政医管股" in cells
