"""One source for the plan body and the 任务分工表 (issue 14.7).

Each task of the table is printed in the body as a section headed by its 重点任务, its 具体措施 as
the paragraphs and its units closing the last one: ``……。（局办公室牵头，人事股配合，各医疗卫生单位
负责落实）``. :func:`sync_plan` keeps the two sides one: what the user changed since the previous
version — in the table or in the body text — is written into the other side; the export prints the
body from the table (:func:`print_task_units`), so the .docx always agrees with the table.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

from drafting.plan import CountyPlan, PlanSection, PlanTask

_ROLE_WORDS = ("负责落实", "牵头", "配合", "负责", "参与", "协助")
_UNITS_PAREN = re.compile(r"（([^（）]+)）$")


def default_is_department(name: str) -> bool:
    """A 股室 of the bureau, by how its name ends (局办公室, 人事股, 局机关各股室)."""
    return bool(re.search(r"(?:股|室)$|^(?:局|委)机关", name))


def units_phrase(lead: list[str], support: list[str],
                 is_department: Callable[[str], bool] = default_is_department) -> str:
    """``局办公室牵头，人事股配合，各医疗卫生单位负责落实`` (``X负责`` with no support)."""
    depts = [u for u in support if is_department(u)]
    units = [u for u in support if u not in depts]
    parts = []
    if lead:
        parts.append("、".join(lead) + ("牵头" if support else "负责"))
    if depts:
        parts.append("、".join(depts) + "配合")
    if units:
        parts.append("、".join(units) + "负责落实")
    return "，".join(parts)


def parse_units_phrase(inner: str) -> tuple[list[str], list[str]] | None:
    """The lead and support units of a ``（…牵头，…配合）`` parenthesis; None when it is not one."""
    lead: list[str] = []
    support: list[str] = []
    parts = [p for p in re.split(r"[，,；;]", inner) if p.strip()]
    if not parts:
        return None
    has_lead_word = any(p.endswith("牵头") for p in parts)
    for i, part in enumerate(parts):
        role = next((w for w in _ROLE_WORDS if part.endswith(w)), None)
        if role is None:
            return None
        names = [n for n in part[: -len(role)].split("、") if n]
        if not names:
            return None
        if role == "牵头" or (role == "负责" and not has_lead_word and i == 0):
            lead.extend(names)
        else:
            support.extend(names)
    return lead, support


@dataclass
class _Printed:
    """What the body prints for one task: its measures and its units."""

    measures: str
    lead: list[str] | None  # None: the body prints no units parenthesis
    support: list[str] | None


def task_sections(plan: CountyPlan) -> list[tuple[PlanTask, PlanSection]]:
    """Each table row with the body section that prints it (headed by its 重点任务), in order."""
    sections: list[PlanSection] = []

    def walk(items: list[PlanSection]) -> None:
        for s in items:
            sections.append(s)
            walk(s.children)

    walk(plan.sections)
    pairs: list[tuple[PlanTask, PlanSection]] = []
    used: set[int] = set()
    for task in plan.tasks:
        for i, section in enumerate(sections):
            if i not in used and section.heading.rstrip("。") == task.category.rstrip("。") and section.paragraphs \
                    and not section.children:
                used.add(i)
                pairs.append((task, section))
                break
    return pairs


def _printed(section: PlanSection) -> _Printed:
    paragraphs = list(section.paragraphs)
    last = paragraphs[-1].rstrip()
    m = _UNITS_PAREN.search(last)
    parsed = parse_units_phrase(m.group(1)) if m else None
    if m and parsed is not None:
        paragraphs[-1] = last[: m.start()]
        return _Printed("\n".join(p for p in paragraphs if p), *parsed)
    return _Printed("\n".join(paragraphs), None, None)


def _write(section: PlanSection, task: PlanTask, is_department: Callable[[str], bool]) -> None:
    paragraphs = [p for p in task.measures.split("\n") if p] or [""]
    units = units_phrase(task.lead, task.support, is_department)
    if units:
        paragraphs[-1] += f"（{units}）"
    section.paragraphs = paragraphs


def print_task_units(plan: CountyPlan, is_department: Callable[[str], bool] = default_is_department) -> CountyPlan:
    """A copy of ``plan`` whose body prints every task as the table has it (for the export)."""
    out = copy.deepcopy(plan)
    for task, section in task_sections(out):
        body = _printed(section)
        if (body.measures, body.lead, body.support) != (task.measures, task.lead, task.support):
            _write(section, task, is_department)
    return out


def sync_plan(plan: CountyPlan, previous: CountyPlan | None = None,
              is_department: Callable[[str], bool] = default_is_department) -> list[str]:
    """Make body and table agree, in place. A side the user changed since ``previous`` wins: a
    table edit is printed into the body, a body edit (its measures or its units parenthesis) is
    read into the table. Without ``previous`` the table wins. Returns the ids of the tasks whose
    table row was taken from the body."""
    before = {t.id: t for t in previous.tasks} if previous is not None else {}
    from_body: list[str] = []
    for task, section in task_sections(plan):
        body = _printed(section)
        old = before.get(task.id)
        table_changed = old is None or (old.measures, old.lead, old.support) != (task.measures, task.lead,
                                                                                 task.support)
        if table_changed:
            if (body.measures, body.lead, body.support) != (task.measures, task.lead, task.support):
                _write(section, task, is_department)
            continue
        changed = False
        if body.measures and body.measures != task.measures:
            task.measures, changed = body.measures, True
        if body.lead is not None and (body.lead, body.support) != (task.lead, task.support):
            task.lead, task.support, changed = list(body.lead), list(body.support or []), True
            task.unit_reasons = ["已按正文中的修改"]
        if changed:
            from_body.append(task.id)
    return from_body


def sync_body_edits(before: CountyPlan, after: CountyPlan,
                    is_department: Callable[[str], bool] = default_is_department) -> list[str]:
    """``after`` is ``before`` with its body text edited (its tasks as the table has them now):
    a task whose body section the user changed takes its measures and units from the body; every
    other task's section is printed from the table. In place on ``after``; returns the ids of
    the tasks taken from the body."""
    printed_before = {task.id: _printed(section) for task, section in task_sections(before)}
    from_body: list[str] = []
    for task, section in task_sections(after):
        body = _printed(section)
        old = printed_before.get(task.id)
        if old is not None and (body.measures, body.lead, body.support) != (old.measures, old.lead, old.support):
            if body.measures:
                task.measures = body.measures
            if body.lead is not None:
                task.lead, task.support = list(body.lead), list(body.support or [])
                task.unit_reasons = ["已按正文中的修改"]
            from_body.append(task.id)
        elif (body.measures, body.lead, body.support) != (task.measures, task.lead, task.support):
            _write(section, task, is_department)
    return from_body
