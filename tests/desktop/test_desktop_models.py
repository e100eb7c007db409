"""Every Qt model of the app passes qtmodeltester, on real parses and plans."""

from __future__ import annotations

import datetime as dt

import pytest
from corpus import GOLD_DIR, seed
from desktop_harness import QT_LOG_IGNORE
from PySide6.QtCore import Qt

from desktop import jobs
from desktop.ui.board_model import DelegationModel, board_order
from desktop.ui.corrections import SetField, apply
from desktop.ui.fields import notice_fields, row_at, text_to_value
from desktop.ui.models import FieldModel, NoticeListModel, OutlineModel, TaskTableModel, nearest_deadline
from drafting.plan import CountyPlan, PlanDeadline, PlanTask
from parsing.model import Notice

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _noop(*_a):
    return None


def _opened(prefix: str) -> jobs.OpenedNotice:
    return jobs.open_notice(_noop, lambda: False, seed(prefix))


@pytest.fixture(scope="module")
def opened_002():
    return _opened("002")


def _plan() -> CountyPlan:
    return CountyPlan(
        title="示例县卫生健康局关于开展安全生产大排查大整治专项行动的实施方案",
        cover_title="关于印发《示例县卫生健康局关于开展安全生产大排查大整治专项行动的实施方案》的通知",
        issuer="示例县卫生健康局",
        tasks=[PlanTask(id="T1", number="1", category="安全生产", measures="全面排查各单位安全隐患。",
                        lead=["局办公室"], support=["各乡镇卫生院"],
                        deadlines=[PlanDeadline(kind="due", date="2021-07-05", text="7月5日前")]),
               PlanTask(id="T2", number="2", category="消防安全", measures="开展消防设施检查。")])


def test_notice_list_model(qtmodeltester, opened_002):
    model = NoticeListModel()
    model.add(opened_002)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "忻卫健办函〔2021〕214号"
    assert model.index(0, 3).data() == "2021-06-15"
    # opening the same file again replaces the row
    assert model.add(opened_002) == 0 and model.rowCount() == 1


def test_nearest_deadline_prefers_the_next_one(opened_002):
    notice = opened_002.notice
    dated = sorted(d.date for d in notice.deadlines if d.date)
    assert dated
    assert nearest_deadline(notice, dt.date(2000, 1, 1)) == dated[0]
    assert nearest_deadline(notice, dt.date(2100, 1, 1)) == dated[-1]


def test_outline_model_on_a_seed_and_a_gold_parse(qtmodeltester, opened_002):
    model = OutlineModel()
    model.set_outline(opened_002.notice.outline)
    qtmodeltester.check(model)
    first = model.index(0, 0)
    assert first.data() == "一、总体要求"
    gold = Notice.loads(sorted(GOLD_DIR.glob("002_*.json"))[0].read_text(encoding="utf-8"))
    model.set_outline(gold.outline)
    qtmodeltester.check(model)
    four = model.index(3, 0)
    assert four.data().startswith("四、") and model.rowCount(four) == 3
    inner = model.index(1, 0, four)
    assert inner.data() == "（二）排查、整治的内容" and model.parent(inner) == four
    assert model.index(0, 0, inner).data() == "1.安全生产"


def test_field_model_routes_edits_to_the_undo_callback(qtmodeltester, opened_002):
    edits = []
    model = FieldModel(lambda row, value: edits.append((row.path, value)))
    model.set_notice(opened_002.notice)
    qtmodeltester.check(model)
    row = next(i for i, r in enumerate(model.rows) if r.path == ("doc_number",))
    assert model.index(row, 2).data() == "忻卫健办函〔2021〕214号"
    assert model.flags(model.index(row, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(row, 2), "忻卫健办函〔2021〕215号")
    assert edits == [(("doc_number",), "忻卫健办函〔2021〕215号")]
    # unchanged text is not an edit
    assert not model.setData(model.index(row, 2), "忻卫健办函〔2021〕214号")


def test_task_table_model_edits_the_plan(qtmodeltester):
    model = TaskTableModel()
    plan = _plan()
    model.set_plan(plan)
    qtmodeltester.check(model)
    assert model.index(0, 5).data() == "7月5日前"
    assert model.setData(model.index(1, 3), "局办公室、医政医管股")
    assert plan.tasks[1].lead == ["局办公室", "医政医管股"]
    assert model.setData(model.index(1, 5), "2021-07-02")
    assert plan.tasks[1].due == "2021-07-02" and model.index(1, 5).data() == "2021年7月2日前"
    assert not model.setData(model.index(1, 5), "七月")
    assert model.index(0, 5).data(Qt.ItemDataRole.EditRole) == "2021-07-05"


def test_delegation_model_on_a_real_store(qtmodeltester, tmp_path):
    from tracking.delegations import import_plan
    from tracking.queries import list_delegations
    from tracking.store import Store

    store = Store(tmp_path / "store.sqlite3")
    try:
        import_plan(store, _plan(), now=dt.datetime(2021, 6, 20, 9, 0))
        rows = list_delegations(store, today=dt.date(2021, 7, 8))
    finally:
        store.close()
    model = DelegationModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) >= 2
    # overdue (red) first
    assert model.rows[0].light == "red" and model.index(0, 0).data() == "● 红灯"
    assert [r.id for r in board_order(rows)] == [r.id for r in model.rows]


def test_corrections_are_pure_and_invert(opened_002):
    notice = opened_002.notice
    cmd = SetField(("tasks", 0, "lead"), ["县卫健委安全股"], "任务1 牵头单位")
    new, inverse = apply(cmd, notice)
    assert new.tasks[0].lead == ["县卫健委安全股"]
    assert notice.tasks[0].lead != ["县卫健委安全股"]  # the original is untouched
    back, again = apply(inverse, new)
    assert back.tasks[0].lead == notice.tasks[0].lead and again == cmd
    new, inverse = apply(SetField(("leadership", "leader"), ["王五"]), Notice(source=notice.source))
    assert new.leadership.leader == ["王五"] and inverse.value is None


def test_field_rows_cover_the_parse_and_find_clicks(opened_002):
    rows = notice_fields(opened_002.notice)
    paths = {r.path for r in rows}
    assert ("title",) in paths and ("tasks", 0, "lead") in paths and ("deadlines", 0, "date") in paths
    deadline = next(r for r in rows if r.kind == "deadline" and r.span)
    assert rows[row_at(rows, deadline.span[0])].kind in ("deadline", "unit", "contact", "header")
    assert text_to_value("局办公室、 医政股，财务股", True) == ["局办公室", "医政股", "财务股"]
    assert text_to_value("  ", False) is None


def test_highlights_cover_values_not_whole_passages(opened_002):
    from desktop.ui.fields import highlight_spans

    notice = opened_002.notice
    notice_copy = Notice.from_json(notice.to_json(include_text=True))
    notice_copy.spans["basis"] = (0, len(notice_copy.text))
    kinds = highlight_spans(notice_copy)
    assert (("header", (0, len(notice_copy.text)))) not in kinds
    assert ("header", notice.spans["doc_number"]) in kinds
    assert {k for k, _ in kinds} >= {"task", "deadline", "unit", "contact"}
