"""Date expressions as 公文 write them, read into calendar dates.

A *date atom* is one written point in time: ``2024年3月15日``, ``12月上旬``, ``二〇二二年十二月``,
``2024年底``, ``第三季度``, ``上半年``, a bare ``2025年``. Patterns run on the clean text itself
(full-width digits, Chinese numerals and stray spaces allowed) so every match keeps its offsets.
An atom knows which end of its period it stands for: :meth:`DateAtom.first_day` for a range's
start, :meth:`DateAtom.last_day` for a due date (the contract's ``X月`` → last day of the month).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from parsing.cnnum import cn_to_int

_D = "[0-9０-９]"
_CN = "〇○零一二两三四五六七八九十"
_S = r"\s*"

YEAR = rf"(?P<y>{_D}{_S}{_D}{_S}{_D}{_S}{_D}|[〇○零一二三四五六七八九]{{4}}){_S}年(?:度(?=[内末底]))?(?![级代龄轮])"
REL_YEAR = r"(?P<ry>今年|本年度?|明年|次年|下一年度?)"
MONTH = rf"(?P<m>{_D}{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月份?"
DAY = rf"(?P<d>{_D}{{1,2}}|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])(?:\s*[日号]|(?![0-9０-９]))"
MONTH_PART = r"(?P<mp>上中旬|中下旬|上旬|中旬|下旬|初|底|末|中)"
YEAR_PART = (r"(?P<yp>年底|年末|年内|年中|上半年|下半年|(?:第|前)?[一二三四1-4１-４]\s*季度末?|"
             r"第[一二三四]个季度末?|[一二三四]季度末?|底|末|内)")
CLOCK = (rf"(?P<ampm>上午|下午|晚上|中午|凌晨|早上|晚)?{_S}(?P<h>{_D}{{1,2}}|[{_CN}]{{1,3}}){_S}"
         rf"(?:[:：]{_S}(?P<min>{_D}{{2}})|[时点](?:{_S}(?P<min2>{_D}{{1,2}}|半|[{_CN}]{{1,3}}){_S}分?)?)")

# One atom: [year] month [day | part] | year part | bare year | a part alone (年底, 本月底).
# Python 3.11 forbids a group name twice, so the year groups are numbered per branch.
def _named(pattern: str, suffix: str) -> str:
    return pattern.replace("(?P<y>", f"(?P<y{suffix}>").replace("(?P<ry>", f"(?P<ry{suffix}>")


ATOM_RE = re.compile(
    rf"(?:(?:{_named(YEAR, '1')}|{_named(REL_YEAR, '1')}){_S})?{MONTH}{_S}(?:{DAY}|{MONTH_PART})?"
    rf"|(?:{_named(YEAR, '2')}|{_named(REL_YEAR, '2')}){_S}{YEAR_PART}"
    rf"|{_named(YEAR, '3')}"
    rf"|(?P<wk>本周|这周|下周)(?P<wd>[一二三四五六日天])"
    rf"|(?P<bm>本月|当月)\s*(?P<bd>[0-9０-９]{{1,2}})\s*[日号]"
    rf"|(?P<bare>(?:本月|当月|(?<![0-9０-９一二三四五六七八九十每个])月)(?:底|末)|(?:本)?季度末|第?[一二三四1-4１-４]季度末?|年底|年末|年内|上半年|下半年|本年度?内)"
)
CLOCK_RE = re.compile(CLOCK)
WEEKDAY_NOTE_RE = re.compile(r"\s*[（(]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[）)]")

_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_PARTS_DAY = {"上旬": 10, "中旬": 20, "初": 10, "中": 20, "上中旬": 20}


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

    @property
    def bare_year(self) -> bool:
        return self.month is None and self.part is None

    def last_day(self) -> date | None:
        """The date this atom stands for as a due date (end of its period)."""
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
        if self.year is None:
            return None
        try:
            if self.month is None:
                if self.part and "下半年" in self.part:
                    return date(self.year, 7, 1)
                quarter = _quarter(self.part)
                if quarter:
                    return date(self.year, quarter * 3 - 2, 1)
                return date(self.year, 1, 1)
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

    When neither end writes its year, the end (the due part) follows the 60-day rule and the
    start takes the same year, or the year before when it would fall after the end."""
    if first.year is None or last.year is None:
        return first, last
    if first.year_written and not last.year_written:
        last = replace(last, year=first.year, year_note="")
        if (last.last_day() or date.max) < (first.first_day() or date.min):
            last = replace(last, year=first.year + 1, year_note=f"终点早于起点，按次年{first.year + 1}年计")
    elif not first.year_written:
        note = last.year_note if not last.year_written else ""
        first = replace(first, year=last.year, year_note=note)
        if (first.first_day() or date.min) > (last.last_day() or date.max):
            first = replace(first, year=last.year - 1, year_note=f"起点晚于终点，按上一年{last.year - 1}年计")
        last = replace(last, year_note="" if note else last.year_note)
    return first, last


def _md(day: date) -> str:
    return f"{day.month}月{day.day}日"


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _quarter(part: str | None) -> int | None:
    if not part:
        return None
    m = re.search(r"([一二三四1-4１-４])\s*(?:个)?季度", part)
    if not m:
        return None
    return cn_to_int(m.group(1))


def _year_part_end(year: int, part: str | None) -> date:
    if part in (None, "底", "末", "内", "年底", "年末", "年内"):
        return date(year, 12, 31)
    if part == "上半年" or part == "年中":
        return date(year, 6, 30)
    if part == "下半年":
        return date(year, 12, 31)
    quarter = _quarter(part)
    if quarter:
        month, day = _QUARTER_END[quarter]
        return date(year, month, day)
    return date(year, 12, 31)


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return cn_to_int(re.sub(r"\s+", "", text))


