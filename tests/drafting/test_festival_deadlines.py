"""Event deadlines (春节前, 国庆节前, 元旦前) become county dates from the holiday table, and a deadline
the clerk corrects on the 解析 page reaches the draft."""

from __future__ import annotations

from datetime import date

import pytest
from corpus import FIXTURES

from drafting.festival_dates import LUNAR_NEW_YEAR, festival_day, festival_deadline
from drafting.plan_builder import build_plan, load_notice
from drafting.plan_export import task_table_rows
from drafting.profile import load_sample_profile
from drafting.scheduling import ScheduleContext, read_date, schedule_deadline
from parsing.model import Deadline
from parsing.workdays import (
    _file_tables,
    _package_years,
    holiday_names_in,
    is_working_day,
    working_days_between,
)

HOLIDAY_NOTICE = FIXTURES / "superior" / "festival_city_holiday_safety.txt"


def _ctx(draft: date, lead: int = 3, title: str = "") -> ScheduleContext:
    return ScheduleContext(lead_days=lead, draft_date=draft, title=title)


def test_spring_festival_is_known_for_every_year_the_holiday_table_holds():
    years = _package_years() | set(_file_tables())
    assert years and min(years) <= 2020 and max(years) >= 2027
    for year in sorted(years):
        day, start = festival_day("春节", year)
        assert day == LUNAR_NEW_YEAR[year]
        assert start is not None and start <= day, year  # the holiday opens on or before 正月初一
        assert holiday_names_in(year)[day] == "春节", year


def test_spring_festival_deadline_is_the_last_working_day_before_the_holiday_less_the_lead():
    dl = Deadline(text="在春节前", kind="event", event="春节", action="完成全面自查")
    pd = schedule_deadline(dl, 0, _ctx(date(2025, 12, 10)))
    # 2026: 春节 2月17日, off from 2月15日; 2月14日 (Saturday) is a make-up working day.
    assert (pd.kind, pd.superior_date, pd.date, pd.event) == ("due", "2026-02-14", "2026-02-11", "春节")
    assert working_days_between(date(2026, 2, 11), date(2026, 2, 14)) == 3
    assert pd.text == "2026年2月11日前"
    assert "春节" in pd.explanation and "2月17日" in pd.explanation and "2月15日起放假" in pd.explanation
    assert "提前3个工作日" in pd.explanation


@pytest.mark.parametrize(("text", "event", "draft", "superior", "county"), [
    ("国庆节前", "国庆节", date(2025, 3, 12), "2025-09-30", "2025-09-26"),  # 9月28日 (Sunday) is worked
    ("元旦前", "元旦", date(2025, 11, 20), "2025-12-31", "2025-12-26"),
    ("2027年春节前", "春节", date(2026, 3, 2), "2027-02-04", "2027-02-01"),
])
def test_national_day_and_new_year(text, event, draft, superior, county):
    pd = schedule_deadline(Deadline(text=text, kind="event", event=event), 0, _ctx(draft))
    assert (pd.superior_date, pd.date) == (superior, county)
    assert is_working_day(date.fromisoformat(pd.date))
    assert event in pd.explanation


def test_a_festival_already_past_this_year_is_next_years():
    due = festival_deadline("国庆节前", "国庆节", date(2025, 10, 20))
    assert due is not None and due.day == date(2026, 10, 1)


def test_a_bare_holiday_is_the_festival_the_title_names():
    pd = schedule_deadline(Deadline(text="节日前", kind="event", event="节日"), 0,
                           _ctx(date(2025, 9, 1), title="关于做好2025年中秋国庆期间安全生产工作的通知"))
    assert (pd.superior_date, pd.date) == ("2025-09-30", "2025-09-26")
    assert "国庆节" in pd.explanation
    other = schedule_deadline(Deadline(text="至全国“两会”结束", kind="event", event="全国“两会”结束"), 0,
                              _ctx(date(2025, 9, 1)))
    assert (other.kind, other.date) == ("event", None)  # no date can be known


def test_a_year_without_a_holiday_table_uses_the_festival_day_and_says_so():
    ctx = _ctx(date(2031, 3, 1))
    pd = schedule_deadline(Deadline(text="春节前", kind="event", event="春节"), 0, ctx)
    assert pd.superior_date == "2032-02-10"  # 2032 春节 2月11日, a Wednesday
    assert "放假安排未知" in pd.explanation
    assert any("2032年节假日" in note for note in ctx.notes)


def test_a_city_holiday_notice_gets_county_dates_in_text_and_table():
    notice = load_notice(HOLIDAY_NOTICE)
    plan = build_plan(notice, load_sample_profile())
    (task,) = [t for t in plan.tasks if t.category == "开展节前安全大检查"]
    assert [(d.date, d.event) for d in task.deadlines] == [("2025-12-26", "元旦"), ("2026-02-11", "春节")]
    assert "要在12月26日前组织对辖区内二级以上医院" in task.measures
    assert "要在2026年2月11日前完成对所属院区的全面自查" in task.measures
    assert "元旦前" not in task.measures and "春节前" not in task.measures
    row = next(r for r in task_table_rows(plan) if r[1] == task.category)
    assert row[5] == "12月26日前；2026年2月11日前"
    assert all(d.explanation.startswith("上级以“") for d in task.deadlines)


def test_a_date_the_clerk_gives_an_event_on_the_parse_page_reaches_the_draft():
    from desktop.ui.corrections import SetField, apply

    notice = load_notice(HOLIDAY_NOTICE)
    index = next(i for i, d in enumerate(notice.deadlines) if d.event == "春节")
    corrected, _ = apply(SetField(("deadlines", index, "date"), "2026-02-06", "时限"), notice)
    plan = build_plan(corrected, load_sample_profile())
    (task,) = [t for t in plan.tasks if t.category == "开展节前安全大检查"]
    county = task.deadlines[1]
    assert (county.superior_date, county.date) == ("2026-02-06", "2026-02-03")
    assert "已校对为2026年2月6日" in county.explanation
    assert "要在2026年2月3日前完成对所属院区的全面自查" in task.measures


def test_a_corrected_due_date_typed_by_hand_reaches_the_draft():
    from desktop.ui.corrections import SetField, apply

    notice = load_notice(FIXTURES / "superior" / "city_urgent_fire_safety.txt")
    index = next(i for i, d in enumerate(notice.deadlines) if d.date == "2025-10-10")
    corrected, _ = apply(SetField(("deadlines", index, "date"), "2025年10月17日", "时限"), notice)
    plan = build_plan(corrected, load_sample_profile())
    ward = next(t for t in plan.tasks if t.category == "住院楼和重点部位")
    assert [d.date for d in ward.deadlines] == ["2025-10-14"]
    assert "于10月14日前完成辖区内二级以上医院住院楼的全面检查" in ward.measures


def test_read_date_forms():
    assert read_date("2026-02-06") == date(2026, 2, 6)
    assert read_date("2026/2/6") == date(2026, 2, 6)
    assert read_date("2026年2月6日") == date(2026, 2, 6)
    assert read_date("春节前") is None and read_date("2026-02-30") is None and read_date(None) is None
