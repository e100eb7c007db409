"""Due dates and ranges written as dates: ``于6月17日前``, ``即日起至7月10日``, ``自2024年3月至2026年12月``,
``分别于2024年、2025年、2026年11月底前``, ``自2021年12月23日12时起``, ``定于3月15日上午9时召开…会议``.

A date counts only when the words around it make it a duty: a due suffix (前/之前/以前/为止/截止),
a cut-off prefix (截至/截止), a range, an open start (…起), ``于/在 + date`` followed by work
still to do, a date opening a duty clause, or a target year opening a clause (``到2025年，…``,
``2026年底乡镇…实现全覆盖`` → due on 12-31). Dates cited as background and past dates do not, nor
forms counted from a day the sentence does not date (``当日``, ``20天后``, a bare ``周五``).
The phrases themselves are read by ``grammar.py`` / ``phrases.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from parsing.cnnum import cn_to_int
from parsing.deadlines.actions import alone_in_cell, is_past, read_action, row_action
from parsing.deadlines.context import Context, squash
from parsing.deadlines.grammar import RELATIVE_RE, match_range, offset_due
from parsing.deadlines.phrases import (
    CLOCK_RE,
    WEEKDAY_NOTE_RE,
    DateAtom,
    cn_date,
    find_atoms,
    iso,
    parse_clock,
    settle_range,
)
from parsing.model import Deadline
from parsing.workdays import UnknownHolidayYear, holiday_names_in, is_working_day

_PREFIX_DUE = re.compile(r"(?:请|须|必须|务必|应|应当|要|需|并|统一|均|拟|将|计划|定|预计)?\s*(?:于|在)\s*$")
_PREFIX_CUTOFF = re.compile(r"(?:截至|截止|截止到|截止至|最迟|最晚|不迟于|不晚于|"
                            r"(?:截止|完成|报送|提交|上报|办结|整改|申报)(?:时限|时间|日期|期限)\s*(?:为|是|：|:)?\s*"
                            r"(?:在|于)?)\s*$")
_PREFIX_BY = re.compile(r"(?:^|[，,：:\s])(?:到|至)\s*$")
_PREFIX_FROM = re.compile(r"(?:自|从|由|于)\s*$")
_PREFIX_TODAY = re.compile(r"(?:(?:自|从)\s*)?即日\s*(?:起)?\s*[，,]?\s*(?:至|到|—|－|~|～|-)\s*$")
_SUFFIX_DUE = re.compile(r"\s*(?:[（(]\s*含\s*[）)]\s*)?(?:(?:下班|上班|中午|午)\s*)?(?:前|之前|以前|为止|止|截止)(?!后)")
# …开始，到X结束 / …起，至X止: the end of a span written as its own clause
_LATER_END = re.compile(r"\s*[，,]?\s*(?:到|至|截至)\s*")
_END_WORD = re.compile(r"\s*(?:前)?\s*(?:结束|止|截止)")
_SUFFIX_START = re.compile(r"\s*(?:起|开始)(?!\s*(?:至|到|—|－|-))")
_LIST_SEP = re.compile(r"\s*[、，,和及与]\s*")
_BACKGROUND = re.compile(r"目前|以来|累计|共有|共计|已有|已经|已")
_FORWARD_VERB = re.compile(r"报送|上报|报至|提交|完成|召开|举行|参加|开展|组织|启动|举办|反馈|报|交|到达|报到|集中|进行|"
                           r"实施|部署|验收|检查|督查|制定|建立|建成|形成|实现|达到|覆盖")
_MEETING = re.compile(r"会议|会$|培训班|座谈会|推进会|视频会|调度会|部署会|观摩会")
_TRIGGER = re.compile(r"发现|发生|出现|接报|举报|投诉|受理|确诊|报告后|检查后|结束后|之后")
_RELATIVE_LEFT = re.compile(r"(?:于|在|须在|务必在|请在|请于|应在|要在|并在)\s*$")


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u3000":
        pos += 1
    return pos


def _clock_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """A clock time right after ``pos`` (a （星期五） note may come between)."""
    note = WEEKDAY_NOTE_RE.match(text, pos, limit)
    probe = note.end() if note else pos
    m = CLOCK_RE.match(text, _skip_space(text, probe), limit)
    if m:
        clock = parse_clock(m)
        if clock:
            return clock, m.end()
    return None, (note.end() if note else pos)


def _left(text: str, lo: int, pos: int, size: int = 12) -> str:
    return text[max(lo, pos - size):pos]


def _deadline(ctx: Context, span: tuple[int, int], lo: int, hi: int, **fields) -> Deadline:
    reading = read_action(ctx.text, span[0], span[1], lo, hi)
    end = max(span[1], reading.phrase_end)
    return Deadline(text=squash(ctx.text[span[0]:end]), span=(span[0], end), action=reading.action,
                    to=reading.to, **fields)


def _too_old(ctx: Context, day: date | None, atom: DateAtom | None = None) -> bool:
    """A written-year date well before the issue date is background, not a duty.

    A date without a year follows the contract's 60-day rule instead and is kept."""
    if atom is not None and not atom.year_written:
        return False
    return bool(day and ctx.issue_date and day < ctx.issue_date - timedelta(days=30))


