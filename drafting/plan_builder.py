"""From a superior notice and the county profile to the county's plan (:class:`CountyPlan`).

The builder restates the superior document at the county's level the way county offices do
(seeds 000 and 001): a title of its own, a basis paragraph citing the superior document by title
and 发文字号, 总体要求 (the superior's own, localised, when its text is at hand), a leading group
from the profile's leaders, every superior task carried down with its units and county dates,
时间安排, 工作要求 and the reports the units owe the county office. The wording lives in the
Jinja templates (``templates/实施方案.j2`` …) so an office can make it its own.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from drafting import templating
from drafting.completeness import check_plan
from drafting.county_units import partner_name
from drafting.plan import CountyPlan, PlanDeadline, PlanSection, PlanTask, Substitution
from drafting.plan_reports import is_report, merge_reports, report_category, report_object, report_sentence
from drafting.plan_shape import is_urgent, shape_for
from drafting.plan_sync import units_phrase
from drafting.plan_titles import (
    TOPIC_NOUNS,
    citation,
    cover_title,
    kind_noun,
    plan_title,
    subject_of,
    topic_of,
    topic_source,
)
from drafting.profile import CountyProfile
from drafting.scheduling import (
    ScheduleContext,
    cn_date,
    localise_phrase,
    schedule_deadline,
    schedule_phases,
    span_text,
    with_iso_dates,
)
from drafting.substitution import Substituter
from drafting.task_reach import ReachClassifier, TaskReach, body_span, carried_text, outside_remit, section_of
from drafting.unit_matching import UnitMatcher
from parsing.errors import PolicyDeskError
from parsing.model import Deadline, Notice, Section, Task
from parsing.numbering import match_heading_number
from parsing.progress import CancelCheck, ProgressCallback, never, noop
from parsing.text_safety import loads_json

PLAN_KINDS = ("实施方案", "工作方案", "转发通知")


class DraftingError(PolicyDeskError):
    """The notice cannot be turned into a plan."""

_SCHEDULE_HEADINGS = ("时间安排", "时间步骤", "步骤", "阶段", "进度安排", "实施步骤", "方法步骤")
_REQUIREMENT_HEADINGS = ("工作要求", "保障措施", "有关要求", "组织保障", "工作保障", "相关要求", "组织实施")
_GENERAL_HEADINGS = ("总体要求", "指导思想", "总体目标", "基本原则")
_GOAL_HEADINGS = ("工作目标", "目标任务", "主要目标")


@dataclass
class _TaskEntry:
    """A task as the templates print it."""

    heading: str
    measures: str
    units: str
    plan_task: PlanTask


@dataclass
class _Build:
    notice: Notice
    profile: CountyProfile
    sub: Substituter
    matcher: UnitMatcher
    ctx: ScheduleContext
    kind: str
    tasks: list[PlanTask] = field(default_factory=list)
    scheduled: dict[int, PlanDeadline] = field(default_factory=dict)
    edits: dict[int, PlanTask] = field(default_factory=dict)  # source task -> the user's version
    reach: ReachClassifier | None = None
    reaches: list[TaskReach] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # superior tasks not carried, and why
    task_deadlines: dict[int, list[int]] = field(default_factory=dict)  # task -> deadlines in its text


def build_plan(notice: Notice, profile: CountyProfile, today: date | None = None,
               kind: str = "实施方案", edited: CountyPlan | None = None) -> CountyPlan:
    """The county's plan for ``notice``. ``today`` is the day the plan is issued (default: the
    superior's issue date, so a plan built later from the same notice is the same plan).

    ``edited``: a plan the user has changed (units, measures, headings, dates, 字号, 主送); its
    changes are kept and the text is printed again from them, so the plan body and the table agree.
    """
    if kind not in PLAN_KINDS:
        raise ValueError(f"方案类型只能是{'、'.join(PLAN_KINDS)}：{kind}")
    profile.validate()
    notice = with_iso_dates(notice)  # dates the clerk typed on the 解析 page
    if not (notice.title or notice.enclosed_title) and not notice.tasks:
        raise DraftingError(f"{notice.source.file}：没有标题也没有任务，不像是需要落实的上级来文，无法起草方案")
    draft_date = today or (date.fromisoformat(notice.issue_date) if notice.issue_date else date.today())
    matcher = UnitMatcher(profile)
    if edited is not None and today is None and edited.issue_date:
        draft_date = date.fromisoformat(edited.issue_date)
    b = _Build(notice, profile, Substituter(notice, profile, matcher.map_department), matcher,
               ScheduleContext(profile.lead_days, draft_date, profile.report_hours_before), kind,
               edits={t.source_task: t for t in edited.tasks if t.source_task is not None} if edited else {})
    b.ctx.title = notice.title or notice.enclosed_title or ""
    b.reach = ReachClassifier(notice, profile)
    for i, deadline in enumerate(notice.deadlines):
        b.scheduled[i] = _county_deadline_text(b, deadline, schedule_deadline(deadline, i, b.ctx,
                                                                             collector=_collector(b, deadline)))
    _keep_duty_periods(b)

    subject, kind_word, year_suffix = subject_of(notice)
    subject = _bulletin_subject(notice, subject)
    title = _without_doubled_scope(profile, plan_title(b.sub, b.profile, b.kind, subject, kind_word, year_suffix))
    topic = _without_doubled_scope(profile, topic_of(topic_source(b.sub, b.profile, subject, kind_word)))
    context = _context(b, title, topic)
    plan = CountyPlan(
        title=title,
        cover_title=cover_title(kind, title, citation(notice, False)),
        issuer=profile.bureau,
        recipients=profile.recipients(),
        issue_date=draft_date.isoformat(),
        tasks=b.tasks,
        contact={"name": profile.contact.name, "phone": profile.contact.phone, "email": profile.contact.email},
        superior={"title": notice.title, "doc_number": notice.doc_number, "issuer": notice.issuer,
                  "file": notice.source.file, "issue_date": notice.issue_date},
        notice_file=notice.source.file,
    )
    if shape_for(notice, kind) == "notice":
        plan.shape = "notice"
        plan.cover_title = f"关于{b.sub.apply(subject, '标题')}的{'紧急' if is_urgent(notice) else ''}通知"
        plan.cover_body, plan.sections = templating.parse_structured(templating.render("紧急通知", **context))
    elif kind == "转发通知":
        plan.title = citation(notice, False).strip("《》")
        body, plan.sections = templating.parse_structured(templating.render("转发通知", **context))
        plan.cover_body = body
    else:
        preamble, plan.sections = templating.parse_structured(templating.render(kind, **context))
        if preamble:
            plan.sections.insert(0, PlanSection(heading="", level=0, paragraphs=preamble))
        plan.cover_body = templating.parse_structured(templating.render("印发通知", **context))[0]
    if edited is not None:
        _keep_user_edits(plan, edited)
    plan.substitutions = b.sub.substitutions
    plan.left_out = b.left_out
    if outside_remit(b.reaches):
        plan.outside_remit = list(dict.fromkeys(p for r in b.reaches for p in r.partners))
    plan.checks = check_plan(plan, notice, b.sub, b.ctx.notes, lead_days=profile.lead_days, profile=profile)
    return plan


def _bulletin_subject(notice: Notice, subject: str) -> str:
    """A 通报 of what an inspection found (关于…督查检查情况的通报): the county's plan is about putting
    right what it found, not about the 情况 (…督查检查发现问题整改)."""
    title = notice.title or ""
    if title.endswith("通报") and re.search(r"(?:检查|督查|督导|暗访|抽查|巡查|考核|评估)(?:工作)?情况$", subject):
        return re.sub(r"(?:工作)?情况$", "发现问题整改", subject)
    return subject


def _is_peer(b: _Build) -> bool:
    """A neighbouring county's bureau issued the notice: it is no superior, the county plan takes it as
    a model (参照《…》), never as requirements (根据《…》要求)."""
    lv = b.sub.level
    return lv.kind == "county" and lv.is_health and bool(lv.place) and lv.place != b.profile.county


def _without_doubled_scope(profile: CountyProfile, text: str) -> str:
    """关于开展全省医疗机构消防安全集中治理的通知 → 示例县医疗机构消防安全集中治理实施方案, never
    示例县全县…; a peer county's name at the head of a topic (绛县2025年…) is the county's own plan's."""
    county = re.escape(profile.county)
    text = re.sub(rf"^({county}|关于)?全县(?=[\u4e00-\u9fff\d])", lambda m: m.group(1) or "", text)
    return re.sub(rf"^{county}(?=\d{{4}}年)", "", text) if not text.endswith(("方案", "计划", "要点")) else text


