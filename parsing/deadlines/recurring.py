"""Recurring duties: ``每日17时前报送``, ``每周五前``, ``每月7日前``, ``每季度至少开展1次``, ``每半年``,
``每年2月底前``. Kind ``recurring``: no date, a recurrence, a time where a clock time is given.

Not recurring: a 每 inside a quoted slogan (``“成绩每天归零”``), a named system (``每日巡查制度``),
``每一名``/``每个``/``每次`` (no period), and ``定期`` (no period at all).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from parsing.cnnum import cn_to_int
from parsing.deadlines.actions import (
    alone_in_cell,
    read_action,
    read_action_reporting,
    read_toward,
    row_action,
)
from parsing.deadlines.context import Context, squash
from parsing.deadlines.phrases import CLOCK_RE, CLOCK_SPAN_RE, cn_date, iso, parse_clock
from parsing.deadlines.structure import in_quotes
from parsing.model import Deadline

_PERIODS = {"日": "daily", "天": "daily", "工作日": "daily", "个工作日": "daily", "周": "weekly", "星期": "weekly",
            "个星期": "weekly", "礼拜": "weekly", "个礼拜": "weekly", "月": "monthly", "个月": "monthly",
            "季度": "quarterly", "季": "quarterly", "个季度": "quarterly", "半年": "half-yearly",
            "年": "yearly", "年度": "yearly"}
_PERIOD_CN = {"daily": "每天", "weekly": "每周", "monthly": "每月", "quarterly": "每季度",
              "half-yearly": "每半年", "yearly": "每年"}
RECURRING_RE = re.compile(r"每\s*(?P<p>个工作日|工作日|个季度|季度|半年|年度|个星期|星期|个礼拜|礼拜|个月|季|年|月|周|日|天)(?!度[的里]|的)")
_CLAUSE_END = "，,。；;！？!?\n、）)"
_NAMED_SYSTEM = re.compile(r"^[^，。；、]{0,6}?(?:制度|机制|例会制|工作法)")


def _clause_end(text: str, pos: int, hi: int, limit: int = 48) -> int:
    end = pos
    depth = 0  # a parenthesis opened inside the clause (乡镇（街道）负责人) does not end it
    while end < hi and end - pos < limit and (text[end] not in _CLAUSE_END or (depth and text[end] in "、）)")):
        if text[end] in "（(" and not re.match(r"[（(](?:联系|电话|邮箱|手机)", text[end:end + 3]):
            depth += 1
        elif text[end] in "）)" and depth:
            depth -= 1
        if re.match(r"[（(](?:联系|电话|邮箱|手机)", text[end:end + 3]):
            close = re.compile(r"[）)]").search(text, end, hi)
            if close is None or close.end() >= hi or text[close.end()] in _CLAUSE_END:
                break  # …报市卫生健康委规划发展科（联系电话：…）。: the note closes the clause
            end = close.end()  # 向县卫健委应急办（邮箱：…）报送…: the clause goes on
            continue
        end += 1
    while end < hi and re.match(r"[0-9A-Za-z@._-]", text[end]) and re.match(r"[0-9A-Za-z@._-]", text[end - 1]):
        end += 1  # an e-mail address or a number is never cut in two
    return end


def _names_its_body(ctx: Context, m: re.Match[str]) -> bool:
    """``（四）报送每周小结。各单位每周五12时前…``: a heading naming the duty its body schedules."""
    for words_start, head_end, body_end in ctx.heading_parts:
        if words_start <= m.start() < head_end:
            period = _PERIODS[m.group("p")]
            return any(_PERIODS[b.group("p")] == period for b in RECURRING_RE.finditer(ctx.text, head_end, body_end))
    return False


def read_recurring(ctx: Context, lo: int, hi: int) -> None:
    """Every recurring duty in the sentence ``text[lo:hi]``."""
    text = ctx.text
    for m in RECURRING_RE.finditer(text, lo, hi):
        if not ctx.free((m.start(), m.end())) or in_quotes(text, lo, m.start()):
            continue
        end = _clause_end(text, m.end(), hi)
        rest = text[m.end():end]
        if _NAMED_SYSTEM.match(squash(rest)) or _names_its_body(ctx, m):
            continue
        if re.match(r"\s*[0-9０-９一二三四五六七八九十]+\s*(?:人|名|个|元|万|家|户)", rest) or \
                re.search(r"[0-9０-９]\s*(?:万元|亿元|元)|资金|经费|预算", rest):
            continue  # 每年投入资金300万元: an amount, not a schedule
        recurrence = _PERIODS[m.group("p")]
        clock_match = CLOCK_RE.search(text, m.end(), min(end, m.end() + 12))
        clock = parse_clock(clock_match) if clock_match else None
        span = (m.start(), end)
        reading = read_action(text, m.start(), end, lo, hi)
        to = reading.to
        handed = read_action_reporting(squash(re.sub(r"^[^将把]*", "", text[m.end():end]))) or \
            read_toward(squash(re.sub(r"^[^向]*", "", text[m.end():end])))
        if handed and handed[1]:
            to = handed[1]
        phrase = squash(text[span[0]:span[1]])
        action = _recurring_action(text, m.start(), end, lo, reading.action)
        if alone_in_cell(text, span[0], span[1]):  # a 完成时限 cell ``\t每月10日前\n``: the row's task
            action = row_action(text, span[0]) or action
        deadline = Deadline(text=phrase, kind="recurring", recurrence=recurrence, time=clock, span=span,
                            action=action, to=to)
        how = "每个工作日一次（节假日不计）" if "工作日" in m.group("p") else f"{_PERIOD_CN[recurrence]}一次"
        deadline.explanation = (f"“{phrase}”{how}，是重复的任务，没有固定截止日期"
                                + (f"；每次的时间为{clock}" if clock else ""))
        ctx.found.append(deadline)
        ctx.claim(span)


# 于次月5日前报送上月数据: a report due each month for the month before
_NEXT_MONTH = re.compile(r"(?:次月|下月|下一月)\s*(?P<d>[0-9０-９一二三四五六七八九十]{1,3})\s*[日号]\s*(?:前|之前|以前)")
_LAST_MONTH = re.compile(r"上月|上一月|上个月|当月|本月")


def read_next_month(ctx: Context, lo: int, hi: int) -> None:
    """``次月5日前报送上月…`` in the sentence ``text[lo:hi]`` → a monthly duty."""
    text = ctx.text
    for m in _NEXT_MONTH.finditer(text, lo, hi):
        if not ctx.free((m.start(), m.end())):
            continue
        end = _clause_end(text, m.end(), hi)
        if not _LAST_MONTH.search(text, lo, end):
            _next_month_once(ctx, m, end, lo, hi)  # 请于下月5日前报送: once, next month
            continue
        clock_match = CLOCK_RE.search(text, m.end(), min(end, m.end() + 12))
        clock = parse_clock(clock_match) if clock_match else None
        reading = read_action(text, m.start(), end, lo, hi)
        phrase = squash(text[m.start():end])
        deadline = Deadline(text=phrase, kind="recurring", recurrence="monthly", time=clock, span=(m.start(), end),
                            action=squash(text[m.end():end]) or reading.action, to=reading.to)
        deadline.explanation = f"“{phrase}”每月一次（次月报送上月情况），是重复的任务，没有固定截止日期"
        ctx.found.append(deadline)
        ctx.claim((m.start(), end))


def _next_month_once(ctx: Context, m: re.Match[str], end: int, lo: int, hi: int) -> None:
    """``请于下月5日前报送`` → due on that day of the month after the issue date."""
    if ctx.issue_date is None:
        return
    day_no = cn_to_int(m.group("d").translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    year, month = (ctx.issue_date.year + 1, 1) if ctx.issue_date.month == 12 else \
        (ctx.issue_date.year, ctx.issue_date.month + 1)
    if not day_no or day_no > calendar.monthrange(year, month)[1]:
        return
    day = date(year, month, day_no)
    start = m.start() - 1 if m.start() > lo and ctx.text[m.start() - 1] in "于在" else m.start()
    reading = read_action(ctx.text, start, m.end(), lo, hi)
    deadline = Deadline(text=squash(ctx.text[start:m.end()]), kind="due", date=iso(day), span=(start, m.end()),
                        action=reading.action, to=reading.to)
    deadline.explanation = f"“下月”按成文日期的下一个月计；截止{cn_date(day)}"
    ctx.found.append(deadline)
    ctx.claim((start, m.end()))


_ITEM_VERBS = re.compile(r"^(?:严格|认真|全面|切实)?(?:落实|实行|坚持|执行|做到|实施|推行|建立|健全|强化|加强)+")


def _item_before(text: str, start: int, lo: int) -> str:
    """What a short duty ``每日巡防`` is done to: the words of its list item before 每 (``重点部位``)."""
    left = start
    while left > lo and text[left - 1] not in "，,。；;！？!?\n、：:（(":
        left -= 1
    words = _ITEM_VERBS.sub("", squash(text[left:start]))
    if not 2 <= len(words) <= 12 or re.search(r"[0-9０-９]|各|单位|机构|部门|要|须|应|人员|负责", words):
        return ""
    return words


def _recurring_action(text: str, start: int, end: int, lo: int, fallback: str | None) -> str | None:
    """``…报送表格每日17时前报送`` → 报送…表格; ``每季度至少开展1次带队检查`` → 开展带队检查."""
    inner = squash(text[start:end])
    inner = re.sub(r"^每\s*(?:个工作日|工作日|个季度|季度|半年|年度|个星期|星期|个礼拜|礼拜|个月|季|年|月|周|日|天)", "", inner)
    inner = CLOCK_RE.sub("", CLOCK_SPAN_RE.sub("", inner))
    inner = re.sub(r"^(?:[0-9一二三四五六七八九十]+日|[一二三四五六日]|月?(?:底|末|初)|(?:的)?最后一(?:个工作日|天|日|周))?"
                   r"(?:下班|上班|中午)?(?:前|之前|以前)?", "", inner)
    inner = re.sub(r"^(?:至少|不少于|组织(?=开展|实施|进行|召开)|均|都|要|须|应)+", "", inner)
    # 组织一次巡查 → 组织巡查: how many times is the schedule, not the work
    inner = re.sub(r"^(组织|开展|进行)(?:[1１一]|一个)次", r"\1", inner)
    toward = read_toward(inner) or read_action_reporting(inner)
    if toward and toward[0]:
        return toward[0]  # 每日16时前向局应急办报告当日值班情况 → 报告当日值班情况; 将X发送至… → 报送X
    short = re.match(r"^([^，,。；;、]{1,4}?)等", inner)
    if short:
        inner = short.group(1)  # 重点部位每日巡防等主体责任: the list closes at 等
    if 2 <= len(inner) <= 4:
        place = _item_before(text, start, lo)
        if place:
            return place + inner  # 落实重点场所每日巡查 → 重点场所巡查
    if inner in ("报送", "上报", "报", "提交", "报告") or not inner:
        left = start
        while left > lo and text[left - 1] not in "，,。；;！？!?\n":
            left -= 1
        thing = squash(text[left:start])
        thing = re.sub(r"^(?:并|要|请|须|将|把)+", "", thing)
        if thing:
            return f"报送{thing}"[:40]
        return fallback
    return inner[:40]


# what may stand between a span's start and the duty that repeats from it: 于6月份开始，在每月7日前…
_START_GLUE = re.compile(r"^[\s，,、]*(?:在|于|并|要|须|应)?[\s，,、]*$")


def attach_starts(text: str, deadlines: list[Deadline]) -> list[Deadline]:
    """A span that opens the clause of a recurring duty gives the duty its start (``于6月份开始，在每月7日前报送``,
    ``自7月1日起至9月30日，每周五前报送`` → one recurring duty from that day); the span is not a deadline of its own."""
    kept: list[Deadline] = []
    for k, d in enumerate(deadlines):
        nxt = deadlines[k + 1] if k + 1 < len(deadlines) else None
        if (d.kind == "range" and d.start and d.span and nxt is not None and nxt.kind == "recurring"
                and nxt.start is None and nxt.span and _START_GLUE.match(text[d.span[1]:nxt.span[0]])):
            nxt.start = d.start
            nxt.text = squash(text[d.span[0]:nxt.span[1]])
            nxt.span = (d.span[0], nxt.span[1])
            until = f"，至{cn_date(date.fromisoformat(d.date))}止" if d.date else ""
            nxt.explanation += f"；自{cn_date(date.fromisoformat(d.start))}起{until}"
            continue
        kept.append(d)
    return kept
