"""Issue 16: a plan corrected after 交办 is re-imported: the changes are shown, then applied, and
every feedback, file and history entry stays."""

from __future__ import annotations

import copy
from datetime import date, datetime

import pytest
from wutai_plan import wutai_plan

from desktop.cli import main
from drafting.plan import PlanDeadline, PlanTask
from tracking.delegations import find_task, import_plan, update_status
from tracking.plan_revision import revise_plan
from tracking.queries import feedback_of, get_delegation, history, list_delegations
from tracking.store import StoreError, open_store


def corrected(plan):
    """分工 corrected after 交办: T1 one day later, 县中医医院 off T1 and 县妇幼保健院 on it,
    T3 split in two, T5 dropped, the daily report moved from 16时 to 17时, a new T6."""
    plan = copy.deepcopy(plan)
    t1, _t2, t3, t4, _t5 = plan.tasks
    t1.deadlines[0].date, t1.deadlines[0].text = "2021-06-25", "6月25日前"
    t1.lead = ["县人民医院", "县妇幼保健院", "县疾病预防控制中心", "各乡镇卫生院"]
    t4.deadlines[0].time, t4.deadlines[0].text = "17:00", "每日17时前"
    parts = [PlanTask(id="T3-1", number="3（1）", category="风险辨识", measures="完成风险管控的辨识、分级。",
                      lead=["县疾病预防控制中心"], deadlines=[PlanDeadline(kind="due", date="2021-06-25", text="6月25日前")]),
             PlanTask(id="T3-2", number="3（2）", category="分级管控台账", measures="制定台账，按重大、较大、一般、低风险分级管控。",
                      lead=["县疾病预防控制中心"], deadlines=[PlanDeadline(kind="due", date="2021-06-29", text="6月29日前")])]
    new = PlanTask(id="T6", number="6", category="总结报告", measures="报送专项行动总结。", lead=["局办公室"],
                   deadlines=[PlanDeadline(kind="due", date="2021-07-09", text="7月9日前")])
    plan.tasks = [t1, plan.tasks[1], *parts, t4, new]
    assert t3.id == "T3"
    return plan


@pytest.fixture
def store():
    s = open_store(actor="督查员")
    yield s
    s.close()


def test_reimport_shows_then_applies_the_changes_keeping_feedback(store, tmp_path):
    plan_id = import_plan(store, wutai_plan(), now=datetime(2021, 6, 16, 9))
    rows = list_delegations(store, plan_id=plan_id)
    hospital = next(r for r in rows if r.task_key == "T1" and r.unit == "县人民医院")
    tcm = next(r for r in rows if r.task_key == "T1" and r.unit == "县中医医院")
    duty = next(r for r in rows if r.task_key == "T4")
    (risk,) = [r for r in rows if r.task_key == "T3"]
    report = tmp_path / "自查报告.txt"
    report.write_text("排查隐患12处", encoding="utf-8")
    update_status(store, hospital.id, feedback="排查隐患12处", files=[report], now=datetime(2021, 6, 18, 9))
    update_status(store, tcm.id, "签收", now=datetime(2021, 6, 17, 9))
    update_status(store, duty.id, feedback="16日已报", now=datetime(2021, 6, 16, 15))
    update_status(store, duty.id, feedback="17日已报", now=datetime(2021, 6, 17, 15))
    update_status(store, risk.id, feedback="已开始辨识", now=datetime(2021, 6, 18, 9))
    before_events = len(store.events())

    preview = revise_plan(store, plan_id, corrected(wutai_plan()), apply=False, now=datetime(2021, 6, 19, 9))
    assert preview.lines() == [
        "任务 T3 拆分为 T3-1、T3-2", "新增任务 T6", "删除任务 T5（已交办事项撤回，反馈和附件保留）",
        "任务 T1 新增责任单位 县妇幼保健院", "任务 T1 不再由 县中医医院 承担（撤回，反馈和附件保留）",
        "任务 T1 时限调整：2021-06-22 → 2021-06-25", "任务 T4 时限调整：每日16时前 16:00 → 每日17时前 17:00"]
    assert len(store.events()) == before_events and not preview.applied  # a preview changes nothing

    assert import_plan(store, corrected(wutai_plan()), now=datetime(2021, 6, 19, 9)) == plan_id
    rows = list_delegations(store, plan_id=plan_id, today=date(2021, 6, 19))
    assert sorted({(r.task_key, r.unit) for r in rows if r.task_key.startswith(("T1", "T3", "T5", "T6"))}) == [
        ("T1", "县人民医院"), ("T1", "县妇幼保健院"), ("T1", "县疾病预防控制中心"), ("T1", "各乡镇卫生院"),
        ("T3-1", "县疾病预防控制中心"), ("T3-2", "县疾病预防控制中心"), ("T6", "局办公室")]
    got = get_delegation(store, hospital.id, date(2021, 6, 19))
    assert got.due_date == date(2021, 6, 25) and got.status == "已反馈" and got.plan_version == 1
    assert [f["files"] for f in feedback_of(store, hospital.id)] == [["自查报告.txt"]]
    assert next(r for r in rows if r.unit == "县妇幼保健院").plan_version == 2
    # The daily duty keeps its two reports on the new rule (17时), the next due 6月18日 17:00.
    got = get_delegation(store, duty.id, date(2021, 6, 19))
    assert (got.occurrences_reported, got.next_due, got.due_time) == (2, date(2021, 6, 18), "17:00")
    # Withdrawn rows keep their feedback and history; the log tells what happened.
    assert [f["text"] for f in feedback_of(store, risk.id)] == ["已开始辨识"]
    assert [e.action for e in history(store, risk.id)][-1] == "撤回"
    assert history(store, risk.id)[-1].detail["原因"] == "任务已拆分为T3-1、T3-2"
    assert [e.action for e in history(store, tcm.id)] == ["交办", "签收", "撤回"]
    assert store.conn.execute("SELECT version FROM plans WHERE id = ?", (plan_id,)).fetchone()[0] == 2
    assert store.integrity_ok()
    with pytest.raises(StoreError, match="内容没有变化"):
        revise_plan(store, plan_id, corrected(wutai_plan()))


def test_reimport_from_the_command_line_prints_the_changes(tmp_path, capsys):
    db = str(tmp_path / "督办.sqlite3")
    first, second = tmp_path / "方案.json", tmp_path / "方案（修订）.json"
    first.write_text(wutai_plan().dumps(), encoding="utf-8")
    second.write_text(corrected(wutai_plan()).dumps(), encoding="utf-8")
    assert main(["track", "--db", db, "import", str(first), "--today", "2021-06-16"]) == 0
    capsys.readouterr()
    assert main(["track", "--db", db, "import", str(second), "--dry-run", "--today", "2021-06-19"]) == 0
    out = capsys.readouterr().out
    assert "第1版 → 第2版" in out and "任务 T3 拆分为 T3-1、T3-2" in out and "预览，未更改" in out
    assert main(["track", "--db", db, "import", str(second), "--today", "2021-06-19"]) == 0
    assert "已更新方案 1 至第2版" in capsys.readouterr().out
    with open_store(db) as s:
        assert find_task(s, "T6") and not list_delegations(s, task_id=find_task(s, "T5"))
