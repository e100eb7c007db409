"""Stages of a campaign from its 时间安排 / 实施步骤 section: ``（一）动员部署阶段（2024年3月）``.

A stage heading's dates go to ``phases`` only, never to ``deadlines``. A stage is a numbered
heading under a schedule section (时间安排, 实施步骤, 工作步骤…), or any heading or paragraph
naming a 阶段; its period is the date expression in the heading (or opening its text).
"""

from __future__ import annotations

import re
from datetime import date

from parsing.deadlines.context import Context, squash
from parsing.deadlines.grammar import match_range
from parsing.deadlines.phrases import find_atoms, iso
from parsing.deadlines.structure import Heading, Span
from parsing.model import Phase

SCHEDULE_RE = re.compile(r"时间安排|时间步骤|实施步骤|工作步骤|方法步骤|步骤安排|进度安排|时间节点|阶段安排|推进步骤|"
                         r"实施阶段|具体步骤|时间进度|进度要求|步骤和时间|时间和步骤|步骤")
_TODAY = re.compile(r"(?:自|从)?\s*即日\s*起?\s*(?:至|到|—|－|-|~|～)\s*")
_STAGE_PARAGRAPH = re.compile(r"^\s*第[一二三四五六七八九十]+阶段")
_STAGE_WORD = re.compile(r"阶段\s*(?:[（(：:，,。]|$)|^\s*第[一二三四五六七八九十]+阶段")


def read_period(ctx: Context, start: int, end: int) -> tuple[date | None, date | None, Span] | None:
    """The first period written in ``text[start:end]``: (first day, last day, span)."""
    text = ctx.text
    atoms = find_atoms(text, start, end, ctx.years)
    if not atoms:
        return None
    first = atoms[0]
    today = None
    for m in _TODAY.finditer(text, start, first.start + 1):
        if m.end() == first.start:
            today = m
    if today:
        return ctx.issue_date, first.last_day(), (today.start(), first.end)
    ranged = match_range(text, atoms, 0, first.end, end)
    if ranged is not None:
        return ranged.first.first_day(), ranged.last.last_day(), (first.start, ranged.last.end)
    if first.bare_year:
        return None
    after = text[first.end:first.end + 3]
    if re.match(r"\s*(前|之前|以前)", after):
        return None, first.last_day(), (first.start, first.end)
    return first.first_day(), first.last_day(), (first.start, first.end)


def _name(text: str, head_start: int, head_end: int, period: Span | None) -> str:
    head = text[head_start:head_end]
    if period:
        a, b = period[0] - head_start, period[1] - head_start
        if 0 <= a <= b <= len(head):
            head = head[:a] + head[b:]
    head = squash(head)
    head = re.sub(r"[（(]\s*(?:前|之前|以前|起)?\s*[）)]", "", head)
    head = re.sub(r"^第[一二三四五六七八九十]+阶段[：:，,]?(?=.{2,})", "", head)
    chunks = [c.strip("：:。；;、（）() ") for c in re.split(r"[，,]", head)]
    chunks = [c for c in chunks if c]
    return chunks[0] if chunks else ""


def read_phases(ctx: Context, headings: list[Heading], paragraphs: list[Span]) -> list[Phase]:
    """Phases from stage headings; their spans are claimed so no deadline is read from them."""
    text = ctx.text
    phases: list[Phase] = []
    stage_spans: list[tuple[int, int, int]] = []  # (start, text_start, head_end)
    for heading in headings:
        words = heading.heading_text(text)
        parent = headings[heading.parent] if heading.parent is not None else None
        under_schedule = parent is not None and SCHEDULE_RE.search(parent.heading_text(text))
        if under_schedule or _STAGE_WORD.search(words):
            stage_spans.append((heading.start, heading.text_start, heading.head_end))
    starts = {s for s, _, _ in stage_spans}
    for p_start, p_end in paragraphs:
        if p_start not in starts and _STAGE_PARAGRAPH.match(text[p_start:p_end]):
            head_end = p_end
            m = re.search(r"[。：:]", text[p_start:p_end])
            if m:
                head_end = p_start + m.start()
            inner = re.search(r"[（(][^）)]*[）)]", text[p_start:head_end])
            if not inner and m and m.group(0) in "：:":
                head_end = p_end  # 第一阶段：3月1日至3月15日。
            stage_spans.append((p_start, p_start, head_end))
    stage_spans.sort()
    for start, text_start, head_end in stage_spans:
        words = text[text_start:head_end]
        period = read_period(ctx, text_start, head_end)
        body_used = False
        if period is None:
            body_start = head_end + 1
            line_end = text.find("\n", body_start)
            line_end = len(text) if line_end < 0 else line_end
            opening = re.match(r"\s*(?:时间[为：:]?)?\s*", text[body_start:line_end])
            probe = body_start + (opening.end() if opening else 0)
            period = read_period(ctx, probe, min(line_end, probe + 30))
            if period and period[2][0] - probe > 4:
                period = None
            body_used = period is not None
        if period is None and not _STAGE_WORD.search(words):
            continue
        if period is not None and period[0] is None and not _STAGE_WORD.search(words):
            continue  # （一）3月31日前，制定实施方案并报…: a deadline, not a stage
        name = _name(text, text_start, head_end, None if body_used or period is None else period[2])
        if not name:
            continue
        first, last, span = period if period else (None, None, (start, head_end))
        phases.append(Phase(name=name, start=iso(first), end=iso(last), span=(start, head_end)))
        if period:
            ctx.claim(span)  # only the stage's own period: other dates in the heading stay deadlines
    return phases