def read_sentence(ctx: Context, lo: int, hi: int) -> None:
    """Every date-written deadline in the sentence ``text[lo:hi]``."""
    text = ctx.text
    # Loose forms (当日, 次日, 20天后, a bare 周五) count from a day the sentence does not date.
    atoms = _days_follow_months(
        [a for a in find_atoms(text, lo, hi, ctx.years) if ctx.free((a.start, a.end)) and not a.loose])
    i = 0
    while i < len(atoms):
        if not ctx.free((atoms[i].start, atoms[i].end)):
            i += 1
            continue
        consumed = _read_at(ctx, atoms, i, lo, hi)
        i += max(consumed, 1)
    _read_clock_only(ctx, lo, hi)
    _read_relative(ctx, lo, hi)


def _days_follow_months(atoms: list[DateAtom]) -> list[DateAtom]:
    """``于3月5日前报送初稿，10日前报送终稿``: a day written alone takes the month written before it."""
    settled: list[DateAtom] = []
    for atom in atoms:
        before = next((a for a in reversed(settled) if a.month is not None and a.year is not None
                       and not a.bare_day and a.period is None), None)
        if atom.bare_day and before is not None and before.year is not None and before.month is not None:
            year, month = before.year, before.month
            if atom.day is not None and before.day is not None and atom.day < before.day:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            try:
                date(year, month, atom.day or 1)
            except ValueError:
                settled.append(atom)
                continue
            atom = replace(atom, year=year, month=month, bare_day=False, year_written=before.year_written,
                           year_note=f"“{squash(atom.text)}”未写月份，按前文的{year}年{month}月计")
        settled.append(atom)
    return settled


def _chain(text: str, atoms: list[DateAtom], i: int) -> list[DateAtom]:
    """``2024年、2025年、2026年11月底`` → the atoms of the list, the last one carrying the month."""
    chain = [atoms[i]]
    while chain[-1].bare_year and len(chain) < len(atoms) - i:
        nxt = atoms[i + len(chain)]
        sep = _LIST_SEP.fullmatch(text, chain[-1].end, nxt.start)
        if not sep:
            break
        chain.append(nxt)
    return chain


