"""Date expressions as 公文 write them, read into calendar dates.

A *date atom* is one written point or period in time: ``2024年3月15日``, ``2020-05-26``, ``12月上旬``,
``二〇二二年十二月``, ``15年3月2日``, ``2024年底``, ``第三季度``, ``今年前五个月``, ``下周一``, ``上个月15号``,
``本月初``, ``明日``, ``20天后``, a bare ``2025年``. Patterns run on the clean text itself (full-width
digits, Chinese numerals and stray spaces allowed) so every match keeps its offsets. An atom knows
which end of its period it stands for: :meth:`DateAtom.first_day` for a range's start,
:meth:`DateAtom.last_day` for a due date (the contract's ``X月`` → last day of the month).

Relative forms (``下周一``, ``上个月``, ``明日``) count from the base date — the issue date in a notice.
Forms that count from a day the phrase does not name (``当日``, ``次日``, ``20天后``, a bare ``周五``)
are marked ``loose``: the notice layer never dates a deadline from them alone.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from parsing.cnnum import cn_to_int

_D = "[0-9０-９]"
_CN = "〇○零一二两三四五六七八九十"
_CN_DIGIT = "〇○零一二三四五六七八九"
_S = r"\s*"
_WD = "[一二三四五六日天]"
_CONN = r"(?:至|到|—+|－+|–|~|～|-)"

YEAR4 = rf"{_D}{_S}{_D}{_S}{_D}{_S}{_D}|[{_CN_DIGIT}]{{4}}"
# A two-digit year (15年3月2日, 九七年一季度) only before a month or a part of the year.
_YY_NEXT = (rf"\s*年\s*(?:{_D}{{1,2}}\s*月|十[一二]?\s*月|[一二三四五六七八九]\s*月|底|末|初|伊始|第|前|后|首|"
            rf"[一二三四1-4１-４]\s*季度|上半年|下半年|年底|年末|年初)")
YEAR = (rf"(?:(?P<y>{YEAR4})|(?P<yy>{_D}{{2}}|[{_CN_DIGIT}]{{2}})(?={_YY_NEXT}))"
        rf"{_S}年(?:度(?=[内末底]))?(?![级代龄轮])")
REL_YEAR = r"(?P<ry>今年|本年度?|明年|次年|下一年度?|去年|上一年度?|上年度?|(?<![以之提])前年|(?<![以之然])后年|大前年|大后年)"
MONTH = rf"(?P<m>{_D}{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月份?"
DAY_NUM = rf"{_D}{{1,2}}|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]"
DAY = rf"(?P<d>{DAY_NUM})(?:\s*[日号]|(?![0-9０-９]))"
MONTH_PART = r"(?P<mp>上中旬|中下旬|上旬|中旬|下旬|月?初|月?底|月?末|中|内)"
WEEK_OF_MONTH = rf"(?:的)?\s*第\s*(?P<wn>[一二三四五1-5])\s*个?\s*(?:星期|周|礼拜)(?P<wwd>{_WD})?"
YEAR_PART = (r"(?P<yp>年底|年末|年内|年中|年初|上半年|下半年|伊始|首季度|首月|"
             r"前\s*[一二两三四1-4１-４]\s*个?\s*季度|(?:第|前)?[一二三四1-4１-４]\s*季度末?|第[一二三四]个季度末?|"
             r"[前后]\s*(?:十[一二]?|[一二两三四五六七八九]|[1-9]|1[0-2])\s*个?\s*月(?!份)|"
             r"第\s*(?:十[一二]?|[一二三四五六七八九]|[1-9]|1[0-2])\s*个月|底|末|内|初)")
CLOCK = (rf"(?P<ampm>上午|下午|晚上|中午|凌晨|早上|早晨|傍晚|夜里|夜间|半夜|晚|早)?{_S}"
         rf"(?P<h>{_D}{{1,2}}|[{_CN}]{{1,3}}){_S}"
         rf"(?:[:：]{_S}(?P<min>{_D}{{2}})(?:[:：]{_D}{{2}})?(?:{_S}时(?![间期]))?|[时点](?![间期段])(?:{_S}(?:(?P<q>[一二三1-3])\s*刻|"
         rf"(?P<min2>{_D}{{1,2}}|半|[{_CN}]{{1,3}}){_S}分?))?)")

_REL_MONTH = r"本月|当月|同月|这个月|上上个?月|上一?个?月|下下个?月|下一?个?月|次月"
_REL_WEEK = (r"本周|这周|这个?星期|本星期|这个?礼拜|上上个?(?:周|星期|礼拜)|上一?个?(?:周|星期|礼拜)|"
             r"下下下个?(?:周|星期|礼拜)|下下个?(?:周|星期|礼拜)|下一?个?(?:周|星期|礼拜)")
_REL_QUARTER = r"本季度|这个?季度|当季度?|上一?个?季度|下下个?季度|下一?个?季度"
_REL_DAY = (r"大前天|大后天|前天|后天|昨天|昨日|今天|今日|明天|明日|翌日|次日|当天|当日|"
            r"昨(?=晚)|今(?=晚|早)|(?<![应相])当(?=晚)|(?<![说表证声查阐标注发光文透聪英分指])明(?=晚|早)")
_NUM = r"[0-9０-９]{1,3}|[一二两三四五六七八九十]{1,3}"
_DAY_FOLLOW = (rf"\s*(?:前|之前|以前|起|{_CONN}|[上下中]午|晚|早|凌晨|零时|{_D}{{1,2}}\s*[时点:：]|"
               r"[一二三四五六七八九十]{1,3}\s*[时点])|\s*$")


# Python 3.11 forbids a group name twice, so the year groups are numbered per branch.
def _named(pattern: str, suffix: str) -> str:
    return (pattern.replace("(?P<y>", f"(?P<y{suffix}>").replace("(?P<yy>", f"(?P<yy{suffix}>")
            .replace("(?P<ry>", f"(?P<ry{suffix}>"))


ATOM_RE = re.compile(
    # numeric dates: 2020-05-26, 2019/04/19, 2020.5.26 (a clock may be glued on: 2018-12-1209:03)
    rf"(?P<ny>(?:19|20){_D}{{2}}){_S}[/\-.．]{_S}(?P<nm>0?[1-9]|1[0-2]){_S}[/\-.．]{_S}"
    rf"(?P<nd>0?[1-9]|[12][0-9]|3[01])(?:(?={_D}{{1,2}}[:：]{_D}{{2}})|(?![0-9０-９]))"
    # numeric months: 1999.08, 2008.03-2009
    rf"|(?P<nym>(?:19|20){_D}{{2}}){_S}[/.．\-]{_S}(?P<nmm>0?[1-9]|1[0-2])(?![0-9０-９年.．/])"
    rf"|(?:(?:{_named(YEAR, '1')}|{_named(REL_YEAR, '1')}){_S})?{MONTH}{_S}(?:{WEEK_OF_MONTH}|{DAY}|{MONTH_PART})?"
    rf"|(?:{_named(YEAR, '2')}|{_named(REL_YEAR, '2')}){_S}{YEAR_PART}"
    rf"|(?P<y3>{YEAR4}){_S}年(?:度(?=[内末底]))?(?![级代龄轮])"
    # a year written as a bare number before a range: 2020至2025年, 1985到89年9月
    rf"|(?P<yn>(?:19|20){_D}{{2}})(?={_S}{_CONN}{_S}(?:{_D}{{2}}|[{_CN_DIGIT}]{{2}}|{YEAR4}){_S}年)"
    rf"|(?P<tm>今明两年|今明年)"
    rf"|{_named(REL_YEAR, '5')}"
    rf"|(?P<rw>{_REL_WEEK})(?![期年边围转密全到详])(?:{_S}(?:周|星期|礼拜)?(?P<rwd>{_WD})(?![一二三四五六七八九十]))?"
    rf"|(?P<rm>{_REL_MONTH})(?:{_S}(?:(?P<rmd>{DAY_NUM}){_S}[日号]|(?P<rmp>上中旬|中下旬|上旬|中旬|下旬|初|底|末|中|内)))?"
    rf"|(?P<rq>{_REL_QUARTER})(?P<rqe>末|内)?"
    rf"|(?P<bare>(?:本月|当月|(?<![0-9０-９一二三四五六七八九十每个])月)(?:底|末|初)|(?:本)?季度末|首季度|"
    rf"前[一二两三]个?季度|第?[一二三四1-4１-４]季度末?|年底|年末|年内|年初|上半年|下半年|本年度?内)"
    rf"|(?P<rd>{_REL_DAY})"
    rf"|(?<![每上下本这个两几0-9０-９一二三四五六七八九十])(?:星期|礼拜|周)(?P<bwd>{_WD})(?![一二三四五六七八九十年])"
    rf"|(?P<on>{_NUM}){_S}(?:(?P<ou>天|日)后|(?P<oub>天)前|(?P<oy>年)(?P<oyd>后|前))(?!\s*[的以])"
    rf"|(?<![0-9０-９月第每近个约共满前后内余多])(?P<bday>{DAY_NUM}){_S}[日号](?={_DAY_FOLLOW})"
)
CLOCK_RE = re.compile(CLOCK)
WEEKDAY_NOTE_RE = re.compile(r"\s*(?:[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]|(?:星期|周|礼拜)[一二三四五六日天])")

_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_PARTS_DAY = {"上旬": 10, "中旬": 20, "初": 5, "月初": 5, "中": 20, "上中旬": 20}
_WEEKDAYS = "一二三四五六日"


@dataclass
class DateAtom:
    """One written point or period in time, with how its year was settled."""

    start: int
    end: int
    text: str
    year: int | None
    month: int | None = None
    day: int | None = None
    part: str | None = None  # 上旬 中旬 下旬 底 末 初 / 年底 上半年 Q3 …
    year_written: bool = False
    year_note: str = ""  # Chinese: how a year not written was chosen
    notes: list[str] = field(default_factory=list)
    period: tuple[date, date] | None = None  # first and last day, for forms computed from the base
    loose: bool = False  # counted from a day the phrase does not name (当日, 次日, 20天后, 周五)
    bare_day: bool = False  # 25日 with no month: the base month

    @property
    def bare_year(self) -> bool:
        return self.month is None and self.part is None and self.period is None

    def last_day(self) -> date | None:
        """The date this atom stands for as a due date (end of its period)."""
        if self.period is not None:
            return self.period[1]
        if self.year is None:
            return None
        try:
            if self.month is None:
                return _year_part_end(self.year, self.part)
            if self.day is not None:
                return date(self.year, self.month, self.day)
            if self.part in _PARTS_DAY:
                return date(self.year, self.month, _PARTS_DAY[self.part])
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        except ValueError:
            return None

    def first_day(self) -> date | None:
        """The date this atom stands for as the start of a range (beginning of its period)."""
        if self.period is not None:
            return self.period[0]
        if self.year is None:
            return None
        try:
            if self.month is None:
                return _year_part_start(self.year, self.part)
            if self.day is not None:
                return date(self.year, self.month, self.day)
            if self.part in ("中旬", "中下旬"):
                return date(self.year, self.month, 11)
            if self.part == "下旬":
                return date(self.year, self.month, 21)
            return date(self.year, self.month, 1)
        except ValueError:
            return None

    def describe_due(self) -> str:
        """Chinese: how this atom became its due date (“12月上旬”按12月10日计)."""
        day = self.last_day()
        if day is None:
            return ""
        written = re.sub(r"\s+", "", self.text)
        if self.day is not None and self.month is not None:
            return ""
        return f"“{written}”按{_md(day)}计"

    def describe_start(self) -> str:
        day = self.first_day()
        if day is None or (self.day is not None and self.month is not None):
            return ""
        written = re.sub(r"\s+", "", self.text)
        return f"“{written}”起按{_md(day)}计"


def settle_range(first: DateAtom, last: DateAtom) -> tuple[DateAtom, DateAtom]:
    """Give both ends of ``A至B`` one calendar: an end without a year follows the written one.

    An end written as a day alone (``6月23日至30日``) takes the start's month. When neither end
    writes its year, the end (the due part) follows the 60-day rule and the start takes the same
    year, or the year before when it would fall after the end."""
    if last.bare_day and first.month is not None and first.year is not None:
        last = replace(last, year=first.year, month=first.month, year_note="", bare_day=False)
        if (last.last_day() or date.max) < (first.first_day() or date.min):
            month = first.month % 12 + 1
            last = replace(last, year=first.year + (first.month == 12), month=month)
        return first, last
    if first.year is None or last.year is None:
        return first, last
    if first.period is not None or last.period is not None:
        return first, last
    if first.year_written and not last.year_written:
        last = replace(last, year=first.year, year_note="")
        if (last.last_day() or date.max) < (first.first_day() or date.min):
            last = replace(last, year=first.year + 1, year_note=f"终点早于起点，按次年{first.year + 1}年计")
    elif not first.year_written and not _relative_year(first):
        note = last.year_note if not last.year_written else ""
        first = replace(first, year=last.year, year_note=note)
        if (first.first_day() or date.min) > (last.last_day() or date.max):
            first = replace(first, year=last.year - 1, year_note=f"起点晚于终点，按上一年{last.year - 1}年计")
        last = replace(last, year_note="" if note else last.year_note)
    elif _relative_year(first) and not last.year_written and not _relative_year(last):
        last = replace(last, year=first.year, year_note=first.year_note)
        if (last.last_day() or date.max) < (first.first_day() or date.min):
            last = replace(last, year=first.year + 1)
    return first, last


def _relative_year(atom: DateAtom) -> bool:
    """The atom's year was written as 今年 / 去年 / 明年 …: settled, not guessed."""
    return bool(re.match(r"\s*(?:今年|本年|明年|次年|下一年|去年|上一?年|前年|后年|大前年|大后年)", atom.text))


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _quarter(part: str | None) -> int | None:
    if not part:
        return None
    m = re.search(r"([一二两三四1-4１-４])\s*(?:个)?季度", part)
    if not m:
        return 1 if "首季度" in part else None
    return cn_to_int(m.group(1))