DUTY_PERIOD = "周期性工作的起止期间"


def _keep_duty_periods(b: _Build) -> None:
    """A span a recurring duty runs in (``汛期（6月1日至9月30日）…每日16时前报告``, ``自7月1日起至9月30日，
    每周五…报送``) is the duty's period, not work to finish early: the county keeps its end, or the
    last days of duty and the last reports would be dropped."""
    notice = b.notice
    for i, span in enumerate(notice.deadlines):
        if span.kind != "range" or not span.span or not span.date:
            continue
        for other in notice.deadlines:
            if other.kind != "recurring" or not other.span or other.span[0] < span.span[1]:
                continue
            between = notice.text[span.span[1]:other.span[0]] if notice.text else "。"
            if len(between) <= 40 and not re.search(r"[。；;！？\n]", between):
                county = b.scheduled[i]
                county.date = county.superior_date = span.date
                county.text = span_text(county.start, span.date, b.ctx.draft_date)
                county.explanation = f"{DUTY_PERIOD}（{other.text}），县级保持上级的起止日期，不提前结束"
                break


def _county_deadline_text(b: _Build, superior: Deadline, county: PlanDeadline) -> PlanDeadline:
    """The deadline's own text as the county prints it (督办, tracking): reports go to the county's
    collector, never ``报省卫生健康委疾病预防控制处``; the superior's organs become the county's."""
    if superior.to and county.to:
        county.text = re.sub(rf"(报送至|报送|报至|报|向){re.escape(superior.to)}(?:[（(]设在[^（）()]{{1,20}}(?:[）)]|$))?",
                             lambda m: f"{m.group(1)}{county.to}", county.text, count=1)
    if b.sub.leftover_superior_names(county.text):
        county.text = b.sub.apply(county.text, "时限")
    return county