def _read_at(ctx: Context, atoms: list[DateAtom], i: int, lo: int, hi: int) -> int:
    text = ctx.text
    chain = _chain(text, atoms, i)
    first, last = chain[0], chain[-1]
    if len(chain) > 1 and not last.bare_year:
        return _read_multi_year(ctx, chain, lo, hi)
    atom = atoms[i] = _check_weekday(ctx, first)
    left = _left(text, lo, atom.start)
    clock, pos = _clock_after(text, atom.end, hi)
    # A range: A至B, A—B, 6月23日至30日, 2019年1-5月, 2020至2025年.
    if not _PREFIX_TODAY.search(left):
        ranged = match_range(text, atoms, i, pos, hi, today=ctx.issue_date)
        if ranged is not None:
            _read_range(ctx, ranged.first, ranged.last, clock, lo, hi)
            return ranged.consumed
    if _PREFIX_TODAY.search(left):
        _read_from_today(ctx, atom, left, clock, lo, hi)
        return 1
    if atom.bare_year:
        _read_year(ctx, atom, pos, lo, hi)
        return 1
    suffix = _SUFFIX_DUE.match(text, pos, hi)
    start_suffix = _SUFFIX_START.match(text, pos, hi)
    if start_suffix and not suffix:
        closing = atoms[i + 1] if i + 1 < len(atoms) else None
        if closing is not None and _LATER_END.fullmatch(text, start_suffix.end(), closing.start) \
                and _END_WORD.match(text, closing.end, hi):
            _read_range(ctx, atom, closing, clock, lo, hi)  # 从3月开始，到11月底结束: one span
            return 2
        _read_open_start(ctx, atom, clock, start_suffix.end(), lo, hi)
        return 1
    cutoff = _PREFIX_CUTOFF.search(left)
    if not suffix and atom.part in ("年内",):
        suffix = re.compile("").match(text, pos)  # 年内 is itself a due form
    if suffix or cutoff:
        end = suffix.end() if suffix else pos
        if cutoff and (_BACKGROUND.search(squash(text[end:hi])[:24]) or is_past(text, end, hi)):
            return 1  # 截至2023年底，全县已… : a statistic, not a duty
        if _done_after(text, end, hi):
            return 1  # 6月底前已全部完成 / 6月底前完成了…: a report, not a duty
        start = atom.start - len(cutoff.group(0)) if cutoff else _prefix_start(text, lo, atom.start)
        _add_due(ctx, atom, clock, (start, end), lo, hi, "")
        if alone_in_cell(text, start, end):  # ``\t2025年11月30日前\n``: the row's task is the work
            ctx.found[-1].action = row_action(text, start) or ctx.found[-1].action
        return 1
    if _alone_in_cell(text, atom, pos):
        _add_due(ctx, atom, clock, (atom.start, pos), lo, hi, "表格中的完成时限")
        ctx.found[-1].action = row_action(text, atom.start) or ctx.found[-1].action
        return 1
    attend = _attendance(ctx, atom, lo)
    if attend:
        _add_due(ctx, atom, clock, (_prefix_start(text, lo, atom.start), pos), lo, hi, "", meeting=attend)
        return 1
    due_prefix = _PREFIX_DUE.search(left)
    by_prefix = _PREFIX_BY.search(left) if atom.part else None
    if due_prefix or by_prefix:
        rest = squash(text[pos:hi])
        if is_past(text, pos, hi) or (due_prefix and not _FORWARD_VERB.search(rest[:40])):
            return 1
        written_day = atom.last_day()
        if ctx.issue_date and written_day and written_day < ctx.issue_date:
            return 1  # 会议于3月5日召开 in a notice of 3月7日: a report of the past
        start = _prefix_start(text, lo, atom.start) if due_prefix else _target_start(text, lo, atom.start)
        meeting = bool(_MEETING.search(rest[:60].split("。")[0])) and re.search(r"召开|举行|举办", rest[:40])
        _add_due(ctx, atom, clock, (start, pos), lo, hi, "", meeting="参加会议" if meeting else None)
        return 1
    if _leads_a_duty(ctx, atom, pos, lo, hi):
        _add_due(ctx, atom, clock, (atom.start, pos), lo, hi, "")
    elif atom.part in ("年底", "年末") and _year_target(ctx, atom, pos, lo, hi):
        _add_due(ctx, atom, clock, (_target_start(text, lo, atom.start), pos), lo, hi, "目标年份，按年底计")
    elif _verb_follows(ctx, atom, pos, lo, hi):
        _add_due(ctx, atom, clock, (atom.start, pos), lo, hi, "")
    return 1


_DONE_VERB = re.compile(r"\s*(?:全面|全部|基本|集中|统一|组织)?\s*(?:完成|建成|报送|上报|提交|启动|验收|办结)(?![了的过])")


def _verb_follows(ctx: Context, atom: DateAtom, pos: int, lo: int, hi: int) -> bool:
    """``…要在本季度内完成摸底，12月底完成采购配置``: a date written right before the work due, in a duty sentence."""
    text = ctx.text
    if atom.bare_year or not _DONE_VERB.match(text, pos, hi) or ctx.issue_date is None:
        return False
    if text[atom.start - 1:atom.start] not in ("，", ",", "；", ";", "、", "") and atom.start != lo:
        return False  # 落实6月完成的… / 按3月完成的进度: the date describes something else
    day = atom.last_day()
    if day is None or day < ctx.issue_date or (not atom.year_written and day.year > ctx.issue_date.year + 1):
        return False
    clause_end = re.search(r"[，,。；;]", text[pos:hi])
    clause = text[pos:pos + clause_end.start()] if clause_end else text[pos:hi]
    if "的" in clause[:8] or is_past(text, pos, pos + len(clause)):
        return False
    return bool(_DUTY.search(text[lo:atom.start]))


