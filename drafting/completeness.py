"""The completeness check shown before export: what would make the county's plan wrong or unusable.

Run after building and again after every edit: a task with no lead unit, a county date later than
(or equal to) the superior's, a lead shorter than the profile asks for, a 报送 with no recipient
or no contact, a superior organ name left in the text, dates in a year whose holidays are unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from drafting.plan import CheckItem, CountyPlan, PlanSection
from parsing.model import Notice
from parsing.workdays import shift_working_days_noted

_REPORT_WORDS = ("报送", "上报", "报局", "报县", "提交")
_RECIPIENT = re.compile(r"(?:报送至|报送|上报|报至|报|提交|发送至)[^，。；]{0,14}?(?:办公室|股|局|委|中心|组|邮箱|@)")


def iter_plan_text(plan: CountyPlan) -> Iterator[tuple[str, str]]:
    """Every piece of text the plan prints, with where it is: (place, text)."""
    yield from iter_body_text(plan)
    yield from iter_table_text(plan)


def iter_body_text(plan: CountyPlan) -> Iterator[tuple[str, str]]:
    """The titles, the cover notice and the plan's body, with where each piece stands."""
    yield "标题", plan.title
    yield "通知标题", plan.cover_title
    for text in plan.cover_body:
        yield "印发通知", text

    def walk(sections: list[PlanSection], where: str) -> Iterator[tuple[str, str]]:
        for s in sections:
            place = s.heading or where
            if s.heading:
                yield place, s.heading
            for text in s.paragraphs:
                yield place, text
            yield from walk(s.children, place)

    yield from walk(plan.sections, "正文")


def iter_table_text(plan: CountyPlan) -> Iterator[tuple[str, str]]:
    """The 任务分工表's cells, row by row."""
    for task in plan.tasks:
        where = f"任务分工表第{task.number}项"
        yield where, task.category
        yield where, task.measures
        for unit in task.lead + task.support:
            yield where, unit


def check_plan(plan: CountyPlan, notice: Notice | None = None, substituter: object | None = None,
               notes: Iterable[str] = (), lead_days: int | None = None,
               profile: object | None = None) -> list[CheckItem]:
    """Findings for ``plan``, errors first. ``substituter`` (a :class:`Substituter`) finds superior
    organ names left in the text; ``notes`` are scheduling caveats to pass on; with ``profile``
    every 牵头/配合 unit must be one of the county's own."""
    checks: list[CheckItem] = []
    if not plan.tasks:
        checks.append(CheckItem("error", "上级文件中没有识别出任何任务，请先核对解析结果或手工添加任务"))
    for task in plan.tasks:
        label = f"第{task.number}项“{_short(task.category)}”"
        if not task.lead:
            checks.append(CheckItem("error", f"{label}没有牵头单位", task.id))
        for dl in task.deadlines:
            checks.extend(_deadline_checks(label, task.id, dl, lead_days))
        reporting = task.category.startswith(("报送", "上报", "按时报送")) or any(d.to for d in task.deadlines) \
            or any(_superior_report(notice, d.superior_index) for d in task.deadlines)
        if reporting and not any(d.to for d in task.deadlines) and not _RECIPIENT.search(task.measures):
            checks.append(CheckItem("error", f"{label}是报送事项，但没有写明报送给谁", task.id))
    reports = any(_is_report(t.category) or any(d.to for d in t.deadlines) for t in plan.tasks)
    if reports and not (plan.contact.get("name") and plan.contact.get("phone")):
        checks.append(CheckItem("error", "方案要求各单位报送材料，但没有联系人或联系电话：请在单位资料中填写默认联系人"))
    if substituter is not None:
        leftover: dict[str, str] = {}
        for where, text in iter_plan_text(plan):
            for name in substituter.leftover_superior_names(text):  # type: ignore[attr-defined]
                leftover.setdefault(name, where)
        for name, where in leftover.items():
            checks.append(CheckItem("error", f"“{where}”中仍有上级机关名称“{name}”，请改为本级名称"))
    if notice is not None and notice.issue_date and plan.issue_date:
        draft = date.fromisoformat(plan.issue_date)
        for dl in notice.deadlines:
            if dl.date and date.fromisoformat(dl.date) < draft:
                checks.append(CheckItem("warning", f"上级时限“{dl.text}”（{dl.date}）早于本方案日期，已无法提前安排"))
    if notice is not None:  # what the parse could not settle, whether or not the notice is dated
        for warning in notice.warnings:
            checks.append(CheckItem("warning", f"解析提示：{warning}"))
    if not plan.doc_number:
        checks.append(CheckItem("warning", "发文字号尚未编号，印发前请填写"))
    for note in notes:
        checks.append(CheckItem("warning", note))
    checks.extend(_reach_checks(plan, profile))
    checks.sort(key=lambda c: 0 if c.level == "error" else 1)
    if plan.outside_remit:
        bodies = "、".join(plan.outside_remit)
        checks.insert(0, CheckItem("error", f"上级来文的任务都由本局以外的单位（{bodies}）承担，不属本局职责："
                                            "请确认是否需要起草方案，或改为转发、报送有关部门"))
    return checks