def _keep_user_edits(plan: CountyPlan, edited: CountyPlan) -> None:
    """Header fields and the tasks that do not come from a superior task, as the user left them."""
    plan.doc_number = edited.doc_number
    plan.recipients = list(edited.recipients) or plan.recipients
    plan.contact = dict(edited.contact) or plan.contact
    own = {t.id: t for t in edited.tasks if t.source_task is None}
    for task in plan.tasks:
        user = own.get(task.id)
        if task.source_task is None and user is not None and user.category == task.category:
            task.lead, task.support, task.deadlines = list(user.lead), list(user.support), list(user.deadlines)


# ----- tasks -----------------------------------------------------------------------------------
def _section_by_path(notice: Notice) -> dict[tuple[str, ...], Section]:
    found: dict[tuple[str, ...], Section] = {}

    def walk(sections: list[Section], path: tuple[str, ...]) -> None:
        for s in sections:
            if not s.numbered:
                continue
            here = (*path, s.number)
            found.setdefault(here, s)
            walk(s.children, here)

    walk(notice.outline, ())
    return found


def _where(task: Task, sections: dict[tuple[str, ...], Section], phase_names: list[str]) -> str:
    top = sections.get(tuple(task.outline_path[:1]))
    parent = sections.get(tuple(task.outline_path[:-1])) if len(task.outline_path) > 1 else None
    names = " ".join(s.heading for s in (top, parent) if s)
    if any(h in names for h in _SCHEDULE_HEADINGS) or any(task.heading.startswith(p) for p in phase_names):
        return "时间安排"
    if any(h in names for h in _REQUIREMENT_HEADINGS):
        return "工作要求"
    return "主要任务"


