"""The 进展情况报告 back up (a 工作总结 once everything is closed), drafted from the 台账: counts,
what each task has done by whose feedback, what is late, what comes next. Template:
``templates/进展报告.j2``; written through the GB/T 9704 writer."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from drafting.gbt9704.model import Block, OfficialDocument, Paragraph
from drafting.plan_export import contact_note, plan_blocks
from drafting.templating import parse_structured, render
from tracking.ledger import cn_date, md
from tracking.queries import DelegationRow, PlanSummary, feedback_of, load_plan, shift_working_days, summarize
from tracking.store import Store

UPCOMING_WITHIN = 10  # working days: what the report lists as coming next
# A unit's feedback speaks of itself (我院、本中心); the report names the unit instead.
_SELF_REFERENCE = re.compile(r"^(?:我|本)(?:院|单位|中心|局|站|所|科|股|室|委|办)[，,、]?")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%".replace(".0%", "%") if whole else "—"


def task_summary(store: Store, rows: Sequence[DelegationRow], today: date) -> str:
    """One task's paragraph: who leads, then each unit's latest feedback, or where it stands."""
    first = rows[0]
    leads = list(dict.fromkeys(r.unit for r in rows if r.role == "牵头"))
    supports = list(dict.fromkeys(r.unit for r in rows if r.role != "牵头"))
    who = "、".join(leads) + "牵头" if leads else ""
    if supports:
        who += f"，{'、'.join(supports)}配合"
    text = f"{who}，{first.measures.rstrip('。')}。" if who else f"{first.measures.rstrip('。')}。"
    if any(r.recurring for r in rows):
        due = sum(r.occurrences_due for r in rows)
        done = sum(r.occurrences_reported for r in rows)
        missed = [f"{r.unit}缺报{r.occurrences_missed}次" for r in rows if r.occurrences_missed]
        return text + f"截至目前应报送{due}次，已报送{done}次" + (f"，其中{'、'.join(missed)}" if missed else "") + "。"
    said: list[str] = []
    for unit in dict.fromkeys(r.unit for r in rows):
        mine = [r for r in rows if r.unit == unit]
        feedback = [f for r in mine for f in feedback_of(store, r.id)]
        if feedback:
            # What was done (the unit's own words), by whom, by when.
            words = _SELF_REFERENCE.sub("", feedback[-1]["text"]).rstrip("。；;")
            closed = all(r.status == "办结" for r in mine)
            said.append(f"{unit}{words}（{md(feedback[-1]['at'].date())}反馈{'，已办结' if closed else ''}）")
        else:
            said.append(f"{unit}正在办理" if any(r.status != "交办" for r in mine) else f"{unit}尚未签收")
    return text + "；".join(said) + "。"


def report_context(store: Store, summary: PlanSummary) -> dict:
    """The template's variables, all drawn from the store."""
    plan = load_plan(store, summary.plan.id)
    today = summary.today
    s = summary
    by_task: dict[int, list[DelegationRow]] = {}
    for r in s.rows:
        by_task.setdefault(r.task_id, []).append(r)
    order = sorted(by_task, key=lambda t: _task_position(plan, by_task[t][0].task_key))
    due_rows = [r for r in s.rows if r.due_date and r.due_date <= today]
    on_time = [r for r in due_rows if not r.is_open and not r.late_report]
    overdue = [r for r in s.rows if r.overdue_days]
    problems: list[str] = []
    if overdue:
        units = list(dict.fromkeys(r.unit for r in overdue))
        named = "、".join(units[:3]) + ("等" if len(units) > 3 else "")
        text = (f"部分事项进度滞后。截至{cn_date(today)}，{named}{len(units)}个单位的{len(overdue)}件事项"
                f"逾期未反馈")
        text += f"，已发出催办{s.reminders}次。" if s.reminders else "。"
        problems.append(text)
    if s.late_reports:
        problems.append(f"个别事项反馈不够及时。共有{s.late_reports}件事项晚于时限反馈。")
    if s.by_status["交办"]:
        problems.append(f"部分单位签收不及时。尚有{s.by_status['交办']}件交办事项未签收。")
    problems = [f"{'一二三四五'[i]}是{p}" for i, p in enumerate(problems)]
    horizon = shift_working_days(today, UPCOMING_WITHIN)
    first_due: dict[str, date] = {}
    for r in s.rows:
        if r.is_open and r.due_date and today <= r.due_date <= horizon:
            first_due[r.category] = min(first_due.get(r.category, r.due_date), r.due_date)
    upcoming = sorted((d, c) for c, d in first_due.items())
    upcoming_text = "；".join(f"{md(d)}前{c}" for d, c in upcoming[:5])
    superior = plan.superior or {}
    issue = date.fromisoformat(plan.issue_date) if plan.issue_date else None
    return {
        "superior_title": superior.get("title"), "superior_issuer": superior.get("issuer") or "上级",
        "superior_doc_number": superior.get("doc_number"), "issuer": plan.issuer,
        "issue_date_text": cn_date(issue) if issue else "", "plan_title": plan.title,
        "plan_doc_number": plan.doc_number, "task_count": s.tasks, "delegation_count": s.delegations,
        "unit_count": s.units, "today_text": cn_date(today), "closed": s.by_status["办结"],
        "reported": s.by_status["已反馈"], "in_progress": s.by_status["办理中"], "signed": s.by_status["签收"],
        "unsigned": s.by_status["交办"], "tasks_closed": s.tasks_closed, "due_count": len(due_rows),
        "on_time": len(on_time), "on_time_rate": _percent(len(on_time), len(due_rows)),
        "feedback_count": s.feedback_items, "attachment_count": s.attachments,
        "tasks": [{"category": by_task[t][0].category, "summary": task_summary(store, by_task[t], today)} for t in order],
        "problems": problems, "open_count": sum(r.is_open for r in s.rows) + s.by_status["已反馈"],
        "upcoming": upcoming_text,
    }


def _task_position(plan, key: str) -> int:
    return next((i for i, t in enumerate(plan.tasks) if t.id == key), len(plan.tasks))


def draft_report(store: Store, *, plan_id: int, today: date | None = None) -> OfficialDocument:
    """The 进展情况报告 (工作总结 when every delegation is closed) as an OfficialDocument."""
    summary = summarize(store, plan_id, today)
    plan = load_plan(store, plan_id)
    context = report_context(store, summary)
    preamble, sections = parse_structured(render("进展报告", **context))
    body: list[Block] = [Paragraph(p) for p in preamble] + plan_blocks(sections)
    body.append(Paragraph("特此报告。"))
    subject = plan.title.removesuffix("实施方案").removesuffix("工作方案").removesuffix("方案")
    finished = summary.delegations and summary.by_status["办结"] == summary.delegations
    title = f"关于{subject}工作情况的总结报告" if finished else f"关于{subject}进展情况的报告"
    recipient = (plan.superior or {}).get("issuer")
    return OfficialDocument(title=title, recipients=[recipient] if recipient else [], body=body,
                            signature=[plan.issuer], date=summary.today, note=contact_note(plan))


def write_report(store: Store, path: str | os.PathLike[str], *, plan_id: int, today: date | None = None) -> Path:
    """Draft the report and write it to ``path`` (.docx, atomically)."""
    from drafting.gbt9704 import write_docx

    return write_docx(draft_report(store, plan_id=plan_id, today=today), path)