def _months_count(part: str) -> int | None:
    m = re.search(r"(十[一二]?|[一二两三四五六七八九]|1[0-2]|[1-9])\s*个?\s*月", part)
    return cn_to_int(m.group(1)) if m else None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_part_end(year: int, part: str | None) -> date:
    if part in (None, "底", "末", "内", "年底", "年末", "年内"):
        return date(year, 12, 31)
    if part == "上半年" or part == "年中":
        return date(year, 6, 30)
    if part == "下半年":
        return date(year, 12, 31)
    if part in ("初", "年初"):
        return _month_end(year, 2)  # the first two months of the year
    if part in ("伊始", "首月"):
        return date(year, 1, 31)
    quarter = _quarter(part)
    if quarter:
        month, day = _QUARTER_END[quarter]
        return date(year, month, day)
    count = _months_count(part)
    if count and part.startswith("前"):
        return _month_end(year, count)
    if count and part.startswith("第"):
        return _month_end(year, count)
    return date(year, 12, 31)


def _year_part_start(year: int, part: str | None) -> date:
    if part and "下半年" in part:
        return date(year, 7, 1)
    if part and part.startswith("前"):
        return date(year, 1, 1)  # 前三季度, 前五个月: from the start of the year
    quarter = _quarter(part)
    if quarter:
        return date(year, quarter * 3 - 2, 1)
    count = _months_count(part or "")
    if count and part and part.startswith("后"):
        return date(year, 13 - count, 1)
    if count and part and part.startswith("第"):
        return date(year, count, 1)
    return date(year, 1, 1)


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return cn_to_int(re.sub(r"\s+", "", text))