def _carry_task(b: _Build, index: int, task: Task, where: str,
                phase_pd: PlanDeadline | None) -> _TaskEntry | None:
    """The county's version of a superior task, or None when none of it is the county's."""
    notice = b.notice
    label = f"{where}：{task.heading}"
    assert b.reach is not None
    reach = b.reach.classify(task, carried_text(notice, task))
    b.reaches.append(reach)
    if reach.kind == "higher" and index not in b.edits:
        reasons = "；".join(dict.fromkeys(reach.notes)) or "属上级机关的工作"
        b.left_out.append(f"“{task.heading}”：{reasons}")
        return None
    text = reach.text
    for sentence in reach.sentences:  # the clerk reviews these rewrites with the level words
        if sentence.printed is not None and sentence.printed != sentence.text:
            b.sub.substitutions.append(Substitution(sentence.text.rstrip("。"), sentence.printed.rstrip("。"), label,
                                                    reason=sentence.note))
    deadlines: list[PlanDeadline] = []
    own = [di for di in b.task_deadlines.get(index, task.deadlines) if di < len(notice.deadlines)]
    for di in own:  # every date phrase first: a recipient may stand in more than one of them
        superior, county = notice.deadlines[di], b.scheduled[di]
        if superior.text and superior.text in text:
            text = text.replace(superior.text, localise_phrase(superior.text, superior, county,
                                                               b.ctx.draft_date.year), 1)
    for di in own:
        superior, county = notice.deadlines[di], b.scheduled[di]
        if superior.to and superior.to in text:  # the county's units report to the county
            # …报县食安办（设在县市场监管局）: where the superior's recipient sits goes with it.
            found = re.search(rf"(报送至|报送|报至|报|向){re.escape(superior.to)}(?:[（(]设在[^（）()]{{1,20}}[）)])?", text)
            if found:
                local = f"{found.group(1)}{county.to or b.profile.office}"
                text = text[:found.start()] + local + text[found.end():]
                b.sub.substitutions.append(Substitution(found.group(0), local, label,
                                                        reason="本县各单位报送至本局，由本局汇总后上报"))
        deadlines.append(county)
    heading = reach.heading
    if phase_pd is not None:
        heading = re.sub(r"[（(][^（）()]*\d[^（）()]*[）)]$", "", heading) + f"（{phase_pd.text}）"
        deadlines.append(phase_pd)
    heading = b.sub.apply(heading, label).rstrip("。：:；;")
    measures = _sentence(b.sub.apply(strip_units_parenthesis(text), label))
    measures, this_plan = _without_this_plan(b, measures)
    lead = [b.sub.apply(u, label + "（牵头单位）") for u in task.lead]
    support = [b.sub.apply(u, label + "（配合单位）") for u in task.support]
    suggestion = b.matcher.suggest(heading, measures, lead, support)
    measures, named = _name_outside_units(b, task, measures, {r.actor for r in reach.left_out if r.actor})
    partners = list(dict.fromkeys([*reach.partners, *named, *(p for p in suggestion.partners if p in measures)]))
    partners = [p for p in partners if not any(p != q and p in q for q in partners)]  # 县人民政府 in 示例县人民政府
    plan_task = PlanTask(id="", number="", category=heading, measures=measures, lead=suggestion.lead,
                         support=suggestion.support, deadlines=deadlines, source_task=index,
                         outline_path=list(task.outline_path),
                         unit_reasons=suggestion.reasons + list(dict.fromkeys(reach.notes)),
                         section=where, partners=partners, unresolved=suggestion.unresolved,
                         left_out=this_plan + [f"{s.text}（{s.note}）" for s in reach.left_out]
                         + [f"{s.left_out_part}（{s.note}）" for s in reach.sentences if s.left_out_part])
    user = b.edits.get(index)
    if user is not None:  # the user's changes win over the suggestion
        plan_task.category, plan_task.measures = user.category, user.measures
        plan_task.lead, plan_task.support = list(user.lead), list(user.support)
        plan_task.deadlines = list(user.deadlines)
        plan_task.unit_reasons = ["已按用户修改"]
        heading, measures = user.category, user.measures
    return _TaskEntry(heading, measures, _units_phrase(b, plan_task.lead, plan_task.support), plan_task)


_THIS_PLAN = re.compile(r"(?<=[，,])(?:[^，,。；]{0,14}?前)?(?:研究)?(?:制定|制订|出台)(?:印发)?(?:本县|全县|我县)"
                        r"[^，,。；]{0,24}?方案(?=[，,。；])")


def _without_this_plan(b: _Build, measures: str) -> tuple[str, list[str]]:
    """``各地要…于6月30日前制定本地区…工作方案`` said to the county bureau asks for the plan being
    drafted: the clause is left out of the bureau's own sentence and listed (本方案即是)."""
    bureau = re.escape(b.profile.bureau_short)
    clause = _THIS_PLAN
    notes: list[str] = []
    out = []
    for sentence in re.findall(r"[^。！？]+[。！？]?", measures):
        found = clause.search(sentence)
        if found and re.match(rf"^{bureau}(?:要|应|须)?", sentence):
            notes.append(f"“{found.group(0)}”（本方案即{b.profile.county}的方案，未再列为任务）")
            sentence = sentence[:found.start() - 1] + sentence[found.end():]
        out.append(sentence)
    return "".join(out), notes


