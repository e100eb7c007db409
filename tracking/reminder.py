"""The 催办通知: a notice to the units whose delegations are overdue (红灯) or behind (黄灯),
drafted from ``templates/催办通知.j2`` and written through the GB/T 9704 writer. Writing it
records a 催办 against each delegation it names."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from drafting.gbt9704.model import Block, OfficialDocument, Paragraph
from drafting.plan_export import contact_note, plan_blocks
from drafting.templating import parse_structured, render
from tracking.delegations import record_reminders
from tracking.ledger import cn_date, md
from tracking.queries import (
    RED,
    YELLOW,
    DelegationRow,
    list_delegations,
    load_plan,
    shift_working_days,
    summarize,
)
from tracking.store import Store

REPLY_WITHIN = 2  # working days the chased units get to reply


@dataclass
class ReminderDraft:
    """A drafted 催办通知 and what it covers."""

    document: OfficialDocument
    units: list[str]
    delegation_ids: list[int]
    path: Path | None = None
    items: dict[str, list[dict]] = field(default_factory=dict)


def _due_text(rows: list[DelegationRow]) -> str:
    if rows[0].recurring:
        missed = sorted({d for r in rows for d in r.missed_dates})
        if not missed:
            return f"应{rows[0].deadline_text}报送"
        clock = f"{rows[0].due_time}" if rows[0].due_time else ""
        if len(missed) <= 3:
            return f"应于{'、'.join(md(d) for d in missed)}{clock}前报送"
        return f"{md(missed[0])}至{md(missed[-1])}应报送{len(missed)}次"
    days = sorted({r.due_date for r in rows if r.due_date})
    if rows[0].occurrence is not None and not rows[0].overdue_days:
        return f"应{rows[0].deadline_text}报送"
    if not days:
        return f"时限为{rows[0].deadline_text or '尽快'}"
    clock = f"{rows[0].due_time}" if rows[0].due_time else ""
    if len(days) == 1:
        return f"应于{md(days[0])}{clock}前完成"
    if len(days) <= 3:
        return f"应于{'、'.join(md(d) for d in days)}{clock}前报送"
    return f"{md(days[0])}至{md(days[-1])}应报送{len(days)}次"


def _inner_quotes(text: str) -> str:
    """Quotes inside the template's own “…” become ‘…’, as Chinese nests them."""
    return text.replace("“", "‘").replace("”", "’")


def late_items(rows: list[DelegationRow], today: date) -> dict[str, list[dict]]:
    """Per unit, the late items (one per task; a recurring duty's missed reports grouped)."""
    from tracking.queries import working_days_between

    units: dict[str, dict[int, list[DelegationRow]]] = {}
    for r in rows:
        units.setdefault(r.unit, {}).setdefault(r.task_id, []).append(r)
    result: dict[str, list[dict]] = {}
    for unit, tasks in units.items():
        items = []
        for group in tasks.values():
            first = group[0]
            if first.occurrence is not None:
                # A recurring duty: name the reports missed; if none is missed yet, the duty itself.
                group = [r for r in group if r.overdue_days] or [first]
            worst = max(group, key=lambda r: r.overdue_days)
            items.append({
                "number": first.task_number or first.task_key, "category": _inner_quotes(first.category),
                "measures": first.measures.rstrip("。"), "due_text": _due_text(group),
                "status": worst.status, "overdue_days": worst.overdue_days,
                "unsigned": worst.status == "交办",
                "waited": working_days_between(worst.assigned_at.date(), today),
                "ids": [r.id for r in group],
            })
        result[unit] = items
    return result


def draft_reminder(store: Store, *, plan_id: int, today: date | None = None,
                   lights: tuple[str, ...] = (RED, YELLOW)) -> ReminderDraft | None:
    """The 催办通知 for the plan's delegations lit ``lights`` on ``today``; None when none is."""
    today = today or date.today()
    plan = load_plan(store, plan_id)
    from tracking.county_units import county_units

    units = county_units()
    # Never chase the sender: the bureau and its office send the 催办.
    rows = [r for r in list_delegations(store, today=today, plan_id=plan_id, open_only=True)
            if r.light in lights and not units.is_sender(r.unit)]
    if not rows:
        return None
    summary = summarize(store, plan_id, today)
    # Units with overdue items first, then by how late they are.
    items = late_items(rows, today)
    order = sorted(items, key=lambda u: (-max(i["overdue_days"] for i in items[u]), list(items).index(u)))
    office = (plan.contact or {}).get("office") or f"{plan.issuer}办公室"
    text = render("催办通知", plan_title=plan.title, plan_doc_number=plan.doc_number,
                  reported_count=summary.by_status["已反馈"] + summary.by_status["办结"],
                  today_text=cn_date(today), item_count=sum(len(items[u]) for u in order),
                  units=[{"name": u, "matters": items[u]} for u in order],
                  reply_by_text=md(shift_working_days(today, REPLY_WITHIN)), office=office)
    preamble, sections = parse_structured(text)
    body: list[Block] = [Paragraph(p) for p in preamble] + plan_blocks(sections)
    subject = plan.title.removesuffix("实施方案").removesuffix("工作方案").removesuffix("方案")
    document = OfficialDocument(
        title=f"关于督促加快落实{subject}有关任务的通知",
        recipients=order, body=body, signature=[plan.issuer], date=today, note=contact_note(plan),
    )
    named = [i for u in order for item in items[u] for i in item["ids"]]
    return ReminderDraft(document=document, units=order, delegation_ids=named, items=items)


def write_reminder(store: Store, path: str | os.PathLike[str], *, plan_id: int, today: date | None = None,
                   now: datetime | None = None, record: bool = True) -> ReminderDraft | None:
    """Draft the 催办通知, write it to ``path`` (.docx, atomically) and record the 催办 against
    each delegation it names. None (and no file) when no unit is late."""
    from drafting.gbt9704 import write_docx

    draft = draft_reminder(store, plan_id=plan_id, today=today)
    if draft is None:
        return None
    draft.path = write_docx(draft.document, path)
    if record:
        record_reminders(store, draft.delegation_ids, document_path=draft.path, now=now)
    return draft
