"""Recurring duties expand into one dated row per period, on the day the duty's text names."""

from __future__ import annotations

from datetime import date

from wutai_plan import wutai_plan

from drafting.plan import CountyPlan, PlanDeadline, PlanTask
from tracking.recurrence import expand, plan_span


def due(text: str, recurrence: str | None, first: date, last: date, **kw) -> list[date]:
    return [o.due for o in expand(PlanDeadline(kind="recurring", recurrence=recurrence, text=text, **kw), first, last)]


def test_monthly_on_the_named_day_over_the_span():
    days = due("每月7日前报送上月工作进展", "monthly", date(2024, 3, 12), date(2024, 12, 31))
    assert days == [date(2024, m, 7) for m in range(4, 13)]  # 3月7日 is before the plan starts


def test_monthly_in_chinese_numerals_and_month_end():
    assert due("每月十五日前", "monthly", date(2024, 1, 1), date(2024, 3, 31)) == [
        date(2024, 1, 15), date(2024, 2, 15), date(2024, 3, 15)]
    assert due("每月底前报送", "monthly", date(2024, 1, 1), date(2024, 3, 31)) == [
        date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31)]
    assert due("每月报送一次", "monthly", date(2023, 2, 1), date(2023, 2, 28)) == [date(2023, 2, 28)]
    assert due("每月30日前", "monthly", date(2023, 2, 1), date(2023, 3, 31)) == [date(2023, 2, 28), date(2023, 3, 30)]


def test_weekly_daily_quarterly_half_yearly_yearly():
    assert due("每周五下班前报送", "weekly", date(2024, 3, 4), date(2024, 3, 24)) == [
        date(2024, 3, 8), date(2024, 3, 15), date(2024, 3, 22)]
    assert due("每周一报送", "weekly", date(2024, 3, 4), date(2024, 3, 11)) == [date(2024, 3, 4), date(2024, 3, 11)]
    assert len(due("每日17时前报送", "daily", date(2021, 6, 15), date(2021, 7, 10), time="17:00")) == 26
    # 工作日 only: 2024-10-01…07 is the National Day holiday, 10月12日 (a Saturday) a make-up working day.
    workdays = due("每个工作日16时前报送", "daily", date(2024, 9, 28), date(2024, 10, 13))
    assert workdays == [date(2024, 9, 29), date(2024, 9, 30), date(2024, 10, 8), date(2024, 10, 9),
                        date(2024, 10, 10), date(2024, 10, 11), date(2024, 10, 12)]
    assert due("每季度报送", "quarterly", date(2024, 2, 1), date(2024, 12, 31)) == [
        date(2024, 3, 31), date(2024, 6, 30), date(2024, 9, 30), date(2024, 12, 31)]
    assert due("每季度首月10日前报送上季度情况", "quarterly", date(2024, 2, 1), date(2025, 1, 31)) == [
        date(2024, 4, 10), date(2024, 7, 10), date(2024, 10, 10), date(2025, 1, 10)]
    assert due("每半年至少开展1次", "half-yearly", date(2024, 3, 1), date(2026, 12, 31)) == [
        date(y, m, d) for y in (2024, 2025, 2026) for m, d in ((6, 30), (12, 31))]
    assert due("每年12月20日前报送年度总结", "yearly", date(2024, 3, 1), date(2026, 12, 31)) == [
        date(2024, 12, 20), date(2025, 12, 20), date(2026, 12, 20)]


def test_recurrence_is_read_from_the_text_when_missing_and_respects_its_start():
    assert due("每月5日前报送", None, date(2024, 1, 1), date(2024, 3, 31)) == [
        date(2024, 1, 5), date(2024, 2, 5), date(2024, 3, 5)]
    assert due("每月5日前报送", "monthly", date(2024, 1, 1), date(2024, 3, 31), start="2024-02-01") == [
        date(2024, 2, 5), date(2024, 3, 5)]


def test_plan_span_runs_from_issue_to_the_last_deadline():
    assert plan_span(wutai_plan()) == (date(2021, 6, 16), date(2021, 7, 9))
    assert plan_span(wutai_plan(), until=date(2021, 12, 31))[1] == date(2021, 12, 31)
    only_recurring = CountyPlan(title="常态化工作方案", cover_title="", issuer="县卫健局", issue_date="2024-03-01",
                                tasks=[PlanTask(id="T1", number="1", category="报送", measures="每月报送",
                                                deadlines=[PlanDeadline(kind="recurring", recurrence="monthly",
                                                                        text="每月7日前")])])
    start, end = plan_span(only_recurring)
    assert start == date(2024, 3, 1) and (end - start).days == 365
