"""Deadlines bound to an event with no date written: ``春节前``, ``国庆节前``, ``即日起至全国“两会”结束``.

Kind ``event``, ``date`` null, ``event`` = the festival or event as written. No date is invented:
a festival's date depends on the lunar calendar and on the holiday arrangement, and the notice
did not give one. Triggers without a named event (``重大活动、重要节日前``) are not deadlines.
"""

from __future__ import annotations

import re

from parsing.deadlines.actions import read_action
from parsing.deadlines.context import Context, squash
from parsing.deadlines.phrases import cn_date, iso
from parsing.deadlines.structure import in_quotes
from parsing.model import Deadline

FESTIVALS = (r"元旦|春节|元宵节?|清明节?|[“\"]五一[”\"]|五一|劳动节|端午节?|中秋节?|国庆节?|[“\"]十一[”\"]|"
             r"(?:全国|省|市|县|区)?\s*[“\"]?两会[”\"]?|汛期|主汛期|汛前|开学|秋季开学|春季开学|寒假|暑假|"
             r"春运|高考|中考")
_FEST_LIST = rf"(?:{FESTIVALS})(?:\s*[、和及与]\s*(?:{FESTIVALS}))*"
EVENT_RE = re.compile(rf"(?P<ev>{_FEST_LIST})\s*(?P<suf>假期前|节前|结束前|前|之前|以前|结束)(?![后夕])")
TODAY_TO_RE = re.compile(r"(?:(?:自|从)\s*)?即日\s*起?\s*(?:至|到)\s*(?P<ev>[^，。；、\n]{2,24}?(?:结束|闭幕|为止))")
_DATE_WORDS = re.compile(r"[0-9０-９]\s*[年月日]|[一二三四五六七八九十]\s*月|年底|年末|月底|月末|季度|半年|年内")
_ATTRIBUTIVE_LEFT = re.compile(r"(?:开展|组织|做好|加强|部署|进行|落实|的|次)\s*$")
_PAST_LEFT = re.compile(r"(?:去年|往年|上年|今年以来|以来)\s*$")


_FROM_TODAY_RE = re.compile(r"(?:自|从)?\s*即日\s*起(?!\s*[，,]?\s*(?:至|到|—|－|-|~|～|[0-9０-９]|[一二三四五六七八九十两]+\s*(?:个|日|天|周)))")


def read_events(ctx: Context, lo: int, hi: int) -> None:
    """Event-bound deadlines in the sentence ``text[lo:hi]``."""
    text = ctx.text
    for m in _FROM_TODAY_RE.finditer(text, lo, hi):
        span = (m.start(), m.end())
        if not ctx.free(span):
            continue
        reading = read_action(text, span[0], span[1], lo, hi)
        deadline = Deadline(text=squash(m.group(0)), kind="range", start=iso(ctx.issue_date), span=span,
                            action=reading.action)
        deadline.explanation = ("“即日起”按成文日期" + (cn_date(ctx.issue_date) if ctx.issue_date else "（不详）")
                                + "计；只写了开始时间，没有截止日期")
        ctx.found.append(deadline)
        ctx.claim(span)
    for m in TODAY_TO_RE.finditer(text, lo, hi):
        span = (m.start(), m.end())
        if not ctx.free(span) or _DATE_WORDS.search(m.group("ev")):
            continue  # 即日起至7月10日结束: a date, read as a range elsewhere
        event = squash(m.group("ev"))
        event = re.sub(r"为止$", "", event)
        deadline = _event(ctx, span, event, lo, hi)
        deadline.start = iso(ctx.issue_date)
        deadline.explanation = (f"自成文日期{cn_date(ctx.issue_date)}起" if ctx.issue_date else "自即日起") + \
            f"，到“{event}”为止；该事件的日期文中未写明，不推定具体日期"
        ctx.found.append(deadline)
        ctx.claim(span)
    for m in EVENT_RE.finditer(text, lo, hi):
        span = (m.start(), m.end())
        if not ctx.free(span) or (in_quotes(text, lo, m.start()) and "两会" not in m.group("ev")):
            continue
        if _PAST_LEFT.search(text[max(lo, m.start() - 6):m.start()]):
            continue
        if _ATTRIBUTIVE_LEFT.search(text[max(lo, m.start() - 3):m.start()]) and \
                not re.match(r"\s*[，,完开组报做前]", text[m.end():m.end() + 1] or "，"):
            continue  # 开展春节前安全检查: 春节前 names the check, it sets no deadline
        event = squash(m.group("ev"))
        if m.group("suf") in ("结束", "结束前"):
            event += "结束"
        start = span[0]
        pm = re.search(r"(?:于|在)\s*$", text[max(lo, start - 2):start])
        if pm:
            start -= len(pm.group(0))
        deadline = _event(ctx, (start, span[1]), event, lo, hi)
        deadline.explanation = f"以“{event}”为期限；日期文中未写明，不推定具体日期，请按当年放假安排确认"
        ctx.found.append(deadline)
        ctx.claim((start, span[1]))


def _event(ctx: Context, span: tuple[int, int], event: str, lo: int, hi: int) -> Deadline:
    reading = read_action(ctx.text, span[0], span[1], lo, hi)
    end = max(span[1], reading.phrase_end)
    return Deadline(text=squash(ctx.text[span[0]:end]), kind="event", event=event, span=(span[0], end),
                    action=reading.action, to=reading.to)
