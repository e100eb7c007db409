"""Phases from 时间安排 / 实施步骤 sections: stage headings go to phases, never to deadlines."""

from __future__ import annotations

from datetime import date

from parsing.deadlines import extract_times
from parsing.document import CleanText, Paragraph
from parsing.model import Section
from parsing.numbering import match_heading_number


def clean_text(text: str) -> CleanText:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return CleanText(text, paragraphs)


def phases_of(text: str, issue: date):
    result = extract_times(clean_text(text), issue)
    return [(p.name, p.start, p.end) for p in result.phases], result.deadlines


THREE_YEAR_PLAN = """关于印发《某县医疗卫生机构消防安全提升行动方案（2024—2026年）》的通知
各医疗卫生单位：
现将方案印发给你们，请认真贯彻落实。
某县卫生健康局
2024年3月7日
一、工作目标
到2026年底，全县医疗机构消防安全水平明显提升。
二、时间安排
自2024年3月至2026年12月，分三个阶段进行。
（一）动员部署阶段（2024年3月）。各单位要结合实际细化制定实施方案，于3月20日前报县卫生健康局。
（二）专项治理阶段（2024年4月至2025年12月）。各单位要全面排查风险隐患。
（三）巩固提升阶段（2026年1月至12月）。各单位要总结整治成效。
三、工作要求
各单位于2026年12月10日前报送工作总结。"""


def test_stage_headings_become_phases_not_deadlines():
    phases, deadlines = phases_of(THREE_YEAR_PLAN, date(2024, 3, 7))
    assert phases == [("动员部署阶段", "2024-03-01", "2024-03-31"),
                      ("专项治理阶段", "2024-04-01", "2025-12-31"),
                      ("巩固提升阶段", "2026-01-01", "2026-12-31")]
    kinds = [(d.kind, d.start, d.date) for d in deadlines]
    # The whole campaign is a range; the stage dates are not deadlines; body deadlines stay.
    assert kinds == [("due", None, "2026-12-31"), ("range", "2024-03-01", "2026-12-31"),
                     ("due", None, "2024-03-20"), ("due", None, "2026-12-10")]
    assert deadlines[2].to == "县卫生健康局"


STEPS = """（三）排查整治具体时间步骤
1. 动员部署、全面排查、立即整治（即日起至 6 月 23 日）。各单位要立即安排部署，深入开展自查自纠。
2. 强力推进、深入排查、深化整治（6 月 23 日至 6 月 30 日）。各单位要深入排查整治安全隐患。
3. “回头”排查、跟踪整改、确保到位（6 月 30 日至 7 月 10 日）。重点对发现问题隐患整改进行“回头看”。"""


def test_numbered_steps_with_today_start():
    phases, deadlines = phases_of(STEPS, date(2021, 6, 15))
    assert phases == [("动员部署、全面排查、立即整治", "2021-06-15", "2021-06-23"),
                      ("强力推进、深入排查、深化整治", "2021-06-23", "2021-06-30"),
                      ("“回头”排查、跟踪整改、确保到位", "2021-06-30", "2021-07-10")]
    assert deadlines == []


STAGES_WITH_BODY_DATES = """四、实施步骤
（一）自查自纠阶段。2024年4月1日至4月30日，各单位对照清单开展自查。
（二）集中整治阶段。5月1日至8月31日，集中整治发现的问题。
（三）总结验收阶段：9月1日—9月30日。县卫健局组织验收，各单位于9月20日前报送总结。
五、保障措施
加强组织领导。"""


def test_stage_dates_in_the_text_after_the_heading():
    phases, deadlines = phases_of(STAGES_WITH_BODY_DATES, date(2024, 3, 20))
    assert phases == [("自查自纠阶段", "2024-04-01", "2024-04-30"),
                      ("集中整治阶段", "2024-05-01", "2024-08-31"),
                      ("总结验收阶段", "2024-09-01", "2024-09-30")]
    assert [(d.kind, d.date) for d in deadlines] == [("due", "2024-09-20")]