class YearResolver:
    """Settles the year of atoms written without one (the contract's 60-day rule)."""

    def __init__(self, issue_date: date | None, fallback_year: int | None = None):
        self.issue_date = issue_date
        self.fallback_year = fallback_year

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
        base = self.issue_date.year if self.issue_date else self.fallback_year
        if base is None:
            return None, f"“{word}”无法确定年份（成文日期不详）"
        if word in ("明年", "次年") or word.startswith("下一年"):
            return base + 1, f"“{word}”按{base + 1}年计"
        return base, f"“{word}”按{base}年计"


def find_atoms(text: str, start: int, end: int, years: YearResolver) -> list[DateAtom]:
    """Every date atom in ``text[start:end]``, years settled."""
    atoms: list[DateAtom] = []
    for m in ATOM_RE.finditer(text, start, end):
        atom = _atom_from_match(m, text, years)
        if atom is not None:
            atoms.append(atom)
    return atoms


_CN_MONTH_OK_BEFORE = set("于在至到前、，。；：:（(—－-~～ \u3000自从和及或\n年底旬") | {""}


def _atom_from_match(m: re.Match[str], text: str, years: YearResolver) -> DateAtom | None:
    g = m.groupdict()
    g["y"] = g["y1"] or g["y2"] or g["y3"]
    g["ry"] = g["ry1"] or g["ry2"]
    written = m.group(0)
    before = text[m.start() - 1] if m.start() > 0 else ""
    # A digit run glued to the left (a phone number, 20241 …) is not a date.
    if before and (before.isdigit() or before in "０１２３４５６７８９."):
        return None
    if g["wk"]:
        if years.issue_date is None:
            return None
        offset = "一二三四五六日".index(g["wd"].replace("天", "日"))
        monday = years.issue_date - timedelta(days=years.issue_date.weekday())
        day_of = monday + timedelta(days=offset + (7 if g["wk"] == "下周" else 0))
        return DateAtom(m.start(), m.end(), written, day_of.year, day_of.month, day_of.day,
                        year_note=f"“{written}”按成文日期所在周推算为{day_of.month}月{day_of.day}日")
    if g["bm"]:
        if years.issue_date is None:
            return None
        try:
            day_of = date(years.issue_date.year, years.issue_date.month, _num(g["bd"]) or 0)
        except ValueError:
            return None
        return DateAtom(m.start(), m.end(), written, day_of.year, day_of.month, day_of.day,
                        year_note=f"“{g['bm']}”按成文日期所在的{day_of.year}年{day_of.month}月计")
    if g["bare"]:
        word = re.sub(r"\s+", "", g["bare"])
        if before and before in _CN:  # 二十年底… not ours
            return None
        year, note = years.relative("本年")
        if word.startswith(("本月", "当月", "月")):
            if years.issue_date is None:
                return None
            return DateAtom(m.start(), m.end(), written, years.issue_date.year, years.issue_date.month,
                            part="底", year_note="“本月”按成文日期所在月计")
        if re.match(r"第?[一二三四1-4１-４]季度", word):
            return DateAtom(m.start(), m.end(), written, year, part=word,
                            year_note=f"未写年份，{note}")
        if "季度" in word:
            if years.issue_date is None:
                return None
            quarter = (years.issue_date.month - 1) // 3 + 1
            return DateAtom(m.start(), m.end(), written, years.issue_date.year, part=f"第{quarter}季度",
                            year_note=f"“{word}”按成文日期所在的第{quarter}季度计")
        part = word.replace("本年度内", "年内").replace("本年内", "年内")
        return DateAtom(m.start(), m.end(), written, year, part=part, year_note=f"未写年份，{note}")
    month = _num(g["m"])
    day = _num(g["d"])
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    # A Chinese-numeral month without a year must stand alone (统一月报 is no date).
    if (month is not None and g["m"] and not re.match(r"[0-9０-９]", g["m"]) and not g["y"] and not g["ry"]
            and (before not in _CN_MONTH_OK_BEFORE
                 or not (g["d"] or g["mp"] or "份" in written
                         or re.match(r"\s*(?:前|之前|以前|至|到|起)", text[m.end():m.end() + 3])))):
        return None
    if g["d"] and not re.search(r"[日号]", written) and month is not None:
        # 4月28前: a missing 日 only when 前/至/起 follows; else 3月5 is a fraction or a count.
        after = text[m.end():m.end() + 2]
        if not re.match(r"\s*(前|之前|以前|至|起|到|—|-)", after):
            return None
    year: int | None
    note = ""
    if g["y"]:
        year = _num(g["y"])
        if year is None or not 1949 <= year <= 2100:
            return None
        written_year = True
    elif g["ry"]:
        year, note = years.relative(g["ry"])
        written_year = False
    else:
        written_year = False
        if month is None:
            return None
        year, note = years.resolve(month, day or _PARTS_DAY.get(g["mp"] or ""))
    part = g["mp"] or (re.sub(r"\s+", "", g["yp"]) if g["yp"] else None)
    if month is None and part in ("底", "末", "内"):
        part = "年" + part
    return DateAtom(m.start(), m.end(), written, year, month, day, part, written_year, note)


def parse_clock(m: re.Match[str]) -> str | None:
    """``17:00`` from a clock match (下午3时 → 15:00), or None when it is no clock time."""
    hour = _num(m.group("h"))
    if hour is None:
        return None
    minute_text = m.group("min") or m.group("min2")
    minute = 30 if minute_text == "半" else (_num(minute_text) if minute_text else 0)
    if minute is None or minute > 59:
        return None
    ampm = m.group("ampm")
    if ampm in ("下午", "晚上", "晚") and hour < 12:
        hour += 12
    if hour > 24:
        return None
    return f"{hour:02d}:{minute:02d}"
