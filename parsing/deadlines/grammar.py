"""One time phrase read on its own: the grammar under the notice layer.

Public API::

    read_time(text, base) -> TimeReading | None
    match_range(text, atoms, i, pos, hi) -> RangeMatch | None
    offset_due(base, n, unit) -> (date, notes)

``read_time`` reads what a phrase denotes relative to a base date (``2017年8月11日至8月22日`` →
2017-08-11..2017-08-22, ``下月15号下午6点前`` → due 2021-07-15 18:00, ``每周三`` → weekly). It does not
judge whether the phrase is a duty: the notice layer (absolute.py and friends) decides that from the
words around it, and uses :func:`match_range` for the ranges it meets in running text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from parsing.cnnum import cn_to_int
from parsing.deadlines.phrases import (
    DAY_NUM,
    WEEKDAY_NOTE_RE,
    DateAtom,
    YearResolver,
    clock_span,
    find_atoms,
    settle_range,
)
from parsing.workdays import shift_working_days_noted

__all__ = ["RangeMatch", "TimeReading", "match_range", "offset_due", "read_time"]

CONNECTOR = re.compile(r"\s*(?:起\s*)?(?:至|到|—+|－+|–|~|～|-)\s*")
_BARE_DAY = re.compile(rf"({DAY_NUM})\s*[日号]")
_UNTIL_NOW = re.compile(r"今(?:天|日)?(?![年明])")
_NUMERIC_YEAR_END = re.compile(r"((?:19|20)[0-9]{2})(?![0-9年.．/\-])")
_MONTH_LIST = re.compile(r"([0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])\s*(?:月份?)?\s*(?:至|到|—+|－+|–|~|～|-)\s*")
_ENUM_DAYS = re.compile(rf"(?:\s*[，,、和及]\s*(?:{DAY_NUM})\s*[日号])+")
_DUE_SUFFIX = re.compile(r"\s*(?:前|之前|以前|为止|止)(?!后)")
_START_SUFFIX = re.compile(r"\s*(?:起|开始)")
_FROM_TODAY = re.compile(r"即日\s*起?\s*[，,]?\s*(?:至|到|—|－|~|～|-)\s*$")
_CUTOFF = re.compile(r"(?:截至|截止|截止到|截止至|最迟|最晚|不迟于|不晚于)\s*(?:于|在)?\s*$")
_LEAD_WORDS = re.compile(r"\s*(?:从|自|由|于|在|到|截至|截止到|截止)?\s*")
RECURRING_WORD = re.compile(r"\s*每\s*(?P<p>个工作日|工作日|个季度|季度|半年|年度|个星期|星期|个礼拜|礼拜|个月|季|年|月|周|日|天)")
RECURRENCE = {"日": "daily", "天": "daily", "工作日": "daily", "个工作日": "daily", "周": "weekly", "星期": "weekly",
              "个星期": "weekly", "礼拜": "weekly", "个礼拜": "weekly", "月": "monthly", "个月": "monthly",
              "季度": "quarterly", "季": "quarterly", "个季度": "quarterly", "半年": "half-yearly",
              "年": "yearly", "年度": "yearly"}
RELATIVE_RE = re.compile(
    r"(?P<anchor>(?:收到|接到)\s*(?:本|此|该)?\s*(?:通知|文件|函)\s*(?:后|之日起)|"
    r"(?:本通知|本文件|本方案)?\s*(?:印发|下发|发布)\s*之日起|文到\s*(?:后|之日起)?|(?:自\s*)?即日起)?"
    r"\s*(?P<n>[0-9０-９]{1,3}|[一二三四五六七八九十两]{1,3})\s*(?P<unit>个工作日|个自然日|个月|日|天|周)\s*(?:以|之)?内")


@dataclass
class RangeMatch:
    """``A至B`` found at atom ``i``: both ends settled, clock times, where it ends, atoms used."""

    first: DateAtom
    last: DateAtom
    end_clock: str | None
    end: int
    consumed: int  # atoms of the list used (1 when the end was not an atom of its own)


@dataclass
class TimeReading:
    """What one phrase denotes: a day, a period, a due date, an open start, or a recurrence."""

    start: date | None
    end: date | None
    time: str | None = None  # the clock time (of the start, in a span)
    end_time: str | None = None  # the clock time at the end of a span
    recurrence: str | None = None
    span: tuple[int, int] = (0, 0)
    loose: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def clock(self) -> str | None:
        """``HH:MM``, or ``HH:MM..HH:MM`` for a span of clock times."""
        if self.time and self.end_time:
            return f"{self.time}..{self.end_time}"
        return self.time or self.end_time


def _after_note(text: str, pos: int, hi: int) -> int:
    note = WEEKDAY_NOTE_RE.match(text, pos, hi)
    return note.end() if note else pos


def match_range(text: str, atoms: list[DateAtom], i: int, pos: int, hi: int,
                today: date | None = None) -> RangeMatch | None:
    """A range whose start is ``atoms[i]`` and whose connector is at ``pos`` (after any clock time).

    Ends: a date (``至2018年3月29日``), a day alone (``至15日``), a year as a bare number after a
    numeric start (``2008.03-2009``), ``至今`` (the base date); also ``2019年1-5月`` (a year and a
    list of months) when the connector follows a bare month number."""
    atom = atoms[i]
    following = atoms[i + 1] if i + 1 < len(atoms) else None
    conn = CONNECTOR.match(text, pos, hi)
    if conn is None:
        listed = _MONTH_LIST.match(text, pos, hi) if atom.bare_year and atom.year_written else None
        if listed and following is not None and following.start == listed.end() and following.month is not None \
                and following.day is None:
            month = cn_to_int(listed.group(1))
            if month and 1 <= month <= 12:
                first = replace(atom, month=month, text=text[atom.start:listed.start(1) + len(listed.group(1))])
                last = replace(following, year=atom.year, year_written=True, year_note="")
                return _finish(text, first, last, hi, 2)
        return None
    at = conn.end()
    if following is not None and following.start == at:
        return _finish(text, atom, following, hi, 2)
    if today is not None and (now := _UNTIL_NOW.match(text, at, hi)):
        last = DateAtom(now.start(), now.end(), now.group(0), today.year, today.month, today.day,
                        period=(today, today), year_note=f"“至今”按{today.year}年{today.month}月{today.day}日计")
        return _finish(text, atom, last, hi, 1)
    if re.fullmatch(r"[0-9０-９.．/\-\s]+", text[atom.start:atom.end]):
        year = _NUMERIC_YEAR_END.match(text, at, hi)
        if year:
            last = DateAtom(year.start(), year.end(), year.group(0), int(year.group(1)), year_written=True)
            return _finish(text, atom, last, hi, 1)
    if atom.month is not None:
        bare = _BARE_DAY.match(text, at, hi)
        if bare:
            day = cn_to_int(bare.group(1))
            last = DateAtom(bare.start(), bare.end(), bare.group(0), atom.year, atom.month, day)
            return _finish(text, atom, last, hi, 1)
    return None


def _finish(text: str, first: DateAtom, last: DateAtom, hi: int, consumed: int) -> RangeMatch:
    first, last = settle_range(first, last)
    clock, end_clock, pos = clock_span(text, _after_note(text, last.end, hi), hi)
    return RangeMatch(first, last, end_clock or clock, pos if clock else last.end, consumed)


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later (clamped to the month's end: 1月31日 + 1个月 → 2月末)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def offset_due(base: date, n: int, unit: str) -> tuple[date, list[str]]:
    """The last day of ``n`` units counted from ``base`` (``15个工作日`` skips weekends and holidays)."""
    if unit == "个工作日":
        return shift_working_days_noted(base, n)
    if unit == "个月":
        return _add_months(base, n), []
    return base + timedelta(days=n * 7 if unit == "周" else n), []


def read_time(text: str, base: date | None) -> TimeReading | None:
    """The time the phrase ``text`` denotes, counted from ``base``; None when it holds no date."""
    hi = len(text)
    recurring = RECURRING_WORD.match(text)
    if recurring:
        clock, end_clock = None, None
        for pos in range(recurring.end(), hi):
            clock, end_clock, _ = clock_span(text, pos, hi)
            if clock:
                break
        return TimeReading(None, None, clock, end_clock, RECURRENCE[recurring.group("p")], (0, hi))
    relative = RELATIVE_RE.match(text, _LEAD_WORDS.match(text).end())
    if relative and base is not None:
        n = cn_to_int(relative.group("n"))
        if n:
            day, notes = offset_due(base, n, relative.group("unit"))
            return TimeReading(None, day, span=(relative.start(), relative.end()), notes=notes)
    years = YearResolver(base)
    atoms = find_atoms(text, 0, hi, years)
    if not atoms:
        return None
    atom = atoms[0]
    clock, end_clock, pos = clock_span(text, _after_note(text, atom.end, hi), hi)
    lead = text[:atom.start]
    if _FROM_TODAY.search(lead):
        return TimeReading(base, atom.last_day(), None, clock, span=(0, pos))
    if _CUTOFF.search(lead):
        return TimeReading(None, atom.last_day(), clock, end_clock, span=(0, pos))
    ranged = match_range(text, atoms, 0, pos, hi, today=base)
    if ranged is not None:
        first, last = ranged.first, ranged.last
        suffix = _DUE_SUFFIX.match(text, ranged.end, hi)
        return TimeReading(first.first_day(), last.last_day(), clock, ranged.end_clock,
                           span=(atom.start, suffix.end() if suffix else ranged.end), loose=first.loose or last.loose)
    enum = _ENUM_DAYS.match(text, atom.end, hi) if atom.day is not None and not clock else None
    if enum:
        last_day = cn_to_int(re.findall(DAY_NUM, enum.group(0))[-1])
        first_day = atom.first_day()
        if first_day and last_day:
            try:
                end = first_day.replace(day=last_day)
            except ValueError:
                end = None
            if end and end >= first_day:
                return TimeReading(first_day, end, span=(atom.start, enum.end()))
    if _DUE_SUFFIX.match(text, pos, hi):
        return TimeReading(None, atom.last_day(), clock, end_clock, span=(atom.start, pos), loose=atom.loose)
    started = _START_SUFFIX.match(text, pos, hi)
    if started:
        until = re.match(r"\s*(?:至今|到今天|到现在)", text[started.end():])
        return TimeReading(atom.first_day(), base if until else None, clock, end_clock,
                           span=(atom.start, started.end()), loose=atom.loose)
    return TimeReading(atom.first_day(), atom.last_day(), clock, end_clock, span=(atom.start, pos),
                       loose=atom.loose)