_TARGET_LEFT = re.compile(r"(?:^|[，,。；;：:\s])\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)?"
                          r"(?P<lead>(?:力争|争取|计划|预计|确保|努力)?\s*(?:到|至|在)?)\s*$")
_DESCRIPTIVE = re.compile(r"^[，,]?(?:是|为|系)|(?:思路|要求|目标|任务|重点|定位|主题)(?:是|为)|之年|关键一年|开局之年|收官之年")
_TARGET_VERB = re.compile(r"基本|全面|实现|建成|建立|形成|达到|达|覆盖|完成|提高|提升|降低|下降|控制在|不低于|不少于|"
                          r"超过|增长|翻番|健全|完善|落实|推广|普及|消除|取得|初步|力争|确保")


def _year_target(ctx: Context, atom: DateAtom, pos: int, lo: int, hi: int) -> bool:
    """``2024年，基本建成…`` / ``到2025年，…`` / ``2026年底乡镇…全覆盖``: a target year opening a clause."""
    text = ctx.text
    left = _TARGET_LEFT.search(text[lo:atom.start])
    if not atom.year_written or left is None or ctx.issue_date is None or atom.year is None:
        return False
    if atom.year < ctx.issue_date.year or (atom.last_day() or date.min) < ctx.issue_date:
        return False  # 2023年，全县共排查…: a past year is background
    lead = squash(left.group("lead"))
    comma = re.match(r"\s*[，,]", text[pos:pos + 2])
    if atom.bare_year and not (comma or lead.endswith(("到", "至"))):
        return False
    rest = text[pos:hi]
    clause_end = re.search(r"[。；;]", rest)
    clause = squash(rest[:clause_end.start()] if clause_end else rest)
    if _BACKGROUND.search(clause[:12]) or is_past(text, pos, pos + len(rest[:clause_end.start()] if clause_end else rest)):
        return False
    if _DESCRIPTIVE.search(clause):
        return False  # 2025年是…之年 / 2025年，全县工作的总体思路是：…
    return bool(_TARGET_VERB.search(clause)) or bool(re.match(r"^[，,]?[^，。；]{2,30}?(?:全部|均|都|要|将)", clause))


def _target_start(text: str, lo: int, pos: int) -> int:
    m = re.search(r"(?:力争|争取|计划|预计|确保|努力)?\s*(?:到|至|在)\s*$", _left(text, lo, pos, 8))
    return pos - len(m.group(0)) if m else pos


def _read_year(ctx: Context, atom: DateAtom, pos: int, lo: int, hi: int) -> None:
    """A written year alone: ``2025年前`` is due on 12-31, so is a target year (``到2025年，…``)."""
    text = ctx.text
    if not atom.year_written or re.fullmatch(r"[0-9０-９\s]+", atom.text):
        return  # 2020 as a bare number only opens a range
    suffix = _SUFFIX_DUE.match(text, pos, hi)
    if suffix and not _done_after(text, suffix.end(), hi):
        _add_due(ctx, atom, None, (_prefix_start(text, lo, atom.start), suffix.end()), lo, hi, "")
        return
    if _year_target(ctx, atom, pos, lo, hi):
        _add_due(ctx, atom, None, (_target_start(text, lo, atom.start), pos), lo, hi, "目标年份，按该年12月31日计")


_WEEKDAY_NAMES = "一二三四五六日"


def _check_weekday(ctx: Context, atom: DateAtom) -> DateAtom:
    """``3月14日（星期五）``: the weekday written after a date checks its year.

    With no issue date to count from, a year not written is taken from the weekday when it fits the
    year after (or before) instead; otherwise the date stays and a warning says the two disagree."""
    note = WEEKDAY_NOTE_RE.match(ctx.text, atom.end)
    day = atom.last_day()
    if note is None or day is None or atom.day is None or atom.month is None:
        return atom
    written = re.search(r"(?:星期|周|礼拜)\s*([一二三四五六日天])", note.group(0))
    if written is None:
        return atom
    weekday = _WEEKDAY_NAMES.index(written.group(1).replace("天", "日"))
    if day.weekday() == weekday:
        return atom
    if not atom.year_written and atom.year is not None and ctx.issue_date is None:
        for year in (atom.year + 1, atom.year - 1):
            try:
                other = date(year, atom.month, atom.day)
            except ValueError:
                continue
            if other.weekday() == weekday:
                return replace(atom, year=year, year_note=f"未写年份，按所注“星期{written.group(1)}”推定为{year}年")
    ctx.warn(f"“{squash(ctx.text[atom.start:note.end()])}”：日期与所注星期不符，请核对原文")
    return atom