def two_digit_year(yy: int, base_year: int) -> int:
    """``15年`` → 2015: the year in 20YY when that is at most ten years after the base year, else 19YY."""
    return 2000 + yy if 2000 + yy <= base_year + 10 else 1900 + yy


class YearResolver:
    """Settles the year of atoms written without one (the contract's 60-day rule)."""

    def __init__(self, issue_date: date | None, fallback_year: int | None = None):
        self.issue_date = issue_date
        self.fallback_year = fallback_year

    @property
    def base_year(self) -> int | None:
        return self.issue_date.year if self.issue_date else self.fallback_year

    def resolve(self, month: int, day: int | None) -> tuple[int | None, str]:
        if self.issue_date is None:
            if self.fallback_year is None:
                return None, "未写年份且成文日期不详，无法确定年份"
            return self.fallback_year, f"未写年份且成文日期不详，按上文{self.fallback_year}年计"
        year = self.issue_date.year
        try:
            probe = date(year, month, day or calendar.monthrange(year, month)[1])
        except ValueError:
            return year, ""
        if probe < self.issue_date - timedelta(days=60):
            return year + 1, (f"未写年份，且{month}月早于成文日期{cn_date(self.issue_date)}60天以上，"
                              f"按次年{year + 1}年计")
        return year, f"未写年份，按成文日期所在的{year}年计"

    def relative(self, word: str) -> tuple[int | None, str]:
        base = self.base_year
        if base is None:
            return None, f"“{word}”无法确定年份（成文日期不详）"
        offset = _YEAR_OFFSETS.get(re.sub(r"度$", "", word), 0)
        return base + offset, f"“{word}”按{base + offset}年计"


