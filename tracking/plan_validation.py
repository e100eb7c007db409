"""plan/1 JSON checked before it is imported: types, dates that exist, known kinds — each
problem said in Chinese with where it stands (任务 T3 的第 1 个时限), instead of a
``day is out of range`` or a lead unit split into 局/办/公/室 later on."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from parsing.errors import PolicyDeskError
from tracking.recurrence import RECURRENCES

KINDS = ("due", "range", "recurring", "event")
MAX_TASKS = 2000
MAX_TEXT = 20000  # characters in one field
_TIME = re.compile(r"^(?:[01]?[0-9]|2[0-3]):[0-5][0-9]$")
_PLAN_STRINGS = ("title", "cover_title", "issuer")
_PLAN_OPTIONAL = ("doc_number", "issue_date", "notice_file")
_TASK_STRINGS = ("id", "number", "category", "measures")


class PlanJsonError(PolicyDeskError):
    """A plan/1 JSON that cannot be imported (the message lists what is wrong)."""


def _date_problem(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{where}应为 YYYY-MM-DD 格式的日期"
    try:
        date.fromisoformat(value)
    except ValueError:
        return f"{where}“{value[:20]}”不是存在的日期（应为 YYYY-MM-DD，如 2025-02-28）"
    return None


def _string_problem(value: Any, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        return f"{where}应为文字"
    if len(value) > MAX_TEXT:
        return f"{where}过长（超过 {MAX_TEXT} 字）"
    return None


def _units_problem(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return f"{where}应为单位名称的列表，如 [\"{value[:20]}\"]，而不是一段文字“{value[:20]}”"
    if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
        return f"{where}应为单位名称的列表"
    return None


def plan_problems(data: Any) -> list[str]:
    """Every problem found in a plan/1 JSON value (empty when it can be imported)."""
    if not isinstance(data, dict):
        return ["方案文件的最外层应为一个 JSON 对象"]
    problems: list[str] = []
    for key in _PLAN_STRINGS:
        problems.append(_string_problem(data.get(key), f"方案的 {key}", optional=key != "title"))
    for key in _PLAN_OPTIONAL:
        problems.append(_string_problem(data.get(key), f"方案的 {key}", optional=True))
    problems.append(_date_problem(data.get("issue_date"), "方案的成文日期 issue_date"))
    problems.append(_units_problem(data.get("recipients"), "方案的主送机关 recipients"))
    body = data.get("cover_body")
    if body is not None and not (isinstance(body, list) and all(isinstance(p, str) for p in body)):
        problems.append("方案的 cover_body 应为段落文字的列表")
    tasks = data.get("tasks", [])
    if not isinstance(tasks, list):
        return [p for p in problems if p] + ["方案的 tasks 应为任务的列表"]
    if len(tasks) > MAX_TASKS:
        problems.append(f"方案有 {len(tasks)} 项任务，超过 {MAX_TASKS} 项的上限")
        tasks = tasks[:MAX_TASKS]
    for n, task in enumerate(tasks, 1):
        if not isinstance(task, dict):
            problems.append(f"第 {n} 项任务应为一个 JSON 对象")
            continue
        name = f"任务 {task.get('id')}" if isinstance(task.get("id"), str) else f"第 {n} 项任务"
        for key in _TASK_STRINGS:
            problems.append(_string_problem(task.get(key), f"{name}的 {key}"))
        problems.append(_units_problem(task.get("lead"), f"{name}的牵头单位 lead"))
        problems.append(_units_problem(task.get("support"), f"{name}的配合单位 support"))
        deadlines = task.get("deadlines", [])
        if not isinstance(deadlines, list):
            problems.append(f"{name}的 deadlines 应为时限的列表")
            continue
        for k, d in enumerate(deadlines, 1):
            where = f"{name}的第 {k} 个时限"
            if not isinstance(d, dict):
                problems.append(f"{where}应为一个 JSON 对象")
                continue
            if d.get("kind") not in KINDS:
                problems.append(f"{where}的类型 kind 应为 {'、'.join(KINDS)} 之一")
            if d.get("recurrence") is not None and d.get("recurrence") not in RECURRENCES:
                problems.append(f"{where}的周期 recurrence 应为 {'、'.join(RECURRENCES)} 之一")
            for key in ("date", "start", "superior_date"):
                problems.append(_date_problem(d.get(key), f"{where}的 {key}"))
            clock = d.get("time")
            if clock is not None and not (isinstance(clock, str) and _TIME.match(clock)):
                problems.append(f"{where}的时刻 time 应为 HH:MM（如 17:00）")
            for key in ("text", "event", "to", "explanation"):
                problems.append(_string_problem(d.get(key), f"{where}的 {key} ", optional=True))
    return [p for p in problems if p]


def check_plan_json(data: Any, name: str = "方案") -> None:
    """Raise :class:`PlanJsonError` naming the file and the first problems, if any."""
    problems = plan_problems(data)
    if problems:
        shown = "；".join(problems[:5])
        more = f"；另有 {len(problems) - 5} 处问题" if len(problems) > 5 else ""
        raise PlanJsonError(f"{name}：方案（plan/1）内容有误，未导入：{shown}{more}")
