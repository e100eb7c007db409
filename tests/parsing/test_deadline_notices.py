"""Whole notices written in the style of real ones: every deadline found, nothing else, explained."""

from __future__ import annotations

from datetime import date

import pytest

from parsing.deadlines import extract_times
from parsing.pipeline import text_from_string

MEETING_NOTICE = """某市卫生健康委员会办公室
某卫办函〔2024〕88号
关于召开全市卫生健康系统国庆节前安全生产工作会议的通知
各县（市、区）卫生健康局，委属各单位：
为贯彻落实9月20日全省安全生产电视电话会议精神，做好国庆节前后安全生产工作，经研究，决定召开全市卫生健康系统安全生产工作会议。现将有关事项通知如下：
一、会议时间
2024年9月27日（星期五）上午9:00，会期半天。
二、会议地点
市卫生健康委三楼会议室。
三、参会人员
各县（市、区）卫生健康局分管负责同志，委属各单位主要负责同志。
四、有关要求
（一）请各单位于9月26日12时前将参会回执报市卫健委安全科。
（二）各单位要在国庆节前完成一次全面安全检查，并于收到通知后5个工作日内将检查情况报送市卫健委安全科。
（三）节日期间实行24小时值班和领导带班制度，每日16时前报送值班情况。
联系人：张三，联系电话：0350-1234567。
附件：参会回执
某市卫生健康委员会办公室
2024年9月24日
"""

WINTER_PLAN = """某县卫生健康局关于印发《某县卫生健康系统冬春火灾防控工作方案（2024—2025年）》的通知
各医疗卫生单位：
现将《某县卫生健康系统冬春火灾防控工作方案（2024—2025年）》印发给你们，请认真组织实施。
某县卫生健康局
2024年12月16日
某县卫生健康系统冬春火灾防控工作方案（2024—2025年）
为切实做好2024年冬季和2025年春季火灾防控工作，根据省、市有关部署，制定本方案。
一、工作目标
通过开展冬春火灾防控工作，确保全县卫生健康系统不发生较大以上火灾事故。
二、时间安排
即日起至2025年3月31日，分三个阶段进行。
（一）部署发动阶段（即日起至12月31日）。各单位制定本单位工作方案，于12月25日前报县卫生健康局。
（二）排查整治阶段（2025年1月1日至2月28日）。各单位全面开展隐患排查整治，元旦、春节前组织开展一次全面检查。
（三）总结提升阶段（2025年3月）。各单位于3月20日前报送工作总结。
三、工作要求
（一）落实日常巡查。各单位每日开展防火巡查，每月至少组织一次消防安全检查，每季度开展一次灭火疏散演练。
（二）强化信息报送。各单位每月5日前报送上月工作进展，重大情况随时报告。
（三）请各单位分别于2025年1月10日、2月10日前报送阶段性工作进展。
"""

LETTER = """关于报送2025年度医疗机构安全生产自查情况的函
各医疗机构：
根据工作安排，请各单位于收到本函后5个工作日内将自查情况报送至县卫健局医政股，逾期未报的予以通报。
某县卫生健康局
2025年9月26日
"""


def _times(text: str, issue: date | None):
    _, clean = text_from_string(text)
    return extract_times(clean, issue), clean


def _rows(result):
    return [(d.kind, d.date, d.start, d.time, d.recurrence, d.event) for d in result.deadlines]


def test_meeting_notice():
    result, _ = _times(MEETING_NOTICE, date(2024, 9, 24))
    assert _rows(result) == [
        ("due", "2024-09-27", None, "09:00", None, None),
        ("due", "2024-09-26", None, "12:00", None, None),
        ("event", None, None, None, None, "国庆节"),
        # 9-25, 9-26, 9-27, 9-29 (Sunday, 调休上班), 9-30
        ("due", "2024-09-30", None, None, None, None),
        ("recurring", None, None, "16:00", "daily", None),
    ]
    meeting, receipt, _, checked, _ = result.deadlines
    assert meeting.action == "参加会议"
    assert receipt.to == "市卫健委安全科" and "回执" in receipt.action
    assert checked.to == "市卫健委安全科"
    assert "工作日" in checked.explanation and "2024年9月30日" in checked.explanation
    assert result.phases == []


def test_winter_plan_with_phases_and_duties():
    result, _ = _times(WINTER_PLAN, date(2024, 12, 16))
    assert [(p.name, p.start, p.end) for p in result.phases] == [
        ("部署发动阶段", "2024-12-16", "2024-12-31"),
        ("排查整治阶段", "2025-01-01", "2025-02-28"),
        ("总结提升阶段", "2025-03-01", "2025-03-31"),
    ]
    assert _rows(result) == [
        ("range", "2025-03-31", "2024-12-16", None, None, None),
        ("due", "2024-12-25", None, None, None, None),
        ("event", None, None, None, None, "元旦、春节"),
        ("due", "2025-03-20", None, None, None, None),
        ("recurring", None, None, None, "daily", None),
        ("recurring", None, None, None, "monthly", None),
        ("recurring", None, None, None, "quarterly", None),
        ("recurring", None, None, None, "monthly", None),
        ("due", "2025-01-10", None, None, None, None),
        ("due", "2025-02-10", None, None, None, None),
    ]
    assert result.deadlines[1].to == "县卫生健康局"
    assert "次年" in result.deadlines[3].explanation  # 3月20日 read as 2025