def _reach_checks(plan: CountyPlan, profile: object | None) -> list[CheckItem]:
    """Units outside the profile, names left unresolved, superior text left out on purpose."""
    from drafting.county_units import profile_unit_names

    checks: list[CheckItem] = []
    known = profile_unit_names(profile) if profile is not None else None  # type: ignore[arg-type]
    for task in plan.tasks:
        label = f"第{task.number}项“{_short(task.category)}”"
        if known is not None:
            for unit in task.lead + task.support:
                if unit not in known:
                    checks.append(CheckItem("error", f"{label}的“{unit}”不是单位资料中的股室或单位，不能分派任务，"
                                                     "请改为本局股室或下属单位", task.id))
        for name in task.unresolved:
            checks.append(CheckItem("warning", f"{label}：上级文件中的“{name}”不在单位资料中，未列为牵头或配合单位，"
                                               "请确认由哪个股室或单位承担", task.id))
        for sentence in task.left_out:
            checks.append(CheckItem("warning", f"{label}未列入上级原文：{sentence}", task.id))
    for item in plan.left_out:
        checks.append(CheckItem("warning", f"未列入方案的上级任务：{item}"))
    return checks


def _deadline_checks(label: str, task_id: str, dl, lead_days: int | None) -> list[CheckItem]:
    if not (dl.date and dl.superior_date):
        return []
    county, superior = date.fromisoformat(dl.date), date.fromisoformat(dl.superior_date)
    if county > superior:
        return [CheckItem("error", f"{label}的县级时限{dl.text}晚于上级时限{dl.superior_date}", task_id)]
    if county == superior and "周期性工作的起止期间" in dl.explanation:
        return []  # the period a recurring duty runs in keeps its end (plan_builder.DUTY_PERIOD)
    if county == superior:
        return [CheckItem("warning", f"{label}的县级时限与上级时限同日，没有留出汇总上报的时间", task_id)]
    if lead_days:
        expected, _ = shift_working_days_noted(superior, -lead_days)
        if county > expected:
            return [CheckItem("warning", f"{label}时间紧：{dl.explanation}", task_id)]
    return []


def _superior_report(notice: Notice | None, index: int | None) -> bool:
    """Whether the superior deadline a county date came from asks for a report."""
    if notice is None or index is None or not 0 <= index < len(notice.deadlines):
        return False
    deadline = notice.deadlines[index]
    return bool(deadline.to) or _is_report((deadline.action or "") + deadline.text)


def _is_report(text: str) -> bool:
    return any(w in text for w in _REPORT_WORDS)


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def recheck_plan(plan: CountyPlan, notice: Notice, profile: object) -> list[CheckItem]:
    """The check again after the user edited ``plan`` (what the app runs before export)."""
    from drafting.substitution import Substituter

    plan.checks = check_plan(plan, notice, Substituter(notice, profile),  # type: ignore[arg-type]
                             lead_days=getattr(profile, "lead_days", None), profile=profile)
    return plan.checks
