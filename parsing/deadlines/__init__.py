"""Every time expression of a notice, normalised (notice/1 ``deadlines`` and ``phases``) and explained.

Public API::

    extract_times(clean, issue_date, sections=()) -> TimeExtraction

Readers, in the order they claim text: stage headings (phases.py), recurring duties
(recurring.py), event-bound deadlines (events.py), then written dates, ranges and relative
periods (absolute.py). Each deadline keeps its span in ``clean.text`` and a Chinese explanation.
One phrase on its own is read by :func:`parsing.deadlines.grammar.read_time`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from parsing.deadlines.absolute import read_sentence
from parsing.deadlines.actions import alone_in_cell, row_action
from parsing.deadlines.beyond import read_beyond
from parsing.deadlines.context import Context
from parsing.deadlines.events import read_events
from parsing.deadlines.phases import read_phases
from parsing.deadlines.phrases import YearResolver
from parsing.deadlines.recurring import attach_starts, read_next_month, read_recurring
from parsing.deadlines.structure import (
    headings_from_paragraphs,
    headings_from_sections,
    quiet_spans,
    sentences,
)
from parsing.document import CleanText
from parsing.model import Deadline, Phase, Section

__all__ = ["TimeExtraction", "extract_times"]


@dataclass
class TimeExtraction:
    deadlines: list[Deadline] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_MEETING_HEADING = re.compile(r"^\s*(会议|报到|培训|开会)?(?:时间|时间和地点|时间地点|时间及地点|时间、地点)\s*$")
_ATTEND = {"会议": "参加会议", "开会": "参加会议", "报到": "报到", "培训": "参加培训"}


def _fallback_year(text: str) -> int | None:
    """When the issue date is unknown: the first four-digit year written in a date, if any."""
    years = [int(y) for y in re.findall(r"(20[0-9]{2})\s*年\s*[0-9]{1,2}\s*月", text)]
    if not years:  # any year at all: 2023年春节 …
        years = [int(y) for y in re.findall(r"(?<![0-9—－-])(20[0-9]{2})\s*年(?![—－-])", text)]
    return years[0] if years else None


# what a restated date closes with: ``（民政部牵头，2026年底前完成）`` after ``2026年底前实现全覆盖``
_RESTATED_DONE = re.compile(r"^\s*(?:全部|全面|基本)?(?:完成|办结|到位)(?:任务|工作)?\s*(?:[）)。；;，,]|$)")


def _without_restatements(text: str, deadlines: list[Deadline], paragraphs: list[tuple[int, int]]) -> list[Deadline]:
    """A bare ``X前完成`` repeating the date of a duty earlier in the same paragraph restates that deadline."""
    kept: list[Deadline] = []
    for d in deadlines:
        if d.kind == "due" and d.span and _RESTATED_DONE.match(text[d.span[1]:d.span[1] + 12]):
            para = next(((a, b) for a, b in paragraphs if a <= d.span[0] < b), None)
            if para and any(k.kind == "due" and k.date == d.date and k.span and para[0] <= k.span[0] < d.span[0]
                            for k in kept):
                continue
        kept.append(d)
    return kept


def extract_times(clean: CleanText, issue_date: date | None,
                  sections: Sequence[Section] = ()) -> TimeExtraction:
    """Deadlines and phases of the clean text, in document order."""
    text = clean.text
    years = YearResolver(issue_date, None if issue_date else _fallback_year(text))
    ctx = Context(text=text, issue_date=issue_date, years=years, quiet=quiet_spans(clean))
    if issue_date is None:
        ctx.warn("成文日期不详：未写年份的日期"
                 + (f"按文中的{years.fallback_year}年计" if years.fallback_year else "无法确定年份")
                 + "，“即日起”无法确定起始日期")
    headings = headings_from_sections(clean, sections) if sections else []
    if not headings:
        headings = headings_from_paragraphs(clean)
    paragraphs = [(p.start, p.end) for p in clean.paragraphs]
    ctx.heading_parts = [(h.text_start, h.head_end, h.body_end) for h in headings]
    for heading in headings:
        words = heading.heading_text(text)
        kind = _MEETING_HEADING.search(words)
        if kind:
            # a bare 时间地点 heading: in a notice the recipients are to attend (a meeting, mostly)
            ctx.meeting_zones.append((heading.head_end, heading.body_end, _ATTEND[kind.group(1) or "会议"]))
    phases = read_phases(ctx, headings, paragraphs)
    for p_start, p_end in paragraphs:
        for lo, hi in sentences(text, p_start, p_end):
            read_recurring(ctx, lo, hi)
            read_next_month(ctx, lo, hi)
            read_events(ctx, lo, hi)
            read_sentence(ctx, lo, hi)
    deadlines = attach_starts(text, sorted(ctx.found, key=lambda d: (d.span or (0, 0))[0]))
    read_beyond(text, deadlines, headings, paragraphs, ctx.meeting_zones)
    deadlines = _without_restatements(text, deadlines, paragraphs)
    for d in deadlines:
        if d.action is None and d.span and alone_in_cell(text, *d.span):
            d.action = row_action(text, d.span[0])  # a 完成时限 cell (``\t2026年1月至2月\n``, ``\t春节前\n``)
    return TimeExtraction(deadlines=deadlines, phases=phases, warnings=list(ctx.warnings))