_YEAR_OFFSETS = {"明年": 1, "次年": 1, "下一年": 1, "去年": -1, "上一年": -1, "上年": -1, "前年": -2,
                 "后年": 2, "大前年": -3, "大后年": 3}


def find_atoms(text: str, start: int, end: int, years: YearResolver) -> list[DateAtom]:
    """Every date atom in ``text[start:end]``, years settled."""
    atoms: list[DateAtom] = []
    for m in ATOM_RE.finditer(text, start, end):
        atom = _atom_from_match(m, text, years)
        if atom is not None:
            atoms.append(atom)
    return atoms


_CN_MONTH_OK_BEFORE = set("于在至到前、，。；：:（(—－-~～ \u3000自从和及或\n年底旬的") | {""}
_NUMERIC_MONTH_NEXT = re.compile(rf"\s*(?:{_CONN}|起|前|止|$|[，,。；;、）)\s])")


def _atom_from_match(m: re.Match[str], text: str, years: YearResolver) -> DateAtom | None:
    g = m.groupdict()
    written = m.group(0)
    before = text[m.start() - 1] if m.start() > 0 else ""
    # A digit run glued to the left (a phone number, 20241 …) is not a date.
    if before and (before.isdigit() or before in "０１２３４５６７８９.．/"):
        return None
    for reader in (_numeric_atom, _computed_atom):
        atom = reader(m, g, text, years)
        if atom is not False:
            return atom  # type: ignore[return-value]
    if g["bare"]:
        return _bare_part_atom(m, g, written, before, years)
    return _calendar_atom(m, g, text, written, before, years)