def _alone_in_cell(text: str, atom: DateAtom, pos: int) -> bool:
    """A table cell holding only a date (a 完成时限 column)."""
    before = text[atom.start - 1] if atom.start > 0 else "\n"
    after = text[pos] if pos < len(text) else "\n"
    row_start = text.rfind("\n", 0, atom.start) + 1
    return before == "\t" and after in "\t\n" and "\t" in text[row_start:atom.start] and not atom.bare_year


_DUTY = re.compile(r"(?<![重主纲概摘必需])要(?![求点素闻件])|须|应当|应(?![急用对])|务必|请")
_CLAUSE_START = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*)?(?:[^，。；]{0,12}[。：:])?\s*$")


def _leads_a_duty(ctx: Context, atom: DateAtom, pos: int, lo: int, hi: int) -> bool:
    """``6月16日，各地要统一组织开展…``: a future date opening a sentence that assigns work."""
    if atom.bare_year or not _CLAUSE_START.match(ctx.text[lo:atom.start]):
        return False
    if not re.match(r"\s*(?:[^，。；]{0,16}?(?:当天|当日|期间))?\s*[，,]", ctx.text[pos:pos + 24]):
        return False
    day = atom.last_day()  # 上半年，各乡镇要…: a period still running sets its end
    if ctx.issue_date is None or day is None or day < ctx.issue_date:
        return False
    if not atom.year_written and day.year != ctx.issue_date.year:
        return False  # 2月27日，国务院…召开 in a May notice: background, not next February
    rest = squash(ctx.text[pos:hi])
    return bool(_DUTY.search(rest[:30])) and not is_past(ctx.text, pos, hi)


_MEETING_LABEL = re.compile(r"(会议|报到|培训|开会)时间\s*(?:为|是|：|:)?\s*(?:定于|拟于|于)?\s*$")
_ATTEND = {"会议": "参加会议", "开会": "参加会议", "报到": "报到", "培训": "参加培训"}


def _attendance(ctx: Context, atom: DateAtom, lo: int) -> str | None:
    """What attending means when the date is a meeting's time (一、会议时间 / 会议时间：…), else None."""
    label = _MEETING_LABEL.search(_left(ctx.text, lo, atom.start, 14))
    if label:
        return _ATTEND[label.group(1)]
    line_start = ctx.text.rfind("\n", 0, atom.start) + 1
    for start, end, action in ctx.meeting_zones:
        if start <= atom.start < end and len(ctx.text[line_start:atom.start].strip()) <= 4:
            return action
    return None


def _done_after(text: str, pos: int, hi: int) -> bool:
    """The clause after a due phrase says the work is done (已…, …了)."""
    end = pos
    while end < hi and text[end] not in "，,。；;！？!?\n":
        end += 1
    return is_past(text, pos, end)


def _prefix_start(text: str, lo: int, pos: int) -> int:
    m = re.search(r"(?:于|在)\s*$", _left(text, lo, pos, 8))
    return pos - len(m.group(0)) if m else pos


def _add_due(ctx: Context, atom: DateAtom, clock: str | None, span: tuple[int, int], lo: int, hi: int,
             note: str, meeting: str | None = None) -> None:
    if atom.bare_day and ctx.issue_date and (atom.last_day() or date.max) < ctx.issue_date and atom.month:
        year, month = (atom.year + 1, 1) if atom.month == 12 else (atom.year, atom.month + 1)
        try:
            atom = replace(atom, year=year, month=month, year_note=f"“{squash(atom.text)}”未写月份，且早于成文日期，"
                           f"按下一个月{year}年{month}月计")
        except ValueError:
            return
    day = atom.last_day()
    if day is None:
        if atom.year is None:
            ctx.warn(f"“{squash(atom.text)}”的年份无法确定（成文日期不详），未计算日期")
        else:
            ctx.warn(f"“{squash(atom.text)}”不是有效日期，请核对原文")
    if _too_old(ctx, day, atom):
        return
    deadline = _deadline(ctx, span, lo, hi, kind="due", date=iso(day), time=clock)
    if meeting:
        deadline.action = meeting
        deadline.to = None
    parts = [atom.describe_due(), atom.year_note, note]
    if meeting:
        parts.append("会议时间作为到会时限")
    if day:
        parts.append(f"截止{cn_date(day)}" + (f"{clock}" if clock else ""))
        parts.append(_rest_day_note(day))
    deadline.explanation = "；".join(p for p in parts if p)
    ctx.found.append(deadline)
    ctx.claim(deadline.span or span)


