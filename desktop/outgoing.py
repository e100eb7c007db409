"""The outgoing document's fields and checks as the 起草 page needs them. No Qt here.

* :func:`expand_doc_number` — ``12`` typed by the clerk becomes ``示卫健〔2025〕12号``;
* :func:`earliest_issue_date` — the 成文日期 may never be before the superior's own date;
* :func:`current_warnings` — parse warnings the clerk's corrections have since resolved are dropped,
  so the check never says ``未找到公文标题`` after the title was typed in;
* :func:`recheck` — the completeness check again on the plan as edited, with the drafting notes;
* :func:`check_text` — one finding as a line, without doubled labels;
* :func:`default_file_name` — a title cut short for a file name, never with a bracket left open.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from drafting.plan import CheckItem, CountyPlan
from parsing.model import Notice

_DIGITS = re.compile(r"^\s*[0-9０-９]+\s*号?\s*$")
_OPENERS = "（(《〔【[“‘"
_CLOSERS = {"（": "）", "(": ")", "《": "》", "〔": "〕", "【": "】", "[": "]", "“": "”", "‘": "’"}
_BAD_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\r\n\t]')


def expand_doc_number(text: str, prefix: str, year: int) -> str:
    """The 发文字号 as printed: a bare serial (``12``) gets the office's 代字 and the year."""
    text = text.strip()
    if not text:
        return ""
    if _DIGITS.match(text):
        serial = int(text.rstrip("号").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        return f"{prefix}〔{year}〕{serial}号"
    return text.replace("[", "〔").replace("]", "〕").replace("［", "〔").replace("］", "〕")


def earliest_issue_date(notice: Notice | None) -> dt.date | None:
    """The superior's 成文日期 (the county's document cannot be dated before it), if known."""
    if notice is None or not notice.issue_date:
        return None
    try:
        return dt.date.fromisoformat(notice.issue_date)
    except ValueError:
        return None


def default_issue_date(notice: Notice | None, today: dt.date | None = None) -> dt.date:
    """Today, or the superior's date when the clock is behind it."""
    today = today or dt.date.today()
    earliest = earliest_issue_date(notice)
    return max(today, earliest) if earliest else today


# A parse warning and the field whose value answers it.
_RESOLVED_BY = (
    ("未找到公文标题", lambda n: bool(n.title or n.enclosed_title)),
    ("未找到成文日期", lambda n: bool(n.issue_date)),
    ("成文日期不详", lambda n: bool(n.issue_date)),
    ("领导小组未识别出组长", lambda n: bool(n.leadership and n.leadership.leader)),
    ("任务未写明责任单位", lambda n: all(t.lead or t.support for t in n.tasks) if n.tasks else False),
)


def current_warnings(notice: Notice) -> list[str]:
    """The parse warnings still true of ``notice`` as the clerk corrected it."""
    kept = []
    for warning in notice.warnings:
        if any(marker in warning and resolved(notice) for marker, resolved in _RESOLVED_BY):
            continue
        kept.append(warning)
    return kept


def with_current_warnings(notice: Notice) -> Notice:
    checked = copy.copy(notice)
    checked.warnings = current_warnings(notice)
    return checked


def recheck(plan: CountyPlan, notice: Notice | None, profile: Any, notes: list[str] = ()) -> list[CheckItem]:
    """Run the completeness check on ``plan`` again (sets and returns ``plan.checks``); ``notes``
    (the scheduling caveats found while drafting) are kept as warnings."""
    from drafting.completeness import recheck_plan

    if notice is None:
        return plan.checks
    checks = recheck_plan(plan, with_current_warnings(notice), profile)
    messages = {c.message for c in checks}
    checks.extend(CheckItem("warning", note) for note in notes if note not in messages)
    checks.sort(key=lambda c: 0 if c.level == "error" else 1)
    plan.checks = checks
    return checks


def drafting_notes(plan: CountyPlan, notice: Notice, profile: Any) -> list[str]:
    """The findings only drafting knows (scheduling caveats): those a fresh check does not repeat."""
    from drafting.completeness import recheck_plan

    again = {c.message for c in recheck_plan(copy.deepcopy(plan), notice, profile)}
    return [c.message for c in plan.checks if c.level == "warning" and c.message not in again]


def check_text(check: CheckItem) -> str:
    """``【错误】…`` or ``【提示】…``; a parse warning is ``【解析】…`` (not ``【提示】解析提示：…``)."""
    message = check.message
    if message.startswith("解析提示："):
        return f"【解析】{message.removeprefix('解析提示：')}"
    return f"【{'错误' if check.level == 'error' else '提示'}】{message}"


def default_file_name(title: str, suffix: str, limit: int = 40) -> str:
    """``title`` as a file name of at most ``limit`` characters (before ``suffix``), cut where no
    bracket is left open, without characters a file system refuses."""
    name = _BAD_IN_FILE_NAME.sub("", title.replace("\n", "")).strip(" .")
    if len(name) > limit:
        name = name[:limit]
        open_at = _unclosed(name)
        if open_at is not None and open_at > 0:
            name = name[:open_at]
    name = name.rstrip("，、；：。 .") or "未命名"
    return name + suffix


def _unclosed(text: str) -> int | None:
    """Where the outermost bracket still open at the end of ``text`` starts, if any."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            stack.append((ch, i))
        elif stack and ch == _CLOSERS[stack[-1][0]]:
            stack.pop()
    return stack[0][1] if stack else None