def _numeric_atom(m: re.Match[str], g: dict, text: str, years: YearResolver) -> DateAtom | bool | None:
    """``2020-05-26`` / ``2019/04/19`` / ``2020.5.26`` and numeric months ``1999.08``; False if not one."""
    if g["ny"]:
        day = _num(g["nd"]) or 0
        year, month = _num(g["ny"]) or 0, _num(g["nm"]) or 0
        try:
            date(year, month, day)
        except ValueError:
            return None
        return DateAtom(m.start(), m.end(), m.group(0), year, month, day, year_written=True)
    if g["nym"]:
        if not _NUMERIC_MONTH_NEXT.match(text, m.end()):
            return None  # 2019.9万元: an amount
        return DateAtom(m.start(), m.end(), m.group(0), _num(g["nym"]), _num(g["nmm"]), year_written=True)
    if g["yn"]:
        return DateAtom(m.start(), m.end(), m.group(0), _num(g["yn"]), year_written=True)
    return False


def _base(years: YearResolver) -> date | None:
    return years.issue_date


def _week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _computed_atom(m: re.Match[str], g: dict, text: str, years: YearResolver) -> DateAtom | bool | None:
    """Forms counted from the base date: weeks, relative months, quarters and days, offsets."""
    written = m.group(0)
    base = _base(years)
    names = ("tm", "rw", "bwd", "rm", "rq", "rd", "on", "bday")
    if not any(g[n] for n in names):
        return False
    if base is None:
        return None
    squashed = re.sub(r"\s+", "", written)
    if g["tm"]:
        return DateAtom(m.start(), m.end(), written, base.year,
                        period=(date(base.year, 1, 1), date(base.year + 1, 12, 31)),
                        year_note=f"“{squashed}”按{base.year}年和{base.year + 1}年计")
    if g["rw"] or g["bwd"]:
        word = g["rw"] or ""
        offset = word.count("下") - word.count("上")
        monday = _week_monday(base) + timedelta(weeks=offset)
        weekday = g["rwd"] or g["bwd"]
        note = f"“{squashed}”按成文日期所在周推算" if not offset else f"“{squashed}”按成文日期所在周之后第{offset}周推算" \
            if offset > 0 else f"“{squashed}”按成文日期所在周之前第{-offset}周推算"
        if weekday:
            day = monday + timedelta(days=_WEEKDAYS.index(weekday.replace("天", "日")))
            return DateAtom(m.start(), m.end(), written, day.year, day.month, day.day, period=(day, day),
                            loose=bool(g["bwd"]), year_note=f"{note}为{_md(day)}")
        return DateAtom(m.start(), m.end(), written, monday.year, period=(monday, monday + timedelta(days=6)),
                        year_note=f"{note}，{_md(monday)}至{_md(monday + timedelta(days=6))}")
    if g["rm"]:
        word = re.sub(r"\s+", "", g["rm"])
        offset = word.count("下") - word.count("上") + (1 if word == "次月" else 0)
        year, month = _shift_month(base.year, base.month, offset)
        day = _num(g["rmd"]) if g["rmd"] else None
        part = g["rmp"]
        atom = DateAtom(m.start(), m.end(), written, year, month, day, part,
                        loose=word in ("同月", "次月") or (word == "当月" and not (day or part)),
                        year_note=f"“{word}”按成文日期推算为{year}年{month}月")
        if day is not None and atom.last_day() is None:
            return None
        return atom
    if g["rq"]:
        word = re.sub(r"\s+", "", g["rq"])
        offset = word.count("下") - word.count("上")
        quarter = (base.month - 1) // 3 + offset
        year, quarter = base.year + quarter // 4, quarter % 4 + 1
        return DateAtom(m.start(), m.end(), written, year, part=f"第{quarter}季度", loose=word.startswith("当"),
                        year_note=f"“{word}”按成文日期推算为{year}年第{quarter}季度")
    if g["rd"]:
        word = g["rd"]
        offsets = {"大前天": -3, "前天": -2, "昨天": -1, "昨日": -1, "昨": -1, "今天": 0, "今日": 0, "今": 0,
                   "当天": 0, "当日": 0, "当": 0, "明天": 1, "明日": 1, "明": 1, "翌日": 1, "次日": 1,
                   "后天": 2, "大后天": 3}
        day = base + timedelta(days=offsets[word])
        return DateAtom(m.start(), m.end(), written, day.year, day.month, day.day, period=(day, day),
                        loose=word in ("当天", "当日", "当", "次日", "翌日"),
                        year_note=f"“{word}”按成文日期推算为{cn_date(day)}")
    if g["on"]:
        n = _num(g["on"])
        if not n:
            return None
        if g["oy"]:
            year = base.year + (n if g["oyd"] == "后" else -n)
            return DateAtom(m.start(), m.end(), written, year, loose=True, period=(date(year, 1, 1), date(year, 12, 31)),
                            year_note=f"“{squashed}”按{year}年计")
        day = base + timedelta(days=n if g["ou"] else -n)
        return DateAtom(m.start(), m.end(), written, day.year, day.month, day.day, period=(day, day), loose=True,
                        year_note=f"“{squashed}”从成文日期起算，为{cn_date(day)}")
    day_no = _num(g["bday"])
    if not day_no or day_no > 31:
        return None
    try:
        day = date(base.year, base.month, day_no)
    except ValueError:
        return None
    return DateAtom(m.start(), m.end(), written, day.year, day.month, day.day, bare_day=True,
                    year_note=f"“{squashed}”未写月份，按成文日期所在的{day.year}年{day.month}月计")