def _rest_day_note(day: date) -> str:
    """A warning when a due date falls on a day off (the office may be closed that day)."""
    try:
        if is_working_day(day):
            return ""
        name = holiday_names_in(day.year).get(day)
    except UnknownHolidayYear:
        return ""
    return f"注意：该日是{name}假期" if name else "注意：该日是周末"


def _read_multi_year(ctx: Context, chain: list[DateAtom], lo: int, hi: int) -> int:
    text = ctx.text
    last = chain[-1]
    clock, pos = _clock_after(text, last.end, hi)
    suffix = _SUFFIX_DUE.match(text, pos, hi)
    end = suffix.end() if suffix else pos
    start = chain[0].start
    m = re.search(r"(?:分别|依次|各)?\s*(?:于|在)?\s*$", _left(text, lo, start, 6))
    if m:
        start -= len(m.group(0))
    for atom in chain:
        dated = replace(last, year=atom.year, year_written=True, year_note="")
        day = dated.last_day()
        deadline = _deadline(ctx, (start, end), lo, hi, kind="due", date=iso(day), time=clock)
        deadline.explanation = "；".join(n for n in (
            f"一句写了{len(chain)}个年份，每年各计一项", re.sub(r"“[^”年]*年\s*", "“", last.describe_due()),
            f"本项截止{cn_date(day)}" if day else "") if n)
        ctx.found.append(deadline)
    ctx.claim((start, end))
    return len(chain)


def _read_range(ctx: Context, first: DateAtom, last: DateAtom, clock: str | None, lo: int, hi: int) -> None:
    text = ctx.text
    first, last = settle_range(first, last)
    if first.bare_year and last.bare_year:
        before = text[first.start - 1] if first.start > 0 else ""
        if before in "（(" or not _PREFIX_FROM.search(_left(text, lo, first.start, 2)):
            return  # （2024—2026年）: a period in a name
    end_clock, pos = _clock_after(text, last.end, hi)
    suffix = _SUFFIX_DUE.match(text, pos, hi)
    end = suffix.end() if suffix else pos
    start = first.start
    m = _PREFIX_FROM.search(_left(text, lo, start, 2))
    if m:
        start -= len(m.group(0))
    begin, finish = first.first_day(), last.last_day()
    if begin and finish and begin > finish:
        ctx.warn(f"“{squash(text[start:end])}”起点晚于终点，未列入时限，请核对原文")
        return
    if begin is None and finish is None:
        ctx.warn(f"“{squash(text[start:end])}”年份不详，未列入时限")
        return
    if _too_old(ctx, finish, last) or (finish and ctx.issue_date and finish < ctx.issue_date):
        return  # 4月至10月，组织开展… in a December report: a span already over is background
    deadline = _deadline(ctx, (start, end), lo, hi, kind="range", date=iso(finish), start=iso(begin),
                         time=end_clock or clock)
    notes = [first.year_note, first.describe_start(), last.year_note, last.describe_due(),
             f"自{cn_date(begin) if begin else '（不详）'}至{cn_date(finish) if finish else '（不详）'}"]
    deadline.explanation = "；".join(dict.fromkeys(n for n in notes if n))
    ctx.found.append(deadline)
    ctx.claim((start, end))


def _read_from_today(ctx: Context, atom: DateAtom, left: str, clock: str | None, lo: int, hi: int) -> None:
    text = ctx.text
    m = _PREFIX_TODAY.search(left)
    start = atom.start - len(m.group(0)) if m else atom.start
    _, pos = _clock_after(text, atom.end, hi)
    suffix = _SUFFIX_DUE.match(text, pos, hi)
    end = suffix.end() if suffix else pos
    finish = atom.last_day()
    deadline = _deadline(ctx, (start, end), lo, hi, kind="range", date=iso(finish),
                         start=iso(ctx.issue_date), time=clock)
    notes = ["“即日起”按成文日期" + (cn_date(ctx.issue_date) if ctx.issue_date else "（不详）") + "计",
             atom.year_note, atom.describe_due(), f"截止{cn_date(finish)}" if finish else ""]
    deadline.explanation = "；".join(n for n in notes if n)
    if ctx.issue_date is None:
        ctx.warn("成文日期不详，“即日起”的起始日期无法确定")
    ctx.found.append(deadline)
    ctx.claim((start, end))


