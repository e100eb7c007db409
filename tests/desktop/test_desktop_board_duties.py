"""督办 page (issue 16): a recurring duty's occurrences and per-occurrence feedback, the row's plan
version and history, the units waiting on the clerk, 工作达成率 per unit with its bar, a unit
filter without withdrawn rows, and refused status moves told in Chinese."""

from __future__ import annotations

import datetime as dt

import pytest
from desktop_harness import QT_LOG_IGNORE, window_fixture  # noqa: F401 (the window fixture)

from drafting.plan import CountyPlan, PlanDeadline, PlanTask

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _duty_plan() -> CountyPlan:
    """A 防控 plan: a monthly summary by the 5th, a one-off task, a unit the profile does not know."""
    return CountyPlan(
        title="示例县冬春季呼吸道传染病防控工作方案",
        cover_title="关于印发《示例县冬春季呼吸道传染病防控工作方案》的通知",
        issuer="示例县卫生健康局", doc_number="示卫健发〔2024〕9号", issue_date="2024-11-01",
        tasks=[PlanTask(id="T1", number="1", category="月度小结", measures="每月5日前报送上月防控工作小结。",
                        lead=["县人民医院"], support=["社会单位"],
                        deadlines=[PlanDeadline(kind="recurring", recurrence="monthly", text="每月5日前")]),
               PlanTask(id="T2", number="2", category="物资储备", measures="储备不少于30天用量的防护物资。",
                        lead=["各乡镇卫生院"],
                        deadlines=[PlanDeadline(kind="due", date="2024-11-29", text="11月29日前")])])


@pytest.fixture
def board(window):
    from tracking.delegations import import_plan

    import_plan(window.session.store, _duty_plan(), until=dt.date(2025, 2, 28), now=dt.datetime(2024, 11, 1, 9))
    window.show_page("督办")
    page = window.track_page
    page.reload()
    page.set_today(dt.date(2024, 12, 10))
    return page


def _select(board, task_key: str) -> None:
    board.view.selectRow(next(i for i, r in enumerate(board.model.rows) if r.task_key == task_key))


def test_a_duty_lists_its_occurrences_and_takes_feedback_on_the_chosen_one(board):
    _select(board, "T1")
    assert board.current_row().recurring
    occ = board.occurrence_model
    assert [o.due for o in occ.rows] == [dt.date(2024, 11, 5), dt.date(2024, 12, 5), dt.date(2025, 1, 5),
                                         dt.date(2025, 2, 5)]
    assert [occ.index(i, 2).data() for i in range(2)] == ["未报送（逾期）", "未报送（逾期）"]
    assert "缺报2次" in board.detail.text() and "共4次" in board.detail.text()
    assert board.tabs.tabText(0) == "报送情况（4次）"
    board.occurrence_view.selectRow(2)  # January's, ahead of the missed ones
    assert board.chosen_occurrence().number == 3 and "第3次" in board.occurrence_label.text()
    assert board.add_feedback("12月防控小结已报送。")
    _select(board, "T1")
    states = [o.state for o in board.occurrence_model.rows]  # written now, after 2025-01-05
    assert states == ["未报送（逾期）", "未报送（逾期）", "逾期报送", "待报送"]
    assert board.occurrence_model.rows[2].feedback == "12月防控小结已报送。"
    # The first unreported one is preselected: a plain feedback reports November's.
    assert board.chosen_occurrence().number == 1
    assert board.add_feedback("10月小结补报。")
    _select(board, "T1")
    assert board.occurrence_model.rows[0].state == "逾期报送"


def test_the_row_shows_its_plan_version_and_history(board, window):
    _select(board, "T2")
    assert "方案第1版" in board.detail.text()
    assert [e.action for e in board.history_model.rows][:1] == ["交办"]
    assert board.set_status("签收")
    _select(board, "T2")
    last = board.history_model.rows[-1]
    assert last.action == "签收" and last.actor == window.session.store.actor
    row = board.history_model.rowCount() - 1
    assert board.history_model.index(row, 2).data() == "签收"
    assert board.history_model.index(row, 3).data().startswith("原状态：交办；新状态：签收")


def test_an_illegal_move_shows_the_stores_message(board, window):
    _select(board, "T2")
    assert board.current_row().status == "交办"
    assert not board.set_status("办结")
    message = window.banner.label.text()
    assert "不能从“交办”改为“办结”" in message and "须先反馈" in message
    assert window.statusBar().currentMessage() == message
    assert board.current_row().status == "交办"  # nothing changed


def test_waiting_units_are_listed_and_resolved_to_a_profile_unit(board):
    assert not board.pending_badge.isHidden() and board.pending_badge.text() == "⚑ 待确认单位 1"
    assert [p.unit for p in board.pending_model.rows] == ["社会单位"]
    assert "待确认单位（1）" in board.tabs.tabText(board.tabs.indexOf(board.pending_tab))
    assert not board.resolve_pending("县疾病预防控制中心")  # nothing chosen yet
    board.pending_view.selectRow(0)
    assert not board.resolve_pending("某不存在的单位")  # not in the profile: refused, still waiting
    assert board.pending_model.rowCount() == 1
    assert board.resolve_pending("县疾病预防控制中心")
    assert board.pending_model.rowCount() == 0 and board.pending_badge.isHidden()
    added = [r for r in board.model.rows if r.unit == "县疾病预防控制中心"]
    assert [(r.task_key, r.role) for r in added] == [("T1", "配合")] and added[0].recurring
    assert board.unit_filter.findText("县疾病预防控制中心") > 0


def test_per_unit_achievement_with_a_bar(board):
    from desktop.ui.board_details import RATE_ROLE

    model = board.achievement_model
    by_name = {r.name: r for r in model.rows}
    assert set(by_name) == {"县人民医院", "各乡镇卫生院"}
    hospital = by_name["县人民医院"]
    assert (hospital.assigned, hospital.done, hospital.overdue, hospital.rate_text) == (4, 0, 2, "0%")
    _select(board, "T2")
    assert board.add_feedback("已储备防护物资。")  # after its 11月29日 deadline: done, not on time
    town = {r.name: r for r in model.rows}["各乡镇卫生院"]
    assert (town.done, town.rate) == (1, 0.0)
    _select(board, "T1")
    board.add_feedback("11月小结。")
    row = next(i for i, r in enumerate(model.rows) if r.name == "县人民医院")
    assert model.index(row, 4).data(RATE_ROLE) == 0.0 and model.index(row, 2).data() == "1"
    board.set_today(dt.date(2024, 11, 4))  # nothing due yet for the hospital: no rate, no bar
    row = next(i for i, r in enumerate(model.rows) if r.name == "县人民医院")
    assert model.index(row, 4).data(RATE_ROLE) is None and model.index(row, 4).data() == "—"


def test_the_unit_filter_leaves_out_withdrawn_rows(board):
    from tracking.delegations import delegate, find_task

    store = board.session.store
    delegate(store, find_task(store, "T2"), "各乡镇卫生院", each=True)  # the group's row is withdrawn
    board.reload()
    names = [board.unit_filter.itemText(i) for i in range(board.unit_filter.count())]
    assert "各乡镇卫生院" not in names and "城关镇中心卫生院" in names
    assert "各乡镇卫生院" not in {r.unit for r in board.model.rows}


def test_bar_colour_thresholds():
    from desktop.ui.board_details import bar_color

    assert [bar_color(x) for x in (1.0, 0.9, 0.7, 0.2)] == ["#43a047", "#43a047", "#f9a825", "#e53935"]
