"""Back-scheduling: county dates N working days before the superior's, holidays counted."""

from __future__ import annotations

from datetime import date

from drafting.scheduling import (
    ScheduleContext,
    back_schedule,
    localise_phrase,
    schedule_deadline,
    schedule_phases,
    span_text,
)
from parsing.model import Deadline, Phase
from parsing.workdays import is_working_day, working_days_between


def _ctx(draft: date, lead: int = 3) -> ScheduleContext:
    return ScheduleContext(lead_days=lead, draft_date=draft)


def test_three_working_days_back_skip_the_national_day_holiday():
    # 2025: 10月1日–8日 off, 9月28日 (Sunday) a make-up working day.
    county, why = back_schedule(date(2025, 10, 10), _ctx(date(2025, 9, 15)))
    assert county == date(2025, 9, 29)
    assert working_days_between(county, date(2025, 10, 10)) == 3
    assert "提前3个工作日" in why


def test_a_weekend_superior_date_counts_working_days_before_it():
    county, _ = back_schedule(date(2021, 7, 10), _ctx(date(2021, 6, 15)))  # a Saturday
    assert county == date(2021, 7, 7)
    assert is_working_day(county)


def test_too_tight_a_deadline_is_compressed_but_never_after_the_superior():
    # 于6月17日前报: 3 working days back is 6月11日, before the plan itself (6月15日); 6月14日 is 端午节.
    county, why = back_schedule(date(2021, 6, 17), _ctx(date(2021, 6, 15)))
    assert county == date(2021, 6, 16)
    assert "仅提前1个工作日" in why
    county, why = back_schedule(date(2021, 6, 16), _ctx(date(2021, 6, 15)))
    assert county == date(2021, 6, 15) and "当日" in why
    county, why = back_schedule(date(2021, 6, 10), _ctx(date(2021, 6, 15)))
    assert county == date(2021, 6, 10) and "已过" in why


def test_report_up_becomes_the_county_offices_collection_date():
    dl = Deadline(text="于9月19日前", kind="due", date="2025-09-19", action="报送排查整治实施方案和联系人",
                  to="市卫健委医政医管科")
    pd = schedule_deadline(dl, 3, _ctx(date(2025, 9, 15)), collector="医政医管股")
    assert (pd.kind, pd.date, pd.superior_date, pd.superior_index) == ("due", "2025-09-16", "2025-09-19", 3)
    assert pd.to == "医政医管股"
    assert pd.text == "9月16日前"


def test_recurring_stays_recurring_and_a_report_time_moves_earlier():
    daily = Deadline(text="每日17时前报送", kind="recurring", time="17:00", recurrence="daily",
                     action="报送安全生产集中检查督查报送表格")
    pd = schedule_deadline(daily, 0, _ctx(date(2021, 6, 15)), collector="局办公室")
    assert (pd.kind, pd.recurrence, pd.time, pd.date) == ("recurring", "daily", "15:00", None)
    assert pd.text == "每日15时前报送"
    quarterly = Deadline(text="每季度至少开展1次带队检查", kind="recurring", recurrence="quarterly",
                         action="开展带队检查")
    pd = schedule_deadline(quarterly, 1, _ctx(date(2024, 3, 7)))
    assert (pd.kind, pd.recurrence, pd.text, pd.to) == ("recurring", "quarterly", "每季度至少开展1次带队检查", None)


def test_range_and_event_keep_their_start_as_from_today():
    rng = Deadline(text="即日起至7月10日", kind="range", date="2021-07-10", start="2021-06-15")
    pd = schedule_deadline(rng, 0, _ctx(date(2021, 6, 15)))
    assert (pd.start, pd.date, pd.text) == ("2021-06-15", "2021-07-07", "即日起至7月7日")
    event = Deadline(text="即日起至全国“两会”结束", kind="event", start="2024-01-29", event="全国“两会”结束")
    pd = schedule_deadline(event, 0, _ctx(date(2024, 1, 29)))
    assert (pd.kind, pd.event, pd.date, pd.text) == ("event", "全国“两会”结束", None, "即日起至全国“两会”结束")


def test_phases_move_back_without_gaps_between_them():
    phases = [Phase("全面排查阶段", "2025-09-15", "2025-09-26"), Phase("集中整治阶段", "2025-09-27", "2025-10-24")]
    first, second = schedule_phases(phases, _ctx(date(2025, 9, 15)))
    assert (first.start, first.date, first.text) == ("2025-09-15", "2025-09-23", "即日起至9月23日")
    assert (second.start, second.date) == ("2025-09-24", "2025-10-21")
    assert second.text == "9月24日至10月21日"


def test_phrases_are_rewritten_with_the_county_date():
    due = Deadline(text="6月底前完成风险管控的辨识", kind="due", date="2021-06-30")
    pd = schedule_deadline(due, 0, _ctx(date(2021, 6, 15)))
    assert localise_phrase(due.text, due, pd, 2021) == "6月25日前完成风险管控的辨识"
    year_end = Deadline(text="2024年底前", kind="due", date="2024-12-31")
    pd = schedule_deadline(year_end, 0, _ctx(date(2024, 3, 7)))
    assert localise_phrase(year_end.text, year_end, pd, 2024) == "2024年12月26日前"


def test_span_text_forms():
    draft = date(2025, 4, 18)
    assert span_text("2025-04-18", "2025-05-28", draft) == "即日起至5月28日"
    assert span_text("2025-05-01", "2025-05-28", draft) == "5月1日至5月28日"
    assert span_text("2026-09-25", "2026-11-25", draft) == "2026年9月25日至11月25日"
    assert span_text("2025-05-29", "2026-09-24", draft) == "2025年5月29日至2026年9月24日"
    assert span_text(None, "2025-05-27", draft) == "5月27日前"


def test_a_year_with_unknown_holidays_is_counted_monday_to_friday_and_said_so():
    from drafting.plan_builder import build_plan
    from drafting.profile import load_sample_profile
    from parsing.model import Notice, Source, Task

    notice = Notice(source=Source("far.txt"), issuer="江州市卫生健康委员会", issue_date="2031-03-03",
                    title="江州市卫生健康委员会关于开展2031年爱国卫生月活动的通知",
                    tasks=[Task(["一"], "集中整治", "各县（市、区）卫生健康局要于3月28日前完成环境卫生集中整治。",
                                lead=["各县（市、区）卫生健康局"], deadlines=[0])],
                    deadlines=[Deadline(text="于3月28日前", kind="due", date="2031-03-28",
                                        action="完成环境卫生集中整治")])
    plan = build_plan(notice, load_sample_profile())
    task = plan.tasks[0]
    assert task.deadlines[0].date == "2031-03-25"  # Friday 28 → Tuesday 25, weekdays only
    assert "各医疗卫生单位要于3月25日前完成环境卫生集中整治" in task.measures
    assert any("2031年节假日" in c.message for c in plan.checks)