def test_letter_counts_working_days_over_national_day():
    result, _ = _times(LETTER, date(2025, 9, 26))
    (deadline,) = result.deadlines
    # 9-28 (Sunday, 调休上班), 9-29, 9-30, then 10-1..10-8 off, 10-9, 10-10
    assert (deadline.kind, deadline.date) == ("due", "2025-10-10")
    assert deadline.to == "县卫健局医政股"
    assert "自查情况" in deadline.action


def test_spans_point_at_the_phrase_as_written():
    for text, issue in ((MEETING_NOTICE, date(2024, 9, 24)), (WINTER_PLAN, date(2024, 12, 16))):
        result, clean = _times(text, issue)
        for deadline in result.deadlines:
            start, end = deadline.span
            assert deadline.text == "".join(clean.text[start:end].split())
        for phase in result.phases:
            start, end = phase.span
            assert phase.name.strip("“”")[:2] in clean.text[start:end]


def test_explanations_say_how_dates_were_read():
    result, _ = _times("各单位于2022年12月上旬将总结报局办公室。\n请于十二月上旬报送。", date(2022, 8, 10))
    assert [d.date for d in result.deadlines] == ["2022-12-10", "2022-12-10"]
    assert "“2022年12月上旬”按12月10日计" in result.deadlines[0].explanation
    assert "按12月10日计" in result.deadlines[1].explanation
    assert "2022年" in result.deadlines[1].explanation  # the year came from the issue date
    result, _ = _times("即日起至7月10日。\n每日17时前报送。\n春节前完成。", date(2021, 6, 15))
    range_, daily, festival = result.deadlines
    assert "成文日期2021年6月15日" in range_.explanation
    assert "每天" in daily.explanation and "17:00" in daily.explanation
    assert "不推定" in festival.explanation


def test_unknown_issue_date_warns_and_uses_the_year_in_the_text():
    result, _ = _times("自2024年3月至2026年12月开展行动。\n请于3月15日前报送实施方案。", None)
    assert [d.date for d in result.deadlines] == ["2026-12-31", "2024-03-15"]
    assert any("成文日期不详" in w for w in result.warnings)


def test_relative_period_without_issue_date_has_no_invented_date():
    result, _ = _times("请于收到通知后5个工作日内报送。", None)
    (deadline,) = result.deadlines
    assert deadline.date is None
    assert any("成文日期" in w for w in result.warnings)


def test_expected_holiday_year_is_flagged():
    result, _ = _times("请于收到通知后3个工作日内报送。", date(2026, 12, 30))
    (deadline,) = result.deadlines
    assert deadline.date == "2027-01-05"  # 12-31, (1-1 元旦, weekend), 1-4, 1-5
    assert any("2027年" in w and "预计" in w for w in result.warnings)
    assert "2027年" in deadline.explanation


def test_unknown_holiday_year_warns_and_counts_weekdays():
    result, _ = _times("请于5个工作日内报送。", date(2031, 3, 7))
    (deadline,) = result.deadlines
    assert deadline.date == "2031-03-14"
    assert any("2031年" in w and "周一至周五" in w for w in result.warnings)


@pytest.mark.parametrize("text", [
    "县卫生健康局\n2024年3月7日",
    "县卫生健康局办公室 2024年3月7日印发",
    "为贯彻落实3月1日全县安全生产工作会议精神，现将有关事项通知如下：",
])
def test_issue_lines_and_background_are_not_deadlines(text):
    result, _ = _times(text, date(2024, 3, 7))
    assert result.deadlines == []


def test_due_date_on_a_day_off_is_pointed_out():
    result, _ = _times("请于2024年10月3日前报送。\n请于2024年3月16日前报送。\n请于3月15日前报送。", date(2024, 3, 7))
    holiday, weekend, working = result.deadlines
    assert "国庆节" in holiday.explanation
    assert "周末" in weekend.explanation
    assert "注意" not in working.explanation


@pytest.mark.parametrize(("sentence", "issued", "start", "recurrence"), [
    ("各地要于6月份开始，在每月7日前报送监测数据。", "2015-05-20", "2015-06-01", "monthly"),
    ("各地要自7月1日起至9月30日，每周五下午5点前将本周汇总表报省卫生健康委。", "2025-06-17", "2025-07-01", "weekly"),
    ("自2025年7月1日起，每月5日前报送上月情况。", "2025-05-20", "2025-07-01", "monthly"),
])
def test_a_span_that_opens_a_recurring_duty_is_its_start(sentence, issued, start, recurrence):
    _, clean = text_from_string(sentence)
    (duty,) = extract_times(clean, date.fromisoformat(issued)).deadlines
    assert (duty.kind, duty.date, duty.start, duty.recurrence) == ("recurring", None, start, recurrence)


def test_a_span_in_another_sentence_stays_a_range():
    _, clean = text_from_string("即日起至9月30日，各单位开展自查。每月5日前报送进展。")
    kinds = [(d.kind, d.start) for d in extract_times(clean, date(2025, 5, 20)).deadlines]
    assert kinds == [("range", "2025-05-20"), ("recurring", None)]