UNNUMBERED_STAGES = """三、进度安排
第一阶段（3月15日—3月31日）：宣传发动，制定方案。
第二阶段（4月1日—6月30日）：全面排查，集中整治。
第三阶段（7月1日—7月31日）：总结评估。"""


def test_unnumbered_stage_paragraphs():
    phases, deadlines = phases_of(UNNUMBERED_STAGES, date(2024, 3, 10))
    assert [(p[1], p[2]) for p in phases] == [("2024-03-15", "2024-03-31"), ("2024-04-01", "2024-06-30"),
                                              ("2024-07-01", "2024-07-31")]
    assert [p[0] for p in phases] == ["第一阶段", "第二阶段", "第三阶段"]
    assert deadlines == []


def test_stage_without_dates_keeps_its_name():
    text = "二、工作步骤\n（一）准备阶段。制定方案，明确分工。\n（二）实施阶段。全面开展排查。"
    phases, deadlines = phases_of(text, date(2024, 3, 7))
    assert phases == [("准备阶段", None, None), ("实施阶段", None, None)]
    assert deadlines == []


def test_steps_without_schedule_heading_or_stage_word_are_not_phases():
    text = "三、主要任务\n（一）开展隐患排查（4月底前）。各单位全面排查。\n（二）建立台账。"
    phases, deadlines = phases_of(text, date(2024, 3, 7))
    assert phases == []
    assert [(d.kind, d.date) for d in deadlines] == [("due", "2024-04-30")]


def test_sections_from_the_outline_give_the_same_phases():
    clean = clean_text(THREE_YEAR_PLAN)
    sections = []
    for para in clean.paragraphs:
        line = clean.text[para.start:para.end]
        number = match_heading_number(line)
        if number:
            sections.append(Section(number.number, number.level, line[number.end:],
                                    span=(para.start, para.end)))
    with_outline = extract_times(clean, date(2024, 3, 7), sections)
    without = extract_times(clean, date(2024, 3, 7))
    assert [p.to_json() for p in with_outline.phases] == [p.to_json() for p in without.phases]
    assert [d.to_json() for d in with_outline.deadlines] == [d.to_json() for d in without.deadlines]
    assert len(with_outline.phases) == 3


SCHEDULE_OF_DUES_AND_PERIODS = """三、时间安排
（一）3月31日前，各单位制定实施方案并报县卫健局。
（二）4月至9月，全面开展排查整治。
（三）10月底前，完成总结验收。
四、实施步骤
1.宣传发动（4月1日—4月15日）：各单位召开动员会，于4月10日前报送方案。
2.督查检查（6月）：县卫健局组织督查。"""


def test_schedule_items_due_by_a_date_stay_deadlines_periods_become_phases():
    phases, deadlines = phases_of(SCHEDULE_OF_DUES_AND_PERIODS, date(2024, 3, 7))
    assert phases == [("全面开展排查整治", "2024-04-01", "2024-09-30"),
                      ("宣传发动", "2024-04-01", "2024-04-15"),
                      ("督查检查", "2024-06-01", "2024-06-30")]
    assert [(d.kind, d.date, d.to) for d in deadlines] == [
        ("due", "2024-03-31", "县卫健局"), ("due", "2024-10-31", None), ("due", "2024-04-10", None)]


def test_a_deadline_inside_a_stage_heading_is_kept():
    text = "三、时间安排\n（一）4月1日至4月30日，各单位开展自查，于5月5日前报送自查报告。\n（二）5月6日至6月30日，集中整治。"
    phases, deadlines = phases_of(text, date(2024, 3, 20))
    assert phases == [("各单位开展自查", "2024-04-01", "2024-04-30"), ("集中整治", "2024-05-06", "2024-06-30")]
    assert [(d.kind, d.date) for d in deadlines] == [("due", "2024-05-05")]