def _name_outside_units(b: _Build, task: Task, measures: str,
                        left_out: frozenset[str] | set[str] = frozenset()) -> tuple[str, list[str]]:
    """Outside bodies the superior named only as units (``（市消防救援支队牵头，…）``) are never the
    county's units: the text names them as partners instead (配合X…, 会同Y…)."""
    named: list[str] = []
    parts = []
    groups = [(task.lead, "配合{}做好相关工作"), (task.support, "会同{}抓好落实")]
    if task.lead and all(b.matcher.role(n).kind == "outside" for n in task.lead + task.support):
        # 责任单位：县市场监管局；配合单位：县公安局 — the bureau is named nowhere: it supports them all.
        groups = [(task.lead + task.support, "配合{}做好相关工作")]
    for names, phrase in groups:
        assert b.reach is not None
        outside = [b.reach.partner(n) for n in names if b.matcher.role(n).kind == "outside"
                   and partner_name(n) not in measures and n not in left_out]  # whose own act was left out
        outside = [p for p in dict.fromkeys(outside)
                   if p not in measures and not re.fullmatch(r"(?:有关|相关)(?:部门|单位)", p)]
        if outside:
            parts.append(phrase.format("、".join(outside)))
            named.extend(outside)
    if parts:
        measures = measures.rstrip("。；") + "，" + "，".join(parts) + "。"
    return measures, named


# Label lines a task may close with instead of a units parenthesis: 责任单位：…, 配合单位：…, 完成时限：….
_UNIT_LABEL = r"(?:牵头|责任|主责|配合|协办|参与|协同|承办|落实)(?:单位|部门)"
_TIME_LABEL = r"(?:完成|办结|截止)?时限(?:要求)?|完成时间"
_LABEL = re.compile(rf"\s*(?P<label>{_UNIT_LABEL}|{_TIME_LABEL})[：:]\s*(?P<value>[^。；;\n]*?)"
                    rf"(?=\s*(?:{_UNIT_LABEL}|{_TIME_LABEL})[：:]|[。；;\n]|$)[。；;]?")
_LABEL_START = re.compile(rf"(?:^|(?<=[。；;\n]))\s*(?:{_UNIT_LABEL}|{_TIME_LABEL})[：:]")


def strip_unit_labels(text: str) -> str:
    """Drop ``责任单位：县市场监管局`` / ``配合单位：…`` label lines (the plan prints the county's own
    units instead) and write ``完成时限：9月26日前`` into the sentence before (``…，9月26日前完成。``)."""
    out: list[str] = []
    pos = 0
    for first in _LABEL_START.finditer(text):
        if first.start() < pos:
            continue
        out.append(text[pos:first.start()])
        pos = first.start()
        while (m := _LABEL.match(text, pos)) is not None:  # labels may follow each other on one line
            pos = m.end()
            value = m.group("value").strip()
            if re.fullmatch(_UNIT_LABEL, m.group("label")) or not value:
                continue
            clause = value + "完成" if value.endswith("前") else value
            before = "".join(out).rstrip()
            out = [before.rstrip("。；;") + ("，" if before else "") + clause + "。"]
    if not out:
        return text
    out.append(text[pos:])
    return "\n".join(line for line in "".join(out).split("\n") if line.strip())