def _bare_part_atom(m: re.Match[str], g: dict, written: str, before: str, years: YearResolver) -> DateAtom | None:
    word = re.sub(r"\s+", "", g["bare"])
    if before and before in _CN:  # 二十年底… not ours
        return None
    year, note = years.relative("本年")
    if word.startswith(("本月", "当月", "月")):
        if years.issue_date is None:
            return None
        return DateAtom(m.start(), m.end(), written, years.issue_date.year, years.issue_date.month,
                        part="初" if word.endswith("初") else "底", year_note="“本月”按成文日期所在月计")
    if re.match(r"第?[一二三四1-4１-４]季度|首季度|前", word):
        return DateAtom(m.start(), m.end(), written, year, part=word, year_note=f"未写年份，{note}")
    if "季度" in word:
        if years.issue_date is None:
            return None
        quarter = (years.issue_date.month - 1) // 3 + 1
        return DateAtom(m.start(), m.end(), written, years.issue_date.year, part=f"第{quarter}季度",
                        year_note=f"“{word}”按成文日期所在的第{quarter}季度计")
    part = word.replace("本年度内", "年内").replace("本年内", "年内")
    return DateAtom(m.start(), m.end(), written, year, part=part, year_note=f"未写年份，{note}")


def _written_year(g: dict, years: YearResolver) -> tuple[int | None, bool, str] | None:
    """(year, written, note) of a matched year group; None when the year is not valid."""
    y = g.get("y1") or g.get("y2") or g.get("y3")
    yy = g.get("yy1") or g.get("yy2")
    ry = g.get("ry1") or g.get("ry2") or g.get("ry5")
    if y:
        year = _num(y)
        if year is None or not 1900 <= year <= 2100:
            return None
        return year, True, ""
    if yy:
        base = years.base_year
        value = _num(yy)
        if base is None or value is None:
            return None
        year = two_digit_year(value, base)
        return year, True, f"“{re.sub(chr(92) + 's+', '', yy)}年”按{year}年计"
    if ry:
        year, note = years.relative(ry)
        return year, False, note
    return 0, False, ""


