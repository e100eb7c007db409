"""How long the county's answer is: a plan for a plan, a short 通知 for a one-page urgent notice.

A superior's one-page 紧急通知 (a few numbered steps, no stages) is passed down as one short
通知 carrying the county's steps, not as a 实施方案 with a leading group, stages and a 分工表.
"""

from __future__ import annotations

from parsing.model import Notice

# What fits on one page of a 公文: about 22 lines of 28 characters.
ONE_PAGE_CHARS = 1300
_MAX_STEPS = 6


def is_urgent(notice: Notice) -> bool:
    return bool(notice.urgency) or "紧急" in (notice.title or "")


def body_chars(notice: Notice) -> int:
    """The length of the superior's body: from the first heading to the end of the last task."""
    if notice.text:
        starts = [s.span[0] for s in notice.outline if s.span]
        ends = [t.span[1] for t in notice.tasks if t.span]
        if starts and ends:
            return max(0, max(ends) - min(starts))
    return sum(len(t.heading) + len(t.text) for t in notice.tasks)


def is_short_urgent(notice: Notice) -> bool:
    """A one-page urgent notice: urgent, a handful of steps, no stages, no plan enclosed."""
    return (is_urgent(notice) and 0 < len(notice.tasks) <= _MAX_STEPS and not notice.phases
            and not notice.enclosed_title and body_chars(notice) <= ONE_PAGE_CHARS)


def shape_for(notice: Notice, kind: str) -> str:
    """``notice`` (one short 通知) or ``plan`` (通知 + 实施方案 + 分工表)."""
    return "notice" if kind == "实施方案" and is_short_urgent(notice) else "plan"