def _read_open_start(ctx: Context, atom: DateAtom, clock: str | None, end: int, lo: int, hi: int) -> None:
    text = ctx.text
    if is_past(text, end, hi):
        return
    start = atom.start
    m = _PREFIX_FROM.search(_left(text, lo, start, 2))
    if m:
        start -= len(m.group(0))
    begin = atom.first_day()
    deadline = Deadline(text=squash(text[start:end]), kind="range", start=iso(begin), time=clock,
                        span=(start, end))
    reading = read_action(text, start, end, lo, hi)
    deadline.action = reading.action
    notes = [atom.year_note, atom.describe_start(),
             (f"自{cn_date(begin)}" + (f"{clock}" if clock else "") + "起" if begin else ""),
             "只写了开始时间，没有截止日期"]
    deadline.explanation = "；".join(n for n in notes if n)
    ctx.found.append(deadline)
    ctx.claim((start, end))


def _read_relative(ctx: Context, lo: int, hi: int) -> None:
    """``收到通知后5个工作日内``, ``于10个工作日内``: counted from the issue date."""
    text = ctx.text
    for m in RELATIVE_RE.finditer(text, lo, hi):
        span = (m.start(), m.end())
        if not ctx.free(span):
            continue
        anchor = m.group("anchor")
        left = _left(text, lo, m.start(), 6)
        if not anchor and not _RELATIVE_LEFT.search(left):
            continue
        if not anchor and _TRIGGER.search(text[lo:m.start()]):
            continue  # 发现问题要在3日内整改: counted from a trigger, not from the notice
        n = cn_to_int(m.group("n"))
        if not n:
            continue
        start = span[0]
        if not anchor:
            start = _prefix_start(text, lo, start)
        unit = m.group("unit")
        written = squash(m.group(0))
        day, notes = None, []
        if ctx.issue_date is not None:
            day, notes = offset_due(ctx.issue_date, n, unit)
            if unit == "个工作日":
                how = f"从成文日期{cn_date(ctx.issue_date)}起算{n}个工作日（跳过节假日，计入调休上班日）"
            elif unit == "个月":
                how = f"从成文日期{cn_date(ctx.issue_date)}起算{n}个月"
            else:
                how = f"从成文日期{cn_date(ctx.issue_date)}起算{n * 7 if unit == '周' else n}天"
            if anchor and ("收到" in anchor or "接到" in anchor or "文到" in anchor):
                how = "收到通知的日期按成文日期计，" + how
        else:
            how = "成文日期不详，无法推算"
            ctx.warn(f"“{written}”需要成文日期才能推算，成文日期不详")
        for note in notes:
            ctx.warn(note)
        deadline = _deadline(ctx, (start, span[1]), lo, hi, kind="due", date=iso(day))
        deadline.explanation = f"“{written}”{how}" + (f"，即{cn_date(day)}" if day else "") + (
            "；" + "；".join(notes) if notes else "")
        ctx.found.append(deadline)
        ctx.claim((start, span[1]))


_CLOCK_ONLY = re.compile(r"(?:请|须|务必|应|并)?\s*(?:于|在)\s*(?P<clock>(?:上午|下午|晚上|中午)?\s*[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|[时点](?:\s*[0-9０-９]{1,2}\s*分?|半)?))"
                         r"\s*(?:前|之前|以前)")


def _read_clock_only(ctx: Context, lo: int, hi: int) -> None:
    """``请于17:30前报送`` with no day written: the time only; no date is guessed, and a warning says so."""
    text = ctx.text
    for m in _CLOCK_ONLY.finditer(text, lo, hi):
        span = (m.start(), m.end())
        if not ctx.free(span) or _done_after(text, m.end(), hi):
            continue
        clock_match = CLOCK_RE.search(text, m.start("clock"), m.end("clock"))
        clock = parse_clock(clock_match) if clock_match else None
        if clock is None:
            continue
        deadline = _deadline(ctx, span, lo, hi, kind="due", date=None, time=clock)
        deadline.explanation = f"只写了时刻{clock}，未写日期，不推定日期"
        ctx.warn(f"“{squash(m.group(0))}”只写了时刻，未写日期，请核对")
        ctx.found.append(deadline)
        ctx.claim(span)