def strip_units_parenthesis(text: str) -> str:
    """Drop a closing ``（局人事股、工委办牵头，各县（市、区）负责）`` (brackets may nest) and the
    label lines that say the same (:func:`strip_unit_labels`): the plan prints the county's own units
    there instead."""
    text = strip_unit_labels(text)
    body = text.rstrip().rstrip("。；;")
    if not body.endswith(("）", ")")):
        return text
    depth = 0
    for i in range(len(body) - 1, -1, -1):
        ch = body[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            depth -= 1
            if depth == 0:
                inner = body[i + 1:-1]
                if re.search(r"牵头|负责|配合|参与", inner) and len(inner) <= 80:
                    return body[:i].rstrip()
                return text
    return text


def _units_phrase(b: _Build, lead: list[str], support: list[str]) -> str:
    return units_phrase(lead, support, b.matcher.is_department)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；" else text + "。"


def _deadlines_in_task_text(notice: Notice) -> dict[int, list[int]]:
    """Each task's deadlines: the parser's, and those standing in the task's further paragraphs
    (the whole item is carried, so its dates are the task's), reports carried apart excepted."""
    linked = {di for t in notice.tasks for di in t.deadlines}
    found: dict[int, list[int]] = {}
    for ti, task in enumerate(notice.tasks):
        own = list(task.deadlines)
        section = section_of(notice, task)
        span = body_span(notice, section) if section is not None else None
        if span is not None:
            start, end = span
            own += [di for di, d in enumerate(notice.deadlines)
                    if di not in linked and d.span and start <= d.span[0] < end and not is_report(d)]
        found[ti] = own
    return found


# ----- template context ------------------------------------------------------------------------
def _context(b: _Build, title: str, topic: str) -> dict:
    notice, p = b.notice, b.profile
    sections = _section_by_path(notice)
    phase_names = [ph.name for ph in notice.phases]
    phase_pds = dict(zip(phase_names, schedule_phases(notice.phases, b.ctx), strict=True))
    b.task_deadlines = _deadlines_in_task_text(notice)
    linked = {di for dls in b.task_deadlines.values() for di in dls}

    groups: dict[str, list[_TaskEntry]] = {}
    group_heading: dict[str, str | None] = {}
    requirements: list[_TaskEntry] = []
    steps: list[_TaskEntry] = []
    ordered: list[_TaskEntry] = []  # every carried task in the superior's order
    used_phases: set[str] = set()
    for i, task in enumerate(notice.tasks):
        where = _where(task, sections, phase_names)
        phase = next((n for n in phase_names if task.heading.startswith(n)), None)
        entry = _carry_task(b, i, task, where, phase_pds.get(phase) if phase else None)
        if entry is None:
            continue
        ordered.append(entry)
        if phase:
            used_phases.add(phase)
        b.tasks.append(entry.plan_task)
        if where == "时间安排":
            steps.append(entry)
        elif where == "工作要求":
            requirements.append(entry)
        else:
            key_path = tuple(task.outline_path[:-1]) if len(task.outline_path) > 2 else tuple(task.outline_path[:1])
            parent = sections.get(key_path)
            key = "/".join(key_path)
            groups.setdefault(key, []).append(entry)
            group_heading[key] = b.sub.apply(parent.heading, "主要任务") if parent and len(key_path) > 1 else None

    if not groups and requirements and not steps:
        # A 通报 whose only tasks stand under 下一步工作要求: they are the county's main tasks.
        groups[""] = requirements
        group_heading[""] = None
        for entry in requirements:
            entry.plan_task.section = "主要任务"
        requirements = []
    # Phases with no item of their own still print in 时间安排.
    bare_phases = []
    for ph in notice.phases:
        pd = phase_pds.get(ph.name)
        if ph.name not in used_phases and pd is not None:
            bare_phases.append({"heading": f"{b.sub.apply(ph.name, '时间安排')}（{pd.text}）", "pd": pd})
            b.tasks.append(PlanTask(id="", number="", category=b.sub.apply(ph.name, "时间安排"),
                                    measures=f"{ph.name}各项工作于{pd.text}完成。", lead=[p.office],
                                    support=[p.units_collective], deadlines=[pd], section="时间安排",
                                    unit_reasons=["阶段性工作由局办公室统筹"]))

    overall = None
    printed: set[int] = set()
    general, goal_text = _restated_sections(b, sections, printed)
    goals: list[str] = []
    reports: list[str] = []
    for di, deadline in enumerate(notice.deadlines):
        if di in linked:
            continue
        pd = b.scheduled[di]
        if deadline.kind in ("range", "event") and overall is None:
            overall = {"text": pd.text, "action": b.sub.apply(deadline.action or "", "时间安排"), "pd": pd}
        elif is_report(deadline):
            sentence = _report_sentence(b, deadline, pd)
            reports.append(sentence)
            b.tasks.append(PlanTask(id="", number="", category=report_category(deadline),
                                    measures=sentence, lead=[pd.to or p.office], support=[p.units_collective],
                                    deadlines=[pd], section="工作要求",
                                    unit_reasons=[f"上级要求报送，由{p.office}收集汇总"]))
        elif deadline.kind == "due" and pd.date:
            action = b.sub.apply(deadline.action or deadline.text, "工作目标")
            if di not in printed:
                goals.append(f"{cn_date(date.fromisoformat(pd.date))}前，{_sentence(action)}")
            b.tasks.append(PlanTask(id="", number="", category="阶段目标", measures=_sentence(action),
                                    lead=b.matcher.suggest("", action, [], []).lead,
                                    support=[p.units_collective], deadlines=[pd], section="工作目标",
                                    unit_reasons=["上级文件设定的阶段目标"]))
        elif deadline.kind == "recurring":
            action = b.sub.apply(deadline.action or deadline.text, "工作要求")
            reports.append(f"{pd.text.replace('前', '')}{_sentence(action)}")
    if overall is None and phase_pds:
        spans = [pd for pd in phase_pds.values() if pd is not None]
        if spans:
            whole = dataclasses.replace(spans[-1], start=spans[0].start,
                                        text=span_text(spans[0].start, spans[-1].date, b.ctx.draft_date),
                                        explanation="各阶段合计：" + spans[-1].explanation)
            overall = {"text": whole.text, "action": "", "pd": whole}
    # Tasks with no date of their own run until the campaign ends.
    if overall:
        for task in b.tasks:
            if not task.deadlines:
                default = dataclasses.replace(overall["pd"])
                default.explanation = "任务未单列时限，按整体工作结束时间：" + default.explanation
                task.deadlines.append(default)
    for n, task in enumerate(b.tasks, 1):
        task.id, task.number = f"T{n}", str(n)

    purpose = _purpose(b) or (f"认真贯彻落实{b.sub.superior_short}关于{topic}的部署要求，"
                              "切实抓好各项任务在我县落地落实")
    return {
        "plan_title": title, "doc_kind": "工作方案" if b.kind == "工作方案" else "实施方案",
        "bureau": p.bureau, "bureau_short": p.bureau_short, "bureau_abbr": p.bureau_abbr,
        "county": p.county, "office": p.office, "units": p.units_collective,
        "departments": p.departments_collective, "organ": p.organ_prefix,
        "peer": _is_peer(b),
        "superior": b.sub.superior_short, "purpose": purpose, "citation": citation(notice), "citation_short": citation(notice, False),
        "topic": topic, "kind_noun": kind_noun(topic),
        "urgent": bool(notice.urgency) or "紧急" in (notice.title or ""),
        "safety": "安全" in topic or "安全" in (notice.title or ""),
        "general": general, "goals": goal_text + goals,
        "leadership": _leadership(b, topic),
        "main_groups": [{"heading": group_heading[k], "tasks": v} for k, v in groups.items()],
        "schedule": {"overall": overall, "steps": steps, "phases": bare_phases},
        "requirements": requirements,
        "all_tasks": ordered,
        "requirements_heading": _requirements_heading(b, sections, requirements),
        "reports": merge_reports(reports),
        "first_report": _first_report(b, linked),
        "reports_in_tasks": any(is_report(notice.deadlines[di]) for di in linked if di < len(notice.deadlines)),
        "contact": {"name": p.contact.name, "phone": p.contact.phone, "email": p.contact.email},
        "lead_days": p.lead_days,
    }


def _collector(b: _Build, deadline: Deadline) -> str:
    """Who collects a report in the county: the 股室 matching the superior's division, else the office."""
    if deadline.to:
        local = b.sub.apply(deadline.to, "报送对象")
        if local in b.profile.department_names():
            return local
    return b.profile.office


def _requirements_heading(b: _Build, sections: dict[tuple[str, ...], Section], entries: list[_TaskEntry]) -> str:
    """工作要求, or the superior's own name for that part (保障措施, 组织保障) when it used one."""
    for entry in entries:
        path = entry.plan_task.outline_path
        top = sections.get(tuple(path[:1])) if path else None
        if top and top.heading in _REQUIREMENT_HEADINGS:
            return top.heading
    return "工作要求"


def _report_sentence(b: _Build, deadline: Deadline, pd: PlanDeadline) -> str:
    return report_sentence(b.sub.apply(report_object(deadline), "工作要求"), pd, pd.to or b.profile.office)


def _first_report(b: _Build, linked: set[int]) -> str | None:
    """The report the cover notice reminds the units of: the plan/contacts, else the first due one."""
    candidates = [(di, d) for di, d in enumerate(b.notice.deadlines)
                  if is_report(d) and d.kind == "due" and b.scheduled[di].date]
    if not candidates:
        return None
    di, deadline = next(((i, d) for i, d in candidates if "方案" in (d.action or "") or "联系人" in (d.action or "")),
                        candidates[0])
    return _report_sentence(b, deadline, b.scheduled[di])


def _leadership(b: _Build, topic: str) -> dict:
    p = b.profile
    leaders = [ld for ld in p.leaders if (ld.role or "") == "组长"] or p.leaders[:1]
    deputies = [ld for ld in p.leaders if ld not in leaders and (ld.role in ("", "副组长"))]
    group = None
    if b.notice.leadership and b.notice.leadership.group:
        group = b.sub.apply(b.notice.leadership.group, "组织领导")
        group = re.sub(rf"^(?:全县|{re.escape(p.county)}|{re.escape(p.bureau_short)})(?:卫健|卫生健康)?(?:系统)?",
                       "", group)
    if not group:
        group = f"{topic}{'领导小组' if topic.endswith(TOPIC_NOUNS) else '工作领导小组'}"
    return {"group": group,
            "leader": [{"name": ld.name, "post": ld.post} for ld in leaders],
            "deputy": [{"name": ld.name, "post": ld.post} for ld in deputies],
            "members": f"{p.departments_collective}负责人、{p.units_collective}主要负责人",
            "short": "领导小组" if group.endswith("领导小组") else ("领导组" if group.endswith("领导组") else "领导小组"),
            "office": p.office}


def _purpose(b: _Build) -> str | None:
    """The superior's own 为…… clause (the last one before the first heading: the enclosed plan's
    preamble rather than the cover's), localised, when its text is at hand."""
    text = b.notice.text
    if not text:
        return None
    first = min((s.span[0] for s in b.notice.outline if s.span), default=min(len(text), 1500))
    matches = list(re.finditer(r"为(?!了解|此)([^。]{6,300}?)，(?=(?:现|根据|按照|依据|经研究|经|特|结合|决定|制定|定于))",
                               text[:first]))
    if not matches:
        return None
    kept: list[str] = []
    for part in matches[-1].group(1).split("，"):
        if _OWN_DECISION.search(part):
            break
        kept.append(part)
    clause = "，".join(kept)
    if len(clause) > 120 and len(kept) > 2:
        # Keep the first clause (what prompted it) and the last ones (what it aims at).
        tail: list[str] = []
        for part in reversed(kept[1:]):
            if len(kept[0]) + sum(len(t) + 1 for t in tail) + len(part) > 110:
                break
            tail.insert(0, part)
        clause = "，".join([kept[0], *tail])
    return b.sub.apply(clause, "依据") if len(clause) >= 6 else None


def _drop_superior_facts(b: _Build, line: str, where: str = "总体要求") -> str:
    """Sentences where the superior states what it has already done (市卫健委已成立14个督查组…)
    are its own facts, not the county's: they are left out of the restatement (and listed)."""
    return b.sub.drop_superior_deeds(line, where)


_OWN_DECISION = re.compile(r"决定|制定了|研究制定|印发|现将|特制定|经研究")


def _restated_sections(b: _Build, sections: dict[tuple[str, ...], Section],
                       printed: set[int]) -> tuple[list[str], list[str]]:
    """The superior's 总体要求 and 工作目标 text, localised (names and dates), when its text is at
    hand. Deadlines whose phrase is printed this way are added to ``printed``."""
    general: list[str] = []
    goals: list[str] = []
    text = b.notice.text
    if not text:
        return general, goals
    tasked = {t.outline_path[0] for t in b.notice.tasks if t.outline_path}
    for path, section in sections.items():
        if len(path) != 1 or section.number in tasked or not section.body_span:
            continue
        target = general if any(h in section.heading for h in _GENERAL_HEADINGS) else (
            goals if any(h in section.heading for h in _GOAL_HEADINGS) else None)
        if target is None:
            continue
        start, end = section.body_span
        inside = [(di, d) for di, d in enumerate(b.notice.deadlines)
                  if d.span and start <= d.span[0] and d.span[1] <= end]
        for line in text[start:end].splitlines():
            line = re.sub(r"\s", "", line)
            hn = match_heading_number(line)
            if hn is not None:
                line = line[hn.end:]
            line = _drop_superior_facts(b, line, section.heading)
            if not line or line == section.heading:
                continue
            for di, deadline in inside:
                if deadline.text and deadline.text in line and di not in printed:
                    local = localise_phrase(deadline.text, deadline, b.scheduled[di], b.ctx.draft_date.year)
                    line = line.replace(deadline.text, local, 1)
                    printed.add(di)
            target.append(b.sub.apply(line, section.heading))
    return general, goals


def load_notice(path: str | os.PathLike[str], progress: ProgressCallback = noop,
                cancelled: CancelCheck = never) -> Notice:
    """A superior notice from a source file (parsed) or from its ``notice/1`` JSON."""
    path = Path(path)
    if path.suffix.lower() != ".json":
        from parsing.parser import parse_file

        return parse_file(path, progress, cancelled)
    try:
        data = loads_json(path.read_text(encoding="utf-8"))  # cleaned, depth-checked
        return Notice.from_json(data)
    except FileNotFoundError as exc:
        raise DraftingError(f"{path.name}：找不到文件") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DraftingError(f"{path.name}：不是有效的 notice/1 解析结果（{exc}）") from exc