def _calendar_atom(m: re.Match[str], g: dict, text: str, written: str, before: str,
                   years: YearResolver) -> DateAtom | None:
    month = _num(g["m"])
    day = _num(g["d"])
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    has_year = bool(g.get("y1") or g.get("yy1") or g.get("ry1"))
    # A Chinese-numeral month without a year must stand alone (统一月报 is no date).
    if (month is not None and g["m"] and not re.match(r"[0-9０-９]", g["m"]) and not has_year
            and (before not in _CN_MONTH_OK_BEFORE
                 or not (g["d"] or g["mp"] or g["wn"] or "份" in written
                         or re.match(r"\s*(?:前|之前|以前|至|到|起|$)", text[m.end():m.end() + 3])))):
        return None
    if g["d"] and not re.search(r"[日号]", written) and month is not None:
        # 4月28前: a missing 日 only when 前/至/起 follows; else 3月5 is a fraction or a count.
        after = text[m.end():m.end() + 2]
        if not re.match(rf"\s*(?:前|之前|以前|起|{_CONN})", after) and m.end() < len(text):
            return None
    settled = _written_year(g, years)
    if settled is None:
        return None
    year, written_year, note = settled
    if g["ry5"]:
        return DateAtom(m.start(), m.end(), written, year, year_note=note)
    if g["y3"]:
        return DateAtom(m.start(), m.end(), written, year, year_written=True)
    if not (g.get("y1") or g.get("yy1") or g.get("ry1") or g.get("y2") or g.get("yy2") or g.get("ry2")):
        if month is None:
            return None
        year, note = years.resolve(month, day or _PARTS_DAY.get(g["mp"] or ""))
        written_year = False
    part = g["mp"] or (re.sub(r"\s+", "", g["yp"]) if g["yp"] else None)
    if part and part.startswith("月") and len(part) == 2:
        part = part[1]  # 12月月底 → 底
    if month is None and part in ("底", "末", "内"):
        part = "年" + part
    atom = DateAtom(m.start(), m.end(), written, year, month, day, part, written_year, note)
    if g["wn"] and year is not None and month is not None:
        return _week_of_month(atom, _num(g["wn"]) or 1, g["wwd"])
    return atom


