"""The time grammar: a peer's test suite (time_cases.tsv, from JioNLP's public cases) and the notice forms.

Each case of the table is read by ``read_time`` on its own; the table as a whole must be read right in
at least 95 % of its cases, and no case may give a wrong date (a date where none is meant, or another
date than the one meant). The notice forms then go through ``extract_times``, which decides from the
sentence whether a time is a deadline, background, or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from parsing.deadlines import extract_times
from parsing.deadlines.grammar import read_time
from parsing.document import CleanText, Paragraph

TABLE = Path(__file__).with_name("time_cases.tsv")


@dataclass
class Case:
    line: int
    phrase: str
    base: date
    expected: str
    start: str | None = None  # "*" = a fuzzy start, not compared
    end: str | None = None
    clock: str | None = None
    recurrence: str | None = None
    nothing: bool = False


def _cases() -> list[Case]:
    cases = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        phrase, base, expected, *_ = line.split("\t")
        tokens = expected.split()
        case = Case(number, phrase, date.fromisoformat(base), expected)
        case.clock = next((t.removeprefix("time=") for t in tokens if t.startswith("time=")), None)
        if tokens[0] == "-":
            case.nothing = True
        elif tokens[0] == "recurring":
            case.recurrence = tokens[1]
        elif ".." in tokens[0]:
            start, end = tokens[0].split("..")
            case.start, case.end = start or None, end or None
        else:
            case.start = case.end = tokens[0]
        cases.append(case)
    return cases


CASES = _cases()


def judge(case: Case) -> str:
    """``ok``, ``wrong`` (a date given but not the one meant) or ``miss`` (no date, or an incomplete one)."""
    got = read_time(case.phrase, case.base)
    if got is None:
        return "ok" if case.nothing else "miss"
    start, end = (d.isoformat() if d else None for d in (got.start, got.end))
    if case.nothing:
        return "wrong" if start or end else "ok"
    if case.recurrence:
        if start or end:
            return "wrong"
        return "ok" if got.recurrence == case.recurrence and got.clock == case.clock else "miss"
    if (end and end != case.end) or (case.start != "*" and start and start != case.start):
        return "wrong"
    right = end == case.end and (case.start == "*" or start == case.start)
    return "ok" if right and got.clock == case.clock and got.recurrence is None else "miss"


def test_the_selection_is_the_documented_one():
    text = TABLE.read_text(encoding="utf-8")
    assert "Selection rule" in text and "dongrixinyu/JioNLP" in text
    assert len(CASES) >= 150
    assert sum(c.nothing for c in CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[f"L{c.line}" for c in CASES])
def test_no_case_gives_a_wrong_date(case: Case):
    assert judge(case) != "wrong", (case.phrase, case.expected, read_time(case.phrase, case.base))


def test_at_least_95_percent_read_right():
    verdicts = {c.phrase: judge(c) for c in CASES}
    right = sum(v == "ok" for v in verdicts.values())
    failing = [p for p, v in verdicts.items() if v != "ok"]
    assert right / len(CASES) >= 0.95, failing


@pytest.mark.parametrize(("phrase", "start", "end", "clock"), [
    ("自即日起至2025年6月30日", "2025-03-05", "2025-06-30", None),
    ("即日起至6月30日17时", "2025-03-05", "2025-06-30", "17:00"),
    ("截至2025年底", None, "2025-12-31", None),
    ("不迟于4月10日", None, "2025-04-10", None),
    ("２０２５年３月１０日至３月２１日", "2025-03-10", "2025-03-21", None),
    ("12月中下旬", "2025-12-11", "2025-12-31", None),
    ("下周三下午3点", "2025-03-12", "2025-03-12", "15:00"),
    ("3月第三周", "2025-03-17", "2025-03-23", None),
    ("本季度内", "2025-01-01", "2025-03-31", None),
    ("收到通知后15个工作日内", None, "2025-03-26", None),
])
def test_notice_phrases_read_on_their_own(phrase: str, start: str | None, end: str, clock: str | None):
    reading = read_time(phrase, date(2025, 3, 5))
    assert reading is not None
    got = (reading.start.isoformat() if reading.start else None, reading.end.isoformat() if reading.end else None)
    assert got == (start, end) and reading.clock == clock


def test_days_counted_from_an_unnamed_day_are_loose():
    for phrase in ("当日17时", "次日", "20天后", "周五"):
        reading = read_time(phrase, date(2025, 3, 5))
        assert reading is not None and reading.loose, phrase


# --- the notice layer: what a time in a sentence is -------------------------------------------------


def _clean(text: str) -> CleanText:
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return CleanText(text, paragraphs)


def _times(text: str, issue: str = "2024-12-20"):
    return extract_times(_clean(text), date.fromisoformat(issue))


def _one(text: str, issue: str = "2024-12-20"):
    found = _times(text, issue).deadlines
    assert len(found) == 1, [(d.kind, d.start, d.date, d.text) for d in found]
    return found[0]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("活动时间为1月3日至2月10日，各乡镇要组织开展专项检查。", "2025-01-03", "2025-02-10"),
    ("3月1日—15日，各单位开展自查自纠。", "2025-03-01", "2025-03-15"),
    ("2025年3-5月，集中开展专项整治。", "2025-03-01", "2025-05-31"),
    ("自2025年1月——2026年6月，分两批完成改造。", "2025-01-01", "2026-06-30"),
    ("即日起至2025年1月10日，开展安全生产大检查。", "2024-12-20", "2025-01-10"),
])
def test_a_future_range_is_a_range_deadline(text: str, start: str, end: str):
    deadline = _one(text)
    assert (deadline.kind, deadline.start, deadline.date) == ("range", start, end)


@pytest.mark.parametrize("text", [
    "2017年8月11日至8月22日，省里开展了专项督查。",
    "2024年3月至10月，全县组织开展专项整治。",
    "上个月15号，县政府召开了专题会议。",
    "2023年，全县共排查隐患1200处。",
    "工作时间为周一至周五。",
    "会议当天下午3点前报到。",
    "从2008年——2018年，累计投入资金3亿元。",
])
def test_past_times_and_days_not_named_are_no_deadline(text: str):
    assert _times(text).deadlines == []


@pytest.mark.parametrize(("text", "end", "clock"), [
    ("请各单位于本周五前报送名单。", "2024-12-20", None),
    ("请于下周一前将材料报送县局办公室。", "2024-12-23", None),
    ("请于明日12时前报送统计表。", "2024-12-21", "12:00"),
    ("请于本月底前完成整改。", "2024-12-31", None),
    ("请于十二月月底前报送年度总结。", "2024-12-31", None),
    ("请于收到通知后20天内完成整改。", "2025-01-09", None),
    ("请于下月15号下午6点前报送。", "2025-01-15", "18:00"),
    ("请各单位于27号晚上9点前报送。", "2024-12-27", "21:00"),
    ("请于5日前报送。", "2025-01-05", None),  # a day before the issue date: next month
    ("明年初前完成验收。", "2025-02-28", None),
    ("请于2025-01-06前报送。", "2025-01-06", None),
    ("请于2025.1.6前报送。", "2025-01-06", None),
    ("请于2025/1/6下午5:30前报送。", "2025-01-06", "17:30"),
    ("到2025年前，全县完成改造任务。", "2025-12-31", None),
])
def test_due_forms(text: str, end: str, clock: str | None):
    deadline = _one(text)
    assert (deadline.kind, deadline.date, deadline.time) == ("due", end, clock)
    assert deadline.explanation


@pytest.mark.parametrize(("text", "end"), [
    ("2025年，基本建成覆盖城乡的医疗服务体系。", "2025-12-31"),
    ("到2026年，全县乡镇卫生院全部达到服务能力标准。", "2026-12-31"),
    ("力争到2027年，县域内就诊率达到90%以上。", "2027-12-31"),
    ("2026年底乡镇卫生院实现全覆盖。", "2026-12-31"),
])
def test_year_targets_without_qian_are_due_at_year_end(text: str, end: str):
    deadline = _one(text)
    assert (deadline.kind, deadline.date) == ("due", end)


def test_a_clock_time_without_a_day_gets_no_date_and_a_warning():
    result = _times("请于17:30前报送。")
    assert [(d.kind, d.date, d.time) for d in result.deadlines] == [("due", None, "17:30")]
    assert any("未写日期" in w for w in result.warnings)


def test_every_working_day_is_a_daily_recurrence():
    deadline = _one("值班人员每个工作日9点前报送值班日志。")
    assert (deadline.kind, deadline.recurrence, deadline.time) == ("recurring", "daily", "09:00")


def test_two_digit_year_is_read_in_its_century():
    reading = read_time("15年3月2日", date(2021, 6, 14))
    assert reading is not None and reading.start == date(2015, 3, 2)
    assert _times("15年3月2日，省里印发了实施意见。").deadlines == []


def test_working_days_skip_holidays_and_count_makeup_days():
    # from Fri 2024-09-27: Sun 09-29 is a make-up working day (1), 09-30 (2), 10-01..07 off, 10-08 (3) … 10-10 (5)
    deadline = _one("请于5个工作日内报送。", "2024-09-27")
    assert deadline.date == "2024-10-10"


def test_a_weekday_that_disagrees_with_the_date_is_warned_about():
    result = _times("请于12月27日（星期四）前报送。")
    assert [d.date for d in result.deadlines] == ["2024-12-27"]  # the written date stands
    assert any("星期不符" in w for w in result.warnings)
    assert not any("星期不符" in w for w in _times("请于12月27日（星期五）前报送。").warnings)


def test_without_an_issue_date_the_weekday_settles_the_year():
    text = "2024年工作要点\n请于3月14日（星期五）前报送。"
    found = extract_times(_clean(text), None).deadlines
    assert [d.date for d in found] == ["2025-03-14"]  # 2024-03-14 was a Thursday
    assert "星期五" in (found[0].explanation or "")
