"""Issue 16: a recurring duty is one row with its occurrences; only the county profile's units are
delegated (the rest wait on the clerk, the sender is never chased); one state machine with its
history; an old store with one row per occurrence is upgraded in place."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from wutai_plan import wutai_plan

from desktop.cli import main
from drafting.plan import CountyPlan, PlanDeadline, PlanTask
from tracking.delegations import delegate, find_task, import_plan, resolve_pending, update_status
from tracking.ics import render_calendar, write_ics
from tracking.queries import get_delegation, history, list_delegations, occurrences_of, pending_units
from tracking.reminder import draft_reminder
from tracking.schema import MIGRATIONS
from tracking.store import Store, StoreError, open_store


def duty_plan() -> CountyPlan:
    """A county's 疫情防控 plan: a daily report on working days, a monthly summary by the 5th,
    a one-off task, and units the profile does not know."""
    return CountyPlan(
        title="示例县冬春季呼吸道传染病防控工作方案", cover_title="关于印发《示例县冬春季呼吸道传染病防控工作方案》的通知",
        issuer="示例县卫生健康局", doc_number="示卫健发〔2024〕9号", issue_date="2024-11-01",
        tasks=[
            PlanTask(id="T1", number="1", category="监测日报", measures="发热门诊就诊人数每个工作日12时前报局疾控股。",
                     lead=["县人民医院", "县中医医院"],
                     deadlines=[PlanDeadline(kind="recurring", recurrence="daily", time="12:00",
                                             text="每个工作日12时前", to="疾病预防控制股")]),
            PlanTask(id="T2", number="2", category="月度小结", measures="每月5日前报送上月防控工作小结。",
                     lead=["各乡镇卫生院"], support=["社会单位"],
                     deadlines=[PlanDeadline(kind="recurring", recurrence="monthly", text="每月5日前")]),
            PlanTask(id="T3", number="3", category="物资储备", measures="储备不少于30天用量的防护物资。",
                     lead=["局办公室"], support=["各生产经营单位", "示例县卫生健康局", "训练赛由区有关部门、单位"],
                     deadlines=[PlanDeadline(kind="due", date="2024-11-29", text="11月29日前")]),
        ])


@pytest.fixture
def store():
    s = open_store(actor="督查员")
    yield s
    s.close()


def test_daily_and_monthly_duty_are_one_row_each_with_occurrences(store):
    plan_id = import_plan(store, duty_plan(), until=date(2025, 2, 28), now=datetime(2024, 11, 1, 9))
    rows = list_delegations(store, plan_id=plan_id, today=date(2024, 11, 1))
    assert sorted((r.task_key, r.unit) for r in rows) == [
        ("T1", "县中医医院"), ("T1", "县人民医院"), ("T2", "各乡镇卫生院"), ("T3", "局办公室")]
    daily = next(r for r in rows if r.task_key == "T1" and r.unit == "县人民医院")
    monthly = next(r for r in rows if r.task_key == "T2")
    # Working days 11月1日 – 2月28日 (国庆 is past; 元旦 and 春节 2025 are off): one row holds them all.
    days = [o.due for o in occurrences_of(store, daily.id, date(2024, 11, 1))]
    assert daily.recurring and daily.occurrences == len(days) and days[0] == date(2024, 11, 1)
    assert date(2025, 1, 1) not in days and date(2025, 1, 26) in days  # 元旦 off; a 调休 Sunday worked
    assert all(d.weekday() < 5 or d == date(2025, 1, 26) or d == date(2025, 2, 8) for d in days)
    assert [o.due for o in occurrences_of(store, monthly.id)] == [
        date(2024, 11, 5), date(2024, 12, 5), date(2025, 1, 5), date(2025, 2, 5)]

    # The monthly summary of November comes in late; December's is never sent.
    change = update_status(store, monthly.id, feedback="10月防控小结已报送", now=datetime(2024, 11, 6, 10))
    assert (change.occurrence, change.new_status) == (1, "办理中")
    got = get_delegation(store, monthly.id, date(2024, 12, 10))
    assert (got.occurrences_reported, got.missed_dates, got.next_due) == (1, [date(2024, 12, 5)], date(2024, 12, 5))
    assert got.light == "red" and got.late_report
    assert [r.id for r in list_delegations(store, plan_id=plan_id, today=date(2024, 12, 10), overdue=True)
            if r.task_key == "T2"] == [monthly.id]
    # Each occurrence can be reported on its own: January's, ahead of December's.
    update_status(store, monthly.id, feedback="12月小结", occurrence=3, now=datetime(2025, 1, 3, 9))
    states = [o.state for o in occurrences_of(store, monthly.id, date(2025, 1, 6))]
    assert states == ["逾期报送", "未报送（逾期）", "已报送", "待报送"]
    with pytest.raises(StoreError, match="第3次（2025-01-05）已报送"):
        update_status(store, monthly.id, feedback="重复", occurrence=3)
    with pytest.raises(StoreError, match="没有第9次报送"):
        update_status(store, monthly.id, feedback="多余", occurrence=9)
    with pytest.raises(StoreError, match="还有 2 次未报送"):
        update_status(store, monthly.id, "已反馈")
    update_status(store, monthly.id, feedback="11月小结（补报）", occurrence=2)
    assert update_status(store, monthly.id, feedback="1月小结").new_status == "已反馈"  # the last one


def test_calendar_carries_an_rrule_for_each_duty(store, tmp_path):
    plan_id = import_plan(store, duty_plan(), until=date(2025, 2, 28), now=datetime(2024, 11, 1, 9))
    path = write_ics(store, tmp_path / "时限.ics", plan_id=plan_id, now=datetime(2024, 11, 1, 9))
    text = path.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert text.count("BEGIN:VEVENT") == 3  # the daily duty (both hospitals in one), the monthly, T3
    assert "RRULE:FREQ=MONTHLY;BYMONTHDAY=5;UNTIL=20250205" in text
    assert "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20250228T120000" in text
    assert "EXDATE:20250101T120000" in text  # 元旦 is no working day
    assert "RDATE:20250126T120000,20250208T120000" in text  # 调休 weekend days worked
    assert "DTSTART;VALUE=DATE:20241129" in text
    assert render_calendar([]).count("VEVENT") == 0


def test_only_profile_units_are_delegated_the_rest_wait_on_the_clerk(store, capsys):
    plan_id = import_plan(store, duty_plan(), until=date(2024, 12, 31), now=datetime(2024, 11, 1, 9))
    units = {r.unit for r in list_delegations(store, plan_id=plan_id)}
    assert units == {"县人民医院", "县中医医院", "各乡镇卫生院", "局办公室"}
    waiting = pending_units(store, plan_id)
    assert [(p.task_key, p.unit) for p in waiting] == [
        ("T2", "社会单位"), ("T3", "各生产经营单位"), ("T3", "示例县卫生健康局"), ("T3", "训练赛由区有关部门、单位")]
    assert "本局自身" in waiting[2].reason and "不是单位资料中" in waiting[0].reason
    with pytest.raises(StoreError, match="不能交办"):
        delegate(store, find_task(store, "T3"), "社会单位")
    # The clerk settles them: the group of 卫生院 each on its own, the others not delegated.
    ids = resolve_pending(store, waiting[1].id, "各乡镇卫生院", each=True, now=datetime(2024, 11, 4, 9))
    assert len(ids) == 4
    for p in waiting[::2]:
        resolve_pending(store, p.id)
    assert [p.unit for p in pending_units(store, plan_id)] == ["训练赛由区有关部门、单位"]
    t3 = {r.unit for r in list_delegations(store, task_id=find_task(store, "T3"))}
    assert t3 == {"局办公室", "城关镇中心卫生院", "河口镇卫生院", "石桥乡卫生院", "新安镇卫生院"}
    # A group split later: its own row gives way to its members', with their history kept.
    (group,) = list_delegations(store, task_id=find_task(store, "T2"))
    update_status(store, group.id, "签收", now=datetime(2024, 11, 4, 9))
    assert len(delegate(store, find_task(store, "T2"), "各乡镇卫生院", each=True)) == 4
    assert {r.unit for r in list_delegations(store, task_id=find_task(store, "T2"))} == {
        "城关镇中心卫生院", "河口镇卫生院", "石桥乡卫生院", "新安镇卫生院"}
    assert [e.action for e in history(store, group.id)] == ["交办", "签收", "分别交办"]
    from tracking.queries import delegated_units

    assert "各乡镇卫生院" not in delegated_units(store, plan_id) and "河口镇卫生院" in delegated_units(store)
    with pytest.raises(StoreError, match="已撤回"):
        update_status(store, group.id, "办理中")
    # The 催办 never goes to the office that sends it.
    draft = draft_reminder(store, plan_id=plan_id, today=date(2024, 12, 2))
    assert draft is not None and "局办公室" not in draft.units and "县人民医院" in draft.units


MOVES = [("交办", "办理中"), ("交办", "已反馈"), ("交办", "办结"), ("签收", "已反馈"), ("签收", "办结"),
         ("签收", "交办"), ("办理中", "办结"), ("办理中", "签收"), ("办理中", "交办"), ("已反馈", "交办"),
         ("已反馈", "签收"), ("办结", "已反馈"), ("办结", "办理中"), ("办结", "交办")]
PATH = ["交办", "签收", "办理中", "已反馈", "办结"]


@pytest.mark.parametrize(("old", "new"), MOVES)
def test_every_illegal_move_is_refused_in_chinese(store, old, new):
    plan = wutai_plan()
    import_plan(store, plan, now=datetime(2021, 6, 16, 9))
    (row,) = list_delegations(store, task_id=find_task(store, "T3"))
    for step in PATH[1:PATH.index(old) + 1]:
        update_status(store, row.id, step, feedback="已完成" if step == "已反馈" else None)
    before = store.conn.execute("SELECT status, version FROM delegations WHERE id = ?", (row.id,)).fetchone()
    events = len(store.events())
    with pytest.raises(StoreError, match=f"不能从“{old}”改为“{new}”"):
        update_status(store, row.id, new)
    assert tuple(store.conn.execute("SELECT status, version FROM delegations WHERE id = ?",
                                    (row.id,)).fetchone()) == tuple(before)
    assert len(store.events()) == events


def test_history_shows_who_moved_it_and_when(tmp_path, capsys):
    db = tmp_path / "督办.sqlite3"
    plan_file = tmp_path / "方案.json"
    plan_file.write_text(wutai_plan().dumps(), encoding="utf-8")
    assert main(["track", "--db", str(db), "--user", "王芳", "import", str(plan_file), "--today", "2021-06-16"]) == 0
    with open_store(db) as s:
        (row,) = list_delegations(s, task_id=find_task(s, "T3"))
    for user, args in (("县疾控中心李强", ["--status", "签收"]), ("王芳", ["--feedback", "已建立分级管控台账"]),
                       ("王芳", ["--status", "办理中"])):
        assert main(["track", "--db", str(db), "--user", user, "update", str(row.id), *args,
                     "--today", "2021-06-18"]) == 0
    capsys.readouterr()
    assert main(["track", "--db", str(db), "history", str(row.id)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:3] for line in lines] == [
        ["王芳", "交办"], ["县疾控中心李强", "签收"], ["王芳", "办理中"], ["王芳", "已反馈"], ["王芳", "退回"]]
    assert lines[0].startswith("2021-06-16") and "已建立分级管控台账" in lines[3]
    assert main(["track", "--db", str(db), "update", str(row.id), "--status", "交办"]) == 2
    assert "不能从“办理中”改为“交办”" in capsys.readouterr().err


def test_old_store_with_a_row_per_occurrence_is_merged_in_place(tmp_path):
    path = tmp_path / "policydesk.sqlite3"
    old = Store(path, actor="旧版", migrations=MIGRATIONS[:2])
    at = "2021-06-16T09:00:00"
    with old.transaction() as conn:  # what version 2 wrote for a daily duty of 3 days, 2 units
        conn.execute("INSERT INTO plans (title, json, imported_at) VALUES ('旧方案', '{}', ?)", (at,))
        conn.execute("INSERT INTO tasks (plan_id, task_key, category) VALUES (1, 'T4', '信息报送')")
        for n, day in enumerate(("2021-06-16", "2021-06-17", "2021-06-18"), 1):
            conn.execute("INSERT INTO deadlines (task_id, kind, due_date, due_time, recurrence, occurrence, text)"
                         " VALUES (1, 'recurring', ?, '16:00', 'daily', ?, '每日16时前')", (day, n))
        for unit in ("县人民医院", "县中医医院"):
            for n in (1, 2, 3):
                status, rank = ("已反馈", 3) if unit == "县人民医院" and n < 3 else ("签收", 1)
                conn.execute(
                    "INSERT INTO delegations (task_id, deadline_id, unit, unit_key, due_date, status, status_rank,"
                    " assigned_at, signed_at, reported_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (n, unit, unit, f"2021-06-1{5 + n}", status, rank, at, at,
                     f"2021-06-1{5 + n}T15:00:00" if rank == 3 else None, at))
        conn.execute("INSERT INTO feedback (delegation_id, text, actor, created_at) VALUES (2, '17日已报', '旧版', ?)",
                     (at,))
        conn.execute("INSERT INTO attachments (delegation_id, feedback_id, original_name, stored_path, sha256, size,"
                     " added_at) VALUES (2, 1, '报表.xlsx', '附件/2/x', 'ab', 3, ?)", (at,))
        conn.execute("INSERT INTO reminders (delegation_id, sent_at, actor) VALUES (6, ?, '旧版')", (at,))
        old.log("交办", "delegation", 2, {"单位": "县人民医院"})
    old.close()

    store = open_store(path)
    assert store.backup_path is not None
    backup = sqlite3.connect(store.backup_path)
    assert backup.execute("SELECT count(*) FROM delegations").fetchone()[0] == 6  # kept as it was
    backup.close()
    rows = list_delegations(store, today=date(2021, 6, 21))
    # One row per duty and unit, overdue first (县中医医院 missed all three; the hospital only 6月18日).
    assert [(r.id, r.unit, r.occurrences, r.occurrences_reported) for r in rows] == [
        (4, "县中医医院", 3, 0), (1, "县人民医院", 3, 2)]
    hospital = get_delegation(store, 1, date(2021, 6, 21))
    assert hospital.status == "办理中" and hospital.next_due == date(2021, 6, 18)
    assert hospital.missed_dates == [date(2021, 6, 18)] and hospital.feedback_count == 1
    assert hospital.attachment_count == 1
    assert get_delegation(store, 4, date(2021, 6, 21)).reminder_count == 1
    # The merged rows' history is found from their old ids too.
    assert [(e.action, e.delegation_id) for e in history(store, 2)] == [("交办", 2), ("合并周期报送", 1)]
    with pytest.raises(StoreError, match="交办事项 2 已并入周期性任务事项 1"):
        update_status(store, 2, feedback="18日已报")
    assert store.integrity_ok()
    store.close()


def test_summary_per_unit_and_task_with_the_on_time_rate(store, tmp_path, capsys):
    import openpyxl

    from tracking.ledger import write_ledger
    from tracking.queries import achievement

    plan_id = import_plan(store, duty_plan(), until=date(2024, 12, 31), now=datetime(2024, 11, 1, 9))
    rows = list_delegations(store, plan_id=plan_id)
    monthly = next(r for r in rows if r.task_key == "T2")
    office = next(r for r in rows if r.task_key == "T3")
    update_status(store, monthly.id, feedback="10月小结", now=datetime(2024, 11, 4, 9))  # on time
    update_status(store, monthly.id, feedback="11月小结", now=datetime(2024, 12, 9, 9))  # late
    update_status(store, office.id, feedback="物资已储备", now=datetime(2024, 11, 28, 9))  # on time
    today = date(2024, 12, 10)
    by_unit, by_task = achievement(list_delegations(store, plan_id=plan_id, today=today), today)
    units = {a.name: (a.assigned, a.done, a.overdue, a.due, a.on_time, a.rate_text) for a in by_unit}
    assert units["各乡镇卫生院"] == (2, 2, 0, 2, 1, "50%")
    assert units["局办公室"] == (1, 1, 0, 1, 1, "100%")
    # The daily report, never sent: 28 working days due by 12月10日, 27 of them missed (today's is not yet).
    hospital = units["县人民医院"]
    assert hospital[1:] == (0, 27, 28, 0, "0%") and hospital[0] > 28
    assert by_unit[0].rate == 0 and [a.name for a in by_task] == ["T1 监测日报", "T2 月度小结", "T3 物资储备"]
    assert by_task[0].due == 56 and by_task[2].rate_text == "100%"

    path = write_ledger(store, tmp_path / "台账.xlsx", plan_id=plan_id, today=today)
    sheet = openpyxl.load_workbook(path)["工作达成率"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    township = next(v for v in values if v[1] == "各乡镇卫生院")
    assert township[:8] == ["单位", "各乡镇卫生院", 2, 2, 0, 2, 1, "50%"] and township[8] == "█████░░░░░"
    db = store.path
    capsys.readouterr()
    assert main(["track", "--db", str(db), "summary", "--today", "2024-12-10"]) == 0
    out = capsys.readouterr().out
    assert "各乡镇卫生院\t2\t2\t0\t2\t1\t50%\t█████" in out and "T3 物资储备\t1\t1\t0\t1\t1\t100%" in out


def test_unit_names_as_real_plans_write_them():
    from drafting.profile import load_sample_profile
    from tracking.county_units import CountyUnits

    units = CountyUnits(load_sample_profile())
    got = {name: (r.kind, r.target) for name in ("局医政股", "县疾控中心", "中医医院", "乡镇卫生院", "局机关各股室",
                                                 "各级卫生健康行政部门", "社会单位", "各生产经营单位", "县卫健局")
           for r in [units.resolve(name)]}
    assert got == {
        "局医政股": ("unit", "医政医管股"), "县疾控中心": ("unit", "县疾病预防控制中心"), "中医医院": ("unit", "县中医医院"),
        "乡镇卫生院": ("group", "各乡镇卫生院"), "局机关各股室": ("group", "局机关各股室"),
        "各级卫生健康行政部门": ("unresolved", None), "社会单位": ("unresolved", None),
        "各生产经营单位": ("unresolved", None), "县卫健局": ("sender", None)}
    assert "医政医管股" in units.resolve("局机关各股室").members
    assert units.is_sender("局办公室") and units.is_sender("办公室") and not units.is_sender("县人民医院")