def _week_of_month(atom: DateAtom, n: int, weekday: str | None) -> DateAtom | None:
    """``6月第3个星期日`` → the third Sunday of June; ``3月第三周`` → the week from March's third Monday."""
    assert atom.year is not None and atom.month is not None
    first = date(atom.year, atom.month, 1)
    target = _WEEKDAYS.index(weekday.replace("天", "日")) if weekday else 0
    day = first + timedelta(days=(target - first.weekday()) % 7 + 7 * (n - 1))
    if day.month != atom.month:
        return None
    if weekday:
        return replace(atom, day=day.day, period=(day, day))
    end = day + timedelta(days=6)
    return replace(atom, period=(day, end), notes=[f"“第{n}周”按该月第{n}个星期一起的一周计"])


def parse_clock(m: re.Match[str], prefix: str = "") -> str | None:
    """``17:00`` from a clock match (下午3时 → 15:00), or None when it is no clock time."""
    hour = _num(m.group(f"{prefix}h"))
    if hour is None:
        return None
    minute_text = m.group(f"{prefix}min") or m.group(f"{prefix}min2")
    quarter = m.group(f"{prefix}q")
    if quarter:
        minute: int | None = 15 * (_num(quarter) or 0)
    else:
        minute = 30 if minute_text == "半" else (_num(minute_text) if minute_text else 0)
    if minute is None or minute > 59:
        return None
    ampm = m.group(f"{prefix}ampm")
    if ampm in ("下午", "晚上", "晚", "傍晚", "夜里", "夜间") and hour < 12:
        hour += 12
    if ampm == "中午" and hour < 6:
        hour += 12
    if hour > 24 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


CLOCK_SPAN_RE = re.compile(
    CLOCK + rf"{_S}{_CONN}{_S}" + CLOCK.replace("(?P<", "(?P<e_")
    + "|" + rf"(?P<s_ampm>上午|下午|晚上|中午|凌晨|早上|晚)?{_S}(?P<s_h>{_D}{{1,2}}){_S}{_CONN}{_S}"
    + CLOCK.replace("(?P<", "(?P<f_"))


def clock_span(text: str, pos: int, limit: int) -> tuple[str | None, str | None, int]:
    """The clock time(s) at ``pos``: (start, end or None, position after); (None, None, pos) when none.

    ``下午3时`` → (15:00, None); ``9:30~11:30`` → (09:30, 11:30); ``晚上9~11点`` → (21:00, 23:00)."""
    span = CLOCK_SPAN_RE.match(text, pos, limit)
    if span:
        if span.group("h") is not None:
            first, last = parse_clock(span), parse_clock(span, "e_")
            if first and last and span.group("e_ampm") is None and span.group("ampm"):
                last = _with_ampm(last, span.group("ampm"))
        else:
            last = parse_clock(span, "f_")
            ampm = span.group("s_ampm") or span.group("f_ampm")
            hour = _num(span.group("s_h"))
            first = None
            if hour is not None and hour <= 24:
                first = _with_ampm(f"{hour:02d}:00", ampm)
            if last and ampm and not span.group("f_ampm"):
                last = _with_ampm(last, ampm)
        if first and last:
            return first, last, span.end()
    single = CLOCK_RE.match(text, pos, limit)
    if single:
        clock = parse_clock(single)
        if clock:
            return clock, None, single.end()
    return None, None, pos


def _with_ampm(clock: str, ampm: str | None) -> str:
    hour, minute = int(clock[:2]), clock[3:]
    if ampm in ("下午", "晚上", "晚", "傍晚", "夜里", "夜间") and hour < 12:
        hour += 12
    return f"{hour:02d}:{minute}"
